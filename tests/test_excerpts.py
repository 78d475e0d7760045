"""Contract v3: what the site and every export show of a quote is the article's own words,
never the analyst's typing; a negation left out by an ellipsis is shown in full; an article's
bidirectional controls (also written as references) are not shown. One real site build."""

from __future__ import annotations

import html
import json
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import BASE_ENTITIES, article
from sitebuild import mkdocs_build, write_project

ARTICLES = {
    "bidi": article(
        "The number is 25 prisoners, officials said.\n\nA later line has &#x202E;52 reversed&#x202C; text and a raw \u202e21\u202c too.\n",
        url="https://example.org/bidi",
    ),
    "told": article("He told us the talks went well.\n\nThey were not freed on Friday.\n", url="https://example.org/told"),
    "negation": article("Lukashenko did not release any prisoners on Thursday.\n", url="https://example.org/negation"),
}

CLAIMS = (
    BASE_ENTITIES
    + """\
claims:
  - id: bidi-quote
    text: A number.
    about: [belarus]
    evidence:
      - article: bidi
        stance: supports
        quote: "The number is \\u202e25\\u202c prisoners"
  - id: case-quote
    text: Something was said.
    about: [belarus]
    evidence:
      - article: told
        stance: supports
        quote: HE TOLD US
      - article: told
        stance: contradicts
        quote: "They were n\\u0336o\\u0336t\\u0336 freed"
  - id: negation-quote
    text: Prisoners were released.
    about: [belarus]
    evidence:
      - article: negation
        stance: supports
        quote: Lukashenko did ... release any prisoners
"""
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("excerpts")
    config = write_project(root, CLAIMS, ARTICLES)
    result = mkdocs_build(config, root / "site", strict=False)  # the dossier has warnings, on purpose
    assert result.returncode == 0, result.stderr
    return root / "site", result.stderr


def page_text(site: Path, page: str) -> str:
    """The text a reader sees in the page's main content (tags dropped, references decoded)."""
    source = (site / page).read_text("utf-8")
    main = source[source.index("<article") : source.index("</article>")]
    return html.unescape(re.sub(r"<[^>]+>", "", main))


def test_the_build_reports_the_new_warnings(site: tuple[Path, str]) -> None:
    _, log = site
    assert "quote-invisible-characters" in log or "the quote has bidirectional control characters" in log
    assert "the ellipsis of this quote leaves out 'not'" in log
    assert "bidirectional control characters on this line" in log


def test_a_bidi_typed_quote_shows_the_articles_25(site: tuple[Path, str]) -> None:
    text = page_text(site[0], "claims/bidi-quote/index.html")
    assert "The number is 25 prisoners" in text
    assert "52" not in text
    assert "\u202e" not in text and "\u202c" not in text


def test_changed_case_and_combining_strokes_show_the_articles_words(site: tuple[Path, str]) -> None:
    text = page_text(site[0], "claims/case-quote/index.html")
    assert "He told us" in text
    assert "HE TOLD US" not in text
    assert "They were not freed" in text
    assert "\u0336" not in text


def test_a_left_out_negation_is_shown_in_full_not_folded(site: tuple[Path, str]) -> None:
    source = (site[0] / "claims/negation-quote/index.html").read_text("utf-8")
    figure = source[source.index('<figure class="dossier-evidence') : source.index("</figure>")]
    assert "<details" not in figure
    text = html.unescape(re.sub(r"<[^>]+>", "", figure))
    assert "Lukashenko did … release any prisoners" in text
    assert "The ellipsis leaves out “not”." in text
    assert re.search(r"Lukashenko did\s+left out by the quote: not\s+release any prisoners", text)


def test_the_article_page_shows_no_bidi_control(site: tuple[Path, str]) -> None:
    source = (site[0] / "articles/bidi/index.html").read_text("utf-8")
    body = source[source.index("<article") : source.index("</article>")]
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", html.unescape(body))
    assert "&#x202E;" not in body and "&#8238;" not in body
    assert "52 reversed" in html.unescape(body)


def test_every_export_has_the_excerpt(site: tuple[Path, str]) -> None:
    root = site[0]
    data = json.loads((root / "dossier.json").read_text("utf-8"))
    evidence = {(c["id"], i): item for c in data["claims"] for i, item in enumerate(c["evidence"])}
    assert evidence["bidi-quote", 0]["excerpt"] == "The number is 25 prisoners"
    assert evidence["bidi-quote", 0]["quote"] == "The number is \u202e25\u202c prisoners"  # the analyst's typing, kept
    assert evidence["case-quote", 0]["excerpt"] == "He told us"
    assert evidence["case-quote", 1]["excerpt"] == "They were not freed"
    assert evidence["negation-quote", 0]["excerpt"] == "Lukashenko did … release any prisoners"
    with sqlite3.connect(root / "dossier.db") as db:
        excerpts = {row[0] for row in db.execute("SELECT excerpt FROM evidence")}
    assert "The number is 25 prisoners" in excerpts
    proxies = [json.loads(line) for line in (root / "dossier.ftm.json").read_text("utf-8").splitlines()]
    summaries = {p["properties"]["recordId"][0]: p["properties"]["summary"] for p in proxies if p["schema"] == "Documentation"}
    assert summaries["bidi-quote-1"] == ["The number is 25 prisoners"]


def test_the_original_links_select_the_passage(site: tuple[Path, str]) -> None:
    source = (site[0] / "claims/bidi-quote/index.html").read_text("utf-8")
    assert 'href="https://example.org/bidi#:~:text=The%20number%20is%2025%20prisoners"' in source
