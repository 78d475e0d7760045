"""`make build`: the dossier is checked first, and a failed build never empties the last good site/."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, NYT_BODY, article, edit
from sitebuild import ROOT, write_project

VENV = ROOT / ".venv"
pytestmark = pytest.mark.skipif(shutil.which("make") is None or not (VENV / "bin" / "mkdocs").exists(), reason="needs make and .venv")


def make_build(project: Path) -> subprocess.CompletedProcess[str]:
    """The project's own Makefile target, with this checkout's virtualenv (-o: never reinstalled)."""
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    stamp = VENV / ".installed"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        ["make", "-o", str(stamp), f"VENV={VENV}", "build"], cwd=project, capture_output=True, text=True, env=env, timeout=600
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_project(tmp_path, BASE_YAML, BASE_ARTICLES)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "last-good.html").write_text("the last good site", "utf-8")
    return tmp_path


def test_a_good_build_replaces_the_site(project: Path) -> None:
    done = make_build(project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "site" / "index.html").is_file()
    assert not (project / "site" / "last-good.html").exists()
    assert not (project / "site.new").exists()


def test_errors_stop_the_build_before_it_starts_and_keep_the_site(project: Path) -> None:
    claims = project / "content" / "claims.yaml"
    claims.write_text(edit("freed 52 political prisoners", "freed 53 political prisoners"), "utf-8")
    done = make_build(project)
    assert done.returncode != 0
    assert "content/claims.yaml:" in done.stdout and "error:" in done.stdout  # as `dossier check` prints them
    assert (project / "site" / "last-good.html").read_text("utf-8") == "the last good site"
    assert not (project / "site.new").exists()


def test_a_build_failing_on_a_warning_keeps_the_site(project: Path) -> None:
    # `dossier check` passes with a warning (no published date); `mkdocs build --strict` fails on it.
    (project / "content" / "articles" / "nyt-2025-09-11.md").write_text(
        article(NYT_BODY, title="Belarus Frees 52 Prisoners", outlet="The New York Times", published=None), "utf-8"
    )
    done = make_build(project)
    assert done.returncode != 0
    assert "warning: the article has no 'published' date" in done.stdout
    assert (project / "site" / "last-good.html").read_text("utf-8") == "the last good site"
    assert not (project / "site.new").exists()
