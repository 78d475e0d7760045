"""Where the nodes and lines of a relationship map go: plain numbers, for an SVG template.

The layout is an ellipse cut into rows: nodes sit on its left and right arcs, one a row,
with their names outward, so no two names can overlap however many nodes there are (each
row is ROW units high: a 24 px tap target on a 390 px phone). A map of one entity has it in
the middle, in a band of its own, with a line to each node; lines between other nodes curve
through the inside. Node order is the caller's; every coordinate is computed from it alone
and written with one decimal, so the same input gives the same picture, byte for byte.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 460  # of the viewBox; the SVG scales to the page's width
ROW = 32  # height of a row (a node and its name)
MARGIN = 16
ARC_X = 70  # half the width of the ellipse the nodes sit on, at its widest
FONT = 14  # px in viewBox units, as the stylesheet sets it
SMALL_FONT = 12  # a name on two lines
LABEL_GAP = 6
CENTRE_R = 11
CENTRE_BAND = 1.3  # rows between the middle and the nearest rows, when an entity is in the middle
# Rough advance widths (in em) of a sans-serif font, to shorten a name that would not fit.
_NARROW, _WIDE = set("fijlrtI.,'’ "), set("mwMW")


@dataclass(frozen=True)
class NodeInput:
    id: str
    label: str
    kind: str  # "person", "country", ...: its shape and colour
    href: str  # "" for the entity the map is of
    weight: int  # sizes the node: its connection's (or its total) weight


@dataclass(frozen=True)
class PlacedNode:
    id: str
    href: str
    full_label: str
    lines: tuple[str, ...]  # the name on one line, or on two in a smaller font; shortened with "…" if it would not fit
    kind: str
    shape: str  # an SVG path
    label_x: str
    label_y: tuple[str, ...]  # of each line
    anchor: str  # "start", "end" or "middle"
    hit: tuple[str, str, str, str]  # x, y, width, height of the tap area: the node and its name

    @property
    def shortened(self) -> bool:
        """Its name is not shown whole on one line (the link then carries it as its label)."""
        return self.lines != (self.full_label,)


@dataclass(frozen=True)
class PlacedEdge:
    path: str
    strength: int  # 1 to 4, for the line's width
    centre: bool  # a line from the entity in the middle


@dataclass(frozen=True)
class MapDrawing:
    width: int
    height: int
    centre: PlacedNode | None
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]


# Pure functions of a few values, cached: an entity is drawn on the map of each entity it is
# connected to, at the few places a map of a given size has.
@functools.lru_cache(maxsize=16384)
def number(value: float) -> str:
    """One decimal at most, and no "-0": coordinates as the SVG gets them."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@functools.lru_cache(maxsize=16384)
def text_width(text: str, size: float = FONT) -> float:
    return size * sum(0.3 if c in _NARROW else 0.85 if c in _WIDE else 0.62 if c.isupper() else 0.55 for c in text)


def fit(text: str, room: float, size: float = FONT) -> str:
    """The text, shortened with "…" to fit `room` units."""
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "…", size) > room:
        text = text[:-1].rstrip()
    return text + "…"


@functools.lru_cache(maxsize=16384)
def wrap(text: str, room: float) -> tuple[str, ...]:
    """The text on one line at FONT, or on two at SMALL_FONT, broken between words (the
    second line shortened if need be); a single word too long for the room is shortened."""
    if text_width(text) <= room:
        return (text,)
    words = text.split(" ")
    first = ""
    for count in range(1, len(words)):
        candidate = " ".join(words[:count])
        if text_width(candidate, SMALL_FONT) > room:
            break
        first = candidate
    if not first:
        return (fit(text, room),)
    return (first, fit(text[len(first) :].strip(), room, SMALL_FONT))


@functools.lru_cache(maxsize=16384)
def shape(kind: str, x: float, y: float, r: float) -> str:
    """A node's shape, by kind: a person a circle, a country a square, an organization a
    diamond, an event a star (the same signs as the legend and the timeline)."""
    n = number
    if kind == "country":
        s = r * 0.9
        return f"M{n(x - s)} {n(y - s)}h{n(2 * s)}v{n(2 * s)}h{n(-2 * s)}z"
    if kind == "organization":
        s = r * 1.25
        return f"M{n(x)} {n(y - s)}l{n(s)} {n(s)} {n(-s)} {n(s)} {n(-s)} {n(-s)}z"
    if kind == "event":
        points = []
        for i in range(10):
            radius = r * 1.3 if i % 2 == 0 else r * 0.55
            angle = math.pi * i / 5 - math.pi / 2
            points.append(f"{n(x + radius * math.cos(angle))} {n(y + radius * math.sin(angle))}")
        return "M" + "L".join(points) + "z"
    return f"M{n(x - r)} {n(y)}a{n(r)} {n(r)} 0 1 0 {n(2 * r)} 0a{n(r)} {n(r)} 0 1 0 {n(-2 * r)} 0z"


