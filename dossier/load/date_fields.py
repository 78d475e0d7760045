"""Dates as analysts write them: `YYYY-MM-DD`, or a range with `start` and `end`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import schema
from ..model import DateRange, DateValue
from ..problems import Location, ProblemList
from ..yamlsource import PathKey, YamlDocument


def parse_date(text: str, where: Location, what: str, problems: ProblemList) -> dt.date | None:
    """The calendar date `text` (already checked to look like YYYY-MM-DD), or None after reporting."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        problems.error(where, f"{what} '{text}' is not a real calendar date", "write an existing date as YYYY-MM-DD", code="date")
        return None


def date_value(value: Any, doc: YamlDocument, path: PathKey, problems: ProblemList) -> DateValue | None:
    """A date field's value: one day or a range; None after reporting a problem."""
    what = schema.label(doc, path)
    if isinstance(value, str):
        return parse_date(value, doc.location(path), what, problems)
    start = parse_date(value["start"], doc.location(path + ("start",)), what + " start", problems)
    end = parse_date(value["end"], doc.location(path + ("end",)), what + " end", problems)
    if start is None or end is None:
        return None
    if end < start:
        problems.error(doc.location(path), f"{what} ends ({end}) before it starts ({start})", "swap start and end", code="date")
        return None
    return DateRange(start, end)
