"""What a change did to the dossier, in plain words for readers: What's new, the feed, claim history.

`dossier diff` (dossier/diffing/) compares two exports and reports, for reviewers, ids and
fields. Readers need sentences: "Claim “…”: single-source → corroborated (evidence from
Reuters added)", "New claim “…”", "Entity renamed “…”: was “…”", "Conflict appeared on
measure “…”". This module turns one `DossierDiff` into such sentences, reading names,
origins and values from the two exports it was computed from (the diff itself names ids).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .dates import display, parse_date
from .diffing.compare import format_value
from .diffing.model import ClaimChange, DiscrepancyChange, DossierDiff, EntityChange, EvidenceChange, FieldChange

CLAIM, ENTITY, ARTICLE, MEASURE = "claim", "entity", "article", "measure"
_KIND_NAMES = {"person": "person", "country": "country", "organization": "organization", "event": "event"}
_FIELD_NAMES = {"summary": "summary", "countries": "countries", "participants": "participants", "date": "date", "wikidata": "Wikidata item"}

Record = dict[str, Any]


@dataclass(frozen=True)
class Change:
    """One thing that changed, about one claim, entity, article or measure."""

    kind: str  # CLAIM, ENTITY, ARTICLE or MEASURE
    target: str  # its id
    label: str  # what readers know it by: the claim's text, a name, a title (as of the change)
    lead: str  # "New claim", "Claim", "Entity renamed", "Conflict appeared on measure"...
    detail: str = ""  # "single-source → corroborated (evidence from Reuters added)"
    entity_kind: str = ""  # for an entity: person, country, organization or event
    status: str = ""  # for a claim: its status after the change ("" when not known)
    status_before: str = ""  # for a claim whose status changed: the status it had

    @property
    def rank(self) -> int:
        """Readers first want statuses that changed, then conflicts, new claims, other claims, the rest."""
        if self.status_before:
            return 0
        if self.kind == MEASURE:
            return 1 if "onflict" in self.lead else 4
        if self.kind == CLAIM:
            return 2 if self.lead == "New claim" else 3
        return 5 if self.lead in ("Entity renamed",) or self.lead.endswith("merged") else 6

    @property
    def sentence(self) -> str:
        return f"{self.lead} “{self.label}”" + (f": {self.detail}" if self.detail else "")


class _Sides:
    """The two exports a diff compares, indexed for the lookups sentences need."""

    def __init__(self, before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
        self.before, self.after = _index(before), _index(after)

    def record(self, section: str, record_id: str) -> Record:
        return self.after[section].get(record_id) or self.before[section].get(record_id) or {}

    def name(self, entity_id: str) -> str:
        return str(self.record("entities", entity_id).get("name") or entity_id)

    def origin(self, claim: str, item: EvidenceChange) -> str:
        """Who the evidence comes from: its origin in the export, else its article's outlet."""
        side = self.before if item.change == "removed" else self.after
        for evidence in side["claims"].get(claim, {}).get("evidence") or ():
            if evidence.get("article") == item.article and evidence.get("origin"):
                return str(evidence["origin"])
        article = self.record("articles", item.article)
        return str(article.get("outlet") or article.get("title") or item.article)

    def stance(self, claim: str, item: EvidenceChange) -> str:
        side = self.before if item.change == "removed" else self.after
        for evidence in side["claims"].get(claim, {}).get("evidence") or ():
            if evidence.get("article") == item.article and evidence.get("quote") == item.quote:
                return str(evidence.get("stance") or "")
        return ""


def _index(data: Mapping[str, Any]) -> dict[str, dict[str, Record]]:
    sections = ("claims", "entities", "articles", "measures")
    return {s: {r["id"]: r for r in data.get(s) or () if isinstance(r, dict) and "id" in r} for s in sections}


