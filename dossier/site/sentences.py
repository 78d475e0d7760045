"""The sentence around a position in an article, for "mentioned in" lists."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def sentence_around(text: str, start: int, end: int, paragraph: tuple[int, int], limit: int = 320) -> tuple[int, int]:
    """(start, end) of the sentence containing [start, end), within its paragraph, at most ~limit long."""
    p_start, p_end = paragraph
    s = p_start
    for match in _END.finditer(text, p_start, start):
        s = match.end()
    after = _END.search(text, end, p_end)
    e = after.start() + 1 if after else p_end
    if e - s > limit:  # a very long "sentence": a window around the mention
        s = max(s, start - limit // 2)
        e = min(e, end + limit // 2)
    return s, e
