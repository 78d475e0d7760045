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
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .dates import FieldProblem, describe
from .suggest import did_you_mean

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

    def comparable(self) -> tuple[float, float, bool]:
        """Kept for callers of v1: equal for values that read the same (52 and 52.0)."""
        return value_key(self.value, self.approximate)


@dataclass(frozen=True)
class Interval:
    """Closed interval of the real line; -inf/inf for an open end."""

    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


def value_json(value: Value) -> Number | dict[str, Number | None]:
    """52, or {"min": 1001, "max": null}."""
    return {"min": value.min, "max": value.max} if isinstance(value, Range) else value


def value_key(value: Value, approximate: bool) -> tuple[float, float, bool]:
    """Equal for values that read the same (52 and 52.0), whatever the tolerance."""
    if isinstance(value, Range):
        low = -math.inf if value.min is None else float(value.min)
        high = math.inf if value.max is None else float(value.max)
        return (low, high, approximate)
    return (float(value), float(value), approximate)


def interval(value: Value, approximate: bool = False, tolerance: float = DEFAULT_TOLERANCE) -> Interval:
    """The numbers the value allows (module docstring)."""
    low, high, _ = value_key(value, approximate)
    if approximate:
        if math.isfinite(low):
            low -= tolerance * abs(low)
        if math.isfinite(high):
            high += tolerance * abs(high)
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

    def other(order: list[int], index: int, attr: str, default: float) -> float:
        rest = [position for position in order if position != index]
        return float(getattr(intervals[rest[0]], attr)) if rest else default

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
    return isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw)


def parse_value(raw: object) -> Value | list[FieldProblem]:
    """A `value:` as the YAML reader gives it, or every problem in it; paths are below the value."""
    if _number(raw):
        assert isinstance(raw, (int, float))
        return raw
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
    low, high = raw.get("min"), raw.get("max")
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


def check_unit(quantity: Quantity, measure: Measure | None) -> FieldProblem | None:
    """A claim's unit must be its measure's unit when both are given (path below the quantity)."""
    if measure is None or measure.unit is None or quantity.unit is None or quantity.unit == measure.unit.strip():
        return None
    return FieldProblem(
        ("unit",),
        f"the unit '{quantity.unit}' is not the unit of measure '{measure.id}' ({measure.unit})",
        f"give the value in {measure.unit} and write unit: {measure.unit}, or leave unit: out (the measure's unit applies)",
        "unit",
        ": ",
    )


def check_measure(quantity: Quantity, measures: Mapping[str, Measure]) -> FieldProblem | None:
    """An undeclared measure: an error once the dossier declares measures, else a warning."""
    if quantity.measure in measures:
        return None
    if not measures:
        return FieldProblem(
            ("measure",),
            f"the measure '{quantity.measure}' is not declared, so the site shows its id",
            "declare it under measures: with a name (and a unit), so readers see what is counted",
            "undeclared-measure",
            ": ",
            severity="warning",
        )
    return FieldProblem(
        ("measure",),
        f"no measure has the id '{quantity.measure}'",
        did_you_mean(quantity.measure, measures) or "fix the spelling, or declare it under measures:",
        "unknown-measure",
        ": ",
    )


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


def unit_disagreements(quantities: Iterable[tuple[str, Quantity]], measures: Mapping[str, Measure]) -> list[tuple[str, FieldProblem]]:
    """Claims of an undeclared measure written in different units (1 km against 1000 m):
    a warning at each claim whose unit differs from the first one given (path below the quantity)."""
    first: dict[str, tuple[str, str]] = {}
    found: list[tuple[str, FieldProblem]] = []
    for claim, quantity in quantities:
        if quantity.unit is None or quantity.measure in measures:
            continue
        seen = first.setdefault(quantity.measure, (claim, quantity.unit))
        if seen[1] != quantity.unit:
            message = f"the unit '{quantity.unit}' differs from '{seen[1]}' in claim '{seen[0]}' for the same measure '{quantity.measure}'"
            hint = f"declare the measure under measures: with one unit, and give every value in it ({seen[1]} or {quantity.unit})"
            found.append((claim, FieldProblem(("unit",), message, hint, "unit", ": ", "warning")))
    return found
