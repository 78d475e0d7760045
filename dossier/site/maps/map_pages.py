"""Relationship maps: on each entity page, the entities it is connected to; and a page
(`map.md`) of the dossier's most connected entities.

Both are drawn at build time (map_layout.py) and printed as inline SVG by
`fragments/relationship_map.html`, every node a link to its entity's page, with the
connections listed in words under the picture: the list is the map's text alternative,
and it names what the picture leaves out. Both stay the same size however large the dossier.
"""

from __future__ import annotations

from typing import NamedTuple

from ...kinds import KINDS
from ...model import Entity
from ..page import Listing, Pager, RenderedPage, Toc, TocEntry
from ..pages.index_pages import render_listing
from ..pages.relations import Connection, between_words, connections, edges_among, most_connected, strengths
from ..rendering.parts import Link, Parts
from .map_layout import MapDrawing, NodeInput, layout

MAP = "map.md"
MAP_TITLE = "Map"
ENTITY_MAP_NODES = 24  # an entity's strongest connections drawn around it (with it: 25 nodes)
CONNECTIONS_LISTED = 40  # connections listed under an entity's map (the ones drawn first)
ENTITY_MAP_SIDE_EDGES = 24  # lines between the drawn connections themselves, strongest first
DOSSIER_MAP_NODES = 30
DOSSIER_MAP_EDGES = 60
TOP_LINKS_LISTED = 5  # on the map page, each entity's strongest connections named in words
_KIND_ORDER = {spec.kind: n for n, spec in enumerate(KINDS)}


class ConnectionItem(NamedTuple):
    link: Link
    kind: str
    weight: int
    claims: int
    links: tuple[str, ...]  # structural links in words ("participant")
    drawn: bool  # on the map
    relation: str  # the connection in words: "participant; about the same 2 claims"


class EntityStrength(NamedTuple):
    link: Link
    kind: str
    weight: int  # total weight of its connections
    connected: int  # entities it is connected to
    strongest: list[tuple[Link, int, str]]  # its strongest connections among the map's entities, with the connection in words


class RelationshipMap(NamedTuple):
    heading: TocEntry | None  # on an entity page; none on the map page (its title is the page's)
    anchor: str  # unique on the page: ids of the SVG's title and description derive from it
    title: str
    description: str  # what the picture shows and leaves out, in a sentence
    drawing: MapDrawing
    kinds: list[tuple[str, str]]  # the legend: (kind, title) of the kinds drawn
    items: list[ConnectionItem]  # an entity's connections, in words (empty on the map page)
    total: int  # connections in all (entities on the map page)
    entities: list[EntityStrength]  # the map page's entities, in words (empty on an entity page)
    dossier_map_href: str


def _node(parts: Parts, entity_id: str, weight: int, *, centre: bool = False, relation: str = "") -> NodeInput:
    entity = parts.data.dossier.entities[entity_id]
    href = "" if centre else parts.entity_link(entity_id).href
    return NodeInput(entity.id, entity.name, entity.kind.value, href, weight, relation)


def _titles(parts: Parts, edges: list[tuple[str, str, int]]) -> dict[tuple[str, str], str]:
    """Each line's connection in words, as its tooltip: "Minsk talks – Alexander Lukashenko: participant"."""
    entities = parts.data.dossier.entities
    found = {}
    for a, b, weight in edges:
        first, second = (a, b) if entities[a].kind.value == "event" or entities[b].kind.value != "event" else (b, a)
        words = between_words(parts.data, first, second, weight)
        found[(min(a, b), max(a, b))] = f"{entities[first].name} – {entities[second].name}: {words}"
    return found


def _by_kind(parts: Parts, ids: list[str], weight: dict[str, int]) -> list[str]:
    """Grouped by kind (people, countries, organizations, events), strongest first in each."""
    entities = parts.data.dossier.entities
    return sorted(ids, key=lambda e: (_KIND_ORDER[entities[e].kind], -weight[e], e))


