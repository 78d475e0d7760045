"""What the build derives: origins, status, discrepancies, and the export of it all."""

from __future__ import annotations

import json

import pytest
from conftest import BASE_ENTITIES, article, assert_clean, describe, edit

from dossier import derive
from dossier.export import export

BODY = "Belarus freed 52 political prisoners on Thursday.\n\nLithuania said it received them.\n"

ARTICLES = {
    "nyt-1": article(BODY, outlet='"The New York Times"'),
    "nyt-2": article(BODY, outlet='"the new york times"'),
    "reuters": article(BODY, outlet="Reuters"),
    "ec": article(BODY, outlet='"The European Conservative"', published=None),
    "belta": article(BODY, outlet="BelTA"),
}


def claim(claim_id: str, *evidence: str, quantity: str = "") -> str:
    """A claim about Belarus; each evidence item is 'article stance [via]'."""
    lines = [f"  - id: {claim_id}", f"    text: Claim {claim_id}.", "    about: [belarus]"]
    if quantity:
        lines += ["    quantity:", "      measure: prisoners-freed", f"      value: {quantity}"]
    lines.append("    evidence:")
    for item in evidence:
        article_id, stance, *via = item.split(" ", 2)
        lines += [f"      - article: {article_id}", f"        stance: {stance}", "        quote: Belarus freed 52 political prisoners"]
        if via:
            lines.append(f"        via: {via[0]}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def derived(check):
    """Check a dossier of the given claims over ARTICLES; returns (dossier, analysis)."""

    def run(*claims: str):
        result = check(BASE_ENTITIES + "claims:\n" + "".join(claims), ARTICLES)
        assert result.ok and result.analysis is not None, describe(result.problems)
        return result.dossier, result.analysis

    return run


def assessment(derived, *evidence: str):
    _, analysis = derived(claim("c", *evidence))
    return analysis.assessments["c"]


# ----- origins -----


def test_origin_is_the_outlet(derived) -> None:
    a = assessment(derived, "nyt-1 supports", "belta contradicts")
    assert a.origins == ("The New York Times", "BelTA")


def test_via_overrides_the_outlet(derived) -> None:
    a = assessment(derived, "nyt-1 supports Agence France-Presse")
    assert a.origins == ("Agence France-Presse",)
    assert a.supporting_origins == ("Agence France-Presse",)


def test_two_articles_of_one_outlet_count_once(derived) -> None:
    a = assessment(derived, "nyt-1 supports", "nyt-2 supports")
    assert a.supporting_origins == ("The New York Times",)  # as first spelled
    assert a.status.value == "single-source"


def test_two_outlets_repeating_one_wire_count_once(derived) -> None:
    a = assessment(derived, "nyt-1 supports Reuters", "ec supports Reuters")
    assert a.supporting_origins == ("Reuters",)
    assert a.status.value == "single-source"


def test_wire_and_the_wire_itself_count_once(derived) -> None:
    a = assessment(derived, "reuters supports", "nyt-1 supports REUTERS")
    assert a.supporting_origins == ("Reuters",)


def test_origins_are_compared_ignoring_case_and_accents(derived) -> None:
    a = assessment(derived, "nyt-1 supports Agence France-Presse", "ec supports agence france-présse")
    assert a.supporting_origins == ("Agence France-Presse",)


def test_outlet_and_via_both_differing_count_twice(derived) -> None:
    a = assessment(derived, "nyt-1 supports", "ec supports Reuters")
    assert a.supporting_origins == ("The New York Times", "Reuters")


# ----- status -----


@pytest.mark.parametrize(
    "evidence, status, supporting, contradicting",
    [
        (["nyt-1 supports", "reuters supports"], "corroborated", ["The New York Times", "Reuters"], []),
        (["nyt-1 supports", "nyt-2 supports", "ec supports The New York Times"], "single-source", ["The New York Times"], []),
        (["reuters supports"], "single-source", ["Reuters"], []),
        (["nyt-1 supports", "reuters supports", "belta contradicts"], "contested", ["The New York Times", "Reuters"], ["BelTA"]),
        (["nyt-1 supports", "nyt-2 contradicts"], "contested", ["The New York Times"], ["the new york times"]),
        (["belta contradicts"], "disputed", [], ["BelTA"]),
        (["belta contradicts", "reuters contradicts"], "disputed", [], ["BelTA", "Reuters"]),
    ],
)
def test_status(derived, evidence, status, supporting, contradicting) -> None:
    a = assessment(derived, *evidence)
    assert (a.status.value, list(a.supporting_origins), list(a.contradicting_origins)) == (status, supporting, contradicting)


def test_assess_is_what_the_check_reports(derived) -> None:
    dossier, analysis = derived(claim("c", "nyt-1 supports", "belta contradicts"))
    assert derive.assess(dossier.claims["c"], derive.resolve_origins(dossier)["c"]) == analysis.assessments["c"]


# ----- discrepancies -----


def values_of(analysis) -> list[tuple[str, list[tuple[str, object]]]]:
    return [(d.measure, [(v.claim, v.quantity.value_json()) for v in d.values]) for d in analysis.discrepancies]


def test_equal_values_are_no_discrepancy(derived) -> None:
    _, analysis = derived(
        claim("a", "nyt-1 supports", quantity="52"),
        claim("b", "reuters supports", quantity="52.0"),
        claim("c", "ec supports", quantity="{min: 52, max: 52}"),
    )
    assert analysis.discrepancies == ()


def test_a_range_differs_from_a_number(derived) -> None:
    _, analysis = derived(claim("a", "nyt-1 supports", quantity="52"), claim("b", "belta supports", quantity="{min: 50, max: 60}"))
    assert values_of(analysis) == [("prisoners-freed", [("a", 52), ("b", {"min": 50, "max": 60})])]


def test_every_claim_of_the_measure_is_listed(derived) -> None:
    _, analysis = derived(
        claim("a", "nyt-1 supports", quantity="52"),
        claim("b", "reuters supports", quantity="52"),
        claim("c", "ec supports"),  # no quantity: not compared
        claim("d", "belta supports", quantity="14"),
    )
    assert values_of(analysis) == [("prisoners-freed", [("a", 52), ("b", 52), ("d", 14)])]


def test_different_measures_are_not_compared(derived) -> None:
    other = claim("b", "reuters supports", quantity="14").replace("prisoners-freed", "foreigners-freed")
    _, analysis = derived(claim("a", "nyt-1 supports", quantity="52"), other)
    assert analysis.discrepancies == ()


def test_range_with_min_above_max_is_an_error(check) -> None:
    result = check(BASE_ENTITIES + "claims:\n" + claim("a", "nyt-1 supports", quantity="{min: 60, max: 50}"), ARTICLES)
    [error] = result.errors
    assert error.message == "claim 'a', 'quantity', 'value': min (60) is larger than max (50)"


# ----- the export -----


def test_export_lists_everything_once_with_nulls_for_missing_fields(derived) -> None:
    dossier, analysis = derived(
        claim("a", "nyt-1 supports", "belta contradicts Belarusian state media", quantity="52"),
        claim("b", "reuters supports", quantity="{min: 50, max: 60}"),
        claim("c", "ec supports"),
    )
    data = json.loads(json.dumps(export(dossier, analysis)))  # plain JSON, nothing else
    assert set(data) == {"articles", "entities", "measures", "claims", "discrepancies"}
    assert data["measures"] == []  # none declared

    assert sorted(a["id"] for a in data["articles"]) == sorted(ARTICLES)
    ec = next(a for a in data["articles"] if a["id"] == "ec")
    assert ec == {
        "id": "ec",
        "title": "A headline",
        "outlet": "The European Conservative",
        "author": None,
        "published": None,
        "url": None,
        "archived": None,
        "language": "en",
        "retrieved": None,
        "capture": None,
        "sha256": None,
    }

    assert [e["id"] for e in data["entities"]] == list(dossier.entities)
    kinds = {e["id"]: e["kind"] for e in data["entities"]}
    assert kinds == {
        "alexander-lukashenko": "person",
        "john-coale": "person",
        "belarus": "country",
        "united-states": "country",
        "belavia": "organization",
        "sept-2025-release": "event",
    }
    coale = next(e for e in data["entities"] if e["id"] == "john-coale")
    assert coale == {
        "id": "john-coale",
        "kind": "person",
        "name": "John Coale",
        "aliases": [],
        "summary": None,
        "wikidata": None,
        "countries": [],
        "participants": [],
        "date": None,
        "mentioned_in": [],
    }
    event = next(e for e in data["entities"] if e["id"] == "sept-2025-release")
    assert event["date"] == "2025-09-11"
    assert event["participants"] == ["alexander-lukashenko", "john-coale"]

    assert [c["id"] for c in data["claims"]] == ["a", "b", "c"]
    a, b, c = data["claims"]
    assert {k: a[k] for k in ("text", "about", "date", "status", "supporting_origins", "contradicting_origins")} == {
        "text": "Claim a.",
        "about": ["belarus"],
        "date": None,
        "status": "contested",
        "supporting_origins": ["The New York Times"],
        "contradicting_origins": ["Belarusian state media"],
    }
    assert a["quantity"] == {"measure": "prisoners-freed", "value": 52, "approximate": False, "unit": None}
    assert b["quantity"]["value"] == {"min": 50, "max": 60}
    assert c["quantity"] is None
    assert [len(x["evidence"]) for x in data["claims"]] == [2, 1, 1]
    first, second = a["evidence"]
    assert {k: first[k] for k in ("article", "stance", "quote", "translation", "via", "note", "origin", "origin_entity")} == {
        "article": "nyt-1",
        "stance": "supports",
        "quote": "Belarus freed 52 political prisoners",
        "translation": None,
        "via": None,
        "note": None,
        "origin": "The New York Times",
        "origin_entity": None,  # no entity of this dossier is The New York Times
    }
    assert (second["via"], second["origin"]) == ("Belarusian state media", "Belarusian state media")
    assert first["passage"] == [{"paragraph": 1, "start": 0, "end": len("Belarus freed 52 political prisoners")}]

    assert data["discrepancies"] == [
        {
            "measure": "prisoners-freed",
            "name": "prisoners-freed",  # not declared: its id
            "unit": None,
            "conflict": False,  # 52 lies in 50-60
            "values": [
                {"claim": "a", "value": 52, "approximate": False},
                {"claim": "b", "value": {"min": 50, "max": 60}, "approximate": False},
            ],
        }
    ]


def test_export_of_an_author_list_and_a_date_range(check) -> None:
    articles = {"x": article(BODY, author="[Ann One, Bob Two]", url="https://example.com/x")}
    yaml = edit("    date: 2025-09-11\n", "    date: {start: 2025-09-10, end: 2025-09-12}\n", BASE_ENTITIES)
    result = check(yaml, articles)
    assert_clean(result)
    data = export(result.dossier, result.analysis)
    assert data["articles"] == [
        {
            "id": "x",
            "title": "A headline",
            "outlet": "Example Times",
            "author": ["Ann One", "Bob Two"],
            "published": "2025-09-11",
            "url": "https://example.com/x",
            "archived": None,
            "language": "en",
            "retrieved": None,
            "capture": None,
            "sha256": None,
        }
    ]
    event = next(e for e in data["entities"] if e["kind"] == "event")
    assert event["date"] == {"start": "2025-09-10", "end": "2025-09-12"}
    assert data["claims"] == [] and data["discrepancies"] == []


def test_export_is_strict_json_even_for_a_huge_number(check) -> None:
    # Regression: `value: 1e400` was read as float infinity and accepted, and the export then
    # held `Infinity`, which is not JSON. Either the check refuses it, or the export stays strict.
    yaml = BASE_ENTITIES + "claims:\n" + claim("a", "nyt-1 supports", quantity="1e400")
    result = check(yaml, ARTICLES)
    if result.ok:
        json.dumps(export(result.dossier, result.analysis), allow_nan=False)
    else:
        assert [p.location.line for p in result.errors] == [yaml.splitlines().index("      value: 1e400") + 1]
