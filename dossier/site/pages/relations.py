"""Who is connected to whom: entities named together in claims, and linked by events and countries.

The weight of a connection is what `SiteData.related` counts: the claims about both, plus
one for each structural link (a participant or country of an event, an entity's country).
Orders break ties by id, never by dictionary order, so the same dossier always gives the
same connections in the same order (and the maps drawn from them are the same, byte for byte).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...kinds import Kind
from ...model import Entity
from ..data import SiteData


@dataclass(frozen=True)
class Connection:
    """One entity's connection to another."""

    other: str  # the other entity's id
    weight: int  # claims about both, plus the links below
    claims: int  # claims about both
    links: tuple[str, ...]  # the structural links, in words, seen from the first entity: "participant", ...

    @property
    def words(self) -> str:
        return relation_words(self.links, self.claims)


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    weight: int


def structural_links(entity: Entity, other: Entity) -> tuple[str, ...]:
    """How the model links two entities besides claims, in words, as seen from `entity`."""
    links = []
    if entity.kind is Kind.EVENT:
        if other.id in entity.participants:
            links.append("participant")
        if other.id in entity.countries:
            links.append("where it happened")
    elif other.id in entity.countries:
        links.append("its country")
    if other.kind is Kind.EVENT:
        if entity.id in other.participants:
            links.append("an event it took part in")
        if entity.id in other.countries:
            links.append("an event here")
    elif entity.id in other.countries:
        links.append("based here" if entity.kind is Kind.COUNTRY else "its country")
    return tuple(links)


def relation_words(links: tuple[str, ...], claims: int) -> str:
    """A connection in words, as the maps name it: "participant; about the same 2 claims"."""
    about = [] if not claims else ["about the same claim" if claims == 1 else f"about the same {claims} claims"]
    return "; ".join([*links, *about])


def between_words(data: SiteData, a: str, b: str, weight: int) -> str:
    """The connection of `a` and `b` in words, seen from `a`."""
    entities = data.dossier.entities
    links = structural_links(entities[a], entities[b])
    return relation_words(links, weight - len(links))


def connections(data: SiteData, entity_id: str) -> list[Connection]:
    """Every connection of an entity, strongest first (then by id)."""
    related: Mapping[str, int] = data.related.get(entity_id) or {}
    entities = data.dossier.entities
    entity = entities[entity_id]
    found = []
    for other, weight in related.items():
        links = structural_links(entity, entities[other])
        found.append(Connection(other, weight, weight - len(links), links))
    found.sort(key=lambda c: (-c.weight, c.other))
    return found


def strengths(data: SiteData) -> dict[str, int]:
    """Each connected entity's total weight of connections."""
    return {entity_id: sum(counts.values()) for entity_id, counts in data.related.items() if counts}


def most_connected(data: SiteData, limit: int) -> list[str]:
    """The `limit` entities with the most weight of connections (then by id)."""
    strength = strengths(data)
    return sorted(strength, key=lambda e: (-strength[e], e))[:limit]


def edges_among(data: SiteData, ids: Sequence[str], limit: int) -> list[Edge]:
    """The strongest connections between entities of `ids` (at most `limit`), strongest first."""
    found = []
    for index, a in enumerate(ids):
        related: Mapping[str, int] = data.related.get(a) or {}
        for b in ids[index + 1 :]:
            weight = related.get(b, 0)
            if weight:
                found.append(Edge(a, b, weight) if a < b else Edge(b, a, weight))
    found.sort(key=lambda e: (-e.weight, e.a, e.b))
    return found[:limit]
