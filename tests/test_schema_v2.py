"""The JSON Schemas accept the v2 forms (dates, values, measures, translation, archived) and
refuse what the contract refuses, in both validators the build uses; every field is described."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from dossier import schema

ITEM = {"article": "a", "stance": "supports", "quote": "one two three"}
CLAIM: dict[str, Any] = {"id": "c", "text": "T.", "about": ["e"], "evidence": [ITEM]}


def claims_with(**fields: Any) -> dict[str, Any]:
    return {"claims": [{**CLAIM, **fields}]}


def valid(name: str, document: Any) -> bool:
    slow = not list(Draft202012Validator(schema.load_schema(name)).iter_errors(document))
    fast = schema.is_valid_fast(name, document)
    assert slow == fast, f"the two validators disagree on {document!r}"
    return slow


DATES_ACCEPTED = ["2025-09-11", "2025-09", "2025", 2020, {"start": 2020}, {"end": "2021-03"}, {"start": "2025-09", "end": "2025-09-15"}]
DATES_REFUSED = ["11/09/2025", "2025-9-11", "September 2025", 0, 10000, True, 2025.5, {}, {"start": None}, {"from": 2020}, [2020]]


@pytest.mark.parametrize("date", DATES_ACCEPTED)
def test_dates_of_any_precision_and_open_ranges(date: Any) -> None:
    assert valid("claims", claims_with(date=date))
    assert valid("article", {"title": "T", "outlet": "O", "published": date})
    event = {"id": "e", "name": "E", "date": date}
    assert valid("claims", {"events": [event]})


@pytest.mark.parametrize("date", DATES_REFUSED)
def test_dates_the_schema_refuses(date: Any) -> None:
    assert not valid("claims", claims_with(date=date))
    assert not valid("article", {"title": "T", "outlet": "O", "published": date})


@pytest.mark.parametrize(
    "quantity",
    [
        {"measure": "m", "value": 52},
        {"measure": "m", "value": 4.5, "unit": "%"},
        {"measure": "m", "value": {"min": 1300, "max": 1400}},
        {"measure": "m", "value": {"min": 1001}},
        {"measure": "m", "value": {"max": 1199}, "approximate": False},
        {"measure": "m", "value": 1200, "approximate": True},
    ],
)
def test_values(quantity: dict[str, Any]) -> None:
    assert valid("claims", claims_with(quantity=quantity))


@pytest.mark.parametrize(
    "quantity",
    [
        {"measure": "m", "value": {}},
        {"measure": "m", "value": {"min": "1,000"}},
        {"measure": "m", "value": {"least": 3}},
        {"measure": "m", "value": "1,300"},
        {"measure": "m", "value": 3, "approximate": "yes"},
        {"measure": "m", "value": 3, "about": True},
    ],
)
def test_values_the_schema_refuses(quantity: dict[str, Any]) -> None:
    assert not valid("claims", claims_with(quantity=quantity))


def test_measures() -> None:
    full = {"id": "political-prisoners-held", "name": "Political prisoners", "unit": "people", "tolerance": 0.05, "summary": "S."}
    assert valid("claims", {"measures": [full, {"id": "m", "name": "M"}]})
    assert valid("claims", {"measures": None})
    for broken in ({"id": "m"}, {"name": "M"}, {**full, "tolerance": -0.1}, {**full, "tolerance": "10%"}, {**full, "id": "Not An Id"}):
        assert not valid("claims", {"measures": [broken]})


def test_translation_and_archived() -> None:
    item = {**ITEM, "translation": "In English."}
    assert valid("claims", claims_with(evidence=[item]))
    assert not valid("claims", claims_with(evidence=[{**item, "translation": 3}]))
    assert valid("article", {"title": "T", "outlet": "O", "archived": "https://web.archive.org/web/2025/https://example.com/a"})
    assert not valid("article", {"title": "T", "outlet": "O", "archived": "javascript:alert(1)"})


def _fields(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every (path, schema) of a field: the entries of each `properties`."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties":
                found += [(f"{path}.{name}", field) for name, field in value.items()]
            found += _fields(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _fields(value, f"{path}[{index}]")
    return found


@pytest.mark.parametrize("name", ["claims", "article"])
def test_every_field_has_a_description_for_editors(name: str) -> None:
    undescribed = [path for path, field in _fields(schema.load_schema(name)) if not field.get("description")]
    assert undescribed == []
