"""The generators a dossier builds with: MkDocs 1.6 (primary), ProperDocs 1.6.7 (the same
site, file for file) and Zensical, which has no plugins, through `dossier pages`.

These build real sites (seconds each): small dossiers only. None of them is skipped when a
generator is missing: the test fails and says what to install.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import write_dossier
from sitebuild import MINIMAL_MKDOCS_YML, ROOT
from sitecheck import broken_links, parse
from test_cli import run

from dossier.cli import main
from dossier.site.rendering.links import HOME

COMPARE = ROOT / ".github" / "scripts" / "compare_generators.py"
WORKFLOW = ROOT / ".github" / "workflows" / "generators.yml"


def require(module: str, package: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.fail(f"{package} is not installed: pip install -r requirements.lock", pytrace=False)


def small_project(root: Path) -> Path:
    """A small dossier with a page of its own, as a project; returns its mkdocs.yml."""
    content = write_dossier(root)
    (content / "guide").mkdir()
    (content / "guide" / "how.md").write_text("# How to read it\n\nStart at the [claims](../claims.md).\n", "utf-8")
    config = root / "mkdocs.yml"
    config.write_text(MINIMAL_MKDOCS_YML, "utf-8")
    return config


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path) -> None:
    require("properdocs", "ProperDocs")
    config = small_project(tmp_path / "project")
    builds = tmp_path / "builds"
    result = subprocess.run(
        [sys.executable, str(COMPARE), "--config", str(config), "--keep", str(builds)],
        capture_output=True,
        text=True,
        timeout=900,
        # With the prerendering process, under both generators: the seed site's job in CI builds without it.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOSSIER_PARALLEL": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the same apart from the generator's name" in result.stdout
    claim = builds / "properdocs" / "claims" / "release-count" / "index.html"
    assert "ProperDocs" in claim.read_text("utf-8")  # built by ProperDocs indeed, with the dossier plugin
    assert "Belarus freed 52 political prisoners on Thursday" in claim.read_text("utf-8")
    # One page set: `dossier pages` writes a page for every page the plugin's build has.
    assert main(["pages", "--content", str(config.parent / "content"), "--out", str(tmp_path / "neutral")]) == 0
    docs = tmp_path / "neutral" / "docs"
    written = {p.relative_to(docs).with_suffix("").as_posix() for p in docs.rglob("*.md")}
    built = {p.parent.relative_to(builds / "mkdocs").as_posix() for p in (builds / "mkdocs").rglob("index.html")}
    assert {"." if page == "index" else page for page in written} == built


def test_the_comparison_names_every_difference(tmp_path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for site in (first, second):
        (site / "x").mkdir(parents=True)
        (site / "x" / "index.html").write_text('<meta name="generator" content="one">\n<p>same</p>\n', "utf-8")
    (second / "x" / "index.html").write_text('<meta name="generator" content="two">\n<p>same</p>\n', "utf-8")
    (first / "only.html").write_text("<p>first</p>\n", "utf-8")
    same = subprocess.run([sys.executable, str(COMPARE), "--sites", str(first / "x"), str(second / "x")], capture_output=True, text=True)
    assert same.returncode == 0, same.stdout
    (second / "x" / "index.html").write_text('<meta name="generator" content="two">\n<p>other</p>\n', "utf-8")
    differ = subprocess.run([sys.executable, str(COMPARE), "--sites", str(first), str(second)], capture_output=True, text=True)
    assert differ.returncode == 1
    assert "only in a: only.html" in differ.stdout
    assert "differs: x/index.html" in differ.stdout and "+<p>other</p>" in differ.stdout


def test_zensical_builds_every_page_link_and_quote_anchor_of_dossier_pages(tmp_path, monkeypatch, capsys) -> None:
    require("zensical", "Zensical")
    small_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "pages", "--out", "neutral")[0] == 0
    neutral = tmp_path / "neutral"
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict"], capture_output=True, text=True, cwd=neutral, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = neutral / "site"
    pages = sorted(p.relative_to(neutral / "docs").as_posix() for p in (neutral / "docs").rglob("*.md"))
    assert HOME in pages and "claims/release-count.md" in pages and "guide/how.md" in pages
    missing = [page for page in pages if not (site / page).with_suffix(".html").is_file()]
    assert missing == []
    assert broken_links(site) == []
    # The quote anchors: each claim page links to the passage of the article it quotes.
    quoted = 0
    for claim in (site / "claims").glob("*.html"):
        for href in parse(claim).links:
            parts = urlsplit(href)
            if parts.fragment.startswith("q-"):
                quoted += 1
                assert parts.fragment in parse((claim.parent / parts.path).resolve()).ids, f"{claim.name} -> {href}"
    assert quoted >= 1
    text = (site / "claims" / "release-count.html").read_text("utf-8")
    assert "Belarus freed 52 political prisoners on Thursday" in text
    assert "assets/dossier/dossier.css" in text and "assets/dossier/dossier.js" in text


def test_the_generators_workflow_runs_the_comparison_and_zensical() -> None:
    (job,) = yaml.safe_load(WORKFLOW.read_text("utf-8"))["jobs"].values()
    commands = "\n".join(step.get("run", "") for step in job["steps"])
    assert f"python {COMPARE.relative_to(ROOT).as_posix()} --config mkdocs.yml" in commands
    assert "dossier pages --out" in commands and "zensical build --strict" in commands
