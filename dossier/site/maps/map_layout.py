"""Where the nodes, names and lines of a relationship map go: plain numbers, for an SVG template.

The nodes sit on the left and right arcs of an ellipse, one a row, with their names outward
and wrapped to as many lines as they take (never cut), so no two names can overlap; every
line runs inside the ellipse, away from the names. A map of one entity has it in the middle,
its name in a box the lines start from. The order of the nodes around the ellipse is the one
with the fewest crossings (map_order.py); a line that would still run into a name or the
middle box is bent around it, and of the orders tried, the first whose lines touch no name
is drawn. Every coordinate is written with one decimal: the same input gives the same
picture, byte for byte.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .map_geometry import FONT, LINE, Box, Point, block_width, edge_to_box, hits, number, quadratic, shape, text_width, wrap
from .map_order import ranked_orders

WIDTH = 440  # of the viewBox; the SVG scales to the page's width
TAP = 30  # the least height of a name's tap area: 24 px (WCAG 2.2 target size) on a drawing 352 px wide (a 390 px phone)
MARGIN = 8
GAP = 6  # between a node and its name
ROW_PAD = 6  # above and below a name in its row: a one-line row is still a 24 px tap target on a phone
MIN_ARC_X = 64  # half the width of the ellipse the nodes sit on, at its widest
CENTRE_ROOM = 112  # the widest line of the middle entity's name
BOX_PAD = 7
R_MAX = 9.0
ORDERS_TRIED = 5
ARC_STRETCH = 1.6  # the ellipse runs this much beyond the top and bottom rows: flatter arcs, names clear of the lines


@dataclass(frozen=True)
class NodeInput:
    id: str
    label: str
    kind: str  # "person", "country", ...: its shape and colour
    href: str  # "" for the entity the map is of
    weight: int  # sizes the node: its connection's (or its total) weight
    relation: str = ""  # how it is connected to the entity in the middle, in words


@dataclass(frozen=True)
class PlacedNode:
    id: str
    href: str
    full_label: str
    lines: tuple[str, ...]  # the whole name, on one line or more
    kind: str
    shape: str  # an SVG path
    label_x: str
    label_y: tuple[str, ...]  # the baseline of each line
    anchor: str  # "start", "end" or "middle"
    hit: tuple[str, str, str, str]  # x, y, width, height of the tap area (or of the middle box)
    relation: str  # shown on hover and focus
    tip: tuple[str, str, str, str]  # x, y, width, height of the box the relation is shown in
    tip_x: str
    tip_y: str


@dataclass(frozen=True)
class PlacedEdge:
    path: str
    strength: int  # 1 to 4, for the line's width
    centre: bool  # a line from the entity in the middle
    title: str  # the connection in words


@dataclass(frozen=True)
class MapDrawing:
    width: int
    height: int
    centre: PlacedNode | None
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]
    crossings: int  # lines crossing each other (counted from the order)
    label_hits: int  # lines running into a name: 0 unless no order avoided it


def _radius(weight: int, heaviest: int) -> float:
    return 4.5 + (R_MAX - 4.5) * math.sqrt(weight / heaviest) if heaviest else 6.0


def _strength(weight: int, heaviest: int) -> int:
    return 1 + min(3, int(4 * weight / heaviest - 1e-9)) if heaviest else 1


def _strs(*values: float) -> tuple[str, ...]:
    return tuple(number(v) for v in values)


@dataclass
class _Frame:
    """What every node of one drawing shares: the ellipse and the room for names."""

    cx: float
    cy: float
    arc_x: float
    arc_y: float
    room: float
    height: float
    centre_box: Box | None


def _rows(heights: list[float], inner: float) -> list[float]:
    """The middle of each row, top to bottom, the rows spread over `inner`."""
    extra = (inner - sum(heights)) / len(heights) if heights else 0.0
    middles, top = [], float(MARGIN)
    for height in heights:
        middles.append(top + (height + extra) / 2)
        top += height + extra
    return middles


def _node(node: NodeInput, y: float, side: int, frame: _Frame, heaviest: int) -> tuple[PlacedNode, Box, Point]:
    """A node on the left (`side` -1) or right (1) arc, its name outward; and its name's box."""
    r = _radius(node.weight, heaviest)
    x = frame.cx + side * frame.arc_x * math.sqrt(max(0.0, 1 - ((y - frame.cy) / frame.arc_y) ** 2))
    lines = wrap(node.label, frame.room)
    width = block_width(lines)
    near = x + side * (r + GAP)
    far = near + side * width
    top = y - len(lines) * LINE / 2
    box = (min(near, far), top, max(near, far), top + len(lines) * LINE)
    baselines = _strs(*(top + LINE * (i + 0.5) + FONT * 0.35 for i in range(len(lines))))
    hit_left, hit_right = min(x - side * (r + 2), far), max(x - side * (r + 2), far)
    tall = max(len(lines) * LINE + 6, TAP)
    hit = _strs(hit_left, top - 3 - (tall - len(lines) * LINE - 6) / 2, hit_right - hit_left, tall)
    tip_width = text_width(node.relation) + 10 if node.relation else 0.0
    tip_top = box[3] + 3 if box[3] + LINE + 12 < frame.height else box[1] - LINE - 9
    tip_left = min(max(MARGIN, box[0] if side > 0 else box[2] - tip_width), max(MARGIN, WIDTH - MARGIN - tip_width))
    tip = _strs(tip_left, tip_top, tip_width, LINE + 6)
    anchor = "start" if side > 0 else "end"
    placed = PlacedNode(
        node.id, node.href, node.label, lines, node.kind, shape(node.kind, x, y, r), number(near), baselines, anchor, hit,  # type: ignore[arg-type]
        node.relation, tip, number(tip_left + 5), number(tip_top + 3 + LINE / 2 + FONT * 0.35),  # type: ignore[arg-type]
    )  # fmt: skip
    return placed, box, (x, y)


