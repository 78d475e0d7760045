"""Generated pages skip MkDocs' Markdown conversion: the plugin writes their HTML itself."""

from __future__ import annotations

from mkdocs.structure.pages import Page

from .compat.mkdocs import skip_markdown


def without_markdown(page: Page) -> str:
    """An empty Markdown source for a page whose HTML the plugin writes, and no Markdown run
    where MkDocs is known to leave nothing for it (compat/mkdocs.py); `on_page_content` then
    puts the page's HTML and headings in place."""
    skip_markdown(page)
    return ""
