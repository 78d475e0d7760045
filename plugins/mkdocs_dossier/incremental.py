"""The incremental preview: under `mkdocs serve`, a rebuild renders again only the generated
pages an edit affects, and keeps the previous build's output of the others.

MkDocs rebuilds the whole site on every change: it empties the site folder, then renders
every page through the theme's template (most of a rebuild's time). Here:

1. Before MkDocs empties the site folder (`on_pre_build`), its files are moved aside into a
   hidden folder inside it, `previous` (a rename per top-level entry: nothing is copied).
2. Once the dossier is checked and the site planned (`on_files`), the core's
   `DependencyTracker` names the generated pages whose every input is unchanged (see
   dossier/site/preview/dependencies.py for why that is sound). Each such page whose previous output
   file is in `previous` is moved back to where MkDocs would write it (a folder at a time:
   kept_output.py), and its file is marked `EXCLUDED`, so that MkDocs neither renders nor
   writes it: an excluded page is left out of reading, rendering and writing, and a link to
   it still resolves (MkDocs logs links to excluded pages as information). Every other page is rendered and written as usual.
3. Material's search plugin indexes the pages it renders; the index entries of a kept page
   were captured when it was last rendered and are added back before the index is written
   (`on_post_build`, before the search plugin's). Material documents that the order of the
   entries does not matter.

Why the kept output is what MkDocs would write again. The theme renders a generated page from
the page's HTML, table of contents, title and search view (all from the dossier's renderer,
hence unchanged, with the page's address), and from what is shared by the whole site: the
configuration, the navigation, the theme's templates, the user's own Markdown pages (their
titles are in the navigation) and the other plugins. All of these are in `context_key`;
when it changes, nothing is kept. Pages in the navigation and the home page are always
rendered by MkDocs (the dossier's part of such a page is its last rendering when unaffected:
`render`). Other plugins may change a page in ways this module cannot know (a build date, a
git date): the preview is incremental only with Material and the search plugin, and renders
everything otherwise. A build that fails, or that shows the dossier's problems instead of the
site, is followed by a full one.

What is not kept up to date for kept pages: the preview's sitemap.xml lists only the pages
rendered in the last build (MkDocs writes it from the pages it rendered). `mkdocs build` is
never incremental.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from dossier.site.page import RenderedPage
from dossier.site.preview.dependencies import DependencyTracker, UntrackableSite, fingerprint
from dossier.site.site import Site

from .compat import material, mkdocs
from .kept_output import move_back

log = get_plugin_logger(__name__)

# The plugins whose effect on a page is a function of the page and the site (see above).
KNOWN_PLUGINS = frozenset({"search", "material/search", "dossier"})


class IncrementalPreview:
    def __init__(self) -> None:
        self.tracker = DependencyTracker()
        self.previous: Path | None = None  # the last build's site folder, moved aside
        self.complete = False  # whether the last build wrote a whole site
        self.kept: list[str] = []  # the src_uri of the pages kept in this build
        self.rendered = 0
        self._kept_entries: dict[str, list[Any]] = {}  # page src_uri -> its search index entries
        self._mark: int | None = None
        self._unaffected: set[str] = set()  # by the tracker, in this build
        self._in_navigation: set[str] = set()
        self._navigation: dict[str, RenderedPage] = {}  # the last rendering of the generated pages in the navigation
        self.reason = ""  # why the last build kept nothing, for the log

    # ----- 1. the previous site, moved aside -----

    def move_previous_site(self, site_dir: str) -> None:
        self.discard_previous()
        if not self.complete or not os.path.isdir(site_dir):
            return
        # Inside the site folder, hidden: MkDocs' cleaning leaves it, and MkDocs deletes it with
        # its temporary site folder when the server stops.
        self.previous = Path(tempfile.mkdtemp(prefix=".dossier-previous-", dir=site_dir))
        for entry in os.listdir(site_dir):
            if not entry.startswith("."):  # what MkDocs' cleaning leaves in place too
                os.rename(os.path.join(site_dir, entry), self.previous / entry)
        self.complete = False

    def discard_previous(self, *, wait: bool = False) -> None:
        """Delete what is left of the previous site (what the new build writes again): in a
        thread, as nothing reads it any more."""
        if self.previous is not None:
            thread = threading.Thread(target=shutil.rmtree, args=(self.previous, True), name="dossier-previous", daemon=True)
            thread.start()
            if wait:
                thread.join()
            self.previous = None

    # ----- 2. the pages kept -----

    def keep(self, site: Site, context: bytes, files: Iterable[File], config: MkDocsConfig) -> set[str] | None:
        """Move back the output of the pages that need no rendering; their src_uri (None: pages cannot be tracked)."""
        self.kept, self.rendered = [], 0
        self._unaffected, self._in_navigation = set(), {uri for uri, page in site.pages.items() if page.in_nav}
        try:
            unaffected = self._unaffected = self.tracker.plan(site, context)
        except UntrackableSite as error:
            self.reason = str(error)
            return None
        indexed = _search_entries(config) is not None
        self.reason = "" if unaffected else "first build, or the configuration, templates or your own pages changed"
        wanted: dict[str, str] = {}  # the output path of each page that may be kept -> its src_uri
        for file in files:
            uri = file.src_uri
            if uri in unaffected and not site.pages[uri].in_nav and (not indexed or uri in self._kept_entries):
                wanted[file.dest_uri] = uri
        found = move_back(str(self.previous), config.site_dir, set(wanted)) if self.previous is not None and wanted else set()
        kept = {wanted[path] for path in found}  # a page's output is a file MkDocs wrote: put back, or missing
        self.kept = sorted(kept)
        for uri in list(self._kept_entries):
            if uri not in kept:
                del self._kept_entries[uri]  # captured again when the page is rendered
        return kept

    def render(self, uri: str) -> RenderedPage:
        """A page's HTML: rendered, or for a page in the navigation that is unaffected, its
        last rendering. Such a page cannot be kept (left out of the build, it would be left
        out of the navigation too) and MkDocs renders its theme's template again; but its own
        HTML, headings and search view are what the dossier renders from its base and its
        dependencies, all unchanged: the tracker's record of them stays as it was."""
        last = self._navigation.get(uri)
        if last is not None and uri in self._unaffected:
            return last
        self.rendered += 1
        rendered = self.tracker.render(uri)
        if uri in self._in_navigation:
            self._navigation[uri] = rendered
        return rendered

    # ----- 3. the search index -----

    def before_indexing(self, config: MkDocsConfig) -> None:
        entries = _search_entries(config)
        self._mark = len(entries) if entries is not None else None

    def after_indexing(self, uri: str, config: MkDocsConfig) -> None:
        entries = _search_entries(config)
        if entries is not None and self._mark is not None:
            self._kept_entries[uri] = entries[self._mark :]
        self._mark = None

    def finish(self, config: MkDocsConfig) -> None:
        """Before the search index is written: add the entries of the kept pages. The site is complete."""
        entries = _search_entries(config)
        if entries is not None:
            for uri in self.kept:
                entries.extend(self._kept_entries[uri])
        self.discard_previous()
        self.complete = True

    def failed(self) -> None:
        self.complete = False
        self.tracker.forget()
        self._kept_entries.clear()
        self._navigation.clear()


