"""Finding every entity's names and aliases in article text in one pass per article.

Names are matched in the article's visible text (its Markdown rendered, see `visible.py`),
folded as quotes are (case, accents on Latin letters, punctuation variants and invisible
characters ignored), on whole words; a name written all in capitals (`US`, `NATO`) matches
only in capitals. Positions are in the article body.

The rules, as one regular expression over the text folded keeping case: `(?<!\\w)(?:(?P<any>
(?i:ANY))|(?P<caps>CAPS))(?!\\w)`, where ANY and CAPS are the names as tries (shared prefixes
factored out; at each node the branches in character order, a longer name before a shorter
one), searched leftmost first: at each place the first name in that order that ends on a word
boundary, a name in any case before one in capitals. That expression is what the scan below
computes, more cheaply; `tests/test_mentions_equivalence.py` compares the two on adversarial
texts and names.

Python's `re` would try all of it at every character of an article (the lookbehind hides the
first character from its skip ahead), and under `(?i:)` it must enter every branch of the trie
to compare one character, so the scan is arranged for the engine's two fast paths instead:

- It is made of plain characters. `re` compares a character case-insensitively by its simple
  lower case (`_sre.unicode_tolower`), as equal to one lower-case letter or, for the few in
  `re`'s table of extra cases (`s`/`ſ`, `i`/`ı`, `σ`/`ς`, ...), to any of its group. So each
  character is mapped to its lower case and then to its group's first member (`_CaseFold`): two
  characters match each other case-insensitively exactly when their images are equal, and the
  names' tries are written with their characters' images, case-sensitively, over the text's
  image (every tree branch then starts with a plain character, which `re` checks without
  entering the branch). The trie keeps each name's own characters as its branches, in their own
  order (`ı` and `i` stay two branches with one image), so the order names are tried in is the
  expression's. Characters without case stay themselves, and no character with case has an
  image without case, so a plain character matches only itself, as under `(?i:)`; images keep
  word characters word characters, so the word boundaries are the same. These properties are
  checked on the interpreter's own tables when the map is built; where one fails, the scan runs
  the expression's own `(?i:)` trie over the text itself (slower, same matches).
- It starts with the non-word character before a name (`\\W`), which `re` finds by skipping
  ahead in C, and the text scanned starts with a space, standing for the start of the text.
- Capitals-only names are in the scan by their images too, so a match there is a candidate,
  confirmed by matching the capitals trie itself at that place; an unconfirmed candidate means
  no name starts there (names in any case were tried first and failed), and the scan goes on
  from the next character, as the expression would.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from .patterncache import compile_cached
from .text import MappedText, fold, fold_keep_case, fold_mapped
from .visible import VisibleText, visible_text

try:  # CPython: the functions and table `re` compares characters with under IGNORECASE
    import _sre  # type: ignore[import-not-found]  # no stubs: the engine is internal
    from re import _compiler  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other interpreters scan with `(?i:)`
    _sre = None

_SPACE_RUN = re.compile(r"\s+")
_WORD = re.compile(r"\w")


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


@dataclass(frozen=True)
class _CaseFold:
    """Each character's image: equal images exactly when `re` matches the characters to each other ignoring case."""

    images: dict[str, str]  # the characters with case whose image is another character
    classes: dict[str, str]  # character with case: the images of all it matches ignoring case
    # `str.lower` (fast, in C) gives every other character's image: these are replaced first.
    before_lower: dict[str, str]
    before_lower_pattern: re.Pattern[str] | None

    def literal(self, char: str) -> str:
        """`char` in a pattern read over images: what `(?i:char)` matches."""
        images = self.classes.get(char, char)
        return re.escape(images) if len(images) == 1 else "[" + "".join(map(re.escape, images)) + "]"

    def scanned(self, text: str) -> str:
        """What the scan reads: a space for the start of the text, then the image of each character."""
        if self.before_lower_pattern is not None and not text.isascii():  # ASCII characters are never replaced
            text = self.before_lower_pattern.sub(lambda m: self.before_lower[m.group()], text)
        return " " + text.lower()


def _is_word(char: str) -> bool:
    return _WORD.match(char) is not None


@cache
def case_fold() -> _CaseFold | None:
    """The images, from the interpreter's own tables (a pass over every code point, once per process);
    None where a property the scan relies on does not hold (see the module's docstring)."""
    if _sre is None:  # pragma: no cover
        return None
    try:
        extra: dict[int, tuple[int, ...]] = _compiler._EXTRA_CASES
        lower_of: Callable[[int], int] = _sre.unicode_tolower
        has_case: Callable[[int], bool] = _sre.unicode_iscased
    except AttributeError:  # pragma: no cover - a future Python changed them
        return None
    group_of: dict[int, int] = {}  # lower case -> its group's first member, for `re`'s extra cases
    for lowered, others in extra.items():
        group = {lowered, *others}
        if any({member, *extra.get(member, ())} != group or not has_case(member) for member in group):
            return None  # `re` compares with the whole group of any member: groups must not overlap
        group_of[lowered] = min(group)
    cased = [chr(code) for code in filter(has_case, range(sys.maxunicode + 1))]
    # Characters with case are alike when `re` matches them ignoring case and both are word characters or neither.
    alike: dict[tuple[int, bool], list[str]] = {}
    for char in cased:
        lowered = lower_of(ord(char))
        if not has_case(lowered):
            return None  # `re` would match a character without case by another one's lower case
        alike.setdefault((group_of.get(lowered, lowered), _is_word(char)), []).append(char)
    images, classes = {}, {}
    for (group, word), chars in alike.items():
        lowered = [chr(lower_of(ord(char))) for char in chars if _is_word(chr(lower_of(ord(char)))) == word]
        image = min(lowered) if lowered else min(chars)  # the lower case `str.lower` gives, where it can
        images |= {char: image for char in chars if char != image}
        classes[group] = classes.get(group, "") + image
    classes = {char: "".join(sorted(classes[group_of.get(lower_of(ord(char)), lower_of(ord(char)))])) for char in cased}
    # Σ: `str.lower` gives ς at the end of a word, σ elsewhere: always replaced, whatever its image.
    before_lower = {char: images.get(char, char) for char in cased if char.lower() != images.get(char, char) or char == "\u03a3"}
    if any(char.isascii() or image.lower() != image for char, image in before_lower.items()):
        return None
    pattern = re.compile("[" + "".join(map(re.escape, sorted(before_lower))) + "]") if before_lower else None
    return _CaseFold(images, classes, before_lower, pattern)


