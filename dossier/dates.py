"""Dates as analysts write them (contract v2, "Dates"): a day, a month or a year, or a range.

A `Date` keeps the precision it was written with, so "September 2025" is never shown as
"1 September 2025". A `DateRange` has a start, an end or both, each of any precision
("since 2020" is `{start: 2020}`). Every date covers an interval of days: `first_day` and
`last_day`; timelines sort by the first day, and a range is valid when its start's first
day is not after its end's last day (`{start: 2025-09, end: 2025-09-15}` is fine).

Parsing takes what the YAML reader gives (`"2025-09-11"`, `"2025-09"`, `2020` as an int,
`{start: ..., end: ...}` as a dict) and returns a value or the problems found, each with
the sub-path it is at (`()`, `("start",)`, `("end",)`) so the loader can name file:line:col.

Shown as written, in English:
  2025-09-11 -> "11 September 2025"   2025-09 -> "September 2025"   2025 -> "2025"
  {start: 2020} -> "since 2020"        {end: 2021-03} -> "until March 2021"
  {start: 2020, end: 2022} -> "2020 – 2022"; ends that share their month or year are
  shortened: "10–12 September 2025", "30 August – 2 September 2025", "June – September 2025".
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

MONTHS = tuple(calendar.month_name)  # MONTHS[9] == "September"; MONTHS[0] == ""
_WRITTEN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
FORMS_HINT = "write an existing date as YYYY-MM-DD"
SHAPE_HINT = "write a date as YYYY-MM-DD, or with less precision YYYY-MM or YYYY, or a range {start: ..., end: ...}"

Precision = Literal["year", "month", "day"]


@dataclass(frozen=True)
class FieldProblem:
    """A problem in one value, found without knowing where the value is written.

    The loader shows it as `text(label)` at the position of `path` below the value:
    `claim 'x', 'date'` + ` end '2025-09-31' is not a real calendar date: ...`.
    """

    path: tuple[str, ...]  # () the value itself; ("end",) its end; ("min",) ...
    message: str  # follows the field's label, after `joiner`
    hint: str
    code: str
    joiner: str = " "
    severity: Literal["error", "warning"] = "error"

    def text(self, label: str) -> str:
        return f"{label}{self.joiner}{self.message}"


@dataclass(frozen=True, order=False)
class Date:
    """A date of year, month or day precision; `month`/`day` are None when not written."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        return "year" if self.month is None else "month" if self.day is None else "day"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.month is None:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    @property
    def written(self) -> str:
        """As written in the YAML, and as exported: "2025", "2025-09", "2025-09-11"."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def display(self, *, abbreviated: bool = False) -> str:
        """ "11 September 2025", "September 2025", "2025" ("11 Sep 2025" when abbreviated)."""
        if self.month is None:
            return str(self.year)
        month = _month_name(self.month, abbreviated)
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def to_json(self) -> str:
        return self.written

    def isoformat(self) -> str:
        """ISO 8601 at the written precision ("2025-09"), as `datetime.date.isoformat` for a day."""
        return self.written

    def __str__(self) -> str:
        return self.written


@dataclass(frozen=True)
class DateRange:
    """A period; one end may be missing (open): {start: 2020} is "since 2020"."""

    start: Date | None
    end: Date | None

    def __post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ValueError("a date range needs a start, an end or both")

    @property
    def first_day(self) -> dt.date | None:
        """None when the range has no start."""
        return self.start.first_day if self.start else None

    @property
    def last_day(self) -> dt.date | None:
        """None when the range has no end."""
        return self.end.last_day if self.end else None

    def display(self, *, abbreviated: bool = False) -> str:
        if self.start is None:
            assert self.end is not None
            return f"until {self.end.display(abbreviated=abbreviated)}"
        if self.end is None:
            return f"since {self.start.display(abbreviated=abbreviated)}"
        if self.start == self.end:
            return self.start.display(abbreviated=abbreviated)
        return _display_both_ends(self.start, self.end, abbreviated)

    def to_json(self) -> dict[str, str | None]:
        return {"start": self.start.written if self.start else None, "end": self.end.written if self.end else None}

    def isoformat(self) -> str:
        """ISO 8601 interval at the written precision, ".." for an open end: "2020/..", "2025-09-10/2025-09-12"."""
        return f"{self.start.written if self.start else '..'}/{self.end.written if self.end else '..'}"


DateValue = Date | DateRange


def _month_name(month: int, abbreviated: bool) -> str:
    name = MONTHS[month]
    return name[:3] if abbreviated else name


def _display_both_ends(start: Date, end: Date, abbreviated: bool) -> str:
    """Ends that share a year (and month) say it once: "10–12 September 2025"."""
    if start.year == end.year and start.precision == end.precision != "year":
        month = _month_name(end.month or 1, abbreviated)
        if start.precision == "month":
            return f"{_month_name(start.month or 1, abbreviated)} – {month} {end.year}"
        if start.month == end.month:
            return f"{start.day}–{end.day} {month} {end.year}"
        return f"{start.day} {_month_name(start.month or 1, abbreviated)} – {end.day} {month} {end.year}"
    return f"{start.display(abbreviated=abbreviated)} – {end.display(abbreviated=abbreviated)}"


# ----- reading -----


def describe(raw: object) -> str:
    """A value in words, for messages: "the number 2025.5", "a list"."""
    if raw is None:
        return "empty"
    if isinstance(raw, bool):
        return f"the boolean {str(raw).lower()}"
    if isinstance(raw, (int, float)):
        return f"the number {raw}"
    if isinstance(raw, Decimal):  # a number too precise for a float (yamlscalars.py): its first digits
        return f"the number {str(raw)[:20]}" + ("..." if len(str(raw)) > 20 else "")
    if isinstance(raw, str):
        return f"the text {json.dumps(raw, ensure_ascii=False)[:80]}"
    return "a list" if isinstance(raw, list) else "a mapping"


def _where(path: tuple[str, ...]) -> str:
    """Names the end of a range in messages: `'date' end '2025-09-31' is not ...`."""
    return f"{path[-1]} " if path else ""


def _not_on_calendar(path: tuple[str, ...], written: str, why: str, hint: str = FORMS_HINT) -> FieldProblem:
    return FieldProblem(path, f"{_where(path)}'{written}' is not a real calendar date: {why}", hint, "date")


def _single(raw: object, path: tuple[str, ...]) -> Date | FieldProblem:
    """One date: an int year (YAML reads `2020` as a number) or text YYYY, YYYY-MM, YYYY-MM-DD."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        if 1 <= raw <= 9999:
            return Date(raw)
        return _not_on_calendar(path, str(raw), "a year has four digits" if raw > 9999 else "years start at 1", SHAPE_HINT)
    if not isinstance(raw, str):
        return FieldProblem(path, f"{_where(path)}should be a date, not {describe(raw)}", SHAPE_HINT, "type")
    found = _WRITTEN.match(raw.strip())
    if found is None:
        return FieldProblem(path, f"{_where(path)}'{raw}' is not a date written YYYY-MM-DD, YYYY-MM or YYYY", SHAPE_HINT, "date")
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None
    return _checked(year, month, day, raw.strip(), path)


