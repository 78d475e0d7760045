"""The data exports read back by the tools they are for (issue 15): dossier.db with Datasette,
dossier.ftm.json with the followthemoney model, annotations.json re-anchored in the article
text without the project's own matcher; and the CLI that writes them."""

from __future__ import annotations

import asyncio
import html
import json
import re
import sqlite3
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sitebuild import ROOT, SAMPLE_CONTENT

from dossier.check import check_content
from dossier.cli import main
from dossier.export import export
from dossier.formats import FORMATS, ExportInput, SiteAddress, export_input

ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*")


def article_bodies(content: Path) -> dict[str, str]:
    """Each article's text after its front matter, read without the dossier package."""
    bodies = {}
    for path in (content / "articles").glob("*.md"):
        text = path.read_text("utf-8").lstrip("\ufeff").replace("\r\n", "\n")
        bodies[path.stem] = text.split("\n---\n", 1)[1]
    return bodies


def write_all(source: ExportInput, folder: Path) -> Path:
    for data_format in FORMATS.values():
        for name, data in data_format.write(source).items():
            (folder / name).write_bytes(data)
    (folder / "dossier.json").write_text(json.dumps(source.data), "utf-8")
    return folder


@pytest.fixture(scope="module")
def first_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first dossier's exports, written the way the site publishes them."""
    result = check_content(SAMPLE_CONTENT)
    assert result.ok and result.dossier is not None and result.analysis is not None
    source = export_input(result.dossier, export(result.dossier, result.analysis), SiteAddress(), "Test dossier")
    return write_all(source, tmp_path_factory.mktemp("exports"))


# ----- dossier.db -----


def datasette_get(database: Path, *paths: str, with_metadata: bool = True) -> list[Any]:
    """GET each path from Datasette serving `database` with its metadata (Python API, in process),
    or without it, as `datasette dossier.db` opens it."""
    from datasette.app import Datasette

    async def run() -> list[Any]:
        metadata = json.loads(database.with_suffix(".metadata.json").read_text("utf-8")) if with_metadata else None
        datasette = Datasette([str(database)], metadata=metadata)
        await datasette.invoke_startup()
        answers = []
        for path in paths:
            response = await datasette.client.get(path)
            assert response.status_code == 200, (path, response.text[:500])
            answers.append(response.json() if ".json" in path else response.text)
        return answers

    # In a thread of its own: Playwright's sync API (the browser tests) may hold an event loop
    # running in this one, where asyncio.run() cannot start another.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, run()).result()


def a_word_of_one_article(bodies: dict[str, str]) -> tuple[str, str]:
    """(article id, a long word found in that article's text only)."""
    words = {article: set(re.findall(r"\b[A-Za-z]{9,}\b", body.lower())) for article, body in bodies.items()}
    for article, own in sorted(words.items()):
        others = set().union(*(w for a, w in words.items() if a != article))
        unique = sorted(own - others)
        if unique:
            return article, unique[0]
    raise AssertionError("no article has a word of its own")


def test_datasette_answers_a_full_text_query_with_the_article(first_exports: Path) -> None:
    article, word = a_word_of_one_article(article_bodies(SAMPLE_CONTENT))
    (found,) = datasette_get(first_exports / "dossier.db", f"/dossier/articles.json?_search={word}&_shape=array&_col=id")
    assert [row["id"] for row in found] == [article]


def test_datasette_searches_claims_and_shows_the_metadata(first_exports: Path) -> None:
    claims = json.loads((first_exports / "dossier.json").read_text("utf-8"))["claims"]
    claim = claims[0]
    word = max(re.findall(r"[A-Za-z]+", claim["text"]), key=len)
    found, page = datasette_get(first_exports / "dossier.db", f"/dossier/claims.json?_search={word}&_shape=array", "/dossier/claims")
    assert claim["id"] in [row["id"] for row in found]
    assert all(word.lower() in row["text"].lower() for row in found)
    assert "Statements of the dossier, each with its derived status and origins." in page
    # Foreign keys: each evidence row links to its article, labelled with the article's title,
    # and to its claim, labelled (by the metadata) with the claim's text.
    key = next(row["key"] for row in found if row["id"] == claim["id"])
    (evidence,) = datasette_get(first_exports / "dossier.db", f"/dossier/evidence.json?claim={key}&_shape=array&_labels=on")
    titles = {a["id"]: a["title"] for a in json.loads((first_exports / "dossier.json").read_text("utf-8"))["articles"]}
    assert [row["article"]["label"] for row in evidence] == [titles[item["article"]] for item in claim["evidence"]]
    assert {row["claim"]["label"] for row in evidence} == {claim["text"]}


