"""Text normalisation shared by quote matching, mention finding and origin comparison.

`fold` maps every character to exactly one character (lower case, accents dropped,
curly quotes straightened, dashes unified, every kind of space made ' '), so an index
into the folded text is an index into the original: a match found in folded text
points straight at the passage an analyst wrote, without an offset table.
"""

from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = {
    **dict.fromkeys("‘’‚‛′ʼ＇´", "'"),  # ´ stands in for an apostrophe in much copied web text
    **dict.fromkeys("“”„‟″«»＂", '"'),
    **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
}


def _fold_char(char: str, keep_case: bool) -> str:
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    if char.isspace():
        return " "
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if not keep_case:
        base = base.casefold()
    if len(base) == 1:
        return base
    # Ligatures and the like expand to several characters; keep one so lengths match.
    lowered = char if keep_case else char.lower()
    return lowered if len(lowered) == 1 else char


class _FoldTable(dict):
    """A str.translate table that fills itself: each character is worked out once, when first seen."""

    def __init__(self, keep_case: bool) -> None:
        super().__init__()
        self.keep_case = keep_case

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code), self.keep_case)
        return value


_FOLD = _FoldTable(keep_case=False)
_FOLD_KEEP_CASE = _FoldTable(keep_case=True)


def fold(text: str) -> str:
    """Case-, accent-, quote-, dash- and space-insensitive form; same length as `text`."""
    return text.translate(_FOLD)


def fold_keep_case(text: str) -> str:
    """Like `fold` but keeps letter case (for aliases written all in capitals)."""
    return text.translate(_FOLD_KEEP_CASE)


_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Folded, with runs of spaces collapsed and ends trimmed: for comparing short strings."""
    return _SPACES.sub(" ", fold(text)).strip()


def nfc(text: str) -> str:
    """Composed Unicode, so an 'é' typed as e + accent matches one typed as a single letter."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
