"""Printing problems for people (text), for GitHub Actions (github) and for programs (json)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .problems import Problem


def text_report(problems: Sequence[Problem]) -> str:
    return "".join(p.format_text() + "\n" for p in problems)


def count(number: int, singular: str, plural: str | None = None) -> str:
    """`1 entity`, `2 entities`."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def summary_line(problems: Sequence[Problem]) -> str:
    """`0 errors, 1 warning`, and how many warnings are accepted when some are (never counted as warnings)."""
    errors = sum(p.is_error for p in problems)
    accepted = sum(p.accepted for p in problems)
    line = f"{count(errors, 'error')}, {count(len(problems) - errors - accepted, 'warning')}"
    return line + (f", {accepted} accepted" if accepted else "")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_report(problems: Sequence[Problem]) -> str:
    """Workflow commands: each problem becomes an annotation on the file and line."""
    lines = []
    for p in problems:
        props = [f"file={_escape_property(p.location.file)}"]
        if p.location.line:
            props += [f"line={p.location.line}", f"col={p.location.col or 1}"]
        props.append(f"title={_escape_property('dossier ' + p.code + (' (accepted)' if p.accepted else ''))}")
        message = "\n".join([p.message, *p.hints])
        command = "notice" if p.accepted else p.severity.value  # an accepted warning is shown, not raised
        lines.append(f"::{command} {','.join(props)}::{_escape_data(message)}\n")
    return "".join(lines)


def _cell(value: str) -> str:
    """Markdown table cell text that cannot break the table or inject markup."""
    out = value.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")
    for char, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("`", "&#96;"),
        ("*", "&#42;"),
        ("_", "&#95;"),
        ("[", "&#91;"),
        ("]", "&#93;"),
    ):
        out = out.replace(char, entity)
    return out.replace("&lt;br&gt;", "<br>")


def step_summary(problems: Sequence[Problem]) -> str:
    """A Markdown table of every problem, for $GITHUB_STEP_SUMMARY."""
    head = f"### dossier check: {summary_line(problems)}\n\n"
    if not problems:
        return head + "No problems found.\n"
    rows = ["| | File | Line | Problem |", "|---|---|---|---|"]
    for p in problems:
        icon = "❌ error" if p.is_error else "☑️ accepted warning" if p.accepted else "⚠️ warning"
        message = "\n".join([p.message, *p.hints])
        rows.append(f"| {icon} | {_cell(p.location.file)} | {p.location.line or ''} | {_cell(message)} |")
    return head + "\n".join(rows) + "\n"


def json_report(problems: Sequence[Problem]) -> str:
    return (
        json.dumps(
            {
                "errors": sum(p.is_error for p in problems),
                "warnings": sum(not p.is_error and not p.accepted for p in problems),
                "accepted": sum(p.accepted for p in problems),
                "problems": [
                    {
                        "severity": p.severity.value,
                        "file": p.location.file,
                        "line": p.location.line or None,
                        "column": p.location.col or None,
                        "code": p.code,
                        "accepted": p.accepted,
                        "message": p.message,
                        "hints": list(p.hints),
                    }
                    for p in problems
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