def test_datasette_without_the_metadata_file_shows_names_descriptions_and_search(first_exports: Path) -> None:
    data = json.loads((first_exports / "dossier.json").read_text("utf-8"))
    titles = {a["id"]: a["title"] for a in data["articles"]}
    names = {e["id"]: e["name"] for e in data["entities"]}
    claim = next(c for c in data["claims"] if any(e["origin_entity"] for e in c["evidence"]))
    article, word = a_word_of_one_article(article_bodies(SAMPLE_CONTENT))
    found, claim_rows, mentions, page, view = datasette_get(
        first_exports / "dossier.db",
        f"/dossier/articles.json?_search={word}&_shape=array&_col=id",
        f"/dossier/claims.json?id={claim['id']}&_shape=array",
        "/dossier/mentions.json?_shape=array&_labels=on&_size=max",
        "/dossier/articles",
        f"/dossier/claim_evidence.json?claim={claim['id']}&_shape=array",
        with_metadata=False,
    )
    assert [row["id"] for row in found] == [article]
    # References show the article's title and the entity's name (the tables' `title` and `name`).
    (evidence,) = datasette_get(
        first_exports / "dossier.db", f"/dossier/evidence.json?claim={claim_rows[0]['key']}&_shape=array&_labels=on", with_metadata=False
    )
    assert [row["article"]["label"] for row in evidence] == [titles[e["article"]] for e in claim["evidence"]]
    assert [row["origin_entity"] and row["origin_entity"]["label"] for row in evidence] == [
        names[e["origin_entity"]] if e["origin_entity"] else None for e in claim["evidence"]
    ]
    pairs = Counter((names[e["id"]], titles[a]) for e in data["entities"] for a in e["mentioned_in"])
    assert len(mentions) == sum(pairs.values()) <= 1000  # one page: all of them
    assert Counter((row["entity"]["label"], row["article"]["label"]) for row in mentions) == pairs
    # The columns' descriptions are in the schema, which the table's page shows.
    assert "-- The headline" in html.unescape(page)
    assert "-- The article's text, verbatim (Markdown); evidence positions index it" in html.unescape(page)
    # A view gives the evidence with ids and words.
    assert [(row["article"], row["quote"], row["claim_text"]) for row in view] == [
        (e["article"], e["quote"], claim["text"]) for e in claim["evidence"]
    ]


def test_datasette_searches_a_word_that_is_two_tokens(first_exports: Path) -> None:
    """Datasette quotes each word searched for: "U.S." is then a phrase of two tokens, which the
    full-text index answers only with positions (FTS5 detail=full)."""
    bodies = article_bodies(SAMPLE_CONTENT)
    (found,) = datasette_get(first_exports / "dossier.db", "/dossier/articles.json?_search=U.S.&_shape=array&_col=id&_col=title")
    expected = {article for article, body in bodies.items() if re.search(r"\bU\.S\.", body)}
    assert expected and {row["id"] for row in found} >= expected
    assert all(re.search(r"\bU\W+S\b", bodies[row["id"]] + " " + row["title"], re.IGNORECASE) for row in found)


def test_datasette_runs_sql_across_the_tables(first_exports: Path) -> None:
    sql = "select status, count(*) as n from claims group by status order by status"
    (answer,) = datasette_get(first_exports / "dossier.db", f"/dossier.json?sql={sql}&_shape=array")
    claims = json.loads((first_exports / "dossier.json").read_text("utf-8"))["claims"]
    assert {row["status"]: row["n"] for row in answer} == dict(Counter(c["status"] for c in claims))


