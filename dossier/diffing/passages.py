"""An edited article, as a reviewer needs it: the changed passages as a word diff, and only the
quotes in or next to them, those no longer found in the text first.

Quotes are placed by their words (case, accents, punctuation and spacing ignored), which is
enough to tell which paragraph a quote is in; whether a quote still verifies under every rule
of the contract is what `dossier check` says, and the diff names its errors too.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

from .model import ChangedPassage, Citation, EditedArticle

CONTEXT_WORDS = 6  # unchanged words kept on each side of a change
_ELLIPSIS = re.compile(r"\[?(?:\.\.\.|…)\]?")
_WORD = re.compile(r"\w+")


def paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", body) if p.strip()]


def _key(text: str) -> str:
    """The words of a text, lowercased and without accents, between spaces (whole words match)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " " + " ".join(_WORD.findall(plain)) + " "


def _places(quote: str, keys: Sequence[str]) -> set[int]:
    """The paragraphs (0-based) holding every part of the quote, in order."""
    parts = [_key(part) for part in _ELLIPSIS.split(quote) if part.strip()]
    found = set()
    for index, key in enumerate(keys):
        position = 0
        for part in parts:
            position = key.find(part, position)
            if position < 0:
                break
            position += len(part) - 1
        else:
            if parts:
                found.add(index)
    return found


def word_diff(before: str, after: str) -> str:
    """`… said the "next step" was [-talks.-] {+negotiations.+}`: changes with a few words around them."""
    old, new = before.split(), after.split()
    pieces: list[str] = []
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = old[i1:i2]
            first, last = number == 0, number == len(opcodes) - 1
            if len(words) > 2 * CONTEXT_WORDS or ((first or last) and len(words) > CONTEXT_WORDS):
                head = [] if first else words[:CONTEXT_WORDS]
                tail = [] if last else words[-CONTEXT_WORDS:]
                words = [*head, "…", *tail]
            pieces += words
            continue
        if i2 > i1:
            pieces.append("[-" + " ".join(old[i1:i2]) + "-]")
        if j2 > j1:
            pieces.append("{+" + " ".join(new[j1:j2]) + "+}")
    return " ".join(pieces)


def _spans(quote: str, key: str) -> list[tuple[int, int]]:
    """The word ranges (start, end) of the quote's parts in a keyed text, when all are found in order."""
    spans, position = [], 0
    for part in (_key(p) for p in _ELLIPSIS.split(quote) if p.strip()):
        found = key.find(part, position)
        if found < 0:
            return []
        first = key[: found + 1].count(" ") - 1
        spans.append((first, first + len(part.split())))
        position = found + len(part) - 1
    return spans


def _changed_words(before: list[str], after: list[str]) -> tuple[set[int], set[int]]:
    """The indices of the words around each change (CONTEXT_WORDS on each side), in the old and the new text."""
    old: set[int] = set()
    new: set[int] = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag != "equal":
            old.update(range(i1 - CONTEXT_WORDS, i2 + CONTEXT_WORDS))
            new.update(range(j1 - CONTEXT_WORDS, j2 + CONTEXT_WORDS))
    return old, new


def _near(quote: str, key: str, changed: set[int]) -> bool:
    return any(changed & set(range(start, end)) for start, end in _spans(quote, key))


def edited_passages(article: str, title: str, old_body: str, new_body: str, citations: Sequence[Citation]) -> EditedArticle:
    old, new = paragraphs(old_body), paragraphs(new_body)
    opcodes = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    passages = tuple(ChangedPassage(j1 + 1, word_diff(" ".join(old[i1:i2]), " ".join(new[j1:j2]))) for _, i1, i2, j1, j2 in opcodes)
    blocks = []  # per change: the old and new text keyed, and the words around the change in each
    for _, i1, i2, j1, j2 in opcodes:
        before, after = _key(" ".join(old[i1:i2])), _key(" ".join(new[j1:j2]))
        blocks.append((before, after, *_changed_words(before.split(), after.split())))
    old_keys, new_keys = [_key(p) for p in old], [_key(p) for p in new]
    lost, near = [], []
    for citation in citations:
        if _places(citation.quote, old_keys) and not _places(citation.quote, new_keys):
            lost.append(Citation(citation.claim, citation.quote, found=False))
        elif any(_near(citation.quote, b, ob) or _near(citation.quote, a, nb) for b, a, ob, nb in blocks):
            near.append(citation)
    changed = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in opcodes)
    shown = (*lost, *near)
    return EditedArticle(article, title, changed, shown, passages, len(citations) - len(shown))
