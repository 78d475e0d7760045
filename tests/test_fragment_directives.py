"""Every `#:~:text=` link the site makes selects exactly its passage in the article's text.

The matcher below is written from the Text Fragments specification, independently of the
site's: a directive `text=[prefix-,]start[,end][,-suffix]` matches, case ignored, where
`start` begins and ends on word boundaries (with `prefix` and only whitespace before it),
on to the first `end` after it (with only whitespace then `suffix` after it); a browser
highlights the first such place in the document. It runs on each article's visible text,
blocks on lines, as the site's article page shows it.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from conftest import BASE_ENTITIES, article, describe

from dossier.site.rendering.fragments import text_fragment
from dossier.visible import visible_text


def _term(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in text.split())


def browser_match(document: str, directive: str) -> tuple[int, int] | None:
    """(start, end) in `document` of the first match of one `text=` directive."""
    assert directive.startswith("text=")
    pieces = [unquote(piece) for piece in directive[len("text=") :].split(",")]
    prefix = pieces.pop(0)[:-1] if pieces[0].endswith("-") else ""
    suffix = pieces.pop()[1:] if len(pieces) > 1 and pieces[-1].startswith("-") else ""
    start, end = pieces[0], pieces[1] if len(pieces) > 1 else ""
    pattern = (rf"(?<!\w){_term(prefix)}\s+" if prefix else "") + rf"(?P<match>(?<!\w){_term(start)}(?!\w)"
    pattern += rf"[\s\S]*?(?<!\w){_term(end)}(?!\w))" if end else ")"
    pattern += rf"\s+{_term(suffix)}(?!\w)" if suffix else ""
    found = re.search(pattern, document, re.IGNORECASE)
    return found.span("match") if found else None


def document_of(body: str) -> str:
    visible = visible_text(body)
    return "\n".join(" ".join(visible.mapped.text[b.start : b.end].split()) for b in visible.blocks)


def claims(*quotes: str) -> str:
    items = "".join(f'      - article: probe\n        stance: supports\n        quote: "{quote}"\n' for quote in quotes)
    return BASE_ENTITIES + f"claims:\n  - id: probe-claim\n    text: A claim.\n    about: [belarus]\n    evidence:\n{items}"


def selected(check, body: str, *quotes: str) -> list[list[str]]:
    """For each quote, the text each of its link's directives selects (the check's excerpt parts, if right)."""
    result = check(claims(*quotes), {"probe": article(body, url="https://example.org/probe")})
    assert result.analysis is not None, describe(result.problems)
    document = document_of(body)
    chosen = []
    for index in range(len(quotes)):
        fragment = text_fragment(body, result.analysis.passages["probe-claim", index])
        assert fragment.startswith("#:~:")
        directives = fragment[len("#:~:") :].split("&")
        matches = [m for m in (browser_match(document, d) for d in directives) if m is not None]
        assert len(matches) == len(directives), fragment
        chosen.append([document[a:b] for a, b in matches])
        assert chosen[-1] == list(result.analysis.excerpts["probe-claim", index].parts), fragment
    return chosen


LONG = "The minister said on Thursday that the prisoners would be freed within a week if sanctions were eased"


def test_a_long_quote_whose_first_five_words_occur_earlier(check) -> None:
    body = f"The minister said on Thursday that talks had stalled.\n\n{LONG}, officials added.\n"
    assert len(LONG.split()) > 12
    selected(check, body, LONG)


def test_a_long_quote_whose_last_words_also_occur_between(check) -> None:
    body = (
        "The minister said on Thursday that they were eased.\n\n"
        "Later: The minister said on Thursday that the prisoners would be freed within a week if sanctions were eased, "
        "and then that sanctions were eased.\n"
    )
    selected(check, body, LONG)


def test_a_short_quote_whose_words_are_part_of_an_earlier_number(check) -> None:
    # "300 people came" matches in "1 300 people came" for a browser (a space is a word boundary),
    # not for the check (numbers are whole): the directive needs context.
    body = "In May 1 300 people came to the square.\n\nIn June then 300 people came to the square.\n"
    assert selected(check, body, "300 people came") == [["300 people came"]]


def test_each_part_of_an_elided_quote_selects_its_own_place(check) -> None:
    body = (
        "Talks resumed. The prisoners would be freed, he said.\n\n"
        "Talks resumed on Monday in Minsk, and after hours of talks the prisoners would be freed within a week.\n"
    )
    selected(check, body, "Talks resumed on Monday ... the prisoners would be freed within a week")


@pytest.mark.parametrize("words", [13, 20, 40])
def test_long_repeated_openings_in_many_paragraphs(check, words: int) -> None:
    sentence = " ".join(f"w{i}" for i in range(words))
    decoys = "\n\n".join(" ".join(sentence.split()[: words - k]) + " stop." for k in range(1, 6))
    selected(check, f"{decoys}\n\n{sentence} end.\n", sentence)
