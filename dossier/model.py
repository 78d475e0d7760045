"""The domain model: what analysts write (articles, entities, claims) and what the build derives."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import dates, origins, values
from .acceptance import Acceptance
from .excerpts import Excerpt
from .kinds import Kind as Kind  # re-exported: the kinds themselves live in the registry (kinds.py)
from .problems import Location
from .quotes import Span


class Stance(enum.Enum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"


class Status(enum.Enum):
    CORROBORATED = "corroborated"  # two or more supporting origins, nothing against
    SINGLE_SOURCE = "single-source"  # one supporting origin, nothing against
    CONTESTED = "contested"  # evidence for and against
    DISPUTED = "disputed"  # only evidence against


# Dates and values are the contract v2 types (dates.py, values.py), re-exported here.
DateRange = dates.DateRange
DateValue = dates.DateValue
Date = dates.Date
Quantity = values.Quantity
Measure = values.Measure
Range = values.Range
Number = values.Number
Discrepancy = values.Discrepancy
MeasuredValue = values.MeasuredValue
Origin = origins.Origin


def date_json(value: DateValue | None) -> str | dict[str, str | None] | None:
    """Kept for callers of v1: the export's form of a date, as written."""
    return dates.date_json(value)


def date_start(value: DateValue) -> dt.date:
    """Kept for callers of v1: the day a date sorts by (its first day)."""
    return dates.first_day(value)


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    outlet: str
    authors: tuple[str, ...]
    published: DateValue | None
    url: str | None
    archived: str | None  # a saved copy of the original (v2)
    language: str
    body: str  # verbatim, line ends normalised to \n
    location: Location  # the article file (line 1)
    body_line: int  # the file line the body starts on
    retrieved: str | None = None  # when the capture was made, as written (v3)
    capture: str | None = None  # the WARC file of the page as captured, relative to the content folder (v3)
    sha256: str | None = None  # the captured response's payload digest, lowercase hex (v3)
    capture_location: Location | None = None  # where `capture` is written, for the capture checks' problems
    acceptance: Acceptance | None = None  # (v3) its `accept` list: warnings a reviewer checked and keeps

    @property
    def accept(self) -> tuple[str, ...]:
        return self.acceptance.codes if self.acceptance else ()


@dataclass(frozen=True)
class Entity:
    id: str
    kind: Kind
    name: str
    aliases: tuple[str, ...]
    summary: str | None
    wikidata: str | None
    countries: tuple[str, ...]
    participants: tuple[str, ...]  # events only
    date: DateValue | None  # events only (required there)
    location: Location
    acceptance: Acceptance | None = None  # (v3) its `accept` list (acceptance.py)

    @property
    def accept(self) -> tuple[str, ...]:
        return self.acceptance.codes if self.acceptance else ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Evidence:
    article: str
    stance: Stance
    quote: str
    via: str | None
    note: str | None
    translation: str | None  # the analyst's English rendering of the quote (v2)
    location: Location
    quote_location: Location  # where the quote itself is written, for quote errors
    acceptance: Acceptance | None = None  # (v3) its `accept` list (acceptance.py)

    @property
    def accept(self) -> tuple[str, ...]:
        return self.acceptance.codes if self.acceptance else ()


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    about: tuple[str, ...]
    date: DateValue | None
    quantity: Quantity | None
    evidence: tuple[Evidence, ...]
    location: Location
    conclusion: str | None = None  # (v3) one plain sentence: what the evidence adds up to
    acceptance: Acceptance | None = None  # (v3) its `accept` list (acceptance.py)

    @property
    def accept(self) -> tuple[str, ...]:
        return self.acceptance.codes if self.acceptance else ()


@dataclass(frozen=True)
class LostQuote:
    claim: str
    quote: str


@dataclass(frozen=True)
class Recheck:
    """The last `dossier recheck` of a captured article (content/rechecks.yaml, v3)."""

    article: str
    date: str  # YYYY-MM-DD
    state: str  # unchanged | changed | gone | unreachable
    changed: tuple[str, ...]  # passages of the capture the live page no longer has as they were
    quotes_lost: tuple[LostQuote, ...]  # quotes no longer on the live page
    location: Location


@dataclass(frozen=True)
class Dossier:
    """Everything the analysts wrote, checked for shape. Insertion order is input order."""

    articles: Mapping[str, Article]
    entities: Mapping[str, Entity]
    claims: Mapping[str, Claim]
    measures: Mapping[str, Measure] = field(default_factory=dict)  # declared measures (v2)
    rechecks: Mapping[str, Recheck] = field(default_factory=dict)  # article id -> its last recheck (v3)

    def acceptances(self) -> list[Acceptance]:
        """Every `accept` list of the dossier (v3), with the lines it covers."""
        found = [a.acceptance for a in self.articles.values()] + [e.acceptance for e in self.entities.values()]
        for claim in self.claims.values():
            found += [claim.acceptance, *(item.acceptance for item in claim.evidence)]
        return [acceptance for acceptance in found if acceptance is not None]


# ----- derived -----


@dataclass(frozen=True)
class ClaimAssessment:
    claim: str
    status: Status
    supporting: tuple[Origin, ...]  # distinct origins of the `supports` items, by key
    contradicting: tuple[Origin, ...]  # likewise for `contradicts`
    evidence_origins: tuple[Origin, ...]  # one per evidence item, in order

    @property
    def supporting_origins(self) -> tuple[str, ...]:
        """The supporting origins' display names (the entity's name when resolved)."""
        return tuple(origin.display for origin in self.supporting)

    @property
    def contradicting_origins(self) -> tuple[str, ...]:
        return tuple(origin.display for origin in self.contradicting)

    @property
    def origins(self) -> tuple[str, ...]:
        """Each evidence item's origin display name, in order."""
        return tuple(origin.display for origin in self.evidence_origins)


@dataclass(frozen=True)
class Mention:
    article: str
    entities: tuple[str, ...]
    paragraph: int
    start: int  # index into the article body
    end: int


@dataclass(frozen=True)
class Analysis:
    """What the build derives from a dossier."""

    assessments: Mapping[str, ClaimAssessment]
    # (claim id, evidence index) -> where the quote sits in its article.
    passages: Mapping[tuple[str, int], tuple[Span, ...]]
    discrepancies: tuple[Discrepancy, ...]
    mentions: Mapping[str, tuple[Mention, ...]]  # article id -> mentions, in text order
    mentioned_in: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # entity -> article ids
    # (claim id, evidence index) -> the article's own words of the quote (v3): what is shown.
    excerpts: Mapping[tuple[str, int], Excerpt] = field(default_factory=dict)
    outlet_origins: Mapping[str, Origin] = field(default_factory=dict)  # article id -> its outlet as an origin
    # Article id -> "verified" (its capture was checked) or "unavailable" (a Git LFS pointer
    # never fetched: the capture checks were skipped) (v3).
    captures: Mapping[str, str] = field(default_factory=dict)
