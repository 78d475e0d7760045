"""A generated dossier (conftest.py's, 150 articles): long lists are paginated, pages stay
small, and the search index holds what readers look things up by (names, aliases, titles), not every text."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from conftest import GENERATED_ARTICLES
from sitecheck import broken_links

FOLDERS = {"person": "people", "country": "countries", "organization": "organizations", "event": "events"}


@pytest.fixture(scope="module")
def built(generated_site: tuple[Path, Path]) -> tuple[Path, Path]:
    return generated_site


def test_long_lists_are_paginated_and_every_link_resolves(built: tuple[Path, Path]) -> None:
    _, site = built
    export = json.loads((site / "dossier.json").read_text("utf-8"))
    assert len(export["claims"]) == 3 * GENERATED_ARTICLES  # benchmarks/generate.py: 3 claims an article
    assert (site / "claims" / "page" / "2" / "index.html").exists()  # 200 claims a page
    first = (site / "claims" / "index.html").read_text("utf-8")
    assert 'class="dossier-pager"' in first and 'href="page/2/"' in first
    # The most cited entity lists its claims on pages of their own.
    counts: dict[str, int] = {}
    for claim in export["claims"]:
        for entity in claim["about"]:
            counts[entity] = counts.get(entity, 0) + 1
    top = max(counts, key=counts.__getitem__)
    kind = next(e["kind"] for e in export["entities"] if e["id"] == top)
    if counts[top] > 50:
        assert (site / FOLDERS[kind] / top / "claims" / "2" / "index.html").exists()
    assert broken_links(site) == []


def test_no_page_is_large(built: tuple[Path, Path]) -> None:
    _, site = built
    sizes = sorted(p.stat().st_size for p in site.rglob("*.html"))
    assert sizes[len(sizes) // 2] < 60_000
    assert sizes[-1] < 200_000


def test_search_index_has_names_aliases_and_titles_but_not_article_texts(built: tuple[Path, Path]) -> None:
    project, site = built
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    export = json.loads((site / "dossier.json").read_text("utf-8"))
    text: dict[str, str] = {}
    for doc in index["docs"]:
        text[doc["location"]] = text.get(doc["location"], "") + html.unescape(doc["title"] + " " + doc["text"])
    for entity in export["entities"]:
        found = text[f"{FOLDERS[entity['kind']]}/{entity['id']}/"]
        assert all(name in found for name in [entity["name"], *entity["aliases"]]), entity["id"]
    for article in export["articles"]:
        assert article["title"] in text[f"articles/{article['id']}/"]
    everything = " ".join(text.values())
    body = (project / "content" / "articles" / f"{export['articles'][0]['id']}.md").read_text("utf-8").split("---\n", 2)[2]
    sentence = body.split(". ")[1]
    assert sentence not in everything  # article texts are not indexed
    assert len(index["docs"]) < 2 * len(list(site.rglob("index.html")))  # one entry a page, not one per heading
