"""Shared helpers: small dossiers written to a temporary folder, and ways to look at problems.

Every test that builds a dossier runs with the temporary folder as its working folder, so
problems name files the way a user sees them: `content/claims.yaml`, `content/articles/x.md`.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import textwrap
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sitebuild import FIXED_BUILD_DATE, generate_project, mkdocs_build, sample_project

from dossier.check import CheckResult, check_content
from dossier.problems import Problem

# Property tests: many examples, no deadline (CI machines are slow), same examples every run.
settings.register_profile(
    "dossier",
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("dossier")

CLAIMS = "content/claims.yaml"


@pytest.fixture(autouse=True)
def _not_strict_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """`dossier check` is strict under CI=true (as CI runs the suite): tests that want it strict say so."""
    monkeypatch.delenv("CI", raising=False)


def art(id_: str) -> str:
    """How an article file is named in problems."""
    return f"content/articles/{id_}.md"


def article(body: str, **meta: object) -> str:
    """An article file: front matter from `meta` (title and outlet defaulted), then `body`.

    Pass `title=None` or `outlet=None` to leave that field out. Values are written as given
    (so `published="2025-09-11"` is written unquoted, as analysts do).
    """
    fields = {"title": "A headline", "outlet": "Example Times", "published": "2025-09-11", **meta}
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, list):
            value = "[" + ", ".join(value) + "]"
        lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n" + textwrap.dedent(body).lstrip("\n")


# A small, valid world that most tests extend with one mistake.
NYT_BODY = """\
Belarus freed 52 political prisoners on Thursday, including 14 foreign citizens, in a deal brokered by the United States.

The release followed a visit to Minsk by John Coale, an envoy of President Trump, who said the "next step" was talks.

President Alexander Lukashenko said the country was ready for a "big deal" with Washington.
"""

REUTERS_BODY = """\
Belarus released 52 prisoners on Thursday after an appeal by U.S. President Donald Trump, officials said.

The United States eased sanctions on the national airline Belavia.
"""

BASE_ARTICLES = {
    "nyt-2025-09-11": article(NYT_BODY, title="Belarus Frees 52 Prisoners", outlet="The New York Times"),
    "reuters-2025-09-11": article(REUTERS_BODY, title="Belarus frees 52 prisoners", outlet="Reuters"),
}

BASE_ENTITIES = """\
people:
  - id: alexander-lukashenko
    name: Alexander Lukashenko
    aliases: [Lukashenko, Lukashenka]
    countries: [belarus]
  - id: john-coale
    name: John Coale
countries:
  - id: belarus
    name: Belarus
  - id: united-states
    name: United States
    aliases: [US]
organizations:
  - id: belavia
    name: Belavia
    countries: [belarus]
events:
  - id: sept-2025-release
    name: Release of 52 prisoners
    date: 2025-09-11
    participants: [alexander-lukashenko, john-coale]
    countries: [belarus, united-states]
"""

BASE_CLAIM = """\
claims:
  - id: release-count
    text: Belarus freed 52 prisoners.
    about: [sept-2025-release, belarus]
    evidence:
      - article: nyt-2025-09-11
        stance: supports
        quote: Belarus freed 52 political prisoners on Thursday
