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


def edited_passages(article: str, title: str, old_body: str, new_body: str, citations: Sequence[Citation]) -> EditedArticle:
    old, new = paragraphs(old_body), paragraphs(new_body)
    opcodes = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    passages = tuple(ChangedPassage(j1 + 1, word_diff(" ".join(old[i1:i2]), " ".join(new[j1:j2]))) for _, i1, i2, j1, j2 in opcodes)
    near_old = {i for _, i1, i2, _, _ in opcodes for i in range(i1 - 1, i2 + 1)}
    near_new = {j for _, _, _, j1, j2 in opcodes for j in range(j1 - 1, j2 + 1)}
    old_keys, new_keys = [_key(p) for p in old], [_key(p) for p in new]
    lost, near = [], []
    for citation in citations:
        was, now = _places(citation.quote, old_keys), _places(citation.quote, new_keys)
        if was and not now:
            lost.append(Citation(citation.claim, citation.quote, found=False))
        elif was & near_old or now & near_new:
            near.append(citation)
    changed = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in opcodes)
    shown = (*lost, *near)
    return EditedArticle(article, title, changed, shown, passages, len(citations) - len(shown))
