"""Plain paragraphs skip the Markdown parser: the HTML must be exactly what the parser gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.quotes import paragraph_spans
from dossier.site import article_body
from dossier.site.article_body import ArticleBody, Highlight, MentionLink
from dossier.site.templating import Templates

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
