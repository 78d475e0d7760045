"""Finding every entity's names and aliases in article text in one pass per article.

All names go into one regular expression shaped as a trie (shared prefixes factored
out), so scanning an article costs about the same for ten names as for ten thousand.
Names are matched in the article's visible text (its Markdown rendered, see `visible.py`),
folded as quotes are (case, accents on Latin letters, punctuation variants and invisible
characters ignored), on whole words; a name written all in capitals (`US`, `NATO`) matches
only in capitals. Positions are in the article body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .patterncache import compile_cached
from .text import MappedText, fold, fold_keep_case, fold_mapped
from .visible import VisibleText, visible_text

_SPACE_RUN = re.compile(r"\s+")


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


def _trie_pattern(words: Iterable[str]) -> str:
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


class MentionFinder:
    """Compiled once per dossier from {entity id: [name, alias, ...]}."""

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
        alternatives = []
        if self._any_case:
            alternatives.append(f"(?P<any>(?i:{_trie_pattern(self._any_case)}))")
        if self._capitals:
            alternatives.append(f"(?P<caps>{_trie_pattern(self._capitals)})")
        self._source = r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)" if alternatives else None
        # Compiling ~11,000 names takes a second or two: kept on disk for the next check (patterncache.py).
        self._pattern = compile_cached(self._source) if self._source is not None else None

    def __getstate__(self) -> dict[str, Any]:
        # Sent to the check's worker processes without the compiled pattern, which pickle
        # would recompile the slow way; each worker gets it from the cache instead.
        return {**self.__dict__, "_pattern": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._pattern = compile_cached(self._source) if self._source is not None else None

    def find(self, body: str) -> list[Match]:
        """Non-overlapping mentions in an article body (Markdown), leftmost first, the longest name at each place."""
        return self.find_visible(visible_text(body))

    def find_visible(self, visible: VisibleText, folded: MappedText | None = None) -> list[Match]:
        """`find` given the body's visible text, when the caller has it already (the quote check does),
        and that text folded keeping case (`fold_mapped(visible.mapped, keep_case=True)`) if it has that too."""
        if self._pattern is None:
            return []
        matches = []
        owners_of = self._owners_of
        if folded is None:
            folded = fold_mapped(visible.mapped, keep_case=True)
        for found in self._pattern.finditer(folded.text):
            written = found.group()
            caps = found.lastgroup == "caps"
            owners = owners_of.get((caps, written))
            if owners is None:  # each spelling is looked up once per dossier, not once per mention
                key = _SPACE_RUN.sub(" ", written if caps else fold(written))
                owners = owners_of[(caps, written)] = tuple((self._capitals if caps else self._any_case).get(key, ()))
            if owners:
                matches.append(Match(*folded.source_span(*found.span()), owners))
        return matches
