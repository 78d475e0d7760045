"""Finding a quote in its article, and the closest passage when it is not there."""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from dataclasses import dataclass

from .text import fold

# `...`, `…` and their bracketed forms `[...]` stand for omitted text inside a quote.
_ELISION = re.compile(r"\s*\[?(?:\.\.\.|…)\]?\s*")
_WORD = re.compile(r"\S+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Span:
    """A run of article text: `start`/`end` index the article body; `paragraph` counts from 0."""

    paragraph: int
    start: int
    end: int


def paragraph_spans(body: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph: blocks of text separated by blank lines, trimmed."""
    spans = []
    position = 0
    for separator in [*_PARAGRAPH_BREAK.finditer(body), None]:
        end = separator.start() if separator else len(body)
        block = body[position:end]
        stripped = block.strip()
        if stripped:
            start = position + (len(block) - len(block.lstrip()))
            spans.append((start, start + len(stripped)))
        if separator:
            position = separator.end()
    return tuple(spans)


class ArticleText:
    """An article body prepared once for any number of quote look-ups."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.folded = fold(body)
        self.paragraphs = paragraph_spans(body)
        self._starts = [start for start, _ in self.paragraphs]
        self._words: list[tuple[int, int, str]] | None = None

    def paragraph_at(self, index: int) -> int:
        return max(0, bisect.bisect_right(self._starts, index) - 1)

    def spans(self, start: int, end: int) -> list[Span]:
        """Split [start, end) at paragraph boundaries, so each piece can be highlighted."""
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

    def find(self, quote: str) -> tuple[Span, ...] | None:
        """Where the quote occurs (each elided part in order), or None."""
        texts = quote_texts(quote)
        if not texts:
            return None
        position = 0
        found: list[Span] = []
        for text in texts:
            # Most parts are one run of text with single spaces, as in the article: a plain
            # search finds them without compiling a pattern; the pattern allows any spacing.
            place = self._find_plain(fold(text).split(), position)
            if place is None:
                match = quote_pattern(text).search(self.folded, position)
                if match is None:
                    return None
                place = match.span()
            found.extend(self.spans(*place))
            position = place[1]
        return tuple(found)

    def _find_plain(self, words: list[str], start: int = 0) -> tuple[int, int] | None:
        if not words:
            return None
        needle = " ".join(words)
        text = self.folded
        check_start, check_end = words[0][0].isalnum(), words[-1][-1].isalnum()
        at = text.find(needle, start)
        while at >= 0:
            end = at + len(needle)
            if not (check_start and at and _word_char(text[at - 1])) and not (check_end and end < len(text) and _word_char(text[end])):
                return at, end
            at = text.find(needle, at + 1)
        return None

    def missing_part(self, quote: str) -> str:
        """The first elided part of the quote that cannot be found in order ('' if none)."""
        position = 0
        for text, pattern in zip(quote_texts(quote), quote_parts(quote)):
            match = pattern.search(self.folded, position)
            if match is None:
                return text
            position = match.end()
        return ""

    def words(self) -> list[tuple[int, int, str]]:
        if self._words is None:
            self._words = [(m.start(), m.end(), _bare(m.group())) for m in _WORD.finditer(self.folded)]
        return self._words

    def closest_passage(self, quote: str) -> tuple[int, str] | None:
        """The passage most like `quote`: (paragraph index, original text), or None.

        Compares windows of the quote's length in words: first by shared words, counted
        in one sliding pass, then the best few by character similarity.
        """
        wanted = [_bare(word) for word in fold(quote).split()]
        words = self.words()
        if not wanted or not words:
            return None
        size = min(len(wanted), len(words))
        need = Counter(wanted)
        have: Counter[str] = Counter()
        overlap = 0
        scored: list[tuple[int, int]] = []
        for index, (_, _, word) in enumerate(words):
            have[word] += 1
            if have[word] <= need[word]:
                overlap += 1
            if index >= size:
                old = words[index - size][2]
                if have[old] <= need[old]:
                    overlap -= 1
                have[old] -= 1
            if index >= size - 1:
                scored.append((overlap, index - size + 1))
        target = " ".join(wanted)
        best_start, best_ratio = scored[0][1], -1.0
        for _, first in sorted(scored, key=lambda s: (-s[0], s[1]))[:8]:
            candidate = " ".join(w for _, _, w in words[first : first + size])
            # Character similarity on long texts costs too much to be worth it.
            ratio = difflib.SequenceMatcher(None, target, candidate, autojunk=False).ratio() if len(target) < 2000 else 0.0
            if ratio > best_ratio:
                best_start, best_ratio = first, ratio
        start = words[best_start][0]
        end = words[min(best_start + size, len(words)) - 1][1]
        return self.paragraph_at(start), self.body[start:end]


def _word_char(char: str) -> bool:
    """What `\\w` matches: letters, digits and the underscore."""
    return char.isalnum() or char == "_"


def _bare(word: str) -> str:
    """A word without the punctuation around it, for counting shared words."""
    return word.strip(".,;:!?\"'()[]") or word


def quote_texts(quote: str) -> list[str]:
    return [part for part in _ELISION.split(quote) if part.strip()]


def quote_parts(quote: str) -> list[re.Pattern[str]]:
    """One pattern per elided part; words may be separated by any run of whitespace.

    A part that starts or ends with a letter or digit must start or end on a word boundary:
    "52 political prisoners" is not a quote of "152 political prisoners".
    """
    return [quote_pattern(part) for part in quote_texts(quote)]


def quote_pattern(part: str) -> re.Pattern[str]:
    words = fold(part).split()
    body = " +".join(re.escape(word) for word in words)
    start = r"(?<!\w)" if words[0][0].isalnum() else ""
    end = r"(?!\w)" if words[-1][-1].isalnum() else ""
    return re.compile(start + body + end)
