"""Every rule of `dossier check`: each problem names its file, line and column, in words for people.

Most tests take the small valid dossier of conftest and make one analyst's mistake in it.
"""

from __future__ import annotations

import pytest
from conftest import (
    BASE_ARTICLES,
    BASE_CLAIM,
    BASE_ENTITIES,
    BASE_YAML,
    CLAIMS,
    art,
    article,
    assert_at,
    assert_clean,
    describe,
    edit,
    hints_text,
    line_of,
    only_error,
    only_warning,
    position,
    with_article,
)

from dossier.check import check_content

# ----- YAML syntax and duplicate keys -----


def test_yaml_syntax_error(check) -> None:
    yaml = edit("    text: Belarus freed 52 prisoners.", "    text: Belarus: freed 52 prisoners.")
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, "text: Belarus:", ": freed"))
    assert error.message == f"line {line_of(yaml, 'text: Belarus:')} has a second ': ' in its value"
    assert hints_text(error) == 'put the value in quotes ("...") when it contains a colon followed by a space'


def test_yaml_syntax_error_in_front_matter_names_the_line_of_the_file(check) -> None:
    text = "---\ntitle: Belarus: prisoners freed\noutlet: O\n---\nText.\n"
    error = only_error(check(articles=with_article("x", text)))
    assert_at(error, art("x"), 2, 15)
    assert error.message == "line 2 has a second ': ' in its value"


def test_duplicate_key(check) -> None:
    yaml = edit("    name: John Coale\n", "    name: John Coale\n    name: J. Coale\n")
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, line_of(yaml, "name: J. Coale"), 5)
    assert error.message == f"duplicate key 'name' (first given on line {line_of(yaml, 'name: John Coale')})"


def test_duplicate_key_in_front_matter(check) -> None:
    text = "---\ntitle: A\noutlet: O\ntitle: B\npublished: 2025-09-11\n---\nText.\n"
    error = only_error(check(articles=with_article("x", text)))
    assert_at(error, art("x"), 4, 1)
    assert error.message == "duplicate key 'title' (first given on line 2)"


def test_error_inside_a_list_given_twice_points_at_the_kept_list(check) -> None:
    # Regression: the duplicate `evidence:` list used to overwrite the positions of the first,
    # so the bad stance on line 30 was reported on line 34, whose stance is fine.
    yaml = edit("stance: supports", "stance: support") + (
        "    evidence:\n      - article: reuters-2025-09-11\n        stance: supports\n        quote: Belarus released 52 prisoners\n"
    )
    result = check(yaml)
    duplicate = [p for p in result.errors if p.code == "duplicate-key"]
    stance = [p for p in result.errors if "'stance'" in p.message]
    assert len(duplicate) == 1 and len(stance) == 1, describe(result.problems)
    assert_at(duplicate[0], CLAIMS, line_of(yaml, "evidence:", 2), 5)
    assert_at(stance[0], CLAIMS, *position(yaml, "stance: support", "support"))


# ----- types, and no YAML 1.1 coercion -----

TYPE_MISTAKES = [
    pytest.param(
        "name: John Coale",
        "name: 1984",
        "1984",
        "person 'john-coale', 'name' should be text, not the number 1984",
        "put the value in quotes to make it text",
        id="number-for-text",
    ),
    pytest.param(
        "name: John Coale",
        "name: true",
        "true",
        "person 'john-coale', 'name' should be text, not the boolean true",
        "put the value in quotes to make it text",
        id="boolean-for-text",
    ),
    pytest.param(
        "aliases: [US]",
        "aliases: US",
        "US",
        "country 'united-states', 'aliases' should be a list of text, like [Lukashenka, Lukashenko], not the text \"US\"",
        "",
        id="text-for-list",
    ),
    pytest.param(
        "about: [sept-2025-release, belarus]",
        "about: belarus",
        "belarus",
        "claim 'release-count', 'about' should be a list of ids, like [belarus, lithuania], not the text \"belarus\"",
        "",
        id="text-for-id-list",
    ),
    pytest.param(
        "stance: supports",
        "stance: support",
        "support",
        "claim 'release-count', evidence 1, 'stance' should be supports or contradicts, not the text \"support\"",
        "did you mean 'supports'?",
        id="stance-near-miss",
    ),
    pytest.param(
        "    date: 2025-09-11\n",
        "    date: 11/09/2025\n",
        "11/09/2025",
        "event 'sept-2025-release', 'date' should be a date written YYYY-MM-DD, not the text \"11/09/2025\"",
        "",
        id="date-format",
    ),
    pytest.param(
        "    name: Belavia\n",
        "    name: Belavia\n    wikidata: 184\n",
        "184",
        "organization 'belavia', 'wikidata' should be a Wikidata item id like Q184, not the number 184",
        "",
        id="wikidata",
    ),
]


