"""The site built from the first dossier, with the project's own mkdocs.yml and --strict."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from sitecheck import broken_links, parse

from dossier.kinds import KINDS


@pytest.fixture(scope="module")
def site(first_site: Path) -> Path:
    return first_site


@pytest.fixture(scope="module")
def export(site: Path) -> dict:
    return json.loads((site / "dossier.json").read_text("utf-8"))


KIND_FOLDERS = {spec.singular: spec.folder for spec in KINDS}


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def h1(text: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    assert match, "page has no h1"
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def test_every_entity_claim_and_article_has_its_page(site: Path, export: dict) -> None:
    for entity in export["entities"]:
        assert h1(page(site, f"{KIND_FOLDERS[entity['kind']]}/{entity['id']}")) == entity["name"]
    for claim in export["claims"]:
        text = page(site, f"claims/{claim['id']}")
        assert claim["status"].replace("-", " ") in text.lower().replace("single source", "single source")
    for article in export["articles"]:
        assert h1(page(site, f"articles/{article['id']}")) == article["title"]
    for index in ("people", "countries", "organizations", "events", "claims", "articles", "sources", "timeline", "discrepancies"):
        assert (site / index / "index.html").exists(), index


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_sources_are_not_published_and_the_export_is(site: Path, export: dict) -> None:
    assert not list(site.rglob("claims.yaml"))
    assert not list(site.rglob("*.md"))
    assert {"articles", "entities", "claims", "discrepancies"} <= export.keys()
    assert len(export["claims"]) >= 60


def test_contested_claim_shows_the_contradicting_quote_and_links_to_the_highlighted_passage(site: Path, export: dict) -> None:
    claim = next(c for c in export["claims"] if c["status"] == "contested")
    index, against = next((i, e) for i, e in enumerate(claim["evidence"]) if e["stance"] == "contradicts")
    text = page(site, f"claims/{claim['id']}")
    side = text[text.index("dossier-side-contradicts") :]
    assert html.escape(against["quote"], quote=True) in side
    anchor = f"q-{claim['id']}-{index}"
    link = f"../../articles/{against['article']}/#{anchor}"
    assert f'href="{link}"' in side
    article = page(site, f"articles/{against['article']}")
    # The anchor sits right before the highlighted passage, which links back to the claim.
    position = article.index(f'id="{anchor}"')
    mark = re.search(r'<mark class="dossier-quote dossier-(contradicts|mixed)" data-quotes="([^"]*)"', article[position:])
    assert mark and anchor in mark.group(2).split()
    assert f'href="../../claims/{claim["id"]}/"' in article


def test_entity_page_has_claims_grouped_by_status_mentions_timeline_and_json_ld(site: Path) -> None:
    text = page(site, "people/alexander-lukashenko")
    assert 'id="status-contested"' in text and 'id="status-corroborated"' in text
    assert "Lukashenka" in text  # aliases are listed
    assert 'id="mentions"' in text and "dossier-mention-sentence" in text
    assert 'id="timeline"' in text and 'id="related"' in text
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert ld and json.loads(ld.group(1))["@type"] == "Person"
    country = page(site, "countries/belarus")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', country, re.S).group(1))
    assert data["@type"] == "Country" and data["sameAs"][0].startswith("https://www.wikidata.org/wiki/Q")


def test_article_page_links_mentions_and_numbers_paragraphs(site: Path, export: dict) -> None:
    article = export["articles"][0]["id"]
    text = page(site, f"articles/{article}")
    assert 'id="p-1"' in text
    assert 'class="dossier-mention" href="../../' in text
    assert "Claims citing this article" in text


def test_home_page_has_counts_contested_claims_and_latest_events(site: Path, export: dict) -> None:
    text = (site / "index.html").read_text("utf-8")
    assert f"{len(export['articles'])} articles" in text
    assert 'id="most-contested"' in text and 'id="latest-events"' in text


def test_navigation_lists_indexes_only(site: Path) -> None:
    """A page's HTML must not grow with the dossier: individual pages stay out of the nav."""
    text = page(site, "claims/" + json.loads((site / "dossier.json").read_text())["claims"][0]["id"])
    nav = text[text.index("md-nav--primary") :]
    nav = nav[: nav.index("</nav>")]
    links = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"', nav) + re.findall(r'href="([^"]+)"[^>]*class="md-nav__link', nav)
    assert not [link for link in links if re.search(r"(people|countries|organizations|events|claims|articles)/[a-z0-9-]+/", link)]


def test_search_index_has_entity_aliases_with_a_boost(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith("people/alexander-lukashenko/")]
    assert any("Lukashenka" in d["text"] for d in docs)
    assert any(d.get("boost", 1) > 1 for d in docs)


def test_no_page_carries_executable_content_from_the_dossier(site: Path) -> None:
    for path in site.rglob("*.html"):
        info = parse(path)
        assert info.dangerous == [], path


def test_every_page_has_a_content_security_policy_that_allows_only_the_themes_inline_scripts(site: Path) -> None:
    import base64
    import hashlib

    for path in list(site.rglob("*.html"))[:400]:
        text = path.read_text("utf-8")
        match = re.search(r'<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert match, f"{path}: no policy first in <head>"
        policy = match.group(1)
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", text, re.S):
            if "src=" in attrs or "application/" in attrs:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy, f"{path}: inline script not allowed by the policy"
