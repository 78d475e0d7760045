"""Contract v3, "Quotes (v3)": one block, whole numbers with every grouping and sign, invisible
tricks in a quote, negations under an ellipsis, and bidirectional controls written as HTML
references in an article. Each through `dossier check`, with our own messages."""

from __future__ import annotations

import pytest
from conftest import BASE_ENTITIES, CLAIMS, art, article, assert_at, assert_clean, describe, hints_text, line_of, only_error

from dossier.cli import main


def claims(quote: str, article_id: str = "probe") -> str:
    return (
        BASE_ENTITIES
        + f"""\
claims:
  - id: probe-claim
    text: A claim.
    about: [belarus]
    evidence:
      - article: {article_id}
        stance: supports
        quote: "{quote}"
"""
    )


def probe(body: str, **meta: object) -> dict[str, str]:
    return {"probe": article(body, **meta)}


def quote_line() -> int:
    return line_of(claims("x"), "quote:")


# ----- one block -----


@pytest.mark.parametrize(
    ("body", "first", "second"),
    [
        ("## Belarus frees\n\nprisoners were not freed on Thursday.\n", "heading", "paragraph"),
        ("- Belarus frees\n- prisoners were not freed on Thursday.\n", "list item", "list item"),
        ("Belarus frees\n\nprisoners were not freed on Thursday.\n", "paragraph", "paragraph"),
        ("# Belarus frees\nprisoners were not freed on Thursday.\n", "heading", "paragraph"),
    ],
)
def test_a_quote_never_runs_across_two_blocks(check, body: str, first: str, second: str) -> None:
    problem = only_error(check(claims("Belarus frees prisoners"), probe(body)))
    assert problem.code == "quote-joins-blocks"
    assert_at(problem, CLAIMS, quote_line())
    assert "quote runs across two blocks of article 'probe'" in problem.message
    assert f"“Belarus frees” ends a {first}" in problem.message
    assert f"“prisoners” starts the next block, a {second}" in problem.message
    assert "within one paragraph, heading, list item or table cell" in hints_text(problem)


def test_a_quote_within_one_block_of_several_lines_is_found(check) -> None:
    assert_clean(check(claims("Belarus frees prisoners were freed"), probe("Belarus frees\nprisoners were freed on Thursday.\n")))


def test_an_elided_quote_across_a_heading_and_a_paragraph_is_refused(check) -> None:
    body = "## Belarus frees some\n\nprisoners were not freed on Thursday.\n"
    problem = only_error(check(claims("Belarus frees some ... prisoners were not freed"), probe(body)))
    assert problem.code in ("quote-joins-paragraphs", "quote-joins-blocks")


# ----- whole numbers -----


@pytest.mark.parametrize(
    ("written", "quote", "part"),
    [
        ("1 300", "300 people came", "300"),
        ("1\u00a0300", "300 people came", "300"),
        ("1\u2009300", "300 people came", "300"),
        ("1\u202f300", "300 people came", "300"),
        ("1'300", "300 people came", "300"),
        ("1’300", "300 people came", "300"),
        ("1·300", "300 people came", "300"),
        ("1,300", "300 people came", "300"),
        ("-52", "52 people came", "52"),
        ("−52", "52 people came", "52"),
        ("4·5", "5 people came", "5"),
        ("12 300 000", "In all 12 300", "12 300"),
    ],
)
def test_a_quote_never_takes_part_of_a_number(check, written: str, quote: str, part: str) -> None:
    problem = only_error(check(claims(quote), probe(f"In all {written} people came to the square.\n")))
    assert problem.code == "quote-partial-number"
    assert f"'{part}' is part of '{written}'" in problem.message, problem.message
    assert f"('{written}')" in hints_text(problem)


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        ("In 2025 300 people came to the square.", "300 people came"),  # 2025: four digits, not a group
        ("About 1 30 people came to the square.", "30 people came"),  # 30: not a group of three
        ("COVID-19 cases rose in the square.", "19 cases rose"),  # a hyphen after a letter is no sign
        ("In all 1 300 people came to the square.", "1 300 people came"),
        ("It fell by −52 percent in a year.", "−52 percent in"),
        ("It fell by −52 percent in a year.", "-52 percent in"),
    ],
)
def test_whole_numbers_and_what_is_no_number_are_found(check, body: str, quote: str) -> None:
    assert_clean(check(claims(quote), probe(body + "\n")))


