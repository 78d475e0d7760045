"""Plain geometry for the relationship maps: text widths, names wrapped, shapes, and whether
a line runs through a box (a name). Pure functions of a few values, cached: an entity is
drawn on the map of each entity it is connected to."""

from __future__ import annotations

import functools
import itertools
import math
import re

FONT = 15.5  # px in viewBox units, as the stylesheet sets it: >= 12 px on a 390 px phone
LINE = 18  # from one line of a name to the next
# Rough advance widths (in em) of a sans-serif font: a name's box is never narrower than its text.
_NARROW, _WIDE = set("fijlrtI.,'’ ()"), set("mwMW")
_DASHES = re.compile(r"[^–-]+[–-]?|[–-]")  # a long word breaks after a dash first ("Trump–" / "Lukashenko")
Box = tuple[float, float, float, float]  # left, top, right, bottom
Point = tuple[float, float]


@functools.lru_cache(maxsize=16384)
def number(value: float) -> str:
    """One decimal at most, and no "-0": coordinates as the SVG gets them."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@functools.lru_cache(maxsize=16384)
def text_width(text: str, size: float = FONT) -> float:
    return size * sum(0.3 if c in _NARROW else 0.85 if c in _WIDE else 0.64 if c.isupper() else 0.57 for c in text)


def _split_word(word: str, room: float) -> list[str]:
    """A word wider than the room, in pieces that fit (never cut short: every letter is kept)."""
    if text_width(word) <= room:
        return [word]
    pieces, piece = [], ""
    for char in word:
        if piece and text_width(piece + char + "-") > room:
            pieces.append(piece + "-")
            piece = ""
        piece += char
    return [*pieces, piece]


@functools.lru_cache(maxsize=16384)
def wrap(text: str, room: float) -> tuple[str, ...]:
    """The whole text, on as many lines as it takes, broken between words (or inside a word
    wider than the room, with a hyphen); never shortened."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        pieces = [word] if text_width(word) <= room else [p for part in _DASHES.findall(word) for p in _split_word(part, room)]
        for piece in pieces:
            candidate = f"{line} {piece}" if line else piece
            if line and text_width(candidate) > room:
                lines.append(line)
                candidate = piece
            line = candidate
    return (*lines, line) if line else tuple(lines) or ("",)


def block_width(lines: tuple[str, ...]) -> float:
    return max(text_width(line) for line in lines)


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


def quadratic(a: Point, control: Point, b: Point, steps: int = 16) -> list[Point]:
    """Points along the quadratic Bézier curve from a to b: the line as drawn, for hit tests."""
    found = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        found.append((u * u * a[0] + 2 * u * t * control[0] + t * t * b[0], u * u * a[1] + 2 * u * t * control[1] + t * t * b[1]))
    return found


def _segment_hits(p: Point, q: Point, box: Box) -> bool:
    """Whether the segment p-q enters the box (Liang-Barsky clipping)."""
    low, high = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for step, distance in ((-dx, p[0] - box[0]), (dx, box[2] - p[0]), (-dy, p[1] - box[1]), (dy, box[3] - p[1])):
        if step == 0:
            if distance < 0:
                return False
            continue
        ratio = distance / step
        if step < 0:
            low = max(low, ratio)
        else:
            high = min(high, ratio)
        if low > high:
            return False
    return True


def hits(points: list[Point], boxes: list[Box]) -> int:
    """How many of the boxes the line through `points` runs into."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    found = 0
    for box in boxes:
        if box[0] > right or box[2] < left or box[1] > bottom or box[3] < top:
            continue  # far from the whole line: most boxes, at no cost
        for p, q in itertools.pairwise(points):
            near = max(p[0], q[0]) >= box[0] and min(p[0], q[0]) <= box[2] and max(p[1], q[1]) >= box[1] and min(p[1], q[1]) <= box[3]
            if near and _segment_hits(p, q, box):
                found += 1
                break
    return found


def edge_to_box(centre: Point, target: Point, box: Box) -> Point:
    """Where the ray from `centre` (inside the box) towards `target` leaves the box."""
    dx, dy = target[0] - centre[0], target[1] - centre[1]
    scales = []
    if dx:
        scales.append(((box[2] if dx > 0 else box[0]) - centre[0]) / dx)
    if dy:
        scales.append(((box[3] if dy > 0 else box[1]) - centre[1]) / dy)
    t = min(scales, default=0.0)
    return centre[0] + dx * t, centre[1] + dy * t
