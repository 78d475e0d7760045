"""Origins (contract v2, "What the build derives"): who a piece of evidence comes from.

An evidence item's origin is its `via`, else its article's `outlet`. An origin that is the
name or an alias of a person, organization or country of the dossier *is* that entity: it
is shown by the entity's name and links to its page. It is recognised as mentions are
(case, accents and curly punctuation ignored; a name written in capitals, like `NYT`,
only in capitals) and, like every other origin, also ignoring punctuation and a leading
"The": "the N.Y. Times." is the entity whose alias is "N.Y. Times".

Origins that are no entity are one origin when they are equal ignoring case, accents,
punctuation and a leading "The" ("The New York Times" = "new york times" = "New York
Times."). (v3) Every comparison is of confusable skeletons (Unicode TR39, confusables.py):
Cyrillic `АР` is the origin `AP`, and the entity whose alias is `AP`. Spellings that stay apart but look alike (an abbreviation of the other, like
`NYT` and `New York Times`, or a spelling one or two letters away) get a warning that
suggests making them one entity, or aliases of one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .confusables import skeleton
from .mentions import is_capitals_only
from .text import fold_keep_case, squash

Place = TypeVar("Place")
ENTITY_KEY = "entity:"
TEXT_KEY = "text:"
_PUNCTUATION_DROPPED = re.compile(r"[.'\u00b7]")  # "N.Y." is "NY", "Reuters'" is "Reuters"
_PUNCTUATION_SPACED = re.compile(r"[^\w\s]")  # "Reuters/AP" is "Reuters AP"
_SPACES = re.compile(r"\s+")
# Left out of acronyms: "FBI" is the Federal Bureau of Investigation.
MINOR_WORDS = frozenset({"of", "and", "for", "in", "on", "the", "to", "de", "du", "la", "le", "a", "an", "at"})


@dataclass(frozen=True)
class Origin:
    display: str  # the entity's name, or the spelling as written
    entity_id: str | None  # the entity it is, or None
    key: str  # equal for one origin: "entity:<id>" or "text:<loose form>"


def _strip_the(words: list[str]) -> list[str]:
    return words[1:] if len(words) > 1 and words[0].lower() == "the" else words


def loose_key(text: str) -> str:
    """Case, accents, punctuation and a leading "The" ignored: "The N.Y. Times." -> "ny times"."""
    return _loose(squash(text))


def _loose(squashed: str) -> str:
    words = _PUNCTUATION_SPACED.sub(" ", _PUNCTUATION_DROPPED.sub("", squashed)).split()
    return " ".join(_strip_the(words)) or squashed


def origin_key(text: str) -> str:
    """What an origin that is no entity is compared by: its loose key of its skeleton."""
    return _loose(skeleton(squash(text)))


def capitals_key(text: str) -> str:
    """Like `loose_key` but keeping case, for names written in capitals: "the N.Y.T." -> "NYT"."""
    folded = skeleton(_SPACES.sub(" ", fold_keep_case(text)).strip())
    words = _PUNCTUATION_SPACED.sub(" ", _PUNCTUATION_DROPPED.sub("", folded)).split()
    return " ".join(_strip_the(words)) or folded


def _mention_keys(text: str) -> tuple[str, str]:
    """How mentions compare a name (folded, and for capitals-only names with case kept), as skeletons."""
    return skeleton(squash(text)), skeleton(_SPACES.sub(" ", fold_keep_case(text)).strip())


class OriginResolver:
    """Built once from the entities that can be origins: {entity id: (name, *aliases)}.

    Pass people, organizations and countries only (events are never origins). When two
    entities share a spelling (already a warning), the one whose *name* it is wins, then
    the one listed first.
    """

    def __init__(self, names: Mapping[str, Sequence[str]]) -> None:
        self.names = {entity: forms[0] for entity, forms in names.items() if forms}
        self.forms = {entity: tuple(forms) for entity, forms in names.items() if forms}
        self.loose_keys: dict[str, str] = {}  # each name and alias -> its loose key
        self._resolved: dict[str, Origin] = {}  # outlets repeat: each spelling is worked out once
        # (table, key) -> entity; tables: "any"/"caps" as mentions, then "loose"/"loose-caps".
        self._owner: dict[tuple[str, str], str] = {}
        for by_name_first in (True, False):
            for entity, forms in names.items():
                for form in forms[:1] if by_name_first else forms[1:]:
                    self._add(entity, form)

    def _add(self, entity: str, form: str) -> None:
        folded, keep_case = _mention_keys(form)
        self.loose_keys[form] = loose_key(form)  # kept for `look_alikes`
        if is_capitals_only(form):
            entries = [("caps", keep_case), ("loose-caps", capitals_key(form))]
        else:
            entries = [("any", folded), ("loose", _loose(folded))]
        for table_key in entries:
            if table_key[1]:
                self._owner.setdefault(table_key, entity)

    def entity_of(self, text: str) -> str | None:
        """The entity this spelling names, if any."""
        folded, keep_case = _mention_keys(text)
        for table_key in (("any", folded), ("caps", keep_case), ("loose", _loose(folded)), ("loose-caps", capitals_key(text))):
            entity = self._owner.get(table_key)
            if entity is not None:
                return entity
        return None

    def resolve(self, text: str) -> Origin:
        """The origin a `via` or `outlet` spelling stands for."""
        known = self._resolved.get(text)
        if known is not None:
            return known
        origin = self._resolved[text] = self._resolve(text)
        return origin

    def _resolve(self, text: str) -> Origin:
        entity = self.entity_of(text)
        if entity is not None:
            return Origin(self.names[entity], entity, ENTITY_KEY + entity)
        return Origin(" ".join(text.split()), None, TEXT_KEY + origin_key(text))


def origin_text(via: str | None, outlet: str) -> str:
    """An evidence item's origin as written: its `via`, else its article's outlet."""
    return via if via else outlet


def settle_displays(origins: Iterable[Origin]) -> dict[str, str]:
    """One display name per origin key: the entity's name, else the spelling used most (first on a tie)."""
    counts: dict[str, dict[str, int]] = {}
    for origin in origins:
        spellings = counts.setdefault(origin.key, {})
        spellings[origin.display] = spellings.get(origin.display, 0) + 1
    return {key: max(spellings, key=lambda s: spellings[s]) for key, spellings in counts.items()}


