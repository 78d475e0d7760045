"""The mention scans find exactly what the one regular expression they replace finds.

`ReferenceFinder` is `MentionFinder` as it was before the scans (one `(?i:)` trie with a
lookbehind, searched with `finditer`): both are run on the same texts and names, chosen to
be hard to get right (names that are prefixes of each other, end in punctuation, differ only
in case; characters `re` matches ignoring case in unusual ways; adjacent mentions).
"""

from __future__ import annotations

import pickle
import re
import sys
from collections.abc import Iterable, Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier import mentions
from dossier.ignorecase import case_images
from dossier.mentions import Match, MentionFinder, _key, is_capitals_only
from dossier.text import MappedText, fold

_SPACE_RUN = re.compile(r"\s+")


def _reference_trie(words: Iterable[str]) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends_here = "" in node
        branches = [(" +" if char == " " else re.escape(char)) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:
            return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
        return body

    return emit(trie)


class ReferenceFinder:
    """The matching rules as one regular expression (dossier/mentions.py before the scans)."""

    def __init__(self, names: Mapping[str, Iterable[str]]) -> None:
        self.tables: dict[bool, dict[str, list[str]]] = {False: {}, True: {}}
        for entity, forms in names.items():
            for form in forms:
                capitals = is_capitals_only(form)
                key = _key(form, capitals)
                if key and entity not in (owners := self.tables[capitals].setdefault(key, [])):
                    owners.append(entity)
        alternatives = []
        if self.tables[False]:
            alternatives.append(f"(?P<any>(?i:{_reference_trie(self.tables[False])}))")
        if self.tables[True]:
            alternatives.append(f"(?P<caps>{_reference_trie(self.tables[True])})")
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)") if alternatives else None

    def find_visible(self, folded: MappedText) -> list[Match]:
        matches = []
        for found in self.pattern.finditer(folded.text) if self.pattern is not None else ():
            caps = found.lastgroup == "caps"
            written = found.group()
            owners = tuple(self.tables[caps].get(_SPACE_RUN.sub(" ", written if caps else fold(written)), ()))
            if owners:
                matches.append(Match(*folded.source_span(*found.span()), owners))
        return matches


# Characters `re` compares ignoring case in unusual ways, word and non-word characters around them.
TRICKY = (
    "aAbBeEiIıİsSſkKKtTuUnN"  # dotless and dotted i, long s, Kelvin sign
    "σςΣϲßẞµμΜιΙͅιθϑϴﬅﬆвᲀВтᲄᲅǄǅǆΩΩω"  # sigmas, sharp s, micro sign, iota and its subscript, Cyrillic variants, titlecase
    "é\u0301\u0307"  # combining marks are word characters
    "09_"
    "  .&'-()\n"
)
NAME = st.text(st.sampled_from(TRICKY), min_size=1, max_size=5)


def _spellings(name: str) -> list[str]:
    return [name, name.upper(), name.lower(), name.swapcase(), name.casefold(), name.replace(" ", "  ")]


@st.composite
def names_and_text(draw: st.DrawFn) -> tuple[dict[str, list[str]], str]:
    names = draw(st.dictionaries(st.sampled_from("abcdef"), st.lists(NAME, min_size=1, max_size=3), min_size=1, max_size=4))
    written = [spelling for forms in names.values() for form in forms for spelling in _spellings(form)]
    pieces = draw(st.lists(st.one_of(st.sampled_from(written), st.text(st.sampled_from(TRICKY), max_size=3)), max_size=12))
    return names, "".join(pieces)


def found_both(names: Mapping[str, Iterable[str]], text: str) -> tuple[list[Match], list[Match]]:
    folded = MappedText.of(text)  # any text, not only folded ones: the scans must not rely on folding
    return MentionFinder(names).find_visible(None, folded), ReferenceFinder(names).find_visible(folded)  # type: ignore[arg-type]


@settings(max_examples=1500, deadline=None)
@given(names_and_text())
def test_the_scans_find_what_the_expression_finds(case: tuple[dict[str, list[str]], str]) -> None:
    names, text = case
    new, reference = found_both(names, text)
    assert new == reference


