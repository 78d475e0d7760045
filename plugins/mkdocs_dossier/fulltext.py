"""The full-text search index, made once the build has written the pages (dossier/site/rendering/fulltext.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from dossier.site.rendering.fulltext import BODY_MARK, FulltextError, IndexedPages, index_site

log = get_plugin_logger(__name__)


def add_indexed_page(pages: IndexedPages, page: Page, output: str) -> None:
    """`page`, written as `output`, to what Pagefind reads (dossier/site/rendering/fulltext.py):
    its content when that holds every part of the page marked for indexing, else the whole page
    (a theme's template may mark a part of its own)."""
    marks = output.count(BODY_MARK)
    if marks:
        content = page.content or ""
        pages.add(page.file.dest_uri, output, content if content.count(BODY_MARK) == marks else None)


def index_fulltext(site_dir: str, pages: IndexedPages) -> None:
    """Index the pages with Pagefind; a build whose index fails, fails, saying why."""
    try:
        log.info(pages.index(site_dir))
    except FulltextError as error:
        raise PluginError(str(error)) from None


def index_fulltext_later(site_dir: str) -> Callable[[threading.Event], None]:
    """The preview's index, made after the pages are shown (exports.py), stopped by `stop`; a
    failure is logged (the preview keeps running), never raised."""

    def index(stop: threading.Event) -> None:
        try:
            log.info(index_site(site_dir, stop))
        except FulltextError as error:
            log.warning(str(error))

    return index


def out_of_search(markdown: str, page: Page, folders: list[str]) -> str:
    """An analyst's page in one of `folders` (the guide) is left out of Material's search, for
    readers (Pagefind indexes only the dossier's own pages anyway); the Markdown is unchanged."""
    if any(page.file.src_uri.startswith(folder.strip("/") + "/") for folder in folders):
        search = page.meta.get("search")
        page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
    return markdown