def distinct(origins: Iterable[Origin]) -> tuple[Origin, ...]:
    """Each origin once (by key), in order of first appearance."""
    seen: dict[str, Origin] = {}
    for origin in origins:
        seen.setdefault(origin.key, origin)
    return tuple(seen.values())


# ----- spellings that look alike -----


@dataclass(frozen=True)
class LookAlike(Generic[Place]):
    """Two spellings counted as two origins that may be one source."""

    spelling: str  # an unresolved spelling (as written)
    other: str  # the spelling it looks like: unresolved, or an entity's name or alias
    entity_id: str | None  # the entity `other` names, if any
    reason: str  # "abbreviation" or "spelling"
    uses: tuple[Place, ...]  # where `spelling` is used
    other_uses: tuple[Place, ...]  # where `other` is used (empty for an entity's name)

    @property
    def _shorter_longer(self) -> tuple[str, str]:
        first, second = sorted((self.spelling, self.other), key=lambda s: (len(loose_key(s).split()), len(s)))
        return first, second

    @property
    def message(self) -> str:
        other = f"'{self.other}' (entity '{self.entity_id}')" if self.entity_id else f"'{self.other}'"
        if self.reason == "abbreviation":
            shorter, longer = self._shorter_longer
            why = f"'{shorter}' could be an abbreviation of '{longer}'"
        else:
            why = "they are spelled almost alike"
        return f"the sources '{self.spelling}' and {other} count as two independent origins, but {why}"

    @property
    def hint(self) -> str:
        if self.entity_id:
            return f"if they are one source, add '{self.spelling}' to the aliases of '{self.entity_id}'"
        shorter, longer = self._shorter_longer
        return (
            f"if they are one source, add an organization named '{longer}' with the alias '{shorter}'; "
            "if they are two, add each as an organization, so that they are told apart"
        )


def _initials(words: Sequence[str]) -> set[str]:
    """Acronyms of a run of words, with and without the minor words: {"fboi", "fbi"}."""
    every = "".join(word[0] for word in words)
    major = "".join(word[0] for word in words if word not in MINOR_WORDS)
    return {form for form in (every, major) if len(form) >= 2}


def abbreviations(key: str) -> set[str]:
    """The loose key with runs of two or more words cut to their initials:
    "new york times" -> {"nyt", "ny times", "new yt"}. Long names: only the whole acronym."""
    words = key.split()
    if len(words) > 8:
        return _initials(words)
    found: set[str] = set()

    def walk(start: int, parts: tuple[str, ...]) -> None:
        if start == len(words):
            found.add(" ".join(parts))
            return
        walk(start + 1, (*parts, words[start]))
        for end in range(start + 2, len(words) + 1):
            for initials in _initials(words[start:end]):
                walk(end, (*parts, initials))

    walk(0, ())
    found.discard(key)
    return found


def abbreviates(short: str, long: str) -> bool:
    """Is the loose key `short` an abbreviation of `long` ("nyt", "ny times" of "new york times")?"""
    return short in abbreviations(long)


