"""Plain paragraphs skip the Markdown parser: the HTML must be exactly what the parser gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.quotes import paragraph_spans
from dossier.site.rendering import article_body
from dossier.site.rendering.article_body import ArticleBody, Highlight, MentionLink
from dossier.site.rendering.html import text_fragment
from dossier.site.rendering.templating import Templates

NEVER = re.compile(r"(?!)")

ALPHABET = "ab Z9.,;:!?'\"()-–—#>+=|*_`[]<>&~\\\t\n“”é 1)"


RENDERER = ArticleBody(Templates())


def both(monkeypatch: pytest.MonkeyPatch, body: str, highlights=(), mentions=()) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    spans = paragraph_spans(body)
    fast = RENDERER.render(body, spans, list(highlights), list(mentions))
    monkeypatch.setattr(article_body, "PLAIN_PARAGRAPH", NEVER)
    slow = RENDERER.render(body, spans, list(highlights), list(mentions))
    monkeypatch.undo()
    return fast, slow


@pytest.mark.parametrize(
    "body",
    [
        "Belarus freed 52 political prisoners on Thursday, the US embassy said.",
        "“We will not accept this,” he said — 1.5 million (or so) & more.",
        "1. a list\n\n2025. A year\n\n# heading\n\n> quote\n\n- item\n\n+ item\n\n| table |",
        "*emphasis* and `code` and [a link](https://example.org) and <https://example.org> and &copy;",
        "trailing backslash \\\n\nline one\nline two\n\n    indented code",
        "1234567890. ten digits\n\n7) seven\n\n===\n\n---",
    ],
)
def test_plain_paragraphs_render_as_markdown_would(monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    fast, slow = both(monkeypatch, body)
    assert fast == slow


def test_highlights_and_mentions_in_plain_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "Alexander Lukashenko freed 52 prisoners, Reuters said.\n\nLukashenko spoke; *Putin* did not."
    highlights = [Highlight(21, 44, "q-c-0", "supports", "../c/", "Claim", 0)]
    start = body.index("Lukashenko spoke")
    mentions = [MentionLink(0, 20, "../p/", "Alexander Lukashenko", 0), MentionLink(start, start + 10, "../p/", "Alexander Lukashenko", 1)]
    fast, slow = both(monkeypatch, body, highlights, mentions)
    assert fast == slow
    assert 'id="q-c-0"' in fast and 'class="dossier-mention"' in fast


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=80))
def test_any_text_renders_the_same_either_way(body: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, slow = both(monkeypatch, body)
    assert fast == slow


def visible_words(html: str) -> str:
    """The page's text as a reader (and a text fragment) sees it: tags dropped, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_an_elided_quote_highlights_each_part_marks_what_is_left_out_and_keeps_the_words_intact() -> None:
    body = "Belarus freed 52 prisoners, the embassy said, on Thursday in Minsk."
    first, second = body.index("Belarus"), body.index("on Thursday")
    highlights = [
        Highlight(first, body.index(","), "q-c-0", "supports", "../c/", "Claim", 0),
        Highlight(second, len(body) - 1, "q-c-0", "supports", "../c/", "Claim", 0),
    ]
    html = RENDERER.render(body, paragraph_spans(body), highlights, [])
    left_out = re.findall(r'<span class="dossier-left-out" data-quotes="q-c-0"[^>]*>([^<]*)</span>', html)
    assert "".join(left_out) == ", the embassy said, "
    assert html.count('class="dossier-cite') == 1  # one link to the claim, after the last part
    assert html.count('id="q-c-0"') == 1
    assert "Belarus freed 52 prisoners, the embassy said, on Thursday in Minsk." in visible_words(html)
    assert "left out by the quote" in html  # the legend


def test_text_fragments_have_one_directive_per_part_percent_encoded() -> None:
    assert text_fragment(["co-recipient, Ales & co", "said"], elided=True) == "#:~:text=co%2Drecipient%2C%20Ales%20%26%20co&text=said"
    assert text_fragment(["one two three"], elided=False) == "#:~:text=one%20two%20three"
    long = " ".join(f"w{n}" for n in range(20))
    assert text_fragment([long], elided=False) == "#:~:text=w0%20w1%20w2%20w3%20w4,w15%20w16%20w17%20w18%20w19"
    # A quote over two paragraphs: one directive from the first to the last.
    assert text_fragment(["a b c", "d e f"], elided=False) == "#:~:text=a%20b%20c,d%20e%20f"
