"""Normalisation and quote matching: a quote is found however it was re-typed, and only then.

The property tests build articles from tokens that end in a unique marker (`_7_`), so each
passage occurs exactly once and the span the finder reports can be checked exactly.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dossier.quotes import ArticleText, Span
from dossier.text import fold, squash

# ----- fold and squash -----


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Nausėda", "nauseda"),
        ("LUKAŠENKA", "lukasenka"),
        ("“Quoted” ‘single’ «guillemets»", '"quoted" \'single\' "guillemets"'),
        ("it’s", "it's"),
        ("a–b—c‑d−e", "a-b-c-d-e"),
        ("a\u00a0b\tc\nd", "a b c d"),
        ("Łódź", "łodz"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_fold_keeps_the_length_so_indexes_point_into_the_original(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_squash_collapses_and_trims_spaces() -> None:
    assert squash("  The   New\nYork  Times ") == "the new york times"
    assert squash("Agence France–Presse") == squash("agence france-presse")


# ----- examples -----

BODY = (
    "Lithuanian President Gitanas Nausėda said “the deal—if it holds—is a good one.”\n"
    "He spoke in Vilnius.\n"
    "\n"
    "It’s the largest release since 2020, officials said.\n"
    "\n"
    "Minsk called it “a gesture of good will”.\n"
)
TEXT = ArticleText(BODY)


def passages(spans: tuple[Span, ...] | None, body: str = BODY) -> list[str]:
    assert spans is not None, "the quote was not found"
    return [body[s.start : s.end] for s in spans]


def test_paragraphs_are_blocks_separated_by_blank_lines() -> None:
    assert [BODY[a:b] for a, b in TEXT.paragraphs] == [
        "Lithuanian President Gitanas Nausėda said “the deal—if it holds—is a good one.”\nHe spoke in Vilnius.",
        "It’s the largest release since 2020, officials said.",
        "Minsk called it “a gesture of good will”.",
    ]


@pytest.mark.parametrize(
    "quote, found",
    [
        ('Gitanas Nauseda said "the deal-if it holds-is a good one."', "Gitanas Nausėda said “the deal—if it holds—is a good one.”"),
        ("GITANAS   NAUSĖDA\n said", "Gitanas Nausėda said"),
        ("it's the LARGEST release", "It’s the largest release"),
        ("good one.” He spoke", "good one.”\nHe spoke"),  # a line break inside a paragraph
    ],
)
def test_quote_found_despite_case_spacing_accents_quotes_and_dashes(quote: str, found: str) -> None:
    assert passages(TEXT.find(quote)) == [found]


def test_accents_are_ignored_both_ways() -> None:
    for body, quote in [("Nauseda spoke.", "Nausėda spoke"), ("Nausėda spoke.", "Nauseda spoke")]:
        assert passages(ArticleText(body).find(quote), body) == [body[:-1]]


def test_quote_across_two_paragraphs_gives_a_span_in_each() -> None:
    spans = TEXT.find("He spoke in Vilnius. It's the largest release")
    assert passages(spans) == ["He spoke in Vilnius.", "It’s the largest release"]
    assert [s.paragraph for s in spans] == [0, 1]


@pytest.mark.parametrize("elision", ["...", "…", " ... ", "[...]", " […] "])
def test_elided_parts_in_order_are_found_with_a_span_each(elision: str) -> None:
    spans = TEXT.find(f"Gitanas Nausėda said{elision}since 2020{elision}a gesture of good will")
    assert passages(spans) == ["Gitanas Nausėda said", "since 2020", "a gesture of good will"]
    assert [s.paragraph for s in spans] == [0, 1, 2]


def test_elided_parts_out_of_order_are_not_found() -> None:
    assert TEXT.find("a gesture of good will ... Gitanas Nausėda said") is None
    assert TEXT.find("since 2020 ... Gitanas Nausėda said ... good will") is None


def test_trailing_elision_is_allowed() -> None:
    assert passages(TEXT.find("officials said...")) == ["officials said"]


@pytest.mark.parametrize("quote", ["", "   ", "...", "Nausėda said the deal was bad", "Vilnius Minsk"])
def test_text_not_in_the_article_is_not_found(quote: str) -> None:
    assert TEXT.find(quote) is None


def test_quote_must_begin_and_end_on_whole_words() -> None:
    # Regression: quotes were matched anywhere, so "52 political prisoners" was accepted as
    # evidence from an article that says "152 political prisoners".
    text = ArticleText("Belarus freed 152 political prisoners.")
    assert text.find("52 political prisoners") is None
    assert text.find("elarus freed") is None
    assert text.find("freed 152 political prisoner") is None


def test_closest_passage() -> None:
    assert TEXT.closest_passage("Nauseda said the deal was a good one") == (0, "Nausėda said “the deal—if it holds—is a good")
    paragraph, passage = TEXT.closest_passage("the largest release since 2021")
    assert paragraph == 1 and passage.startswith("the largest release since 2020")


def test_closest_passage_of_an_empty_article() -> None:
    assert ArticleText("").closest_passage("anything") is None


# ----- properties -----

STEM_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéėšžčąłñüöÉĖŠŽ0123456789'\"-’“”–—,.;:!?()"
VARIANTS = {"'": "'‘’", '"': '"“”', "-": "-–—"}
VARIANT_OF = {char: group for group in VARIANTS.values() for char in group}
WITHIN_PARAGRAPH = [" ", "  ", "\n", " \n", "\t"]
BETWEEN_PARAGRAPHS = ["\n\n", "\n\n\n", "\n \n"]
RESPACING = [" ", "  ", "\n", "\n\n", "\t", " \n  "]

stems = st.text(STEM_CHARS, min_size=1, max_size=7).filter(lambda s: ".." not in s)


@dataclass
class Article:
    body: str
    tokens: list[tuple[int, int, int]]  # (start, end, paragraph) of every token


@st.composite
def articles(draw: st.DrawFn, min_tokens: int = 1) -> Article:
    paragraphs = draw(st.lists(st.lists(stems, min_size=1, max_size=12), min_size=1, max_size=5))
    assume(sum(map(len, paragraphs)) >= min_tokens)
    body, tokens, number = draw(st.sampled_from(["", "\n", "  "])), [], 0
    for p, words in enumerate(paragraphs):
        if p:
            body += draw(st.sampled_from(BETWEEN_PARAGRAPHS))
        for w, stem in enumerate(words):
            if w:
                body += draw(st.sampled_from(WITHIN_PARAGRAPH))
            token = f"{stem}_{number}_"  # "_7_" occurs in one token only
            tokens.append((len(body), len(body) + len(token), p))
            body += token
            number += 1
    body += draw(st.sampled_from(["", "\n", " \n"]))
    return Article(body, tokens)


def retype(passage: str, rnd: random.Random) -> str:
    """The passage as an analyst might type it: other case, spacing, accents, quotes, dashes."""
    out = []
    for piece in re.split(r"(\s+)", passage):
        if piece.isspace():
            out.append(rnd.choice(RESPACING))
            continue
        for char in piece:
            if char in VARIANT_OF:
                char = rnd.choice(VARIANT_OF[char])
            elif rnd.random() < 0.3:
                char = unicodedata.normalize("NFD", char)[0]  # drop the accent
            out.append(char.upper() if rnd.random() < 0.5 else char.lower())
    return "".join(out)


def expected_spans(article: Article, first: int, last: int) -> list[Span]:
    """One span per paragraph the tokens first..last touch, from its first to its last token."""
    spans: dict[int, Span] = {}
    for start, end, paragraph in article.tokens[first : last + 1]:
        old = spans.get(paragraph)
        spans[paragraph] = Span(paragraph, old.start if old else start, end)
    return list(spans.values())


@st.composite
def passage_in(draw: st.DrawFn, article: Article) -> tuple[int, int]:
    first = draw(st.integers(0, len(article.tokens) - 1))
    last = draw(st.integers(first, min(first + 15, len(article.tokens) - 1)))
    return first, last


@given(data=st.data())
def test_any_retyped_passage_is_found_exactly_where_it_is(data: st.DataObject) -> None:
    article = data.draw(articles())
    first, last = data.draw(passage_in(article))
    passage = article.body[article.tokens[first][0] : article.tokens[last][1]]
    quote = retype(passage, data.draw(st.randoms(use_true_random=False)))
    assert ArticleText(article.body).find(quote) == tuple(expected_spans(article, first, last))


@given(data=st.data())
def test_elided_passages_are_found_in_order_and_not_out_of_order(data: st.DataObject) -> None:
    article = data.draw(articles(min_tokens=2))
    cut = data.draw(st.integers(1, len(article.tokens) - 1))
    a_first = data.draw(st.integers(0, cut - 1))
    a_last = data.draw(st.integers(a_first, cut - 1))
    b_first = data.draw(st.integers(cut, len(article.tokens) - 1))
    b_last = data.draw(st.integers(b_first, len(article.tokens) - 1))
    rnd = data.draw(st.randoms(use_true_random=False))
    a = retype(article.body[article.tokens[a_first][0] : article.tokens[a_last][1]], rnd)
    b = retype(article.body[article.tokens[b_first][0] : article.tokens[b_last][1]], rnd)
    elision = data.draw(st.sampled_from([" ... ", "...", " … ", "[...]"]))
    text = ArticleText(article.body)
    found = text.find(a + elision + b)
    assert found is not None
    assert list(found) == expected_spans(article, a_first, a_last) + expected_spans(article, b_first, b_last)
    assert text.find(b + elision + a) is None


@given(data=st.data())
def test_a_word_that_is_not_in_the_article_is_never_found(data: st.DataObject) -> None:
    article = data.draw(articles())
    word = data.draw(st.text("abcdefghijklmnopqrstuvwxyzéš", min_size=3, max_size=10))
    assume(fold(word) not in fold(article.body))
    first, last = data.draw(passage_in(article))
    passage = article.body[article.tokens[first][0] : article.tokens[last][1]]
    text = ArticleText(article.body)
    assert text.find(word) is None
    assert text.find(f"{passage} {word}") is None
    assert text.find(f"{word} {passage}") is None
    assert text.find(f"{passage} ... {word}") is None


@given(body=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300), data=st.data())
def test_any_substring_at_word_boundaries_of_any_text_is_found(body: str, data: st.DataObject) -> None:
    # Arbitrary Unicode, repeated words allowed: the text found equals the passage, folded.
    # (Not necessarily at the same place: a passage may occur earlier too.)
    words = list(re.finditer(r"\S+", body))
    assume(words)
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    passage = body[words[first].start() : words[last].end()]
    assume("..." not in passage and "…" not in passage)
    spans = ArticleText(body).find(passage)
    assert spans is not None
    assert squash(body[spans[0].start : spans[-1].end]) == squash(passage)
