"""Values of contract v3: exact decimals, a precision limit that is an error (never a crash), values in their quotes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BASE_ENTITIES, CLAIMS, article, describe, only_error, only_warning, position, with_article

from dossier.check import CheckResult

Check = Callable[..., CheckResult]

RATIO_ARTICLES = with_article(
    "ratio-1", article("The ratio of freed to held prisoners was about 0.7 last year, officials said.", outlet="Minsk Daily")
)
RATIO_ARTICLES = {
    **RATIO_ARTICLES,
    "ratio-2": article("The ratio of freed to held prisoners reached 0.77 this year, a survey found.", outlet="Vilnius Post"),
    "counts-1": article(
        "Officials counted more than 1,000 prisoners still held, and 1 300 people were questioned.\n\n"
        "Belarus freed 52 prisoners on Thursday, the embassy said.",
        outlet="Minsk Daily",
    ),
}

MEASURE = """\
measures:
  - id: ratio
    name: Ratio of freed to held prisoners
    tolerance: 0.1
"""


def claim(claim_id: str, value: str, article_id: str, quote: str, approximate: bool = False) -> str:
    return f"""\
  - id: {claim_id}
    text: A claim with a number.
    about: [belarus]
    quantity:
      measure: ratio
      value: {value}
      approximate: {str(approximate).lower()}
    evidence:
      - article: {article_id}
        stance: supports
        quote: "{quote}"
