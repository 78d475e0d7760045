"""The v2 rules of the contract through the real check: measures, values, dates, origins,
`translation`, `archived`, and the export's v2 shape (including the seed's discrepancies).

Each test takes the small valid dossier of conftest and makes one analyst's change to it.
"""

from __future__ import annotations

import json

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
    only_error,
    only_warning,
    position,
    with_article,
)
from sitebuild import SAMPLE_CONTENT

from dossier.check import check_content
from dossier.cli import main
from dossier.export import export

MEASURES = """\
measures:
  - id: prisoners
    name: Prisoners freed
    unit: people
"""
QUOTE_REUTERS = "Belarus released 52 prisoners on Thursday"


def with_quantity(quantity: str, measures: str = MEASURES, claim_id: str = "release-count") -> str:
    """BASE_YAML with `measures` and a quantity (YAML flow mapping) on its claim."""
    yaml = edit("    text: Belarus freed 52 prisoners.\n", f"    text: Belarus freed 52 prisoners.\n    quantity: {quantity}\n")
    return BASE_ENTITIES + measures + yaml[len(BASE_ENTITIES) :].replace("id: release-count", f"id: {claim_id}")


def second_claim(claim_id: str, quantity: str) -> str:
    return (
        f"  - id: {claim_id}\n    text: Another count.\n    about: [belarus]\n    quantity: {quantity}\n"
        f"    evidence:\n      - article: reuters-2025-09-11\n        stance: supports\n        quote: {QUOTE_REUTERS}\n"
    )


def exported(result) -> dict:
    assert result.ok and result.analysis is not None, describe(result.problems)
    data: dict = json.loads(json.dumps(export(result.dossier, result.analysis), allow_nan=False))
    return data


# ----- measures -----


def test_a_declared_measure_is_exported_with_its_defaults(check) -> None:
    result = check(with_quantity("{measure: prisoners, value: 52}"))
    assert_clean(result)
    assert exported(result)["measures"] == [
        {"id": "prisoners", "name": "Prisoners freed", "unit": "people", "tolerance": 0.1, "summary": None}
    ]


def test_an_undeclared_measure_is_a_warning_when_none_is_declared(check) -> None:
    yaml = with_quantity("{measure: prisoners, value: 52}", measures="")
    warning = only_warning(check(yaml))
    assert_at(warning, CLAIMS, *position(yaml, "quantity:", "prisoners"))
    assert warning.message == "claim 'release-count', 'quantity': the measure 'prisoners' is not declared, so the site shows its id"


def test_an_unknown_measure_is_an_error_once_measures_are_declared(check) -> None:
    yaml = with_quantity("{measure: prisonrs, value: 52}")
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, "quantity:", "prisonrs"))
    assert error.message == "claim 'release-count', 'quantity': no measure has the id 'prisonrs'"
    assert "did you mean 'prisoners'?" in hints_text(error)


def test_a_measure_declared_in_another_claims_file_counts(check) -> None:
    claims = with_quantity("{measure: prisoners, value: 52}", measures="")[len(BASE_ENTITIES) :]
    result = check(None, claims_folder={"entities.yaml": BASE_ENTITIES + MEASURES, "claims.yaml": claims})
    assert_clean(result)


def test_a_measure_needs_a_name(check) -> None:
    yaml = with_quantity("{measure: prisoners, value: 52}", measures="measures:\n  - id: prisoners\n    unit: people\n")
    error = only_error(check(yaml))
    assert error.message == "measure 'prisoners' is missing the required field 'name'"


def test_a_measure_id_is_unique_across_all_ids(check) -> None:
    yaml = with_quantity("{measure: prisoners, value: 52}", measures=MEASURES + "  - id: belarus\n    name: Belarus\n")
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, "- id: belarus", "belarus", nth=2))
    assert error.message.startswith("duplicate id 'belarus': already used at content/claims.yaml:")
    assert "a measure's id may not be the id of an entity, a claim, an article or another measure" in hints_text(error)


