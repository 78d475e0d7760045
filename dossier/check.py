"""The whole check: load, validate, verify quotes, derive. Shared by the CLI and the site."""

from __future__ import annotations

import dataclasses
import os
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

from . import derive, validate
from .acceptance import apply_acceptances
from .article_checks import OutcomeCache, start_article_checks
from .captures import BUILD_NOTICES
from .captures.check import check_captures
from .files import display_path, links_leaving, report_link_leaving
from .load import ARTICLES_FOLDER, load
from .model import Analysis, Dossier
from .origin_checks import origin_resolver
from .problems import Location, Problem, ProblemList
from .wirecopy import check_shared_copy


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
        """The warnings no `accept` covers: those that fail a strict check or build."""
        return tuple(p for p in self.problems if not p.is_error and not p.accepted)

    @property
    def accepted(self) -> tuple[Problem, ...]:
        """The warnings an `accept` covers (v3): reported, never counted against --strict."""
        return tuple(p for p in self.problems if p.accepted)

    @property
    def ok(self) -> bool:
        return not self.errors

    def passes(self, strict: bool) -> bool:
        """No errors, and under --strict (CI) no warning that is not accepted (notices aside:
        a capture not fetched from Git LFS fails neither the check nor the build)."""
        return self.ok and not (strict and any(p.code not in BUILD_NOTICES for p in self.warnings))


def check_content(content: Path | str, executor: Executor | None = None, cache: OutcomeCache | None = None) -> CheckResult:
    """Everything `dossier check` does. Never raises for bad input: it returns problems.

    `executor`: where the per-article stages run, in chunks (the command line and the
    plugin hand over a process pool when the dossier is big enough for one to pay back its
    start-up: `parallel.run_with_pool`); None: in this process. `cache`: the previous check's
    per-article outcomes, reused where nothing they depend on changed (the preview keeps one
    across rebuilds).
    """
    content = Path(content)
    problems = ProblemList()
    if not content.is_dir():
        problems.error(Location(display_path(content)), "the content folder does not exist", code="missing")
        return CheckResult(None, None, problems.sorted())
    for link in links_leaving(content):
        report_link_leaving(link, problems)
    loaded = load(content, problems, executor, cache.files if cache is not None else None)
    dossier = loaded.dossier
    # The pool checks the articles while this process validates the references; their
    # problems are added after the references' either way.
    checking = start_article_checks(dossier, loaded.loose_quotes, executor, cache)
    validate.check_references(loaded, problems)
    validate.check_aliases(dossier, problems)
    validate.check_quantities(loaded, problems)
    resolver = origin_resolver(dossier)  # one per dossier, handed to who needs it
    validate.check_origins(dossier, problems, resolver)
    found = checking(problems)
    check_shared_copy(dossier, found.fingerprints, resolver, problems)
    captures = check_captures(dossier, content, found.passages, problems)  # (v3) captured articles
    if problems.has_errors:
        return CheckResult(dossier, None, apply_acceptances(problems.sorted(), dossier.acceptances()))
    analysis = dataclasses.replace(
        derive.analyse(dossier, found.passages, found.mentions, resolver), excerpts=found.excerpts, captures=captures
    )
    return CheckResult(dossier, analysis, apply_acceptances(problems.sorted(), dossier.acceptances()))


def count_articles(content: Path) -> int:
    """About how many articles there are, before reading any: decides whether the pool pays."""
    try:
        return sum(1 for entry in os.scandir(content / ARTICLES_FOLDER) if entry.name.endswith(".md"))
    except OSError:
        return 0  # reported by the check
