"""What a change does to the derived dossier, as plain data (rendered as text, Markdown or JSON)."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class EditedArticle:
    """An article whose text changed: the text is evidence, so every quote from it is affected."""

    article: str
    title: str
    paragraphs_changed: int
    citations: tuple[Citation, ...]  # the quotes that cite it, in either revision


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

    @property
    def empty(self) -> bool:
        return not (self.edited_articles or self.status_changes or self.claims or self.discrepancies or self.entities or self.articles)
