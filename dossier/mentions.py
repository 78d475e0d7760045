"""Finding every entity's names and aliases in article text in one pass per article.

Names are matched in the article's visible text (its Markdown rendered, see `visible.py`),
folded as quotes are (case, accents on Latin letters, punctuation variants and invisible
characters ignored), on whole words; a name written all in capitals (`US`, `NATO`) matches
only in capitals. Positions are in the article body.

The rules are one regular expression over the text folded keeping case, `(?<!\\w)(?:(?P<any>
(?i:ANY))|(?P<caps>CAPS))(?!\\w)` searched leftmost first, where ANY and CAPS are the names as
tries (shared prefixes factored out; at each node the branches in character order, a longer
name before a shorter one): at each place the first name in that order that ends on a word
boundary, a name in any case before one in capitals. The scans below find exactly what that
expression finds (`tests/test_mentions_equivalence.py` keeps it and compares the two on
adversarial names and texts), in about half the time. Python's `re` tries that expression at
every character (the lookbehind hides the first character from its skip ahead), and under
`(?i:)` it enters every branch of the trie to compare one character. Instead:

- Names in any case are scanned case-sensitively over the text's *images*. `re` compares a
  character ignoring case by its simple lower case (`_sre.unicode_tolower`), to one lower-case
  letter or, for its few extra cases (`s`/`ſ`, `i`/`ı`, `σ`/`ς`, ...), to any of a group. Each
  character with case gets as image one lower case of the characters it matches so and is
  alike in being a word character or not (`_CaseFold`); characters without case are their own
  image, and no character with case has a lower case without. So `(?i:c)` matches exactly the
  characters whose image is one of `c`'s class (one character, or two where a group mixes
  word and non-word characters), and word boundaries stay where they were. The trie keeps each
  name's own characters as branches, in their order (`i` and `ı`: two branches, one image), so
  names are tried in the expression's order. Its branches now start with plain characters, which
  `re` checks without entering them. The properties are checked on the interpreter's own tables
  when the images are made; where one fails, the scans use `(?i:)` over the text (same result).
  `str.lower` gives the images of a whole text fast; the few characters it lowers otherwise
  (`İ`, `ſ`, `Σ`, ...) are replaced by theirs first.
- The scan reads a space for the start of the text, then the images, and each match starts with
  the character before the name: after a space (by far the most common, and `re` skips ahead to
  one given character fast) or after another non-word character, two scans.
- Names in capitals are a third scan over the text itself, with the "no word character before"
  check after the first character, so that `re` skips ahead to the capitals names start with.
  At each place the expression tries names in any case, then in capitals; the scans split the
  places between them by the character before, so the leftmost of their next matches is the
  expression's next match (at one place, the one in any case), and a scan whose next match
  starts before that match's end looks again from there, as the expression goes on from there.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping
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
    pass

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


def _groups() -> dict[int, int] | None:
    """`re`'s extra cases: lower case -> the first member of its group (`s`, `ſ` -> `s`)."""
    extra: dict[int, tuple[int, ...]] = _compiler._EXTRA_CASES
    has_case: Callable[[int], bool] = _sre.unicode_iscased
    first_of: dict[int, int] = {}
    for lowered, others in extra.items():
        group = {lowered, *others}
        if any({member, *extra.get(member, ())} != group or not has_case(member) for member in group):
            return None  # `re` compares with the whole group of any member: groups must not overlap
        first_of[lowered] = min(group)
    return first_of