def _centre(node: NodeInput, cx: float, cy: float) -> tuple[PlacedNode, Box]:
    lines = wrap(node.label, max(CENTRE_ROOM, max(block_width((w,)) for w in node.label.split() or [""])))
    width, height = block_width(lines) + 2 * BOX_PAD, len(lines) * LINE + 2 * BOX_PAD
    box = (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
    baselines = _strs(*(box[1] + BOX_PAD + LINE * (i + 0.5) + FONT * 0.35 for i in range(len(lines))))
    hit = _strs(box[0], box[1], width, height)
    return PlacedNode(node.id, "", node.label, lines, node.kind, "", number(cx), baselines, "middle", hit, "", hit, "", ""), box  # type: ignore[arg-type]


def _frame(order_heights: tuple[list[float], list[float]], centre_size: tuple[float, float] | None) -> _Frame:
    inner = max(sum(order_heights[0]), sum(order_heights[1]), (centre_size[1] + 8 * LINE) if centre_size else 0.0)
    cy = MARGIN + inner / 2
    arc_y = inner / 2 * ARC_STRETCH + LINE
    arc_x = float(MIN_ARC_X)
    if centre_size:  # the rows beside the middle box stay clear of it
        half_w, half_h = centre_size[0] / 2, centre_size[1] / 2
        arc_x = max(arc_x, (half_w + R_MAX + 12) / math.sqrt(max(0.2, 1 - ((half_h + LINE) / arc_y) ** 2)))
    room = WIDTH / 2 - arc_x - R_MAX - GAP - MARGIN
    return _Frame(WIDTH / 2, cy, arc_x, arc_y, room, inner + 2 * MARGIN, None)


def _row_height(node: NodeInput, room: float) -> float:
    return len(wrap(node.label, room)) * LINE + 2 * ROW_PAD


def _bends(a: Point, b: Point, frame: _Frame, same_side: bool) -> list[Point]:
    """Control points to try for a line between two nodes, the straightest first."""
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    if same_side:
        return [(mx + (frame.cx - mx) * pull, my) for pull in (0.5, 0.9, 1.3, 0.2)]
    found = [(mx, my)]
    box = frame.centre_box
    if box is not None:
        for clearance in (12, 30, 60, 100):  # the curve's middle that far above, or below, the middle box
            found += [(frame.cx, 2 * (box[1] - clearance) - my), (frame.cx, 2 * (box[3] + clearance) - my)]
        for clearance in (10, 24):  # or beside it, for a line from above the box to below it
            found += [(2 * (box[2] + clearance) - mx, my), (2 * (box[0] - clearance) - mx, my)]
        for reach in (30, 60):  # or round one of its corners
            found += [(x, y) for x in (box[0] - reach, box[2] + reach) for y in (box[1] - reach, box[3] + reach)]
    return found


def _line(a: Point, b: Point, frame: _Frame, boxes: list[Box], same_side: bool) -> tuple[str, int]:
    """The path of a line between two nodes, bent around names if need be, and the names it still runs into."""
    best: tuple[int, Point] | None = None
    for control in _bends(a, b, frame, same_side):
        count = hits(quadratic(a, control, b), boxes)
        if best is None or count < best[0]:
            best = (count, control)
        if count == 0:
            break
    assert best is not None
    count, control = best
    n = number
    if control == ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2):
        return f"M{n(a[0])} {n(a[1])}L{n(b[0])} {n(b[1])}", count
    return f"M{n(a[0])} {n(a[1])}Q{n(control[0])} {n(control[1])} {n(b[0])} {n(b[1])}", count


