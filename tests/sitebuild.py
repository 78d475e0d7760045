"""Building real sites with the real `mkdocs` command, for the site tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The sample dossier the tests know: a copy of the seed as it was when the tests were written
# (articles, claims.yaml, index.md). Tests assert facts about it, never about content/, which
# analysts change in pull requests; of content/ they assert only what holds for any valid
# dossier (tests/test_content.py).
SAMPLE_CONTENT = ROOT / "tests" / "fixtures" / "sample"

# A fixed build date (SOURCE_DATE_EPOCH) for sites that tests compare file for file: the shared
# sample site (conftest.py's first_site) and the builds compared with it or with each other (two
# builds on either side of midnight would date their sitemaps differently).
FIXED_BUILD_DATE = "1764547200"

MINIMAL_MKDOCS_YML = """\
site_name: Test dossier
docs_dir: content
theme: material
plugins: [search, dossier]
"""


# The dossier's own files in content/; the rest of it (the guide) is the project's.
DOSSIER_FILES = {"articles", "claims", "claims.yaml", "index.md", "rechecks.yaml", "captures"}


def sample_project(root: Path) -> Path:
    """The project as it is (mkdocs.yml, the guide) with the sample dossier as its content; its mkdocs.yml."""
    root.mkdir(parents=True, exist_ok=True)
    top = str(ROOT / "content")
    shutil.copytree(ROOT / "content", root / "content", ignore=lambda folder, names: DOSSIER_FILES & set(names) if folder == top else set())
    shutil.copytree(SAMPLE_CONTENT, root / "content", dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root / "mkdocs.yml"


def mkdocs_build(config: Path, site: Path, *, strict: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of `config` into `site`, with `env` added to the environment."""
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    if strict:
        args.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=config.parent, timeout=600)


def write_project(root: Path, claims_yaml: str, articles: dict[str, str], mkdocs_yml: str = MINIMAL_MKDOCS_YML) -> Path:
    """A project folder with mkdocs.yml and content/; returns the mkdocs.yml path."""
    (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
    (root / "content" / "claims.yaml").write_text(textwrap.dedent(claims_yaml), "utf-8")
    for article_id, text in articles.items():
        (root / "content" / "articles" / f"{article_id}.md").write_text(text, "utf-8")
    config = root / "mkdocs.yml"
    config.write_text(mkdocs_yml, "utf-8")
    return config


def generate_project(articles: int, project: Path, seed: int) -> Path:
    """A synthetic dossier of that many articles (benchmarks/generate.py), as a project; its content folder."""
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(articles), str(project), "--seed", str(seed)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return project / "content"


# Pagefind's index (built after the pages) names its files by digests of data it orders
# differently from one run to the next: two builds of one site differ there, never in the
# pages it indexes, which are compared like every other file.
FULLTEXT_INDEX = "pagefind"


def built_files(folder: Path) -> list[str]:
    """Every file of a built site, as paths relative to it, but Pagefind's index."""
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and path.relative_to(folder).parts[0] != FULLTEXT_INDEX
    )