@pytest.mark.parametrize("old, new, value, message, hint", TYPE_MISTAKES)
def test_wrong_type(check, old: str, new: str, value: str, message: str, hint: str) -> None:
    yaml = edit(old, new)
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, new.strip().splitlines()[-1], value))
    assert error.message == message
    assert error.hints == ((hint,) if hint else ())


@pytest.mark.parametrize("value, shown", [("yes", 'the text "yes"'), ("true", "the boolean true"), ("fifty", 'the text "fifty"')])
def test_quantity_value_must_be_a_number(check, value: str, shown: str) -> None:
    yaml = BASE_YAML + f"    quantity:\n      measure: prisoners\n      value: {value}\n"
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, "value:", value))
    assert (
        error.message == f"claim 'release-count', 'quantity', 'value' should be a number, or a {{min, max}} range of numbers, not {shown}"
    )


def test_empty_value_says_the_value_is_missing(check) -> None:
    yaml = edit("name: John Coale", "name:")
    error = only_error(check(yaml))
    assert (error.location.file, error.location.line) == (CLAIMS, yaml.splitlines().index("    name:") + 1)
    assert error.message == "person 'john-coale', 'name' should be text, not empty"
    assert "the value is missing" in hints_text(error)


@pytest.mark.parametrize(
    "old, new, what",
    [
        pytest.param("    date: 2025-09-11\n", "    date: 2025-02-30\n", "event 'sept-2025-release', 'date'", id="event"),
        pytest.param(
            "    date: 2025-09-11\n",
            "    date: {start: 2025-09-10, end: 2025-09-31}\n",
            "event 'sept-2025-release', 'date' end",
            id="event-range-end",
        ),
        pytest.param(
            "    text: Belarus freed 52 prisoners.\n",
            "    text: Belarus freed 52 prisoners.\n    date: 2025-02-30\n",
            "claim 'release-count', 'date'",
            id="claim",
        ),
    ],
)
def test_date_that_is_not_on_the_calendar(check, old: str, new: str, what: str) -> None:
    yaml = edit(old, new)
    bad = "2025-02-30" if "02-30" in new else "2025-09-31"
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, bad))
    days = "February 2025 has 28 days" if bad == "2025-02-30" else "September 2025 has 30 days"
    assert error.message == f"{what} '{bad}' is not a real calendar date: {days}"
    assert error.hints == ("write an existing date as YYYY-MM-DD",)


def test_published_date_that_is_not_on_the_calendar(check) -> None:
    error = only_error(check(articles=with_article("x", article("Text.\n", published="2025-02-30"))))
    assert_at(error, art("x"), 4, 12)
    assert error.message == "'published' '2025-02-30' is not a real calendar date: February 2025 has 28 days"


def test_event_with_an_impossible_date_is_not_reported_again_where_it_is_referenced(check) -> None:
    # The claim's `about` names the event: one error, not a second "no entity has the id".
    error = only_error(check(edit("    date: 2025-09-11\n", "    date: 2025-02-30\n")))
    assert "calendar date" in error.message


def test_yaml_1_1_coercions_are_not_applied(check) -> None:
    yaml = edit("name: John Coale", "name: no")
    yaml = edit("    name: Belavia\n", "    name: Belavia\n    summary: yes\n", yaml)
    result = check(yaml)
    assert_clean(result)
    assert result.dossier.entities["john-coale"].name == "no"
    assert result.dossier.entities["belavia"].summary == "yes"