def test_a_measure_id_may_not_be_an_article_id(check) -> None:
    yaml = with_quantity("{measure: prisoners, value: 52}", measures=MEASURES + "  - id: reuters-2025-09-11\n    name: Reuters' count\n")
    error = only_error(check(yaml))
    assert error.message == "duplicate id 'reuters-2025-09-11': already used at content/articles/reuters-2025-09-11.md:1:1"


def test_the_summary_counts_the_measures(make_dossier, capsys) -> None:
    make_dossier(with_quantity("{measure: prisoners, value: 52}"))
    assert main(["check"]) == 0
    assert capsys.readouterr().out.endswith("(2 articles, 6 entities, 1 measure, 1 claim)\n")


def test_a_negative_tolerance_is_refused_in_our_words(check) -> None:
    yaml = with_quantity("{measure: prisoners, value: 52}", measures=MEASURES + "    tolerance: -0.5\n")
    error = only_error(check(yaml))
    assert error.message == "measure 'prisoners', 'tolerance' should be a number, 0 or more, like 0.1, not the number -0.5"


# ----- values -----


def test_an_open_range_is_accepted_and_exported_with_a_null_end(check) -> None:
    result = check(with_quantity("{measure: prisoners, value: {min: 52}}"))
    assert_clean(result)
    [claim] = exported(result)["claims"]
    assert claim["quantity"] == {"measure": "prisoners", "value": {"min": 52, "max": None}, "approximate": False, "unit": None}


def test_an_empty_range_is_refused_in_our_words(check) -> None:
    yaml = with_quantity("{measure: prisoners, value: {}}")
    error = only_error(check(yaml))
    assert error.message == "claim 'release-count', 'quantity', 'value' should be a range with min:, max: or both, not an empty mapping"


def test_approximate_must_be_true_or_false(check) -> None:
    error = only_error(check(with_quantity("{measure: prisoners, value: 52, approximate: about}")))
    assert error.message == "claim 'release-count', 'quantity', 'approximate' should be true or false, not the text \"about\""


def test_a_unit_other_than_the_measures_is_an_error(check) -> None:
    yaml = with_quantity("{measure: prisoners, value: 52, unit: km}")
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, *position(yaml, "quantity:", "km"))
    assert error.message == "claim 'release-count', 'quantity': the unit 'km' is not the unit of measure 'prisoners' (people)"


def test_the_measures_own_unit_is_accepted(check) -> None:
    assert_clean(check(with_quantity("{measure: prisoners, value: 52, unit: people}")))


def test_1_km_against_1000_m_of_a_declared_measure_is_an_error(check) -> None:
    measures = "measures:\n  - id: distance\n    name: Distance\n    unit: km\n"
    yaml = with_quantity("{measure: distance, value: 1, unit: km}", measures) + second_claim(
        "b", "{measure: distance, value: 1000, unit: m}"
    )
    error = only_error(check(yaml))
    assert error.message == "claim 'b', 'quantity': the unit 'm' is not the unit of measure 'distance' (km)"


