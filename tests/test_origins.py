"""Origins of contract v2: sources resolved through entities, and spellings that look alike."""

from __future__ import annotations

import gc
import weakref

import pytest

from dossier import validate
from dossier.check import check_content
from dossier.origins import (
    Origin,
    OriginResolver,
    abbreviates,
    distinct,
    look_alikes,
    loose_key,
    origin_text,
    settle_displays,
)
from tests.sitebuild import SAMPLE_CONTENT

# As the seed has them: organizations for the outlets and agencies, a country with capitals aliases.
ENTITIES = {
    "the-new-york-times": ("The New York Times", "New York Times", "NYT"),
    "reuters": ("Reuters",),
    "us-embassy-vilnius": ("U.S. Embassy in Vilnius",),
    "united-states": ("United States", "U.S.", "US", "USA"),
    "belta": ("Belta", "Belarusian Telegraph Agency"),
    "alexander-lukashenko": ("Alexander Lukashenko", "Lukashenko", "Lukashenka"),
}


@pytest.fixture
def resolver() -> OriginResolver:
    return OriginResolver(ENTITIES)


def test_nyt_and_the_ny_times_and_the_new_york_times_count_once() -> None:
    resolver = OriginResolver({"nyt": ("The New York Times", "NYT", "N.Y. Times")})
    origins = [resolver.resolve(text) for text in ("NYT", "the N.Y. Times", "The New York Times")]
    assert {o.key for o in origins} == {"entity:nyt"}
    assert distinct(origins) == (Origin("The New York Times", "nyt", "entity:nyt"),)


@pytest.mark.parametrize(
    "written, entity",
    [
        ("The New York Times", "the-new-york-times"),
        ("the new york times", "the-new-york-times"),
        ("New York Times.", "the-new-york-times"),
        ("NYT", "the-new-york-times"),
        ("the NYT", "the-new-york-times"),
        ("N.Y.T.", "the-new-york-times"),
        ("REUTERS", "reuters"),
        ("Reuters’", "reuters"),
        ("U.S. Embassy in Vilnius", "us-embassy-vilnius"),
        ("US Embassy in Vilnius", "us-embassy-vilnius"),
        ("BELTA", "belta"),
        ("Belarusian  Telegraph\nAgency", "belta"),
        ("U.S.", "united-states"),
        ("Lukáshenka", "alexander-lukashenko"),
    ],
)
def test_an_origin_that_names_an_entity_is_that_entity(resolver: OriginResolver, written: str, entity: str) -> None:
    origin = resolver.resolve(written)
    assert (origin.entity_id, origin.key, origin.display) == (entity, f"entity:{entity}", ENTITIES[entity][0])


def test_a_name_in_capitals_matches_only_in_capitals_as_mentions_do(resolver: OriginResolver) -> None:
    assert resolver.resolve("us").entity_id is None
    assert resolver.resolve("nyt").entity_id is None
    assert resolver.resolve("Nyt").entity_id is None


def test_other_origins_compare_ignoring_case_accents_punctuation_and_a_leading_the(resolver: OriginResolver) -> None:
    spellings = ["The Kyiv Independent", "kyiv independent", "Kyiv Independent.", "the Kýiv-Independent", "THE KYIV INDEPENDENT"]
    origins = [resolver.resolve(s) for s in spellings]
    assert {o.key for o in origins} == {"text:kyiv independent"}
    assert all(o.entity_id is None for o in origins)
    assert resolver.resolve("Kyiv Post").key != origins[0].key


def test_the_alone_is_a_name() -> None:
    assert loose_key("The") == "the"
    assert loose_key("The Guardian") == "guardian"
    assert loose_key("Theodore Roosevelt") == "theodore roosevelt"


def test_an_unresolved_origin_is_shown_as_written_with_its_spaces_tidied(resolver: OriginResolver) -> None:
    assert resolver.resolve("  The  Kyiv Independent ").display == "The Kyiv Independent"


def test_a_spelling_shared_by_two_entities_resolves_to_the_one_it_names() -> None:
    resolver = OriginResolver({"ap-agency": ("AP News", "AP"), "associated-press": ("AP",)})
    assert resolver.resolve("AP").entity_id == "associated-press"  # its name wins over another's alias
    resolver = OriginResolver({"first": ("First", "Shared"), "second": ("Second", "Shared")})
    assert resolver.resolve("Shared").entity_id == "first"  # else the first listed


def test_the_origin_of_an_item_is_its_via_else_its_outlet() -> None:
    assert origin_text("The New York Times", "The European Conservative") == "The New York Times"
    assert origin_text(None, "The European Conservative") == "The European Conservative"


def test_one_display_name_per_origin(resolver: OriginResolver) -> None:
    origins = [resolver.resolve(s) for s in ("kyiv independent", "The Kyiv Independent", "The Kyiv Independent", "NYT")]
    assert settle_displays(origins) == {"text:kyiv independent": "The Kyiv Independent", "entity:the-new-york-times": "The New York Times"}


# ----- look-alikes -----


