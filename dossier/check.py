"""The whole check: load, validate, verify quotes, derive. Shared by the CLI and the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import derive, validate
from .files import display_path, links_leaving, report_link_leaving
from .load import load
from .model import Analysis, Dossier
from .problems import Location, Problem, ProblemList


@dataclass(frozen=True)
class CheckResult:
    dossier: Dossier | None  # None when the content folder itself is missing
    analysis: Analysis | None  # None when there are errors
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_content(content: Path | str) -> CheckResult:
    """Everything `dossier check` does. Never raises for bad input: it returns problems."""
    content = Path(content)
    problems = ProblemList()
    if not content.is_dir():
        problems.error(Location(display_path(content)), "the content folder does not exist", code="missing")
        return CheckResult(None, None, problems.sorted())
    for link in links_leaving(content):
        report_link_leaving(link, problems)
    loaded = load(content, problems)
    dossier = loaded.dossier
    validate.check_references(loaded, problems)
    validate.check_aliases(dossier, problems)
    validate.check_quantities(loaded, problems)
    validate.check_origins(dossier, problems)
    passages = validate.verify_quotes(dossier, problems, loaded.loose_quotes)
    if problems.has_errors:
        return CheckResult(dossier, None, problems.sorted())
    return CheckResult(dossier, derive.analyse(dossier, passages), problems.sorted())