def _legend(parts: Parts, ids: list[str]) -> list[tuple[str, str]]:
    present = {parts.data.dossier.entities[e].kind for e in ids}
    return [(spec.kind.value, spec.singular.capitalize()) for spec in KINDS if spec.kind in present]


def _item(parts: Parts, connection: Connection, drawn: bool) -> ConnectionItem:
    kind = parts.data.dossier.entities[connection.other].kind
    link = parts.entity_link(connection.other)
    return ConnectionItem(link, kind.value, connection.weight, connection.claims, connection.links, drawn, connection.words)


def entity_map(parts: Parts, entity: Entity, toc: Toc) -> RelationshipMap | None:
    """The map of an entity's connections, or None when it has none (its heading goes into `toc`)."""
    found = connections(parts.data, entity.id)
    if not found:
        return None
    drawn = found[:ENTITY_MAP_NODES]
    weight = {c.other: c.weight for c in drawn}
    words = {c.other: c.words for c in drawn}
    order = _by_kind(parts, list(weight), weight)
    edges = [(entity.id, c.other, c.weight) for c in drawn]
    edges += [(e.a, e.b, e.weight) for e in edges_among(parts.data, order, ENTITY_MAP_SIDE_EDGES)]
    nodes = [_node(parts, e, weight[e], relation=words[e]) for e in order]
    drawing = layout(nodes, edges, _node(parts, entity.id, 0, centre=True), _titles(parts, edges))
    shown = len(drawn)
    description = (
        f"{entity.name} in the middle, linked to the {shown} entities most often named with it in claims and linked to it "
        f"by events and countries{f', of {len(found)}' if len(found) > shown else ''}; the thicker a line, the more claims "
        "and links it stands for. Every connection is listed below the map."
    )
    return RelationshipMap(
        toc.add(2, "connections", f"Connections ({len(found)})"),
        "connections",
        f"Connections of {entity.name}",
        description,
        drawing,
        _legend(parts, [entity.id, *order]),
        [_item(parts, c, n < shown) for n, c in enumerate(found[:CONNECTIONS_LISTED])],
        len(found),
        [],
        parts.href(MAP),
    )


def dossier_map(parts: Parts) -> RelationshipMap:
    """The dossier's most connected entities and the strongest connections between them."""
    data = parts.data
    strength = strengths(data)
    top = most_connected(data, DOSSIER_MAP_NODES)
    order = _by_kind(parts, top, strength)
    edges = edges_among(data, order, DOSSIER_MAP_EDGES)
    pairs = [(e.a, e.b, e.weight) for e in edges]
    drawing = layout([_node(parts, e, strength[e]) for e in order], pairs, titles=_titles(parts, pairs))
    entities, drawn = [], set(top)
    for entity_id in sorted(top, key=lambda e: (-strength[e], e)):
        strongest = [c for c in connections(data, entity_id) if c.other in drawn][:TOP_LINKS_LISTED]
        entities.append(
            EntityStrength(
                parts.entity_link(entity_id),
                data.dossier.entities[entity_id].kind.value,
                strength[entity_id],
                len(data.related[entity_id]),
                [(parts.entity_link(c.other), c.weight, c.words) for c in strongest],
            )
        )
    description = (
        f"The {len(top)} most connected of the dossier's {len(strength)} connected entities (at most {DOSSIER_MAP_NODES} are drawn), "
        f"grouped by kind, and the {len(edges)} strongest connections between them"
        f"{f' (at most {DOSSIER_MAP_EDGES})' if len(edges) == DOSSIER_MAP_EDGES else ''}: claims naming both, events and countries "
        "linking them; the thicker a line, the more. Each entity is listed below with its strongest connections."
    )
    kinds = _legend(parts, top)
    return RelationshipMap(None, "map", "The most connected entities", description, drawing, kinds, [], len(strength), entities, "")


def render_map(parts: Parts) -> RenderedPage:
    intro = "Who is connected to whom in the dossier. Each entity's page has a map of its own connections."
    page = Listing(MAP_TITLE, intro, 1, 1, Pager([]), "")
    return render_listing(parts, "pages/map.html", page, map=dossier_map(parts))
