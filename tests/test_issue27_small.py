"""Small things an analyst met in issue 27: the home page's anchors, annotation ids that named a
local path, and exports written at the repository's root that git showed as untracked."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_YAML
from sitebuild import ROOT, mkdocs_build, write_project

from dossier.cli import main


def test_a_link_to_the_home_pages_own_list_of_articles_is_no_broken_anchor(tmp_path: Path) -> None:
    config = write_project(tmp_path, BASE_YAML, BASE_ARTICLES)
    (tmp_path / "content" / "index.md").write_text("# Our dossier\n\nThe sources are under [Articles](#articles).\n", "utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "no such anchor" not in result.stderr
    assert 'id="articles"' in (tmp_path / "site" / "index.html").read_text("utf-8")


def test_annotation_ids_never_name_the_file_written(make_dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_dossier()
    output = tmp_path / "elsewhere" / "x.json"
    output.parent.mkdir()
    assert main(["export", "--format", "annotations", "--output", str(output)]) == 0
    collection = json.loads(output.read_text("utf-8"))
    ids = [collection["id"], *(item["id"] for item in collection["first"]["items"])]
    assert collection["id"] == "annotations.json"
    assert all(str(tmp_path) not in i and "x.json" not in i for i in ids), ids
    assert main(["export", "--format", "annotations", "--output", str(output), "--site-url", "https://example.org/d/"]) == 0
    assert json.loads(output.read_text("utf-8"))["first"]["items"][0]["id"].startswith("https://example.org/d/annotations.json#")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_exports_written_at_the_root_are_ignored_by_git() -> None:
    names = ["dossier.json", "dossier.db", "dossier.metadata.json", "dossier.ftm.json", "annotations.json"]
    done = subprocess.run(["git", "check-ignore", "--no-index", *names], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == names
    # ... but not the content's files of the same names, nor the site's.
    kept = subprocess.run(
        ["git", "check-ignore", "--no-index", "content/dossier.json"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert kept.stdout == ""
