"""Dates as analysts write them (contract v2): a day, a month, a year, or a range of them."""

from __future__ import annotations

import functools
from typing import Any

from .. import dates, schema
from ..dates import FieldProblem
from ..model import DateValue
from ..problems import ProblemList
from ..yamlsource import PathKey, YamlDocument


def date_value(value: Any, doc: YamlDocument, path: PathKey, problems: ProblemList, what: str | None = None) -> DateValue | None:
    """A date field's value (already of the schema's shape); None after reporting every problem in it."""
    parsed = _parsed_text(value) if type(value) is str else dates.parse_date(value)
    if not isinstance(parsed, list):
        return parsed
    label = what or schema.label(doc, path)
    for problem in parsed:
        problems.error(doc.location(path + problem.path), problem.text(label), problem.hint, code=problem.code)
    return None


@functools.lru_cache(maxsize=4096)
def _parsed_text(text: str) -> DateValue | list[FieldProblem]:
    """`parse_date` of a date written as text: a dossier writes the same few thousand dates
    over and over (claims, articles). Its results are immutable, or only read (the problems)."""
    return dates.parse_date(text)
