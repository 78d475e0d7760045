"""Validating YAML documents against the shipped JSON Schemas, with messages for people.

The schemas in dossier/schema/ are the ones analysts' editors use (see the
`# yaml-language-server: $schema=` line of claims.yaml), so the editor and the build
agree on what is valid. Each schema node may carry `x-expect`, the words used in
messages for what a value should be.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .problems import Location, ProblemList
from .suggest import did_you_mean
from .yamlsource import PathKey, YamlDocument

# Singular names of what each top-level list holds, for messages.
ENTRY_NAMES = {
    "people": "person",
    "countries": "country",
    "organizations": "organization",
    "events": "event",
    "claims": "claim",
}


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """The shipped schema `name` ('claims' or 'article')."""
    text = resources.files("dossier").joinpath("schema", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every local `$ref` replaced by what it points to (ours has no cycles).

    Resolving references while validating was most of the check's time on large dossiers.
    """
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _inline(value, defs) for key, value in node.items() if key not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = _inline(defs[ref[len("#/$defs/") :]], defs)
        out = {**target, **out}  # the referring node's own keywords (descriptions) win
    return out


def _inlined(name: str) -> dict[str, Any]:
    schema = load_schema(name)
    return _inline(schema, schema.get("$defs", {}))


@functools.cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(_inlined(name))


@functools.cache
def _fast_check(name: str) -> Callable[[Any], Any]:
    """The same schema compiled to Python code: ten times faster on valid documents, but with
    terse messages, so documents it refuses are validated again by jsonschema for the report.
    (The schema uses only keywords draft 7 also has; the $schema line names 2020-12.)"""
    schema = {key: value for key, value in _inlined(name).items() if key != "$schema"}
    return fastjsonschema.compile(schema, use_formats=False, use_default=False, detailed_exceptions=False)


def is_valid_fast(name: str, value: Any) -> bool:
    try:
        _fast_check(name)(value)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {json.dumps(value, ensure_ascii=False)[:80]}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def label(doc: YamlDocument, path: PathKey, root: str = "the document") -> str:
    """`claim 'sept-release-count', evidence 1, stance` for a path into a claims document."""
    parts: list[str] = []
    rest = list(path)
    if len(rest) >= 2 and rest[0] in ENTRY_NAMES and isinstance(rest[1], int):
        section, index = rest[0], rest[1]
        entry = doc.value[section][index] if isinstance(doc.value, dict) else None
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        name = ENTRY_NAMES[section]
        parts.append(f"{name} '{entry_id}'" if isinstance(entry_id, str) else f"{name} #{index + 1}")
        rest = rest[2:]
    for index, step in enumerate(rest):
        if isinstance(step, int):
            previous = rest[index - 1] if index else ""
            parts.append(f"{'evidence' if previous == 'evidence' else 'item'} {step + 1}")
        elif not (index + 1 < len(rest) and isinstance(rest[index + 1], int) and step == "evidence"):
            parts.append(f"'{step}'")
    return ", ".join(parts) if parts else root


def _expect(error: ValidationError) -> str:
    expect = error.schema.get("x-expect") if isinstance(error.schema, dict) else None
    if expect:
        return expect
    kinds = error.validator_value if error.validator == "type" else None
    names = {"string": "text", "array": "a list", "object": "a mapping", "number": "a number", "integer": "a whole number"}
    if isinstance(kinds, list):
        return " or ".join(names.get(k, k) for k in kinds)
    return names.get(kinds, str(kinds)) if kinds else "something else"


def _errors(name: str, value: Any) -> Iterator[ValidationError]:
    if is_valid_fast(name, value):
        return
    yield from _validator(name).iter_errors(value)


def validate(doc: YamlDocument, schema: str, file: str, problems: ProblemList) -> set[PathKey]:
    """Report every schema violation; returns the paths of the values that violate it."""
    bad: set[PathKey] = set()
    for error in sorted(_errors(schema, doc.value), key=lambda e: [str(p) for p in e.absolute_path]):
        path = tuple(error.absolute_path)
        bad.add(path)
        where = Location(file, *doc.position(path))
        what = label(doc, path, "the front matter" if schema == "article" else "the document")
        kind = error.validator
        if kind == "type":
            hint = ""
            if isinstance(error.instance, (bool, int, float)) and "text" in _expect(error):
                hint = "put the value in quotes to make it text"
            elif error.instance is None:
                hint = "the value is missing: write it after the colon, or remove the field"
            problems.error(where, f"{what} should be {_expect(error)}, not {describe(error.instance)}", hint, code="type")
        elif kind == "required":
            for field in error.validator_value:
                if isinstance(error.instance, dict) and field not in error.instance:
                    problems.error(where, f"{what} is missing the required field '{field}'", code="required")
        elif kind == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            for field in error.instance:
                if field not in allowed:
                    problems.error(
                        Location(file, *doc.key_position(path + (field,))),
                        f"unknown field '{field}' in {what}",
                        did_you_mean(field, allowed) or f"the fields allowed here are: {', '.join(allowed)}",
                        code="unknown-field",
                    )
        elif kind in ("pattern", "enum"):
            hint = did_you_mean(str(error.instance), error.validator_value) if kind == "enum" else ""
            if kind == "pattern" and "id" in _expect(error) and isinstance(error.instance, str):
                slug = "-".join("".join(c if c.isalnum() and c.isascii() else " " for c in error.instance.lower()).split())
                hint = f"for example '{slug}'" if slug else ""
            problems.error(where, f"{what} should be {_expect(error)}, not {describe(error.instance)}", hint, code=kind)
        elif kind == "minItems":
            problems.error(where, f"{what} needs at least {error.validator_value} item", code="empty")
        elif kind == "maxLength":
            problems.error(where, f"{what} is longer than {error.validator_value} characters", code="too-long")
        else:  # pragma: no cover - every keyword the schemas use is handled above
            problems.error(where, f"{what}: {error.message}", code=kind)
    return bad
