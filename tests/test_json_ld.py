"""The structured data (JSON-LD) of the built site: schema.org only, on every page that has a subject.

The vocabulary is a pinned copy: `tests/data/schemaorg-12.0-terms.json`, every type with its
supertypes and every property with its domain, extracted by `tests/data/schemaorg_terms.py`
from schema.org's own `schemaorg-current-https.jsonld` of release 12.0, as the PyPI package
`schemaorg` 0.1.1 ships it (its sha256 is in the copy). A type or property schema.org does
not define, or a property used on a type outside its domain, fails the test.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, NYT_BODY, article, edit, write_dossier
from sitebuild import MINIMAL_MKDOCS_YML, mkdocs_build

VOCABULARY = Path(__file__).parent / "data" / "schemaorg-12.0-terms.json"
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
BASE = "http://127.0.0.1/"  # where the pages are taken to be served, to resolve relative ids


@cache
def vocabulary() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(VOCABULARY.read_text("utf-8"))
    return data


def supertypes(name: str) -> set[str]:
    """The type and every type it is a kind of."""
    types = vocabulary()["types"]
    found, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo += types.get(current, [])
    return found


def blocks(page: Path) -> list[dict[str, Any]]:
    return [json.loads(body) for body in BLOCK.findall(page.read_text("utf-8"))]


def nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every node of a JSON-LD value, nested ones included."""
    if isinstance(value, dict):
        yield value
        for key, inner in value.items():
            if key != "@context":
                yield from nodes(inner)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


def node_problems(node: dict[str, Any]) -> list[str]:
    types, properties = vocabulary()["types"], vocabulary()["properties"]
    kind = node.get("@type")
    if kind not in types:
        return [f"{kind!r} is not a schema.org type"]
    problems = [f"{kind} has no {key}" for key in ("@id", "url") if not node.get(key)]
    kinds = supertypes(kind)
    for key in node:
        if key.startswith("@"):
            continue
        if key not in properties:
            problems.append(f"{kind}.{key}: not a schema.org property")
        elif not kinds & set(properties[key]):
            problems.append(f"{kind}.{key}: schema.org defines it on {', '.join(properties[key])}, not on {kind} or a supertype")
    return problems


def page_url(site: Path, page: Path) -> str:
    return BASE + page.relative_to(site).as_posix().removesuffix("index.html")


def test_the_vocabulary_copy_is_schema_org_with_the_types_used() -> None:
    terms = vocabulary()
    assert "schema.org release 12.0" in terms["source"] and len(terms["sha256"]) == 64
    assert supertypes("NewsArticle") >= {"Article", "CreativeWork", "Thing"}
    assert supertypes("Claim") >= {"CreativeWork", "Thing"}
    assert "quotation" not in terms["properties"]  # what the claim pages used to carry
    assert terms["properties"]["appearance"] == ["Claim"]


def test_every_json_ld_type_and_property_on_every_page_is_schema_org(first_site: Path) -> None:
    problems, seen = [], set()
    for page in sorted(first_site.rglob("*.html")):
        for block in blocks(page):
            assert block.get("@context") == "https://schema.org", page
            for node in nodes(block):
                seen.add(node.get("@type"))
                problems += [f"{page.relative_to(first_site)}: {p}" for p in node_problems(node)]
    assert problems == [], "\n".join(sorted(set(problems))[:40])
    assert {"Claim", "NewsArticle", "Person", "Organization", "Country", "Event"} <= seen


def test_every_article_page_is_a_news_article_with_headline_publisher_date_and_url(first_site: Path) -> None:
    pages = sorted((first_site / "articles").glob("*/index.html"))
    assert len(pages) == len(list((Path(__file__).parent / "fixtures" / "sample" / "articles").glob("*.md")))
    for page in pages:
        (data,) = blocks(page)
        assert data["@type"] == "NewsArticle", page
        assert data["headline"] and data["url"] and data["datePublished"], page
        assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"], page
        # The article is the page's subject: its id is the page's own address.
        assert urljoin(page_url(first_site, page), data["@id"]) == page_url(first_site, page) + "#article"