def database_rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def assert_database_matches(database: Path, data: dict[str, Any], bodies: dict[str, str]) -> None:
    """Every item of the export once in its table, with the same ids, and references resolve."""

    def ids(table: str, columns: str = "id") -> Counter[Any]:
        return Counter(database_rows(database, f"select {columns} from {table}"))

    # Articles, entities and claims are referred to by their key: back to their ids.
    article = "(select id from articles where key = {0}.{1})"
    entity = "(select id from entities where key = {0}.{1})"
    claim = "(select id from claims where key = {0}.{1})"

    assert ids("articles") == Counter((a["id"],) for a in data["articles"])
    assert dict(database_rows(database, "select id, text from articles")) == bodies
    assert ids("entities", "id, kind") == Counter((e["id"], e["kind"]) for e in data["entities"])
    assert ids("measures") == Counter((m["id"],) for m in data.get("measures", []))
    assert ids("claims", "id, status") == Counter((c["id"], c["status"]) for c in data["claims"])
    evidence = [(c["id"], n, e["article"], e["stance"], e["quote"]) for c in data["claims"] for n, e in enumerate(c["evidence"], 1)]
    columns = f"{claim.format('evidence', 'claim')}, number, {article.format('evidence', 'article')}, stance, quote"
    assert ids("evidence", columns) == Counter(evidence)
    mentions = [(e["id"], a) for e in data["entities"] for a in e["mentioned_in"]]
    assert ids("mentions", f"{entity.format('mentions', 'entity')}, {article.format('mentions', 'article')}") == Counter(mentions)
    about = Counter((c["id"], e) for c in data["claims"] for e in c["about"])
    assert ids("claim_about", f"{claim.format('claim_about', 'claim')}, {entity.format('claim_about', 'entity')}") == about
    values = [(d["measure"], v["claim"]) for d in data["discrepancies"] for v in d["values"]]
    assert ids("discrepancy_values", f"measure, {claim.format('discrepancy_values', 'claim')}") == Counter(values)
    broken = database_rows(database, "pragma foreign_key_check")
    if "measures" not in data:  # version 1 declares no measures: claims name them only
        broken = [row for row in broken if row[2] != "measures"]
    assert broken == []


def test_the_database_has_every_item_of_the_export_once(first_exports: Path) -> None:
    data = json.loads((first_exports / "dossier.json").read_text("utf-8"))
    assert_database_matches(first_exports / "dossier.db", data, article_bodies(SAMPLE_CONTENT))


# ----- dossier.ftm.json -----


def ftm_entities(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def assert_valid_ftm(entities: list[dict[str, Any]]) -> None:
    """The model accepts every entity, and every reference names an entity of the file."""
    from followthemoney import model

    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities), "ids are unique"
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        schema.validate(data)  # raises InvalidData
        proxy = model.get_proxy(data, cleaned=False)  # cleaned again by the model: unchanged
        assert proxy.to_dict()["properties"] == data["properties"]
        assert set(schema.required) <= set(data["properties"]), (data["id"], schema.required)
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                for target in proxy.get(prop):
                    assert target in by_id, f"{data['id']}.{prop.name} -> {target}"
                    assert model.get(by_id[target]["schema"]).is_a(prop.range), (data["id"], prop.name, target)


def assert_ftm_matches(entities: list[dict[str, Any]], data: dict[str, Any]) -> None:
    schemata = {"person": "Person", "organization": "Organization", "event": "Event", "country": "Territory"}
    expected = Counter((f"{e['kind']}-{e['id']}", schemata[e["kind"]]) for e in data["entities"])
    expected.update((f"article-{a['id']}", "Article") for a in data["articles"])
    expected.update((f"claim-{c['id']}", "Note") for c in data["claims"])
    expected.update((f"evidence-{c['id']}-{n}", "Documentation") for c in data["claims"] for n, _ in enumerate(c["evidence"], 1))
    assert Counter((e["id"], e["schema"]) for e in entities) == expected
    by_id = {e["id"]: e["properties"] for e in entities}
    for entity in data["entities"]:
        names = by_id[f"{entity['kind']}-{entity['id']}"]
        assert names["name"] == [entity["name"]] and names.get("alias", []) == list(dict.fromkeys(entity["aliases"]))
    for claim in data["claims"]:
        assert by_id[f"claim-{claim['id']}"]["description"] == [claim["text"]]
        for n, item in enumerate(claim["evidence"], 1):
            documentation = by_id[f"evidence-{claim['id']}-{n}"]
            assert documentation["document"] == [f"article-{item['article']}"]
            assert documentation["role"][0].startswith(f"{item['stance']} the claim")
            assert documentation["summary"] == [item.get("excerpt") or item["quote"]]  # v3: the article's words (a v2 export: its quote)


def test_the_model_accepts_every_entity_and_references_resolve(first_exports: Path) -> None:
    assert_valid_ftm(ftm_entities(first_exports / "dossier.ftm.json"))