@cache
def case_fold() -> _CaseFold | None:
    """The images, from the interpreter's own tables (a pass over every code point, once per process);
    None where a property the scan relies on does not hold (see the module's docstring)."""
    try:
        lower_of: Callable[[int], int] = _sre.unicode_tolower
        has_case: Callable[[int], bool] = _sre.unicode_iscased
        groups = _groups()
    except (AttributeError, NameError):  # pragma: no cover - another interpreter, or a future Python changed them
        return None
    if groups is None:  # pragma: no cover
        return None
    cased = [chr(code) for code in filter(has_case, range(sys.maxunicode + 1))]
    # Alike: `re` matches them to each other ignoring case, and both are word characters or neither.
    alike: dict[tuple[int, bool], list[str]] = {}
    for char in cased:
        lowered = lower_of(ord(char))
        if not has_case(lowered):  # pragma: no cover - `re` would match a character without case to this one
            return None
        alike.setdefault((groups.get(lowered, lowered), _is_word(char)), []).append(char)
    images: dict[str, str] = {}
    images_of_group: dict[int, str] = {}
    for (group, word), chars in alike.items():
        lower_cases = [lower for lower in (chr(lower_of(ord(char))) for char in chars) if _is_word(lower) == word]
        image = min(lower_cases) if lower_cases else min(chars)  # the lower case `str.lower` gives, where it can
        images |= {char: image for char in chars if char != image}
        images_of_group[group] = "".join(sorted(images_of_group.get(group, "") + image))
    classes = {char: images_of_group[groups.get(lower_of(ord(char)), lower_of(ord(char)))] for char in cased}
    # Σ: `str.lower` gives ς at the end of a word, σ elsewhere: always replaced, whatever its image.
    before_lower = {char: images.get(char, char) for char in cased if char.lower() != images.get(char, char) or char == "\u03a3"}
    if any(char.isascii() or image.lower() != image for char, image in before_lower.items()):  # pragma: no cover
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
        any_case = None
        if self._case is not None:
            any_case = _trie_pattern(self._any_case, self._case.literal) + r")(?!\w)"
        elif self._any_case:  # where the images are not to be trusted (see `case_fold`)
            any_case = "(?i:" + _trie_pattern(self._any_case) + r"))(?!\w)"
        # Names come after a space far more often than after anything else, and `re` skips ahead
        # to a given character much faster than to one of a set: two scans, one per kind.
        self._source = " (?:" + any_case if any_case is not None else None
        # Not a word character nor a space; ASCII word characters written out, which `re` checks faster.
        self._other_source = r"[^ 0-9A-Za-z_\w](?:" + any_case if any_case is not None else None
        self._capitals_source = _capitals_pattern(self._capitals) if self._capitals else None
        self._compile()

    def _compile(self) -> None:
        # Compiling ~11,000 names takes a second or two: kept on disk for the next check (patterncache.py).
        self._scan, self._other_scan, self._capitals_scan = (
            compile_cached(source) if source is not None else None for source in (self._source, self._other_source, self._capitals_source)
        )

    def __getstate__(self) -> dict[str, Any]:
        # Sent to the check's worker processes without the compiled patterns, which pickle
        # would recompile the slow way; each worker gets them from the cache instead.
        return {**self.__dict__, "_scan": None, "_other_scan": None, "_capitals_scan": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._compile()

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

    def _spans(self, text: str) -> list[tuple[int, int, bool]]:
        """(start, end, in capitals) of each mention: the leftmost, at one place a name in any case first."""
        # In `scanned`, a match starts with the character before the name: its start is the name's start in `text`.
        scanned = self._case.scanned(text) if self._case is not None else " " + text
        after_space, after_other, capitals = (_searcher(p) for p in (self._scan, self._other_scan, self._capitals_scan))
        nowhere = len(scanned)  # after every start
        space, space_at = after_space(scanned, 0, nowhere)
        other, other_at = after_other(scanned, 0, nowhere)
        caps, caps_at = capitals(text, 0, nowhere)
        spans = []
        while True:
            found, at = (space, space_at) if space_at < other_at else (other, other_at)
            if at <= caps_at and found is not None:  # at one place, names in any case first
                spans.append((at, end := found.end() - 1, False))
            elif caps is not None:
                spans.append((caps_at, end := caps.end(), True))
            else:
                return spans
            # The next mention starts at `end` or later: a match found before it is looked for again from there.
            if space_at < end:
                space, space_at = after_space(scanned, end, nowhere)
            if other_at < end:
                other, other_at = after_other(scanned, end, nowhere)
            if caps_at < end:
                caps, caps_at = capitals(text, end, nowhere)

    def _owners(self, caps: bool, written: str) -> tuple[str, ...]:
        owners = self._owners_of.get((caps, written))
        if owners is None:  # each spelling is looked up once per dossier, not once per mention
            key = _SPACE_RUN.sub(" ", written if caps else fold(written))
            owners = self._owners_of[(caps, written)] = tuple((self._capitals if caps else self._any_case).get(key, ()))
        return owners


def _searcher(pattern: re.Pattern[str] | None) -> Callable[[str, int, int], tuple[re.Match[str] | None, int]]:
    """The first match of `pattern` at `at` or later, and where it starts (`nowhere` if none)."""
    search = pattern.search if pattern is not None else None

    def first(text: str, at: int, nowhere: int) -> tuple[re.Match[str] | None, int]:
        found = search(text, at) if search is not None else None
        return (found, found.start()) if found is not None else (None, nowhere)

    return first
