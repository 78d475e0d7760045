"""What `dossier check` says about quotes (contract v2, "Quotes"): one test per rule and message,
including every example of issue 11, on small dossiers and on the seed's own articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    BASE_ARTICLES,
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
)

from dossier.export import export

SEED = Path(__file__).resolve().parent / "fixtures" / "sample" / "articles"
QUOTE = "quote: Belarus freed 52 political prisoners on Thursday"


def quoting(quote: str, article_id: str = "nyt-2025-09-11") -> str:
    """BASE_YAML with the claim's quote replaced (written as a YAML double-quoted string)."""
    yaml = edit(QUOTE, f'quote: "{quote}"')
    return yaml if article_id == "nyt-2025-09-11" else edit("article: nyt-2025-09-11", f"article: {article_id}", yaml)


def with_body(body: str, **meta: object) -> dict[str, str | bytes]:
    return {**BASE_ARTICLES, "x": article(body, **meta)}


def seed_article(name: str) -> dict[str, str | bytes]:
    return {**BASE_ARTICLES, name: (SEED / f"{name}.md").read_text("utf-8")}


# ----- the issue's examples -----


def test_stitched_quote_is_refused_as_joining_paragraphs(check) -> None:
    name = "europeanconservative-2025-09-11"
    yaml = quoting("Belarus on Thursday ... freed more than 300 political prisoners ... as a way to win favor", name)
    error = only_error(check(yaml, seed_article(name)))
    assert error.code == "quote-joins-paragraphs"
    assert error.message == f"quote joins two paragraphs of article '{name}' ({art(name)}): its parts are in paragraphs 7 and 12"
    assert "never join two" in hints_text(error)


def test_issue_stitched_quote_of_single_words_is_refused(check) -> None:
    name = "europeanconservative-2025-09-11"
    error = only_error(check(quoting("Belarus ... freed ... all detainees", name), seed_article(name)))
    assert error.code == "quote-joins-paragraphs"
    assert error.message.endswith("its parts are in paragraphs 7 and 14")


@pytest.mark.parametrize(
    "name, quote, part, whole",
    [
        ("reuters-2025-09-11", "300 or 1,400 prisoners whose release Trump had called for", "300", "1,300"),
        ("unidentified-site-2025-09-11", "200 political prisoners remain in detention", "200", "1,200"),
    ],
)
def test_number_fragment_is_refused_and_named(check, name: str, quote: str, part: str, whole: str) -> None:
    error = only_error(check(quoting(quote, name), seed_article(name)))
    assert error.code == "quote-partial-number"
    assert error.message == f"quote not found in article '{name}' ({art(name)}): '{part}' is part of '{whole}'"
    assert f"'{whole}'" in error.hints[0]


@pytest.mark.parametrize("quote", ["the", "a", ",", "—", "freed 52"])
def test_quote_with_fewer_than_three_words_is_an_error(check, quote: str) -> None:
    yaml = quoting(quote)
    error = only_error(check(yaml))
    assert error.code == "quote-too-short"
    assert error.message == f"quote has fewer than three words: “{quote}”"
    assert_at(error, CLAIMS, position(yaml, "quote:")[0])
    assert "at least 3 words" in error.hints[0]


def test_link_target_is_not_visible_text(check) -> None:
    articles = with_body("See [the full report](https://example.com/report) for details.\n")
    error = only_error(check(quoting("See [the full report](https://example", "x"), articles))
    assert (
        error.message == f"quote not found in article 'x' ({art('x')}): it is in the article's Markdown but not in the text a reader sees"
    )
    assert "link's address" in error.hints[0]
    assert_clean(check(quoting("See the full report for details", "x"), articles))


@pytest.mark.parametrize(
    "body, quote",
    [
        ("He did *not* sign the deal.\n", "He did not sign the deal"),
        ("Talks with Luka\u200bshenko went on.\n", "Talks with Lukashenko went on"),
        ("Talks with Lukashenko went on.\n", "Talks with Luka\u00adshen\u2060ko went on"),
        ("Gitanas Nausėda said so.\n", "Gitanas Nause\\u0307da said"),  # a YAML escape: a decomposed accent
        ("Franz Josef Strauß spoke.\n", "Franz Josef Strauss spoke"),
        ("Franz Josef Strauss spoke.\n", "Franz Josef Strauß spoke"),
        ("It went well. Then they ate.\n", "It went well.... they ate"),
        ("Talks with _Lukashenko_ went on.\n", "Talks with Lukashenko went"),
        ("Ёлка стоит здесь давно.\n", "елка стоит здесь"),
        ("It\ufeff went \u2066well\u2069 today.\n", "it went well today"),
    ],
)
def test_quote_found_in_the_visible_folded_text(check, body: str, quote: str) -> None:
    result = check(quoting(quote, "x"), with_body(body))
    assert result.ok, describe(result.problems)


def test_cyrillic_short_i_is_not_i(check) -> None:
    error = only_error(check(quoting("мои дом стоит", "x"), with_body("мой дом стоит здесь.\n")))
    assert error.code == "quote-not-found"
    assert "[мои → мой] дом стоит" in hints_text(error)


def test_underscore_italics_are_a_mention(check) -> None:
    result = check(BASE_YAML, with_body("Talks with _Lukashenko_ went on.\n"))
    assert_clean(result)
    assert "x" in result.analysis.mentioned_in["alexander-lukashenko"]
    body = result.dossier.articles["x"].body
    [mention] = [m for m in result.analysis.mentions["x"] if "alexander-lukashenko" in m.entities]
    assert body[mention.start : mention.end] == "Lukashenko"


