"""Validating YAML documents against the shipped JSON Schemas, with messages for people.

The schemas in dossier/schema/ are the ones analysts' editors use (see the
`# yaml-language-server: $schema=` line of claims.yaml), so the editor and the build
agree on what is valid. Each schema node may carry `x-expect`, the words used in
messages for what a value should be.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:  # imported when a document is refused (`_validator`): most checks never need it
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from .kinds import CLAIM_SECTION, CLAIM_SINGULAR, KINDS, MEASURE_SECTION, MEASURE_SINGULAR
from .problems import Location, ProblemList
from .suggest import did_you_mean
from .yamlhints import misplaced_field_hint
from .yamlsource import PathKey, YamlDocument

# Singular names of what each top-level list holds, for messages (from the registry of kinds).
ENTRY_NAMES: dict[str, str] = (
    {spec.section: spec.singular for spec in KINDS} | {MEASURE_SECTION: MEASURE_SINGULAR} | {CLAIM_SECTION: CLAIM_SINGULAR}
)


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """The shipped schema `name` ('claims' or 'article')."""
    text = resources.files("dossier").joinpath("schema", f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


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
    inlined: dict[str, Any] = _inline(schema, schema.get("$defs", {}))
    return inlined


@functools.cache
def _validator(name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator  # ~30 ms: only once a document is refused

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
    if isinstance(value, Decimal):  # a number too precise for a float (yamlscalars.py): its first digits
        return f"the number {str(value)[:20]}" + ("..." if len(str(value)) > 20 else "")
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


def _node(error: ValidationError) -> Mapping[str, Any]:
    """The schema node the error is about (our `x-expect` words live there)."""
    return error.schema if isinstance(error.schema, Mapping) else {}


def _keyword_value(error: ValidationError) -> Any:
    """The value the failed keyword has in the schema: the type, the pattern, the list of fields."""
    return error.validator_value


def _expect(error: ValidationError) -> str:
    expect = _node(error).get("x-expect")
    if isinstance(expect, str) and expect:
        return expect
    kinds = _keyword_value(error) if error.validator == "type" else None
    names = {"string": "text", "array": "a list", "object": "a mapping", "number": "a number", "integer": "a whole number"}
    if isinstance(kinds, list):
        return " or ".join(names.get(str(k), str(k)) for k in kinds)
    return names.get(str(kinds), str(kinds)) if kinds else "something else"


def _errors(name: str, value: Any) -> Iterator[ValidationError]:
    if is_valid_fast(name, value):
        return
    yield from _validator(name).iter_errors(value)


@dataclass(frozen=True)
class _Failure:
    """One schema error, with what every report of it needs."""

    error: ValidationError
    doc: YamlDocument
    path: PathKey
    what: str  # the label of the value, e.g. "claim 'x', 'date'"
    problems: ProblemList

    @property
    def where(self) -> Location:
        return self.doc.location(self.path)

    def should_be(self, hint: str = "", code: str = "type") -> None:
        self.problems.error(
            self.where, f"{self.what} should be {_expect(self.error)}, not {describe(self.error.instance)}", hint, code=code
        )


def _report_type(failure: _Failure) -> None:
    instance = failure.error.instance
    hint = ""
    if isinstance(instance, (bool, int, float)) and "text" in _expect(failure.error):
        hint = "put the value in quotes to make it text"
    elif instance is None:
        hint = "the value is missing: write it after the colon, or remove the field"
    failure.should_be(hint, code="type")


def _report_required(failure: _Failure) -> None:
    instance = failure.error.instance
    for name in _keyword_value(failure.error):
        if isinstance(instance, dict) and name not in instance:
            failure.problems.error(failure.where, f"{failure.what} is missing the required field '{name}'", code="required")


def _report_unknown_fields(failure: _Failure) -> None:
    allowed = sorted(_node(failure.error).get("properties", {}))
    given: Any = failure.error.instance
    for name in given:
        if name not in allowed:
            failure.problems.error(
                failure.doc.key_location(failure.path + (name,)),
                f"unknown field '{name}' in {failure.what}",
                misplaced_field_hint(name, _entry_kind(failure.path))
                or did_you_mean(name, allowed)
                or f"the fields allowed here are: {', '.join(allowed)}",
                code="unknown-field",
            )


def _entry_kind(path: PathKey) -> str:
    """What the mapping at `path` of a claims document is: a claim, an evidence item, the document..."""
    if not path:
        return "document"
    if len(path) == 2 and path[0] == CLAIM_SECTION:
        return "claim"
    if len(path) == 4 and path[0] == CLAIM_SECTION and path[2] == "evidence":
        return "evidence"
    return "other"


def _report_enum(failure: _Failure) -> None:
    failure.should_be(did_you_mean(str(failure.error.instance), _keyword_value(failure.error)), code="enum")


def _report_pattern(failure: _Failure) -> None:
    instance = failure.error.instance
    hint = ""
    if "id" in _expect(failure.error) and isinstance(instance, str):
        slug = "-".join("".join(c if c.isalnum() and c.isascii() else " " for c in instance.lower()).split())
        hint = f"for example '{slug}'" if slug else ""
    failure.should_be(hint, code="pattern")


def _report_min_items(failure: _Failure) -> None:
    failure.problems.error(failure.where, f"{failure.what} needs at least {_keyword_value(failure.error)} item", code="empty")


def _report_min_properties(failure: _Failure) -> None:
    failure.problems.error(
        failure.where,
        f"{failure.what} should be {_expect(failure.error)}, not an empty mapping",
        "give at least one of its fields",
        code="range",
    )


def _report_max_length(failure: _Failure) -> None:
    failure.problems.error(failure.where, f"{failure.what} is longer than {_keyword_value(failure.error)} characters", code="too-long")


# Every keyword the shipped schemas use, with how a failure of it is reported.
_REPORTERS: dict[str, Callable[[_Failure], None]] = {
    "type": _report_type,
    "required": _report_required,
    "additionalProperties": _report_unknown_fields,
    "enum": _report_enum,
    "pattern": _report_pattern,
    "minItems": _report_min_items,
    "maxLength": _report_max_length,
    "minProperties": _report_min_properties,
    "minimum": lambda failure: failure.should_be(f"the smallest allowed is {_keyword_value(failure.error)}", code="range"),
    "maximum": lambda failure: failure.should_be(f"the largest allowed is {_keyword_value(failure.error)}", code="range"),
}


def validate(doc: YamlDocument, schema: str, problems: ProblemList) -> set[PathKey]:
    """Report every schema violation; returns the paths of the values that violate it."""
    bad: set[PathKey] = set()
    root = "the front matter" if schema == "article" else "the document"
    for error in sorted(_errors(schema, doc.value), key=lambda e: [str(p) for p in e.absolute_path]):
        path = tuple(error.absolute_path)
        bad.add(path)
        failure = _Failure(error, doc, path, label(doc, path, root), problems)
        reporter = _REPORTERS.get(str(error.validator))
        if reporter is not None:
            reporter(failure)
        else:  # pragma: no cover - every keyword the schemas use is handled above
            problems.error(failure.where, f"{failure.what}: {error.message}", code=str(error.validator))
    return bad
