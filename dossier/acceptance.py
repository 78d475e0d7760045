"""Accepted warnings (contract v3, "Warnings and acceptance"): one policy for the check and the build.

An analyst who has checked a warning and keeps what it is about lists its code under `accept`
on the entry it concerns (an evidence item, a claim, an entity, or an article's front
matter). The warning is still reported, marked as accepted, and no longer counts against
`dossier check --strict` or `mkdocs build --strict`. Only warnings can be accepted: an
`accept` never hides an error. An `accept` naming a code that no warning of its entry has is
itself a warning (`stale-accept`), so acceptances do not outlive what they were about.

Which warning an entry's `accept` covers is decided by place: a warning belongs to the entries
whose lines contain its line (an article's acceptance covers its whole file).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .problems import Location, Problem, Severity
from .suggest import did_you_mean

STALE = "stale-accept"

# Every warning the check can give, by its stable code, with what it is about. The guide page
# content/guide/warnings.md lists the same codes (tests/test_acceptance.py keeps them in step).
WARNING_CODES: dict[str, str] = {
    "no-date": "an article without a 'published' date",
    "empty-article": "an article with no text below its front matter",
    "ignored-file": "a file in the articles or claims folder that is not read",
    "bidi-control": "bidirectional control characters in an article's text",
    "ambiguous-quote": "a quote that occurs more than once in its article",
    "shared-alias": "one name or alias given to two entities",
    "origin-spelling": "an origin spelt almost like an organization of the dossier",
    "undeclared-measure": "a claim's measure that no entry under 'measures:' declares",
    "unit": "claims of one measure that give their values in different units",
    "quote-invisible-characters": "a quote with invisible or bidirectional control characters in it",
    "negation-elided": "an ellipsis that leaves out a negation",
    "origin-contains-origin": "an origin that contains another origin's name",
    "value-not-in-quotes": "a value that none of its claim's supporting quotes gives",
    "shared-wire-copy": "two articles of different origins sharing a passage of 40 words or more",
    "capture-not-fetched": "a capture that is a Git LFS pointer never fetched (a notice: it fails nothing)",
    STALE: "an 'accept' listing a code that no warning of its entry has",
}


@dataclass(frozen=True)
class Acceptance:
    """One `accept` list, with the lines of the entry it belongs to."""

    codes: tuple[str, ...]
    where: Location  # the `accept` field itself
    what: str  # the entry, for messages: "claim 'x', evidence 2", "article 'a'"
    first_line: int
    last_line: int  # 0: to the end of the file

    def covers(self, location: Location) -> bool:
        if location.file != self.where.file:
            return False
        if self.last_line == 0 and self.first_line <= 1:
            return True  # a whole file: also its problems that have no line
        return self.first_line <= location.line and (self.last_line == 0 or location.line <= self.last_line)


def apply_acceptances(problems: Sequence[Problem], acceptances: Iterable[Acceptance]) -> tuple[Problem, ...]:
    """The problems with each accepted warning marked, and a warning for each stale code.

    Stale codes are reported only when there are no errors: a dossier with errors is not
    checked to the end, so a warning an `accept` names may simply not have been looked for.
    """
    by_file: dict[str, list[Acceptance]] = defaultdict(list)
    for acceptance in acceptances:
        by_file[acceptance.where.file].append(acceptance)
    if not by_file:
        return tuple(problems)
    used: set[tuple[Acceptance, str]] = set()
    marked = []
    for problem in problems:
        if not problem.is_error and problem.code != STALE:
            covering = [a for a in by_file.get(problem.location.file, ()) if problem.code in a.codes and a.covers(problem.location)]
            if covering:
                used.update((a, problem.code) for a in covering)
                problem = dataclasses.replace(problem, accepted=True)
        marked.append(problem)
    if not any(p.is_error for p in problems):
        seen = {p.code for p in problems}
        for file_acceptances in by_file.values():
            for acceptance in file_acceptances:
                marked += [_stale(acceptance, code, seen) for code in acceptance.codes if (acceptance, code) not in used]
    return tuple(sorted(dict.fromkeys(marked), key=Problem.sort_key))


def _stale(acceptance: Acceptance, code: str, seen: set[str]) -> Problem:
    if code not in WARNING_CODES and code not in seen:
        message = f"{acceptance.what}: 'accept' lists '{code}', which is not the code of any warning"
        hint = did_you_mean(code, WARNING_CODES) or "the codes are listed in the guide, 'Warnings and how to accept them'"
    else:
        message = f"{acceptance.what}: 'accept' lists '{code}', but there is no such warning here any more"
        hint = f"remove '{code}' from 'accept': what it accepted is gone"
    return Problem(Severity.WARNING, acceptance.where, message, (hint,), STALE)


def accepted(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(p for p in problems if p.accepted)