def test_1_km_against_1000_m_of_an_undeclared_measure_is_a_warning(check) -> None:
    yaml = with_quantity("{measure: distance, value: 1, unit: km}", "") + second_claim("b", "{measure: distance, value: 1000, unit: m}")
    result = check(yaml)
    assert result.ok, describe(result.problems)
    units = [p for p in result.warnings if p.code == "unit"]
    assert [p.message for p in units] == [
        "claim 'b', 'quantity': the unit 'm' differs from 'km' in claim 'release-count' for the same measure 'distance'"
    ]


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        pytest.param("52", "14", True, id="two-numbers"),
        pytest.param("{min: 1001}", "{value: 1200, approximate: true}", False, id="more-than-and-nearly"),
        pytest.param("1300", "{min: 1300, max: 1400}", False, id="number-in-range"),
        pytest.param("50", "{value: 54, approximate: true}", False, id="about-54-reaches-50"),
        pytest.param("{max: 1199}", "{min: 1201}", True, id="disjoint-open-ranges"),
    ],
)
def test_a_discrepancy_is_a_conflict_exactly_when_two_values_cannot_both_be_right(check, first, second, conflict) -> None:
    def quantity(value: str) -> str:
        return "{measure: prisoners, " + (value[1:-1] if value.startswith("{value") else f"value: {value}") + "}"

    result = check(with_quantity(quantity(first)) + second_claim("b", quantity(second)))
    [discrepancy] = exported(result)["discrepancies"]
    assert discrepancy["conflict"] is conflict
    assert (discrepancy["name"], discrepancy["unit"]) == ("Prisoners freed", "people")


# ----- dates -----


def test_an_article_published_in_a_month_loads_and_its_evidence_counts(check) -> None:
    articles = {**BASE_ARTICLES, "nyt-2025-09-11": article(BASE_ARTICLES["nyt-2025-09-11"].split("---\n", 2)[2], published="2025-09")}
    result = check(BASE_YAML, articles)
    assert_clean(result)
    data = exported(result)
    assert next(a for a in data["articles"] if a["id"] == "nyt-2025-09-11")["published"] == "2025-09"
    assert data["claims"][0]["status"] == "single-source"


def test_an_article_published_in_a_year_loads(check) -> None:
    result = check(articles=with_article("x", article("Text of it.\n", published="2020")))
    assert result.ok, describe(result.problems)
    assert next(a for a in exported(result)["articles"] if a["id"] == "x")["published"] == "2020"


@pytest.mark.parametrize(
    ("written", "exported_as"),
    [
        pytest.param("2025-09", "2025-09", id="month"),
        pytest.param("2020", "2020", id="year"),
        pytest.param("{start: 2020}", {"start": "2020", "end": None}, id="since"),
        pytest.param("{end: 2021-03}", {"start": None, "end": "2021-03"}, id="until"),
        pytest.param("{start: 2025-09, end: 2025-09-15}", {"start": "2025-09", "end": "2025-09-15"}, id="mixed-precision"),
    ],
)
def test_claim_dates_of_any_precision_are_exported_as_written(check, written, exported_as) -> None:
    yaml = edit("    text: Belarus freed 52 prisoners.\n", f"    text: Belarus freed 52 prisoners.\n    date: {written}\n")
    result = check(yaml)
    assert_clean(result)
    assert exported(result)["claims"][0]["date"] == exported_as


@pytest.mark.parametrize(
    ("written", "message"),
    [
        pytest.param("2025-13", "'2025-13' is not a real calendar date: 2025 has no month 13; months go from 01 to 12", id="month-13"),
        pytest.param("{start: 2025-10, end: 2025-09}", "ends (2025-09) before it starts (2025-10)", id="start-after-end"),
        pytest.param(
            "{}", "should be a {start, end} mapping of dates, with a start, an end or both, not an empty mapping", id="empty-range"
        ),
        pytest.param("0", "should be a year like 2020, or a date written YYYY-MM-DD, not the number 0", id="year-0"),
    ],
)
def test_dates_that_do_not_exist_are_errors(check, written, message) -> None:
    yaml = edit("    text: Belarus freed 52 prisoners.\n", f"    text: Belarus freed 52 prisoners.\n    date: {written}\n")
    error = only_error(check(yaml))
    assert error.location.file == CLAIMS
    assert error.message == f"claim 'release-count', 'date' {message}"


# ----- origins -----

NYT_ORGANIZATION = """\
  - id: the-new-york-times
    name: The New York Times
    aliases: [NYT]
"""


