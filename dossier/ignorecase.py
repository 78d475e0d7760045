"""Which characters Python's `re` matches to each other ignoring case, found with `re` itself.

A name in any case is matched as `re` matches `(?i:NAME)` (the mention rules were first
written as that expression, and the results must not change). To find names with a
case-sensitive automaton instead, each character gets an *image*: two characters have the
same image exactly when `(?i:)` matches one to the other. The names are written in images,
the text is read in images, and an exact match of images is a match ignoring case.

`re` compares ignoring case by a character's simple lower case, and a few lower cases with
each other (`s`/`ſ`, `i`/`ı`, `σ`/`ς`, ...). Only its public behaviour is used here: for
each character of the names, the characters `(?i:c)` matches among every character that has
case (those are in the first two planes: tests/test_mentions_automaton.py checks that, and
that the images agree with `re` over every code point). The image of a class is the lower
case `str.lower` gives its members where it can, so a text's images are `text.lower()` after
replacing the few characters whose lower case is not their image (usually none).
Characters outside every class keep their lower case: no other character matches them, and
none of them has a lower case that is a class's image (checked when the images are made).
Where `re`'s matches are not such classes (a future Python could change them), there are no
images, and the caller matches with `(?i:)` itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

CASED_PLANES_END = 0x20000  # every character with case is below (checked by the tests on this interpreter)
_BLOCK = 4096
# Where a character outside every class lowers to several characters (`İ`), one in its place.
_PLACEHOLDER = "\uffff"


@cache
def cased_characters() -> str:
    """Every character that `str.lower` or `str.upper` changes, in code point order."""
    found: list[str] = []
    for block in range(0, CASED_PLANES_END, _BLOCK):
        chars = "".join(map(chr, range(block, block + _BLOCK)))
        if chars.lower() != chars or chars.upper() != chars:
            found += [c for c in chars if c.lower() != c or c.upper() != c]
    return "".join(found)


@dataclass(frozen=True)
class CaseImages:
    """The images of the characters of some names, and how to read a text in images."""

    of_name_char: dict[str, str]  # each character of the names: its image
    replaced: dict[str, str]  # characters whose image is not what `str.lower` gives: replaced first
    replaced_pattern: re.Pattern[str] | None
    ascii_plain: bool  # no ASCII character is replaced: an ASCII text's images are its lower case

    def name(self, name: str) -> str:
        return "".join(self.of_name_char[c] for c in name)

    def text(self, text: str) -> str:
        """One image for each character of `text`."""
        if self.replaced_pattern is not None and not (self.ascii_plain and text.isascii()):
            text = self.replaced_pattern.sub(lambda m: self.replaced[m.group()], text)
        return text.lower()


def _class_of(char: str, pool: str) -> frozenset[str]:
    return frozenset(re.findall("(?i:" + re.escape(char) + ")", pool))


def _image(members: frozenset[str]) -> str | None:
    lowered = sorted(low for m in members if len(low := m.lower()) == 1 and low in members and low.lower() == low)
    return lowered[0] if lowered else None


def _classes(chars: Iterable[str]) -> dict[str, str] | None:
    """Each member of the classes of `chars`: its class's image; None where the classes overlap."""
    cased = cased_characters()
    pool = cased + "".join(sorted(set(chars) - set(cased)))
    image_of: dict[str, str] = {}
    members_of: dict[str, frozenset[str]] = {}
    for char in sorted(set(chars)):
        members = _class_of(char, pool)
        image = _image(members)
        if image is None or members_of.setdefault(image, members) != members:
            return None
        if any(image_of.setdefault(m, image) != image for m in members):
            return None  # `re`'s matching ignoring case is not a partition here
    return image_of


@cache
def case_images(chars: frozenset[str]) -> CaseImages | None:
    """The images for names made of `chars`, None where `re` does not match by classes."""
    image_of = _classes(chars)
    if image_of is None:
        return None
    images = set(image_of.values())
    replaced = {m: image for m, image in image_of.items() if m.lower() != image or m == "\u03a3"}  # Σ: ς at a word's end
    for char in cased_characters():
        if char in image_of:
            continue
        lowered = char.lower()
        if lowered in images:  # pragma: no cover - `re` would match it to that class
            return None
        if len(lowered) != 1:
            replaced[char] = _PLACEHOLDER
    if _PLACEHOLDER in images or any(image.lower() != image for image in replaced.values()):  # pragma: no cover
        return None
    pattern = re.compile("[" + "".join(map(re.escape, sorted(replaced))) + "]") if replaced else None
    ascii_plain = not any(c.isascii() for c in replaced)
    return CaseImages({c: image_of[c] for c in chars}, replaced, pattern, ascii_plain)