def test_unquoted_dates_are_accepted(check) -> None:
    yaml = edit("    text: Belarus freed 52 prisoners.\n", "    text: Belarus freed 52 prisoners.\n    date: 2025-09-11\n")
    result = check(yaml)
    assert_clean(result)
    assert str(result.dossier.claims["release-count"].date) == "2025-09-11"


# ----- required fields -----

REQUIRED = [
    pytest.param(
        "  - id: belavia\n    name: Belavia\n",
        "  - name: Belavia\n",
        "- name: Belavia",
        "organization #1 is missing the required field 'id'",
        id="entity-id",
    ),
    pytest.param(
        "    name: John Coale\n",
        "",
        "- id: john-coale",
        "person 'john-coale' is missing the required field 'name'",
        id="entity-name",
    ),
    pytest.param(
        "    date: 2025-09-11\n",
        "",
        "- id: sept-2025-release",
        "event 'sept-2025-release' is missing the required field 'date'",
        id="event-date",
    ),
    pytest.param(
        "    text: Belarus freed 52 prisoners.\n",
        "",
        "- id: release-count",
        "claim 'release-count' is missing the required field 'text'",
        id="claim-text",
    ),
    pytest.param(
        "    about: [sept-2025-release, belarus]\n",
        "",
        "- id: release-count",
        "claim 'release-count' is missing the required field 'about'",
        id="claim-about",
    ),
    pytest.param(
        "    evidence:\n      - article: nyt-2025-09-11\n        stance: supports\n        quote: Belarus freed 52 political prisoners on Thursday\n",
        "",
        "- id: release-count",
        "claim 'release-count' is missing the required field 'evidence'",
        id="claim-evidence",
    ),
    pytest.param(
        "      - article: nyt-2025-09-11\n        stance: supports\n",
        "      - stance: supports\n",
        "- stance:",
        "claim 'release-count', evidence 1 is missing the required field 'article'",
        id="evidence-article",
    ),
    pytest.param(
        "        stance: supports\n",
        "",
        "- article:",
        "claim 'release-count', evidence 1 is missing the required field 'stance'",
        id="evidence-stance",
    ),
    pytest.param(
        "        quote: Belarus freed 52 political prisoners on Thursday\n",
        "",
        "- article:",
        "claim 'release-count', evidence 1 is missing the required field 'quote'",
        id="evidence-quote",
    ),
]


@pytest.mark.parametrize("old, new, entry_line, message", REQUIRED)
def test_missing_required_field_is_reported_at_its_entry(check, old: str, new: str, entry_line: str, message: str) -> None:
    yaml = edit(old, new)
    error = only_error(check(yaml))
    line, col = position(yaml, entry_line)
    assert_at(error, CLAIMS, line, col + 2)
    assert error.message == message


def test_several_missing_fields_are_each_reported_once(check) -> None:
    # jsonschema gives one error per missing field, and schema.py expands each of them to
    # every missing field; the duplicates must not reach the user.
    yaml = BASE_ENTITIES + "claims:\n  - id: bare\n    text: A claim with nothing else.\n"
    result = check(yaml)
    assert sorted(p.message for p in result.errors) == [
        "claim 'bare' is missing the required field 'about'",
        "claim 'bare' is missing the required field 'evidence'",
    ], describe(result.problems)


@pytest.mark.parametrize("field", ["title", "outlet"])
def test_article_missing_title_or_outlet(check, field: str) -> None:
    error = only_error(check(articles=with_article("x", article("Text.\n", **{field: None}))))
    assert_at(error, art("x"), 2, 1)
    assert error.message == f"the front matter is missing the required field '{field}'"


def test_article_outlet_of_the_wrong_type(check) -> None:
    error = only_error(check(articles=with_article("x", article("Text.\n", outlet="42"))))
    assert_at(error, art("x"), 3, 9)
    assert error.message == "'outlet' should be text, not the number 42"


# ----- unknown fields -----


