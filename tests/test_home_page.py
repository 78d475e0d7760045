"""The home page's list of articles: generated from the articles, each a link to its page,
after the analysts' own text; a new article appears there without anyone editing index.md."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import BASE_ARTICLES, BASE_YAML, article, write_dossier
from sitebuild import MINIMAL_MKDOCS_YML, SAMPLE_CONTENT, mkdocs_build

ITEM = re.compile(r'<li><a href="(?P<href>[^"]+)">(?P<title>.*?)</a> — (?P<rest>.*?)</li>', re.S)


def home_articles(site: Path) -> list[tuple[str, str, str]]:
    """(href, title, "outlet, date, by authors") of each article the home page lists, in order."""
    page = (site / "index.html").read_text("utf-8")
    start = page.index('<h2 id="articles">')
    section = page[start : page.index("</ul>", start)]
    return [(m["href"], html.unescape(m["title"]), html.unescape(re.sub(r"<[^>]+>", "", m["rest"]))) for m in ITEM.finditer(section)]


def build(root: Path, index_md: str | None = None) -> Path:
    new = article(
        "The BBC reported the second release on 13 December 2025.\n",
        title="Belarus frees 123 prisoners",
        outlet="BBC News",
        published="2025-12-13",
        author="Jane Reporter",
    )
    content = write_dossier(root, BASE_YAML, {**BASE_ARTICLES, "bbc-2025-12-13": new})
    if index_md is not None:
        (content / "index.md").write_text(index_md, "utf-8")
    config = root / "mkdocs.yml"
    config.write_text(MINIMAL_MKDOCS_YML, "utf-8")
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_a_new_article_appears_on_the_home_page_linked_to_its_page(tmp_path: Path) -> None:
    site = build(tmp_path)
    listed = home_articles(site)
    assert listed[0] == ("articles/bbc-2025-12-13/", "Belarus frees 123 prisoners", "BBC News, 13 Dec 2025, by Jane Reporter")
    assert {href for href, _, _ in listed} == {"articles/bbc-2025-12-13/", "articles/nyt-2025-09-11/", "articles/reuters-2025-09-11/"}
    for href, _, _ in listed:
        assert (site / href / "index.html").is_file(), href


def test_the_list_follows_the_analysts_own_text(tmp_path: Path) -> None:
    site = build(tmp_path, "# Our dossier\n\nWhat this dossier follows, in our own words.\n")
    page = (site / "index.html").read_text("utf-8")
    assert page.index("in our own words") < page.index('<h2 id="articles">')
    assert home_articles(site)[0][0] == "articles/bbc-2025-12-13/"


def test_the_first_dossiers_home_page_links_every_article(first_site: Path) -> None:
    articles = sorted(p.stem for p in (SAMPLE_CONTENT / "articles").glob("*.md"))
    listed = home_articles(first_site)
    # Nothing the plugin adds to the page shows as text (the feed's link once escaped "</head>").
    assert "&lt;/head&gt;" not in (first_site / "index.html").read_text("utf-8")
    assert sorted(href.removeprefix("articles/").rstrip("/") for href, _, _ in listed) == articles
    # Written by hand no more: the analysts' text names no outlet in bold as a list item.
    index_md = (SAMPLE_CONTENT / "index.md").read_text("utf-8")
    assert not re.search(r"^- (an )?\*\*", index_md[: index_md.index("## How to read a claim")], re.M)
