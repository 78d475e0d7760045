"""What a quote shows: the article's own words at the place the check found it (contract v3).

The analyst's typing only finds the passage (case, accents, quotes and invisible characters
are ignored when matching); what the site and the exports show is the passage as the
article writes it: its visible text (Markdown syntax is not part of it), with invisible and
bidirectional control characters removed, whitespace runs as one space, and the parts of an
elided quote joined by " … ". Computed once, by the check, for every quote it places.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .quotes import ArticleText, Placement, Span, count_words
from .text import INVISIBLE, fold

ELLIPSIS = " … "
_INVISIBLE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")
_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# Words that turn a statement around (contract v3, "An ellipsis must not hide a negation"),
# folded as quotes are; and any word ending in n't (didn't, won't, can't).
NEGATIONS = frozenset(("not", "no", "never", "nor", "neither", "none", "nothing", "without", "не", "ни", "нет", "няма"))


def shown(text: str) -> str:
    """Text as the site shows it: invisible and bidirectional controls removed, whitespace runs one space."""
    return _WHITESPACE.sub(" ", _INVISIBLE.sub("", text))


def negations(text: str) -> tuple[str, ...]:
    """The negation words of `text`, as written, each once, in order."""
    found = []
    for match in _WORD.finditer(text):
        word = fold(match.group())
        if word in NEGATIONS or word.endswith("n't"):
            found.append(match.group())
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Excerpt:
    """The article's words of one quote."""

    parts: tuple[str, ...]  # each part as the article writes it
    left_out: tuple[str, ...] = ()  # an elided quote: the article's words between consecutive parts
    negations: tuple[str, ...] = ()  # negation words among the left-out ones

    @property
    def text(self) -> str:
        return ELLIPSIS.join(self.parts)

    @property
    def elided(self) -> bool:
        return bool(self.left_out)

    @property
    def left_out_words(self) -> int:
        return sum(count_words(text) for text in self.left_out)


@dataclass(frozen=True)
class Passage:
    """Where a quote is (body spans, for highlighting) and what it shows."""

    spans: tuple[Span, ...]
    excerpt: Excerpt


def excerpt_at(text: ArticleText, placement: Placement) -> Excerpt:
    """The article's words at a placement (folded positions, one (start, end) per part)."""
    ranges = [text.source_span(a, b) for a, b in placement]
    parts = tuple(shown(text.visible_between(start, end)).strip() for start, end in ranges)
    if len(ranges) < 2:
        return Excerpt(parts)
    left_out = tuple(shown(text.visible_between(end, start)) for (_, end), (start, _) in itertools.pairwise(ranges))
    return Excerpt(parts, left_out, negations(" ".join(left_out)))


def passage_at(text: ArticleText, placement: Placement) -> Passage:
    return Passage(text.to_spans(placement), excerpt_at(text, placement))
