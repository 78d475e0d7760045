"""The sentence around a position in an article, for "mentioned in" lists."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def sentence_around(text: str, start: int, end: int, paragraph: tuple[int, int], limit: int = 320) -> tuple[int, int]:
    """(start, end) of the sentence containing [start, end), within its paragraph, at most ~limit long."""
    p_start, p_end = paragraph
    s = _sentence_start(text, p_start, start)
    after = _END.search(text, end, p_end)
    e = after.start() + 1 if after else p_end
    if e - s > limit:  # a very long "sentence": a window around the mention
        s = max(s, start - limit // 2)
        e = min(e, end + limit // 2)
    return s, e


def _sentence_start(text: str, p_start: int, start: int) -> int:
    """Where the last sentence end before `start` (from `p_start`) leaves off, or `p_start`.

    Searched backwards from the mention rather than through the paragraph from its start: a
    sentence end begins at its punctuation mark, which no other sentence end contains, so the
    last of them is the one at the last mark that starts one.
    """
    mark = start
    while True:
        mark = max(text.rfind(".", p_start, mark), text.rfind("!", p_start, mark), text.rfind("?", p_start, mark))
        if mark < 0:
            return p_start
        match = _END.match(text, mark, start)
        if match:
            return match.end()
