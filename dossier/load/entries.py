"""One builder per entry type: entities, claims, their evidence items and quantities.

An entry is built from its valid fields (those the schema did not refuse), so that its other
problems (references, quotes) are reported in the same run as its schema errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import schema, values
from ..acceptance import Acceptance
from ..kinds import CLAIM_REFERENCES, Kind, KindSpec
from ..model import Claim, Entity, Evidence, Measure, Quantity, Stance
from ..origin_checks import report_spelling
from ..problems import Location, ProblemList
from ..yamlsource import PathKey, YamlDocument
from .date_fields import date_value
from .ids import CLAIM_IDS, ENTITY_IDS, MEASURE_IDS, IdRegistry
from .references import ReferenceCollector

LooseQuote = tuple[str, str, Location]  # (article, quote, where)
_STANCES = {stance.value: stance for stance in Stance}  # as Stance(value) gives, without the enum's call


@dataclass(frozen=True)
class QuantityUse:
    """A claim's quantity with where it is written, checked against the measures once all are read."""

    claim: str
    quantity: Quantity
    doc: YamlDocument
    path: PathKey  # of the `quantity:` mapping


@dataclass(frozen=True)
class Fields:
    """A mapping of a claims document, with the paths (relative to it) of its invalid values."""

    doc: YamlDocument
    path: PathKey
    value: dict[str, Any]
    broken: frozenset[PathKey] = frozenset()

    def valid(self, name: str) -> bool:
        """The field is given and neither it nor anything inside it breaks the schema."""
        return name in self.value and not (self.broken and any(sub[:1] == (name,) for sub in self.broken))

    def get(self, name: str, default: Any = None) -> Any:
        """The field's value if it is valid, else `default`."""
        return self.value[name] if self.valid(name) else default

    def inner(self, *steps: Any) -> Fields:
        """The mapping at `steps` below this one, with its own invalid values."""
        value = self.value
        for step in steps:
            value = value[step]
        if not self.broken:  # most entries are valid
            return Fields(self.doc, self.path + steps, value)
        size = len(steps)
        broken = frozenset(sub[size:] for sub in self.broken if sub[:size] == steps)
        return Fields(self.doc, self.path + steps, value, broken)

    def location(self, *steps: Any) -> Location:
        return self.doc.location(self.path + steps)


@dataclass
class Collected:
    """What the builders produce, across every claims file."""

    problems: ProblemList
    ids: IdRegistry
    entities: dict[str, Entity] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    quantities: list[QuantityUse] = field(default_factory=list)
    references: ReferenceCollector = field(default_factory=ReferenceCollector)
    # Ids whose entries were too broken to build: references to them are not reported again.
    broken_ids: set[str] = field(default_factory=set)
    # Quotes of evidence items too broken to build, which are still checked.
    loose_quotes: list[LooseQuote] = field(default_factory=list)
    # Names of the entries given a duplicate id (both definitions): an id written as one of
    # them most likely names the entry whose id was changed, so it is not reported again.
    shadowed_names: set[str] = field(default_factory=set)


def _usable_id(fields: Fields, collected: Collected, namespace: str) -> str | None:
    """The entry's id if it has a valid one not used before; None otherwise (reported)."""
    entry_id = fields.value.get("id")
    if not isinstance(entry_id, str) or ("id",) in fields.broken:
        return None
    if not collected.ids.register(entry_id, fields.location("id"), namespace):
        # One mistake, one error: the duplicate is reported here, and references to the id
        # (which entry they mean is unknown) or to the old id of a renamed entry are not.
        collected.broken_ids.add(entry_id)
        _shadow(collected, fields.value)
        first = collected.entities.get(entry_id)
        if first is not None:
            collected.shadowed_names.update(first.names)
        return None
    return entry_id


def _shadow(collected: Collected, value: Mapping[str, Any]) -> None:
    aliases = value.get("aliases")
    names = [value.get("name"), *(aliases if isinstance(aliases, list) else ())]
    collected.shadowed_names.update(name for name in names if isinstance(name, str))


def _reference_lists(
    fields: Fields, collected: Collected, references: Mapping[str, frozenset[Kind]], entry_label: str | None = None
) -> dict[str, tuple[str, ...]]:
    """The valid reference fields' ids of an entry, each noted as a reference to check later."""
    found: dict[str, tuple[str, ...]] = {}
    if entry_label is None and references:
        entry_label = schema.label(fields.doc, fields.path)
    for name, kinds in references.items():
        targets = fields.get(name, [])
        # What schema.label gives for the field of an entry, without walking the path again.
        what = f"{entry_label}, '{name}'"
        collected.references.add_list(fields.doc, fields.path + (name,), targets, kinds, what)
        found[name] = tuple(targets)
    return found


def _acceptance(fields: Fields, what: str) -> Acceptance | None:
    """The entry's `accept` list (v3) with the lines of the entry it covers; None without one."""
    codes = fields.get("accept")
    if not codes:
        return None
    first, last = fields.doc.line_span(fields.path)
    where = fields.doc.key_location(fields.path + ("accept",))
    return Acceptance(tuple(dict.fromkeys(codes)), where, what, first, last)


