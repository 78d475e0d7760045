"""Reading YAML that keeps every node's position, reports duplicate keys and never coerces.

PyYAML's own constructors follow YAML 1.1, where `no` becomes False and `2025-09-11`
becomes a date object. We build values straight from the parser's events instead, with
YAML 1.2 core-schema rules for plain scalars (only true/false, null, integers and floats
are resolved) and keep dates as text, so a field of the wrong type is reported rather
than silently converted. Building from events (not the recursive composer) also bounds
nesting depth and alias expansion: hostile documents fail with a message, not a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import yaml

from .problems import Location
from .yamlhints import blanked, entry_lines, indentation_problem
from .yamlscalars import COLLECTION_TAGS, Mark, Position, mark_position, resolve_plain, scalar_value
from .yamlscalars import YamlError as YamlError  # where the rest of the code has always found it

try:  # libyaml is much faster on large files; the pure-Python parser is the fallback.
    from yaml._yaml import CParser as _CParser

    _LIBYAML = True
except ImportError:  # pragma: no cover
    _LIBYAML = False

MAX_DEPTH = 64
MAX_EXPANDED_NODES = 100_000  # values reached through aliases; plain values do not count

PathKey = tuple[Any, ...]


@dataclass
class YamlDocument:
    value: Any
    # path -> (line, col), 1-based: where each value starts, and where each mapping key is.
    positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)
    # Duplicate keys and similar problems that do not stop reading: (message, line, col, hint).
    issues: list[tuple[str, int, int, str]] = field(default_factory=list)
    file: str = ""  # the file it was read from, for `location`
    # Ids of the entries left out because a syntax error stopped the parser in them (parse_yaml_recovering).
    skipped_ids: set[str] = field(default_factory=set)

    def position(self, path: PathKey) -> Position:
        """The position of a value, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def key_position(self, path: PathKey) -> Position:
        return self.key_positions.get(tuple(path)) or self.position(path)

    def location(self, path: PathKey) -> Location:
        """Where the value at `path` (or its nearest ancestor) is written in the file."""
        # Most paths asked for have a position of their own: one lookup (building a claim asks ~15 times).
        found = self.positions.get(path) if type(path) is tuple else None
        line, col = found if found is not None else self.position(path)
        return Location(self.file, line, col)

    def key_location(self, path: PathKey) -> Location:
        """Where the key of the value at `path` is written (the value's place if it has no key)."""
        return Location(self.file, *self.key_position(path))

    def line_span(self, path: PathKey) -> tuple[int, int]:
        """The lines the entry at `path` is written on: from its first line to the line before
        whatever is written next outside it (0: to the end of the file). Asked only for entries
        with an `accept` list, so a walk over every position is affordable."""
        first = self.key_position(path)[0] if path and isinstance(path[-1], str) else self.position(path)[0]
        size = len(path)
        after = [line for other, (line, _) in self.positions.items() if line > first and other[:size] != path]
        return first, (min(after) - 1 if after else 0)


def _too_deep(line: int, col: int) -> YamlError:
    return YamlError(
        f"nested more than {MAX_DEPTH} levels deep",
        line,
        col,
        hint="the format needs only a few levels of lists and mappings; check the brackets and the indentation",
    )


def _flow_nesting_past_limit(text: str, mark: Mark | None) -> Position | None:
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


class _Frame:
    """A list or mapping being read: its value so far, and the key waiting for its value."""

    __slots__ = ("anchor", "container", "is_mapping", "key_pos", "path", "pending_key", "size")

    def __init__(self, container: dict[Any, Any] | list[Any], path: PathKey, anchor: str | None) -> None:
        self.container: Any = container  # a dict when `is_mapping`, else a list
        self.is_mapping = type(container) is dict
        self.path = path
        self.anchor = anchor
        self.size = 1
        self.pending_key: Any = _NO_KEY
        self.key_pos: Position = (1, 1)


_NO_KEY = object()
_DUPLICATE = object()


