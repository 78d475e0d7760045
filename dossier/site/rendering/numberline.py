"""The number line of one measure: every claim's interval on one axis, as plain data.

The template (`numberline.html`) draws it as inline SVG at build time, so no chart library
runs in the browser. Positions are fractions of the axis (0 to 1000 "per mille") rather than
pixels: each row is its own small SVG that stretches to the width of the page, with its
label in HTML above it, so the chart reads on a 390 px phone as well as on a desktop.
The layout is a pure function of its input: the same values always give the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

AXIS = 1000  # the axis runs from 0 to AXIS in every row's viewBox
_PAD = 0.08  # room left on each side of the values, as a fraction of their span
_TARGET_TICKS = 5


@dataclass(frozen=True)
class Interval:
    """One claim's value on the axis: `low`/`high` None where the range is open."""

    claim_id: str
    label: str  # the value as the source gives it: "more than 1,000"
    low: float | None
    high: float | None
    origins: tuple[str, ...] = ()
    href: str = ""
    exact: tuple[float, float] | None = None  # the value before widening, for approximate values


@dataclass(frozen=True)
class Row:
    claim_id: str
    label: str
    origins: tuple[str, ...]
    href: str
    x1: float  # per mille of the axis
    x2: float
    open_low: bool  # the interval goes on past the left edge
    open_high: bool
    point: bool  # a single number: drawn as a mark, not a bar
    core: tuple[float, float] | None  # the unwidened part of an approximate value
    conflict: bool  # disjoint from at least one other row


@dataclass(frozen=True)
class Tick:
    x: float
    text: str


@dataclass(frozen=True)
class NumberLine:
    rows: tuple[Row, ...]
    ticks: tuple[Tick, ...]
    conflict: bool
    summary: str  # the chart in one sentence, for screen readers and as a caption


def disjoint(a: Interval, b: Interval) -> bool:
    """True when no number lies in both intervals (open ends reach to infinity)."""
    a_low, a_high = _bounds(a)
    b_low, b_high = _bounds(b)
    return a_high < b_low or b_high < a_low


def _bounds(value: Interval) -> tuple[float, float]:
    low = -math.inf if value.low is None else value.low
    high = math.inf if value.high is None else value.high
    return low, high


def _domain(values: Sequence[Interval]) -> tuple[float, float]:
    ends = [end for v in values for end in (v.low, v.high, *(v.exact or ())) if end is not None]
    low, high = min(ends), max(ends)
    span = high - low or abs(high) or 1.0
    low, high = low - span * _PAD, high + span * _PAD
    if min(ends) >= 0 > low:
        low = 0.0  # the values are counts or amounts: the axis does not go below zero for them
    return low, high


def nice_step(span: float, target: int = _TARGET_TICKS) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about `target` ticks."""
    raw = span / max(target, 1)
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def format_number(number: float) -> str:
    """1300 -> '1,300'; 4.5 -> '4.5'; no trailing '.0'."""
    if number == int(number):
        return f"{int(number):,}"
    return f"{number:,.6g}" if abs(number) >= 1000 else f"{number:.6g}"


def _ticks(low: float, high: float) -> tuple[Tick, ...]:
    step = nice_step(high - low)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(Tick(_scale(value, low, high), format_number(round(value, 10))))
        value += step
    return tuple(ticks)


def _scale(value: float, low: float, high: float) -> float:
    return round((value - low) / (high - low) * AXIS, 2)


def layout(values: Sequence[Interval]) -> NumberLine:
    """Rows in the order given, an axis with round ticks, and which rows conflict."""
    if not values:
        return NumberLine((), (), False, "No values.")
    low, high = _domain(values)
    conflicting: set[str] = set()
    for index, value in enumerate(values):
        for other in values[index + 1 :]:
            if disjoint(value, other):
                conflicting.update((value.claim_id, other.claim_id))
    rows = []
    for value in values:
        x1 = 0.0 if value.low is None else _scale(value.low, low, high)
        x2 = float(AXIS) if value.high is None else _scale(value.high, low, high)
        core = None
        if value.exact is not None:
            core = (_scale(value.exact[0], low, high), _scale(value.exact[1], low, high))
        rows.append(
            Row(
                claim_id=value.claim_id,
                label=value.label,
                origins=value.origins,
                href=value.href,
                x1=x1,
                x2=x2,
                open_low=value.low is None,
                open_high=value.high is None,
                point=value.low is not None and value.low == value.high,
                core=core,
                conflict=value.claim_id in conflicting,
            )
        )
    return NumberLine(tuple(rows), _ticks(low, high), bool(conflicting), _summary(values, bool(conflicting)))


def _summary(values: Sequence[Interval], conflict: bool) -> str:
    given = "; ".join(f"{v.label}" + (f" ({', '.join(v.origins)})" if v.origins else "") for v in values)
    verdict = (
        "Some of these values cannot all be right: their ranges do not overlap."
        if conflict
        else "These values overlap: the sources differ only in precision."
    )
    return f"{len(values)} values: {given}. {verdict}"
