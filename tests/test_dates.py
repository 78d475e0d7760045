"""Dates of contract v2: a day, a month or a year, or a range with one end or both."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.dates import (
    Date,
    DateRange,
    FieldProblem,
    date_json,
    display,
    first_day,
    from_day,
    last_day,
    machine_readable,
    parse_date,
    parse_date_text,
    sort_key,
)


def parsed(raw: object) -> Date | DateRange:
    value = parse_date(raw)
    assert not isinstance(value, list), [p.text("the date") for p in value]
    return value


def problems(raw: object) -> list[FieldProblem]:
    value = parse_date(raw)
    assert isinstance(value, list), f"{raw!r} was accepted as {value!r}"
    return value


# ----- what is accepted, and how it reads -----


@pytest.mark.parametrize(
    "raw, shown, exported",
    [
        ("2025-09-11", "11 September 2025", "2025-09-11"),
        ("2025-09", "September 2025", "2025-09"),
        ("2020", "2020", "2020"),
        (2020, "2020", "2020"),  # the YAML reader gives a plain 2020 as a number
        ("0987-01-05", "5 January 987", "0987-01-05"),
    ],
)
def test_single_dates_keep_their_precision(raw: object, shown: str, exported: str) -> None:
    value = parsed(raw)
    assert display(value) == shown
    assert date_json(value) == exported
    assert machine_readable(value) == exported  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "raw, shown, exported",
    [
        ({"start": 2020}, "since 2020", {"start": "2020", "end": None}),
        ({"end": "2021-03"}, "until March 2021", {"start": None, "end": "2021-03"}),
        ({"start": 2020, "end": 2022}, "2020 – 2022", {"start": "2020", "end": "2022"}),
        ({"start": "2025-09-10", "end": "2025-09-12"}, "10–12 September 2025", {"start": "2025-09-10", "end": "2025-09-12"}),
        ({"start": "2025-08-30", "end": "2025-09-02"}, "30 August – 2 September 2025", {"start": "2025-08-30", "end": "2025-09-02"}),
        ({"start": "2025-06", "end": "2025-09"}, "June – September 2025", {"start": "2025-06", "end": "2025-09"}),
        ({"start": "2024-12-30", "end": "2025-01-02"}, "30 December 2024 – 2 January 2025", {"start": "2024-12-30", "end": "2025-01-02"}),
        ({"start": "2025-09", "end": "2025-09-15"}, "September 2025 – 15 September 2025", {"start": "2025-09", "end": "2025-09-15"}),
        ({"start": 2025, "end": 2025}, "2025", {"start": "2025", "end": "2025"}),
    ],
)
def test_ranges_read_as_written(raw: object, shown: str, exported: dict[str, str | None]) -> None:
    value = parsed(raw)
    assert isinstance(value, DateRange)
    assert display(value) == shown
    assert date_json(value) == exported


def test_abbreviated_month_names_for_compact_tables() -> None:
    assert display(parsed("2025-09-11"), abbreviated=True) == "11 Sep 2025"
    assert display(parsed({"end": "2021-03"}), abbreviated=True) == "until Mar 2021"


def test_no_date_shows_and_exports_as_nothing() -> None:
    assert display(None) == ""
    assert date_json(None) is None


def test_spaces_around_a_written_date_are_ignored() -> None:
    assert parsed(" 2025-09 ") == Date(2025, 9)


# ----- the days a date covers, and sorting -----


@pytest.mark.parametrize(
    "raw, first, last",
    [
        ("2025-09-11", dt.date(2025, 9, 11), dt.date(2025, 9, 11)),
        ("2025-09", dt.date(2025, 9, 1), dt.date(2025, 9, 30)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (2020, dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
        ({"start": 2020}, dt.date(2020, 1, 1), dt.date.max),
        ({"end": "2021-03"}, dt.date.min, dt.date(2021, 3, 31)),
        ({"start": "2025-09", "end": "2025-09-15"}, dt.date(2025, 9, 1), dt.date(2025, 9, 15)),
    ],
)
def test_first_and_last_day(raw: object, first: dt.date, last: dt.date) -> None:
    value = parsed(raw)
    assert (first_day(value), last_day(value)) == (first, last)


def test_open_ends_have_no_first_or_last_day_of_their_own() -> None:
    assert parsed({"start": 2020}).last_day is None
    assert parsed({"end": 2020}).first_day is None


def test_a_timeline_sorts_an_imprecise_date_at_its_first_day() -> None:
    written = ["2025-09-11", "2025-09", "2025", {"start": "2025-08-30", "end": "2025-09-02"}, "2025-08-31", {"end": "2021-03"}]
    order = sorted((parsed(raw) for raw in written), key=sort_key)
    assert [display(value) for value in order] == [
        "until March 2021",
        "2025",
        "30 August – 2 September 2025",
        "31 August 2025",
        "September 2025",
        "11 September 2025",
    ]


def test_dates_from_days_and_from_the_command_line() -> None:
    assert from_day(dt.date(2025, 9, 11)) == Date(2025, 9, 11)
    assert parse_date_text("2025-09") == Date(2025, 9)
    assert parse_date_text("2025-02-30") is None
    assert parse_date_text("September 2025") is None


# ----- what is refused, and what the message says -----


@pytest.mark.parametrize(
    "raw, message, hint",
    [
        ("2025-02-30", "'2025-02-30' is not a real calendar date: February 2025 has 28 days", "write an existing date as YYYY-MM-DD"),
        ("2024-02-30", "'2024-02-30' is not a real calendar date: February 2024 has 29 days", "write an existing date as YYYY-MM-DD"),
        ("2025-09-31", "'2025-09-31' is not a real calendar date: September 2025 has 30 days", "write an existing date as YYYY-MM-DD"),
        ("2025-09-00", "'2025-09-00' is not a real calendar date: September 2025 has 30 days", "write an existing date as YYYY-MM-DD"),
        (
            "2025-13",
            "'2025-13' is not a real calendar date: 2025 has no month 13; months go from 01 to 12",
            "write an existing month as YYYY-MM",
        ),
        (
            "2025-00-10",
            "'2025-00-10' is not a real calendar date: 2025 has no month 0; months go from 01 to 12",
            "write an existing date as YYYY-MM-DD",
        ),
        ("0000", "'0000' is not a real calendar date: there is no year 0", "years go from 0001 to 9999"),
    ],
)
def test_a_date_must_exist(raw: str, message: str, hint: str) -> None:
    [problem] = problems(raw)
    assert problem.text("claim 'a', 'date'") == f"claim 'a', 'date' {message}"
    assert (problem.path, problem.hint, problem.code, problem.severity) == ((), hint, "date", "error")


@pytest.mark.parametrize(
    "raw, message",
    [
        ("11/09/2025", "'11/09/2025' is not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        ("2025-9-11", "'2025-9-11' is not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        ("September 2025", "'September 2025' is not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        (20250911, "'20250911' is not a real calendar date: a year has four digits"),
        (-5, "'-5' is not a real calendar date: years start at 1"),
        (True, "should be a date, not the boolean true"),
        (2025.5, "should be a date, not the number 2025.5"),
        (None, "should be a date, not empty"),
        (["2025"], "should be a date, not a list"),
    ],
)
def test_a_date_must_be_written_in_one_of_the_forms(raw: object, message: str) -> None:
    [problem] = problems(raw)
    assert problem.message == message
    assert "YYYY-MM" in problem.hint


def test_a_range_may_not_start_after_it_ends() -> None:
    [problem] = problems({"start": "2025-09-12", "end": "2025-09-10"})
    assert problem.text("event 'x', 'date'") == "event 'x', 'date' ends (2025-09-10) before it starts (2025-09-12)"
    assert (problem.path, problem.hint) == ((), "swap start and end")


@pytest.mark.parametrize(
    "start, end",
    [("2025-09", "2025-09-15"), ("2025-09-20", "2025-09"), (2025, "2025-01-01"), ("2025-12-31", 2025), ("2025-09-11", "2025-09-11")],
)
def test_ends_are_compared_by_the_days_they_cover(start: object, end: object) -> None:
    assert isinstance(parsed({"start": start, "end": end}), DateRange)


def test_a_month_ending_before_a_day_of_the_next_starts_is_refused() -> None:
    [problem] = problems({"start": "2025-10-01", "end": "2025-09"})
    assert problem.message == "ends (2025-09) before it starts (2025-10-01)"


def test_a_bad_end_is_named_and_located() -> None:
    [problem] = problems({"start": "2025-09-10", "end": "2025-09-31"})
    assert problem.path == ("end",)
    assert problem.text("event 'x', 'date'") == "event 'x', 'date' end '2025-09-31' is not a real calendar date: September 2025 has 30 days"


def test_every_problem_of_a_range_is_reported_at_once() -> None:
    found = problems({"start": "2025-02-30", "end": "2025-13", "until": 2026})
    assert sorted(p.path for p in found) == [(), ("end",), ("start",)]
    assert any(p.message == "has the unknown field 'until'" for p in found)


def test_a_range_needs_an_end() -> None:
    [problem] = problems({})
    assert problem.message == "is a date range with neither start: nor end:"
    assert problem.hint == "give a start, an end or both"


def test_a_range_object_without_ends_cannot_be_built() -> None:
    with pytest.raises(ValueError):
        DateRange(None, None)


# ----- properties -----

days = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@st.composite
def written_dates(draw: st.DrawFn) -> str | int:
    day = draw(days)
    form = draw(st.sampled_from(["day", "month", "year", "int"]))
    if form == "int":
        return day.year
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[form]


@given(written_dates())
def test_every_existing_date_is_read_back_as_written(raw: str | int) -> None:
    value = parsed(raw)
    assert isinstance(value, Date)
    assert value.written == (f"{raw:04d}" if isinstance(raw, int) else raw)
    assert value.first_day <= value.last_day


@given(written_dates(), written_dates())
def test_a_range_is_accepted_exactly_when_its_start_can_come_before_its_end(start: str | int, end: str | int) -> None:
    result = parse_date({"start": start, "end": end})
    first, last = parsed(start), parsed(end)
    assert isinstance(first, Date) and isinstance(last, Date)
    assert isinstance(result, DateRange) == (first.first_day <= last.last_day)
