"""Where each page lives and how pages link to each other (relative URLs, like MkDocs)."""

from __future__ import annotations

import posixpath
from typing import NamedTuple

from ..kinds import KINDS, Kind

HOME = "index.md"
CLAIMS_INDEX = "claims.md"
ARTICLES_INDEX = "articles.md"
SOURCES_INDEX = "sources.md"
TIMELINE = "timeline.md"
DISCREPANCIES = "discrepancies.md"


# Looked up for every link to an entity: the registry's folders, by kind, in a plain dict.
_FOLDER = {spec.kind: spec.folder for spec in KINDS}


def entity_page(kind: Kind, entity_id: str) -> str:
    return f"{_FOLDER[kind]}/{entity_id}.md"


def kind_index(kind: Kind) -> str:
    return f"{_FOLDER[kind]}.md"


def claim_page(claim_id: str) -> str:
    return f"claims/{claim_id}.md"


def article_page(article_id: str) -> str:
    return f"articles/{article_id}.md"


def url_of(src_uri: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page built from `src_uri` (relative to the site root)."""
    stem = src_uri[: -len(".md")]
    if directory_urls:
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"
    return stem + ".html"


def listing_page(first_src: str, number: int, what: str = "page") -> str:
    """Page `number` (from 1) of a long list whose first page is `first_src`.

    Later pages live in a folder named after the first page (`claims.md` → `claims/page/2.md`,
    `people/x.md` → `people/x/claims/2.md`): ids are single path segments, so no entity,
    claim or article page can ever have one of these paths.
    """
    return first_src if number <= 1 else f"{first_src[: -len('.md')]}/{what}/{number}.md"


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
