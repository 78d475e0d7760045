"""An analyst's pull request, end to end (issue 27): a copy of the repository, an analyst-style
change to content/ only (a new outlet "Baltic Wire", a fact credited `via: Viasna`, a person,
an event, a measure and a claim with a supporting and a contradicting quote), then the pull
request workflow's own script (.ci/content-check). Valid content passes it, whatever the
sample dossier holds, and the test suite is not what judges it.

The change is written into whatever content/ holds now, so the test never depends on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sitebuild import ROOT

BALTIC_WIRE = """\
---
title: Thirty-one prisoners walk free in Belarus, rights group says
outlet: Baltic Wire
published: 2026-01-18
---
Viasna, the Belarusian human rights centre, said 31 political prisoners were freed on Sunday after talks in Vilnius.

Among those released was the journalist Anatol Kastsiuk, who had spent four years in a penal colony.
"""

HARBOUR_POST = """\
---
title: Minsk denies a new prisoner release
outlet: Harbour Post
published: 2026-01-19
---
A government spokesman in Minsk said no prisoners were freed on Sunday and called the reports invented.
"""

PERSON = """\
  - id: anatol-kastsiuk
    name: Anatol Kastsiuk
    summary: Belarusian journalist, released in January 2026.
"""
EVENT = """\
  - id: jan-2026-prisoner-release
    name: Release of 31 prisoners from Belarus
    date: 2026-01-18
    participants: [anatol-kastsiuk]
"""
MEASURE = """\
  - id: prisoners-freed-jan-2026
    name: Prisoners freed in January 2026
    unit: people
"""
CLAIM = """\
  - id: jan-2026-release-count
    text: Belarus freed 31 political prisoners on 18 January 2026.
    about: [jan-2026-prisoner-release, anatol-kastsiuk]
    date: 2026-01-18
    quantity:
      measure: prisoners-freed-jan-2026
      value: 31
    evidence:
      - article: baltic-wire-2026-01-18
        stance: supports
        quote: said 31 political prisoners were freed on Sunday
        via: Viasna
      - article: harbour-post-2026-01-19
        stance: contradicts
        quote: said no prisoners were freed on Sunday
"""


def git(repo: Path, *args: str) -> str:
    identity = ["-c", "user.name=Analyst", "-c", "user.email=analyst@example.org", "-c", "commit.gpgsign=false"]
    done = subprocess.run(["git", *identity, *args], cwd=repo, capture_output=True, text=True, check=True, timeout=120)
    return done.stdout


def copy_of_the_repository(target: Path, prepare: Callable[[Path], None] | None = None) -> Path:
    """The repository's files as they are now (tracked, and new ones not ignored), committed in a
    fresh repository; `prepare(target)` changes the copy first, when given."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True, timeout=120
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    if prepare is not None:
        prepare(target)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "the repository before the analyst's change")
    return target


def insert_into_section(claims: Path, section: str, entry: str) -> None:
    """Add an entry at the top of a list of claims.yaml, or the list itself when there is none."""
    text = claims.read_text("utf-8")
    head = f"\n{section}:\n"
    text = text.replace(head, head + entry, 1) if head in text else text.rstrip("\n") + head + entry
    claims.write_text(text, "utf-8")


def make_the_analysts_change(repo: Path) -> None:
    content = repo / "content"
    (content / "articles" / "baltic-wire-2026-01-18.md").write_text(BALTIC_WIRE, "utf-8")
    (content / "articles" / "harbour-post-2026-01-19.md").write_text(HARBOUR_POST, "utf-8")
    claims = content / "claims.yaml"
    for section, entry in (("people", PERSON), ("events", EVENT), ("measures", MEASURE), ("claims", CLAIM)):
        insert_into_section(claims, section, entry)
    git(repo, "checkout", "-q", "-b", "analyst")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Add the January 2026 release (Baltic Wire, via Viasna)")


def run_the_pull_request_checks(repo: Path, base: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "PYTHONPATH": f"{repo}{os.pathsep}{repo / 'plugins'}",  # the copy's code, not this tree's
        "NO_MKDOCS_2_WARNING": "1",
        "CI": "true",  # as on GitHub: warnings fail, a missing browser fails
        "SITE_DIR": str(repo / "site"),
    }
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run([str(repo / ".ci" / "content-check"), base], cwd=repo, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_an_analysts_valid_change_passes_the_pull_request_checks(tmp_path: Path) -> None:
    repo = copy_of_the_repository(tmp_path / "repo")
    make_the_analysts_change(repo)
    done = run_the_pull_request_checks(repo, "main")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "dossier check: 0 errors, 0 warnings" in output
    assert "content-check: a content-only change: the test suite is not needed" in output
    assert "site check: 0 broken links" in output
    assert "site check: opened" in output or "browser smoke test skipped" in output
    # The reviewer's view of it: the new claim, its evidence with stance and via, the new measure.
    assert "jan-2026-release-count" in output
    assert "supports" in output and "via Viasna" in output and "contradicts" in output
    assert "prisoners-freed-jan-2026" in output
    assert (repo / "site" / "claims" / "jan-2026-release-count" / "index.html").is_file()
