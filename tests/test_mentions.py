"""Finding entities' names and aliases in article text, and `mentioned_in` in the export."""

from __future__ import annotations

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, article, assert_clean, edit
from hypothesis import given
from hypothesis import strategies as st

from dossier.export import export
from dossier.mentions import MentionFinder

FINDER = MentionFinder(
    {
        "united-states": ["United States", "US", "U.S."],
        "european-union": ["European Union", "EU"],
        "belarus": ["Belarus"],
        "alexander-lukashenko": ["Alexander Lukashenko", "Lukashenko", "Aleksandr G. Lukashenko"],
        "gitanas-nauseda": ["Gitanas Nausėda", "Nauseda"],
        "conor-obrien": ["Conor O'Brien"],
        "sviatlana-tsikhanouskaya": ["Sviatlana Tsikhanouskaya", "Tsikhanouskaya’s office"],
    }
)


def found(text: str, finder: MentionFinder = FINDER) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[m.start : m.end], m.entities) for m in finder.find(text)]


@pytest.mark.parametrize("text", ["let us go", "Us and uS", "they told us.", "usa", "USA"])
def test_capital_alias_never_matches_other_case_or_longer_words(text: str) -> None:
    assert found(text) == []


def test_capital_aliases_match_in_capitals() -> None:
    assert found("The US and the U.S. and the EU said") == [
        ("US", ("united-states",)),
        ("U.S.", ("united-states",)),
        ("EU", ("european-union",)),
    ]
    assert found("a U.S.-brokered deal") == [("U.S.", ("united-states",))]
    assert found("the u.s. and the eu") == []


@pytest.mark.parametrize("text", ["belarus", "BELARUS", "Belarus", "bElArUs"])
def test_ordinary_names_ignore_case(text: str) -> None:
    assert found(f"In {text} today") == [(text, ("belarus",))]


def test_accents_are_ignored_both_ways() -> None:
    assert found("President Gitanas Nauseda spoke") == [("Gitanas Nauseda", ("gitanas-nauseda",))]
    assert found("Nausėda spoke") == [("Nausėda", ("gitanas-nauseda",))]


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Belarus's airline", "Belarus"),
        ("Belarus’s airline", "Belarus"),
        ("(Belarus)", "Belarus"),
        ("Belarus-based", "Belarus"),
        ("in Belarus.", "Belarus"),
        ("Belarusians protested", None),
        ("the Belarusian leader", None),
        ("WhiteBelarus", None),
    ],
)
def test_whole_words_only(text: str, mention: str | None) -> None:
    assert found(text) == ([(mention, ("belarus",))] if mention else [])


def test_longest_name_wins_where_names_overlap() -> None:
    text = "Alexander Lukashenko met Lukashenko's envoy; Aleksandr G. Lukashenko signed."
    assert found(text) == [
        ("Alexander Lukashenko", ("alexander-lukashenko",)),
        ("Lukashenko", ("alexander-lukashenko",)),
        ("Aleksandr G. Lukashenko", ("alexander-lukashenko",)),
    ]


def test_longest_name_wins_in_any_case() -> None:
    assert found("ALEXANDER LUKASHENKO spoke") == [("ALEXANDER LUKASHENKO", ("alexander-lukashenko",))]


def test_names_across_spaces_and_line_breaks() -> None:
    assert found("Alexander\nLukashenko and United   States") == [
        ("Alexander\nLukashenko", ("alexander-lukashenko",)),
        ("United   States", ("united-states",)),
    ]


@pytest.mark.parametrize("text", ["Conor O'Brien", "Conor O’Brien", "Conor O‘Brien"])
def test_curly_and_straight_apostrophes_in_text(text: str) -> None:
    assert found(text) == [(text, ("conor-obrien",))]


def test_curly_apostrophe_in_an_alias_matches_a_straight_one() -> None:
    assert found("Tsikhanouskaya's office said") == [("Tsikhanouskaya's office", ("sviatlana-tsikhanouskaya",))]


def test_a_name_shared_by_two_entities_names_both() -> None:
    finder = MentionFinder({"a": ["Minsk"], "b": ["Minsk", "Minsk Region"]})
    assert found("Minsk and Minsk Region", finder) == [("Minsk", ("a", "b")), ("Minsk Region", ("b",))]


def test_no_names_no_mentions() -> None:
    assert MentionFinder({}).find("Belarus") == []
    assert MentionFinder({"x": ["", "  "]}).find("Belarus") == []


def test_names_with_sharp_s_are_found() -> None:
    # Regression: "ß".casefold() is "ss" but fold() keeps "ß" (one character for one), so the
    # key looked up after a match ("strauss") differed from the key stored ("strauß").
    finder = MentionFinder({"strauss": ["Franz Josef Strauß"], "weiss": ["Weiß"]})
    assert found("Franz Josef Strauß and Weiß", finder) == [
        ("Franz Josef Strauß", ("strauss",)),
        ("Weiß", ("weiss",)),
    ]


