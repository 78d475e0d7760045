"""Generated pages skip MkDocs' Markdown conversion: the plugin writes their HTML itself."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


def without_markdown(page: Page) -> str:
    """An empty Markdown source for a page whose HTML the plugin writes, and no Markdown run.

    `Page.render` builds a new `markdown.Markdown` with every extension for each page (~6% of
    a 10,000-article build), only to convert nothing here. Sound because what it would leave
    on the page for an empty source is known: no content, no headings, no title, no anchors
    and no links; `on_page_content` then puts the page's HTML and headings in place.
    """

    def render(config: MkDocsConfig, files: Files) -> None:
        if page.markdown:  # a plugin after this one gave the page Markdown: MkDocs converts it
            Page.render(page, config, files)
            return
        page.content = ""
        page.toc = get_toc([])
        page._title_from_render = None
        page.present_anchor_ids = set()
        page.links_to_anchors = {}

    page.render = render  # type: ignore[method-assign]
    return ""
