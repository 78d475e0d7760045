"""A check that reuses the previous check's per-article outcomes (as the preview does)
reports exactly what a fresh check reports, after every kind of edit."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sitebuild import generate_project

from dossier import article_checks
from dossier.article_checks import OutcomeCache
from dossier.check import CheckResult, check_content
from dossier.export import export
from dossier.files import ContentFiles
from dossier.load import articles as articles_module
from dossier.model import Article
from dossier.problems import ProblemList

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_project(40, tmp_path_factory.mktemp("generated"), seed=3)


def _replace_first(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _a_quote(content: Path) -> str:
    claims = (content / "claims.yaml").read_text(encoding="utf-8")
    start = claims.index("quote: ") + len("quote: ")
    return claims[start : claims.index("\n", start)]


def _break_a_quote(content: Path) -> None:
    _replace_first(content / "claims.yaml", "quote: " + _a_quote(content), 'quote: "words that are in no article at all"')


def _add_a_line_before_the_claims(content: Path) -> None:
    _replace_first(content / "claims.yaml", "claims:\n", "# moved every claim one line down\nclaims:\n")


def _give_an_entity_an_alias_an_article_uses(content: Path) -> None:
    """A word of an article becomes an alias: the article now mentions that entity."""
    body = sorted((content / "articles").iterdir())[0].read_text(encoding="utf-8").split("---")[-1]
    word = next(w for w in body.split() if w.isalpha() and len(w) >= 7)
    _replace_first(content / "claims.yaml", "    aliases: [", f'    aliases: ["{word}", ')


def _edit_an_article(content: Path) -> None:
    article = sorted((content / "articles").iterdir())[0]
    _replace_first(article, " the ", " the \u202e")


def _summary(result: CheckResult) -> tuple[list[str], str]:
    data = export(result.dossier, result.analysis) if result.dossier and result.analysis else None
    return [p.format_text() for p in result.problems], json.dumps(data, sort_keys=True, default=str)


def _remove_an_article(content: Path) -> None:
    sorted((content / "articles").iterdir())[-1].unlink()


def _nothing(content: Path) -> None:
    pass


# (the content before the first check, the edit): a broken quote's problem must move with it.
EDITS: dict[str, tuple[Callable[[Path], None], Callable[[Path], None]]] = {
    "a quote broken": (_nothing, _break_a_quote),
    "every claim moved a line": (_break_a_quote, _add_a_line_before_the_claims),
    "an entity given an alias": (_nothing, _give_an_entity_an_alias_an_article_uses),
    "an article edited": (_nothing, _edit_an_article),
    "an article removed": (_nothing, _remove_an_article),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_check_reusing_outcomes_reports_what_a_fresh_check_reports(generated: Path, tmp_path: Path, edit: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(generated, content)
    cache = OutcomeCache()
    setup, change = EDITS[edit]
    setup(content)
    before = check_content(content, cache=cache)
    change(content)
    reused = check_content(content, cache=cache)
    fresh = check_content(content)
    assert _summary(reused) == _summary(fresh)
    assert _summary(reused) != _summary(before)  # the edit shows


def test_only_the_files_an_edit_changed_are_read_again(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    shutil.copytree(generated, content)
    read: list[str] = []
    load_article = articles_module._load_article

    def counting(path: Path, root: ContentFiles, problems: ProblemList) -> Article | None:
        read.append(path.name)
        return load_article(path, root, problems)

    monkeypatch.setattr(articles_module, "_load_article", counting)
    cache = OutcomeCache()
    check_content(content, cache=cache)
    assert len(read) == 40
    read.clear()
    _edit_an_article(content)
    check_content(content, cache=cache)
    assert read == [sorted((content / "articles").iterdir())[0].name]


def test_new_names_find_mentions_again_but_leave_quotes_alone(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    shutil.copytree(generated, content)
    verified: list[str] = []
    verify = article_checks.verify_quote

    def counting(*args: Any, **kwargs: Any) -> Any:
        verified.append(args[2])
        return verify(*args, **kwargs)

    monkeypatch.setattr(article_checks, "verify_quote", counting)
    cache = OutcomeCache()
    check_content(content, cache=cache)
    assert verified
    verified.clear()
    _give_an_entity_an_alias_an_article_uses(content)
    reused = check_content(content, cache=cache)
    assert verified == []
    assert _summary(reused) == _summary(check_content(content))
