"""YAML mistakes in plain words: tabs, lines indented too far or not far enough, a field
written at the wrong level; and reading the rest of a file past a line that stops the parser.

The parser says "did not find expected '-' indicator (while parsing a block collection)";
an analyst needs "line 41 is indented less than the line above it: evidence items start with
'- ' under 'evidence:'". Only the text of the file is used, never the parser's wording.
"""

from __future__ import annotations

import re

_ITEM = re.compile(r"^(\s*)-(\s|$)")
_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:")
_ID = re.compile(r"^\s*(?:-\s+)?id\s*:\s*[\"']?([A-Za-z0-9_.-]+)")
# Fields of the claims file, by where they belong (the schema's entries).
EVIDENCE_FIELDS = {"article", "stance", "quote", "via", "note", "translation"}
QUANTITY_FIELDS = {"measure", "value", "approximate", "unit"}
CLAIM_FIELDS = {"text", "about", "date", "quantity", "evidence", "conclusion"}


def _indent(line: str) -> int:
    """How far the line is indented (a tab counts as one: it is reported anyway)."""
    return len(line) - len(line.lstrip(" \t"))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _column(line: str) -> int:
    """Where the line's first field starts: after the '- ' of a list item."""
    item = _ITEM.match(line)
    if item is None:
        return _indent(line)
    return len(line) - len(line[item.end() :].lstrip(" "))


def tab_line(lines: list[str], up_to: int) -> int | None:
    """The first line (1-based, up to `up_to`) indented with a tab, if any."""
    for number, line in enumerate(lines[:up_to], 1):
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
            return number
    return None


def _previous(lines: list[str], number: int) -> int | None:
    """The last line with content before line `number` (1-based)."""
    for earlier in range(number - 1, 0, -1):
        if _content(lines[earlier - 1]):
            return earlier
    return None


def _parent_key(lines: list[str], number: int) -> str | None:
    """The key of the nearest line above that is indented less than line `number`."""
    own = _indent(lines[number - 1])
    for earlier in range(number - 1, 0, -1):
        line = lines[earlier - 1]
        if _content(line) and _indent(line) < own:
            found = _KEY.match(line)
            return found.group(1) if found else None
    return None


def indentation_problem(text: str, line: int, parser_problem: str, line_offset: int = 0) -> tuple[str, str, int] | None:
    """(message, hint, column; 0: the parser's) for a parser error that is an indentation mistake, a
    tab or an unquoted ': ', in plain words; None otherwise. Lines are named shifted by `line_offset`."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    tab = tab_line(lines, line)
    if tab is not None:
        return (
            f"line {tab + line_offset} starts with a tab: use spaces",
            "indent with spaces only (YAML does not allow tabs in indentation)",
            1,
        )
    previous = _previous(lines, line)
    if not _content(lines[line - 1]):
        return None
    here = _indent(lines[line - 1])
    above = _column(lines[previous - 1]) if previous is not None else here
    item = lines[line - 1].lstrip().startswith("-")
    if here == above or previous is None:
        if "mapping values" in parser_problem:
            return (
                f"line {line + line_offset} has a second ': ' in its value",
                'put the value in quotes ("...") when it contains a colon followed by a space',
                0,
            )
        return None
    how = "more" if here > above else "less"
    message = f"line {line + line_offset} is indented {how} than the line above it (line {previous + line_offset})"
    return message, _indentation_hint(lines, line, item), here + 1


def _indentation_hint(lines: list[str], line: int, item: bool) -> str:
    key = _KEY.match(lines[line - 1])
    field = key.group(1) if key else None
    parent = _parent_key(lines, line)
    if item and (parent == "evidence" or field in EVIDENCE_FIELDS):
        return "evidence items start with '- ' under 'evidence:', each as far in as the first one"
    if item:
        return "the items of a list start with '- ', each as far in as the first item of the list"
    if field in EVIDENCE_FIELDS:
        return f"'{field}' belongs to an evidence item: indent it as far as the 'article:' after its '- '"
    if field in QUANTITY_FIELDS:
        return f"'{field}' belongs to the quantity: indent it under 'quantity:', as far as its other fields"
    return "the fields of one entry start in the same column, under the first one after its '- '"


def misplaced_field_hint(name: str, entry: str) -> str:
    """Where a field that is unknown where it is written belongs, when it is a field of another entry."""
    if entry in ("claim", "document") and name in EVIDENCE_FIELDS:
        return f"'{name}' belongs to an evidence item: indent it under the '- article:' line of its item"
    if entry in ("claim", "document") and name in QUANTITY_FIELDS:
        return f"'{name}' belongs to the claim's quantity: indent it under 'quantity:'"
    if entry == "evidence" and name in CLAIM_FIELDS | {"id"}:
        return f"'{name}' belongs to the claim, not to an evidence item: indent it as far as the claim's 'id:'"
    return ""


def entry_lines(text: str, line: int) -> tuple[int, int]:
    """The lines (1-based, inclusive) of the top-level entry that holds line `line`:
    from its '- ' line to the line before the next entry or section; the section when none."""
    lines = text.split("\n")
    line = min(max(line, 1), len(lines))  # the parser may point just past the last line
    start = next((n for n in range(line, 0, -1) if _content(lines[n - 1]) and _indent(lines[n - 1]) == 0), 1)
    items = [n for n in range(start + 1, len(lines) + 1) if _ITEM.match(lines[n - 1]) and not lines[n - 1].startswith("\t")]
    item_indent = _indent(lines[items[0] - 1]) if items else 0
    first = next((n for n in range(line, start, -1) if _ITEM.match(lines[n - 1]) and _indent(lines[n - 1]) == item_indent), start)
    end = next(
        (n - 1 for n in range(max(line, first) + 1, len(lines) + 1) if _content(lines[n - 1]) and _indent(lines[n - 1]) <= item_indent),
        len(lines),
    )
    if first == start:  # no entry: the section itself, to the next one
        end = next((n - 1 for n in range(line + 1, len(lines) + 1) if _content(lines[n - 1]) and _indent(lines[n - 1]) == 0), len(lines))
    return first, end


def blanked(text: str, first: int, last: int) -> tuple[str, set[str]]:
    """The text with lines first..last emptied (the others keep their numbers), and the ids written there."""
    lines = text.split("\n")
    ids = {found.group(1) for line in lines[first - 1 : last] if (found := _ID.match(line))}
    lines[first - 1 : last] = [""] * (last - first + 1)
    return "\n".join(lines), ids
