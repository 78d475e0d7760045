"""The only places where markup that no template wrote becomes safe to print.

Templates escape every value (autoescaping); two kinds of value are markup already and
reach them as `markupsafe.Markup`, each made in one function here:

- `markdown_inline`/`markdown_block`: analysts' Markdown rendered by markdown-it, with raw
  HTML off, no images and only http(s)/mailto/relative links (`MARKDOWN` is the one parser
  factory; the article body adds its own render rules to a parser made by it);
- `json_ld_payload`: a JSON-LD object, with `<`, `>` and `&` escaped so that no text can
  close the script element a template puts it in.

Every other value a template prints is escaped by `escape_output` (HTML's five special
characters, quotes included; compat/jinja.py makes it the one call per printed value).

The output is final HTML: the plugin hands it to MkDocs after Python-Markdown has run, so
no Markdown extension (attr_list, md_in_html, ...) ever sees it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote as percent

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup

from ...commonmark import markdown_parser
from ...compat.markupsafe import escape_text


def escape_html(text: str) -> str:
    """HTML's five special characters escaped, quotes spelt as the standard library spells
    them (`&quot;`, `&#x27;`, the spelling pages have always had; MarkupSafe writes `&#34;`
    and `&#39;`, which browsers read alike)."""
    out = escape_text(text)
    return out.replace("&#34;", "&quot;").replace("&#39;", "&#x27;") if "&#3" in out else out


def escape_output(value: object) -> str:
    """A value a template prints, as HTML: markup as it is, anything else escaped.

    The template environment calls it on every printed value (see templating.py).
    """
    if type(value) is str:
        return escape_html(value)
    if type(value) is Markup:  # what templates render, rendered Markdown, JSON-LD
        return value
    if type(value) is int:
        return str(value)
    html_of = getattr(value, "__html__", None)  # any other markup
    if html_of is not None:
        return str(html_of())
    return escape_html(str(value))


def title_html(text: str) -> str:
    """A page title as HTML for MkDocs' `page.meta.title`.

    Themes print titles unescaped and some pass them through `striptags`, which turns
    entities back into characters; angle brackets are replaced by look-alike quotation
    marks so no title can ever close a tag, whichever way a template prints it.
    """
    return escape_html(angle_free(text))


def angle_free(text: str) -> str:
    """The text with angle brackets replaced by look-alike quotation marks (for titles)."""
    return text.replace("<", "‹").replace(">", "›")


def _link_open(self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    # Links written by analysts leave the site: no referrer, no opener.
    tokens[idx].attrSet("rel", "nofollow noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)


MARKDOWN = markdown_parser()
MARKDOWN.add_render_rule("link_open", _link_open)


def markdown_html(md: MarkdownIt, tokens: Sequence[Token]) -> Markup:
    """markdown-it's HTML for parsed text: the one place where it becomes markup."""
    return Markup(md.renderer.render(tokens, md.options, {}))


@functools.lru_cache(maxsize=65536)
def markdown_inline(text: str) -> Markup:
    # Cached: a claim's statement is rendered on its page and in every list and card that cites it.
    return markdown_html(MARKDOWN, MARKDOWN.parseInline(text))


def markdown_block(text: str) -> Markup:
    return markdown_html(MARKDOWN, MARKDOWN.parse(text))


# One encoder for every payload (json.dumps with options makes a new one each call).
_JSON_LD = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def json_ld_payload(data: dict[str, Any]) -> Markup:
    """A JSON-LD object for a `<script type="application/ld+json">` element."""
    payload = _JSON_LD.encode(data)
    return Markup(payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


# A text directive longer than this many words is written as its first and last words
# (`text=start,end`): shorter links, and the browser still marks the whole passage.
_LONG_DIRECTIVE = 12
_DIRECTIVE_EDGE = 5


def _directive_text(text: str) -> str:
    # The directive's own syntax characters (`&`, `,`, `-`) must be percent-encoded in its text.
    return percent(text, safe="").replace("-", "%2D")


def text_directive(first: str, last: str | None = None) -> str:
    """One `text=` directive: for the passage `first` (and, when it runs over paragraphs, on to `last`)."""
    words, end_words = first.split(), (last or "").split()
    if not words:
        return ""
    if end_words or len(words) > _LONG_DIRECTIVE:
        start = words[:_DIRECTIVE_EDGE]
        end = end_words[-_DIRECTIVE_EDGE:] if end_words else words[-_DIRECTIVE_EDGE:]
        return "text=" + _directive_text(" ".join(start)) + "," + _directive_text(" ".join(end))
    return "text=" + _directive_text(" ".join(words))


def text_fragment(parts: Sequence[str], *, elided: bool) -> str:
    """A `#:~:text=` fragment that makes browsers scroll to and highlight a quote.

    `parts` is the quote's text in the article: for an elided quote one directive per part
    (`#:~:text=part1&text=part2`, so what the ellipsis leaves out is not marked); otherwise
    the parts are the paragraphs a quote runs over, and one directive spans them.
    """
    if elided:
        directives = [text_directive(part) for part in parts]
    else:
        directives = [text_directive(parts[0], parts[-1] if len(parts) > 1 else None)] if parts else []
    directives = [d for d in directives if d]
    return "#:~:" + "&".join(directives) if directives else ""