def test_a_claim_appears_only_in_the_articles_that_support_it_with_the_ids_of_their_pages(first_site: Path) -> None:
    exported = json.loads((first_site / "dossier.json").read_text("utf-8"))
    checked_contested = 0
    for claim in exported["claims"]:
        page = first_site / "claims" / claim["id"] / "index.html"
        (data,) = blocks(page)
        here = page_url(first_site, page)
        assert data["@type"] == "Claim" and urljoin(here, data["@id"]) == here + "#claim"
        appearances = {urljoin(here, work["@id"]) for work in data.get("appearance", [])}
        supporting = {f"{BASE}articles/{e['article']}/#article" for e in claim["evidence"] if e["stance"] == "supports"}
        assert appearances == supporting, claim["id"]
        about = {urljoin(here, thing["@id"]) for thing in data["about"]}
        assert all(a.endswith("/#entity") for a in about) and len(about) == len(claim["about"])
        if any(e["stance"] == "contradicts" for e in claim["evidence"]):
            checked_contested += 1
    assert checked_contested > 0  # the seed dossier has claims with evidence against


def test_one_thing_has_one_id_on_every_page(first_site: Path) -> None:
    """An entity named on a claim page has the @id its own page gives it."""
    own: dict[str, str] = {}
    for folder in ("people", "countries", "organizations", "events"):
        for page in (first_site / folder).glob("*/index.html"):
            (data,) = blocks(page)
            own[data["name"]] = urljoin(page_url(first_site, page), data["@id"])
    assert own
    for page in (first_site / "claims").glob("*/index.html"):
        (data,) = blocks(page)
        for thing in data["about"]:
            assert urljoin(page_url(first_site, page), thing["@id"]) == own[thing["name"]]


@pytest.fixture(scope="module")
def site_with_address(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("addressed")
    yaml = edit(
        "        quote: Belarus freed 52 political prisoners on Thursday\n",
        "        quote: Belarus freed 52 political prisoners on Thursday\n"
        "      - article: reuters-2025-09-11\n        stance: contradicts\n        quote: after an appeal by U.S. President Donald Trump\n",
        BASE_YAML,
    )
    nyt = article(
        NYT_BODY,
        title="Belarus Frees 52 Prisoners",
        outlet="The New York Times",
        author="Valerie Hopkins",
        url="https://www.nytimes.com/2025/09/11/world/europe/belarus-prisoners.html",
    )
    articles = {**BASE_ARTICLES, "nyt-2025-09-11": nyt}
    write_dossier(root, yaml, articles)
    config = root / "mkdocs.yml"
    config.write_text(MINIMAL_MKDOCS_YML + "site_url: https://dossier.example.org/belarus/\n", "utf-8")
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_with_a_site_url_every_id_and_url_is_absolute(site_with_address: Path) -> None:
    (claim,) = blocks(site_with_address / "claims" / "release-count" / "index.html")
    assert claim["@id"] == "https://dossier.example.org/belarus/claims/release-count/#claim"
    # Supporting: the New York Times; contradicting: Reuters, left out.
    (work,) = claim["appearance"]
    assert work["@id"] == "https://dossier.example.org/belarus/articles/nyt-2025-09-11/#article"
    assert work["url"] == "https://www.nytimes.com/2025/09/11/world/europe/belarus-prisoners.html"  # the original
    (author,) = work["author"]
    assert author["name"] == "Valerie Hopkins" and author["@id"].startswith("https://dossier.example.org/belarus/articles/nyt-2025-09-11/#")
    (news,) = blocks(site_with_address / "articles" / "reuters-2025-09-11" / "index.html")
    assert news["url"] == news["@id"].removesuffix("#article") == "https://dossier.example.org/belarus/articles/reuters-2025-09-11/"
    for page in site_with_address.rglob("*.html"):
        for node in (n for block in blocks(page) for n in nodes(block)):
            assert node["@id"].startswith("https://"), (page, node)
            assert node_problems(node) == [], (page, node)
