"""Comparing two exports: claims, statuses, evidence, discrepancies, entities and articles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .model import (
    ArticleChange,
    Citation,
    ClaimChange,
    DiscrepancyChange,
    DossierDiff,
    EditedArticle,
    EntityChange,
    EvidenceChange,
    FieldChange,
    MeasureChange,
    RevisionState,
    StatusChange,
)
from .passages import edited_passages
from .snapshot import Snapshot
from .words import value_words

FIRST_ERRORS = 5  # how many of a revision's errors the diff repeats
# Derived fields that only echo a change shown otherwise (statuses, mentions, positions).
_CLAIM_SKIP = {"id", "status", "evidence", "supporting_origins", "contradicting_origins"}
_EVIDENCE_SKIP = {"passage", "origin", "origin_entity"}
_ENTITY_SKIP = {"id", "name", "aliases", "mentioned_in"}

Record = dict[str, Any]
# What a reviewer needs to know of a new claim besides its text and evidence.
ADDED_FACTS = ("about", "date", "quantity", "accept")


def _by_id(data: Mapping[str, Any], section: str) -> dict[str, Record]:
    return {item["id"]: item for item in data.get(section) or () if isinstance(item, dict) and "id" in item}


def field_changes(before: Record, after: Record, skip: Iterable[str]) -> tuple[FieldChange, ...]:
    """Fields both records have (a partial export lacks some) whose values differ."""
    ignored = set(skip)
    keys = [key for key in after if key in before and key not in ignored]
    return tuple(FieldChange(key, before[key], after[key]) for key in keys if before[key] != after[key])


def _state(snapshot: Snapshot) -> RevisionState:
    first = tuple(problem.format_text() for problem in snapshot.errors[:FIRST_ERRORS])
    return RevisionState(snapshot.label, len(snapshot.errors), first, snapshot.missing, snapshot.derived)


def compare(base: Snapshot, head: Snapshot) -> DossierDiff:
    claims, statuses = _claims(_by_id(base.data, "claims"), _by_id(head.data, "claims"))
    return DossierDiff(
        base=_state(base),
        head=_state(head),
        edited_articles=_edited_articles(base, head),
        status_changes=statuses,
        claims=claims,
        discrepancies=_discrepancies(base, head) if base.derived and head.derived else (),
        entities=_entities(_by_id(base.data, "entities"), _by_id(head.data, "entities")),
        articles=_articles(_by_id(base.data, "articles"), _by_id(head.data, "articles")),
        measures=_measures(_by_id(base.data, "measures"), _by_id(head.data, "measures")),
        measure_names={**_names_of(base.data, "measures"), **_names_of(head.data, "measures")},
        accepted=_newly_accepted(base, head),
    )


def _names_of(data: Mapping[str, Any], section: str) -> dict[str, tuple[str, str | None]]:
    """Each measure's name and unit (a claim's value without a unit is in its measure's)."""
    return {key: (str(record.get("name") or key), record.get("unit")) for key, record in _by_id(data, section).items()}


def _newly_accepted(base: Snapshot, head: Snapshot) -> tuple[str, ...]:
    """The head's accepted warnings that the base did not accept (compared by code and message)."""
    before = {(p.code, p.message) for p in base.accepted}
    return tuple(p.format_text() for p in head.accepted if (p.code, p.message) not in before)


def _measures(before: dict[str, Record], after: dict[str, Record]) -> tuple[MeasureChange, ...]:
    """Measures added, removed, renamed, given another unit or tolerance (their discrepancies are compared apart)."""
    changes = [MeasureChange(key, str(new.get("name")), "added") for key, new in after.items() if key not in before]
    for key, new in after.items():
        if key in before and (fields := field_changes(before[key], new, {"id"})):
            renamed = any(f.field == "name" for f in fields)
            changes.append(MeasureChange(key, str(new.get("name")), "renamed" if renamed else "changed", fields))
    changes += [MeasureChange(key, str(old.get("name")), "removed") for key, old in before.items() if key not in after]
    return tuple(changes)