"""


def dossier(*claims: str) -> str:
    return BASE_ENTITIES + MEASURE + "claims:\n" + "".join(claims)


ABOUT_07 = claim("about-07", "0.7", "ratio-1", "was about 0.7 last year", approximate=True)


def test_about_07_with_tolerance_01_contains_077_exactly(check: Check) -> None:
    result = check(dossier(ABOUT_07, claim("exact-077", "0.77", "ratio-2", "prisoners reached 0.77 this year")), RATIO_ARTICLES)
    assert result.ok and not result.problems, describe(result.problems)
    assert result.analysis is not None
    [found] = result.analysis.discrepancies
    assert found.conflict is False  # [0.63, 0.77] holds 0.77: only a difference in precision


def test_just_outside_the_exact_interval_is_a_conflict(check: Check) -> None:
    articles = {**RATIO_ARTICLES, "ratio-2": RATIO_ARTICLES["ratio-2"].replace("0.77", "0.771")}
    result = check(dossier(ABOUT_07, claim("exact-0771", "0.771", "ratio-2", "prisoners reached 0.771 this year")), articles)
    assert result.ok and result.analysis is not None, describe(result.problems)
    assert result.analysis.discrepancies[0].conflict is True


@pytest.mark.parametrize(
    "value, why",
    [
        ("9007199254740991", "it has 16 significant digits, more than 15"),
        ("9007199254740992", "its integer part is larger than 9,007,199,254,740,991"),
        ("9007199254740993", "its integer part is larger than 9,007,199,254,740,991"),
        ("10000000000000000", "its integer part is larger than 9,007,199,254,740,991"),
        ("1" * 401, "its integer part is larger than 9,007,199,254,740,991"),
        ("1" * 5000, "its integer part is larger than 9,007,199,254,740,991"),
        ("1e400", "its integer part is larger than 9,007,199,254,740,991"),
        ("0x" + "f" * 5000, "its integer part is larger than 9,007,199,254,740,991"),
        ("0.1234567890123456", "it has 16 significant digits, more than 15"),
        ("1.0000000000000001", "it has 17 significant digits, more than 15"),
        ("{min: 1, max: 12345678901234567}", None),
    ],
)
def test_a_number_too_precise_to_compare_is_an_error_not_a_crash(check: Check, value: str, why: str | None) -> None:
    yaml = dossier(claim("big", value, "ratio-1", "was about 0.7 last year"))
    error = only_error(check(yaml, RATIO_ARTICLES))
    assert error.code == "too-precise"
    assert error.location.line == position(yaml, "value: ")[0]
    assert "is too precise to compare" in error.message and "at most 15 significant digits" in error.hints[0]
    if why is not None:
        assert error.message.endswith(why)
    else:
        assert "'value', 'max' is too precise to compare" in error.message
    assert len(error.message) < 300  # the digits are never printed


def test_fifteen_significant_digits_are_compared_exactly(check: Check) -> None:
    result = check(
        dossier(
            claim("a", "900719925474099", "ratio-1", "was about 0.7 last year"),
            claim("b", "900719925474098", "ratio-2", "prisoners reached 0.77 this year"),
        ),
        RATIO_ARTICLES,
    )
    assert result.ok and result.analysis is not None, describe(result.problems)
    [found] = result.analysis.discrepancies
    assert found.conflict is True


def test_a_401_digit_value_is_an_error_in_the_cli_not_a_traceback(make_dossier: Callable[..., Path]) -> None:
    content = make_dossier(dossier(claim("big", "1" * 401, "ratio-1", "was about 0.7 last year")), RATIO_ARTICLES)
    for form in ("text", "github"):
        run = subprocess.run(
            [sys.executable, "-m", "dossier", "check", "--content", str(content), "--format", form],
            capture_output=True,
            text=True,
            cwd=content.parent,
        )
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert "is too precise to compare" in run.stdout
    assert "title=dossier too-precise::" in run.stdout


@pytest.mark.parametrize(
    "value, quote",
    [
        ("52", "Belarus freed 52 prisoners on Thursday"),
        ("{min: 1001}", "counted more than 1,000 prisoners still held"),
        ("{max: 999}", "counted more than 1,000 prisoners still held"),
        ("1300", "and 1 300 people were questioned"),
        ("0.7", "was about 0.7 last year"),
    ],
)
def test_a_value_its_quotes_give_passes(check: Check, value: str, quote: str) -> None:
    article_id = "ratio-1" if "0.7" in quote else "counts-1"
    result = check(dossier(claim("c", value, article_id, quote)), RATIO_ARTICLES)
    assert result.ok and not result.problems, describe(result.problems)


@pytest.mark.parametrize(
    "value, quote, given",
    [
        ("52000", "Belarus freed 52 prisoners on Thursday", "'52'"),
        ("300", "and 1 300 people were questioned", "'1 300'"),
        ("{min: 1300, max: 1400}", "and 1 300 people were questioned", "'1 300'"),
        ("-52", "Belarus freed 52 prisoners on Thursday", "'52'"),
    ],
)
def test_a_value_its_quotes_do_not_give_is_a_warning(check: Check, value: str, quote: str, given: str) -> None:
    yaml = dossier(claim("c", value, "counts-1", quote))
    warning = only_warning(check(yaml, RATIO_ARTICLES))
    assert warning.code == "value-not-in-quotes"
    assert (warning.location.file, warning.location.line) == (CLAIMS, position(yaml, "value: ")[0])
    assert f"is not a number the claim's supporting quotes give (they give {given})" in warning.message
    assert "write the value the sources give" in warning.hints[0]


def test_quotes_without_digits_say_nothing_about_the_value(check: Check) -> None:
    articles = with_article("words-1", article("Officials said that fifty-two prisoners were freed.", outlet="Minsk Daily"))
    result = check(dossier(claim("c", "52", "words-1", "fifty-two prisoners were freed")), articles)
    assert result.ok and not result.problems, describe(result.problems)


def test_only_supporting_quotes_count(check: Check) -> None:
    yaml = dossier(claim("c", "52", "counts-1", "Belarus freed 52 prisoners on Thursday"))
    yaml += """\
      - article: ratio-1
        stance: contradicts
        quote: was about 0.7 last year
"""
    result = check(yaml, RATIO_ARTICLES)
    assert result.ok and not result.warnings, describe(result.problems)
