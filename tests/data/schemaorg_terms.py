"""Writes schemaorg-12.0-terms.json: schema.org's types and properties, for tests/test_json_ld.py.

The source is schema.org's own vocabulary file, `schemaorg-current-https.jsonld` of release
12.0, as the PyPI package `schemaorg` 0.1.1 ships it
(`schemaorg/data/releases/12.0/schemaorg-current-https.jsonld`; we can reach package
registries only). Kept: every type with its direct supertypes (`rdfs:subClassOf`), every
property with the types of its domain (`schema:domainIncludes`), and the terms schema.org
marks as pending (still in its "pending" area). Run it again on a newer copy to move the test to a newer release:

    pip download --no-deps schemaorg==0.1.1 && tar xzf schemaorg-0.1.1.tar.gz
    python tests/data/schemaorg_terms.py schemaorg-0.1.1/schemaorg/data/releases/12.0/schemaorg-current-https.jsonld
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("schemaorg-12.0-terms.json")
SOURCE = "schema.org release 12.0: schemaorg-current-https.jsonld, as the PyPI package schemaorg 0.1.1 ships it"


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _names(value: Any) -> list[str]:
    """The schema.org terms among the references in `value`, without their prefix."""
    return sorted(ref["@id"].removeprefix("schema:") for ref in _as_list(value) if str(ref.get("@id", "")).startswith("schema:"))


def _line(key: str, value: Any) -> str:
    return json.dumps(key) + ": " + json.dumps(value, ensure_ascii=False)


def main(source: Path) -> None:
    raw = source.read_bytes()
    types: dict[str, list[str]] = {}
    properties: dict[str, list[str]] = {}
    pending: list[str] = []
    for node in json.loads(raw)["@graph"]:
        name = node["@id"].removeprefix("schema:")
        kinds = _as_list(node.get("@type"))
        if "rdfs:Class" in kinds:
            types[name] = _names(node.get("rdfs:subClassOf"))
        elif "rdf:Property" in kinds:
            properties[name] = _names(node.get("schema:domainIncludes"))
        else:
            continue
        if any("pending.schema.org" in str(ref.get("@id")) for ref in _as_list(node.get("schema:isPartOf"))):
            pending.append(name)
    # One term a line, so that a change of release reads as a diff of terms.
    lines = [
        "{",
        _line("source", SOURCE) + ",",
        _line("sha256", hashlib.sha256(raw).hexdigest()) + ",",
        _line("pending", sorted(pending)) + ",",
        '"types": {',
        ",\n".join(_line(k, v) for k, v in sorted(types.items())),
        "},",
        '"properties": {',
        ",\n".join(_line(k, v) for k, v in sorted(properties.items())),
        "}",
        "}",
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(types)} types, {len(properties)} properties, {len(pending)} pending")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
