"""A Content-Security-Policy for each page: only the site's own scripts and styles run.

The theme's few inline scripts are allowed by their SHA-256 hashes, computed per page
(one of them embeds the page's depth). Only inline scripts outside the page content are
hashed: the content is rendered from untrusted text and must never be allow-listed.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterator

# Themes write lower-case tags; a case-sensitive pattern lets the regex engine jump from one
# "<script" to the next instead of trying every position.
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_DATA_TYPES = {"application/json", "application/ld+json"}  # data blocks never run


def _runs(attrs: str) -> bool:
    if re.search(r"\bsrc\s*=", attrs, re.I):
        return False
    kind = _TYPE.search(attrs)
    return kind is None or kind.group(1).lower() not in _DATA_TYPES


def _scripts(html: str, begin: int, end: int) -> Iterator[tuple[str, str]]:
    """(attributes, body) of each `<script ...>...</script>` within html[begin:end].

    What `_SCRIPT.finditer(html, begin, end)` finds, with plain string searches: the regex's
    lazy `.*?` stepped through every character of each script (most of the policy's cost).
    """
    at = html.find("<script", begin, end)
    while at >= 0:
        close = html.find(">", at + 7, end)
        finish = html.find("</script>", close + 1, end) if close >= 0 else -1
        if finish < 0:
            return  # no script closes after this one: none after it either
        yield html[at + 7 : close], html[close + 1 : finish]
        at = html.find("<script", finish + 9, end)


@functools.lru_cache(maxsize=256)
def _hash(body: str) -> str:
    # The theme's scripts are the same on most pages: each is hashed once.
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _find(html: str, content: str) -> int:
    """`html.find(content)`, found by its first characters: a whole page as the needle costs
    `str.find` a preparation in proportion to its length, on every page."""
    prefix = content[:64]
    at = html.find(prefix)
    while at >= 0 and not html.startswith(content, at):
        at = html.find(prefix, at + 1)
    return at


def policy(html: str, content: str = "") -> str:
    start = _find(html, content) if content else -1
    # Only what lies outside the page content is looked at: the theme's own markup.
    outside = [(0, start), (start + len(content), len(html))] if start >= 0 else [(0, len(html))]
    hashes = [_hash(body) for begin, end in outside for attrs, body in _scripts(html, begin, end) if _runs(attrs)]
    # 'wasm-unsafe-eval': the full-text search (Pagefind) compiles its WebAssembly; it allows
    # nothing else that eval() would.
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *dict.fromkeys(hashes)])
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def add_policy(html: str, content: str = "") -> str:
    """The page with its policy as the first element of <head>, before any script."""
    head = re.search(r"<head[^>]*>", html, re.I)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, content)}">'
    return html[: head.end()] + meta + html[head.end() :]