@pytest.mark.parametrize(
    "short, long, expected",
    [
        ("nyt", "new york times", True),
        ("ny times", "new york times", True),
        ("fbi", "federal bureau of investigation", True),
        ("bbc", "british broadcasting corporation", True),
        ("ap", "associated press", True),
        ("afp", "associated press", False),
        ("new york times", "nyt", False),
        ("times", "new york times", False),
        ("nyt", "nyt", False),
    ],
)
def test_abbreviations(short: str, long: str, expected: bool) -> None:
    assert abbreviates(short, long) is expected


def test_an_acronym_of_another_origin_is_warned_about_with_where_both_are_used() -> None:
    [found] = look_alikes({"AP": ["claims.yaml:10"], "Associated Press": ["a.md:3", "claims.yaml:40"]})
    assert found.reason == "abbreviation"
    assert (found.spelling, found.other, found.entity_id) == ("AP", "Associated Press", None)
    assert (found.uses, found.other_uses) == (("claims.yaml:10",), ("a.md:3", "claims.yaml:40"))
    assert (
        found.message
        == "the sources 'AP' and 'Associated Press' count as two independent origins, but 'AP' could be an abbreviation of 'Associated Press'"
    )
    assert found.hint.startswith("if they are one source, add an organization named 'Associated Press' with the alias 'AP'")


def test_an_acronym_of_an_entity_suggests_an_alias(resolver: OriginResolver) -> None:
    [found] = look_alikes({"BTA": ["claims.yaml:7"], "Reuters": ["r.md:1"]}, resolver)
    assert (found.spelling, found.other, found.entity_id) == ("BTA", "Belarusian Telegraph Agency", "belta")
    assert found.message == (
        "the sources 'BTA' and 'Belarusian Telegraph Agency' (entity 'belta') count as two independent origins, "
        "but 'BTA' could be an abbreviation of 'Belarusian Telegraph Agency'"
    )
    assert found.hint == "if they are one source, add 'BTA' to the aliases of 'belta'"


def test_a_lower_case_acronym_is_warned_about_since_it_does_not_resolve(resolver: OriginResolver) -> None:
    [found] = look_alikes({"nyt": ["x"]}, resolver)
    assert found.entity_id == "the-new-york-times"


def test_near_spellings_are_warned_about() -> None:
    [found] = look_alikes({"Kyiv Independant": [1], "The Kyiv Independent": [2]})
    assert found.reason == "spelling"
    assert found.message.endswith("but they are spelled almost alike")
    [found] = look_alikes({"Reuter": [1]}, OriginResolver(ENTITIES))
    assert (found.entity_id, found.reason) == ("reuters", "spelling")


def test_short_names_a_letter_apart_are_different_sources() -> None:
    assert look_alikes({"AP": [1], "AFP": [2], "BBC": [3], "CBC": [4]}) == []


def test_spellings_of_one_origin_or_of_resolved_ones_are_not_warned_about(resolver: OriginResolver) -> None:
    assert look_alikes({"The Kyiv Independent": [1], "kyiv independent.": [2]}) == []
    assert look_alikes({"NYT": [1], "The New York Times": [2], "New York Times": [3]}, resolver) == []


def test_one_warning_per_spelling_and_entity(resolver: OriginResolver) -> None:
    # "new york time" is a letter away from both the name and an alias of one entity.
    found = look_alikes({"New York Time": [1]}, resolver)
    assert [(f.spelling, f.entity_id) for f in found] == [("New York Time", "the-new-york-times")]


def test_spellings_of_one_key_are_grouped_with_all_their_uses() -> None:
    [found] = look_alikes({"The Associated Press": [1], "associated press": [2], "AP": [3]})
    assert {found.spelling, found.other} == {"The Associated Press", "AP"}
    assert sorted([*found.uses, *found.other_uses]) == [1, 2, 3]


def test_two_letter_acronyms_are_compared_only_among_sources() -> None:
    resolver = OriginResolver({"anna-petrova": ("Anna Petrova",), "associated-press": ("Associated Press",)})
    assert look_alikes({"AP": [1]}, resolver) == []
    [found] = look_alikes({"AP": [1], "Associated Pres": [2]})
    assert found.reason == "abbreviation"


def test_the_entities_compared_with_can_be_limited_to_organizations() -> None:
    resolver = OriginResolver({"john-coale": ("John Coale",), "reuters": ("Reuters",)})
    assert [f.entity_id for f in look_alikes({"Jon Coale": [1], "Reuter": [2]}, resolver)] == ["john-coale", "reuters"]
    assert [f.entity_id for f in look_alikes({"Jon Coale": [1], "Reuter": [2]}, resolver, entities={"reuters"})] == ["reuters"]


def test_one_resolver_per_dossier_let_go_of_with_it() -> None:
    dossier = check_content(SAMPLE_CONTENT).dossier
    assert dossier is not None
    first = validate.origin_resolver(dossier)
    assert validate.origin_resolver(dossier) is first  # the check, derivation and site share it
    other = check_content(SAMPLE_CONTENT).dossier
    assert other is not None and validate.origin_resolver(other) is not first  # another dossier, its own
    gone = weakref.ref(first)
    del dossier, first, other
    gc.collect()
    assert gone() is None