def build_entity(fields: Fields, spec: KindSpec, collected: Collected) -> Entity | None:
    entry_id = _usable_id(fields, collected, ENTITY_IDS)
    if entry_id is None:
        return None
    date = None
    if "date" in spec.extra_fields and fields.valid("date"):
        date = date_value(fields.value["date"], fields.doc, fields.path + ("date",), collected.problems)
    parsed = {"date": date}
    if any(parsed.get(name, fields.get(name)) is None for name in spec.required_fields):
        collected.broken_ids.add(entry_id)  # e.g. an event without a date has no timeline place
        return None
    references = _reference_lists(fields, collected, spec.references)
    _check_names(fields, collected.problems)
    return Entity(
        id=entry_id,
        kind=spec.kind,
        name=fields.get("name", entry_id),
        aliases=tuple(fields.get("aliases", ())),
        summary=fields.get("summary"),
        wikidata=fields.get("wikidata"),
        countries=references.get("countries", ()),
        participants=references.get("participants", ()),
        date=date,
        location=fields.location(),
        acceptance=_acceptance(fields, schema.label(fields.doc, fields.path)) if "accept" in fields.value else None,
    )


def _check_names(fields: Fields, problems: ProblemList) -> None:
    """(v3) A name or alias mixing scripts within a word is refused (origin_checks.py)."""
    if fields.valid("name"):
        report_spelling(fields.value["name"], "the name", fields.location("name"), problems)
    for index, alias in enumerate(fields.get("aliases", ())):
        report_spelling(alias, "the alias", fields.location("aliases", index), problems)


def build_claim(fields: Fields, collected: Collected) -> Claim | None:
    entry_id = _usable_id(fields, collected, CLAIM_IDS)
    if entry_id is None:
        return None
    date = date_value(fields.value["date"], fields.doc, fields.path + ("date",), collected.problems) if fields.valid("date") else None
    quantity = build_quantity(fields.inner("quantity"), collected.problems) if fields.valid("quantity") else None
    if quantity is not None:
        collected.quantities.append(QuantityUse(entry_id, quantity, fields.doc, fields.path + ("quantity",)))
    claim_label = schema.label(fields.doc, fields.path)
    references = _reference_lists(fields, collected, CLAIM_REFERENCES, claim_label)
    evidence = []
    # Items are read even when some are invalid (the list itself must be one).
    items = fields.value["evidence"] if "evidence" in fields.value and ("evidence",) not in fields.broken else []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            built = build_evidence(fields.inner("evidence", index), f"{claim_label}, evidence {index + 1}", collected)
            if built is not None:
                evidence.append(built)
    return Claim(
        id=entry_id,
        text=fields.get("text", entry_id),
        about=references["about"],
        date=date,
        quantity=quantity,
        evidence=tuple(evidence),
        location=fields.location(),
        conclusion=fields.get("conclusion"),
        acceptance=_acceptance(fields, claim_label) if "accept" in fields.value else None,
    )


def build_evidence(item: Fields, item_label: str, collected: Collected) -> Evidence | None:
    """The evidence item, or None if any of its values is invalid (its quote is still checked)."""
    value, doc, path = item.value, item.doc, item.path  # (read once: this runs for every item)
    has_article = item.valid("article")
    if has_article:
        collected.references.add_article(value["article"], doc.location(path + ("article",)), f"{item_label}, 'article'")
    if item.valid("via"):
        report_spelling(value["via"], "'via'", doc.location(path + ("via",)), collected.problems, origin=True)
    if item.broken:
        if has_article and item.valid("quote"):
            collected.loose_quotes.append((value["article"], value["quote"], doc.location(path + ("quote",))))
        return None
    return Evidence(
        article=value["article"],
        stance=_STANCES[value["stance"]],  # the schema allows only these values
        quote=value["quote"],
        via=value.get("via"),
        note=value.get("note"),
        translation=value.get("translation"),
        location=doc.location(path),
        quote_location=doc.location(path + ("quote",)),
        acceptance=_acceptance(item, item_label) if "accept" in value else None,
    )


def build_quantity(fields: Fields, problems: ProblemList) -> Quantity | None:
    """The quantity (v2 values: numbers, open or closed ranges, approximate); None after reporting."""
    parsed = values.parse_quantity(fields.value)
    if isinstance(parsed, Quantity):
        return parsed
    label = schema.label(fields.doc, fields.path)
    for problem in parsed:
        problems.error(fields.location(*problem.path), problem.text(label), problem.hint, code=problem.code)
    return None


def build_measure(fields: Fields, collected: Collected) -> Measure | None:
    """A declared measure (v2); its id must differ from every other id of the dossier."""
    entry_id = _usable_id(fields, collected, MEASURE_IDS)
    if entry_id is None:
        return None
    if not fields.valid("name"):
        collected.broken_ids.add(entry_id)  # claims naming it are not reported again
        return None
    unit = fields.get("unit")
    return Measure(
        id=entry_id,
        name=fields.value["name"],
        unit=unit.strip() if isinstance(unit, str) else None,
        tolerance=float(fields.get("tolerance", values.DEFAULT_TOLERANCE)),
        summary=fields.get("summary"),
    )
