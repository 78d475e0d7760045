"""Checks that need the whole dossier: references, shared aliases, measures and units, origins, and quotes."""

from __future__ import annotations

from collections import defaultdict

from . import origin_checks, schema
from .kinds import ANY_ENTITY, Kind, kinds_phrase, sections_phrase, spec
from .load import Loaded, Reference
from .measure_checks import check_measure, check_unit, unit_disagreements
from .model import Dossier
from .origin_checks import ORIGIN_KINDS as ORIGIN_KINDS
from .origin_checks import origin_resolver as origin_resolver
from .origins import OriginResolver
from .problems import ProblemList
from .suggest import did_you_mean
from .text import squash

# Quotes and names are checked in text_checks; imported here, where the check calls them.
from .text_checks import _clip as _clip
from .text_checks import _mention_key as _mention_key
from .text_checks import _report_missing_quote as _report_missing_quote
from .text_checks import check_aliases as check_aliases
from .value_quotes import check_values_in_quotes


def check_references(loaded: Loaded, problems: ProblemList) -> None:
    """Every id written in `about`, `countries`, `participants` and `article` must exist."""
    dossier = loaded.dossier
    by_name: dict[str, set[str]] = defaultdict(set)
    for entity in dossier.entities.values():
        for name in entity.names:
            by_name[squash(name)].add(entity.id)
    shadowed = {squash(name) for name in loaded.shadowed_names}
    for ref in loaded.references:
        if ref.target in loaded.broken_ids:
            continue  # its own entry already has an error, or the id is given twice
        if ref.kinds is not None and ref.target not in dossier.entities and squash(ref.target.replace("-", " ")) in shadowed:
            continue  # the old id of an entry renamed to a duplicate id: that duplicate is the error
        if ref.kinds is None:
            _check_article_reference(ref, dossier, problems)
        else:
            _check_entity_reference(ref, ref.kinds, dossier, by_name, problems)


def _check_article_reference(ref: Reference, dossier: Dossier, problems: ProblemList) -> None:
    if ref.target not in dossier.articles:
        problems.error(
            ref.location,
            f"{ref.field}: no article has the id '{ref.target}'",
            did_you_mean(ref.target, dossier.articles) or "article ids are the file names in the articles folder, without .md",
            code="unknown-article",
        )


def _check_entity_reference(
    ref: Reference, kinds: frozenset[Kind], dossier: Dossier, by_name: dict[str, set[str]], problems: ProblemList
) -> None:
    entity = dossier.entities.get(ref.target)
    if entity is None:
        candidates = [e.id for e in dossier.entities.values() if e.kind in kinds]
        hint = did_you_mean(ref.target, candidates)
        # An id written as the entity's name ("european-union" for "eu") is worth naming.
        named = sorted(i for i in by_name.get(squash(ref.target.replace("-", " ")), ()) if dossier.entities[i].kind in kinds)
        if named:
            hint = "did you mean " + " or ".join(f"'{i}' ({dossier.entities[i].name})" for i in named) + "?"
        allowed = "entity" if kinds == ANY_ENTITY else kinds_phrase(kinds)
        problems.error(
            ref.location,
            f"{ref.field}: no {allowed} has the id '{ref.target}'",
            hint or f"fix the spelling, or add it to {sections_phrase(kinds)} in claims.yaml",
            code="unknown-id",
        )
    elif entity.kind not in kinds:
        wanted = kinds_phrase(kinds)
        problems.error(
            ref.location,
            f"{ref.field}: '{ref.target}' is {_a(spec(entity.kind).singular)}, not {_a(wanted)}",
            f"list only {wanted} ids here",
            code="wrong-kind",
        )


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def check_origins(dossier: Dossier, problems: ProblemList, resolver: OriginResolver | None = None) -> None:
    """Origins that count apart but may be one source (origin_checks.py); pass the check's resolver."""
    origin_checks.check_origins(dossier, resolver or origin_resolver(dossier), problems)


def check_quantities(loaded: Loaded, problems: ProblemList) -> None:
    """Each quantity's measure is declared (once any is) and its unit is the measure's."""
    measures = loaded.dossier.measures
    for use in loaded.quantities:
        label = schema.label(use.doc, use.path)
        declared = None if use.quantity.measure in loaded.broken_ids else check_measure(use.quantity, measures)
        for problem in (declared, check_unit(use.quantity, measures.get(use.quantity.measure))):
            if problem is not None:
                where = use.doc.location(use.path + problem.path)
                report = problems.warning if problem.severity == "warning" else problems.error
                report(where, problem.text(label), problem.hint, code=problem.code)
    placed = {use.claim: use for use in loaded.quantities}
    for claim, problem in unit_disagreements(((u.claim, u.quantity) for u in loaded.quantities), measures):
        use = placed[claim]
        where = use.doc.location(use.path + problem.path)
        problems.warning(where, problem.text(schema.label(use.doc, use.path)), problem.hint, code=problem.code)
    check_values_in_quotes(loaded, problems)  # (v3) each value is a number its quotes give
