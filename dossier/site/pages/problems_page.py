"""The page the preview shows while the dossier has errors: every problem, as `dossier check` prints it.

Under `mkdocs serve` a dossier with errors is not a failed build: this page lists them (at
problems/, and in place of a generated home page), every other page carries a banner linking
to it, and live reload brings the site up to date once the problems are fixed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ...problems import Problem
from ...report import summary_line
from ..rendering.templating import Templates

TITLE = "The dossier has errors"


class ShownProblem(NamedTuple):
    where: str  # file:line:col, or the file
    severity: str  # "error" or "warning"
    message: str
    hints: tuple[str, ...]
    text: str  # the whole problem as `dossier check` prints it


def problems_page(problems: Sequence[Problem], custom_templates: Path | None = None) -> str:
    """The HTML of the page listing `problems` (errors first, then warnings), from an autoescaping template."""
    shown = [
        ShownProblem(str(p.location), p.severity.value, p.message, p.hints, p.format_text())
        for p in sorted(problems, key=lambda p: (not p.is_error, *p.sort_key()))
    ]
    return Templates(custom_templates).render("pages/problems.html", title=TITLE, summary=summary_line(problems), problems=shown)


def problems_banner(problems: Sequence[Problem], href: str, stale: bool, custom_templates: Path | None = None) -> str:
    """The banner the preview puts on every page while the dossier has errors, linking to the problems page."""
    return Templates(custom_templates).render("fragments/problems_banner.html", summary=summary_line(problems), href=href, stale=stale)
