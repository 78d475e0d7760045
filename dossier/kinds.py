"""The registry of entity kinds: one declarative table that every part of the project reads.

The model, the schema checks, references, links, pages, JSON-LD and the export all look a
kind up here, so adding a kind means adding a row (plus its list in the JSON Schema and, if
it needs one, a template); nothing else names the kinds one by one.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


class Kind(enum.Enum):
    PERSON = "person"
    COUNTRY = "country"
    ORGANIZATION = "organization"
    EVENT = "event"


@dataclass(frozen=True)
class KindSpec:
    """Everything the project needs to know about one kind of entity."""

    kind: Kind
    section: str  # the key the kind is listed under in claims.yaml, e.g. "people"
    folder: str  # the site folder of its pages, e.g. "people/<id>/"
    title: str  # the title of its index page, e.g. "People"
    schema_type: str  # its schema.org type, for JSON-LD
    # Fields beyond those every entity has (id, name, aliases, summary, wikidata).
    extra_fields: tuple[str, ...] = ()
    required_fields: tuple[str, ...] = ()  # besides id and name
    # Reference fields (among the extra fields), and the kinds each may point to.
    references: Mapping[str, frozenset[Kind]] = field(default_factory=dict)

    @property
    def singular(self) -> str:
        """The kind's name in messages and in the export ("person")."""
        return self.kind.value


_COUNTRIES = {"countries": frozenset({Kind.COUNTRY})}

KINDS: tuple[KindSpec, ...] = (
    KindSpec(Kind.PERSON, "people", "people", "People", "Person", extra_fields=("countries",), references=_COUNTRIES),
    KindSpec(Kind.COUNTRY, "countries", "countries", "Countries", "Country"),
    KindSpec(
        Kind.ORGANIZATION,
        "organizations",
        "organizations",
        "Organizations",
        "Organization",
        extra_fields=("countries",),
        references=_COUNTRIES,
    ),
    KindSpec(
        Kind.EVENT,
        "events",
        "events",
        "Events",
        "Event",
        extra_fields=("date", "participants", "countries"),
        required_fields=("date",),
        references={**_COUNTRIES, "participants": frozenset({Kind.PERSON, Kind.ORGANIZATION})},
    ),
)

BY_KIND: Mapping[Kind, KindSpec] = MappingProxyType({spec.kind: spec for spec in KINDS})
BY_SECTION: Mapping[str, KindSpec] = MappingProxyType({spec.section: spec for spec in KINDS})

# What a claim's `about` may point to: any entity.
ANY_ENTITY = frozenset(Kind)

# A claim's reference fields, and the kinds each may point to (claims are not entities, but
# their references are checked the same way).
CLAIM_REFERENCES: Mapping[str, frozenset[Kind]] = MappingProxyType({"about": ANY_ENTITY})
CLAIM_SECTION = "claims"
CLAIM_SINGULAR = "claim"
# Measures (contract v2) are listed between the entities and the claims.
MEASURE_SECTION = "measures"
MEASURE_SINGULAR = "measure"


def spec(kind: Kind) -> KindSpec:
    return BY_KIND[kind]


def kinds_phrase(kinds: frozenset[Kind], *, joiner: str = " or ") -> str:
    """The kinds in registry order, for messages: 'person or organization'."""
    return joiner.join(s.singular for s in KINDS if s.kind in kinds)


def sections_phrase(kinds: frozenset[Kind], *, joiner: str = " or ") -> str:
    """The claims.yaml lists those kinds are written in: 'people or organizations'."""
    return joiner.join(s.section for s in KINDS if s.kind in kinds)


def all_sections_phrase(*, claims: bool = False) -> str:
    """Every entity list (and the claims), for messages: 'people, countries, organizations and events'."""
    sections = [s.section for s in KINDS] + ([CLAIM_SECTION] if claims else [])
    return ", ".join(sections[:-1]) + " and " + sections[-1] if len(sections) > 1 else sections[0]