@settings(max_examples=300, deadline=None)
@given(case=names_and_text())
def test_without_the_case_images_the_scans_still_find_what_the_expression_finds(case: tuple[dict[str, list[str]], str]) -> None:
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(mentions, "case_fold", lambda chars: None)  # as where the interpreter's tables lack a property
        names, text = case
        new, reference = found_both(names, text)
    assert new == reference


CASES = [
    ({"us": ["US", "U.S."], "us2": ["us"]}, "US us Us U.S. U.S.A U.S.. (US) _US US_ US1 ÜS"),
    ({"a": ["Minsk"], "b": ["Minsk Region", "Minsk  Region Council"]}, "Minsk Region Council, minsk   region; MINSK REGIONAL minsk"),
    ({"a": ["A&B", "A", "B"]}, "A&B A&Bc a&b a & b A&&B &A&B&"),
    ({"t": ["Işık", "Isik", "İstanbul"]}, "IŞIK ışık isik ISIK İSTANBUL istanbul ıstanbul"),
    ({"s": ["Straße", "ſtraſſe", "Σοφία"]}, "STRASSE straße ſtraſſe ΣΟΦΊΑ σοφία ςοφία Σοφίας"),
    ({"k": ["Kelvin", "KK"]}, "\u212aelvin kelvin KK K\u212a kk"),
    ({"x": ["ab", "abc", "abcd"], "y": ["bc"]}, "abcd abc ab abcde xab ab_ ab1 ab-bc bc"),
    ({"e": ["(2023)", "talks (2024)", "2024"]}, "talks (2024) (2023)(2023) x(2023) 2024 talks  (2024)"),
    ({"c": ["Café", "ιa", "\u0345a"]}, "Cafe\u0301 café CAFÉ ιa ΙA \u0345a a\u0345a"),
]


@pytest.mark.parametrize(("names", "text"), CASES)
def test_hand_picked_texts_give_what_the_expression_gives(names: dict[str, list[str]], text: str) -> None:
    new, reference = found_both(names, text)
    assert new == reference
    assert new or not reference  # the cases are meant to find something


def test_hand_picked_texts_through_the_whole_pipeline() -> None:
    for names, text in CASES:
        body = f"# Title\n\n{text}\n\n*{text}* and [a link]({text[:3]})."
        assert MentionFinder(names).find(body) == ReferenceFinder(names).find_visible(_folded(body))


def _folded(body: str) -> MappedText:
    from dossier.text import fold_mapped
    from dossier.visible import visible_text

    return fold_mapped(visible_text(body).mapped, keep_case=True)


EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))
IMAGES = case_images(frozenset(TRICKY + "AZaz"))


def test_this_interpreter_reads_texts_in_images() -> None:
    assert IMAGES is not None


def test_images_are_one_character_each() -> None:
    assert IMAGES is not None
    assert len(IMAGES.text(EVERY_CHARACTER)) == len(EVERY_CHARACTER)


@pytest.mark.parametrize("char", sorted(set(TRICKY + "AZaz") - set(" \n")))
def test_a_character_matches_ignoring_case_exactly_the_characters_with_its_images(char: str) -> None:
    assert IMAGES is not None
    images = IMAGES.text(EVERY_CHARACTER)
    by_images = [m.start() for m in re.finditer(re.escape(IMAGES.name(char)), images)]
    ignoring_case = [m.start() for m in re.finditer(f"(?i:{re.escape(char)})", EVERY_CHARACTER)]
    assert by_images == ignoring_case


def test_a_finder_sent_to_a_worker_finds_the_same() -> None:
    names = {f"e{i}": [f"Name{i} Surname{i}", f"N{i}S", f"Iſık{i}"] for i in range(1500)}
    text = "Met NAME17 surname17, n5s and N5S, then ISIK9 (İSıK11) and N1499S."
    finder = MentionFinder(names)
    state = pickle.dumps(finder)
    assert len(state) < 2_000_000  # the names go, not the automata
    received = pickle.loads(state)
    assert received.find(text) == finder.find(text) == ReferenceFinder(names).find_visible(_folded(text))
    # `Iſık` folds to `isık`, as `İSıK` does; `ISIK` is another name.
    assert [text[m.start : m.end] for m in received.find(text)] == ["NAME17 surname17", "N5S", "İSıK11", "N1499S"]