def test_ftm_has_every_article_entity_claim_and_evidence_item(first_exports: Path) -> None:
    data = json.loads((first_exports / "dossier.json").read_text("utf-8"))
    entities = ftm_entities(first_exports / "dossier.ftm.json")
    assert_ftm_matches(entities, data)
    bodies = article_bodies(SAMPLE_CONTENT)
    for entity in entities:
        if entity["schema"] == "Article":
            body = bodies[entity["id"].removeprefix("article-")]
            assert " ".join(entity["properties"]["bodyText"]).split() == body.split()
        if entity["schema"] in ("Person", "Organization"):
            assert all(re.fullmatch(r"[a-z]{2}(-[a-z]+)?", code) for code in entity["properties"].get("country", []))
    belarus = next(e for e in entities if e["id"] == "country-belarus")
    assert belarus["properties"]["country"] == ["by"]


# ----- annotations.json -----


def assert_annotations_anchor(collection: dict[str, Any], data: dict[str, Any], bodies: dict[str, str]) -> None:
    """Every selector finds its passage in the article text by plain string operations."""
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    evidence = [(c, n, e) for c in data["claims"] for n, e in enumerate(c["evidence"], 1)]
    assert collection["total"] == len(items) == len(evidence)
    articles = {a["id"]: a for a in data["articles"]}
    for annotation, (claim, n, item) in zip(items, evidence, strict=True):
        assert annotation["id"].endswith(f"#{claim['id']}-{n}")
        text = bodies[item["article"]]
        parts = [p for p in ELLIPSIS.split(item["quote"]) if p]
        assert len(annotation["target"]) >= len(parts)
        for target in annotation["target"]:
            assert target["source"] in (articles[item["article"]]["url"], f"articles/{item['article']}/")
            quote, position = target["selector"]
            exact, prefix, suffix = quote["exact"], quote["prefix"], quote["suffix"]
            start, end = position["start"], position["end"]
            assert text[start:end] == exact
            assert len(prefix) == min(32, start) and len(suffix) == min(32, len(text) - end)
            assert text.find(prefix + exact + suffix) >= 0
            assert text[start - len(prefix) : end + len(suffix)] == prefix + exact + suffix
        assessing = annotation["body"][0]
        assert assessing["purpose"] == "assessing"
        assert assessing["value"] == f"{item['stance'].capitalize()} the claim: {claim['text']}"
        assert annotation["body"][1] == {"type": "SpecificResource", "purpose": "linking", "source": f"claims/{claim['id']}/"}


def test_every_annotation_re_anchors_in_the_article_text(first_exports: Path) -> None:
    data = json.loads((first_exports / "dossier.json").read_text("utf-8"))
    collection = json.loads((first_exports / "annotations.json").read_text("utf-8"))
    assert_annotations_anchor(collection, data, article_bodies(SAMPLE_CONTENT))
    elided = [a for a in collection["first"]["items"] if len(a["target"]) > 1]
    assert elided, "the first dossier has elided quotes: one target each part"


# ----- the export of contract version 2, and fields the export gains -----

V2_EXPORT: dict[str, Any] = {
    "articles": [
        {"id": "a1", "title": "T", "outlet": "O", "author": ["X", "Y"], "published": "2025-09", "url": None, "archived": "https://archive.example/a1", "language": "en"},
    ],
    "entities": [
        {"id": "belarus", "kind": "country", "name": "Belarus", "aliases": [], "summary": None, "wikidata": None, "countries": [], "participants": [], "date": None, "mentioned_in": ["a1"]},
        {"id": "nyt", "kind": "organization", "name": "The New York Times", "aliases": ["NYT"], "summary": None, "wikidata": None, "countries": ["belarus"], "participants": [], "date": None, "mentioned_in": []},
        {"id": "ev", "kind": "event", "name": "Release", "aliases": [], "summary": None, "wikidata": None, "countries": ["belarus"], "participants": ["nyt"], "date": {"start": "2020", "end": None}, "mentioned_in": ["a1"]},
    ],
    "measures": [{"id": "freed", "name": "Prisoners freed", "unit": "people", "tolerance": 0.1, "summary": None}],
    "claims": [
        {
            "id": "c1",
            "text": "More than 1,000 were freed.",
            "about": ["ev", "belarus"],
            "date": "2025-09",
            "quantity": {"measure": "freed", "value": {"min": 1001, "max": None}, "approximate": True, "unit": "people"},
            "status": "single-source",
            "supporting_origins": ["The New York Times"],
            "contradicting_origins": [],
            "evidence": [
                {
                    "article": "a1", "stance": "supports", "quote": "freed more ... than a thousand", "translation": "an English rendering",
                    "via": "NYT", "note": None, "origin": "The New York Times", "origin_entity": "nyt", "confidence": "high",
                    "passage": [{"paragraph": 1, "start": 5, "end": 15}, {"paragraph": 1, "start": 23, "end": 38}],
                },
            ],
        },
    ],
    "discrepancies": [{"measure": "freed", "name": "Prisoners freed", "unit": "people", "conflict": False, "values": [{"claim": "c1", "value": {"min": 1001, "max": None}, "approximate": True}]}],
}  # fmt: skip
V2_BODIES = {"a1": "They freed more people than a thousand, said NYT.\n"}


