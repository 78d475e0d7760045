"""Numbers as sources give them (contract v2, "Measures" and "Values"), and discrepancies.

A value is a number (`52`) or a range with at least one end (`{min: 1300, max: 1400}`,
`{min: 1001}` for "more than 1,000", `{max: 1199}` for "fewer than 1,200"); ends are
inclusive. `approximate` says the source gives it loosely ("about 50", "nearly 1,200").

Each value stands for an interval of the numbers it allows:
- a number v: [v, v]; a range: [min, max], a missing end open (infinite);
- approximate: each written end is widened by tolerance × |end| (the measure's tolerance,
  0.1 by default): about 50 is [45, 55]; about 1,300–1,400 is [1,170, 1,540]; an open end
  stays open (approximately more than 1,000 is [900, ∞)).
Claims sharing a measure conflict exactly when two of their intervals are disjoint (on a
line, that is when the largest low end exceeds the smallest high end).

(v3) Ends are exact fractions of the numbers as written (exact.py): about 0.7 with
tolerance 0.1 is exactly [0.63, 0.77]; a number too precise for that is an error.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .dates import FieldProblem, describe
from .exact import Exact, exact, plain, too_precise

DEFAULT_TOLERANCE = 0.1
Number = int | float


@dataclass(frozen=True)
class Range:
    """Inclusive ends; at least one is given (the other None: open)."""

    min: Number | None = None
    max: Number | None = None


Value = Number | Range


@dataclass(frozen=True)
class Measure:
    """A declared measure: what readers see instead of its id, and its unit."""

    id: str
    name: str
    unit: str | None = None
    tolerance: float = DEFAULT_TOLERANCE
    summary: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "unit": self.unit, "tolerance": self.tolerance, "summary": self.summary}


@dataclass(frozen=True)
class Quantity:
    """A claim's number: its measure id, its value, how loosely it is given, and its unit if written."""

    measure: str
    value: Value
    approximate: bool = False
    unit: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"measure": self.measure, "value": value_json(self.value), "approximate": self.approximate, "unit": self.unit}

    def value_json(self) -> Number | dict[str, Number | None]:
        """Kept for callers of v1: the value in the export's form."""
        return value_json(self.value)

    def comparable(self) -> tuple[Exact, Exact, bool]:
        """Kept for callers of v1: equal for values that read the same (52 and 52.0)."""
        return value_key(self.value, self.approximate)


@dataclass(frozen=True)
class Interval:
    """Closed interval of the real line, exact (fractions); -inf/inf for an open end."""

    low: Exact
    high: Exact

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


def value_json(value: Value) -> Number | dict[str, Number | None]:
    """52, or {"min": 1001, "max": null}."""
    return {"min": value.min, "max": value.max} if isinstance(value, Range) else value


def value_key(value: Value, approximate: bool) -> tuple[Exact, Exact, bool]:
    """Equal for values that read the same (52 and 52.0), whatever the tolerance; exact."""
    if isinstance(value, Range):
        low = -math.inf if value.min is None else exact(value.min)
        high = math.inf if value.max is None else exact(value.max)
        return (low, high, approximate)
    return (exact(value), exact(value), approximate)


def interval(value: Value, approximate: bool = False, tolerance: float = DEFAULT_TOLERANCE) -> Interval:
    """The numbers the value allows (module docstring), exactly."""
    low, high, _ = value_key(value, approximate)
    if approximate:
        spread = exact(tolerance)
        low = low - spread * abs(low) if isinstance(low, Fraction) else low
        high = high + spread * abs(high) if isinstance(high, Fraction) else high
    return Interval(low, high)


def is_conflict(intervals: Iterable[Interval]) -> bool:
    """True exactly when some two of the intervals are disjoint."""
    items = list(intervals)
    return bool(items) and max(i.low for i in items) > min(i.high for i in items)


def in_conflict(intervals: Sequence[Interval]) -> tuple[bool, ...]:
    """For each interval: is it disjoint from at least one of the others?

    It is exactly when it ends below the largest low end of the others, or starts above their
    smallest high end; the two largest lows and two smallest highs give that for every one.
    """
    order_low = sorted(range(len(intervals)), key=lambda i: intervals[i].low, reverse=True)[:2]
    order_high = sorted(range(len(intervals)), key=lambda i: intervals[i].high)[:2]

    def other(order: list[int], index: int, attr: str, default: float) -> Exact:
        rest = [position for position in order if position != index]
        found: Exact = getattr(intervals[rest[0]], attr) if rest else default
        return found

    return tuple(
        item.high < other(order_low, index, "low", -math.inf) or item.low > other(order_high, index, "high", math.inf)
        for index, item in enumerate(intervals)
    )


