"""The passage of an article closest to a quote that is not in it, with a word-level difference.

Words are compared folded and without the punctuation around them. The best-aligned window
comes from rapidfuzz (`partial_ratio_alignment` over word ids), or for long quotes from a
one-pass count of shared words; it is then widened and aligned word by word (`Indel.opcodes`)
so the passage covers every word the quote aligns with, and the difference is read off the
alignment. The cost grows with the article's length, not with its length times the quote's.

The difference is written in plain text, inside the article's words:
`[+the]` the article has "the" here and the quote leaves it out; `[-very]` the quote has
"very" here and the article does not; `[freed → released]` the quote says "freed" where the
article says "released".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Opcode

from .quotes import ArticleText
from .text import fold

_SHORT = 200  # words: longer quotes look for their window by the places of their words
_VOTERS = 50  # a word found in more places than this does not vote
_BUCKET = 16  # votes for nearby starts count together (words added or left out shift them)
_PUNCTUATION = ".,;:!?\"'()[]-"
# Each article's words as ids, kept while the article's text is in use (several quotes of one
# article may be missing).
_WORD_IDS: WeakKeyDictionary[ArticleText, tuple[dict[str, int], list[int]]] = WeakKeyDictionary()


@dataclass(frozen=True)
class Closest:
    paragraph: int  # body paragraph (from 0) where the passage starts
    passage: str  # the article's visible text, whole words
    difference: str  # the passage with the quote's differences marked
    changes: int  # how many places differ


def _bare(word: str) -> str:
    return word.strip(_PUNCTUATION) or word


def _ids(words: list[str], vocabulary: dict[str, int]) -> list[int]:
    return [vocabulary.setdefault(word, len(vocabulary)) for word in words]


def _window(quote: list[int], article: list[int]) -> tuple[int, int] | None:
    """The article words [start, end) most like the quote, or None when they share no word."""
    if len(quote) >= len(article):
        return 0, len(article)
    if len(quote) <= _SHORT:
        offset = 0x10000  # word ids as characters: rapidfuzz's fastest path
        aligned = fuzz.partial_ratio_alignment("".join(chr(offset + i) for i in quote), "".join(chr(offset + i) for i in article))
        return (aligned.dest_start, aligned.dest_end) if aligned is not None and aligned.score else None
    # A long quote: every word it shares with the article votes for where the quote would
    # start if that were the same word (its position in the article minus its position in
    # the quote); words found in many places say little and do not vote.
    places: dict[int, list[int]] = {}
    wanted = set(quote)
    for index, word in enumerate(article):
        if word in wanted:
            places.setdefault(word, []).append(index)
    votes = Counter[int]()
    for index, word in enumerate(quote):
        seen = places.get(word, [])
        if 0 < len(seen) <= _VOTERS:
            votes.update((place - index) // _BUCKET for place in seen)
    if not votes:
        return None
    start = max(0, votes.most_common(1)[0][0] * _BUCKET)
    return start, min(len(article), start + len(quote))


def _aligned_span(quote: list[int], article: list[int], start: int, end: int) -> tuple[int, int] | None:
    """Widens [start, end) and keeps the stretch the quote's words align with."""
    slack = max(3, len(quote) // 2)
    low, high = max(0, start - slack), min(len(article), end + slack)
    equal = [op for op in Indel.opcodes(quote, article[low:high]) if op.tag == "equal"]
    # A word or two matched far from the rest (a stray "the") is not part of the passage.
    while len(equal) > 1 and equal[0].src_end - equal[0].src_start <= 2 and _stray(equal[0], equal[1]):
        equal.pop(0)
    while len(equal) > 1 and equal[-1].src_end - equal[-1].src_start <= 2 and _stray(equal[-2], equal[-1]):
        equal.pop()
    if not equal:
        return None
    # Quoted words before the first match and after the last pair with the article's words
    # there: the passage covers them, so they show as changed words rather than go missing.
    first = max(low, low + equal[0].dest_start - equal[0].src_start)
    last = min(high, low + equal[-1].dest_end + len(quote) - equal[-1].src_end)
    return first, last


def _stray(before: Opcode, after: Opcode) -> bool:
    """Whether the article skips many more words between two matched stretches than the quote."""
    return after.dest_start - before.dest_end > after.src_start - before.src_end + 3


def closest_passage(text: ArticleText, quote: str) -> Closest | None:
    """The passage most like `quote`, or None when the article shares no word with it."""
    quote_words = [word for word in quote.split() if fold(word).strip()]
    words = text.words()
    if not quote_words or not words:
        return None
    folded = text.folded.text
    known = _WORD_IDS.get(text)
    if known is None:
        vocabulary: dict[str, int] = {}
        known = _WORD_IDS[text] = (vocabulary, _ids([_bare(word) for word in folded.split(" ") if word], vocabulary))
    vocabulary, article_ids = dict(known[0]), known[1]
    quote_ids = _ids([_bare(fold(word).strip()) for word in quote_words], vocabulary)
    window = _window(quote_ids, article_ids)
    span = None if window is None else _aligned_span(quote_ids, article_ids, *window)
    if span is None:
        return None
    first, last = span
    source_start, _ = text.source_span(*words[first])
    _, source_end = text.source_span(*words[last - 1])
    shown = [text.visible_between(*text.source_span(a, b)) for a, b in words[first:last]]
    full = [folded[a:b] for a, b in words[first:last]]
    difference, changes = _difference(quote_words, quote_ids, article_ids[first:last], shown, full)
    return Closest(text.paragraph_at(source_start), text.visible_between(source_start, source_end), difference, changes)


def _same_word(quoted: str, article: str, first: bool, last: bool) -> bool:
    """Equal, or only punctuation outside the quote differs (`“the` for `the` at its start)."""
    if quoted == article:
        return True
    if first and last:
        return quoted in article and _bare(article) == _bare(quoted)
    return (first and article.endswith(quoted)) or (last and article.startswith(quoted))


def _difference(quote_words: list[str], quote_ids: list[int], passage_ids: list[int], shown: list[str], full: list[str]) -> tuple[str, int]:
    out: list[str] = []
    removed: list[str] = []
    added: list[str] = []
    changes = 0

    def flush() -> None:
        nonlocal changes
        if removed and added:
            out.append(f"[{' '.join(removed)} → {' '.join(added)}]")
        elif removed:
            out.append(f"[-{' '.join(removed)}]")
        elif added:
            out.append(f"[+{' '.join(added)}]")
        changes += bool(removed or added)
        removed.clear()
        added.clear()

    for op in Indel.opcodes(quote_ids, passage_ids):
        if op.tag == "delete":
            removed += quote_words[op.src_start : op.src_end]
        elif op.tag == "insert":
            added += shown[op.dest_start : op.dest_end]
        else:
            flush()
            for q, a in zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True):
                if _same_word(" ".join(fold(quote_words[q]).split()), full[a], a == 0, a == len(full) - 1):
                    out.append(shown[a])
                else:  # the same word, other punctuation around it
                    out.append(f"[{quote_words[q]} → {shown[a]}]")
                    changes += 1
    flush()
    return " ".join(out), changes
