"""Reading YAML that keeps every node's position, reports duplicate keys and never coerces.

PyYAML's own constructors follow YAML 1.1, where `no` becomes False and `2025-09-11`
becomes a date object. We build values straight from the parser's events instead, with
YAML 1.2 core-schema rules for plain scalars (only true/false, null, integers and floats
are resolved) and keep dates as text, so a field of the wrong type is reported rather
than silently converted. Building from events (not the recursive composer) also bounds
nesting depth and alias expansion: hostile documents fail with a message, not a crash.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is much faster on large files; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_EXPANDED_NODES = 100_000  # values reached through aliases; plain values do not count

PathKey = tuple[Any, ...]

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_CORE = "tag:yaml.org,2002:"


class YamlError(Exception):
    """A problem that stops reading the document, with its 1-based position."""

    def __init__(self, message: str, line: int, col: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.hint = hint


@dataclass
class YamlDocument:
    value: Any
    # path -> (line, col), 1-based: where each value starts, and where each mapping key is.
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    # Duplicate keys and similar problems that do not stop reading: (message, line, col, hint).
    issues: list[tuple[str, int, int, str]] = field(default_factory=list)

    def position(self, path: PathKey) -> tuple[int, int]:
        """The position of a value, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def key_position(self, path: PathKey) -> tuple[int, int]:
        return self.key_positions.get(tuple(path)) or self.position(path)


def _resolve_plain(text: str) -> Any:
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        number = float(text)
        # 1e400 overflows to infinity, which JSON cannot carry: leave it as text to be reported.
        return number if math.isfinite(number) else text
    return text


