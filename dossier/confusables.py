"""Spellings that look alike but are not (contract v3, "Origins"): Unicode TR39, as ICU implements it.

Two checks on the names that identify a source (an entity's name and aliases, an article's
`outlet`, an evidence item's `via`):

- a word that mixes scripts (`Rеuters` with a Cyrillic `е`) is refused, naming each letter
  that is not of the word's script; whole words in one script are fine (`Лукашенко`), and
  so are the mixtures a language writes in one word (Japanese kanji with kana);
- an origin must contain a letter or a digit (`?`, `-`, `...` name no source).

Origins are then compared by their confusable *skeleton*: Cyrillic `АР` and Latin `AP` have
one skeleton, so they are one origin. ICU's SpoofChecker gives both the skeleton and the
mixed-script verdict from the Unicode data tables, so nothing here is a hand-made table.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

import icu  # type: ignore[import-untyped]  # PyICU ships no type information (the lead may list it in pyproject.toml instead)

_WORD = re.compile(r"\w+")
# The script property values that go with any script: digits, punctuation, combining marks.
_SHARED_SCRIPTS = frozenset({"Common", "Inherited", "Unknown"})


@functools.cache
def _checker(restriction: bool) -> icu.SpoofChecker:
    checker = icu.SpoofChecker()
    if restriction:
        # Highly restrictive: one script per word, or a mixture a language uses (Han with kana,
        # Hangul or Bopomofo, with Latin).
        checker.setChecks(icu.USpoofChecks.RESTRICTION_LEVEL)
        checker.setRestrictionLevel(icu.URestrictionLevel.HIGHLY_RESTRICTIVE)
    return checker


@functools.cache
def _ascii_skeletons() -> dict[int, str]:
    """The skeleton of each ASCII character that has another one (`I` -> `l`, `m` -> `rn`), from ICU."""
    checker = _checker(False)
    return {code: str(checker.getSkeleton(0, chr(code))) for code in range(128) if checker.getSkeleton(0, chr(code)) != chr(code)}


def skeleton(text: str) -> str:
    """The TR39 skeleton, composed again (NFC), so that `й` stays one letter: `АР` -> `AP`.

    The skeleton maps every character to its prototype, ASCII ones too (`I` -> `l`,
    `m` -> `rn`): compare skeletons of texts folded alike, never a skeleton with a text.
    It maps character by character, so ASCII text (most names) is mapped by a table made
    from ICU's own answers, without a call per name.
    """
    if text.isascii():
        return text.translate(_ascii_skeletons())
    return unicodedata.normalize("NFC", _checker(False).getSkeleton(0, text))


def _script(char: str) -> str:
    return str(icu.Script.getScript(ord(char)).getName())


def mixed_letters(word: str) -> list[str]:
    """The letters of `word` that are not of its script, when it mixes scripts; else []."""
    if word.isascii() or not _checker(True).check(word):
        return []
    scripts = [_script(c) for c in word]
    counts = Counter(s for s in scripts if s not in _SHARED_SCRIPTS)
    if len(counts) < 2:
        return []
    first = next(s for s in scripts if s not in _SHARED_SCRIPTS)
    # The word's own script: the one most of its letters are in (the first letter's on a tie).
    main = max(counts, key=lambda s: (counts[s], s == first))
    return list(dict.fromkeys(c for c, s in zip(word, scripts, strict=True) if s not in _SHARED_SCRIPTS and s != main))


def describe_char(char: str) -> str:
    """'е' (U+0435 CYRILLIC SMALL LETTER IE)."""
    return f"'{char}' (U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')})"


def mixed_script_words(text: str) -> list[tuple[str, list[str]]]:
    """Each word of `text` that mixes scripts, with the letters that are not of its script."""
    if text.isascii():
        return []
    found = []
    for word in _WORD.findall(text):
        odd = mixed_letters(word)
        if odd:
            found.append((word, odd))
    return found


def spelling_problem(text: str, what: str, origin: bool) -> tuple[str, str, str] | None:
    """(message, hint, code) when `text` (a name, alias, outlet or `via`) cannot identify a
    source: no letter or digit (origins only), or a word mixing scripts; None when it can.
    `what` names the field for the message ("the outlet", "'via'", "the alias")."""
    if origin and not any(c.isalnum() for c in text):
        return (
            f"{what} '{text}' has no letter or digit, so it names no source",
            "write the source's name" + ("; or leave 'via' out, and the article's outlet is the origin" if "via" in what else ""),
            "origin-without-name",
        )
    mixed = mixed_script_words(text)
    if not mixed:
        return None
    words = "; ".join(f"in '{word}': " + ", ".join(describe_char(c) for c in odd) for word, odd in mixed)
    return (
        f"{what} '{text}' mixes scripts within one word ({words}), so it would count as another source than the one it looks like",
        "retype the named letters in the script of the rest of the word (a look-alike letter from another alphabet was pasted in)",
        "mixed-script",
    )
