"""One warnings policy (contract v3): `dossier check --strict` (or CI=true) and `mkdocs build
--strict` fail alike on a warning, unless the entry it is about accepts its code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, CLAIMS, art, article, edit, line_of
from sitebuild import ROOT, mkdocs_build, write_project

from dossier.acceptance import WARNING_CODES
from dossier.cli import main

# An article without a date (warning no-date) and a quote that occurs twice (ambiguous-quote).
TWICE = "Belarus freed 52 political prisoners on Thursday. Belarus freed 52 political prisoners on Thursday.\n"
UNDATED = {**BASE_ARTICLES, "undated": article(TWICE, published=None)}
REPEATED = edit(
    "        quote: Belarus freed 52 political prisoners on Thursday\n",
    "        quote: Belarus freed 52 political prisoners on Thursday\n"
    "      - article: undated\n        stance: supports\n        quote: freed 52 political prisoners\n",
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_warnings_fail_the_check_under_strict_and_in_ci(make_dossier, capsys, monkeypatch) -> None:
    make_dossier(REPEATED, UNDATED)
    assert run(capsys, "check")[0] == 0  # on an analyst's machine, warnings are shown and pass
    code, out = run(capsys, "check", "--strict")
    assert code == 1
    assert "dossier check: 0 errors, 2 warnings (3 articles" in out
    assert "warnings fail under --strict, as in CI and `mkdocs build --strict`" in out
    assert "dossier check: the codes of these warnings, to accept one where it is written: ambiguous-quote, no-date\n" in out
    monkeypatch.setenv("CI", "true")
    assert run(capsys, "check")[0] == 1  # CI is strict, as the build is
    assert run(capsys, "check", "--no-strict")[0] == 0


def test_an_accepted_warning_is_reported_as_accepted_and_passes_strict(make_dossier, capsys) -> None:
    claims = edit(
        "        quote: freed 52 political prisoners\n",
        "        quote: freed 52 political prisoners\n        accept: [ambiguous-quote]\n",
        REPEATED,
    )
    undated = {**BASE_ARTICLES, "undated": article(TWICE, published=None, accept="[no-date]")}
    make_dossier(claims, undated)
    code, out = run(capsys, "check", "--strict")
    assert code == 0, out
    quote_line = line_of(claims, "quote: freed 52 political prisoners")
    assert f"{CLAIMS}:{quote_line}:16: accepted warning: quote occurs more than once in article 'undated'" in out
    assert "[accepted: ambiguous-quote]" in out
    assert f"{art('undated')}:1:1: accepted warning: the article has no 'published' date [accepted: no-date]" in out
    assert "dossier check: 0 errors, 0 warnings, 2 accepted (3 articles" in out
    report = json.loads(run(capsys, "check", "--format", "json")[1])
    assert (report["warnings"], report["accepted"]) == (0, 2)
    assert all(p["accepted"] for p in report["problems"])
    github = run(capsys, "check", "--format", "github")[1]
    assert "::notice file=content/claims.yaml" in github and "title=dossier ambiguous-quote (accepted)::" in github


def test_an_accept_covers_only_its_own_entry(make_dossier, capsys) -> None:
    # The claim's first item accepts ambiguous-quote: the second item's warning is not covered.
    claims = edit(
        "        quote: Belarus freed 52 political prisoners on Thursday\n",
        "        quote: Belarus freed 52 political prisoners on Thursday\n        accept: [ambiguous-quote]\n",
        REPEATED,
    )
    make_dossier(claims, UNDATED)
    code, out = run(capsys, "check", "--strict")
    assert code == 1
    accept_line = line_of(claims, "accept: [ambiguous-quote]")
    assert f"{CLAIMS}:{line_of(claims, 'quote: freed 52')}:16: warning: quote occurs more than once" in out
    assert (
        f"{CLAIMS}:{accept_line}:17: warning: claim 'release-count', evidence 1: 'accept' lists 'ambiguous-quote', "
        "but there is no such warning here any more\n    remove 'ambiguous-quote' from 'accept'" in out
    )


def test_a_claims_accept_covers_its_evidence_and_an_unknown_code_is_named(make_dossier, capsys) -> None:
    claims = edit(
        "    about: [sept-2025-release, belarus]\n",
        "    about: [sept-2025-release, belarus]\n    accept: [ambiguous-quote, ambigous-quote]\n",
        REPEATED,
    )
    make_dossier(claims, {**BASE_ARTICLES, "undated": article(TWICE)})
    code, out = run(capsys, "check", "--strict")
    assert code == 1
    assert "accepted warning: quote occurs more than once" in out
    assert (
        "claim 'release-count': 'accept' lists 'ambigous-quote', which is not the code of any warning\n    did you mean 'ambiguous-quote'?"
        in out
    )
    assert "0 errors, 1 warning, 1 accepted" in out


def test_an_accept_never_hides_an_error(make_dossier, capsys) -> None:
    claims = edit(
        "        quote: Belarus freed 52 political prisoners on Thursday\n",
        "        quote: Belarus freed 53 political prisoners on Thursday\n        accept: [quote-not-found, ambiguous-quote]\n",
    )
    make_dossier(claims)
    code, out = run(capsys, "check")
    assert code == 1
    assert ": error: " in out and "accepted" not in out
    assert "stale" not in out and "'accept' lists" not in out  # not judged while the check stops at errors


def test_an_entitys_accept(make_dossier, capsys) -> None:
    claims = edit("    name: John Coale\n", "    name: John Coale\n    aliases: [Lukashenko]\n    accept: [shared-alias]\n", BASE_YAML)
    make_dossier(claims)
    code, out = run(capsys, "check", "--strict")
    assert code == 0, out
    assert "accepted warning: 'Lukashenko' names both 'alexander-lukashenko' and 'john-coale'" in out


def test_the_build_agrees_with_the_check(tmp_path: Path) -> None:
    articles = {**BASE_ARTICLES, "undated": article(TWICE, published=None)}
    config = write_project(tmp_path / "warned", BASE_YAML, articles)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1 and "the article has no 'published' date" in result.stderr
    articles["undated"] = article(TWICE, published=None, accept="[no-date]")
    config = write_project(tmp_path / "accepted", BASE_YAML, articles)
    result = mkdocs_build(config, tmp_path / "site2")
    assert result.returncode == 0, result.stderr
    assert "accepted warning: the article has no 'published' date" in result.stderr  # shown, as information


def test_the_claim_page_shows_every_acceptance(tmp_path: Path) -> None:
    claims = edit(
        "        quote: freed 52 political prisoners\n",
        "        quote: freed 52 political prisoners\n        accept: [ambiguous-quote]\n",
        REPEATED,
    )
    config = write_project(tmp_path, claims, UNDATED | {"undated": article(TWICE)})
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    page = (tmp_path / "site" / "claims" / "release-count" / "index.html").read_text("utf-8")
    shown = re.search(r"<dt>Accepted warnings</dt><dd[^>]*>(.*?)</dd>", page, re.S)
    assert shown is not None
    assert re.sub(r"<[^>]+>", "", shown.group(1)) == "ambiguous-quote — a quote that occurs more than once in its article (evidence 2)"


def _codes_given_in(source: str) -> set[str]:
    """The codes of warnings given in a module: problems.warning(..., code="x") and FieldProblems marked as warnings."""
    found = set()
    for call in re.finditer(r"\.warning\(", source):
        code = re.search(r'code="([a-z0-9-]+)"', source[call.end() : call.end() + 800])
        if code:
            found.add(code.group(1))
    # FieldProblem(path, message, hint, code, joiner, severity): the code two strings before "warning".
    found.update(re.findall(r'"([a-z0-9-]+)",\s*"[^"]*",\s*(?:severity=)?"warning"', source))
    return found


def test_every_warning_code_is_registered_and_in_the_guide() -> None:
    given = set().union(*(_codes_given_in(p.read_text("utf-8")) for p in (ROOT / "dossier").rglob("*.py")))
    assert given >= {"no-date", "ambiguous-quote", "shared-alias", "undeclared-measure"}  # the scan finds them
    assert given - set(WARNING_CODES) == set(), "add these codes to WARNING_CODES in dossier/acceptance.py"
    guide = (ROOT / "content" / "guide" / "warnings.md").read_text("utf-8")
    listed = set(re.findall(r"^- `([a-z0-9-]+)`: ", guide, re.M))
    assert set(WARNING_CODES) - listed == set(), "add an entry for these codes to content/guide/warnings.md"