"""

BASE_YAML = BASE_ENTITIES + BASE_CLAIM


def with_article(article_id: str, text: str | bytes) -> dict[str, str | bytes]:
    """BASE_ARTICLES plus one more article file."""
    return {**BASE_ARTICLES, article_id: text}


def edit(old: str, new: str, yaml: str = BASE_YAML) -> str:
    """`yaml` with its one occurrence of `old` replaced by `new` (an analyst's edit)."""
    assert yaml.count(old) == 1, f"{old!r} occurs {yaml.count(old)} times"
    return yaml.replace(old, new)


def write_dossier(
    root: Path,
    claims_yaml: str | None = BASE_YAML,
    articles: Mapping[str, str | bytes] | None = None,
    *,
    claims_folder: Mapping[str, str] | None = None,
) -> Path:
    """Write root/content with the given claims.yaml (None: none) and articles; returns content.

    `articles` maps an id (file name without .md) to the file's text, or bytes written as is;
    by default BASE_ARTICLES. `claims_folder` maps file names to texts in content/claims/.
    """
    content = root / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    for name, text in (BASE_ARTICLES if articles is None else articles).items():
        path = content / "articles" / f"{name}.md"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
    if claims_yaml is not None:
        (content / "claims.yaml").write_text(textwrap.dedent(claims_yaml), encoding="utf-8", newline="")
    if claims_folder is not None:
        (content / "claims").mkdir(exist_ok=True)
        for name, text in claims_folder.items():
            (content / "claims" / name).write_text(textwrap.dedent(text), encoding="utf-8", newline="")
    return content


@pytest.fixture
def make_dossier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """write_dossier in a fresh folder that is also the working folder; returns the content path."""
    monkeypatch.chdir(tmp_path)
    return lambda *args, **kwargs: write_dossier(tmp_path, *args, **kwargs)


@pytest.fixture
def check(make_dossier: Callable[..., Path]) -> Callable[..., CheckResult]:
    """Write a dossier (same arguments as write_dossier) and check it."""
    return lambda *args, **kwargs: check_content(make_dossier(*args, **kwargs))


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the nth line of `text` (dedented) containing `needle`."""
    found = [i for i, line in enumerate(textwrap.dedent(text).splitlines(), 1) if needle in line]
    assert len(found) >= nth, f"{needle!r} is not in the text {nth} times"
    return found[nth - 1]


def position(text: str, line_needle: str, value: str | None = None, nth: int = 1) -> tuple[int, int]:
    """(line, column), 1-based, of `value` (default: `line_needle`) on the nth line containing `line_needle`."""
    line = line_of(text, line_needle, nth)
    return line, textwrap.dedent(text).splitlines()[line - 1].index(value or line_needle) + 1


def describe(problems: tuple[Problem, ...]) -> str:
    return "\n".join(p.format_text() for p in problems) or "(no problems)"


def only_error(result: CheckResult) -> Problem:
    """The single error of a check (warnings allowed), with a readable failure otherwise."""
    assert len(result.errors) == 1, f"expected exactly one error, got:\n{describe(result.problems)}"
    return result.errors[0]


def only_warning(result: CheckResult) -> Problem:
    assert not result.errors, f"expected no errors, got:\n{describe(result.problems)}"
    assert len(result.warnings) == 1, f"expected exactly one warning, got:\n{describe(result.problems)}"
    return result.warnings[0]


def assert_clean(result: CheckResult) -> None:
    assert result.ok and result.analysis is not None, describe(result.problems)
    assert not result.problems, describe(result.problems)


def assert_at(problem: Problem, file: str, line: int, col: int | None = None) -> None:
    where = problem.location
    assert (where.file, where.line) == (file, line), f"at {where}, expected {file}:{line}: {problem.format_text()}"
    if col is not None:
        assert where.col == col, f"at column {where.col}, expected {col}: {problem.format_text()}"


def hints_text(problem: Problem) -> str:
    return "\n".join(problem.hints)


@contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    """Hold `lock` (a file) alone: another process of the run waits here until it is released."""
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def built_once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The folder `build` fills, made once per test run: when the tests run in parallel
    (pytest-xdist), the first worker to ask builds it and the others wait for it, then read it.
    A build that fails is not kept: the next worker to ask builds again (and fails the same way).
    What it holds must never be changed by a test."""
    run_folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_folder = run_folder.parent  # every worker's own folder is in the run's
    folder, done = run_folder / name, run_folder / f"{name}.done"
    with _exclusive(run_folder / f"{name}.lock"):
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            build(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def first_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample dossier (tests/fixtures/sample) built once per run with the project's mkdocs.yml and guide, --strict."""

    def build(out: Path) -> None:
        project_folder = out.parent / f"{out.name}-project"
        shutil.rmtree(project_folder, ignore_errors=True)
        project = sample_project(project_folder)
        result = mkdocs_build(project, out, env={"SOURCE_DATE_EPOCH": FIXED_BUILD_DATE})
        assert result.returncode == 0, result.stderr

    return built_once_per_run(tmp_path_factory, "first-site", build)


# The generated dossier the scale tests share: enough articles for claim lists of several pages.
GENERATED_ARTICLES = 150


@pytest.fixture(scope="session")
def generated_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A dossier of GENERATED_ARTICLES articles made by benchmarks/generate.py (seed 11), built
    once per run, --strict: (its project folder, its site)."""

    def build(folder: Path) -> None:
        project = folder / "project"
        generate_project(GENERATED_ARTICLES, project, seed=11)
        result = mkdocs_build(project / "mkdocs.yml", folder / "site")
        assert result.returncode == 0, result.stderr

    folder = built_once_per_run(tmp_path_factory, "generated", build)
    return folder / "project", folder / "site"
