"""Nothing in the input is lost: every article, entity, claim and evidence item appears exactly
once in dossier.json, on its page and in the other exports (dossier.db, dossier.ftm.json,
annotations.json), for the first dossier and for a large generated one."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path

import yaml
from sitebuild import SAMPLE_CONTENT
from test_formats import (
    article_bodies,
    assert_annotations_anchor,
    assert_database_matches,
    assert_ftm_matches,
    assert_valid_ftm,
    ftm_entities,
)

SECTIONS = {"people": "person", "countries": "country", "organizations": "organization", "events": "event"}
FOLDERS = {"person": "people", "country": "countries", "organization": "organizations", "event": "events"}


def read_input(content: Path) -> tuple[list[str], list[dict], list[dict], list[dict]]:
    """Articles, entities, claims and measures as written, read independently of the dossier package."""
    articles = sorted(p.stem for p in (content / "articles").glob("*.md"))
    files = [content / "claims.yaml"] if (content / "claims.yaml").exists() else sorted((content / "claims").glob("*.yaml"))
    entities, claims, measures = [], [], []
    for path in files:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        for section, kind in SECTIONS.items():
            entities += [{**e, "kind": kind} for e in data.get(section) or []]
        claims += data.get("claims") or []
        measures += data.get("measures") or []
    return articles, entities, claims, measures


def assert_nothing_lost(content: Path, site: Path) -> None:
    articles, entities, claims, measures = read_input(content)
    export = json.loads((site / "dossier.json").read_text("utf-8"))

    assert Counter(a["id"] for a in export["articles"]) == Counter(articles)
    assert Counter((e["id"], e["kind"]) for e in export["entities"]) == Counter((e["id"], e["kind"]) for e in entities)
    assert Counter(c["id"] for c in export["claims"]) == Counter(c["id"] for c in claims)
    assert Counter(m["id"] for m in export["measures"]) == Counter(m["id"] for m in measures)
    exported_measures = {m["id"]: m for m in export["measures"]}
    for measure in measures:
        assert (exported_measures[measure["id"]]["name"], exported_measures[measure["id"]]["unit"]) == (
            measure["name"],
            measure.get("unit"),
        )
    exported = {c["id"]: c for c in export["claims"]}
    for claim in claims:
        written = [(e["article"], e["stance"], e["quote"], e.get("translation"), e.get("via"), e.get("note")) for e in claim["evidence"]]
        fields = ("article", "stance", "quote", "translation", "via", "note")
        assert [tuple(e[k] for k in fields) for e in exported[claim["id"]]["evidence"]] == written
        quantity = exported[claim["id"]]["quantity"]
        assert (quantity and quantity["measure"]) == (claim.get("quantity") or {}).get("measure", None)

    for entity in entities:
        page = (site / FOLDERS[entity["kind"]] / entity["id"] / "index.html").read_text("utf-8")
        assert f"<h1>{html.escape(entity['name'])}</h1>" in page
    for claim in claims:
        page = (site / "claims" / claim["id"] / "index.html").read_text("utf-8")
        # Each evidence item once, with its quote, in its own box.
        assert page.count('<figure class="dossier-evidence') == len(claim["evidence"])
        for item in exported[claim["id"]]["evidence"]:
            # Contract v3: the article's own words (the export's `excerpt`), not the analyst's typing.
            assert f"<blockquote><p>{html.escape(item['excerpt'])}</p></blockquote>" in page
    for article in articles:
        page = (site / "articles" / article / "index.html").read_text("utf-8")
        assert re.search(r'<div class="dossier-paragraph" id="p-1">', page)
    assert_exports_lose_nothing(content, site, export)


def assert_exports_lose_nothing(content: Path, site: Path, export: dict) -> None:
    """dossier.db, dossier.ftm.json and annotations.json, as published: the same items as
    dossier.json, each once, with the same ids, and every article's whole text."""
    bodies = article_bodies(content)
    assert_database_matches(site / "dossier.db", export, bodies)
    entities = ftm_entities(site / "dossier.ftm.json")
    assert_valid_ftm(entities)
    assert_ftm_matches(entities, export)
    assert_annotations_anchor(json.loads((site / "annotations.json").read_text("utf-8")), export, bodies)
    assert json.loads((site / "dossier.metadata.json").read_text("utf-8"))["databases"]["dossier"]["tables"]["claims"]["title"] == "Claims"


def test_the_first_dossier_loses_nothing(first_site: Path) -> None:
    assert_nothing_lost(SAMPLE_CONTENT, first_site)


def test_a_large_generated_dossier_loses_nothing(generated_site: tuple[Path, Path]) -> None:
    project, site = generated_site
    assert_nothing_lost(project / "content", site)