def _scalar(event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    plain = event.style is None or event.style == ""
    if tag in (None, "!"):
        return _resolve_plain(event.value) if plain and tag is None else event.value
    if tag == _CORE + "str":
        return event.value
    if tag in (_CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null"):
        value = _resolve_plain(event.value)
        expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[tag[len(_CORE) :]]
        if isinstance(value, expected) and not (tag.endswith("int") and isinstance(value, bool)):
            return float(value) if tag.endswith("float") else value
        raise YamlError(f"'{event.value}' is not a valid {tag[len(_CORE) :]}", *_pos(event.start_mark))
    raise YamlError(
        f"unsupported YAML tag '{tag}'",
        *_pos(event.start_mark),
        hint="remove the tag: plain text, numbers, lists and mappings are all the format uses",
    )


def _too_deep(line: int, col: int) -> YamlError:
    return YamlError(
        f"nested more than {MAX_DEPTH} levels deep",
        line,
        col,
        hint="the format needs only a few levels of lists and mappings; check the brackets and the indentation",
    )


def _flow_nesting_past_limit(text: str, mark: Any) -> tuple[int, int] | None:
    """Where the line of a parser error opens more than MAX_DEPTH brackets, if it does.

    Our own limit acts on the parser's events, but a parser may read ahead along a line
    before it hands any over (libyaml does, up to 1,024 characters, looking for a key), and
    newer parsers refuse very deep nesting themselves while reading ahead. Brackets opened
    past our limit on the error's line are what such a refusal means, so we say it in our
    words whatever the parser said. Only lines the parser already refused are measured.
    """
    if mark is None:
        return None
    lines = text.split("\n")
    if not 0 <= mark.line < len(lines):
        return None
    depth = 0
    for col, char in enumerate(lines[mark.line][: mark.column + 1]):
        depth += (char in "[{") - (char in "]}")
        if depth > MAX_DEPTH:
            return (mark.line + 1, col + 1)
    return None


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Frame:
    __slots__ = ("anchor", "container", "key_pos", "path", "pending_key", "size")

    def __init__(self, container: Any, path: PathKey, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.anchor = anchor
        self.size = 1
        self.pending_key: Any = _NO_KEY
        self.key_pos: tuple[int, int] = (1, 1)


_NO_KEY = object()
_DUPLICATE = object()


def parse_yaml(text: str, *, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document. Raises YamlError for anything that stops reading.

    line_offset shifts reported lines (front matter starts below the file's first line).
    """
    doc = YamlDocument(value=None)
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    documents = 0
    expanded = 0
    root_set = False

    def shift(pos: tuple[int, int]) -> tuple[int, int]:
        return (pos[0] + line_offset, pos[1])

    def attach(value: Any, pos: tuple[int, int], size: int, key_ok: bool = False) -> PathKey | None:
        """Place a finished value in its parent; returns its path (None if it was a key)."""
        nonlocal root_set
        if not stack:
            doc.value = value
            root_set = True
            doc.positions[()] = pos
            return ()
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.container, list):
            path = parent.path + (len(parent.container),)
            parent.container.append(value)
            doc.positions[path] = pos
            return path
        if parent.pending_key is _NO_KEY:  # this value is a mapping key
            if not key_ok:
                raise YamlError(
                    "a mapping key must be plain text, not a list or mapping",
                    *pos,
                    hint="write keys as simple words like 'name:'",
                )
            parent.pending_key = value
            parent.key_pos = pos
            return None
        key = parent.pending_key
        parent.pending_key = _NO_KEY
        path = parent.path + (key,)
        if key in parent.container:
            first = doc.key_positions.get(path, (0, 0))[0]
            doc.issues.append(
                (
                    f"duplicate key '{key}' (first given on line {first})",
                    *parent.key_pos,
                    "remove one of them: YAML would silently keep only the last",
                )
            )
            # The duplicate is read (to find its own problems) under a path nothing looks up,
            # so its positions never replace those of the value that is kept.
            return path + (_DUPLICATE,)
        parent.container[key] = value
        doc.positions[path] = pos
        doc.key_positions[path] = parent.key_pos
        return path

    def scalar_event(event: yaml.ScalarEvent) -> None:
        mark = event.start_mark
        pos = (mark.line + 1 + line_offset, mark.column + 1)
        parent = stack[-1] if stack else None
        if parent is not None and parent.pending_key is _NO_KEY and type(parent.container) is dict:
            # Keys are taken as written: `no:` is the key "no", `1:` the key "1".
            value: Any = event.value
        else:
            try:
                value = _scalar(event)
            except YamlError as err:
                raise YamlError(err.message, *shift((err.line, err.col)), hint=err.hint) from None
        attach(value, pos, 1, key_ok=True)
        if event.anchor is not None:
            anchors[event.anchor] = (value, 1)

    try:
        for event in yaml.parse(text, Loader=_Loader):
            # Scalars are most of a document: they are handled first and without a search.
            if type(event) is yaml.ScalarEvent:
                scalar_event(event)
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlError(
                        "more than one YAML document in this file",
                        *shift(_pos(event.start_mark)),
                        hint="remove the '---' line that starts the second document",
                    )
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                pos = shift(_pos(event.start_mark))
                if event.tag not in (None, "!", _CORE + "map", _CORE + "seq"):
                    raise YamlError(f"unsupported YAML tag '{event.tag}'", *pos)
                if len(stack) >= MAX_DEPTH:
                    raise _too_deep(*pos)
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                # The path is known once the container is attached; attach it now (empty).
                if stack and isinstance(stack[-1].container, dict) and stack[-1].pending_key is _NO_KEY:
                    attach(container, pos, 0)  # raises: containers cannot be keys
                path = attach(container, pos, 0)
                frame = _Frame(container, path if path is not None else (), event.anchor)
                stack.append(frame)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                if stack:
                    stack[-1].size += frame.size
                if frame.anchor is not None:
                    anchors[frame.anchor] = (frame.container, frame.size)
            elif isinstance(event, yaml.ScalarEvent):
                scalar_event(event)
            elif isinstance(event, yaml.AliasEvent):
                pos = shift(_pos(event.start_mark))
                if event.anchor not in anchors:
                    raise YamlError(f"unknown alias '*{event.anchor}'", *pos)
                value, size = anchors[event.anchor]
                expanded += size
                if expanded > MAX_EXPANDED_NODES:
                    raise YamlError(
                        f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} values",
                        *pos,
                        hint="write the values out instead of repeating aliases",
                    )
                attach(value, pos, size, key_ok=not isinstance(value, (dict, list)))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        too_deep = _flow_nesting_past_limit(text, mark)
        if too_deep is not None:
            raise _too_deep(*shift(too_deep)) from None
        line, col = shift(_pos(mark))
        message = f"YAML syntax error: {err.problem or 'invalid YAML'}"
        if err.context:
            message += f" ({err.context})"
        raise YamlError(
            message,
            line,
            col,
            hint="check the indentation, and quote text that contains ': ' or starts with a special character",
        ) from None
    except yaml.YAMLError as err:  # e.g. a reader error without a mark
        raise YamlError(f"YAML error: {err}", 1 + line_offset, 1) from None
    except RecursionError:  # pragma: no cover - depth is bounded above; belt and braces
        raise YamlError("the document is nested too deeply", 1 + line_offset, 1) from None
    if not root_set:
        doc.value = None
        doc.positions[()] = (1 + line_offset, 1)
    return doc
