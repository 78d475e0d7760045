"""Where each page lives and how pages link to each other (relative URLs, like MkDocs)."""

from __future__ import annotations

import posixpath
from typing import NamedTuple

from ...addresses import ARTICLES_INDEX as ARTICLES_INDEX
from ...addresses import CLAIMS_INDEX as CLAIMS_INDEX
from ...addresses import DISCREPANCIES as DISCREPANCIES

# Page addresses live in the core (the exports need them too); imported here for the site.
from ...addresses import HOME as HOME
from ...addresses import SOURCES_INDEX as SOURCES_INDEX
from ...addresses import TIMELINE as TIMELINE
from ...addresses import article_page as article_page
from ...addresses import claim_page as claim_page
from ...addresses import entity_page as entity_page
from ...addresses import kind_index as kind_index
from ...addresses import listing_page as listing_page
from ...addresses import url_of as url_of


class _Base(NamedTuple):
    """Where a page's relative links start: its URL's folders, `../` once for each, and the first with its slash."""

    folders: list[str]
    up: str
    first: str


def _relative(base: list[str], target: str) -> str:
    """The link from a page in the folders `base` (not the root) to the URL `target`."""
    parts = [part for part in target.split("/") if part]
    common = 0
    while common < len(base) and common < len(parts) and base[common] == parts[common]:
        common += 1
    relative = "/".join([".."] * (len(base) - common) + parts[common:]) or "."
    if (not target or target.endswith("/")) and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in ("./", ".") else relative


class Linker:
    """Relative links from one page to others."""

    def __init__(self, directory_urls: bool = True, site_url: str = "") -> None:
        self.directory_urls = directory_urls
        self.site_url = site_url  # the site's address (MkDocs' `site_url`), for absolute URLs in JSON-LD; or ""
        self._bases: dict[str, _Base] = {}
        self._urls: dict[str, str] = {}  # src_uri -> its URL: pages link to the same few thousand targets

    def _base(self, from_src: str) -> _Base:
        """The folders of the URL a page is served at (what its relative links start from)."""
        base = self._bases.get(from_src)
        if base is None:
            here = url_of(from_src, self.directory_urls)
            folder = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
            folders = [part for part in folder.split("/") if part]
            base = self._bases[from_src] = _Base(folders, "../" * len(folders), folders[0] + "/" if folders else "")
        return base

    def _url(self, to_src: str) -> str:
        url = self._urls.get(to_src)
        if url is None:
            url = self._urls[to_src] = url_of(to_src, self.directory_urls)
        return url

    def href(self, from_src: str, to_src: str, anchor: str = "") -> str:
        # What posixpath.relpath gives, computed on path segments: pages link to thousands of
        # others, and relpath's normalising is most of the cost of a link.
        base = self._bases.get(from_src) or self._base(from_src)
        target = self._urls.get(to_src)
        if target is None:
            target = self._url(to_src)
        if not base.folders:
            relative = target or "./"
        elif not target.startswith(base.first) and target != base.folders[0]:
            # No folder in common (most links): up to the root, then down to the target (a
            # page's URL has no empty segment, so this is the general case's join).
            relative = base.up + target
        else:
            relative = _relative(base.folders, target)
        return relative + (f"#{anchor}" if anchor else "")

    def asset(self, from_src: str, path: str) -> str:
        here = url_of(from_src, self.directory_urls)
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        return posixpath.relpath(path, base.rstrip("/") or ".") if base not in ("", "/") else path
