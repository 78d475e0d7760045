"""Finding every entity's names and aliases in article text in one pass per article.

Names are matched in the article's visible text (its Markdown rendered, see `visible.py`),
folded as quotes are (case, accents on Latin letters, punctuation variants and invisible
characters ignored), on whole words; a name written all in capitals (`US`, `NATO`) matches
only in capitals. Positions are in the article body.

The rules are those of one regular expression over the text folded keeping case,
`(?<!\\w)(?:(?P<any>(?i:ANY))|(?P<caps>CAPS))(?!\\w)` searched leftmost first, where ANY and
CAPS are the names as tries (at each node the branches in character order, a longer name
before a shorter one, a space matching a run of spaces): at each place, the first name in
that order that ends on a word boundary, a name in any case before one in capitals.
`tests/test_mentions_equivalence.py` keeps that expression and compares on adversarial names
and texts. It is not how names are found (compiling it takes seconds for 10,000 names):

- Two Aho-Corasick automata (`ahocorasick_rs`) find every occurrence, overlapping ones too, of
  the names in any case in the text's *images* (`ignorecase.py`: equal images exactly where
  `(?i:)` matches) and of the names in capitals in the text itself; runs of spaces are read
  as one space first (the folded text has none).
- Each occurrence is kept if no word character (`\\w`, as `re` has it) comes before it and
  none after it. At each place the one the expression would take is the first in its order:
  a name's rank is its place in the names sorted as the trie tries them.
- From the left, the first place with an occurrence gives a mention; the next mention is
  looked for from its end, as the expression goes on from there.

Where `re`'s matching ignoring case cannot be written as images, the expression itself is
used (slower to compile, same result).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ahocorasick_rs import AhoCorasick

from .ignorecase import CaseImages, case_images
from .text import MappedText, fold, fold_keep_case, fold_mapped
from .visible import VisibleText, visible_text

_SPACE_RUN = re.compile(r"\s+")
_SPACES = re.compile(r" {2,}")
_WORD_AT = re.compile(r"\w").match
_AFTER_EVERY_CHARACTER = sys.maxunicode + 1

Span = tuple[int, int, bool]  # start, end, in capitals


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entities: tuple[str, ...]


def is_capitals_only(name: str) -> bool:
    """`US`, `EU`, `U.S.`: has letters and no lower-case letter."""
    return any(c.isalpha() for c in name) and name == name.upper() and name != name.lower()


def _key(name: str, capitals: bool) -> str:
    folded = fold_keep_case(name) if capitals else fold(name)
    return _SPACE_RUN.sub(" ", folded).strip()


def name_key(name: str) -> str:
    """The key a name is matched by: two names with one key are the same name in text."""
    return _key(name, is_capitals_only(name))


def trie_order(key: str) -> tuple[int, ...]:
    """Sorts names as the expression's trie tries them: by character, a name after the longer ones it starts."""
    return (*map(ord, key), _AFTER_EVERY_CHARACTER)


def case_fold(chars: frozenset[str]) -> CaseImages | None:
    """The images names made of `chars` are matched by (None: match with `(?i:)`)."""
    return case_images(chars)


