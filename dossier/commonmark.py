"""The one markdown-it configuration for untrusted text, shared by the core and the site.

Quotes are matched against the text a reader sees (dossier/visible.py), and the site renders
article bodies and analysts' Markdown (dossier/site/rendering/html.py): both must parse Markdown the
same way, or a quote could verify against text the page never shows.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)
_ANY_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

# A paragraph that Markdown would leave as it is: one line, no character that starts inline
# markup (escapes, code, emphasis, links, autolinks, entities), and no start that makes a
# block (heading, quote, list item, thematic break, table, indented code). Most paragraphs
# of news text are like this; they skip the Markdown parser, whose output for them is
# exactly `<p>` + the escaped text + `</p>` (tests/test_article_body.py compares the two).
PLAIN_PARAGRAPH = re.compile(r"(?![#>+\-=|]|\d{1,9}[.)](?: |\Z))[^\s\\`*_\[\]<&~][^\n\\`*_\[\]<&~]*(?<=\S)\Z")


def safe_url(url: str) -> bool:
    """http(s) and mailto, or a relative link without a scheme."""
    url = url.strip()
    return bool(_SAFE_SCHEME.match(url)) or not _ANY_SCHEME.match(url)


def markdown_parser() -> MarkdownIt:
    """CommonMark, raw HTML off, no images (an article or a summary must not load
    third-party images), safe links only: other links stay literal text."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = safe_url  # type: ignore[method-assign]
    md.disable("image")
    return md