@pytest.mark.parametrize(
    "old, new, key, message, hint",
    [
        ("aliases: [US]", "alias: [US]", "alias", "unknown field 'alias' in country 'united-states'", "did you mean 'aliases'?"),
        (
            "        stance: supports\n",
            "        stance: supports\n        comment: see p. 2\n",
            "comment",
            "unknown field 'comment' in claim 'release-count', evidence 1",
            "the fields allowed here are: accept, article, note, quote, stance, translation, via",
        ),
        ("claims:\n", "claim:\n", "claim", "unknown field 'claim' in the document", "did you mean 'claims'?"),
    ],
)
def test_unknown_field_is_reported_at_its_key(check, old: str, new: str, key: str, message: str, hint: str) -> None:
    yaml = edit(old, new)
    result = check(yaml)
    unknown = [p for p in result.errors if p.code == "unknown-field"]
    assert len(unknown) == 1, describe(result.problems)
    error = unknown[0]
    assert_at(error, CLAIMS, *position(yaml, f"{key}:"))
    assert error.message == message
    assert error.hints == (hint,)


def test_misspelt_field_is_both_unknown_and_missing(check) -> None:
    yaml = edit("    text: Belarus", "    txt: Belarus")
    result = check(yaml)
    assert [(p.location.line, p.message, p.hints) for p in result.errors] == [
        (line_of(yaml, "- id: release-count"), "claim 'release-count' is missing the required field 'text'", ()),
        (line_of(yaml, "txt:"), "unknown field 'txt' in claim 'release-count'", ("did you mean 'text'?",)),
    ]


def test_unknown_field_in_front_matter(check) -> None:
    error = only_error(check(articles=with_article("x", article("Text.\n", authors="[A, B]"))))
    assert_at(error, art("x"), 5, 1)
    assert error.message == "unknown field 'authors' in the front matter"
    assert error.hints == ("did you mean 'author'?",)


# ----- ids -----


@pytest.mark.parametrize(
    "old, new, bad, message, hint",
    [
        (
            "id: belavia",
            "id: Belavia Airlines",
            "Belavia Airlines",
            "organization 'Belavia Airlines', 'id' should be an id (lowercase letters a-z, digits and '-'), not the text \"Belavia Airlines\"",
            "for example 'belavia-airlines'",
        ),
        (
            "id: release-count",
            "id: Release_Count",
            "Release_Count",
            "claim 'Release_Count', 'id' should be an id (lowercase letters a-z, digits and '-'), not the text \"Release_Count\"",
            "for example 'release-count'",
        ),
        (
            "id: belavia",
            "id: bélavia",
            "bélavia",
            "organization 'bélavia', 'id' should be an id (lowercase letters a-z, digits and '-'), not the text \"bélavia\"",
            "for example 'b-lavia'",
        ),
    ],
)
def test_invalid_id_characters(check, old: str, new: str, bad: str, message: str, hint: str) -> None:
    yaml = edit(old, new)
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, bad))
    assert error.message == message
    assert error.hints == (hint,)


def test_duplicate_id_across_entity_kinds(check) -> None:
    yaml = edit("  - id: belavia\n    name: Belavia\n", "  - id: belarus\n    name: Belavia\n")
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, "- id: belarus", "belarus", nth=2))  # at the id itself
    first = ":".join(map(str, position(yaml, "- id: belarus", "belarus")))
    assert error.message == f"duplicate id 'belarus': already used at {CLAIMS}:{first}"
    assert error.hints == ("every id must be unique across people, countries, organizations and events",)


def test_claim_and_entity_may_share_an_id(check) -> None:
    # The contract makes ids unique across the four entity kinds, and among claims.
    assert_clean(check(edit("id: release-count", "id: belarus")))


# ----- references -----

