"""The registry of kinds and the shipped JSON Schema describe the same claims file.

Adding a kind means a row in dossier/kinds.py and its list in claims.schema.json: these tests
say what is missing when one is added without the other.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dossier.kinds import CLAIM_REFERENCES, CLAIM_SECTION, CLAIM_SINGULAR, KINDS, MEASURE_SECTION, MEASURE_SINGULAR, KindSpec

SCHEMA = json.loads((Path(__file__).parent.parent / "dossier" / "schema" / "claims.schema.json").read_text("utf-8"))
COMMON_FIELDS = {"id", "name", "aliases", "summary", "wikidata", "accept"}  # accept: contract v3
ID_LIST = "#/$defs/idList"


def definition(singular: str) -> dict[str, Any]:
    listed = SCHEMA["properties"]
    section = next(name for name, node in listed.items() if node["items"]["$ref"] == f"#/$defs/{singular}")
    assert section
    node: dict[str, Any] = SCHEMA["$defs"][singular]
    return node


def is_id_list(node: dict[str, Any]) -> bool:
    return node.get("$ref") == ID_LIST or any(part.get("$ref") == ID_LIST for part in node.get("allOf", ()))


def test_the_schema_lists_every_kind_the_measures_and_the_claims_and_nothing_else() -> None:
    assert list(SCHEMA["properties"]) == [spec.section for spec in KINDS] + [MEASURE_SECTION, CLAIM_SECTION]
    for spec in KINDS:
        assert SCHEMA["properties"][spec.section]["items"]["$ref"] == f"#/$defs/{spec.singular}"
    assert SCHEMA["properties"][MEASURE_SECTION]["items"]["$ref"] == f"#/$defs/{MEASURE_SINGULAR}"
    assert SCHEMA["properties"][CLAIM_SECTION]["items"]["$ref"] == f"#/$defs/{CLAIM_SINGULAR}"


@pytest.mark.parametrize("spec", KINDS, ids=lambda spec: spec.singular)
def test_each_kind_has_the_fields_the_registry_gives_it(spec: KindSpec) -> None:
    node = definition(spec.singular)
    assert set(node["properties"]) == COMMON_FIELDS | set(spec.extra_fields)
    assert set(spec.references) <= set(spec.extra_fields)
    assert set(node["required"]) == {"id", "name", *spec.required_fields}


@pytest.mark.parametrize("spec", KINDS, ids=lambda spec: spec.singular)
def test_reference_fields_are_lists_of_ids(spec: KindSpec) -> None:
    node = definition(spec.singular)
    for name in spec.references:
        assert is_id_list(node["properties"][name])


def test_claim_references_are_lists_of_ids() -> None:
    node = definition(CLAIM_SINGULAR)
    for name in CLAIM_REFERENCES:
        assert is_id_list(node["properties"][name])