def test_an_alias_and_the_name_of_one_organization_are_one_origin(check) -> None:
    yaml = edit("organizations:\n", "organizations:\n" + NYT_ORGANIZATION)
    yaml += (
        "      - article: reuters-2025-09-11\n        stance: supports\n        quote: Belarus released 52 prisoners\n        via: NYT\n"
    )
    result = check(yaml)
    assert_clean(result)
    [claim] = exported(result)["claims"]
    assert claim["status"] == "single-source"
    assert claim["supporting_origins"] == ["The New York Times"]
    assert [(e["origin"], e["origin_entity"]) for e in claim["evidence"]] == [("The New York Times", "the-new-york-times")] * 2


def test_unresolved_origins_differing_by_case_punctuation_and_the_are_one(check) -> None:
    yaml = BASE_YAML + (
        "      - article: reuters-2025-09-11\n        stance: supports\n        quote: Belarus released 52 prisoners\n"
        "        via: new york times.\n"
    )
    result = check(yaml)
    assert_clean(result)
    [claim] = exported(result)["claims"]
    assert (claim["status"], claim["supporting_origins"]) == ("single-source", ["The New York Times"])
    assert [e["origin_entity"] for e in claim["evidence"]] == [None, None]


def test_a_person_as_origin_resolves_to_the_person(check) -> None:
    yaml = BASE_YAML + "        via: Lukashenka\n"
    result = check(yaml)
    assert_clean(result)
    [item] = exported(result)["claims"][0]["evidence"]
    assert (item["via"], item["origin"], item["origin_entity"]) == ("Lukashenka", "Alexander Lukashenko", "alexander-lukashenko")


def test_an_acronym_that_is_no_alias_is_a_warning_suggesting_one(check) -> None:
    yaml = edit("organizations:\n", "organizations:\n  - id: the-new-york-times\n    name: The New York Times\n")
    yaml += (
        "      - article: reuters-2025-09-11\n        stance: supports\n        quote: Belarus released 52 prisoners\n        via: NYT\n"
    )
    warning = only_warning(check(yaml))
    assert "'NYT' could be an abbreviation of 'The New York Times'" in warning.message
    assert hints_text(warning) == "if they are one source, add 'NYT' to the aliases of 'the-new-york-times'"


# ----- translation and archived -----


def test_translation_and_archived_are_exported(check) -> None:
    archived = "https://web.archive.org/web/2025/https://example.com/x"
    articles = {**BASE_ARTICLES, "nyt-2025-09-11": article(BASE_ARTICLES["nyt-2025-09-11"].split("---\n", 2)[2], archived=archived)}
    yaml = BASE_YAML + "        translation: Belarus freed 52 political prisoners on Thursday\n"
    result = check(yaml, articles)
    assert_clean(result)
    data = exported(result)
    assert next(a for a in data["articles"] if a["id"] == "nyt-2025-09-11")["archived"] == archived
    assert data["claims"][0]["evidence"][0]["translation"] == "Belarus freed 52 political prisoners on Thursday"


def test_an_archived_address_must_be_http(check) -> None:
    error = only_error(check(articles=with_article("x", article("Text.\n", archived="ftp://example.com/x"))))
    assert error.location.file == art("x")
    assert error.message == "'archived' should be an http:// or https:// address, not the text \"ftp://example.com/x\""


# ----- the export's shape -----

CONTRACT_KEYS = {
    "articles": {"id", "title", "outlet", "author", "published", "url", "archived", "language", "retrieved", "capture", "sha256"},
    "entities": {"id", "kind", "name", "aliases", "summary", "wikidata", "countries", "participants", "date", "mentioned_in"},
    "measures": {"id", "name", "unit", "tolerance", "summary"},
    "claims": {"id", "text", "about", "date", "quantity", "status", "supporting_origins", "contradicting_origins", "evidence"},
    "discrepancies": {"measure", "name", "unit", "conflict", "values"},
}
CONTRACT_KEYS["claims"] |= {"conclusion"}  # contract v3
EVIDENCE_KEYS = {"article", "stance", "quote", "excerpt", "translation", "via", "note", "origin", "origin_entity", "passage"}