def test_closest_passage_keeps_every_word_and_shows_the_difference(check) -> None:
    body = "On Friday Lukashenko released the opposition blogger Anton Kavaleu, his lawyer said.\n"
    error = only_error(check(quoting("Lukashenko released opposition blogger Anton Kavaleu", "x"), with_body(body)))
    assert error.hints[0] == "closest passage (paragraph 1): “Lukashenko released the opposition blogger Anton Kavaleu,”"
    assert error.hints[1].endswith(": Lukashenko released [+the] opposition blogger Anton Kavaleu,")
    assert "copy the passage exactly" in error.hints[-1]


def test_closest_passage_shows_a_changed_word(check) -> None:
    error = only_error(check(edit(QUOTE, "quote: Belarus freed 53 political prisoners on Thursday")))
    assert error.hints[0] == "closest passage (paragraph 1): “Belarus freed 52 political prisoners on Thursday,”"
    assert error.hints[1].endswith(": Belarus freed [53 → 52] political prisoners on Thursday,")


def test_closest_passage_shows_a_word_the_article_does_not_have(check) -> None:
    error = only_error(check(edit(QUOTE, "quote: Belarus freed 52 political prisoners early on Thursday")))
    assert error.hints[1].endswith(": Belarus freed 52 political prisoners [-early] on Thursday,")


# ----- one test per rule -----


def test_an_ellipsis_leaving_out_more_than_60_words_is_refused_with_the_count(check) -> None:
    filler = " ".join(f"word{n}" for n in range(74))
    articles = with_body(f"The minister said {filler} and then he left the room.\n")
    error = only_error(check(quoting("The minister said ... and then he left", "x"), articles))
    assert error.code == "quote-ellipsis-too-long"
    assert error.message == f"quote from article 'x' ({art('x')}): 74 words left out at one ellipsis; the limit is 60"
    filler = " ".join(f"word{n}" for n in range(60))
    assert_clean(
        check(quoting("The minister said ... and then he left", "x"), with_body(f"The minister said {filler} and then he left the room.\n"))
    )


@pytest.mark.parametrize(
    "quote, edge",
    [
        ("... freed 52 political prisoners", "starts"),
        ("freed 52 political prisoners …", "ends"),
        ("[...] freed 52 political prisoners", "starts"),
    ],
)
def test_a_quote_may_not_start_or_end_with_an_ellipsis(check, quote: str, edge: str) -> None:
    yaml = quoting(quote)
    error = only_error(check(yaml))
    assert error.code == "quote-ellipsis"
    assert error.message == f"quote {edge} with an ellipsis"
    assert_at(error, CLAIMS, position(yaml, "quote:")[0])


def test_a_quote_only_in_the_title_says_so(check) -> None:
    error = only_error(check(edit(QUOTE, "quote: Belarus Frees 52 Prisoners")))
    assert error.code == "quote-not-found"
    assert error.message.endswith(": it is only in the title")
    assert "front matter" in error.hints[0]


def test_a_quote_found_twice_is_a_warning_naming_both_paragraphs(check) -> None:
    body = "The talks went well today.\n\nLater, the talks went well today again.\n"
    yaml = quoting("the talks went well today", "x")
    warning = only_warning(check(yaml, with_body(body)))
    assert warning.code == "ambiguous-quote"
    assert warning.message == f"quote occurs more than once in article 'x' ({art('x')}): the site can point to only one of its places"
    assert warning.hints[0].startswith("found in paragraphs 1 and 2")
    assert_at(warning, CLAIMS, position(yaml, "quote:")[0])


def test_an_elided_quote_with_one_tightest_place_is_not_repeated(check) -> None:
    body = "Talks began. Talks began in Minsk and after hours ended well.\n"
    assert_clean(check(quoting("Talks began in Minsk ... ended well", "x"), with_body(body)))
    assert_clean(check(quoting("Talks began ... ended well", "x"), with_body(body)))


def test_bidirectional_controls_are_a_warning_naming_the_line(check) -> None:
    body = "First line is fine.\n\nThe file is safe\u202e.exe today.\n"
    warning = only_warning(check(BASE_YAML, with_body(body)))
    assert warning.code == "bidi-control"
    assert_at(warning, art("x"), 8, 17)  # 5 lines of front matter, then the body's third line
    assert "U+202E" in warning.message and "display differently" in warning.message


def test_shared_alias_warning_compares_names_as_mentions_are_matched(check) -> None:
    yaml = edit("    aliases: [US]\n", "    aliases: [US, ÉU]\n")
    yaml = yaml.replace("  - id: belavia\n    name: Belavia\n", "  - id: belavia\n    name: Belavia\n    aliases: [EU]\n")
    warning = only_warning(check(yaml))
    assert warning.code == "shared-alias"
    assert "'EU' names both 'united-states' and 'belavia'" in warning.message


def test_the_export_has_one_span_per_part_of_an_elided_quote(check) -> None:
    yaml = edit(QUOTE, 'quote: "Belarus freed 52 political prisoners ... in a deal brokered by the United States"')
    result = check(yaml)
    assert_clean(result)
    [claim] = export(result.dossier, result.analysis)["claims"]
    passage = claim["evidence"][0]["passage"]
    body = result.dossier.articles["nyt-2025-09-11"].body
    assert [body[p["start"] : p["end"]] for p in passage] == [
        "Belarus freed 52 political prisoners",
        "in a deal brokered by the United States",
    ]
    assert [p["paragraph"] for p in passage] == [1, 1]
