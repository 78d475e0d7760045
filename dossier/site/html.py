"""Safe HTML from untrusted text.

Every string from YAML or an article reaches a page through one of these functions:
`esc` (plain text, for names, quotes, titles, attributes) or `markdown_inline`/`markdown_block`
(markdown-it with raw HTML off and only http(s)/mailto/relative links). Their output is
final HTML: the plugin hands it to MkDocs after Python-Markdown has run, so no Markdown
extension (attr_list, md_in_html, ...) ever sees it.
"""

from __future__ import annotations

import functools
import html
import json
import re
from typing import Any

from markdown_it import MarkdownIt

_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)
_ANY_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def esc(text: object) -> str:
    """Text as HTML text or attribute value (quotes escaped too)."""
    return html.escape(str(text), quote=True)


def title_html(text: str) -> str:
    """A page title as HTML for MkDocs' `page.meta.title`.

    Themes print titles unescaped and some pass them through `striptags`, which turns
    entities back into characters; angle brackets are replaced by look-alike quotation
    marks so no title can ever close a tag, whichever way a template prints it.
    """
    return esc(text.replace("<", "‹").replace(">", "›"))


def safe_url(url: str) -> bool:
    """http(s) and mailto, or a relative link without a scheme."""
    url = url.strip()
    return bool(_SAFE_SCHEME.match(url)) or not _ANY_SCHEME.match(url)


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = lambda url: safe_url(url)  # type: ignore[method-assign]
    md.disable("image")  # an article or a summary must not load third-party images
    def link_open(self, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        # Links written by analysts or inside articles leave the site: no referrer, no opener.
        tokens[idx].attrSet("rel", "nofollow noopener noreferrer")
        return self.renderToken(tokens, idx, options, env)

    md.add_render_rule("link_open", link_open)
    return md


MARKDOWN = _markdown()


@functools.lru_cache(maxsize=65536)
def markdown_inline(text: str) -> str:
    # Cached: a claim's statement is rendered on its page and in every list and card that cites it.
    return MARKDOWN.renderInline(text)


def markdown_block(text: str) -> str:
    return MARKDOWN.render(text)


def json_ld(data: dict[str, Any]) -> str:
    """A JSON-LD block; `<`, `>` and `&` are escaped so no text can close the script element."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{payload}</script>'


def text_fragment(quote: str) -> str:
    """A `#:~:text=` fragment that makes browsers scroll to and highlight the quote."""
    from urllib.parse import quote as percent

    words = quote.replace("…", "...").split("...")[0].split()
    if not words:
        return ""
    # Long quotes are matched by their start and end: text=start,end.
    if len(words) > 12:
        start, end = " ".join(words[:5]), " ".join(words[-5:]) if "..." not in quote else ""
        spec = percent(start, safe="") + ("," + percent(end, safe="") if end else "")
    else:
        spec = percent(" ".join(words), safe="")
    return "#:~:text=" + spec.replace("-", "%2D")