def test_the_export_has_exactly_the_contracts_fields() -> None:
    result = check_content(SAMPLE_CONTENT)
    data = exported(result)
    assert set(data) == set(CONTRACT_KEYS)
    for section, keys in CONTRACT_KEYS.items():
        assert data[section], section
        for entry in data[section]:
            assert set(entry) == keys, (section, entry)
    for claim in data["claims"]:
        for item in claim["evidence"]:
            assert set(item) == EVIDENCE_KEYS  # `passage` is the project's added field
        if claim["quantity"] is not None:
            assert set(claim["quantity"]) == {"measure", "value", "approximate", "unit"}
    for discrepancy in data["discrepancies"]:
        for value in discrepancy["values"]:
            assert set(value) == {"claim", "value", "approximate"}


def test_the_contracts_export_example_claim(check) -> None:
    """The contract's claim example, as exported: quantity, origin through an entity, as written dates."""
    entities = edit("organizations:\n", "organizations:\n  - id: us-embassy-vilnius\n    name: U.S. Embassy in Vilnius\n", BASE_ENTITIES)
    yaml = (
        entities
        + MEASURES.replace("prisoners\n", "prisoners-freed-sept-2025\n", 1)
        + BASE_CLAIM.replace(
            "    about: [sept-2025-release, belarus]\n",
            "    about: [sept-2025-release, belarus]\n    date: 2025-09-11\n"
            "    quantity:\n      measure: prisoners-freed-sept-2025\n      value: 52\n      approximate: false\n      unit: people\n",
        ).replace(
            "        quote: Belarus freed 52 political prisoners on Thursday\n",
            "        quote: Belarus freed 52 political prisoners on Thursday\n        via: U.S. Embassy in Vilnius\n",
        )
    )
    result = check(yaml)
    assert_clean(result)
    [claim] = exported(result)["claims"]
    assert claim["date"] == "2025-09-11"
    assert claim["quantity"] == {"measure": "prisoners-freed-sept-2025", "value": 52, "approximate": False, "unit": "people"}
    [item] = claim["evidence"]
    assert (item["origin"], item["origin_entity"], item["translation"]) == ("U.S. Embassy in Vilnius", "us-embassy-vilnius", None)
    assert claim["supporting_origins"] == ["U.S. Embassy in Vilnius"]


# ----- the seed -----


def test_the_seed_is_clean_and_its_discrepancies_are_no_false_conflicts() -> None:
    result = check_content(SAMPLE_CONTENT)
    assert result.ok and not result.problems, describe(result.problems)
    data = exported(result)
    conflicts = {d["measure"]: d["conflict"] for d in data["discrepancies"]}
    assert conflicts == {
        "prisoners-freed-dec-2025": False,  # 123 and "more than 100"
        "prisoners-release-requested-by-trump": False,  # 1,300 and "1,300 or 1,400"
        "political-prisoners-remaining-sept-2025": False,  # "more than 1,000" and "nearly 1,200"
    }
    measures = {m["id"] for m in data["measures"]}
    assert all(c["quantity"]["measure"] in measures for c in data["claims"] if c["quantity"])
    assert all(m["unit"] for m in data["measures"])


def test_the_seeds_origins_that_name_an_organization_resolve_to_it() -> None:
    data = exported(check_content(SAMPLE_CONTENT))
    resolved = {(e["origin"], e["origin_entity"]) for c in data["claims"] for e in c["evidence"]}
    assert ("The New York Times", "the-new-york-times") in resolved
    assert ("Belta", "belta") in resolved
    assert ("U.S. Embassy in Vilnius", "us-embassy-vilnius") in resolved
    unresolved = {origin for origin, entity in resolved if entity is None}
    assert unresolved == {"Unidentified news blog", "Unidentified news site", "U.N. experts"}
