"""A developer's pull request through the same workflow script as an analyst's (.ci/content-check,
tests/test_analyst_change.py): a change outside content/ runs the test suite too.

A file of its own, so that the test runner's workers (one file each) run it beside the
analyst's change. Its copy of the repository holds a small dossier: the script's check, build
and browser smoke test of the whole dossier are the analyst's test's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import write_dossier
from sitebuild import DOSSIER_FILES
from test_analyst_change import copy_of_the_repository, git, run_the_pull_request_checks


def with_a_small_dossier(repo: Path) -> None:
    """The copy's dossier replaced by conftest's small one (two articles, one claim): what is
    tested here is the script's road, which the analyst's test follows with the whole dossier."""
    content = repo / "content"
    for name in DOSSIER_FILES:
        shutil.rmtree(content / name, ignore_errors=True)
        (content / name).unlink(missing_ok=True)
    write_dossier(repo)
    (content / "index.md").write_text("# A small dossier\n\nTwo articles and one claim.\n", "utf-8")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_change_to_code_runs_the_test_suite_too(tmp_path: Path) -> None:
    repo = copy_of_the_repository(tmp_path / "repo", with_a_small_dossier)
    git(repo, "checkout", "-q", "-b", "developer")
    for test in [*(repo / "tests").glob("test_*.py"), *(repo / "tests" / "browser").glob("test_*.py")]:
        test.unlink()  # the suite to run: one tiny test only
    (repo / "tests" / "test_one.py").write_text("def test_one() -> None:\n    assert 1 + 1 == 2\n", "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a change to the tests")
    done = run_the_pull_request_checks(repo, "main")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "content-check: the change touches more than content/, so the test suite runs:" in output
    assert "1 passed" in output