def describe(diff: DossierDiff, before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[Change, ...]:
    """Every change of `diff` (between the exports `before` and `after`) as plain words, claims first."""
    sides = _Sides(before, after)
    statuses = {s.claim: s for s in diff.status_changes}
    changes = [_claim(c, statuses.get(c.claim), sides) for c in diff.claims]
    changed = {c.claim for c in diff.claims}
    for status in diff.status_changes:  # a status that changed with nothing else of the claim (a merged origin)
        if status.claim not in changed:
            detail = f"{status.before} → {status.after}"
            changes.append(Change(CLAIM, status.claim, status.text, "Claim", detail, status=status.after, status_before=status.before))
    changes += [_discrepancy(d, sides) for d in diff.discrepancies]
    changes += [_entity(e, sides) for e in diff.entities]
    changes += _articles(diff, sides)
    return tuple(sorted(changes, key=lambda change: change.rank))


# ----- claims -----


def _claim(change: ClaimChange, status: Any, sides: _Sides) -> Change:
    now = str(change.status or "")
    if change.change == "added":
        origins = sides.after["claims"].get(change.claim, {}).get("supporting_origins") or ()
        detail = now + (f", from {_and(origins)}" if origins else "")
        return Change(CLAIM, change.claim, change.text, "New claim", detail, status=now)
    if change.change == "removed":
        return Change(CLAIM, change.claim, change.text, "Claim removed", "", status=now)
    reasons = _unique([*(_evidence(change.claim, e, sides) for e in change.evidence), *(_field(f, sides) for f in change.fields)])
    if status is not None:
        because = f" ({'; '.join(reasons)})" if reasons else ""
        detail = f"{status.before} → {status.after}{because}"
        return Change(CLAIM, change.claim, change.text, "Claim", detail, status=now, status_before=status.before)
    return Change(CLAIM, change.claim, change.text, "Claim", "; ".join(reasons) or "changed", status=now)


def _evidence(claim: str, item: EvidenceChange, sides: _Sides) -> str:
    origin = sides.origin(claim, item)
    against = sides.stance(claim, item) == "contradicts"
    if item.change == "added":
        return f"evidence against it from {origin} added" if against else f"evidence from {origin} added"
    if item.change == "removed":
        return f"evidence {'against it ' if against else ''}from {origin} withdrawn"
    fields = {f.field: f for f in item.fields}
    if "stance" in fields:
        return f"evidence from {origin} now {fields['stance'].after}"
    if "quote" in fields:
        return f"quote from {origin} corrected"
    if "via" in fields:
        return f"evidence now credited to {origin}"
    if "translation" in fields:
        return f"translation of the quote from {origin} revised"
    if "note" in fields:
        return f"analyst's note on evidence from {origin} revised"
    return f"evidence from {origin} revised"


def _field(change: FieldChange, sides: _Sides) -> str:
    if change.field == "text":
        return f"reworded (was “{change.before}”)"
    if change.field == "about":
        return f"now about {_and([sides.name(e) for e in change.after or ()])}"
    if change.field == "date":
        return _from_to("date", _date(change.before), _date(change.after))
    if change.field == "quantity":
        return _from_to("number", _quantity(change.before, sides), _quantity(change.after, sides))
    if change.field == "conclusion":
        return "conclusion added" if not change.before else "conclusion removed" if not change.after else "conclusion revised"
    return f"{change.field} changed"


def _from_to(what: str, before: str, after: str) -> str:
    if before == "none":
        return f"{what} given: {after}"
    return f"{what} removed (was {before})" if after == "none" else f"{what} {before} → {after}"


def _date(value: Any) -> str:
    if isinstance(value, dict):  # an open end is exported as null, written as absent
        value = {end: written for end, written in value.items() if written is not None}
    parsed = parse_date(value) if value is not None else None
    return "none" if parsed is None else display(parsed) if not isinstance(parsed, list) else str(value)


def _quantity(value: Any, sides: _Sides) -> str:
    if not isinstance(value, dict):
        return "none"
    unit_name = value.get("unit") or sides.record("measures", str(value.get("measure"))).get("unit")
    unit = f" {unit_name}" if unit_name else ""
    return format_value(value.get("value"), value.get("approximate")) + unit


# ----- discrepancies, entities, articles -----

_DISCREPANCY_LEADS = {
    "appeared": "Values differ in precision on measure",
    "became a conflict": "Conflict appeared on measure",
    "no longer a conflict": "Conflict resolved on measure",
    "disappeared": "Values agree again on measure",
    "changed": "Values changed on measure",
}


def _discrepancy(change: DiscrepancyChange, sides: _Sides) -> Change:
    lead = _DISCREPANCY_LEADS.get(change.change, "Measure")
    if change.change in ("appeared", "changed") and change.conflict:
        lead = "Conflict appeared on measure" if change.change == "appeared" else "Conflicting values changed on measure"
    measure = sides.record("measures", change.measure)
    values = [v.split(": ", 1)[-1] for v in change.values]
    return Change(MEASURE, change.measure, str(measure.get("name") or change.measure), lead, _and(values))


def _entity(change: EntityChange, sides: _Sides) -> Change:
    kind = str(sides.record("entities", change.entity).get("kind") or "")
    noun = _KIND_NAMES.get(kind, "entity")
    if change.change == "added":
        return Change(ENTITY, change.entity, change.name, f"New {noun}", entity_kind=kind)
    if change.change == "removed":
        return Change(ENTITY, change.entity, change.name, f"{noun.capitalize()} removed", entity_kind=kind)
    if change.change == "merged":
        into = sides.name(change.merged_into or "")
        return Change(ENTITY, change.entity, change.name, f"{noun.capitalize()} merged", f"into “{into}”", entity_kind=kind)
    details = [f"was “{change.renamed_from}”"] if change.renamed_from else []
    details += [f"also written {_and(change.aliases_added)}"] if change.aliases_added else []
    details += [f"no longer written {_and(change.aliases_removed)}"] if change.aliases_removed else []
    details += [
        f"date {_date(f.before)} → {_date(f.after)}" if f.field == "date" else f"{_FIELD_NAMES.get(f.field, f.field)} changed"
        for f in change.fields
    ]
    lead = "Entity renamed" if change.change == "renamed" else noun.capitalize()
    return Change(ENTITY, change.entity, change.name, lead, "; ".join(details), entity_kind=kind)


def _articles(diff: DossierDiff, sides: _Sides) -> list[Change]:
    changes = []
    for article in diff.articles:
        outlet = str(sides.record("articles", article.article).get("outlet") or "")
        if article.change == "added":
            changes.append(Change(ARTICLE, article.article, article.title, "New article", f"from {outlet}" if outlet else ""))
        elif article.change == "removed":
            changes.append(Change(ARTICLE, article.article, article.title, "Article removed"))
        else:
            changes.append(Change(ARTICLE, article.article, article.title, "Article", f"{_and([f.field for f in article.fields])} changed"))
    for edited in diff.edited_articles:
        paragraphs = edited.paragraphs_changed
        extent = f"{paragraphs} paragraph{'s' if paragraphs != 1 else ''} changed" if paragraphs else "spacing only"
        changes.append(Change(ARTICLE, edited.article, edited.title, "Article text edited", extent))
    return changes


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _and(items: Iterable[Any]) -> str:
    words = [str(item) for item in items]
    return ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else "".join(words)
