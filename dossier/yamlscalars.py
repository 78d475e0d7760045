"""YAML scalars read as the format wants: YAML 1.2 core-schema rules, tags checked (see yamlsource.py)."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any, Protocol

import yaml

Position = tuple[int, int]  # (line, column), 1-based

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
CORE = "tag:yaml.org,2002:"
_NUMBER_STARTS = frozenset("+-.0123456789")  # how every text _INT, _INT_OCT, _INT_HEX or _FLOAT matches starts
# What an explicitly tagged scalar must resolve to, by tag.
_TAGGED_TYPES: dict[str, type | tuple[type, ...]] = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}
COLLECTION_TAGS = frozenset({"!", CORE + "map", CORE + "seq"})  # and none


class Mark(Protocol):
    """Where the parser saw an event: 0-based."""

    line: int
    column: int


class YamlError(Exception):
    """A problem that stops reading the document, with its 1-based position."""

    def __init__(self, message: str, line: int, col: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.hint = hint


def mark_position(mark: Mark | None) -> Position:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def resolve_plain(text: str) -> Any:
    """A plain (unquoted, untagged) scalar's value: null, a boolean, a number, or the text."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text[0] not in _NUMBER_STARTS:
        return text  # most plain values are words: no number pattern can match them
    if _INT.match(text):
        return int(text) if len(text.lstrip("+-")) <= _EXACT_DIGITS else Decimal(text)
    if _INT_OCT.match(text):
        return _exact_int(int(text[2:], 8))
    if _INT_HEX.match(text):
        return _exact_int(int(text[2:], 16))
    if _FLOAT.match(text):
        number = float(text)
        if math.isfinite(number) and _significant_digits(text) <= _EXACT_DIGITS:
            return number
        # Too precise for a float (or beyond it: 1e400): kept exact, for the reader of the value
        # to refuse in words ("too precise to compare") rather than round it or crash on it.
        return Decimal(text)
    return text


# Numbers a float carries exactly as written (contract v3, "Values"): up to 15 significant
# digits, integers up to 2**53 - 1. Others are read as Decimal. (Python also refuses to read
# an integer of more than 4,300 digits: a Decimal has no such limit.)
_EXACT_DIGITS = 15
_LARGEST_EXACT = 2**53 - 1


def _exact_int(number: int) -> int | Decimal:
    return number if abs(number) <= _LARGEST_EXACT else Decimal(number)


def _significant_digits(text: str) -> int:
    """Digits of a float's mantissa, leading zeros left out: "0.00120" has 3, "1.5e3" has 2."""
    mantissa = text.lower().split("e")[0].lstrip("+-").replace(".", "").lstrip("0")
    return len(mantissa)


def scalar_value(event: yaml.ScalarEvent) -> Any:
    """Any scalar's value, its tag checked; raises YamlError (unshifted position) for a wrong one."""
    tag = event.tag
    plain = event.style is None or event.style == ""
    if tag in (None, "!"):
        return resolve_plain(event.value) if plain and tag is None else event.value
    if tag == CORE + "str":
        return event.value
    name = tag[len(CORE) :] if tag.startswith(CORE) else ""
    if name in _TAGGED_TYPES:
        value = resolve_plain(event.value)
        valid = isinstance(value, _TAGGED_TYPES[name]) and not (name == "int" and isinstance(value, bool))
        if valid:
            return float(value) if name == "float" else value
        raise YamlError(f"'{event.value}' is not a valid {name}", *mark_position(event.start_mark))
    raise YamlError(
        f"unsupported YAML tag '{tag}'",
        *mark_position(event.start_mark),
        hint="remove the tag: plain text, numbers, lists and mappings are all the format uses",
    )