class _EventReader:
    """Builds one document from the parser's events: one method per kind of event."""

    def __init__(self, doc: YamlDocument, line_offset: int) -> None:
        self.doc = doc
        self.line_offset = line_offset
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, values it counts for)
        self.stack: list[_Frame] = []
        self.documents = 0
        self.expanded = 0
        self.root_set = False
        self.handlers: dict[type[yaml.Event], Callable[[Any], None]] = {
            yaml.DocumentStartEvent: self.document_start,
            yaml.MappingStartEvent: self.collection_start,
            yaml.SequenceStartEvent: self.collection_start,
            yaml.MappingEndEvent: self.collection_end,
            yaml.SequenceEndEvent: self.collection_end,
            yaml.AliasEvent: self.alias,
        }

    def read(self, events: Iterable[yaml.Event]) -> None:
        # Scalars are most of a document: the common ones (a key, a mapping's value or a list's
        # item, untagged and without an anchor) are placed here, written out, without a call;
        # `scalar` does the same for every scalar and is the reference for this loop.
        handlers, stack, offset, scalar = self.handlers, self.stack, self.line_offset, self.scalar
        positions, key_positions = self.doc.positions, self.doc.key_positions
        for event in events:
            if type(event) is not yaml.ScalarEvent:
                handler = handlers.get(type(event))
                if handler is not None:  # stream and document ends need nothing
                    handler(event)
                continue
            if not stack or event.anchor is not None or event.tag is not None:
                scalar(event)
                continue
            mark = cast(Mark, event.start_mark)  # the parser marks every event
            pos = (mark.line + 1 + offset, mark.column + 1)
            frame = stack[-1]
            frame.size += 1
            if frame.is_mapping:
                key = frame.pending_key
                if key is _NO_KEY:  # a mapping key, taken as written
                    frame.pending_key = event.value
                    frame.key_pos = pos
                    continue
                container = frame.container
                value = event.value if event.style else resolve_plain(event.value)
                if key in container:
                    self._attach_to_mapping(frame, value, pos)  # reports the duplicate
                    continue
                frame.pending_key = _NO_KEY
                container[key] = value
                path = frame.path + (key,)
                positions[path] = pos
                key_positions[path] = frame.key_pos
            else:
                items = frame.container
                positions[frame.path + (len(items),)] = pos
                items.append(event.value if event.style else resolve_plain(event.value))
        if not self.root_set:
            self.doc.positions[()] = (1 + self.line_offset, 1)

    def shifted(self, mark: Mark | None) -> Position:
        line, col = mark_position(mark)
        return (line + self.line_offset, col)

    def scalar(self, event: yaml.ScalarEvent) -> None:
        mark = cast(Mark, event.start_mark)  # the parser marks every event
        pos = (mark.line + 1 + self.line_offset, mark.column + 1)
        stack = self.stack
        # Is this scalar a mapping key? (Written out here: this runs for every scalar.)
        if stack and stack[-1].pending_key is _NO_KEY and type(stack[-1].container) is dict:
            # Keys are taken as written: `no:` is the key "no", `1:` the key "1". What
            # `attach` does with a key, inline.
            parent = stack[-1]
            parent.size += 1
            parent.pending_key = event.value
            parent.key_pos = pos
            if event.anchor is not None:
                self.anchors[event.anchor] = (event.value, 1)
            return
        try:
            value = scalar_value(event)
        except YamlError as err:
            raise YamlError(err.message, err.line + self.line_offset, err.col, hint=err.hint) from None
        self.attach(value, pos, 1, key_ok=True)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)

    def document_start(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            raise YamlError(
                "more than one YAML document in this file",
                *self.shifted(event.start_mark),
                hint="remove the '---' line that starts the second document",
            )

    def collection_start(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        mark = cast(Mark, event.start_mark)  # the parser marks every event
        pos = (mark.line + 1 + self.line_offset, mark.column + 1)
        if event.tag is not None and event.tag not in COLLECTION_TAGS:
            raise YamlError(f"unsupported YAML tag '{event.tag}'", *pos)
        if len(self.stack) >= MAX_DEPTH:
            raise _too_deep(*pos)
        container: dict[Any, Any] | list[Any] = {} if type(event) is yaml.MappingStartEvent else []
        # Attached now, empty, so that its path is known while its contents are read.
        path = self.attach(container, pos, 0)
        self.stack.append(_Frame(container, path, event.anchor))

    def collection_end(self, event: yaml.MappingEndEvent | yaml.SequenceEndEvent) -> None:
        frame = self.stack.pop()
        if self.stack:
            self.stack[-1].size += frame.size
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, frame.size)

    def alias(self, event: yaml.AliasEvent) -> None:
        pos = self.shifted(event.start_mark)
        if event.anchor not in self.anchors:
            raise YamlError(f"unknown alias '*{event.anchor}'", *pos)
        value, size = self.anchors[event.anchor]
        self.expanded += size
        if self.expanded > MAX_EXPANDED_NODES:
            raise YamlError(
                f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} values",
                *pos,
                hint="write the values out instead of repeating aliases",
            )
        self.attach(value, pos, size, key_ok=not isinstance(value, (dict, list)))

    def attach(self, value: Any, pos: Position, size: int, key_ok: bool = False) -> PathKey:
        """Place a finished value in its parent; returns its path (its parent's path if it is a key)."""
        if not self.stack:
            self.doc.value = value
            self.root_set = True
            self.doc.positions[()] = pos
            return ()
        parent = self.stack[-1]
        parent.size += size
        if type(parent.container) is list:
            path = parent.path + (len(parent.container),)
            parent.container.append(value)
            self.doc.positions[path] = pos
            return path
        if parent.pending_key is _NO_KEY:  # this value is a mapping key
            if not key_ok:
                raise YamlError(
                    "a mapping key must be plain text, not a list or mapping", *pos, hint="write keys as simple words like 'name:'"
                )
            parent.pending_key = value
            parent.key_pos = pos
            return parent.path
        return self._attach_to_mapping(parent, value, pos)

    def _attach_to_mapping(self, parent: _Frame, value: Any, pos: Position) -> PathKey:
        key = parent.pending_key
        parent.pending_key = _NO_KEY
        path = parent.path + (key,)
        mapping = parent.container  # a dict: lists were handled by the caller
        if key in mapping:
            first = self.doc.key_positions.get(path, (0, 0))[0]
            self.doc.issues.append(
                (
                    f"duplicate key '{key}' (first given on line {first})",
                    *parent.key_pos,
                    "remove one of them: YAML would silently keep only the last",
                )
            )
            # The duplicate is read (to find its own problems) under a path nothing looks up,
            # so its positions never replace those of the value that is kept.
            return path + (_DUPLICATE,)
        mapping[key] = value
        self.doc.positions[path] = pos
        self.doc.key_positions[path] = parent.key_pos
        return path