names = st.text("abcdefghijklmnopqrstuvwxyzéėšABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=12).filter(
    lambda n: any(c.islower() for c in n)
)


@given(name=names, before=st.lists(st.integers(0, 999), max_size=5), after=st.lists(st.integers(0, 999), max_size=5), data=st.data())
def test_an_ordinary_name_is_found_in_any_case_among_other_words(name, before, after, data) -> None:
    cased = "".join(c.upper() if data.draw(st.booleans()) else c.lower() for c in name)
    prefix = "".join(f"{n} " for n in before)
    text = f"{prefix}{cased}{''.join(f' {n}' for n in after)}"
    matches = MentionFinder({"e": [name]}).find(text)
    assert [(m.start, m.end, m.entities) for m in matches] == [(len(prefix), len(prefix) + len(name), ("e",))]


# ----- mentions in a checked dossier -----


def test_mentions_and_mentioned_in(check) -> None:
    articles = {
        **BASE_ARTICLES,
        "lowercase-us": article("Let us hope the talks go well. The people of belarus wait.\n"),
    }
    result = check(BASE_YAML, articles)
    assert_clean(result)
    analysis = result.analysis
    assert analysis.mentioned_in == {
        "alexander-lukashenko": ("nyt-2025-09-11",),
        "john-coale": ("nyt-2025-09-11",),
        "belarus": ("lowercase-us", "nyt-2025-09-11", "reuters-2025-09-11"),  # articles in file-name order
        "united-states": ("nyt-2025-09-11", "reuters-2025-09-11"),
        "belavia": ("reuters-2025-09-11",),
        "sept-2025-release": (),
    }
    # "President Alexander Lukashenko" in paragraph 3 is one mention of the long name.
    lukashenko = [m for m in analysis.mentions["nyt-2025-09-11"] if "alexander-lukashenko" in m.entities]
    body = result.dossier.articles["nyt-2025-09-11"].body
    assert [(body[m.start : m.end], m.paragraph) for m in lukashenko] == [("Alexander Lukashenko", 2)]
    exported = {e["id"]: e["mentioned_in"] for e in export(result.dossier, analysis)["entities"]}
    assert exported["belarus"] == ["lowercase-us", "nyt-2025-09-11", "reuters-2025-09-11"]
    assert exported["sept-2025-release"] == []


def test_alias_us_is_not_found_in_lowercase_us(check) -> None:
    yaml = edit("    name: United States\n", "    name: United Kingdom of Nowhere\n")
    articles = {"a": article("Let us go; tell us more.\n")}
    result = check(yaml.split("claims:")[0], articles)
    assert_clean(result)
    assert result.analysis.mentioned_in["united-states"] == ()


# ----- v2: the visible text, folded as quotes are -----


@pytest.mark.parametrize(
    "text, mention",
    [
        ("They met _Lukashenko_ today.", "Lukashenko"),
        ("They met *Alexander Lukashenko* today.", "Alexander Lukashenko"),
        ("They met [Lukashenko](https://example.com/belarus) today.", "Lukashenko"),
        ("They met Luka\u200bshenko today.", "Luka\u200bshenko"),
        ("They met LUKASHENKO today.", "LUKASHENKO"),
    ],
)
def test_names_are_found_in_the_text_a_reader_sees(text: str, mention: str) -> None:
    assert found(text) == [(mention, ("alexander-lukashenko",))]


def test_link_targets_and_markdown_marks_are_not_mentions() -> None:
    assert found("See [the report](https://example.com/belarus-lukashenko) now.") == []
    assert found("## Belarus\n\nText.") == [("Belarus", ("belarus",))]


def test_full_case_folding_and_latin_accents_only() -> None:
    finder = MentionFinder({"strauss": ["Franz Josef Strauss"], "minsk": ["Мінск"], "moi": ["Мой"]})
    assert found("FRANZ JOSEF STRAUß spoke", finder) == [("FRANZ JOSEF STRAUß", ("strauss",))]
    assert found("в Мінску, в МІНСК", finder) == [("МІНСК", ("minsk",))]
    assert found("мои слова", finder) == []  # й is not и


def test_capital_aliases_ignore_accents_but_keep_case() -> None:
    finder = MentionFinder({"eu": ["EU"]})
    assert found("the ÉU and the EU", finder) == [("ÉU", ("eu",)), ("EU", ("eu",))]
    assert found("the éu", finder) == []


def test_one_key_for_matching_and_the_shared_alias_warning() -> None:
    from dossier.mentions import name_key
    from dossier.validate import _mention_key

    assert name_key("ÉU") == name_key("EU") == _mention_key("ÉU")
    assert name_key("Straße") == name_key("Strasse") == _mention_key("strasse")
    assert name_key("US") != name_key("us")