def _checked(year: int, month: int | None, day: int | None, written: str, path: tuple[str, ...]) -> Date | FieldProblem:
    """The date, or what makes it not exist, said with what does exist."""
    if year == 0:
        return _not_on_calendar(path, written, "there is no year 0", "years go from 0001 to 9999")
    if month is not None and not 1 <= month <= 12:
        hint = FORMS_HINT if day is not None else "write an existing month as YYYY-MM"
        return _not_on_calendar(path, written, f"{year} has no month {month}; months go from 01 to 12", hint)
    if month is not None and day is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return _not_on_calendar(path, written, f"{MONTHS[month]} {year} has {days} days")
    return Date(year, month, day)


def parse_date(raw: object) -> DateValue | list[FieldProblem]:
    """The date or range written in YAML, or every problem in it (never raises)."""
    if not isinstance(raw, dict):
        single = _single(raw, ())
        return [single] if isinstance(single, FieldProblem) else single
    problems: list[FieldProblem] = []
    for key in raw:
        if key not in ("start", "end"):
            problems.append(FieldProblem((), f"has the unknown field '{key}'", "a date range has only start: and end:", "unknown-field"))
    if "start" not in raw and "end" not in raw:
        problems.append(FieldProblem((), "is a date range with neither start: nor end:", "give a start, an end or both", "date"))
    ends: dict[str, Date | None] = {"start": None, "end": None}
    for key in ("start", "end"):
        if key in raw:
            parsed = _single(raw[key], (key,))
            if isinstance(parsed, FieldProblem):
                problems.append(parsed)
            else:
                ends[key] = parsed
    if problems:
        return problems
    start, end = ends["start"], ends["end"]
    if start is not None and end is not None and start.first_day > end.last_day:
        return [FieldProblem((), f"ends ({end.written}) before it starts ({start.written})", "swap start and end", "date")]
    return DateRange(start, end)


def parse_date_text(text: str) -> Date | None:
    """A single date typed on the command line ("2025-09", "2025"); None if it is not one."""
    parsed = _single(text, ())
    return None if isinstance(parsed, FieldProblem) else parsed


def from_day(day: dt.date) -> Date:
    """A full-precision date from a datetime.date."""
    return Date(day.year, day.month, day.day)


# ----- helpers for code that works with days -----


def first_day(value: DateValue) -> dt.date:
    """Where a date sorts on a timeline: its first day (a range with no start: the earliest day)."""
    day = value.first_day
    return day if day is not None else dt.date.min


def last_day(value: DateValue) -> dt.date:
    """The last day a date covers (a range with no end: the latest day)."""
    day = value.last_day
    return day if day is not None else dt.date.max


def sort_key(value: DateValue) -> tuple[dt.date, dt.date]:
    """First day, then last day: "September 2025" sorts before "11 September 2025" only if it starts first."""
    return (first_day(value), last_day(value))


def display(value: DateValue | None, *, abbreviated: bool = False) -> str:
    """The date as written, in English; "" for no date."""
    return "" if value is None else value.display(abbreviated=abbreviated)


def date_json(value: DateValue | None) -> str | dict[str, str | None] | None:
    """The export's form: "2025-09", {"start": "2020", "end": null}, or null."""
    return None if value is None else value.to_json()


def machine_readable(value: Date) -> str:
    """For HTML `<time datetime>` and schema.org: ISO 8601 at the written precision."""
    return value.written