class MentionFinder:
    """Built once per dossier from {entity id: [name, alias, ...]}."""

    def __init__(self, names: Mapping[str, Iterable[str]]) -> None:
        self._any_case: dict[str, list[str]] = {}
        self._capitals: dict[str, list[str]] = {}
        for entity, forms in names.items():
            for form in forms:
                capitals = is_capitals_only(form)
                key = _key(form, capitals)
                if not key:
                    continue
                table = self._capitals if capitals else self._any_case
                owners = table.setdefault(key, [])
                if entity not in owners:
                    owners.append(entity)
        self._owners_of: dict[tuple[bool, str], tuple[str, ...]] = {}
        self._build()

    def _build(self) -> None:
        any_case = sorted(self._any_case, key=trie_order)
        self._case = case_fold(frozenset("".join(any_case))) if any_case else None
        self._expression: re.Pattern[str] | None = None
        self._any_scan = self._caps_scan = None
        if any_case and self._case is None:
            self._expression = _expression(any_case, sorted(self._capitals))
            return
        images = list(dict.fromkeys(self._case.name(key) for key in any_case)) if self._case is not None else []
        # Names with one image match the same text: the first in the trie's order stands for all.
        self._capitals_rank = len(images)
        self._any_scan = AhoCorasick(images) if images else None
        self._caps_scan = AhoCorasick(sorted(self._capitals, key=trie_order)) if self._capitals else None

    def __getstate__(self) -> dict[str, Any]:
        # Sent to the check's worker processes as the names: an automaton does not pickle,
        # and building it again takes milliseconds.
        return {"_any_case": self._any_case, "_capitals": self._capitals, "_owners_of": self._owners_of}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._build()

    def find(self, body: str) -> list[Match]:
        """Non-overlapping mentions in an article body (Markdown), leftmost first, the longest name at each place."""
        return self.find_visible(visible_text(body))

    def find_visible(self, visible: VisibleText, folded: MappedText | None = None) -> list[Match]:
        """`find` given the body's visible text, when the caller has it already (the quote check does),
        and that text folded keeping case (`fold_mapped(visible.mapped, keep_case=True)`) if it has that too."""
        if folded is None:
            folded = fold_mapped(visible.mapped, keep_case=True)
        text, starts, ends = folded.text, folded.starts, folded.ends  # as `folded.source_span`, without a call per mention
        owners_of = self._owners_of
        matches = []
        for start, end, caps in self._spans(text):
            written = text[start:end]
            owners = owners_of.get((caps, written)) or self._owners(caps, written)
            if owners:
                matches.append(Match(starts[start], ends[end - 1], owners))
        return matches

    def _spans(self, text: str) -> list[Span]:
        if self._expression is not None:
            return [(m.start(), m.end(), m.lastgroup == "caps") for m in self._expression.finditer(text)]
        if "  " not in text:
            return self._scan(text)
        collapsed, kept = _collapse_spaces(text)
        return [(kept[start], kept[end - 1] + 1, caps) for start, end, caps in self._scan(collapsed)]

    def _scan(self, text: str) -> list[Span]:
        """(start, end, in capitals) of each mention: the leftmost, at one place the first in the expression's order."""
        best: dict[int, tuple[int, int]] = {}  # start: (rank, end) of the first name there on word boundaries
        length = len(text)
        scans = [(self._any_scan, 0), (self._caps_scan, self._capitals_rank)]
        for scan, first_rank in scans:
            if scan is None:
                continue
            read = self._case.text(text) if first_rank == 0 and self._case is not None else text
            for index, start, end in scan.find_matches_as_indexes(read, overlapping=True):
                if (start and _WORD_AT(text, start - 1)) or (end < length and _WORD_AT(text, end)):
                    continue
                rank = first_rank + index
                there = best.get(start)
                if there is None or rank < there[0]:
                    best[start] = (rank, end)
        spans = []
        done = 0
        for start in sorted(best):
            if start >= done:
                rank, done = best[start]
                spans.append((start, done, rank >= self._capitals_rank))
        return spans

    def _owners(self, caps: bool, written: str) -> tuple[str, ...]:
        owners = self._owners_of.get((caps, written))
        if owners is None:  # each spelling is looked up once per dossier, not once per mention
            key = _SPACE_RUN.sub(" ", written if caps else fold(written))
            owners = self._owners_of[(caps, written)] = tuple((self._capitals if caps else self._any_case).get(key, ()))
        return owners


def _collapse_spaces(text: str) -> tuple[str, list[int]]:
    """`text` with runs of spaces read as one, and where each of its characters is in `text`."""
    kept: list[int] = []
    done = 0
    for run in _SPACES.finditer(text):
        kept += range(done, run.start() + 1)
        done = run.end()
    kept += range(done, len(text))
    return _SPACES.sub(" ", text), kept


def _trie(words: Iterable[str]) -> str:
    """The words as one alternation with shared prefixes factored out, tried in `trie_order`."""
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
        if ends_here:  # greedy optional: the longest name wins, shorter ones by backtracking
            return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
        return body

    return emit(trie)


def _expression(any_case: list[str], capitals: list[str]) -> re.Pattern[str]:
    """The rules as one expression: where `re`'s matching ignoring case has no images."""
    alternatives = [f"(?P<any>(?i:{_trie(any_case)}))"]
    if capitals:
        alternatives.append(f"(?P<caps>{_trie(capitals)})")
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
