"""Finding a quote in its article's visible text (contract v2, "Quotes").

A quote is folded (see `text.py`) and cut at its ellipses into parts; each part is looked for
in the folded visible text of the article, on whole words and whole numbers. Positions found
there map back to the article body, where the site highlights them.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Container, Iterator
from dataclasses import dataclass
from itertools import accumulate, islice

from .numbers import could_cut, cuts_number
from .text import MappedText, fold, fold_mapped, is_word_char
from .visible import VisibleText, paragraph_at, paragraph_spans, visible_text

__all__ = ["ArticleText", "Quote", "Rules", "Span", "paragraph_spans", "parse_quote"]

# `...`, `…` and their bracketed forms `[...]` stand for omitted text inside a quote. Of four
# dots, the first is the full stop of the text before (`well....`).
_ELISION = re.compile(r"\s*(?:\[(?:\.\.\.|…)\]|\.\.\.(?!\.)|…)\s*")
_WORD = re.compile(r"[^\W_]")
# A run of non-space characters with a letter or digit in it: a match starts where its run
# does (the leftmost place it can) and takes the rest of the run, so one match per such run.
_WORD_RUN = re.compile(r"\S*?[^\W_]\S*")
# Han and kana are written without spaces: each character counts as a word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
MAX_LEFT_OUT = 60  # words an ellipsis may stand for
MIN_WORDS = 3
# Places of one part tried at most when no limit bounds the search (diagnosing a refused
# quote): a part found thousands of times would otherwise cost time in proportion to the square.
_MAX_PLACES = 1000


@dataclass(frozen=True)
class Span:
    """A run of article text: `start`/`end` index the article body; `paragraph` counts from 0."""

    paragraph: int
    start: int
    end: int


def count_words(text: str) -> int:
    """Words: runs of non-space characters with a letter or digit in them."""
    if _CJK.search(text) is None:  # the common case: one word per such run, counted in C
        return len(_WORD_RUN.findall(text))
    return sum(max(1, len(_CJK.findall(token))) for token in text.split() if _WORD.search(token))


@dataclass(frozen=True)
class Quote:
    """A quote cut at its ellipses: the parts as written, and folded for matching."""

    parts: tuple[str, ...]
    needles: tuple[str, ...]  # folded, spaces collapsed, trimmed; none empty
    leading_ellipsis: bool
    trailing_ellipsis: bool
    words: int


def parse_quote(quote: str) -> Quote:
    stripped = quote.strip()
    pieces = _ELISION.split(stripped)
    if len(pieces) == 1:  # no ellipsis (most quotes): what the general way below gives for one piece
        needle = " ".join(fold(stripped).split())
        if needle:
            return Quote((stripped,), (needle,), leading_ellipsis=False, trailing_ellipsis=False, words=count_words(stripped))
    cuts = list(_ELISION.finditer(stripped)) if len(pieces) > 1 else []
    # Each piece folded once: folding commutes with trimming (spaces fold to spaces).
    kept = [(piece.strip(), folded) for piece, folded in ((piece, fold(piece)) for piece in pieces) if folded.strip()]
    parts = tuple(part for part, _ in kept)
    return Quote(
        parts=parts,
        needles=tuple(" ".join(folded.split()) for _, folded in kept),
        leading_ellipsis=bool(cuts) and cuts[0].start() == 0 and bool(parts),
        trailing_ellipsis=bool(cuts) and cuts[-1].end() == len(stripped) and bool(parts),
        words=sum(count_words(p) for p in parts),
    )


@dataclass(frozen=True)
class Rules:
    """The rules a placement must keep; the check relaxes one at a time to say which one failed."""

    whole_numbers: bool = True
    one_paragraph: bool = True  # all of the quote, every part, in one block (v3; v2: the parts of an elided quote)
    max_left_out: int | None = MAX_LEFT_OUT


STRICT = Rules()
Placement = tuple[tuple[int, int], ...]  # (start, end) of each part in the folded text


class ArticleText:
    """An article body prepared once for any number of quote look-ups."""

    def __init__(
        self,
        body: str,
        paragraphs: tuple[tuple[int, int], ...] | None = None,
        visible: VisibleText | None = None,
        folded: MappedText | None = None,
    ) -> None:
        """`paragraphs`, `visible` and `folded` (as `fold_mapped` gives) when the caller has them already."""
        self.body = body
        self.paragraphs = paragraph_spans(body) if paragraphs is None else paragraphs
        self.visible = visible_text(body, self.paragraphs) if visible is None else visible
        self.folded: MappedText = fold_mapped(self.visible.mapped) if folded is None else folded
        starts = self.folded.starts
        # Blocks (paragraphs as a reader sees them) in folded positions.
        self._block_starts = [bisect.bisect_left(starts, self.visible.mapped.starts[b.start]) for b in self.visible.blocks]
        self._words: list[tuple[int, int]] | None = None
        self._word_starts: list[int] | None = None
        self._block_ends = [bisect.bisect_left(starts, self.visible.mapped.ends[b.end - 1]) for b in self.visible.blocks]
        self._breaks = frozenset(self._block_starts[1:])  # where a block starts: no number joins across

    # ----- positions -----

    def paragraph_at(self, index: int) -> int:
        """The body paragraph a body position is in."""
        return paragraph_at(self.paragraphs, index)

    def spans(self, start: int, end: int) -> list[Span]:
        """Split the body range [start, end) at paragraph boundaries, so each piece can be highlighted."""
        pieces = []
        first = self.paragraph_at(start)
        for number in range(first, len(self.paragraphs)):
            p_start, p_end = self.paragraphs[number]
            if p_start >= end:
                break
            s, e = max(start, p_start), min(end, p_end)
            if s < e:
                pieces.append(Span(number, s, e))
        return pieces or [Span(first, start, end)]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The body range of folded text [start, end)."""
        return self.folded.source_span(start, end)

    def block_of(self, position: int) -> int:
        """The block (reader's paragraph) a folded position is in."""
        return max(0, bisect.bisect_right(self._block_starts, position) - 1)

    def block_end(self, position: int) -> int:
        return self._block_ends[self.block_of(position)] if self._block_ends else len(self.folded.text)

    def visible_between(self, start: int, end: int) -> str:
        """The visible text of the body range [start, end)."""
        mapped = self.visible.mapped
        return mapped.text[bisect.bisect_left(mapped.starts, start) : bisect.bisect_left(mapped.starts, end)]

    def to_spans(self, placement: Placement) -> tuple[Span, ...]:
        """Body spans: one per part of an elided quote; a quote without ellipsis, one per paragraph it runs over."""
        ranges = [self.source_span(a, b) for a, b in placement]
        if len(ranges) == 1:
            start, end = ranges[0]
            number = self.paragraph_at(start)
            if end <= self.paragraphs[number][1]:  # one paragraph: most quotes, all of contract v3's
                return (Span(number, start, end),)
            return tuple(self.spans(start, end))
        return tuple(Span(self.paragraph_at(a), a, b) for a, b in ranges)

    def words(self) -> list[tuple[int, int]]:
        """(start, end) of every word of the folded text (runs without spaces)."""
        if self._words is None:
            folded = self.folded.text
            lead = len(folded) - len(folded.lstrip(" "))
            tokens = folded.strip(" ").split(" ") if folded.strip(" ") else []
            # Word i ends after the lengths of words 0..i and i spaces (all summed in C).
            lengths = list(map(len, tokens))
            ends = list(map(operator.add, accumulate(lengths), range(lead, lead + len(tokens))))
            self._word_starts = list(map(operator.sub, ends, lengths))
            self._words = list(zip(self._word_starts, ends, strict=True))
        return self._words

    # ----- matching -----

    def find(self, quote: str) -> tuple[Span, ...] | None:
        """Where the quote occurs (a span per elided part), or None. Does not count its words."""
        found = self.placements(parse_quote(quote), STRICT, limit=1)
        return self.to_spans(found[0]) if found else None

    def placements(self, quote: Quote, rules: Rules = STRICT, limit: int = 2) -> list[Placement]:
        """Up to `limit` places of the quote, in text order.

        Each part is placed as early as it fits after the one before. A place that contains
        another (`A ... B` over `A x A y B` from the first `A`) is not a place of its own:
        the tighter one is what the quote points at.
        """
        if len(quote.needles) == 1:
            # No ellipsis (most quotes): the places are the part's own, in order, none
            # containing another; what `_search` gives for one part, without its bookkeeping
            # (tests/test_check_fast.py compares the two).
            cap = limit if rules.max_left_out is not None else min(limit, _MAX_PLACES)
            places = self.occurrences(quote.needles[0], 0, len(self.folded.text), rules.whole_numbers)
            if not rules.one_paragraph:
                return [(place,) for place in islice(places, cap)]
            found: list[Placement] = []
            for a, b in places:
                if b <= self.block_end(a):  # within one block (v3)
                    found.append(((a, b),))
                    if len(found) >= cap:
                        break
            return found
        return self._search(quote, rules, limit)

    def _search(self, quote: Quote, rules: Rules, limit: int) -> list[Placement]:
        """`placements` for any quote: each part after the one before, within the rules."""
        left_out = rules.max_left_out
        if not quote.needles or not self._in_order(quote.needles, rules.whole_numbers):
            return []  # no part may be missing: checked once, not once per place of the first
        found: list[Placement] = []
        failed: set[tuple[int, int]] = set()
        elided = len(quote.needles) > 1
        # Without a limit on left-out words the search is only a diagnosis: bounded, not exact.
        firsts = self.occurrences(quote.needles[0], 0, len(self.folded.text), rules.whole_numbers)
        lasts = (
            [a for a, _ in self.occurrences(quote.needles[-1], 0, len(self.folded.text), rules.whole_numbers)]
            if elided and left_out is not None
            else []
        )
        span = (
            (len(quote.needles) - 1) * (left_out + 1) + sum(count_words(n) for n in quote.needles) + 2
            if left_out is not None and lasts
            else 0
        )
        for a, b in firsts if left_out is not None else islice(firsts, _MAX_PLACES):
            end = self.block_end(a) if rules.one_paragraph else len(self.folded.text)
            if b > end:
                continue
            if lasts:  # the last part must start within reach, or there is nothing to try
                nearest = bisect.bisect_left(lasts, b)
                if nearest == len(lasts) or lasts[nearest] > self._reach(a, span):
                    continue
            rest = next(self._complete(quote.needles, 1, b, end, rules, failed), None)
            if rest is None:
                continue
            placement = ((a, b), *rest)
            while found and found[-1][-1][1] >= placement[-1][1]:
                found.pop()  # the earlier place contains this one
            if len(found) >= limit:
                break
            found.append(placement)
        return found[:limit]

    def _complete(
        self, needles: tuple[str, ...], k: int, after: int, end: int, rules: Rules, failed: set[tuple[int, int]]
    ) -> Iterator[Placement]:
        if k == len(needles):
            yield ()
            return
        if (k, after) in failed:
            return
        placed = False
        limit, stop, safe = rules.max_left_out, end, end
        if limit is not None:
            # Only a place near the limit needs its left-out words counted.
            stop = min(end, self._reach(after, limit) + len(needles[k]))
            safe = self._reach(after, limit - 2) if limit >= 2 else after
        places = self.occurrences(needles[k], after, stop, rules.whole_numbers)
        for a, b in places if limit is not None else islice(places, _MAX_PLACES):
            if limit is not None and a >= safe and self.words_between(after, a) > limit:
                break
            for rest in self._complete(needles, k + 1, b, end, rules, failed):
                placed = True
                yield ((a, b), *rest)
        if not placed:
            failed.add((k, after))

    def _in_order(self, needles: tuple[str, ...], whole_numbers: bool) -> bool:
        """Whether every part occurs after the one before (anywhere, in any paragraph)."""
        position = 0
        for needle in needles:
            place = next(self.occurrences(needle, position, len(self.folded.text), whole_numbers), None)
            if place is None:
                return False
            position = place[1]
        return True

    def _reach(self, after: int, words: int) -> int:
        """The end of the word `words + 1` words on from `after`: no part leaving out at most `words` starts later."""
        spans = self.words()
        if self._word_starts is None:
            self._word_starts = [start for start, _ in spans]
        index = bisect.bisect_left(self._word_starts, after) + words
        return spans[index][1] if index < len(spans) else len(self.folded.text)

    def words_between(self, start: int, end: int) -> int:
        return count_words(self.folded.text[start:end])

    def occurrences(self, needle: str, start: int, end: int, whole_numbers: bool = True) -> Iterator[tuple[int, int]]:
        """Every place of `needle` in folded text [start, end) that begins and ends on whole words."""
        text = self.folded.text
        at = text.find(needle, start, end)
        while at >= 0:
            if whole_at(text, at, at + len(needle), whole_numbers, self._breaks):
                yield at, at + len(needle)
            at = text.find(needle, at + 1, end)

    def missing_part(self, quote: str) -> str:
        """The first elided part that cannot be found after the parts before it ('' if none)."""
        parsed = parse_quote(quote)
        position = 0
        for part, needle in zip(parsed.parts, parsed.needles, strict=True):
            place = next(self.occurrences(needle, position, len(self.folded.text)), None)
            if place is None:
                return part
            position = place[1]
        return ""


def whole_at(text: str, start: int, end: int, whole_numbers: bool = True, breaks: Container[int] = frozenset()) -> bool:
    """Whether text[start:end] starts and ends on whole words (and, if asked, whole numbers: `numbers.py`)."""
    first, last = text[start], text[end - 1]
    if start and is_word_char(first) and is_word_char(text[start - 1]):
        return False
    if end < len(text) and is_word_char(last) and is_word_char(text[end]):
        return False
    # Only a part that starts or ends with a digit or a separator can cut a number: most
    # parts start and end with a letter.
    return not (whole_numbers and could_cut(first, last) and cuts_number(text, start, end, breaks))
