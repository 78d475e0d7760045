"""Text fragments (`#:~:text=`) that select exactly a quote's passage in its article.

A browser opening `URL#:~:text=...` highlights the FIRST place of the article's text that
the directive matches (the Text Fragments specification): case is ignored, matches start
and end on word boundaries, `prefix-,` and `,-suffix` must be next to the match (only
whitespace between), and `start,end` spans from the first `start` to the first `end` after
it. A quote's words alone can match earlier (a long quote whose first five words occur
before it, a short one repeated): each directive here is grown, with more start and end
words, then with words of context before and after, until its first match in the article's
visible text is the passage itself. `first_match` is that matching, on the visible text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote as percent

from ...excerpts import shown
from ...quotes import Span
from ...text import is_word_char
from ...visible import VisibleText, visible_text

LONG_DIRECTIVE = 12  # words: longer passages are written as their first and last words
DIRECTIVE_EDGE = 5
MAX_CONTEXT = 8  # words of prefix or suffix tried at most


@dataclass(frozen=True)
class Directive:
    start: str
    end: str = ""
    prefix: str = ""
    suffix: str = ""

    def encoded(self) -> str:
        text = _encode(self.start) + ("," + _encode(self.end) if self.end else "")
        if self.prefix:
            text = _encode(self.prefix) + "-," + text
        if self.suffix:
            text += ",-" + _encode(self.suffix)
        return "text=" + text


def _encode(text: str) -> str:
    # The directive's own syntax characters (`&`, `,`, `-`) must be percent-encoded in its text.
    return percent(text, safe="").replace("-", "%2D")


def _lower(text: str) -> str:
    """Lower case, one character for one (positions keep their meaning)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def normalize(text: str) -> str:
    return _lower(" ".join(shown(text).split()))


def _bounded(doc: str, at: int, term: str) -> bool:
    end = at + len(term)
    if at and is_word_char(term[0]) and is_word_char(doc[at - 1]):
        return False
    return not (end < len(doc) and is_word_char(term[-1]) and is_word_char(doc[end]))


def _find(doc: str, term: str, start: int) -> int:
    at = doc.find(term, start)
    while at >= 0 and not _bounded(doc, at, term):
        at = doc.find(term, at + 1)
    return at


def _after_space(doc: str, at: int) -> int:
    while at < len(doc) and doc[at] in " \n":
        at += 1
    return at


def _next_to(doc: str, at: int, term: str) -> bool:
    return doc.startswith(term, at) and _bounded(doc, at, term)


def first_match(doc: str, directive: Directive) -> tuple[int, int] | None:
    """Where a browser's first match of the directive is in `doc` (blocks on lines, normalized)."""
    start, end = normalize(directive.start), normalize(directive.end)
    prefix, suffix = normalize(directive.prefix), normalize(directive.suffix)
    search = 0
    while True:
        if prefix:
            found = _find(doc, prefix, search)
            if found < 0:
                return None
            search, at = found + 1, _after_space(doc, found + len(prefix))
            if not _next_to(doc, at, start):
                continue
        else:
            at = _find(doc, start, search)
            if at < 0:
                return None
            search = at + 1
        match = _complete(doc, at, start, end, suffix)
        if match is not None:
            return match


def _complete(doc: str, at: int, start: str, end: str, suffix: str) -> tuple[int, int] | None:
    """The match that begins with `start` at `at`: on to the first `end` (with the suffix next to it)."""
    if not end:
        after = at + len(start)
        return (at, after) if "\n" not in start and (not suffix or _next_to(doc, _after_space(doc, after), suffix)) else None
    position = at + len(start)
    while True:
        found = _find(doc, end, position)
        if found < 0:
            return None
        if not suffix or _next_to(doc, _after_space(doc, found + len(end)), suffix):
            return at, found + len(end)
        position = found + 1


@dataclass(frozen=True)
class PartPlace:
    """A part of a quote in the article's visible text: its words and those around it in its block."""

    words: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    target: tuple[int, int]  # in the normalized document


class ArticleDocument:
    """An article's visible text as the matching sees it: blocks on lines, whitespace collapsed, lower case."""

    def __init__(self, visible: VisibleText) -> None:
        self.visible = visible
        text = visible.mapped.text
        self.blocks = [text[b.start : b.end] for b in visible.blocks]
        normalized = [normalize(block) for block in self.blocks]
        self.offsets = [0]
        for block in normalized:
            self.offsets.append(self.offsets[-1] + len(block) + 1)
        self.doc = "\n".join(normalized)
        self._block_starts = [b.start for b in visible.blocks]

    def place(self, span: Span) -> PartPlace | None:
        starts = self.visible.mapped.starts
        a, b = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
        index = bisect.bisect_right(self._block_starts, a) - 1
        if index < 0:
            return None
        block, origin = self.blocks[index], self.visible.blocks[index].start
        local_a, local_b = a - origin, min(b - origin, len(block))
        before, words, after = (tuple(shown(t).split()) for t in (block[:local_a], block[local_a:local_b], block[local_b:]))
        if not words:
            return None
        glued = local_a > 0 and not block[local_a - 1].isspace() and bool(before)
        start = self.offsets[index] + len(normalize(" ".join(before))) + (1 if before and not glued else 0)
        return PartPlace(words, before, after, (start, start + len(normalize(" ".join(words)))))

    def directive(self, part: PartPlace) -> Directive:
        """The shortest directive found whose first match is the part."""
        base = self._shape(part)
        if first_match(self.doc, base) == part.target:
            return base
        for words in range(1, MAX_CONTEXT + 1):
            prefix, suffix = " ".join(part.before[-words:]), " ".join(part.after[:words])
            for candidate in (Directive(base.start, base.end, prefix=prefix), Directive(base.start, base.end, suffix=suffix)):
                if (candidate.prefix or candidate.suffix) and first_match(self.doc, candidate) == part.target:
                    return candidate
            both = Directive(base.start, base.end, prefix, suffix)
            if (prefix or suffix) and first_match(self.doc, both) == part.target:
                return both
        return base  # the passage itself repeats, context and all: the first place is the best there is

    def _shape(self, part: PartPlace) -> Directive:
        """The passage itself, or its first and last words grown until they point at it."""
        words = part.words
        if len(words) <= LONG_DIRECTIVE:
            return Directive(" ".join(words))
        first, last = DIRECTIVE_EDGE, DIRECTIVE_EDGE
        while first + last < len(words):
            candidate = Directive(" ".join(words[:first]), " ".join(words[-last:]))
            match = first_match(self.doc, candidate)
            if match == part.target:
                return candidate
            if match is None or match[0] != part.target[0]:
                first += 1
            else:
                last += 1
        return Directive(" ".join(words))


def text_fragment(body: str, spans: tuple[Span, ...]) -> str:
    """`#:~:text=...`, one directive per span (each part of an elided quote), each selecting exactly it."""
    return text_fragments(body, [spans])[spans]


def text_fragments(body: str, quotes: Iterable[tuple[Span, ...]]) -> dict[tuple[Span, ...], str]:
    """`text_fragment` of several quotes of one article (by their spans), its text read once."""
    document = ArticleDocument(visible_text(body))
    return {spans: _fragment(document, spans) for spans in dict.fromkeys(quotes)}


def _fragment(document: ArticleDocument, spans: tuple[Span, ...]) -> str:
    places = [document.place(span) for span in spans]
    directives = [document.directive(place).encoded() for place in places if place is not None]
    return "#:~:" + "&".join(directives) if directives else ""
