"""The visible text quotes and mentions are matched against is the text the site's article page shows.

Each test renders a body with the site's own article renderer, takes the text a reader sees
(tags removed, entities decoded, paragraph numbers left out) and compares it with
`visible_text`, spaces aside; and every visible character must come from the body position
it is mapped to (or from markup Markdown turned into it: an escape or an entity).
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.quotes import paragraph_spans
from dossier.site.rendering.article_body import ArticleBody
from dossier.site.rendering.templating import Templates
from dossier.text import squash
from dossier.visible import visible_text

ALPHABET = "ab Z9.,;:!?'\"()-–—#>+=|*_`[]<>&~\\\t\n“”é 1)"
_NUMBER = re.compile(r'<a class="dossier-pnum"[^>]*>\d+</a>')
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|pre|blockquote|hr|br)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


_BODY = ArticleBody(Templates())


def shown(body: str) -> str:
    """What a reader of the site's article page sees of `body`."""
    page = _BODY.render(body, paragraph_spans(body), [], [])
    return html.unescape(_TAG.sub("", _BLOCK_TAG.sub(" ", _NUMBER.sub("", page))))


def assert_same_text(body: str) -> None:
    visible = visible_text(body)
    assert " ".join(visible.mapped.text.split()) == " ".join(shown(body).split())
    mapped = visible.mapped
    for index, char in enumerate(mapped.text):
        start, end = mapped.starts[index], mapped.ends[index]
        if char.isspace() or start == end:
            continue  # line breaks and block ends; a character Markdown made from an entity
        assert squash(char) == squash(body[end - 1]) or body[start] in "\\&", (index, char, body[start:end])


@pytest.mark.parametrize(
    "body",
    [
        "Belarus freed 52 political prisoners on Thursday, the US embassy said.",
        "He did *not* go, and _Lukashenko_ did **not** either.",
        "Read [the full report](https://example.com/report) and <https://example.org> now.",
        "## The big deal\nText right under it.\n\n> A quotation\n> on two lines\n\n- one item\n- another item",
        "1. first\n2. second\n\n    indented code\n\n```python\nfenced code\n```",
        "Cats \\*and\\* dogs &amp; birds &eacute; more.\nline two  \nline three",
        "[bad link](javascript:alert(1)) stays literal",
    ],
)
def test_visible_text_is_what_the_article_page_shows(body: str) -> None:
    assert_same_text(body)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=80))
def test_any_text_has_the_visible_text_the_page_shows(body: str) -> None:
    assert_same_text(body)