UNKNOWN_REFERENCES = [
    pytest.param(
        "about: [sept-2025-release, belarus]",
        "about: [sept-2025-releas, belarus]",
        "sept-2025-releas",
        "claim 'release-count', 'about': no entity has the id 'sept-2025-releas'",
        "did you mean 'sept-2025-release'?",
        id="about",
    ),
    pytest.param(
        "countries: [belarus]\n  - id: john-coale",
        "countries: [belaruss]\n  - id: john-coale",
        "belaruss",
        "person 'alexander-lukashenko', 'countries': no country has the id 'belaruss'",
        "did you mean 'belarus'?",
        id="countries",
    ),
    pytest.param(
        "participants: [alexander-lukashenko, john-coale]",
        "participants: [alexander-lukashenko, john-coal]",
        "john-coal",
        "event 'sept-2025-release', 'participants': no person or organization has the id 'john-coal'",
        "did you mean 'john-coale'?",
        id="participants",
    ),
    pytest.param(
        "article: nyt-2025-09-11",
        "article: nyt-2025-9-11",
        "nyt-2025-9-11",
        "claim 'release-count', evidence 1, 'article': no article has the id 'nyt-2025-9-11'",
        "did you mean 'nyt-2025-09-11'?",
        id="article",
    ),
    pytest.param(
        "about: [sept-2025-release, belarus]",
        "about: [sept-2025-release, lukashenko]",
        "lukashenko",
        "claim 'release-count', 'about': no entity has the id 'lukashenko'",
        "did you mean 'alexander-lukashenko' (Alexander Lukashenko)?",
        id="about-by-alias",
    ),
    pytest.param(
        "countries: [belarus]\n  - id: john-coale",
        "countries: [belarus, belavia]\n  - id: john-coale",
        "belavia]",
        # Regression: said "is a organization".
        "person 'alexander-lukashenko', 'countries': 'belavia' is an organization, not a country",
        "list only country ids here",
        id="countries-wrong-kind",
    ),
]


@pytest.mark.parametrize("old, new, bad, message, hint", UNKNOWN_REFERENCES)
def test_reference_to_a_missing_or_wrong_thing(check, old: str, new: str, bad: str, message: str, hint: str) -> None:
    yaml = edit(old, new)
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, new.splitlines()[0], bad))
    assert error.message == message
    assert error.hints[0].startswith(hint[:-1])


def test_person_in_countries_is_the_wrong_kind(check) -> None:
    yaml = edit("countries: [belarus]\n  - id: john-coale", "countries: [john-coale]\n  - id: john-coale")
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, "countries: [john-coale]", "john-coale]"))
    assert error.message == "person 'alexander-lukashenko', 'countries': 'john-coale' is a person, not a country"
    assert error.hints == ("list only country ids here",)


def test_country_in_participants_is_the_wrong_kind(check) -> None:
    yaml = edit("participants: [alexander-lukashenko, john-coale]", "participants: [alexander-lukashenko, belarus]")
    error = only_error(check(yaml))
    assert error.message == "event 'sept-2025-release', 'participants': 'belarus' is a country, not a person or organization"


def test_reference_with_nothing_close(check) -> None:
    yaml = edit("about: [sept-2025-release, belarus]", "about: [sept-2025-release, zanzibar]")
    error = only_error(check(yaml))
    assert error.message == "claim 'release-count', 'about': no entity has the id 'zanzibar'"
    assert "did you mean" not in hints_text(error)
    assert "fix the spelling" in hints_text(error)


@pytest.mark.parametrize("field", ["about", "evidence"])
def test_empty_about_or_evidence(check, field: str) -> None:
    if field == "about":
        yaml = edit("about: [sept-2025-release, belarus]", "about: []")
    else:
        yaml = BASE_YAML.split("    evidence:\n")[0] + "    evidence: []\n"
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, f"{field}: []", "[]"))
    assert error.message == f"claim 'release-count', '{field}' needs at least 1 item"


# ----- quotes -----


def test_quote_not_found_shows_the_closest_passage(check) -> None:
    yaml = edit("quote: Belarus freed 52 political prisoners on Thursday", "quote: Belarus freed 53 political prisoners on Thursday")
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, "quote:", "Belarus freed 53"))
    assert error.message == f"quote not found in article 'nyt-2025-09-11' ({art('nyt-2025-09-11')})"
    assert error.hints[0] == "closest passage (paragraph 1): “Belarus freed 52 political prisoners on Thursday,”"
    assert "copy the passage exactly" in error.hints[-1]


def test_quote_not_found_in_a_later_paragraph(check) -> None:
    yaml = edit(
        "quote: Belarus freed 52 political prisoners on Thursday",
        "quote: Lukashenko said the country was prepared for a big deal",
    )
    error = only_error(check(yaml))
    assert "(paragraph 3)" in error.hints[0]
    assert "the country was ready for a" in error.hints[0]