def test_numbers_of_two_paragraphs_are_two_numbers(check) -> None:
    assert_clean(check(claims("300 people came"), probe("The count was 12\n\n300 people came to the square.\n")))


# ----- invisible tricks in a quote -----


@pytest.mark.parametrize(
    ("quote", "named"),
    [
        ("The number is \\u202e25\\u202c prisoners", "U+202E right-to-left override"),
        ("The number\\u200b is 25 prisoners", "U+200B zero width space"),
        ("The number is 25\\u2066 prisoners", "U+2066 left-to-right isolate"),
    ],
)
def test_invisible_characters_in_a_quote_are_a_warning_at_its_line(check, quote: str, named: str) -> None:
    result = check(claims(quote), probe("The number is 25 prisoners, officials said.\n"))
    assert not result.errors, describe(result.problems)
    (warning,) = result.warnings
    assert warning.code == "quote-invisible-characters"
    assert_at(warning, CLAIMS, quote_line())
    assert named in warning.message
    assert "delete them from the quote" in hints_text(warning)


# ----- negation under an ellipsis -----


@pytest.mark.parametrize(
    ("body", "quote", "word"),
    [
        ("Lukashenko did not release any prisoners on Thursday.", "Lukashenko did ... release any prisoners", "not"),
        ("Lukashenko didn't release any prisoners on Thursday.", "Lukashenko ... release any prisoners", "didn't"),
        ("He said they would never be freed at all.", "He said they would ... be freed at all", "never"),
        ("Власти не освободили заключённых в четверг.", "Власти ... освободили заключённых", "не"),
        ("Улады няма намеру вызваляць вязняў.", "Улады ... намеру вызваляць вязняў", "няма"),
    ],
)
def test_a_negation_left_out_by_an_ellipsis_is_a_warning_naming_it(check, body: str, quote: str, word: str) -> None:
    result = check(claims(quote), probe(body + "\n"))
    assert not result.errors, describe(result.problems)
    (warning,) = result.warnings
    assert warning.code == "negation-elided"
    assert_at(warning, CLAIMS, quote_line())
    assert f"the ellipsis of this quote leaves out '{word}'" in warning.message
    assert "quote the words with the negation" in hints_text(warning)


def test_an_ellipsis_leaving_out_no_negation_is_fine(check) -> None:
    body = "Lukashenko did, after long talks, release many prisoners on Thursday.\n"
    assert_clean(check(claims("Lukashenko did ... release many prisoners"), probe(body)))


# ----- bidirectional controls written as references -----


@pytest.mark.parametrize("reference", ["&#x202E;", "&#X202e;", "&#8238;", "&rlm;", "&lrm;", "&#x2067;"])
def test_a_bidi_control_written_as_a_reference_is_a_warning_naming_its_line(check, reference: str) -> None:
    body = f"The first line is plain.\n\nThe number is {reference}25 prisoners.\n"
    result = check(claims("The first line is plain"), probe(body))
    assert not result.errors, describe(result.problems)
    (warning,) = result.warnings
    assert warning.code == "bidi-control"
    front_matter_lines = 5  # ---, title, outlet, published, ---
    assert_at(warning, art("probe"), front_matter_lines + 3, len("The number is ") + 1)
    assert "bidirectional control characters on this line" in warning.message


def test_an_ordinary_reference_is_no_bidi_warning(check) -> None:
    assert_clean(check(claims("The first line is plain"), probe("The first line is plain &amp; simple &#233;.\n")))


# ----- the same problems in --format github -----


def test_the_new_rules_show_in_github_annotations(make_dossier, capsys) -> None:
    make_dossier(claims("Belarus frees prisoners"), probe("## Belarus frees\n\nprisoners were not freed on Thursday.\n"))
    code = main(["check", "--format", "github"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"::error file={CLAIMS},line={quote_line()}," in out
    assert "title=dossier quote-joins-blocks::quote runs across two blocks" in out


def test_a_warning_of_the_new_rules_shows_in_github_annotations(make_dossier, capsys) -> None:
    make_dossier(claims("Lukashenko did ... release any prisoners"), probe("Lukashenko did not release any prisoners.\n"))
    code = main(["check", "--format", "github"])
    out = capsys.readouterr().out
    assert code == 0
    assert f"::warning file={CLAIMS},line={quote_line()}," in out
    assert "title=dossier negation-elided::the ellipsis of this quote leaves out 'not'" in out