def _rows(count: int, centred: bool) -> list[float]:
    """Offsets of `count` rows from the middle, top to bottom; around a band when `centred`."""
    if not centred:
        return [(i - (count - 1) / 2) * ROW for i in range(count)]
    above, below = (count + 1) // 2, count // 2
    return [-(CENTRE_BAND + j) * ROW for j in reversed(range(above))] + [(CENTRE_BAND + j) * ROW for j in range(below)]


def _radius(weight: int, heaviest: int) -> float:
    return 4.5 + 4.5 * math.sqrt(weight / heaviest) if heaviest else 6.0


def _place(node: NodeInput, x: float, y: float, r: float, side: int, cx: float) -> PlacedNode:
    """A node on the left (`side` -1) or right (1) arc, its name outward."""
    room = cx - abs(x - cx) - r - LABEL_GAP - 4
    lines = wrap(node.label, room)
    lx = x + side * (r + LABEL_GAP)
    if len(lines) == 1:
        baselines, width = [y + FONT * 0.35], text_width(lines[0])
    else:
        baselines, width = [y - 2.5, y + SMALL_FONT - 0.5], max(text_width(line, SMALL_FONT) for line in lines)
    width += r * 2 + LABEL_GAP + 4
    left = x - r - 2 if side > 0 else x + r + 2 - width
    hit = (number(left), number(y - ROW / 2), number(width), number(ROW))
    anchor = "start" if side > 0 else "end"
    label_y = tuple(number(b) for b in baselines)
    return PlacedNode(node.id, node.href, node.label, lines, node.kind, shape(node.kind, x, y, r), number(lx), label_y, anchor, hit)


def _centre(node: NodeInput, cx: float, cy: float) -> PlacedNode:
    label = fit(node.label, WIDTH - 2 * MARGIN, FONT + 1)
    y = cy + CENTRE_R + FONT - 6
    hit = (number(cx - 20), number(cy - CENTRE_R - 8), "40", number(CENTRE_R * 2 + FONT + 12))
    return PlacedNode(
        node.id, node.href, node.label, (label,), node.kind, shape(node.kind, cx, cy - 8, CENTRE_R), number(cx), (number(y),), "middle", hit
    )


def _curve(a: tuple[float, float], b: tuple[float, float], cx: float, cy: float) -> str:
    """A line between two nodes: straight across the middle; between two nodes of one arc,
    bent towards the middle, so that it does not run over the nodes between them."""
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    pull = 0.8 if (a[0] - cx) * (b[0] - cx) > 0 else 0.0
    qx, qy = mx + (cx - mx) * pull, my
    return f"M{number(a[0])} {number(a[1])}Q{number(qx)} {number(qy)} {number(b[0])} {number(b[1])}"


def _strength(weight: int, heaviest: int) -> int:
    return 1 + min(3, int(4 * weight / heaviest - 1e-9)) if heaviest else 1


def layout(nodes: Sequence[NodeInput], edges: Sequence[tuple[str, str, int]], centre: NodeInput | None = None) -> MapDrawing:
    """Nodes in the given order, down the left arc then down the right one; `edges` (id, id,
    weight) between any of them, the entity in the middle (`centre`) included."""
    left_count = (len(nodes) + 1) // 2
    offsets = [_rows(left_count, centre is not None), _rows(len(nodes) - left_count, centre is not None)]
    reach = max((abs(o) for side in offsets for o in side), default=0.0)
    height = math.ceil(2 * max(reach + ROW / 2, (CENTRE_BAND + 0.5) * ROW if centre else ROW / 2) + 2 * MARGIN)
    cx, cy = WIDTH / 2, height / 2
    arc_y = max(reach * 1.25, ROW)
    heaviest = max((n.weight for n in nodes), default=0)
    placed: dict[str, tuple[float, float]] = {}
    drawn = []
    for side, (members, rows) in zip((-1, 1), ((nodes[:left_count], offsets[0]), (nodes[left_count:], offsets[1])), strict=True):
        for node, dy in zip(members, rows, strict=True):
            x = cx + side * ARC_X * math.sqrt(max(0.0, 1 - (dy / arc_y) ** 2))
            placed[node.id] = (x, cy + dy)
            drawn.append(_place(node, x, cy + dy, _radius(node.weight, heaviest), side, cx))
    middle = _centre(centre, cx, cy) if centre else None
    if centre:
        placed[centre.id] = (cx, cy - 8)
    heaviest_edge = max((w for _, _, w in edges), default=0)
    lines = []
    for a, b, weight in edges:
        if a in placed and b in placed:
            is_centre = centre is not None and centre.id in (a, b)
            path = (
                _curve(placed[a], placed[b], cx, cy)
                if not is_centre
                else f"M{number(placed[a][0])} {number(placed[a][1])}L{number(placed[b][0])} {number(placed[b][1])}"
            )
            lines.append(PlacedEdge(path, _strength(weight, heaviest_edge), is_centre))
    lines.sort(key=lambda e: e.centre)  # lines between other nodes first, under those from the middle
    return MapDrawing(WIDTH, height, middle, tuple(drawn), tuple(lines))
