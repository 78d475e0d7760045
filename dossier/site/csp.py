"""A Content-Security-Policy for each page: only the site's own scripts and styles run.

The theme's few inline scripts are allowed by their SHA-256 hashes, computed per page
(one of them embeds the page's depth). Only inline scripts outside the page content are
hashed: the content is rendered from untrusted text and must never be allow-listed.
"""

from __future__ import annotations

import base64
import hashlib
import re

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


def policy(html: str, content: str = "") -> str:
    start = html.find(content) if content else -1
    # Only what lies outside the page content is looked at: the theme's own markup.
    outside = [(0, start), (start + len(content), len(html))] if start >= 0 else [(0, len(html))]
    hashes = []
    for match in (m for begin, end in outside for m in _SCRIPT.finditer(html, begin, end)):
        if not _runs(match.group("attrs")):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    scripts = " ".join(["'self'", *dict.fromkeys(hashes)])
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
