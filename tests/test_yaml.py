"""Reading YAML: no YAML 1.1 coercions, positions of every value, duplicate keys, hostile input."""

from __future__ import annotations

import pytest

from dossier.yamlsource import MAX_DEPTH, YamlError, parse_yaml


@pytest.mark.parametrize(
    "written, value",
    [
        # YAML 1.1 would turn these into booleans, dates, sexagesimal or underscored numbers.
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("Off", "Off"),
        ("2025-09-11", "2025-09-11"),
        ("12:30", "12:30"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        # The YAML 1.2 core schema: only these are not text.
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("1984", 1984),
        ("-3", -3),
        ("52.0", 52.0),
        ("1e3", 1000.0),
        ("0x1F", 31),
        ("0o17", 15),
        # Quoting or tagging keeps text as text.
        ("'52'", "52"),
        ('"no"', "no"),
        ("!!str 52", "52"),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core_schema(written: str, value: object) -> None:
    parsed = parse_yaml(f"field: {written}\n").value["field"]
    assert parsed == value
    assert type(parsed) is type(value)


def test_keys_are_taken_as_written() -> None:
    assert parse_yaml("no: 1\n1: 2\ntrue: 3\n").value == {"no": 1, "1": 2, "true": 3}


def test_positions_of_values_and_keys_are_one_based() -> None:
    doc = parse_yaml("people:\n  - id: x\n    name: y\n    aliases: [a, b]\n")
    assert doc.positions[("people", 0)] == (2, 5)
    assert doc.positions[("people", 0, "id")] == (2, 9)
    assert doc.positions[("people", 0, "name")] == (3, 11)
    assert doc.positions[("people", 0, "aliases", 1)] == (4, 18)
    assert doc.key_positions[("people", 0, "aliases")] == (4, 5)
    # A path without a position of its own falls back to its nearest ancestor.
    assert doc.position(("people", 0, "summary")) == (2, 5)


def test_line_offset_shifts_every_position() -> None:
    doc = parse_yaml("title: x\noutlet: y\n", line_offset=1)
    assert doc.positions[("outlet",)] == (3, 9)


def test_duplicate_key_is_reported_with_both_lines_and_the_first_value_kept() -> None:
    doc = parse_yaml("a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert doc.value == {"a": {"b": 1, "c": 2}}
    [(message, line, col, hint)] = doc.issues
    assert message == "duplicate key 'b' (first given on line 2)"
    assert (line, col) == (4, 3)
    assert "only the last" in hint


def test_duplicate_key_with_a_list_value_does_not_move_the_positions_of_the_first() -> None:
    # The duplicate's list is still read, for its own problems, but its positions must not
    # replace those of the value that is kept (see test_validation for the user's view).
    doc = parse_yaml("evidence:\n  - first\nevidence:\n  - second\n")
    assert doc.value == {"evidence": ["first"]}
    assert doc.positions[("evidence", 0)] == (2, 5)


@pytest.mark.parametrize(
    "text, message, line",
    [
        ("a: [1, 2\nb: 3\n", "YAML syntax error", 2),
        ("text: Belarus: freed 52\n", "line 1 has a second ': ' in its value", 1),
        ("a: 'unterminated\n", "YAML syntax error", 2),
        ("a: 1\n---\nb: 2\n", "more than one YAML document in this file", 2),
        ("a: !!python/object:os.system x\n", "unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system'", 1),
        ("a: !!int x\n", "'x' is not a valid int", 1),
        ("a: *nowhere\n", "unknown alias '*nowhere'", 1),
        ("? [a]\n: 1\n", "a mapping key must be plain text, not a list or mapping", 1),
    ],
)
def test_documents_that_cannot_be_read_raise_with_a_position(text: str, message: str, line: int) -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml(text)
    assert caught.value.message.startswith(message)
    assert caught.value.line == line
    assert caught.value.col >= 1


def test_error_lines_are_shifted_by_line_offset() -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml("title: a: b\n", line_offset=1)
    assert caught.value.line == 2


def test_aliases_are_expanded() -> None:
    assert parse_yaml("a: &x [1, 2]\nb: *x\n").value == {"a": [1, 2], "b": [1, 2]}


def test_alias_bomb_fails_with_a_message() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    with pytest.raises(YamlError, match="aliases expand to more than"):
        parse_yaml("\n".join(lines) + "\n")


def test_deep_nesting_fails_with_a_message() -> None:
    depth = MAX_DEPTH + 5
    with pytest.raises(YamlError, match=f"nested more than {MAX_DEPTH} levels deep"):
        parse_yaml("x: " + "[" * depth + "]" * depth + "\n")


def test_empty_document_is_none() -> None:
    assert parse_yaml("").value is None
    assert parse_yaml("# only a comment\n").value is None


def test_a_document_gives_locations_in_its_file() -> None:
    doc = parse_yaml("people:\n  - id: x\n    aliases: [a, b]\n", line_offset=3, file="content/claims.yaml")
    assert str(doc.location(("people", 0, "aliases", 1))) == "content/claims.yaml:6:18"
    assert str(doc.key_location(("people", 0, "aliases"))) == "content/claims.yaml:6:5"
    # A path that is not there is placed at its nearest ancestor.
    assert str(doc.location(("people", 0, "summary"))) == "content/claims.yaml:5:5"