# ----- claims -----


def _claims(before: dict[str, Record], after: dict[str, Record]) -> tuple[tuple[ClaimChange, ...], tuple[StatusChange, ...]]:
    changes: list[ClaimChange] = []
    statuses: list[StatusChange] = []
    for claim_id, new in after.items():
        old = before.get(claim_id)
        text = str(new.get("text") or "")
        if old is None:
            added = tuple(_evidence_item("added", item) for item in new.get("evidence") or ())
            facts = tuple(FieldChange(key, None, new[key]) for key in ADDED_FACTS if new.get(key))
            changes.append(ClaimChange(claim_id, text, "added", new.get("status"), facts, added))
            continue
        fields = field_changes(old, new, _CLAIM_SKIP)
        evidence = compare_evidence(old.get("evidence") or [], new.get("evidence") or [])
        if fields or evidence:
            changes.append(ClaimChange(claim_id, text, "changed", new.get("status"), fields, evidence))
        was, now = old.get("status"), new.get("status")
        if was and now and was != now:
            statuses.append(StatusChange(claim_id, text, str(was), str(now)))
    for claim_id, old in before.items():
        if claim_id not in after:
            removed = tuple(_evidence_item("removed", item) for item in old.get("evidence") or ())
            changes.append(ClaimChange(claim_id, str(old.get("text") or ""), "removed", old.get("status"), evidence=removed))
    return tuple(changes), tuple(statuses)


def _evidence_item(change: str, item: Record, fields: tuple[FieldChange, ...] = ()) -> EvidenceChange:
    via = item.get("via")
    return EvidenceChange(
        change,
        str(item.get("article") or ""),
        str(item.get("quote") or ""),
        fields,
        stance=str(item.get("stance") or ""),
        via=str(via) if via else None,
        accept=tuple(str(code) for code in item.get("accept") or ()),
    )


def compare_evidence(before: list[Record], after: list[Record]) -> tuple[EvidenceChange, ...]:
    """Items paired by (article, quote), then by article in order (an edited quote), else added/removed."""
    old = list(before)
    pairs: list[tuple[Record, Record]] = []
    unmatched: list[Record] = []
    for item in after:
        same = next((o for o in old if (o.get("article"), o.get("quote")) == (item.get("article"), item.get("quote"))), None)
        if same is None:
            unmatched.append(item)
        else:
            old.remove(same)
            pairs.append((same, item))
    added: list[Record] = []
    for item in unmatched:
        same_article = next((o for o in old if o.get("article") == item.get("article")), None)
        if same_article is None:
            added.append(item)
        else:
            old.remove(same_article)
            pairs.append((same_article, item))
    changes = [_evidence_item("changed", new, fields) for was, new in pairs if (fields := field_changes(was, new, _EVIDENCE_SKIP))]
    changes += [_evidence_item("added", item) for item in added]
    changes += [_evidence_item("removed", item) for item in old]
    return tuple(changes)


# ----- discrepancies -----


def format_value(value: Any, approximate: Any = None) -> str:
    """The value in words, as the site shows it: 52, 1,300–1,400, more than 1,000, about 1,200."""
    return value_words(value, approximate)


def _values(discrepancy: Record) -> tuple[str, ...]:
    unit = discrepancy.get("unit")
    return tuple(
        f"{v.get('claim')}: {value_words(v.get('value'), v.get('approximate'), unit)}"
        for v in discrepancy.get("values") or ()
        if isinstance(v, dict)
    )


