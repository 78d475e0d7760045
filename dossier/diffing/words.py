"""Values of the export in the words the site uses: "more than 1,000 people", "September 2025".

The diff compares exports (JSON); a reviewer reads these words, never raw JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import dates, values


def value_words(value: Any, approximate: Any = False, unit: Any = None) -> str:
    """An exported value (a number, or {"min", "max"}) as the site shows it."""
    if isinstance(value, Mapping):
        value = values.Range(value.get("min"), value.get("max"))
    elif not isinstance(value, int | float) or isinstance(value, bool):
        return str(value)
    unit = unit if isinstance(unit, str) and unit else None
    try:
        return values.display_value(value, bool(approximate), unit)
    except (TypeError, ValueError, AssertionError):  # a partial export: say what is there
        return str(value)


Measures = Mapping[str, tuple[str, str | None]]  # id -> (name, unit)


def quantity_words(quantity: Any, measures: Measures | None = None) -> str:
    """ "52 people (Prisoners freed in September 2025)": the claim's unit, else its measure's."""
    if not isinstance(quantity, Mapping):
        return "(none)"
    measure = str(quantity.get("measure"))
    name, unit = (measures or {}).get(measure, (measure, None))
    return f"{value_words(quantity.get('value'), quantity.get('approximate'), quantity.get('unit') or unit)} ({name})"


def date_words(value: Any) -> str:
    if value is None:
        return "(none)"
    parsed = dates.parse_date(value)
    return dates.display(parsed) if not isinstance(parsed, list) else str(value)


_PLAIN_FIELDS = {"article", "stance", "kind", "measure", "language", "wikidata", "url", "archived", "unit"}


def field_words(field: str, value: Any, measures: Measures | None = None) -> str:
    """A field's value in words: lists joined, dates and quantities as the site shows them."""
    if value is None or value == []:
        return "(none)"
    if field == "quantity":
        return quantity_words(value, measures)
    if field in ("date", "published"):
        return date_words(value)
    if field == "tolerance" and isinstance(value, int | float):
        return f"±{value * 100:g}%"
    if field == "approximate":
        return "approximate" if value else "exact"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, Mapping) and "value" in value:
        return value_words(value.get("value"), value.get("approximate"))
    if isinstance(value, Mapping):
        return ", ".join(f"{key}: {field_words(str(key), item)}" for key, item in value.items())
    if isinstance(value, str) and field not in _PLAIN_FIELDS:
        return f"“{value}”"
    return str(value)