# ----- shown as the sources give them -----


def format_number(number: Number) -> str:
    """With thousands separators and exactly the digits written: 1300 -> "1,300", 4.5 -> "4.5"."""
    if isinstance(number, float):
        if number.is_integer():
            number = int(number)
        else:
            return f"{Decimal(repr(number)):,f}"
    return f"{number:,}"


def _trailing_zeros(number: int) -> int:
    count, number = 0, abs(number)
    while number and number % 10 == 0:
        count, number = count + 1, number // 10
    return count


def _is_whole(number: Number) -> bool:
    return isinstance(number, int) or number.is_integer()


def _counted(unit: str | None) -> bool:
    """'fewer than 1,200 people' but 'less than 5 km': a plural unit (or none) counts things."""
    return unit is None or unit.endswith("s") or unit in ("people", "children")


def _lower_bound(low: Number, approximately: str) -> str:
    """{min: 1001}: "more than 1,000" (how a source says it); {min: 1000}: "at least 1,000"."""
    if _is_whole(low) and _trailing_zeros(int(low) - 1) > _trailing_zeros(int(low)):
        return f"more than {approximately}{format_number(int(low) - 1)}"
    return f"at least {approximately}{format_number(low)}"


def _upper_bound(high: Number, approximately: str, unit: str | None) -> str:
    """{max: 1199}: "fewer than 1,200"; {max: 1200}: "at most 1,200"."""
    if _is_whole(high) and _trailing_zeros(int(high) + 1) > _trailing_zeros(int(high)):
        return f"{'fewer' if _counted(unit) else 'less'} than {approximately}{format_number(int(high) + 1)}"
    return f"at most {approximately}{format_number(high)}"


def display_value(value: Value, approximate: bool = False, unit: str | None = None) -> str:
    """ "52", "about 1,200 people", "more than 1,000", "fewer than 1,200", "1,300–1,400"."""
    about = "about " if approximate else ""
    if not isinstance(value, Range):
        text = about + format_number(value)
    elif value.min is not None and value.max is not None:
        numbers = (format_number(value.min),) if value.min == value.max else (format_number(value.min), format_number(value.max))
        text = about + "–".join(numbers)
    elif value.min is not None:
        text = _lower_bound(value.min, about)
    else:
        assert value.max is not None
        text = _upper_bound(value.max, about, unit)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def display_quantity(quantity: Quantity, measure: Measure | None = None) -> str:
    """The claim's value with its unit (the claim's, else the measure's)."""
    unit = quantity.unit or (measure.unit if measure else None)
    return display_value(quantity.value, quantity.approximate, unit)


# ----- reading and checking -----

VALUE_EXPECT = "a number, or a {min, max} range of numbers"


def _number(raw: object) -> bool:
    """A number: a finite float, an int, or a Decimal (too precise for a float: refused as such)."""
    if isinstance(raw, float):
        return math.isfinite(raw)
    return isinstance(raw, (int, Decimal)) and not isinstance(raw, bool)


def _precise(raw: int | float | Decimal, path: tuple[str, ...]) -> Number | FieldProblem:
    """(v3) The number, or the error that it is too precise to compare (never its digits: it may have thousands)."""
    why = too_precise(raw)
    if why is None:
        return plain(raw) if isinstance(raw, Decimal) else raw
    where = f"'{path[-1]}' " if path else ""
    return FieldProblem(
        path,
        f"{where}is too precise to compare: {why}",
        "give the number as the source writes it, with at most 15 significant digits "
        "(a very large count can be given in a larger unit, such as millions)",
        "too-precise",
        ", " if path else " ",
    )


def parse_value(raw: object) -> Value | list[FieldProblem]:
    """A `value:` as the YAML reader gives it, or every problem in it; paths are below the value."""
    if _number(raw):
        assert isinstance(raw, (int, float, Decimal))
        number = _precise(raw, ())
        return [number] if isinstance(number, FieldProblem) else number
    if not isinstance(raw, dict):
        hint = "write numbers without separators or words: 1300, not 1,300" if isinstance(raw, str) else ""
        return [FieldProblem((), f"should be {VALUE_EXPECT}, not {describe(raw)}", hint, "type")]
    problems = [
        FieldProblem((), f"has the unknown field '{key}'", "a range has only min: and max:", "unknown-field")
        for key in raw
        if key not in ("min", "max")
    ]
    if "min" not in raw and "max" not in raw:
        problems.append(
            FieldProblem((), "is a range with neither min: nor max:", 'give min: ("more than"), max: ("fewer than") or both', "range")
        )
    for key in ("min", "max"):
        if key in raw and not _number(raw[key]):
            problems.append(FieldProblem((key,), f"'{key}' should be a number, not {describe(raw[key])}", "", "type", ", "))
    if problems:
        return problems
    ends = {key: _precise(raw[key], (key,)) for key in ("min", "max") if key in raw}
    refused = [end for end in ends.values() if isinstance(end, FieldProblem)]
    if refused:
        return refused
    low, high = ends.get("min"), ends.get("max")
    assert not isinstance(low, FieldProblem) and not isinstance(high, FieldProblem)
    if low is not None and high is not None and low > high:
        return [
            FieldProblem((), f"min ({format_number(low)}) is larger than max ({format_number(high)})", "swap min and max", "range", ": ")
        ]
    return Range(low, high)


