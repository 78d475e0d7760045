"""Normalisation and quote matching: a quote is found however it was re-typed, and only then.

The property tests build articles from tokens that end in a unique marker (`x7x`), so each
passage occurs exactly once and the span the finder reports can be checked exactly. Their
bodies contain no Markdown syntax, so the visible text is the body itself.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dossier.closest import closest_passage
from dossier.quotes import ArticleText, Span, parse_quote
from dossier.text import MappedText, fold, fold_mapped, squash

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
        ("Straße", "strasse"),  # full case folding
        ("Nause\u0307da", "nauseda"),  # a decomposed accent, as a YAML escape writes it
        ("Luka\u200bshen\u00adko\u2060\ufeff", "lukashenko"),  # invisible characters
        ("\u202eevil\u202c", "evil"),  # bidirectional controls
        ("Ёлка и ёж", "елка и еж"),  # Cyrillic: ё is е
        ("мой", "мой"),  # ... but й is not и
        ("ми\u0306", "мй"),  # decomposed й is still й
        ("ﬁnal", "final"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_folded_text_maps_every_character_back_into_the_source(text: str) -> None:
    mapped = fold_mapped(MappedText.of(text))
    assert len(mapped.starts) == len(mapped.ends) == len(mapped.text)
    assert list(mapped.starts) == sorted(mapped.starts)
    assert all(0 <= a < b <= len(text) for a, b in zip(mapped.starts, mapped.ends, strict=True))
    assert "  " not in mapped.text
    assert mapped.text.replace(" ", "") == fold(text).replace(" ", "")


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
        ("Gitanas Nause\u0307da said", "Gitanas Nausėda said"),
        ("it\u200b’s the lar\u00adgest release", "It’s the largest release"),
    ],
)
def test_quote_found_despite_case_spacing_accents_quotes_dashes_and_invisibles(quote: str, found: str) -> None:
    assert passages(TEXT.find(quote)) == [found]


def test_accents_are_ignored_both_ways_on_latin_letters() -> None:
    for body, quote in [("Nauseda spoke today.", "Nausėda spoke today"), ("Nausėda spoke today.", "Nauseda spoke today")]:
        assert passages(ArticleText(body).find(quote), body) == [body[:-1]]


@pytest.mark.parametrize(
    "body, quote, found",
    [
        ("Die Straße ist lang.", "die strasse ist", True),
        ("Die Strasse ist lang.", "DIE STRAßE IST", True),
        ("Ёлка стоит здесь.", "елка стоит здесь", True),
        ("мой дом стоит.", "мой дом стоит", True),
        ("мой дом стоит.", "мои дом стоит", False),  # й is not и
        ("Το ύψος είναι.", "το υψος ειναι", False),  # accents matter outside Latin
    ],
)
def test_case_folding_and_letters_outside_latin(body: str, quote: str, found: bool) -> None:
    assert (ArticleText(body).find(quote) is not None) is found


def test_quote_across_two_paragraphs_without_an_ellipsis_is_refused() -> None:
    # Contract v3, "One block": nothing joins two blocks, with or without an ellipsis.
    assert TEXT.find("He spoke in Vilnius. It's the largest release") is None


@pytest.mark.parametrize("elision", ["...", "…", " ... ", "[...]", " […] "])
def test_elided_parts_of_one_paragraph_are_found_with_a_span_each(elision: str) -> None:
    spans = TEXT.find(f"Gitanas Nausėda said{elision}if it holds{elision}He spoke in Vilnius")
    assert passages(spans) == ["Gitanas Nausėda said", "if it holds", "He spoke in Vilnius"]
    assert [s.paragraph for s in spans] == [0, 0, 0]


@pytest.mark.parametrize("elision", ["...", "…", "[...]"])
def test_elided_parts_in_two_paragraphs_are_refused(elision: str) -> None:
    # Rule changed in v2: an ellipsis may shorten a passage, never join two.
    assert TEXT.find(f"Gitanas Nausėda said{elision}since 2020") is None
    assert TEXT.find(f"He spoke in Vilnius{elision}the largest release") is None


def test_elided_parts_out_of_order_are_not_found() -> None:
    assert TEXT.find("He spoke in Vilnius ... Gitanas Nausėda said") is None


def test_a_full_stop_before_an_ellipsis_belongs_to_the_text_before() -> None:
    body = "It went well. Then they ate."
    assert passages(ArticleText(body).find("It went well.... they ate"), body) == ["It went well.", "they ate"]
    quote = parse_quote("It went well.... they ate")
    assert quote.parts == ("It went well.", "they ate")


def test_an_ellipsis_may_leave_out_at_most_60_words() -> None:
    filler = " ".join(f"w{n}" for n in range(60))
    text = ArticleText(f"Start of it {filler} end of it.")
    assert text.find("Start of it ... end of it") is not None
    text = ArticleText(f"Start of it {filler} more end of it.")
    assert text.find("Start of it ... end of it") is None


def test_the_limit_is_per_ellipsis_not_for_the_whole_quote() -> None:
    filler = " ".join(f"w{n}" for n in range(50))
    text = ArticleText(f"Start of it {filler} middle of it {filler} end of it.")
    assert text.find("Start of it ... middle of it ... end of it") is not None


def test_a_word_repeated_everywhere_is_still_placed() -> None:
    text = ArticleText(" ".join(["the"] * 3000) + " the end.")
    assert text.find("the the the ... the the ... the end") is not None
    assert text.find("the the the ... the the ... the start") is None


def test_parse_quote_counts_words_and_sees_ellipses_at_the_ends() -> None:
    assert parse_quote("the").words == 1
    assert parse_quote("—").words == 0
    assert parse_quote("1,300 or 1,400").words == 3
    assert parse_quote("... said the man").leading_ellipsis
    assert parse_quote("said the man […]").trailing_ellipsis
    assert not parse_quote("said ... the man").leading_ellipsis


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


@pytest.mark.parametrize(
    "body, quote",
    [
        ("the 1,300 or 1,400 prisoners whose release", "300 or 1,400 prisoners"),
        ("nearly 1,200 political prisoners remain", "200 political prisoners remain"),
        ("rose by 4.5 percent this year", "5 percent this year"),
        ("about 1,300 people were freed", "freed about 1"),  # not the form, but the same rule
        ("about 1,300 people were freed", "about 1, 300 people"),
        ("a rise of 12.5% was seen", "a rise of 12"),
    ],
)
def test_numbers_are_whole(body: str, quote: str) -> None:
    assert ArticleText(body).find(quote) is None


def test_whole_numbers_next_to_punctuation_are_found() -> None:
    body = "In 2020, 300 people came. Prices rose 5%. Then 1,300."
    text = ArticleText(body)
    assert passages(text.find("In 2020, 300 people"), body) == ["In 2020, 300 people"]
    assert passages(text.find("prices rose 5"), body) == ["Prices rose 5"]
    assert passages(text.find("Then 1,300"), body) == ["Then 1,300"]


# ----- the visible text: Markdown is rendered first -----


@pytest.mark.parametrize(
    "body, quote, shown",
    [
        ("He did *not* go home.", "he did not go", "He did *not* go"),
        ("He did **not** go home.", "did not go", "did **not** go"),
        ("They met _Lukashenko_ at noon.", "They met Lukashenko at", "They met _Lukashenko_ at"),
        (
            "Read [the full report](https://example.com/r) now.",
            "read the full report now",
            "Read [the full report](https://example.com/r) now",
        ),
        ("## The big deal\n\nText.", "the big deal", "The big deal"),
        ("Use `code here` now.", "use code here now", "Use `code here` now"),
        ("Cats \\*and\\* dogs rule.", "cats *and* dogs", "Cats \\*and\\* dogs"),
    ],
)
def test_quotes_match_the_text_a_reader_sees(body: str, quote: str, shown: str) -> None:
    spans = ArticleText(body).find(quote)
    assert spans is not None
    assert body[spans[0].start : spans[-1].end].endswith(shown.split()[-1]) and shown in body
    assert body[spans[0].start : spans[-1].end] in shown


@pytest.mark.parametrize(
    "body, quote",
    [
        ("See [the report](https://example.com/report) now.", "report](https://example"),
        ("See [the report](https://example.com/report) now.", "example.com report now"),
        ("## The big deal\n\nText.", "## The big"),
        ("He did *not* go.", "did *not* go"),
    ],
)
def test_markdown_syntax_is_not_text(body: str, quote: str) -> None:
    assert ArticleText(body).find(quote) is None


# ----- the closest passage -----


def test_closest_passage_covers_every_aligned_word_and_marks_the_difference() -> None:
    body = "On Friday Lukashenko released the opposition blogger Anton Kavaleu, his lawyer said."
    closest = closest_passage(ArticleText(body), "Lukashenko released opposition blogger Anton Kavaleu")
    assert closest is not None
    assert closest.passage == "Lukashenko released the opposition blogger Anton Kavaleu,"
    assert closest.difference == "Lukashenko released [+the] opposition blogger Anton Kavaleu,"
    assert closest.changes == 1


def test_closest_passage_marks_changed_and_extra_words() -> None:
    closest = closest_passage(TEXT, "Nauseda said “the deal—if it holds—is a very fine one.”")
    assert closest is not None and closest.paragraph == 0
    assert closest.difference == "Nausėda said “the deal—if it holds—is a [very fine → good] one.”"


def test_closest_passage_in_a_later_paragraph() -> None:
    closest = closest_passage(TEXT, "the largest release since 2021")
    assert closest is not None and closest.paragraph == 1
    assert closest.difference == "the largest release since [2021 → 2020,]"


def test_closest_passage_of_an_empty_article() -> None:
    assert closest_passage(ArticleText(""), "anything at all") is None


# ----- properties -----

STEM_CHARS = "abcdefghijklmnopqrstuvwyzABCDEFGHIJKLMNOPQRSTUVWYZéėšžčąłñüößÉĖŠŽ0123456789'\"-’“”–—,;:!?()"
VARIANTS = {"'": "'‘’", '"': '"“”', "-": "-–—"}
VARIANT_OF = {char: group for group in VARIANTS.values() for char in group}
INVISIBLE = ["\u200b", "\u00ad", "\u2060", "\u200d", "\ufeff"]
WITHIN_PARAGRAPH = [" ", "  ", "\n", "\t"]
BETWEEN_PARAGRAPHS = ["\n\n", "\n\n\n", "\n \n"]
RESPACING = [" ", "  ", "\n", "\n\n", "\t", " \n  "]

stems = st.text(STEM_CHARS, min_size=1, max_size=7)


@dataclass
class Article:
    body: str
    tokens: list[tuple[int, int, int]]  # (start, end, paragraph) of every token


@st.composite
def articles(draw: st.DrawFn, min_tokens: int = 1, paragraphs: int = 5, min_paragraphs: int = 1) -> Article:
    words_of = draw(st.lists(st.lists(stems, min_size=1, max_size=12), min_size=min_paragraphs, max_size=paragraphs))
    assume(sum(map(len, words_of)) >= min_tokens)
    body, tokens, number = draw(st.sampled_from(["", "\n", "  "])), [], 0
    for p, words in enumerate(words_of):
        if p:
            body += draw(st.sampled_from(BETWEEN_PARAGRAPHS))
        for w, stem in enumerate(words):
            if w:
                body += draw(st.sampled_from(WITHIN_PARAGRAPH))
            cut = draw(st.integers(1, len(stem)))  # an invisible first character is not highlighted
            hidden = draw(st.sampled_from(["", *INVISIBLE]))
            token = f"{stem[:cut]}{hidden}{stem[cut:]}x{number}x"  # "x7x" ends one token only
            tokens.append((len(body), len(body) + len(token), p))
            body += token
            number += 1
    body += draw(st.sampled_from(["", "\n", " \n"]))
    return Article(body, tokens)


def retype(passage: str, rnd: random.Random) -> str:
    """The passage as an analyst might type it: other case, spacing, accents, quotes, dashes, invisibles."""
    out = []
    for piece in re.split(r"(\s+)", passage):
        if piece.isspace():
            out.append(rnd.choice(RESPACING))
            continue
        for char in piece:
            if char in VARIANT_OF:
                char = rnd.choice(VARIANT_OF[char])
            elif char in INVISIBLE:
                char = rnd.choice(["", char])
            elif rnd.random() < 0.3:
                char = unicodedata.normalize("NFD", char)  # a decomposed accent...
                char = char[0] if rnd.random() < 0.5 else char  # ... or none
            out.append(char.upper() if rnd.random() < 0.5 else char.lower())
            if rnd.random() < 0.05:
                out.append(rnd.choice(INVISIBLE))
    return "".join(out)


def expected_spans(article: Article, first: int, last: int) -> list[Span]:
    """One span per paragraph the tokens first..last touch, from its first to its last token."""
    spans: dict[int, Span] = {}
    for start, end, paragraph in article.tokens[first : last + 1]:
        old = spans.get(paragraph)
        spans[paragraph] = Span(paragraph, old.start if old else start, end)
    return list(spans.values())


@st.composite
def passage_in(draw: st.DrawFn, article: Article, one_paragraph: bool = False, before_the_last_paragraph: bool = False) -> tuple[int, int]:
    if before_the_last_paragraph:
        first = draw(st.sampled_from([i for i, token in enumerate(article.tokens) if token[2] < article.tokens[-1][2]]))
    else:
        first = draw(st.integers(0, len(article.tokens) - 1))
    last = draw(st.integers(first, min(first + 15, len(article.tokens) - 1)))
    if one_paragraph:
        paragraph = article.tokens[first][2]
        last = max(i for i in range(first, last + 1) if article.tokens[i][2] == paragraph)
    return first, last


def source(article: Article, first: int, last: int) -> str:
    return article.body[article.tokens[first][0] : article.tokens[last][1]]


@given(data=st.data())
def test_any_retyped_passage_is_found_exactly_where_it_is(data: st.DataObject) -> None:
    article = data.draw(articles())
    first, last = data.draw(passage_in(article, one_paragraph=True))  # v3: a quote lies in one block
    quote = retype(source(article, first, last), data.draw(st.randoms(use_true_random=False)))
    assert ArticleText(article.body).find(quote) == tuple(expected_spans(article, first, last))


@given(data=st.data())
def test_elided_passages_of_one_paragraph_are_found_in_order_and_not_out_of_order(data: st.DataObject) -> None:
    article = data.draw(articles(min_tokens=2, paragraphs=1))
    cut = data.draw(st.integers(1, len(article.tokens) - 1))
    a_first = data.draw(st.integers(0, cut - 1))
    a_last = data.draw(st.integers(a_first, cut - 1))
    b_first = data.draw(st.integers(cut, len(article.tokens) - 1))
    b_last = data.draw(st.integers(b_first, len(article.tokens) - 1))
    rnd = data.draw(st.randoms(use_true_random=False))
    a, b = retype(source(article, a_first, a_last), rnd), retype(source(article, b_first, b_last), rnd)
    assume(not a.rstrip().endswith(".") and not b.rstrip().endswith("."))  # `word....` keeps a full stop
    elision = data.draw(st.sampled_from([" ... ", "...", " … ", "[...]"]))
    text = ArticleText(article.body)
    found = text.find(a + elision + b)
    assert found is not None
    assert list(found) == expected_spans(article, a_first, a_last) + expected_spans(article, b_first, b_last)
    assert text.find(b + elision + a) is None


@given(data=st.data())
def test_a_quote_whose_parts_lie_in_different_paragraphs_is_refused(data: st.DataObject) -> None:
    article = data.draw(articles(min_tokens=2, paragraphs=4, min_paragraphs=2))
    a_first, a_last = data.draw(passage_in(article, one_paragraph=True, before_the_last_paragraph=True))
    later = [i for i, token in enumerate(article.tokens) if token[2] > article.tokens[a_last][2]]
    b_first = data.draw(st.sampled_from(later))
    b_last = data.draw(st.integers(b_first, len(article.tokens) - 1))
    rnd = data.draw(st.randoms(use_true_random=False))
    quote = retype(source(article, a_first, a_last), rnd) + " ... " + retype(source(article, b_first, b_last), rnd)
    assert ArticleText(article.body).find(quote) is None


@given(data=st.data())
def test_a_word_that_is_not_in_the_article_is_never_found(data: st.DataObject) -> None:
    article = data.draw(articles())
    word = data.draw(st.text("abcdefghijklmnopqrstuvwyzéš", min_size=3, max_size=10))
    assume(fold(word) not in fold(article.body))
    first, last = data.draw(passage_in(article))
    passage = source(article, first, last)
    text = ArticleText(article.body)
    assert text.find(word) is None
    assert text.find(f"{passage} {word}") is None
    assert text.find(f"{word} {passage}") is None
    assert text.find(f"{passage} ... {word}") is None


numbers = st.builds(
    lambda whole, groups, decimals: whole + "".join("," + g for g in groups) + ("." + decimals if decimals else ""),
    st.from_regex(r"[1-9][0-9]{0,2}", fullmatch=True),
    st.lists(st.from_regex(r"[0-9]{3}", fullmatch=True), max_size=3),
    st.one_of(st.just(""), st.from_regex(r"[0-9]{1,3}", fullmatch=True)),
)


@given(number=numbers, data=st.data())
def test_a_number_never_matches_inside_a_longer_number(number: str, data: st.DataObject) -> None:
    body = f"They counted {number} people in all."
    text = ArticleText(body)
    assert text.find(f"counted {number} people") is not None
    cuts = [i for i in range(1, len(number)) if number[i - 1] in ".," or number[i] in ".,"] or [len(number) - 1]
    assume(len(number) > 1)
    cut = data.draw(st.sampled_from(cuts))
    head, tail = number[:cut].rstrip(".,"), number[cut:].lstrip(".,")
    assume(head and tail)
    assert text.find(f"{tail} people in all") is None
    assert text.find(f"They counted {head}") is None


@given(
    body=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\\`*_[]<>&~#=+-|!.)0123456789"), max_size=300),
    data=st.data(),
)
def test_any_substring_at_word_boundaries_of_any_text_is_found(body: str, data: st.DataObject) -> None:
    # Arbitrary Unicode without Markdown syntax, repeated words allowed: the text found equals
    # the passage, folded. (Not necessarily at the same place: a passage may occur earlier too.)
    words = list(re.finditer(r"\S+", body))
    assume(words)
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    passage = body[words[first].start() : words[last].end()]
    assume("…" not in passage and fold(passage).strip())
    spans = ArticleText(body).find(passage)
    assert spans is not None
    assert squash(body[spans[0].start : spans[-1].end]) == squash(passage)
