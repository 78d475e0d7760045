"""The domain model: what analysts write (articles, entities, claims) and what the build derives."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class DateRange:
    start: dt.date
    end: dt.date

    def to_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


DateValue = dt.date | DateRange


def date_json(value: DateValue | None) -> str | dict[str, str] | None:
    if value is None:
        return None
    return value.to_json() if isinstance(value, DateRange) else value.isoformat()


def date_start(value: DateValue) -> dt.date:
    """The day a date value starts: the one place that knows a range starts at `start`."""
    return value.start if isinstance(value, DateRange) else value


@dataclass(frozen=True)
class Range:
    min: float
    max: float


Number = int | float


@dataclass(frozen=True)
class Quantity:
    measure: str
    value: Number | Range
    unit: str | None = None

    def value_json(self) -> Number | dict[str, Number]:
        return {"min": self.value.min, "max": self.value.max} if isinstance(self.value, Range) else self.value

    def comparable(self) -> tuple[float, float]:
        """(low, high), so 52 and 52.0 compare equal and ranges compare by their ends."""
        if isinstance(self.value, Range):
            return (float(self.value.min), float(self.value.max))
        return (float(self.value), float(self.value))


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    outlet: str
    authors: tuple[str, ...]
    published: dt.date | None
    url: str | None
    language: str
    body: str  # verbatim, line ends normalised to \n
    location: Location  # the article file (line 1)
    body_line: int  # the file line the body starts on


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
    location: Location
    quote_location: Location  # where the quote itself is written, for quote errors


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    about: tuple[str, ...]
    date: DateValue | None
    quantity: Quantity | None
    evidence: tuple[Evidence, ...]
    location: Location


@dataclass(frozen=True)
class Dossier:
    """Everything the analysts wrote, checked for shape. Insertion order is input order."""

    articles: Mapping[str, Article]
    entities: Mapping[str, Entity]
    claims: Mapping[str, Claim]


# ----- derived -----


@dataclass(frozen=True)
class ClaimAssessment:
    claim: str
    status: Status
    supporting_origins: tuple[str, ...]
    contradicting_origins: tuple[str, ...]
    origins: tuple[str, ...]  # one per evidence item, in order


@dataclass(frozen=True)
class MeasuredValue:
    claim: str
    quantity: Quantity


@dataclass(frozen=True)
class Discrepancy:
    measure: str
    values: tuple[MeasuredValue, ...]


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