def test_quote_written_as_a_block_is_reported_where_its_text_starts(check) -> None:
    yaml = edit(
        "        quote: Belarus freed 52 political prisoners on Thursday\n",
        "        quote: >-\n          Belarus freed fifty-two\n          political prisoners\n",
    )
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, "quote: >-", ">-"))
    assert error.message.startswith("quote not found in article 'nyt-2025-09-11'")
    assert error.hints[0] == "closest passage (paragraph 1): “Belarus freed 52 political prisoners”"


def test_quote_must_be_in_the_text_not_the_front_matter(check) -> None:
    yaml = edit("quote: Belarus freed 52 political prisoners on Thursday", "quote: Belarus Frees 52 Prisoners")
    assert only_error(check(yaml)).code == "quote-not-found"  # it is the article's title


def test_elided_quote_names_the_part_that_is_missing(check) -> None:
    yaml = edit(
        "quote: Belarus freed 52 political prisoners on Thursday",
        'quote: "Belarus freed 52 political prisoners ... by Canada"',
    )
    error = only_error(check(yaml))
    assert error.hints[0] == "this part is not in the article (after the parts before it): “by Canada”"
    assert error.hints[1].startswith("closest passage")


def test_quote_in_an_unknown_article_is_reported_once(check) -> None:
    error = only_error(check(edit("article: nyt-2025-09-11", "article: bbc-2025-09-11")))
    assert error.code == "unknown-article"


# ----- articles -----


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.com/a", "example.com", "https://exa mple.com"])
def test_url_must_be_http_or_https(check, url: str) -> None:
    error = only_error(check(articles=with_article("x", article("Text.\n", url=f'"{url}"'))))
    assert_at(error, art("x"), 5, 6)
    assert error.message == f"'url' should be an http:// or https:// address, not the text \"{url}\""


def test_article_file_name_must_be_an_id(check) -> None:
    error = only_error(check(articles=with_article("Reuters_Sept 11", article("Text.\n"))))
    assert_at(error, "content/articles/Reuters_Sept 11.md", 1, 1)
    assert error.message == "the file name 'Reuters_Sept 11.md' is not a valid article id: use lowercase letters a-z, digits and '-'"
    assert error.hints == ("rename it to 'reuters-sept-11.md'",)


def test_article_without_front_matter(check) -> None:
    error = only_error(check(articles=with_article("x", "Belarus freed prisoners.\n")))
    assert_at(error, art("x"), 1, 1)
    assert error.message == "the article has no front matter"


def test_article_with_unclosed_front_matter(check) -> None:
    error = only_error(check(articles=with_article("x", "---\ntitle: T\noutlet: O\nBelarus freed prisoners.\n")))
    assert_at(error, art("x"), 1, 1)
    assert error.message == "the front matter is not closed"


def test_front_matter_that_is_a_list(check) -> None:
    error = only_error(check(articles=with_article("x", "---\n- title\n---\nText.\n")))
    assert_at(error, art("x"), 2, 1)
    assert error.message == "the front matter should be fields like 'title: ...', not a list"


def test_article_that_is_not_utf8_names_the_line(check) -> None:
    text = article("First paragraph.\n\nSecond caf\xe9 paragraph.\n").encode("latin-1")
    error = only_error(check(articles=with_article("x", text)))
    assert_at(error, art("x"), 8, 11)
    assert error.message == "the file is not valid UTF-8 (byte 0xe9)"
    assert error.hints == ("save the file with UTF-8 encoding",)


def test_claims_yaml_that_is_not_utf8_names_the_line(make_dossier) -> None:
    content = make_dossier()
    yaml = edit("name: John Coale", "name: John Coàle")
    (content / "claims.yaml").write_bytes(yaml.encode("latin-1"))
    error = only_error(check_content(content))
    assert_at(error, CLAIMS, *position(yaml, "Coàle", "àle"))
    assert error.message == "the file is not valid UTF-8 (byte 0xe0)"


def test_binary_article_is_refused(check) -> None:
    error = only_error(check(articles=with_article("x", article("Text\x00 with a NUL.\n").encode())))
    assert_at(error, art("x"), 6, 5)
    assert error.message == "the file contains the control character U+0000; is it a binary file?"