def _draw(
    order: list[NodeInput], edges: Sequence[tuple[str, str, int]], centre: NodeInput | None, titles: Mapping[tuple[str, str], str]
) -> MapDrawing:
    half = (len(order) + 1) // 2
    sides = (order[:half], list(reversed(order[half:])))  # around the ellipse: down the left arc, up the right one
    centre_size = None
    if centre is not None:
        _, box = _centre(centre, 0.0, 0.0)
        centre_size = (box[2] - box[0], box[3] - box[1])
    room = WIDTH / 2 - MIN_ARC_X - R_MAX - GAP - MARGIN
    for _ in range(3):  # the room for names sets the rows' heights, which set the ellipse, which sets the room
        heights = ([_row_height(n, room) for n in sides[0]], [_row_height(n, room) for n in sides[1]])
        frame = _frame(heights, centre_size)
        if frame.room >= room - 0.5:
            break
        room = frame.room
    frame.room = room  # as the rows were measured
    heaviest = max((n.weight for n in order), default=0)
    placed, boxes, at = [], [], {}
    for side, members, middles in (
        (-1, sides[0], _rows(heights[0], frame.height - 2 * MARGIN)),
        (1, sides[1], _rows(heights[1], frame.height - 2 * MARGIN)),
    ):
        for node, y in zip(members, middles, strict=True):
            drawn, box, point = _node(node, y, side, frame, heaviest)
            placed.append(drawn)
            boxes.append(box)
            at[node.id] = point
    middle = None
    if centre is not None:
        middle, frame.centre_box = _centre(centre, frame.cx, frame.cy)
    return _edges(placed, boxes, at, edges, centre, middle, frame, titles)


def _edges(
    placed: list[PlacedNode], boxes: list[Box], at: dict[str, Point], edges: Sequence[tuple[str, str, int]],
    centre: NodeInput | None, middle: PlacedNode | None, frame: _Frame, titles: Mapping[tuple[str, str], str],
) -> MapDrawing:  # fmt: skip
    heaviest = max((w for _, _, w in edges), default=0)
    label_hits, lines = 0, []
    for a, b, weight in edges:
        title = titles.get((min(a, b), max(a, b)), "")
        if centre is not None and frame.centre_box is not None and centre.id in (a, b):
            target = at[b if a == centre.id else a]
            start = edge_to_box((frame.cx, frame.cy), target, frame.centre_box)
            label_hits += hits([start, target], boxes)
            path = f"M{number(start[0])} {number(start[1])}L{number(target[0])} {number(target[1])}"
            lines.append(PlacedEdge(path, _strength(weight, heaviest), True, title))
        elif a in at and b in at:
            same = (at[a][0] - frame.cx) * (at[b][0] - frame.cx) > 0
            path, count = _line(at[a], at[b], frame, boxes + ([frame.centre_box] if frame.centre_box else []), same)
            label_hits += count
            lines.append(PlacedEdge(path, _strength(weight, heaviest), False, title))
    lines.sort(key=lambda e: e.centre)  # lines between other nodes first, under those from the middle
    return MapDrawing(WIDTH, math.ceil(frame.height), middle, tuple(placed), tuple(lines), 0, label_hits)


def layout(
    nodes: Sequence[NodeInput],
    edges: Sequence[tuple[str, str, int]],
    centre: NodeInput | None = None,
    titles: Mapping[tuple[str, str], str] | None = None,
) -> MapDrawing:
    """`nodes` around the ellipse in the order with the fewest crossings; `edges` (id, id,
    weight) between any of them, the entity in the middle (`centre`) included; `titles` name
    each connection in words, by its two ids in sorted order."""
    by_id = {n.id: n for n in nodes}
    between = [(a, b, w) for a, b, w in edges if a in by_id and b in by_id]
    best: MapDrawing | None = None
    tries = [
        (count, order[shift:] + order[:shift])  # turned around the ellipse: the same crossings, other lines near the names
        for count, order in ranked_orders(list(by_id), between, centre is not None)[:ORDERS_TRIED]
        for shift in sorted({len(order) * k // 8 for k in range(8)})
    ]
    for count, order in tries:
        drawing = _draw([by_id[i] for i in order], edges, centre, titles or {})
        drawing = MapDrawing(drawing.width, drawing.height, drawing.centre, drawing.nodes, drawing.edges, count, drawing.label_hits)
        if best is None or drawing.label_hits < best.label_hits:
            best = drawing
        if drawing.label_hits == 0:
            break
    if best is None:  # no nodes
        return _draw([], edges, centre, titles or {})
    return best