def parse_quantity(raw: Mapping[str, Any]) -> Quantity | list[FieldProblem]:
    """A `quantity:` mapping (already of the schema's shape, or not); paths are below it."""
    problems: list[FieldProblem] = []
    measure = raw.get("measure")
    if not isinstance(measure, str) or not measure.strip():
        problems.append(FieldProblem(("measure",), f"'measure' should be a measure id, not {describe(measure)}", "", "type", ", "))
    value = parse_value(raw.get("value"))
    if isinstance(value, list):
        problems += [FieldProblem(("value", *p.path), p.message, p.hint, p.code, ", 'value'" + p.joiner) for p in value]
    approximate = raw.get("approximate", False)
    if not isinstance(approximate, bool):
        problems.append(
            FieldProblem(("approximate",), f"'approximate' should be true or false, not {describe(approximate)}", "", "type", ", ")
        )
    unit = raw.get("unit")
    if unit is not None and (not isinstance(unit, str) or not unit.strip()):
        problems.append(FieldProblem(("unit",), f"'unit' should be text, not {describe(unit)}", "", "type", ", "))
    if problems or isinstance(value, list):
        return problems
    assert isinstance(measure, str)
    return Quantity(measure.strip(), value, approximate, unit.strip() if isinstance(unit, str) else None)


# ----- discrepancies -----


@dataclass(frozen=True)
class MeasuredValue:
    """One claim's value of a measure, with the interval it stands for."""

    claim: str
    quantity: Quantity
    interval: Interval
    in_conflict: bool  # disjoint from at least one other value of the measure

    def to_json(self) -> dict[str, Any]:
        return {"claim": self.claim, "value": value_json(self.quantity.value), "approximate": self.quantity.approximate}


@dataclass(frozen=True)
class Discrepancy:
    """Claims giving a measure different values; a conflict when two of them cannot both be right."""

    measure: str
    name: str  # the measure's name, or its id when it is not declared
    unit: str | None
    conflict: bool
    values: tuple[MeasuredValue, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "name": self.name,
            "unit": self.unit,
            "conflict": self.conflict,
            "values": [value.to_json() for value in self.values],
        }


def _common_unit(quantities: Sequence[Quantity]) -> str | None:
    units = {q.unit for q in quantities if q.unit}
    return units.pop() if len(units) == 1 else None


def discrepancy(measure_id: str, values: Sequence[tuple[str, Quantity]], measure: Measure | None) -> Discrepancy | None:
    """The measure's discrepancy, or None when all its values read the same (52 and 52.0 do)."""
    if len({value_key(q.value, q.approximate) for _, q in values}) < 2:
        return None
    tolerance = measure.tolerance if measure else DEFAULT_TOLERANCE
    intervals = [interval(q.value, q.approximate, tolerance) for _, q in values]
    flags = in_conflict(intervals)
    return Discrepancy(
        measure=measure_id,
        name=measure.name if measure else measure_id,
        unit=measure.unit if measure and measure.unit else _common_unit([q for _, q in values]),
        conflict=any(flags),
        values=tuple(MeasuredValue(claim, q, span, flag) for (claim, q), span, flag in zip(values, intervals, flags, strict=True)),
    )


def find_discrepancies(quantities: Iterable[tuple[str, Quantity]], measures: Mapping[str, Measure]) -> tuple[Discrepancy, ...]:
    """Every measure whose claims give different values, in order of first use; (claim id, quantity) in."""
    by_measure: dict[str, list[tuple[str, Quantity]]] = {}
    for claim, quantity in quantities:
        by_measure.setdefault(quantity.measure, []).append((claim, quantity))
    found = (discrepancy(measure, values, measures.get(measure)) for measure, values in by_measure.items())
    return tuple(d for d in found if d is not None)
