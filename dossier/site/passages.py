"""A quoted passage as the article's reader sees it: the visible text of each part of a quote,
and what the ellipses of an elided quote leave out between the parts.

The check gives each quote its places in the article body (`Span`s: one per part of an elided
quote, one per paragraph of a quote that runs over several). The words shown here are the
article's visible text at those places (`dossier.visible`: Markdown syntax is not part of
it), so a text fragment made of them finds the same words on the site's own article page.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from ..quotes import _ELISION, Span, count_words
from ..text import MappedText, fold
from ..visible import visible_text

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class PassageText:
    """The words of one quote in its article."""

    parts: tuple[str, ...]  # the visible text of each span, whitespace collapsed
    left_out: tuple[str, ...]  # elided quotes: the text between consecutive parts (with the spaces around it); else empty

    @property
    def elided(self) -> bool:
        return bool(self.left_out)

    @property
    def left_out_words(self) -> int:
        return sum(count_words(text) for text in self.left_out)


@functools.lru_cache(maxsize=2048)
def _paragraph_text(body: str, start: int, end: int) -> MappedText:
    # Cached: a quote is shown on its claim page and on the page of every entity it is about.
    return visible_text(body, ((start, end),)).mapped


def visible_range(body: str, paragraph: tuple[int, int], start: int, end: int) -> str:
    """The visible text of the body range [start, end) of one paragraph, each run of
    whitespace as one space (kept at the ends: a part and what follows it may touch)."""
    mapped = _paragraph_text(body, *paragraph)
    text = mapped.text[bisect.bisect_left(mapped.starts, start) : bisect.bisect_left(mapped.starts, end)]
    return _WHITESPACE.sub(" ", text)


def quote_parts(quote: str) -> tuple[str, ...]:
    """The parts of a quote between its ellipses, as `quotes.parse_quote` cuts it (without the
    folded forms and word counts the check needs and a page does not)."""
    return tuple(part.strip() for part in _ELISION.split(quote.strip()) if fold(part).strip())


def passage_text(body: str, paragraphs: tuple[tuple[int, int], ...], quote: str, spans: tuple[Span, ...]) -> PassageText:
    """The words of `quote` at `spans` in `body`; a quote not found (no spans) as it is written."""
    parts = quote_parts(quote)
    if not spans:
        return PassageText(tuple(" ".join(part.split()) for part in parts) or (quote,), ())
    visible = tuple(visible_range(body, paragraphs[s.paragraph], s.start, s.end).strip() for s in spans)
    # An elided quote has one span per part, all in one paragraph; a quote without ellipsis
    # has one span per paragraph it runs over, with nothing left out between them.
    if len(parts) < 2 or len(spans) != len(parts):
        return PassageText(visible, ())
    left_out = tuple(visible_range(body, paragraphs[a.paragraph], a.end, b.start) for a, b in itertools.pairwise(spans))
    return PassageText(visible, left_out)
