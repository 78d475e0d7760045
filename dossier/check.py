"""The whole check: load, validate, verify quotes, derive. Shared by the CLI and the site."""

from __future__ import annotations

import logging
import os
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from . import derive, validate
from .acceptance import apply_acceptances
from .article_checks import OutcomeCache, start_article_checks
from .collector import collections_paused
from .files import display_path, links_leaving, report_link_leaving
from .load import ARTICLES_FOLDER, load
from .model import Analysis, Dossier
from .parallel import KeptPool, check_pool, pool_wanted
from .problems import Location, Problem, ProblemList

log = logging.getLogger(__name__)


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
        """No errors, and under --strict (CI) no warning that is not accepted."""
        return self.ok and not (strict and self.warnings)


def check_content(
    content: Path | str, parallel: bool | None = None, cache: OutcomeCache | None = None, kept: KeptPool | None = None
) -> CheckResult:
    """Everything `dossier check` does. Never raises for bad input: it returns problems.

    `parallel`: whether the per-article stages run in a process pool (parallel.py); by
    default, when the dossier is big enough for the pool to pay back its start-up.
    `cache`: the previous check's per-article outcomes, reused where nothing they depend
    on changed (the preview keeps one across rebuilds). `kept`: a pool to use and keep
    running after the check, rather than one started and stopped for it.
    """
    content = Path(content)
    if not content.is_dir():
        problems = ProblemList()
        problems.error(Location(display_path(content)), "the content folder does not exist", code="missing")
        return CheckResult(None, None, problems.sorted())
    if pool_wanted(count_articles(content), parallel):
        try:
            return _check(content, pooled=True, cache=cache, kept=kept)
        except BrokenProcessPool as error:  # e.g. started by a script without an `if __name__ == "__main__"` guard
            if kept is not None:
                kept.close()  # the next check starts fresh workers
            log.warning("the check's worker processes failed (%s): checking in this process instead", error)
    return _check(content, pooled=False, cache=cache, kept=None)


def _check(content: Path, pooled: bool, cache: OutcomeCache | None, kept: KeptPool | None) -> CheckResult:
    problems = ProblemList()
    for link in links_leaving(content):
        report_link_leaving(link, problems)
    # One pause for the whole check, derivation included: the collector let loose in between
    # would go through every object loaded so far at once (0.6 s at 10,000 articles).
    with collections_paused(), check_pool(pooled, kept) as executor:
        loaded = load(content, problems, executor, cache.files if cache is not None else None)
        dossier = loaded.dossier
        # The pool checks the articles while this process validates the references; their
        # problems are added after the references' either way.
        checking = start_article_checks(dossier, loaded.loose_quotes, executor, cache)
        validate.check_references(loaded, problems)
        validate.check_aliases(dossier, problems)
        validate.check_quantities(loaded, problems)
        validate.check_origins(dossier, problems)
        found = checking(problems)
        if problems.has_errors:
            return CheckResult(dossier, None, apply_acceptances(problems.sorted(), dossier.acceptances()))
        analysis = derive.analyse(dossier, found.passages, found.mentions)
    return CheckResult(dossier, analysis, apply_acceptances(problems.sorted(), dossier.acceptances()))


def count_articles(content: Path) -> int:
    """About how many articles there are, before reading any: decides whether the pool pays."""
    try:
        return sum(1 for entry in os.scandir(content / ARTICLES_FOLDER) if entry.name.endswith(".md"))
    except OSError:
        return 0  # reported by the check