def _search_entries(config: MkDocsConfig) -> list[Any] | None:
    """The list the search plugin collects its index in (Material's or MkDocs'), or None."""
    for name in ("material/search", "search"):
        index = getattr(config.plugins.get(name), "search_index", None)
        for entries_of in (material.search_entries, mkdocs.search_entries):
            found = entries_of(index)
            if found is not None:
                return found
    return None


def incremental_possible(config: MkDocsConfig) -> str:
    """Why the preview cannot be incremental with this configuration, or ""."""
    if config.theme.name != "material":
        return f"the theme is {config.theme.name!r}, not Material"
    unknown = sorted(set(config.plugins) - KNOWN_PLUGINS)
    if unknown:
        return "other plugins are configured (" + ", ".join(unknown) + ")"
    searching = config.plugins.get("search") is not None or config.plugins.get("material/search") is not None
    if searching and _search_entries(config) is None:
        return "the search plugin's index is not where the preview looks for it"
    return ""


def context_key(config: MkDocsConfig, own_files: Files, site: Site, custom_templates: str | None) -> bytes:
    """A fingerprint of everything shared by all pages (see the module's docstring)."""
    digest = hashlib.blake2b(digest_size=16)
    if config.config_file_path and os.path.isfile(config.config_file_path):
        digest.update(Path(config.config_file_path).read_bytes())
    digest.update(repr((config.site_url, config.use_directory_urls, sorted(config.plugins))).encode())
    digest.update(fingerprint(site.history))
    for file in own_files:  # the user's own pages and files: their titles are in the navigation
        digest.update(_stat(file.abs_src_path) + file.src_uri.encode())
    for folder in [*config.theme.dirs, *([custom_templates] if custom_templates else [])]:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # not Material's 10,000 icons
            for name in sorted(names):
                if name.endswith((".html", ".xml", ".json", ".yml")):
                    digest.update(_stat(os.path.join(root, name)) + name.encode())
    return digest.digest()


def _stat(path: str | None) -> bytes:
    if not path:
        return b"-"
    try:
        status = os.stat(path)
    except OSError:
        return b"?"
    return f"{status.st_size}:{status.st_mtime_ns}".encode()