def _discrepancies(base: Snapshot, head: Snapshot) -> tuple[DiscrepancyChange, ...]:
    def by_measure(data: Mapping[str, Any]) -> dict[str, Record]:
        return {str(d.get("measure")): d for d in data.get("discrepancies") or () if isinstance(d, dict)}

    before, after = by_measure(base.data), by_measure(head.data)
    changes = []
    for measure, new in after.items():
        old = before.get(measure)
        conflict = new.get("conflict")
        if old is None:
            changes.append(DiscrepancyChange(measure, "appeared", conflict, _values(new)))
        elif "conflict" in old and "conflict" in new and bool(old["conflict"]) != bool(conflict):
            change = "became a conflict" if conflict else "no longer a conflict"
            changes.append(DiscrepancyChange(measure, change, conflict, _values(new)))
        elif _values(old) != _values(new):
            changes.append(DiscrepancyChange(measure, "changed", conflict, _values(new)))
    for measure, old in before.items():
        if measure not in after:
            changes.append(DiscrepancyChange(measure, "disappeared", old.get("conflict"), _values(old)))
    return tuple(changes)


# ----- entities -----


def _names(entity: Record) -> list[str]:
    return [str(name) for name in [entity.get("name"), *(entity.get("aliases") or ())] if name]


def _entities(before: dict[str, Record], after: dict[str, Record]) -> tuple[EntityChange, ...]:
    changes = [EntityChange(entity_id, str(new.get("name")), "added") for entity_id, new in after.items() if entity_id not in before]
    for entity_id, new in after.items():
        old = before.get(entity_id)
        if old is None:
            continue
        was, now = [str(a) for a in old.get("aliases") or ()], [str(a) for a in new.get("aliases") or ()]
        renamed = old.get("name") != new.get("name")
        added = tuple(a for a in now if a not in was)
        removed = tuple(a for a in was if a not in now)
        fields = field_changes(old, new, _ENTITY_SKIP)
        if renamed or added or removed or fields:
            change = "renamed" if renamed else "changed"
            changes.append(
                EntityChange(
                    entity_id,
                    str(new.get("name")),
                    change,
                    renamed_from=str(old.get("name")) if renamed else None,
                    aliases_added=added,
                    aliases_removed=removed,
                    fields=fields,
                )
            )
    owner = {name.casefold(): entity_id for entity_id, entity in after.items() for name in _names(entity)}
    for entity_id, old in before.items():
        if entity_id in after:
            continue
        into = next((owner[n.casefold()] for n in _names(old) if n.casefold() in owner), None)
        changes.append(EntityChange(entity_id, str(old.get("name")), "merged" if into else "removed", merged_into=into))
    return tuple(changes)


# ----- articles -----


def _articles(before: dict[str, Record], after: dict[str, Record]) -> tuple[ArticleChange, ...]:
    changes = [ArticleChange(article_id, str(new.get("title")), "added") for article_id, new in after.items() if article_id not in before]
    for article_id, new in after.items():
        if article_id in before and (fields := field_changes(before[article_id], new, {"id"})):
            changes.append(ArticleChange(article_id, str(new.get("title")), "changed", fields))
    changes += [
        ArticleChange(article_id, str(old.get("title")), "removed") for article_id, old in before.items() if article_id not in after
    ]
    return tuple(changes)


def _citations(article: str, *snapshots: Snapshot) -> tuple[Citation, ...]:
    found: dict[tuple[str, str], None] = {}
    for snapshot in snapshots:
        for claim in _by_id(snapshot.data, "claims").values():
            for item in claim.get("evidence") or ():
                if item.get("article") == article:
                    found[(str(claim["id"]), str(item.get("quote") or ""))] = None
    return tuple(Citation(claim, quote) for claim, quote in found)


def _edited_articles(base: Snapshot, head: Snapshot) -> tuple[EditedArticle, ...]:
    edited = []
    titles = {**_by_id(base.data, "articles"), **_by_id(head.data, "articles")}
    for article_id, body in head.bodies.items():
        old = base.bodies.get(article_id)
        if old is None or old == body:
            continue
        title = str(titles.get(article_id, {}).get("title") or article_id)
        edited.append(edited_passages(article_id, title, old, body, _citations(article_id, head, base)))
    return tuple(edited)