def _trie_pattern(words: Iterable[str], literal: Callable[[str], str] = re.escape) -> str:
    """The words as one alternation with shared prefixes factored out; `literal` writes one character."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends_here = "" in node
        branches = [(" +" if char == " " else literal(char)) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:  # greedy optional: the longest name wins, shorter ones by backtracking
            return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
        return body

    return emit(trie)


def _capitals_pattern(words: Iterable[str]) -> str:
    """The capitals trie matching where no word character comes before: that check comes after the first
    character, so that `re` can skip ahead to the characters names start with (capitals, rare in text)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, after in sorted(rests.items()):
        rest = _trie_pattern(filter(None, after))
        if "" in after and rest:  # as `_trie_pattern` writes a name that is a prefix of others
            rest = f"(?:{rest})?"
        branches.append(f"{re.escape(first)}(?<!\\w{re.escape(first)}){rest}")
    return "(?:" + "|".join(branches) + r")(?!\w)"


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
        self._case = case_fold() if self._any_case else None
        self._source: str | None = None
        if self._case is not None:
            self._source = r"\W(?:" + _trie_pattern(self._any_case, self._case.literal) + r")(?!\w)"
        elif self._any_case:  # pragma: no cover - `re` compares case as the scan expects on CPython
            self._source = r"\W(?i:" + _trie_pattern(self._any_case) + r")(?!\w)"
        self._capitals_source = _capitals_pattern(self._capitals) if self._capitals else None
        self._compile()

    def _compile(self) -> None:
        # Compiling ~11,000 names takes a second or two: kept on disk for the next check (patterncache.py).
        self._scan = compile_cached(self._source) if self._source is not None else None
        self._capitals_scan = compile_cached(self._capitals_source) if self._capitals_source is not None else None

    def __getstate__(self) -> dict[str, Any]:
        # Sent to the check's worker processes without the compiled patterns, which pickle
        # would recompile the slow way; each worker gets them from the cache instead.
        return {**self.__dict__, "_scan": None, "_capitals_scan": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._compile()

    def find(self, body: str) -> list[Match]:
        """Non-overlapping mentions in an article body (Markdown), leftmost first, the longest name at each place."""
        return self.find_visible(visible_text(body))

    def find_visible(self, visible: VisibleText, folded: MappedText | None = None) -> list[Match]:
        """`find` given the body's visible text, when the caller has it already (the quote check does),
        and that text folded keeping case (`fold_mapped(visible.mapped, keep_case=True)`) if it has that too."""
        if self._scan is None and self._capitals_scan is None:
            return []
        if folded is None:
            folded = fold_mapped(visible.mapped, keep_case=True)
        text = folded.text
        matches = []
        for start, end, caps in self._spans(text):
            owners = self._owners(caps, text[start:end])
            if owners:
                matches.append(Match(*folded.source_span(start, end), owners))
        return matches

    def _spans(self, text: str) -> Iterator[tuple[int, int, bool]]:
        """(start, end, in capitals) of each mention: the leftmost, at one place a name in any case first."""
        # In `scanned`, a match starts with the character before the name: its start is the name's start in `text`.
        scanned = (self._case.scanned(text) if self._case is not None else " " + text) if self._scan is not None else ""
        any_case = self._scan.search if self._scan is not None else _nothing
        capitals = self._capitals_scan.search if self._capitals_scan is not None else _nothing
        found, found_caps = any_case(scanned, 0), capitals(text, 0)
        while found is not None or found_caps is not None:
            if found is not None and (found_caps is None or found.start() <= found_caps.start()):
                start, end, caps = found.start(), found.end() - 1, False
            else:
                assert found_caps is not None
                start, end, caps = *found_caps.span(), True
            yield start, end, caps
            # The next mention starts at `end` or later: a match found before it is looked for again from there.
            if found is not None and found.start() < end:
                found = any_case(scanned, end)
            if found_caps is not None and found_caps.start() < end:
                found_caps = capitals(text, end)

    def _owners(self, caps: bool, written: str) -> tuple[str, ...]:
        owners = self._owners_of.get((caps, written))
        if owners is None:  # each spelling is looked up once per dossier, not once per mention
            key = _SPACE_RUN.sub(" ", written if caps else fold(written))
            owners = self._owners_of[(caps, written)] = tuple((self._capitals if caps else self._any_case).get(key, ()))
        return owners


def _nothing(text: str, at: int) -> None:
    return None
