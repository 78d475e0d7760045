"""Text normalisation shared by quote matching, mention finding and origin comparison.

Folding makes two spellings of the same words equal: full case folding (`ß` = `ss`), accents
dropped on Latin letters only (`é` = `e`; in Cyrillic only `ё` = `е`, `й` stays `й`), curly
quotes straightened, dashes unified, every space made ' ', invisible characters dropped, and
decomposed accents treated as precomposed ones. Folding can change a text's length, so the
article side is folded as a `MappedText` that remembers where each folded character came from.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_PUNCTUATION = {
    **dict.fromkeys("‘’‚‛′ʼʻ＇´`", "'"),  # ´ stands in for an apostrophe in much copied web text
    **dict.fromkeys("“”„‟″«»＂", '"'),
    **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
}

# Characters a reader cannot see, ignored when matching (contract v2, "Articles").
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# What the check warns about and the site leaves out: the controls, and the marks (LRM, RLM, ALM).
BIDI_MARKS = BIDI_CONTROLS | frozenset("\u200e\u200f\u061c")
INVISIBLE = frozenset("\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff") | BIDI_CONTROLS
HAS_INVISIBLE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")  # one search in C: most texts have none

_SPACE_RUN = re.compile(r" {2,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_BYTES = bytes(range(128))
_FEW_KINDS = 24  # characters to replace one by one (`_fold_chars`); more: a regular expression
_ASCII_FOLDED = {c: (" " if c.isspace() else "'") for c in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f`"}


def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


def is_word_char(char: str) -> bool:
    """Letters, digits, the underscore and combining marks: what a word is made of."""
    return char.isalnum() or char == "_" or _is_mark(char)


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


@lru_cache(maxsize=4096)
def fold_unit(unit: str, keep_case: bool = False) -> str:
    """One character, or a letter with the combining marks after it, folded."""
    if unit in INVISIBLE:
        return ""
    if unit in _PUNCTUATION:
        return _PUNCTUATION[unit]
    if unit.isspace():
        return " "
    unit = "".join(c for c in unit if c not in INVISIBLE)
    if not unit:
        return ""
    # Compatibility forms (ligatures, full-width letters) only for letters: `²` must stay
    # a superscript, or "10²" would read as the number 102.
    decomposed = unicodedata.normalize("NFKD" if unit[0].isalpha() else "NFD", unit)
    if _is_latin_letter(decomposed[0]):
        decomposed = "".join(c for c in decomposed if not _is_mark(c))
    folded = unicodedata.normalize("NFC", decomposed)
    folded = folded.replace("ß", "ss").replace("ẞ", "SS") if keep_case else folded.casefold()
    return "".join(_PUNCTUATION.get(c, c) for c in folded).replace("ё", "е").replace("Ё", "Е")


class _FoldTable(dict[int, str]):
    """A str.translate table of the characters that fold to exactly one character."""

    def __init__(self, keep_case: bool) -> None:
        super().__init__()
        self.keep_case = keep_case

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold_unit(char, self.keep_case)
        value = self[code] = folded if len(folded) == 1 and not _is_mark(char) else char
        return value


_TABLES = {False: _FoldTable(keep_case=False), True: _FoldTable(keep_case=True)}
_IRREGULAR: dict[tuple[str, bool], bool] = {}
_REGULAR: dict[bool, set[str]] = {False: set(), True: set()}


def _irregular(char: str, keep_case: bool) -> bool:
    """Whether `char` does not fold to one character on its own (ß, ﬁ, invisibles, marks)."""
    key = (char, keep_case)
    found = _IRREGULAR.get(key)
    if found is None:
        found = _IRREGULAR[key] = _is_mark(char) or len(fold_unit(char, keep_case)) != 1
        if not found:
            _REGULAR[keep_case].add(char)
    return found


def _unit_pattern(text: str, keep_case: bool) -> re.Pattern[str] | None:
    """What must be folded unit by unit: marks with the letter before them, and irregular characters."""
    if text.isascii():
        return None  # every ASCII character folds to one character
    # Characters seen before to fold regularly are left out in one set operation. Only the
    # non-ASCII ones are looked at: deleting ASCII bytes from the UTF-8 is done in C at memory
    # speed, where `set(text)` of a long article costs ten times as much.
    others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    odd = sorted(c for c in set(others) - _REGULAR[keep_case] if _irregular(c, keep_case))
    if not odd:
        return None
    marks = "".join(re.escape(c) for c in odd if _is_mark(c))
    others = "".join(re.escape(c) for c in odd if not _is_mark(c))
    alternatives = [f".?[{marks}]+"] if marks else []
    if others:
        alternatives.append(f"[{others}]")
    return re.compile("|".join(alternatives), re.DOTALL)


def _fold_chars(text: str, keep_case: bool) -> str:
    """Folds the characters that fold one for one (units that do not are already folded).

    Article texts are long and mostly ASCII: `str.translate` looks every character up in a
    table, so only other characters go through it, and ASCII through `lower` and a
    substitution of its few other foldable characters (spaces, the backtick). A text with a
    few kinds of other characters (curly quotes, dashes, some accents) has each replaced in
    one `str.replace`, searched in C; one with many (another alphabet), runs of them translated.
    """
    if not text.isascii():
        table = _TABLES[keep_case]
        others = set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
        changed = [(char, folded) for char in others if (folded := table[ord(char)]) != char]
        if len(changed) <= _FEW_KINDS:
            for char, folded in changed:  # one character for one: positions do not move
                text = text.replace(char, folded)
        else:
            text = _NON_ASCII.sub(lambda run: run.group().translate(table), text)
    if not keep_case:
        text = text.lower()
    for char, folded in _ASCII_FOLDED.items():  # a few searches in C, not a call per line end
        if char in text:
            text = text.replace(char, folded)
    return text


def fold(text: str, keep_case: bool = False) -> str:
    """The folded form of `text`, spaces not collapsed (see `squash`)."""
    pattern = _unit_pattern(text, keep_case)
    if pattern is not None:
        text = pattern.sub(lambda m: fold_unit(m.group(), keep_case), text)
    return _fold_chars(text, keep_case)


def fold_keep_case(text: str) -> str:
    """Like `fold` but keeps letter case (for aliases written all in capitals)."""
    return fold(text, keep_case=True)


def squash(text: str) -> str:
    """Folded, with runs of spaces collapsed and ends trimmed: for comparing short strings."""
    return " ".join(fold(text).split())


def nfc(text: str) -> str:
    """Composed Unicode, so an 'é' typed as e + accent matches one typed as a single letter."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class MappedText:
    """A text made from a source string: character i came from source[starts[i]:ends[i]].

    Offsets never decrease along the text, so a source position maps back by bisection.
    """

    text: str
    starts: array[int]
    ends: array[int]

    @staticmethod
    def of(source: str, offset: int = 0) -> MappedText:
        """The source itself, character for character (`offset` shifts the positions)."""
        return MappedText(source, array("i", range(offset, offset + len(source))), array("i", range(offset + 1, offset + len(source) + 1)))

    def remap(self, pattern: re.Pattern[str], replace: Callable[[str], str]) -> MappedText:
        """Each match replaced by `replace(match text)`; new characters map to the whole match."""
        pieces: list[str] = []
        starts, ends = array("i"), array("i")
        done = 0
        for match in pattern.finditer(self.text):
            a, b = match.span()
            new = replace(match.group())
            if new == match.group():
                continue
            pieces += (self.text[done:a], new)
            starts += self.starts[done:a]
            ends += self.ends[done:a]
            starts += array("i", [self.starts[a]]) * len(new)
            ends += array("i", [self.ends[b - 1]]) * len(new)
            done = b
        if not pieces:
            return self
        pieces.append(self.text[done:])
        starts += self.starts[done:]
        ends += self.ends[done:]
        return MappedText("".join(pieces), starts, ends)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source range that text[start:end] (not empty) came from."""
        return self.starts[start], self.ends[end - 1]


def fold_mapped(text: MappedText, keep_case: bool = False) -> MappedText:
    """`fold` of a mapped text, whitespace runs collapsed to one space, still mapped."""
    pattern = _unit_pattern(text.text, keep_case)
    if pattern is not None:
        text = text.remap(pattern, lambda unit: fold_unit(unit, keep_case))
    text = MappedText(_fold_chars(text.text, keep_case), text.starts, text.ends)
    return text.remap(_SPACE_RUN, lambda run: " ") if "  " in text.text else text


def casefolded(kept: MappedText) -> MappedText | None:
    """`fold_mapped(source)` from `fold_mapped(source, keep_case=True)`, when it is that text lower-cased; else None.

    The two folds differ only in that case is folded away (`casefold`, after the same NFKD/NFC
    steps): `ß` gives `ss` both ways, punctuation and marks are the same. So where every
    character of the kept-case fold lower-cases to one character, and that is what
    `casefold` gives too, folding without case gives that text, from the same units of the
    source (one character each way). Not so for `ΐ`, one character with case kept, three
    casefolded: such texts are folded again. An article's text is folded both ways, for
    mentions and for quotes: this saves the second fold.
    """
    lowered = kept.text.lower()
    if len(lowered) != len(kept.text) or lowered != kept.text.casefold():
        return None
    return MappedText(lowered, kept.starts, kept.ends)
