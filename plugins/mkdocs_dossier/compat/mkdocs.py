"""MkDocs internals the plugin relies on: `Page.render`'s results, and the search plugin's index list.

1. **No Markdown run for generated pages.** `Page.render(config, files)` builds a new
   `markdown.Markdown` with every extension for each page (~6% of a 10,000-article build),
   only to convert an empty source here. What it leaves for an empty source is known: no
   content, no headings, no title (`_title_from_render`), no anchors (`present_anchor_ids`)
   and no links (`links_to_anchors`). `skip_markdown` sets those directly, instead of the
   conversion, while `render` still sets exactly these (`markdownless_holds`); otherwise
   MkDocs converts the empty source itself (the same page, a little slower).
2. **The search index's entries** (`SearchIndex._entries`, MkDocs' own search plugin): the
   incremental preview adds back the entries of the pages it keeps. Without that list the
   preview renders every page (`search_entries` gives None).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from functools import cache
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# What `Page.render` sets, all of it: a page set up without it must have each.
RENDER_SETS = ("content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors")


@cache
def markdownless_holds() -> str:
    """ "" when `Page.render(config, files)` sets exactly `RENDER_SETS`; else what differs."""
    try:
        source = inspect.getsource(Page.render)
        parameters = list(inspect.signature(Page.render).parameters)
    except (OSError, TypeError):
        return "the source of mkdocs.structure.pages.Page.render cannot be read"
    if parameters != ["self", "config", "files"]:
        return f"Page.render takes {parameters}, not (self, config, files)"
    sets = _assigned(source)
    if sets != set(RENDER_SETS):
        return f"Page.render sets {sorted(sets)}, not {sorted(RENDER_SETS)}"
    return ""


def _assigned(source: str) -> set[str]:
    tree = ast.parse(textwrap.dedent(source))
    return {
        target.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"
    }


def skip_markdown(page: Page) -> None:
    """Let MkDocs' rendering of `page` (whose Markdown is empty) skip the conversion, when it is known what it would leave."""
    if markdownless_holds():
        return  # MkDocs converts the empty source itself

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


def search_entries(index: Any) -> list[Any] | None:
    """The list MkDocs' search plugin collects its index in, or None."""
    entries = getattr(index, "_entries", None)
    return entries if isinstance(entries, list) else None