def test_the_exports_carry_the_fields_of_version_2_and_new_ones(tmp_path: Path) -> None:
    source = ExportInput(V2_EXPORT, V2_BODIES, SiteAddress("https://dossier.example/"), "Test")
    folder = write_all(source, tmp_path)
    assert_database_matches(folder / "dossier.db", V2_EXPORT, V2_BODIES)
    (row,) = database_rows(
        folder / "dossier.db", "select translation, (select id from entities where key = origin_entity), confidence, parts from evidence"
    )  # `confidence` is a field this code does not know: carried as a column
    assert row[:3] == ("an English rendering", "nyt", "high") and json.loads(row[3])[1]["start"] == 23
    assert database_rows(folder / "dossier.db", "select value, value_min, value_max, approximate, date from claims") == [
        ("at least 1001", 1001.0, None, 1, "2025-09")
    ]
    assert database_rows(folder / "dossier.db", "select archived, published from articles") == [("https://archive.example/a1", "2025-09")]
    assert database_rows(folder / "dossier.db", "select date from entities where id = 'ev'") == [("2020/..",)]
    assert database_rows(folder / "dossier.db", "select measure, conflict from discrepancies") == [("freed", 0)]

    entities = ftm_entities(folder / "dossier.ftm.json")
    assert_valid_ftm(entities)
    assert_ftm_matches(entities, V2_EXPORT)
    event = next(e for e in entities if e["id"] == "event-ev")["properties"]
    assert event["startDate"] == ["2020"] and event["involved"] == ["organization-nyt"] and event["country"] == ["by"]

    collection = json.loads((folder / "annotations.json").read_text("utf-8"))
    (annotation,) = collection["first"]["items"]
    assert annotation["id"] == "https://dossier.example/annotations.json#c1-1"
    assert [t["selector"][0]["exact"] for t in annotation["target"]] == ["freed more", "than a thousand"]
    assert {
        "type": "TextualBody",
        "purpose": "describing",
        "value": "an English rendering",
        "language": "en",
        "format": "text/plain",
    } in annotation["body"]


# ----- the command -----


def test_export_writes_each_format_to_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    for name in ("sqlite", "ftm", "annotations", "json"):
        assert main(["export", "--content", str(SAMPLE_CONTENT), "--format", name, "--output", str(tmp_path / f"out.{name}")]) == 0
    assert f"wrote {tmp_path / 'out.sqlite'}" in capsys.readouterr().err
    data = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert len(database_rows(tmp_path / "out.sqlite", "select id from claims")) == len(data["claims"])
    assert (tmp_path / "out.metadata.json").exists()
    assert len(ftm_entities(tmp_path / "out.ftm")) > len(data["claims"])
    assert json.loads((tmp_path / "out.annotations").read_text("utf-8"))["total"] == sum(len(c["evidence"]) for c in data["claims"])


def test_export_prints_text_formats_and_refuses_a_database_on_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["export", "--content", str(SAMPLE_CONTENT), "--format", "annotations", "--site-url", "https://example.org/dossier/"]) == 0
    collection = json.loads(capsys.readouterr().out)
    assert collection["id"] == "https://example.org/dossier/annotations.json"
    assert main(["export", "--content", str(SAMPLE_CONTENT), "--format", "sqlite"]) == 2
    assert "--format sqlite writes a binary file: name it with --output FILE" in capsys.readouterr().err


# ----- the site -----


def test_the_site_publishes_the_exports_next_to_dossier_json(first_site: Path) -> None:
    for name in ("dossier.json", "dossier.db", "dossier.metadata.json", "dossier.ftm.json", "annotations.json"):
        assert (first_site / name).is_file(), name
    article, word = a_word_of_one_article(article_bodies(SAMPLE_CONTENT))
    (found,) = datasette_get(first_site / "dossier.db", f"/dossier/articles.json?_search={word}&_shape=array")
    assert [row["id"] for row in found] == [article]
