"""Dates as analysts write them (contract v2): a day, a month, a year, or a range of them."""

from __future__ import annotations

from typing import Any

from .. import dates, schema
from ..model import DateValue
from ..problems import ProblemList
from ..yamlsource import PathKey, YamlDocument


def date_value(value: Any, doc: YamlDocument, path: PathKey, problems: ProblemList, what: str | None = None) -> DateValue | None:
    """A date field's value (already of the schema's shape); None after reporting every problem in it."""
    parsed = dates.parse_date(value)
    if not isinstance(parsed, list):
        return parsed
    label = what or schema.label(doc, path)
    for problem in parsed:
        problems.error(doc.location(path + problem.path), problem.text(label), problem.hint, code=problem.code)
    return None