def _spelled_alike(first: str, second: str) -> bool:
    """Equal, or one letter apart in names of five letters or more, two in names of ten or more."""
    shorter = min(len(first), len(second))
    allowed = 2 if shorter >= 10 else 1 if shorter >= 5 else 0
    return Levenshtein.distance(first, second, score_cutoff=allowed + 1) <= allowed


@dataclass(frozen=True)
class _Spelling(Generic[Place]):
    key: str  # loose key, lower case
    written: str
    entity_id: str | None
    uses: tuple[Place, ...]


def _candidates(
    uses: Mapping[str, Sequence[Place]], resolver: OriginResolver | None
) -> tuple[list[_Spelling[Place]], list[_Spelling[Place]]]:
    """Unresolved spellings grouped by origin (first spelling and its loose key kept), and the entities' names."""
    grouped: dict[str, _Spelling[Place]] = {}
    for written, places in uses.items():
        if resolver is not None and resolver.entity_of(written) is not None:
            continue
        group = origin_key(written)
        known = grouped.get(group)
        if known is None:
            grouped[group] = _Spelling(loose_key(written), written, None, tuple(places))
        else:
            grouped[group] = _Spelling(known.key, known.written, None, (*known.uses, *places))
    named: list[_Spelling[Place]] = []
    if resolver is not None:
        for entity, forms in resolver.forms.items():
            named += [_Spelling(resolver.loose_keys[form], form, entity, ()) for form in forms]
    return list(grouped.values()), named


class _Index(Generic[Place]):
    """The spellings to compare, indexed so that each comparison touches only likely candidates."""

    def __init__(self, spellings: list[_Spelling[Place]]) -> None:
        self.spellings = spellings
        self.keys = [spelling.key for spelling in spellings]
        self.by_key: dict[str, list[int]] = {}
        self.by_acronym: dict[str, list[int]] = {}
        self.by_word: dict[str, list[int]] = {}
        for index, key in enumerate(self.keys):
            words = key.split()
            self.by_key.setdefault(key, []).append(index)
            for acronym in _initials(words):
                self.by_acronym.setdefault(acronym, []).append(index)
            for word in set(words) if len(words) > 1 else ():
                self.by_word.setdefault(word, []).append(index)

    def alike(self, index: int) -> dict[int, str]:
        """Candidates that look like spelling `index`, with the reason (an abbreviation first)."""
        key = self.keys[index]
        words = key.split()
        found: dict[int, str] = {}
        for choice, _, other in process.extract(key, self.keys, scorer=Levenshtein.distance, score_cutoff=2, limit=None):
            if _spelled_alike(key, choice):
                found[other] = "spelling"
        longer = self.by_acronym.get(key, []) if len(words) == 1 else [i for word in words for i in self.by_word.get(word, [])]
        for other in longer:
            if key in abbreviations(self.keys[other]):
                found[other] = "abbreviation"
        for short in abbreviations(key):
            for other in self.by_key.get(short, []):
                found[other] = "abbreviation"
        found.pop(index, None)
        return found


def _too_short_for_an_entity(first: str, second: str) -> bool:
    """Two-letter acronyms name too many things ("AP", "Anna Petrova"): only compared among sources."""
    return min(len(first.replace(" ", "")), len(second.replace(" ", ""))) < 3


def look_alikes(
    uses: Mapping[str, Sequence[Place]], resolver: OriginResolver | None = None, entities: Collection[str] | None = None
) -> list[LookAlike[Place]]:
    """Warnings for origin spellings that count apart but look alike.

    `uses` maps each spelling of an origin (as written) to where it is used. Spellings that
    resolve to an entity are skipped; the others are compared with each other and with the
    names and aliases of the resolver's entities (only those in `entities`, when given: pass
    the organizations, which outlets and agencies are). One warning per pair of spellings,
    and at most one per spelling and entity.
    """
    loose, named = _candidates(uses, resolver)
    if entities is not None:
        named = [spelling for spelling in named if spelling.entity_id in entities]
    index = _Index([*loose, *named])
    found: list[LookAlike[Place]] = []
    for position, spelling in enumerate(loose):
        warned: set[str] = set()
        for other_position, reason in sorted(index.alike(position).items()):
            other = index.spellings[other_position]
            tag = other.entity_id or other.key
            if other_position < position or tag in warned:
                continue  # a pair of unresolved spellings is reported once, from its first
            if reason == "abbreviation" and other.entity_id and _too_short_for_an_entity(spelling.key, other.key):
                continue
            warned.add(tag)
            found.append(LookAlike(spelling.written, other.written, other.entity_id, reason, spelling.uses, other.uses))
    return found
