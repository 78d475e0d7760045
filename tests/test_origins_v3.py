"""Origins of contract v3: no nameless origin, no mixed-script word, confusable skeletons, origins inside origins."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE_ARTICLES, BASE_ENTITIES, CLAIMS, art, article, describe, only_error, only_warning, position, with_article
from sitebuild import mkdocs_build, write_project

from dossier.check import CheckResult
from dossier.model import Status
from dossier.origins import OriginResolver

Check = Callable[..., CheckResult]

AP_ENTITY = """\
  - id: associated-press
    name: Associated Press
    aliases: [AP]
"""

TWO_ITEMS = """\
claims:
  - id: release-count
    text: Belarus freed 52 prisoners.
    about: [sept-2025-release, belarus]
    evidence:
      - article: nyt-2025-09-11
        stance: supports
        quote: Belarus freed 52 political prisoners on Thursday
        via: {first}
      - article: reuters-2025-09-11
        stance: supports
        quote: Belarus released 52 prisoners on Thursday
        via: {second}
"""


def claims(first: str, second: str, entities: str = BASE_ENTITIES) -> str:
    return entities + TWO_ITEMS.format(first=first, second=second)


def with_ap(entities: str = BASE_ENTITIES) -> str:
    return entities.replace("organizations:\n", "organizations:\n" + AP_ENTITY)


@pytest.mark.parametrize("via", ['"?"', '"-"', '"..."', '"—"'])
def test_an_origin_without_a_letter_or_digit_is_an_error_at_its_via(check: Check, via: str) -> None:
    yaml = claims(via, "Reuters")
    error = only_error(check(yaml))
    assert error.code == "origin-without-name"
    assert (error.location.file, error.location.line) == (CLAIMS, position(yaml, "via: " + via)[0])
    assert "has no letter or digit, so it names no source" in error.message
    assert "write the source's name" in error.hints[0]


def test_an_outlet_without_a_letter_is_an_error_at_the_outlet_line(check: Check) -> None:
    error = only_error(check(articles=with_article("blog-1", article("Some text here.", outlet='"..."'))))
    assert error.code == "origin-without-name"
    assert (error.location.file, error.location.line) == (art("blog-1"), 3)


def test_an_outlet_mixing_scripts_within_a_word_names_the_letter(check: Check) -> None:
    articles = {
        **BASE_ARTICLES,
        "reuters-2025-09-11": BASE_ARTICLES["reuters-2025-09-11"].replace("outlet: Reuters", "outlet: R\u0435uters"),
    }
    error = only_error(check(articles=articles))
    assert error.code == "mixed-script"
    assert (error.location.file, error.location.line) == (art("reuters-2025-09-11"), 3)
    assert "'\u0435' (U+0435 CYRILLIC SMALL LETTER IE)" in error.message
    assert "mixes scripts within one word" in error.message and "retype" in error.hints[0]


def test_a_via_and_an_alias_mixing_scripts_are_errors_where_they_are_written(check: Check) -> None:
    entities = with_ap().replace("aliases: [AP]", "aliases: [AP, \u0410ssociated Press Agency]")
    yaml = claims("\u0410ssociated Press", "Reuters", entities)
    result = check(yaml)
    found = {(p.code, p.location.line) for p in result.errors}
    assert found == {
        ("mixed-script", position(yaml, "via: \u0410ssociated")[0]),
        ("mixed-script", position(yaml, "\u0410ssociated Press Agency")[0]),
    }, describe(result.problems)
    assert all("'\u0410' (U+0410 CYRILLIC CAPITAL LETTER A)" in p.message for p in result.errors)


def test_whole_words_in_one_script_are_fine(check: Check) -> None:
    entities = BASE_ENTITIES.replace(
        "aliases: [Lukashenko, Lukashenka]", "aliases: [Lukashenko, Lukashenka, \u041b\u0443\u043a\u0430\u0448\u0435\u043d\u043a\u043e]"
    )
    result = check(claims("\u0411\u0435\u043b\u0422\u0410", "Reuters", entities))
    assert result.ok and not result.problems, describe(result.problems)


def test_cyrillic_ap_is_the_origin_ap_and_the_entity_whose_alias_it_is(check: Check) -> None:
    result = check(claims("AP", "\u0410\u0420", with_ap()))  # Cyrillic А and Р
    assert result.ok and not result.problems, describe(result.problems)
    assert result.analysis is not None
    assessment = result.analysis.assessments["release-count"]
    assert assessment.status is Status.SINGLE_SOURCE
    assert assessment.supporting_origins == ("Associated Press",)


def test_origins_that_are_no_entity_compare_by_skeleton_too(check: Check) -> None:
    result = check(claims("PAX", "\u0420\u0410\u0425"))  # Cyrillic Р, А, Х: a whole word in one script
    assert result.ok and not result.problems, describe(result.problems)
    assert result.analysis is not None
    assert result.analysis.assessments["release-count"].status is Status.SINGLE_SOURCE


@pytest.mark.parametrize("written", ["Reuters News Agency", "Yahoo News (Reuters)", "Reuters/AP"])
def test_an_origin_containing_another_origins_name_is_a_warning(check: Check, written: str) -> None:
    yaml = claims(written, "Reuters")
    warning = only_warning(check(yaml))
    assert warning.code == "origin-contains-origin"
    assert warning.location.line == position(yaml, "- article: nyt-2025-09-11")[0]  # the evidence item
    assert f"the origin '{written}' contains the name of another origin, 'Reuters'" in warning.message
    assert "alias" in warning.hints[0] and "via: Reuters" in warning.hints[0]


def test_names_in_capitals_are_contained_only_in_capitals(check: Check) -> None:
    yaml = claims("Reuters/AP", "AP", with_ap())
    warning = only_warning(check(yaml))
    assert "'Reuters/AP' contains the name of another origin, 'Associated Press'" in warning.message
    assert "add 'Reuters/AP' to the aliases of 'associated-press'" in warning.hints[0]
    assert check(claims("Ap Weekly", "AP", with_ap())).problems == ()


def test_an_alias_or_a_via_settles_an_origin_containing_another(check: Check) -> None:
    entities = BASE_ENTITIES.replace(
        "organizations:\n", "organizations:\n  - id: reuters\n    name: Reuters\n    aliases: [Reuters News Agency]\n"
    )
    assert check(claims("Reuters News Agency", "Reuters", entities)).problems == ()
    # An outlet whose every citation credits a `via` is no origin of anything.
    articles = with_article("yahoo-1", article("Belarus released 52 prisoners on Thursday, Reuters said.", outlet='"Yahoo News (Reuters)"'))
    yaml = claims("Reuters", "Reuters").replace("nyt-2025-09-11", "yahoo-1", 1)
    yaml = yaml.replace("Belarus freed 52 political prisoners on Thursday", "Belarus released 52 prisoners on Thursday, Reuters said")
    assert check(yaml, articles).problems == ()


def test_v2_spellings_of_one_origin_still_count_once(check: Check) -> None:
    result = check(claims("new york times.", "The New York Times"))
    assert result.ok and result.analysis is not None, describe(result.problems)
    assert result.analysis.assessments["release-count"].status is Status.SINGLE_SOURCE


def test_the_rules_appear_as_github_annotations(make_dossier: Callable[..., Path]) -> None:
    content = make_dossier(claims('"?"', "R\u0435uters"))
    run = subprocess.run(
        [sys.executable, "-m", "dossier", "check", "--content", str(content), "--format", "github"],
        capture_output=True,
        text=True,
        cwd=content.parent,
    )
    assert run.returncode == 1
    assert "title=dossier origin-without-name::'via' '?' has no letter or digit" in run.stdout
    assert "title=dossier mixed-script::'via' 'R\u0435uters' mixes scripts" in run.stdout
    assert "U+0435 CYRILLIC SMALL LETTER IE" in run.stdout


def test_a_built_site_counts_cyrillic_ap_and_ap_as_one_source(tmp_path: Path) -> None:
    articles = dict(BASE_ARTICLES)
    config = write_project(tmp_path, claims("AP", "\u0410\u0420", with_ap()), articles)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "claims" / "release-count" / "index.html").read_text("utf-8")
    assert "Single source" in html and "Corroborated" not in html
    # A word mixing scripts stops the build with the check's message.
    config = write_project(tmp_path, claims("AP", "R\u0435uters", with_ap()), articles)
    result = mkdocs_build(config, tmp_path / "site2")
    assert result.returncode != 0
    assert "U+0435 CYRILLIC SMALL LETTER IE" in result.stderr


def test_the_check_makes_one_resolver_and_hands_it_on(check: Check, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[OriginResolver] = []
    original = OriginResolver.__init__

    def counted(self: OriginResolver, *args: Any) -> None:
        made.append(self)
        original(self, *args)

    monkeypatch.setattr(OriginResolver, "__init__", counted)
    result = check(claims("AP", "Reuters", with_ap()))
    assert result.ok and result.analysis is not None, describe(result.problems)
    assert len(made) == 1  # validation, derivation and the site's outlets all used the check's one
    assert result.analysis.outlet_origins["reuters-2025-09-11"].display == "Reuters"
