"""The plugin's page events: each generated page's HTML put in place, and what the search plugin indexes of it.

A mixin of `DossierPlugin` (plugin.py), which holds the state these read.
"""

from __future__ import annotations

from typing import Any

from jinja2 import TemplateError
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from dossier.site.page import RenderedPage, TocEntry
from dossier.site.preview.prerender import Prerendered
from dossier.site.rendering.html import title_html
from dossier.site.rendering.templating import template_error_message
from dossier.site.site import Site

from .incremental import IncrementalPreview


def _toc_tokens(entries: tuple[TocEntry, ...]) -> list[Any]:
    """A page's headings, nested the way the Markdown `toc` extension nests them."""
    return nest_toc_tokens([{"level": e.level, "id": e.id, "name": title_html(e.title)} for e in entries])


class PageEvents:
    site: Site | None
    preview: IncrementalPreview | None
    prerendered: Prerendered | None
    _tracking: bool
    _search_views: dict[str, str]
    _full_content: dict[str, str | None]

    def _render(self, uri: str) -> RenderedPage:
        assert self.site is not None
        try:
            return self.preview.render(uri) if self.preview is not None and self._tracking else self.site.render(uri)
        except TemplateError as error:  # a custom template that does not fit
            raise PluginError(template_error_message(error, uri)) from None

    def _use(self, page: Page, rendered: RenderedPage) -> str:
        page.toc = get_toc(_toc_tokens(rendered.toc))
        if rendered.search is not None:
            self._search_views[page.file.src_uri] = rendered.search
        return rendered.html

    @event_priority(60)
    def _prerendered_in(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        uri = page.file.src_uri
        if self.prerendered is not None and self.site is not None and uri in self.site.pages:
            page.content = self._use(page, self.prerendered.page(uri) or self._render(uri))
        return context

    # The search plugin indexes `page.content` in its `on_page_context` (at the default
    # priority, 0). For a generated page it is given, just for that moment, the page's
    # search view: its title and the words a reader looks it up by (an entity's name and
    # aliases, an article's title), not its evidence, tables and article text. Indexed
    # whole, 45,000 pages of a large dossier would make a search index of ~150 MB, which
    # no browser loads; and parsing every page's HTML was the largest cost of a build.
    @event_priority(50)
    def _search_view_in(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        view = self._search_views.pop(page.file.src_uri, None)
        if view is not None:
            self._full_content[page.file.src_uri] = page.content
            page.content = view
        return context

    @event_priority(-50)
    def _search_view_out(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        uri = page.file.src_uri
        if uri in self._full_content:
            page.content = self._full_content.pop(uri)
        return context

    # The incremental preview keeps each generated page's search index entries (incremental.py):
    # what the search plugin added to its index between these two.
    @event_priority(40)
    def _entries_before(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if self.preview is not None and self._tracking:
            self.preview.before_indexing(config)
        return context

    @event_priority(-40)
    def _entries_after(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if self.preview is not None and self._tracking and self.site is not None and page.file.src_uri in self.site.pages:
            self.preview.after_indexing(page.file.src_uri, config)
        return context

    on_page_context = CombinedEvent(_prerendered_in, _search_view_in, _entries_before, _entries_after, _search_view_out)
