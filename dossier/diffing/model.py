"""What a change does to the derived dossier, as plain data (rendered as text, Markdown or JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any  # JSON values, as exported
    after: Any


@dataclass(frozen=True)
class Citation:
    claim: str
    quote: str
    found: bool = True  # False: the quote is no longer in the edited text


@dataclass(frozen=True)
class ChangedPassage:
    """One changed stretch of an edited article, as a word diff: [-removed-] {+added+}."""

    paragraph: int  # 1-based, in the edited text
    words: str


@dataclass(frozen=True)
class EditedArticle:
    """An article whose text changed: the text is evidence, so the quotes near a change are shown."""

    article: str
    title: str
    paragraphs_changed: int
    citations: tuple[Citation, ...]  # the quotes in or next to a changed passage, those no longer found first
    passages: tuple[ChangedPassage, ...] = ()
    other_quotes: int = 0  # quotes of the article away from every change


@dataclass(frozen=True)
class ArticleChange:
    article: str
    title: str
    change: str  # "added" | "removed" | "changed" (its details, not its text)
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class EvidenceChange:
    change: str  # "added" | "removed" | "changed"
    article: str
    quote: str  # the quote as it is now (as it was, when removed)
    fields: tuple[FieldChange, ...] = ()  # for "changed": quote, stance, via, note...
    stance: str = ""  # supports | contradicts: now (before, when removed)
    via: str | None = None
    accept: tuple[str, ...] = ()  # the warnings it accepts (v3)


@dataclass(frozen=True)
class MeasureChange:
    measure: str
    name: str
    change: str  # "added" | "removed" | "renamed" | "changed"
    fields: tuple[FieldChange, ...] = ()  # name, unit ("re-united"), tolerance, summary


@dataclass(frozen=True)
class StatusChange:
    claim: str
    text: str
    before: str
    after: str


@dataclass(frozen=True)
class ClaimChange:
    claim: str
    text: str
    change: str  # "added" | "removed" | "changed"
    status: str | None  # the status now (before, when removed); None when not derived
    fields: tuple[FieldChange, ...] = ()  # text, about, date, quantity...
    evidence: tuple[EvidenceChange, ...] = ()


@dataclass(frozen=True)
class DiscrepancyChange:
    measure: str
    change: str  # "appeared" | "disappeared" | "changed" | "became a conflict" | "no longer a conflict"
    conflict: bool | None  # now (before, when disappeared); None when the export does not say
    values: tuple[str, ...]  # "claim-id: value", now (before, when disappeared)


@dataclass(frozen=True)
class EntityChange:
    entity: str
    name: str
    change: str  # "added" | "removed" | "renamed" | "merged" | "changed"
    renamed_from: str | None = None
    merged_into: str | None = None
    aliases_added: tuple[str, ...] = ()
    aliases_removed: tuple[str, ...] = ()
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class RevisionState:
    label: str
    error_count: int
    first_errors: tuple[str, ...]  # formatted as `dossier check` prints them
    missing: bool  # no content folder in this revision
    derived: bool  # statuses and discrepancies were computed


@dataclass(frozen=True)
class DossierDiff:
    base: RevisionState
    head: RevisionState
    edited_articles: tuple[EditedArticle, ...]
    status_changes: tuple[StatusChange, ...]
    claims: tuple[ClaimChange, ...]
    discrepancies: tuple[DiscrepancyChange, ...]
    entities: tuple[EntityChange, ...]
    articles: tuple[ArticleChange, ...]
    measures: tuple[MeasureChange, ...] = ()
    measure_names: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> (name, unit), for values in words
    accepted: tuple[str, ...] = ()  # warnings newly accepted, as `dossier check` prints them

    @property
    def empty(self) -> bool:
        return not (
            self.edited_articles
            or self.status_changes
            or self.claims
            or self.discrepancies
            or self.entities
            or self.articles
            or self.measures
            or self.accepted
        )