def test_reserved_article_id(check) -> None:
    error = only_error(check(articles=with_article("index", article("Text.\n"))))
    assert_at(error, art("index"), 1, 1)
    assert error.message == "'index.md' is reserved for the index of articles"


def test_reserved_entity_id(check) -> None:
    yaml = edit("id: belavia", "id: index")
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, "id: index", "index"))
    assert error.message == "the id 'index' is reserved for the site's index pages"


def test_symbolic_links_out_of_the_content_folder_are_refused(make_dossier, tmp_path) -> None:
    content = make_dossier()
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\noutlet: Build machine\n---\nsecret text\n")
    (content / "articles" / "leak.md").symlink_to(secret)
    (content / "notes.txt").symlink_to(secret)
    result = check_content(content)
    assert [(p.location.file, p.message) for p in result.problems] == [
        (art("leak"), "this is a symbolic link to something outside the content folder"),
        ("content/notes.txt", "this is a symbolic link to something outside the content folder"),
    ]
    assert "leak" not in result.dossier.articles


def test_symbolic_links_to_nothing_are_refused_once_each(make_dossier) -> None:
    content = make_dossier()
    (content / "articles" / "loop.md").symlink_to(content / "articles" / "loop.md")  # pathlib refuses to resolve it
    (content / "articles" / "dangling.md").symlink_to(content / "articles" / "gone.md")
    result = check_content(content)
    assert [(p.location.file, p.message) for p in result.problems] == [
        (art("dangling"), "this is a symbolic link to something outside the content folder"),
        (art("loop"), "this is a symbolic link to something outside the content folder"),
    ]


# ----- warnings do not fail the check -----


def test_article_without_published_is_a_warning(check) -> None:
    result = check(articles=with_article("x", article("Text.\n", published=None)))
    warning = only_warning(result)
    assert result.ok and result.analysis is not None
    assert_at(warning, art("x"), 1, 1)
    assert warning.message == "the article has no 'published' date"


def test_article_without_text_is_a_warning(check) -> None:
    result = check(articles=with_article("x", article("")))
    warning = only_warning(result)
    assert_at(warning, art("x"), 6, 1)
    assert warning.message == "the article has no text below its front matter"


def test_one_alias_on_two_entities_is_a_warning(check) -> None:
    yaml = edit("aliases: [US]", "aliases: [US, Lukashenko]")
    result = check(yaml)
    warning = only_warning(result)
    assert result.ok and result.analysis is not None
    assert_at(warning, CLAIMS, line_of(yaml, "- id: united-states"), 5)
    assert (
        warning.message
        == "'Lukashenko' names both 'alexander-lukashenko' and 'united-states': mentions of it in articles cannot be told apart"
    )
    assert warning.hints == (f"keep 'Lukashenko' on only one of them (see {CLAIMS}:{line_of(yaml, '- id: alexander-lukashenko')}:5)",)


def test_shared_alias_ignores_case_and_accents(check) -> None:
    yaml = edit("aliases: [US]", "aliases: [US, lukashénka]")
    assert "'lukashénka' names both" in only_warning(check(yaml)).message


def test_capital_alias_and_ordinary_word_are_not_the_same_name(check) -> None:
    # `US` matches only in capitals, `Us` in any case: different names, no warning.
    assert_clean(check(edit("    name: John Coale\n", "    name: John Coale\n    aliases: [Us]\n")))


def test_two_spellings_of_one_source_differing_by_the_are_one_origin(check) -> None:
    # v1 warned that they counted twice; v2 counts them once (a leading "The" is ignored).
    articles = with_article("x", article("Belarus freed prisoners.\n", outlet='"New York Times"'))
    assert_clean(check(articles=articles))


def test_an_acronym_of_another_source_is_a_warning(check) -> None:
    articles = with_article("x", article("Belarus freed prisoners.\n", outlet="NYT"))
    warning = only_warning(check(articles=articles))
    assert warning.location.file == art("nyt-2025-09-11")  # where the first of the two spellings is used
    assert warning.message == (
        "the sources 'The New York Times' and 'NYT' count as two independent origins, "
        "but 'NYT' could be an abbreviation of 'The New York Times'"
    )
    assert "add an organization named 'The New York Times' with the alias 'NYT'" in hints_text(warning)


