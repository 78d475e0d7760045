"""The dossier's origins, checked as a whole (contract v2 and v3, "Origins").

The origin resolver is made here, once per dossier, by the check; it is handed to whoever
needs it (this validation, the derivation), never looked up. Building it costs about 0.45 s
at 10,000 articles (it indexes every name and alias of every person, organization and
country), so the check makes one and passes it on.

Warnings about origins that count apart but may be one source:
- spellings that look alike (an abbreviation, a near spelling): `origin-spelling`;
- (v3) an origin whose name contains another origin's name as whole words (`Reuters News
  Agency`, `Yahoo News (Reuters)`, `Reuters/AP`): `origin-contains-origin`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from .confusables import spelling_problem
from .kinds import Kind
from .mentions import is_capitals_only
from .model import Dossier
from .origins import MINOR_WORDS, Origin, OriginResolver, capitals_key, look_alikes, origin_key
from .problems import Location, ProblemList

ORIGIN_KINDS = frozenset({Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY})
_LONGEST_NAME = 12  # words of an origin searched for other origins' names (longer ones: their first words)


def origin_resolver(dossier: Dossier) -> OriginResolver:
    """A new resolver of the dossier's origins: people, organizations and countries (events are never sources)."""
    return OriginResolver({e.id: e.names for e in dossier.entities.values() if e.kind in ORIGIN_KINDS})


def report_spelling(text: str, what: str, where: Location, problems: ProblemList, origin: bool = False) -> None:
    """An error when a name, alias, outlet or `via` cannot identify a source (confusables.py)."""
    found = spelling_problem(text, what, origin)
    if found is not None:
        message, hint, code = found
        problems.error(where, message, hint, code=code)


def origin_uses(dossier: Dossier) -> dict[str, list[Location]]:
    """Every spelling of an origin as written (outlets, then `via`s), with where it is used."""
    uses: dict[str, list[Location]] = defaultdict(list)
    for article in dossier.articles.values():
        uses[article.outlet].append(article.location)
    for claim in dossier.claims.values():
        for item in claim.evidence:
            if item.via:
                uses[item.via].append(item.location)
    return uses


def check_origins(dossier: Dossier, resolver: OriginResolver, problems: ProblemList) -> None:
    """Warn when two origins count apart but may be one source: one report could count twice."""
    uses = origin_uses(dossier)
    organizations = {e.id for e in dossier.entities.values() if e.kind is Kind.ORGANIZATION}
    for found in look_alikes(uses, resolver, entities=organizations):
        problems.warning(found.uses[0], found.message, found.hint, code="origin-spelling")
    check_contained_origins(_counted_uses(dossier), resolver, problems)


def _counted_uses(dossier: Dossier) -> dict[str, list[Location]]:
    """The spellings that are some evidence item's origin: each `via`, and the outlet of each
    article cited without one (an outlet whose every citation credits a `via` counts for nothing)."""
    uses: dict[str, dict[Location, None]] = defaultdict(dict)
    for claim in dossier.claims.values():
        for item in claim.evidence:
            article = dossier.articles.get(item.article)
            if item.via:
                uses[item.via][item.location] = None
            elif article is not None:
                uses[article.outlet][article.location] = None
    return {written: list(places) for written, places in uses.items()}


def _words(name: str) -> tuple[tuple[str, ...], bool]:
    """A name's words as origins compare them, and whether only capitals match it ("AP")."""
    if is_capitals_only(name):
        return tuple(capitals_key(name).split()), True
    return tuple(origin_key(name).split()), False


def _names(uses: Iterable[str], resolver: OriginResolver) -> dict[tuple[tuple[str, ...], bool], dict[str, Origin]]:
    """Each origin's names (an entity's name and the spellings used) -> the origins they name, by key."""
    names: dict[tuple[tuple[str, ...], bool], dict[str, Origin]] = defaultdict(dict)
    for written in uses:
        origin = resolver.resolve(written)
        forms = [written] if origin.entity_id is None else [written, origin.display]
        for form in forms:
            words, capitals = _words(form)
            if words and not {word.lower() for word in words} <= MINOR_WORDS:
                names[(words, capitals)][origin.key] = origin
    return names


def _contained(written: str, key: str, names: Mapping[tuple[tuple[str, ...], bool], dict[str, Origin]]) -> list[Origin]:
    """The other origins whose name `written` contains as whole words (not the whole of it)."""
    found: dict[str, Origin] = {}
    for capitals in (False, True):
        # Names in capitals are looked for with case kept ("AP" in "Reuters/AP", not in "Ap"), others without.
        words = tuple((capitals_key(written) if capitals else origin_key(written)).split())[:_LONGEST_NAME]
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                if end - start == len(words):
                    continue  # the whole name: that is the same origin, or a look-alike
                for other_key, origin in names.get((words[start:end], capitals), {}).items():
                    if other_key != key:
                        found.setdefault(other_key, origin)
    return list(found.values())


def check_contained_origins(uses: Mapping[str, Sequence[Location]], resolver: OriginResolver, problems: ProblemList) -> None:
    """(v3) An origin whose name contains another's as whole words: a warning at its first use."""
    names = _names(uses, resolver)
    for written, places in uses.items():
        origin = resolver.resolve(written)
        for other in _contained(written, origin.key, names):
            if other.entity_id is not None:
                alias = f"add '{written}' to the aliases of '{other.entity_id}'"
            else:
                alias = f"add an organization named '{other.display}' with the alias '{written}'"
            problems.warning(
                places[0],
                f"the origin '{written}' contains the name of another origin, '{other.display}', but they count as two independent sources",
                f"if they are one source, {alias}; if the article passes on a report of {other.display}, "
                f"write via: {other.display} on its evidence",
                code="origin-contains-origin",
            )
