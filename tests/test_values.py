"""Values, measures and discrepancies of contract v2: numbers as the sources give them."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.measure_checks import check_measure, check_unit, unit_disagreements
from dossier.values import (
    Interval,
    Measure,
    Quantity,
    Range,
    Value,
    display_quantity,
    display_value,
    find_discrepancies,
    in_conflict,
    interval,
    is_conflict,
    parse_quantity,
    parse_value,
)

PRISONERS = Measure("political-prisoners-held", "Political prisoners held in Belarus", "people")


def q(value: Value, approximate: bool = False, unit: str | None = None, measure: str = "political-prisoners-held") -> Quantity:
    return Quantity(measure, value, approximate, unit)


# ----- shown as the sources give them -----


@pytest.mark.parametrize(
    "value, approximate, unit, shown",
    [
        (52, False, None, "52"),
        (52.0, False, None, "52"),
        (Range(1001, None), False, None, "more than 1,000"),
        (Range(None, 1199), False, None, "fewer than 1,200"),
        (Range(1300, 1400), False, None, "1,300–1,400"),
        (1200, True, None, "about 1,200"),
        (50, True, "people", "about 50 people"),
        (Range(1001, None), False, "people", "more than 1,000 people"),
        (Range(None, 1199), False, "people", "fewer than 1,200 people"),
        (Range(None, 4.9), False, "km", "at most 4.9 km"),
        (Range(None, 9), False, "km", "less than 10 km"),
        (Range(1000, None), False, None, "at least 1,000"),
        (Range(None, 1200), False, None, "at most 1,200"),
        (Range(13, None), False, None, "at least 13"),
        (Range(301, None), True, None, "more than about 300"),
        (Range(1300, 1400), True, "people", "about 1,300–1,400 people"),
        (Range(7, 7), False, None, "7"),
        (4.5, False, "%", "4.5%"),
        (1234567.25, False, "USD", "1,234,567.25 USD"),
        (-3, False, None, "-3"),
    ],
)
def test_values_read_as_the_sources_give_them(value: Value, approximate: bool, unit: str | None, shown: str) -> None:
    assert display_value(value, approximate, unit) == shown


def test_a_claim_without_a_unit_is_shown_in_its_measures_unit() -> None:
    assert display_quantity(q(50, approximate=True), PRISONERS) == "about 50 people"
    assert display_quantity(q(50, unit="persons"), PRISONERS) == "50 persons"
    assert display_quantity(q(50)) == "50"


# ----- intervals and conflicts -----


@pytest.mark.parametrize(
    "value, approximate, tolerance, low, high",
    [
        (52, False, 0.1, 52, 52),
        (50, True, 0.1, 45, 55),
        (1200, True, 0.1, 1080, 1320),
        (1200, True, 0.0, 1200, 1200),
        (-50, True, 0.1, -55, -45),
        (Range(1300, 1400), False, 0.1, 1300, 1400),
        (Range(1300, 1400), True, 0.1, 1170, 1540),
        (Range(1001, None), False, 0.1, 1001, math.inf),
        (Range(1000, None), True, 0.1, 900, math.inf),
        (Range(None, 1199), False, 0.1, -math.inf, 1199),
    ],
)
def test_each_value_stands_for_an_interval(value: Value, approximate: bool, tolerance: float, low: float, high: float) -> None:
    found = interval(value, approximate, tolerance)
    assert found.low == pytest.approx(low) and found.high == pytest.approx(high)


def test_the_seeds_numbers_about_prisoners_do_not_conflict() -> None:
    # "more than 1,000" and "nearly 1,200" (issue 12): compatible, only given with different precision.
    [found] = find_discrepancies([("more-than-1000", q(Range(1001, None))), ("nearly-1200", q(1200, approximate=True))], {})
    assert found.conflict is False
    assert [v.in_conflict for v in found.values] == [False, False]


def test_a_number_inside_a_range_does_not_conflict() -> None:
    # "1,300" and "1,300 or 1,400".
    [found] = find_discrepancies([("a", q(1300)), ("b", q(Range(1300, 1400)))], {})
    assert found.conflict is False


def test_two_numbers_that_differ_conflict() -> None:
    [found] = find_discrepancies([("a", q(52)), ("b", q(123))], {"political-prisoners-held": PRISONERS})
    assert found.conflict is True
    assert found.name == "Political prisoners held in Belarus" and found.unit == "people"
    assert found.to_json() == {
        "measure": "political-prisoners-held",
        "name": "Political prisoners held in Belarus",
        "unit": "people",
        "conflict": True,
        "values": [{"claim": "a", "value": 52, "approximate": False}, {"claim": "b", "value": 123, "approximate": False}],
    }


def test_the_tolerance_of_the_measure_decides_how_far_about_reaches() -> None:
    values = [("a", q(50, approximate=True)), ("b", q(57))]
    [loose] = find_discrepancies(values, {"political-prisoners-held": Measure("political-prisoners-held", "P", tolerance=0.2)})
    [strict] = find_discrepancies(values, {"political-prisoners-held": Measure("political-prisoners-held", "P", tolerance=0.1)})
    assert (loose.conflict, strict.conflict) == (False, True)


def test_values_that_read_the_same_are_no_discrepancy() -> None:
    assert find_discrepancies([("a", q(52)), ("b", q(52.0)), ("c", q(52, unit="people"))], {}) == ()
    assert find_discrepancies([("a", q(Range(1001, None))), ("b", q(Range(1001.0, None)))], {}) == ()


def test_an_approximate_and_an_exact_value_differ_in_precision_only() -> None:
    [found] = find_discrepancies([("a", q(50)), ("b", q(50, approximate=True))], {})
    assert found.conflict is False


def test_only_the_values_apart_from_another_are_marked() -> None:
    [found] = find_discrepancies([("a", q(52)), ("b", q(Range(50, 60))), ("c", q(123))], {})
    assert found.conflict is True
    assert [v.in_conflict for v in found.values] == [True, True, True]
    [found] = find_discrepancies([("a", q(Range(40, 60))), ("b", q(50)), ("c", q(55))], {})
    assert [v.in_conflict for v in found.values] == [False, True, True]


def test_an_undeclared_measure_is_named_by_its_id_and_the_unit_its_claims_share() -> None:
    [found] = find_discrepancies([("a", q(1, unit="km", measure="m")), ("b", q(2, measure="m"))], {})
    assert (found.name, found.unit) == ("m", "km")


def test_measures_are_compared_apart_in_order_of_first_use() -> None:
    found = find_discrepancies([("a", q(1, measure="y")), ("b", q(1, measure="x")), ("c", q(2, measure="x")), ("d", q(3, measure="y"))], {})
    assert [d.measure for d in found] == ["y", "x"]


intervals = st.builds(
    lambda a, b: Interval(min(a, b), max(a, b)),
    st.one_of(st.just(-math.inf), st.integers(-50, 50).map(float)),
    st.one_of(st.just(math.inf), st.integers(-50, 50).map(float)),
)


@given(st.lists(intervals, min_size=1, max_size=8))
def test_conflict_exactly_when_some_two_intervals_are_disjoint(found: list[Interval]) -> None:
    disjoint = any(not (a.low <= b.high and b.low <= a.high) for a in found for b in found)
    assert is_conflict(found) == disjoint
    marked = in_conflict(found)
    for index, item in enumerate(found):
        others = found[:index] + found[index + 1 :]
        assert marked[index] == any(not (item.low <= b.high and b.low <= item.high) for b in others)


numbers = st.one_of(st.integers(-(10**7), 10**7), st.floats(-1e7, 1e7, allow_nan=False).filter(lambda x: x != 0 or math.copysign(1, x) > 0))


@st.composite
def values(draw: st.DrawFn) -> Value:
    kind = draw(st.sampled_from(["number", "range", "min", "max"]))
    if kind == "number":
        return draw(numbers)
    if kind == "min":
        return Range(draw(numbers), None)
    if kind == "max":
        return Range(None, draw(numbers))
    low, high = sorted([draw(numbers), draw(numbers)])
    return Range(low, high)


_SHOWN = re.compile(r"(about )?(?:(more than|at least|fewer than|less than|at most) (about )?)?(-?[\d,.]+)(?:–(-?[\d,.]+))?\Z")


def _read(text: str) -> Fraction:
    """The shown number, exactly (contract v3: intervals are exact decimals)."""
    return Fraction(text.replace(",", ""))


@given(values(), st.booleans())
def test_display_never_claims_more_precision_than_the_value(value: Value, approximate: bool) -> None:
    """What is shown allows every number the value allows, and says "about" when it is loose."""
    shown = display_value(value, approximate)
    found = _SHOWN.match(shown)
    assert found, shown
    loose, bound, loose_bound, first, second = found.groups()
    assert approximate == bool(loose or loose_bound)
    exact = interval(value)
    low, high = _read(first), _read(second) if second else _read(first)
    if bound in ("more than", "at least"):
        high = math.inf
    elif bound:
        low, high = -math.inf, low
    assert low <= exact.low and exact.high <= high
    # And no more than it: the shown ends are the value's own, or a whole number one step away.
    if bound in ("more than", "fewer than", "less than"):
        assert abs((low if bound == "more than" else high) - (exact.low if bound == "more than" else exact.high)) == 1
    else:
        assert (low, high) == (exact.low, exact.high)


# ----- reading and checking -----


@pytest.mark.parametrize(
    "raw, value",
    [
        (52, 52),
        (4.5, 4.5),
        ({"min": 1300, "max": 1400}, Range(1300, 1400)),
        ({"min": 1001}, Range(1001, None)),
        ({"max": 1199}, Range(None, 1199)),
    ],
)
def test_values_accepted(raw: object, value: Value) -> None:
    assert parse_value(raw) == value


def test_a_range_with_min_above_max_is_refused() -> None:
    [problem] = parse_value({"min": 60, "max": 50})  # type: ignore[misc]
    assert problem.text("claim 'a', 'quantity', 'value'") == "claim 'a', 'quantity', 'value': min (60) is larger than max (50)"
    assert problem.hint == "swap min and max"


@pytest.mark.parametrize(
    "raw, message",
    [
        ({}, "claim 'a', 'quantity', 'value' is a range with neither min: nor max:"),
        ("1,300", "claim 'a', 'quantity', 'value' should be a number, or a {min, max} range of numbers, not the text \"1,300\""),
        (True, "claim 'a', 'quantity', 'value' should be a number, or a {min, max} range of numbers, not the boolean true"),
        (math.inf, "claim 'a', 'quantity', 'value' should be a number, or a {min, max} range of numbers, not the number inf"),
        ({"min": "many"}, "claim 'a', 'quantity', 'value', 'min' should be a number, not the text \"many\""),
        ({"min": 1, "most": 2}, "claim 'a', 'quantity', 'value' has the unknown field 'most'"),
    ],
)
def test_values_refused(raw: object, message: str) -> None:
    found = parse_value(raw)
    assert isinstance(found, list)
    assert [p.text("claim 'a', 'quantity', 'value'") for p in found] == [message]


def test_a_quantity_is_read_with_every_problem_at_once() -> None:
    assert parse_quantity({"measure": " m ", "value": {"min": 1001}, "approximate": True, "unit": "people"}) == Quantity(
        "m", Range(1001, None), True, "people"
    )
    assert parse_quantity({"measure": "m", "value": 3}) == Quantity("m", 3, False, None)
    found = parse_quantity({"measure": "", "value": {"min": 3, "max": 1}, "approximate": "yes", "unit": 5})
    assert isinstance(found, list)
    assert [(p.path, p.text("claim 'a', 'quantity'")) for p in found] == [
        (("measure",), "claim 'a', 'quantity', 'measure' should be a measure id, not the text \"\""),
        (("value",), "claim 'a', 'quantity', 'value': min (3) is larger than max (1)"),
        (("approximate",), "claim 'a', 'quantity', 'approximate' should be true or false, not the text \"yes\""),
        (("unit",), "claim 'a', 'quantity', 'unit' should be text, not the number 5"),
    ]


def test_a_claims_unit_must_be_its_measures_unit() -> None:
    assert check_unit(q(50, unit="people"), PRISONERS) is None
    assert check_unit(q(50), PRISONERS) is None
    assert check_unit(q(50, unit="km"), None) is None
    problem = check_unit(q(1000, unit="m"), Measure("distance", "Distance", "km"))
    assert problem is not None and problem.path == ("unit",)
    assert problem.text("claim 'a', 'quantity'") == "claim 'a', 'quantity': the unit 'm' is not the unit of measure 'distance' (km)"
    assert problem.hint == "give the value in km and write unit: km, or leave unit: out (the measure's unit applies)"


def test_an_undeclared_measure_warns_until_measures_are_declared_then_it_is_an_error() -> None:
    warning = check_measure(q(1, measure="prisoners"), {})
    assert warning is not None and warning.severity == "warning"
    assert warning.message == "the measure 'prisoners' is not declared, so the site shows its id"
    error = check_measure(q(1, measure="political-prisoner-held"), {PRISONERS.id: PRISONERS})
    assert error is not None and error.severity == "error" and error.path == ("measure",)
    assert error.message == "no measure has the id 'political-prisoner-held'"
    assert error.hint == "did you mean 'political-prisoners-held'?"
    assert check_measure(q(1), {PRISONERS.id: PRISONERS}) is None


def test_claims_of_an_undeclared_measure_in_different_units_are_warned_about() -> None:
    found = unit_disagreements([("a", q(1, unit="km", measure="d")), ("b", q(1000, unit="m", measure="d")), ("c", q(2, measure="d"))], {})
    [(claim, problem)] = found
    assert claim == "b" and problem.severity == "warning"
    assert problem.message == "the unit 'm' differs from 'km' in claim 'a' for the same measure 'd'"
    assert (
        unit_disagreements([("a", q(1, unit="km", measure="d")), ("b", q(1, unit="m", measure="d"))], {"d": Measure("d", "D", "km")}) == []
    )


def test_export_forms() -> None:
    assert q(Range(1001, None), True).to_json() == {
        "measure": "political-prisoners-held",
        "value": {"min": 1001, "max": None},
        "approximate": True,
        "unit": None,
    }
    assert PRISONERS.to_json() == {
        "id": "political-prisoners-held",
        "name": "Political prisoners held in Belarus",
        "unit": "people",
        "tolerance": 0.1,
        "summary": None,
    }
