"""Material for MkDocs internals the plugin relies on: its template names and blocks, its search index list.

1. **Template names and the `config` block** (theme_memo.py): the parts of Material's page
   template rendered once per folder are the templates named in `MEMO_READS`, and the
   configuration block is `{% block config %}` of `base.html`. `memo_templates_hold` says
   which hold in the installed Material; a part whose templates are not there, or a
   `base.html` without that block, is rendered for every page as Material does.
2. **The configuration script** (search_worker.py): Material writes the address of its
   search worker in `<script id="__config" type="application/json">` under the key
   `search` (Material documents this as the way to provide a custom worker). A page
   without it keeps Material's own search (no forgiving of misspelt names).
3. **The search index's entries** (`SearchIndex.entries`, Material's search plugin): as for
   MkDocs' search plugin (compat/mkdocs.py); without it the preview renders every page.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, TemplateNotFound

NAV = "partials/nav.html"
MAIN = "main.html"
BASE = "base.html"
CONFIG_BLOCK = "{% block config %}"
# The templates whose output a memo keeps, with those they read: any overridden, no memo.
# Besides the sidebar: the search box and the logo, in every page's header.
MEMO_READS = {
    NAV: (NAV, "partials/nav-item.html", "partials/logo.html", "partials/source.html"),
    "partials/search.html": ("partials/search.html",),
    "partials/logo.html": ("partials/logo.html",),
    MAIN: (MAIN, BASE),  # the `config` block
}
CONFIG_SCRIPT_START = '<script id="__config" type="application/json">'


def memo_templates_hold(env: Environment, name: str) -> str:
    """ "" when the parts `name` stands for are where the memo expects them in this theme; else what is missing."""
    assert env.loader is not None
    for read in MEMO_READS[name]:
        try:
            env.loader.get_source(env, read)
        except TemplateNotFound:
            return f"Material has no template {read}"
    if name == MAIN:
        base, _, _ = env.loader.get_source(env, BASE)
        if CONFIG_BLOCK not in base or CONFIG_SCRIPT_START.split(" ", 2)[1] not in base:
            return f"Material's {BASE} has no {CONFIG_BLOCK} writing the __config script"
    return ""


def search_entries(index: Any) -> list[Any] | None:
    """The list Material's search plugin collects its index in, or None."""
    entries = getattr(index, "entries", None)
    return entries if isinstance(entries, list) else None