def _syntax_error(text: str, err: yaml.MarkedYAMLError, line_offset: int) -> YamlError:
    mark = err.problem_mark or err.context_mark
    too_deep = _flow_nesting_past_limit(text, mark)
    if too_deep is not None:
        return _too_deep(too_deep[0] + line_offset, too_deep[1])
    line, col = mark_position(mark)
    plain = indentation_problem(text, line, err.problem or "", line_offset)
    if plain is not None:
        message, hint, column = plain
        return YamlError(message, line + line_offset, column or col, hint=hint)
    message = f"YAML syntax error: {err.problem or 'invalid YAML'}"
    if err.context:
        message += f" ({err.context})"
    return YamlError(
        message,
        line + line_offset,
        col,
        hint="check the indentation, and quote text that contains ': ' or starts with a special character",
    )


def _events(text: str) -> Iterator[yaml.Event]:
    """The parser's events. libyaml's parser is used on its own: the rest of a full loader
    (constructor, resolver) is not needed, and setting it up cost as much as reading a
    front matter of a few lines."""
    if not _LIBYAML:  # pragma: no cover
        return yaml.parse(text, Loader=yaml.SafeLoader)
    return iter(_CParser(text).get_event, None)


def parse_yaml(text: str, *, line_offset: int = 0, file: str = "") -> YamlDocument:
    """Parse one YAML document. Raises YamlError for anything that stops reading.

    line_offset shifts reported lines (front matter starts below the file's first line);
    `file` names the file in the document's locations.
    """
    doc = YamlDocument(value=None, file=file)
    try:
        _EventReader(doc, line_offset).read(_events(text))
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(text, err, line_offset) from None
    except yaml.YAMLError as err:  # e.g. a reader error without a mark
        raise YamlError(f"YAML error: {err}", 1 + line_offset, 1) from None
    except RecursionError:  # pragma: no cover - depth is bounded above; belt and braces
        raise YamlError("the document is nested too deeply", 1 + line_offset, 1) from None
    return doc


MAX_RECOVERIES = 20


def parse_yaml_recovering(text: str, *, file: str = "") -> tuple[YamlDocument | None, list[YamlError]]:
    """Parse a claims file; past a syntax error, read the rest of it without the entry that holds it.

    The entry is emptied (its lines keep their numbers) and the file read again, so that one
    mistake does not hide every other problem of the file; the ids written in the left-out
    entries are in `skipped_ids`, so that references to them are not reported as unknown.
    """
    errors: list[YamlError] = []
    skipped: set[str] = set()
    for _ in range(MAX_RECOVERIES):
        try:
            doc = parse_yaml(text, file=file)
        except YamlError as error:
            errors.append(error)
            first, last = entry_lines(text, error.line)
            shorter, ids = blanked(text, first, last)
            if shorter == text:  # nothing left to leave out
                return None, errors
            text, skipped = shorter, skipped | ids
            continue
        doc.skipped_ids = skipped
        return doc, errors
    return None, errors
