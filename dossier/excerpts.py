"""What a quote shows: the article's own words at the place the check found it (contract v3).

The analyst's typing only finds the passage (case, accents, quotes and invisible characters
are ignored when matching); what the site and the exports show is the passage as the
article writes it: its visible text (Markdown syntax is not part of it), with invisible and
bidirectional control characters removed, whitespace runs as one space, and the parts of an
elided quote joined by " … ". Computed once, by the check, for every quote it places.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .quotes import ArticleText, Placement, Span, count_words
from .text import HAS_INVISIBLE, INVISIBLE

ELLIPSIS = " … "
_DROP = dict.fromkeys(map(ord, INVISIBLE))
# Words that turn a statement around (contract v3, "An ellipsis must not hide a negation"),
# and any word ending in n't (didn't, won't, can't), with any apostrophe.
NEGATIONS = ("not", "no", "never", "nor", "neither", "none", "nothing", "without", "не", "ни", "нет", "няма")
_NEGATION = re.compile(r"(?<!\w)(?:" + "|".join(NEGATIONS) + r")(?!\w)|\w*n['’ʼ´]t(?!\w)", re.IGNORECASE)


def shown(text: str) -> str:
    """Text as the site shows it: invisible and bidirectional controls removed, whitespace runs
    one space (one kept at either end, where the text had some)."""
    text = _dropped(text)
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def _dropped(text: str) -> str:
    """Text without its invisible and bidirectional control characters."""
    return text.translate(_DROP) if not text.isascii() and HAS_INVISIBLE.search(text) else text


def negations(text: str) -> tuple[str, ...]:
    """The negation words of `text`, as written, each once, in order."""
    return tuple(dict.fromkeys(match.group() for match in _NEGATION.finditer(text)))


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
    folded, visible = text.folded, text.visible.mapped
    starts, shown_text = visible.starts, visible.text
    if len(placement) == 1:  # most quotes: no ellipsis (what `shown(...).strip()` gives)
        a, b = placement[0]
        first = bisect.bisect_left(starts, folded.starts[a])
        part = shown_text[first : bisect.bisect_left(starts, folded.ends[b - 1], first)]
        return Excerpt((" ".join(_dropped(part).split()),))
    # Each part's body range, then the visible characters that came from it.
    cuts = [bisect.bisect_left(starts, position) for a, b in placement for position in (folded.starts[a], folded.ends[b - 1])]
    parts = tuple(shown(shown_text[cuts[i] : cuts[i + 1]]).strip() for i in range(0, len(cuts), 2))
    if len(parts) < 2:
        return Excerpt(parts)
    left_out = tuple(shown(shown_text[cuts[i] : cuts[i + 1]]) for i in range(1, len(cuts) - 1, 2))
    return Excerpt(parts, left_out, negations(" ".join(left_out)))


def passage_at(text: ArticleText, placement: Placement) -> Passage:
    return Passage(text.to_spans(placement), excerpt_at(text, placement))