# ----- the layout of the content folder -----


def test_claims_yaml_and_claims_folder_both_present(check) -> None:
    error = only_error(check(BASE_YAML, claims_folder={"more.yaml": BASE_CLAIM}))
    assert (error.location.file, error.location.line) == ("content/claims", 0)
    assert error.message == "both claims.yaml and a claims/ folder exist"


def test_claims_yaml_missing(check) -> None:
    error = only_error(check(None))
    assert (error.location.file, error.location.line) == (CLAIMS, 0)
    assert error.message == "claims.yaml is missing"


def test_claims_folder_without_yaml_files(check) -> None:
    error = only_error(check(None, claims_folder={"readme.txt": "x"}))
    assert error.message == "the claims folder has no .yaml files"


def test_content_folder_missing(tmp_path) -> None:
    result = check_content(tmp_path / "nowhere")
    assert not result.ok and result.dossier is None
    assert result.errors[0].message == "the content folder does not exist"


def test_top_level_list_instead_of_mapping(check) -> None:
    error = only_error(check("- id: belarus\n  name: Belarus\n"))
    assert_at(error, CLAIMS, 1, 1)
    assert (
        error.message == "the file should be a mapping with the keys people, countries, organizations, events, measures, claims, not a list"
    )


def test_empty_claims_yaml_is_valid(check) -> None:
    result = check("# nothing yet\n", articles={})
    assert_clean(result)


def test_sections_may_be_empty_or_left_out(check) -> None:
    # Regression: a left-out section raised KeyError in _Builder.add_document, so a claims.yaml
    # without `organizations:` (or a claims/ file with only claims) crashed the whole check.
    yaml = "people:\ncountries:\n  - id: belarus\n    name: Belarus\nclaims:\n"
    try:
        result = check(yaml)
    except Exception as err:  # check_content must never raise for bad input
        pytest.fail(f"check_content raised {err!r} for a claims.yaml without organizations: and events:")
    assert_clean(result)
    assert list(result.dossier.entities) == ["belarus"]


# ----- everything at once -----


def test_all_problems_are_reported_at_once_sorted_by_file_and_line(check) -> None:
    yaml = edit("name: John Coale", "name: 1984")
    yaml = edit("countries: [belarus]\n  - id: john-coale", "countries: [belaruss]\n  - id: john-coale", yaml)
    yaml = edit("quote: Belarus freed 52 political prisoners on Thursday", "quote: Belarus freed 53 political prisoners", yaml)
    yaml = edit("    date: 2025-09-11\n", "    date: 2025-02-30\n", yaml)
    articles = {
        **BASE_ARTICLES,
        "a-bad": article("Text.\n", url="javascript:alert(1)"),
        "b-undated": article("Text.\n", published=None),
    }
    result = check(yaml, articles)
    found = [(p.location.file, p.location.line, p.code) for p in result.problems]
    assert found == [
        (art("a-bad"), 5, "pattern"),
        (art("b-undated"), 1, "no-date"),
        (CLAIMS, line_of(yaml, "belaruss"), "unknown-id"),
        (CLAIMS, line_of(yaml, "1984"), "type"),
        (CLAIMS, line_of(yaml, "2025-02-30"), "date"),
        (CLAIMS, line_of(yaml, "53 political"), "quote-not-found"),
    ], describe(result.problems)
    assert result.analysis is None and not result.ok
    assert len(result.errors) == 5 and len(result.warnings) == 1


def test_a_bad_field_of_an_evidence_item_does_not_hide_its_other_problems(check) -> None:
    # Regression: an evidence item with one bad field used to be dropped whole, so its unknown
    # article (and its quote) were only reported after a second run.
    yaml = edit("stance: supports", "stance: support")
    yaml = edit("article: nyt-2025-09-11", "article: nyt-2025-9-11", yaml)
    result = check(yaml)
    assert sorted(p.code for p in result.errors) == ["enum", "unknown-article"], describe(result.problems)
