"""YAML mistakes in plain words (issue 27): indentation, tabs and fields at the wrong level, and
the rest of the file still checked past a line that stops the parser."""

from __future__ import annotations

from conftest import BASE_YAML, CLAIMS, assert_at, describe, edit, hints_text, line_of

from dossier.cli import main

SECOND_ITEM = """\
      - article: reuters-2025-09-11
        stance: supports
        quote: Belarus released 52 prisoners on Thursday
"""
TWO_ITEMS = edit(
    "        quote: Belarus freed 52 political prisoners on Thursday\n",
    "        quote: Belarus freed 52 political prisoners on Thursday\n" + SECOND_ITEM,
)
OTHER_CLAIM = """\
  - id: sanctions-eased
    text: The US eased sanctions on Belavia.
    about: [belavia, united-statse]
    evidence:
      - article: reuters-2025-09-11
        stance: supports
        quote: The United States eased sanctions on the national airline Belavia
"""


def test_an_evidence_item_indented_less_than_its_list(check) -> None:
    yaml = edit("      - article: reuters-2025-09-11\n", "     - article: reuters-2025-09-11\n", TWO_ITEMS)
    result = check(yaml)
    (error,) = result.errors
    line = line_of(yaml, "     - article: reuters")
    assert_at(error, CLAIMS, line, 6)
    assert error.message == f"line {line} is indented less than the line above it (line {line - 1})"
    assert hints_text(error) == "evidence items start with '- ' under 'evidence:', each as far in as the first one"


def test_a_field_indented_more_than_the_lines_above(check) -> None:
    yaml = edit(
        "        stance: supports\n        quote: Belarus released",
        "        stance: supports\n          quote: Belarus released",
        TWO_ITEMS,
    )
    (error,) = check(yaml).errors
    line = line_of(yaml, "          quote: Belarus released")
    assert error.message == f"line {line} is indented more than the line above it (line {line - 1})"
    assert hints_text(error) == "'quote' belongs to an evidence item: indent it as far as the 'article:' after its '- '"


def test_a_tab_says_use_spaces(check) -> None:
    yaml = edit("    text: Belarus freed 52 prisoners.\n", "\ttext: Belarus freed 52 prisoners.\n")
    (error,) = check(yaml).errors
    line = line_of(yaml, "\ttext:")
    assert_at(error, CLAIMS, line, 1)
    assert error.message == f"line {line} starts with a tab: use spaces"


def test_after_a_syntax_error_the_rest_of_the_file_is_still_checked(check) -> None:
    # The first claim has an indentation mistake; the second, after it, a misspelt id.
    broken = edit("      - article: reuters-2025-09-11\n", "     - article: reuters-2025-09-11\n", TWO_ITEMS)
    result = check(broken + OTHER_CLAIM)
    messages = [p.message for p in result.errors]
    assert len(messages) == 2, describe(result.problems)
    assert "is indented less than the line above it" in messages[0]
    assert "united-statse" in messages[1]  # found past the syntax error
    assert result.dossier is not None and set(result.dossier.entities) >= {"belarus", "belavia"}  # the entities were read


def test_references_to_an_entry_left_out_are_not_reported_again(check) -> None:
    # The event's entry cannot be read: the claim naming it gets no "unknown id" error.
    broken = edit("    date: 2025-09-11\n", "    date: 2025-09-11\n   participants: [x]\n")
    result = check(broken)
    assert [p.code for p in result.errors] == ["yaml"], describe(result.problems)


def test_a_known_field_at_the_wrong_level_says_where_it_belongs(check) -> None:
    yaml = edit(
        "        quote: Belarus freed 52 political prisoners on Thursday\n",
        "        quote: Belarus freed 52 political prisoners on Thursday\n    via: Viasna\n",
    )
    (error,) = check(yaml).errors
    assert error.message == "unknown field 'via' in claim 'release-count'"
    assert hints_text(error) == "'via' belongs to an evidence item: indent it under the '- article:' line of its item"
    yaml = edit("        stance: supports\n", "        stance: supports\n        about: [belarus]\n")
    (error,) = check(yaml).errors
    assert hints_text(error) == "'about' belongs to the claim, not to an evidence item: indent it as far as the claim's 'id:'"


def test_the_command_prints_them(make_dossier, capsys) -> None:
    make_dossier(edit("    text: Belarus freed 52 prisoners.\n", "\ttext: Belarus freed 52 prisoners.\n"))
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert (
        f"{CLAIMS}:{line_of(BASE_YAML, 'text: Belarus freed')}:1: error: line {line_of(BASE_YAML, 'text: Belarus freed')} starts with a tab: use spaces\n"
        in out
    )
    assert "cannot start any token" not in out and "violates indentation" not in out
