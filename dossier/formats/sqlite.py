"""dossier.db: the export as a SQLite database for Datasette, built with sqlite-utils.

One row per item of the export in `articles`, `entities`, `measures`, `claims`, `evidence`
and `mentions`, link tables for lists of ids (`claim_about`, `entity_countries`,
`event_participants`), foreign keys between them, and full-text search (FTS5) over the
articles' titles and text and over the claims. Articles, entities and claims are numbered,
and the other tables refer to them by that number (sqlite_tables.py says why); views give
those links with ids and names (sqlite_views.py). The database is built in memory and
returned as the bytes of a database file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import quote_identifier

from .common import (
    ExportInput,
    Record,
    as_list,
    date_text,
    extra_fields,
    json_text,
    value_ends,
    value_text,
)
from .sqlite_tables import (
    ARTICLES,
    CLAIM_ABOUT,
    CLAIMS,
    DISCREPANCIES,
    DISCREPANCY_VALUES,
    ENTITIES,
    ENTITY_COUNTRIES,
    EVENT_PARTICIPANTS,
    EVIDENCE,
    MEASURES,
    MENTIONS,
    TABLES,
    Table,
    create_sql,
    datasette_metadata,
    referenced_column,
)
from .sqlite_views import VIEWS, create_view_sql

Row = dict[str, Any]
Keys = dict[str, dict[str, int]]  # numbered table -> its ids -> their keys

# Accents are ignored, so "Zoltan" finds "Zoltán" as the site's own matching does.
TOKENIZER = "unicode61 remove_diacritics 2"
# SQLite's page size. 64 KB pages hold articles of a few KB each whole, where 4 KB pages would
# put most of each on an overflow page of its own, partly empty; but every table and index
# takes at least one page, which costs a small dossier more (the first dossier's database:
# 1.2 MB with 64 KB pages, 0.2 MB with 4 KB). On generated dossiers, 4 KB pages make the
# smaller file up to 2,000 articles (2.10× the text against 2.23× at 1,000 articles, 2.07×
# against 2.09× at 2,000) and 64 KB pages from 3,000 on (2.05× against 2.07×; 1.97× against
# 2.05× at 10,000).
LARGE_PAGES = 65536
SMALL_PAGES = 4096
LARGE_TEXT = 8_000_000  # characters of article text, about 2,000 articles


def page_size(source: ExportInput) -> int:
    return LARGE_PAGES if sum(len(body) for body in source.bodies.values()) > LARGE_TEXT else SMALL_PAGES


def numbering(source: ExportInput) -> Keys:
    """Each article's, entity's and claim's key: its place in the export, from 1."""
    return {name: {record["id"]: key for key, record in enumerate(source.records(name), 1)} for name in ("articles", "entities", "claims")}


def article_rows(source: ExportInput) -> Iterator[Row]:
    known = ("id", "title", "outlet", "author", "published", "url", "archived", "language")
    for key, a in enumerate(source.records("articles"), 1):
        yield {
            "key": key,
            "id": a["id"],
            "title": a.get("title"),
            "outlet": a.get("outlet"),
            "authors": json_text(as_list(a.get("author"))),
            "published": date_text(a.get("published")),
            "url": a.get("url"),
            "archived": a.get("archived"),
            "language": a.get("language"),
            "text": source.bodies.get(a["id"]),
            **extra_fields(a, known),
        }


def entity_rows(source: ExportInput) -> Iterator[Row]:
    known = ("id", "kind", "name", "aliases", "summary", "wikidata", "countries", "participants", "date", "mentioned_in")
    for key, e in enumerate(source.records("entities"), 1):
        yield {
            "key": key,
            "id": e["id"],
            "kind": e.get("kind"),
            "name": e.get("name"),
            "aliases": json_text(as_list(e.get("aliases"))),
            "summary": e.get("summary"),
            "wikidata": e.get("wikidata"),
            "date": date_text(e.get("date")),
            **extra_fields(e, known),
        }


def measure_rows(source: ExportInput) -> Iterator[Row]:
    known = ("id", "name", "unit", "tolerance", "summary")
    for m in source.records("measures"):
        yield {key: m.get(key) for key in known} | extra_fields(m, known)


def _value_columns(value: Any, approximate: Any) -> Row:
    low, high = value_ends(value)
    return {"value": value_text(value), "value_min": low, "value_max": high, "approximate": _flag(approximate)}


def _flag(value: Any) -> int | None:
    return None if value is None else int(bool(value))


def claim_rows(source: ExportInput) -> Iterator[Row]:
    known = ("id", "text", "conclusion", "about", "date", "quantity", "status", "supporting_origins", "contradicting_origins", "evidence")
    for key, c in enumerate(source.records("claims"), 1):
        quantity = c.get("quantity") or {}
        yield {
            "key": key,
            "id": c["id"],
            "text": c.get("text"),
            "conclusion": c.get("conclusion"),
            "status": c.get("status"),
            "date": date_text(c.get("date")),
            "measure": quantity.get("measure"),
            **_value_columns(quantity.get("value"), quantity.get("approximate")),
            "unit": quantity.get("unit"),
            "supporting_origins": json_text(as_list(c.get("supporting_origins"))),
            "contradicting_origins": json_text(as_list(c.get("contradicting_origins"))),
            **extra_fields(c, known),
        }


def evidence_rows(source: ExportInput) -> Iterator[Row]:
    known = ("article", "stance", "quote", "excerpt", "translation", "via", "note", "origin", "origin_entity", "passage")
    for claim in source.records("claims"):
        for number, item in enumerate(as_list(claim.get("evidence")), 1):
            spans = as_list(item.get("passage"))
            yield {
                "claim": claim["id"],
                "number": number,
                **{key: item.get(key) for key in known[:-1]},
                "paragraph": spans[0].get("paragraph") if spans else None,
                "text_start": spans[0].get("start") if spans else None,
                "text_end": spans[-1].get("end") if spans else None,
                "parts": json_text(spans) if len(spans) > 1 else None,
                **extra_fields(item, known),
            }


def _pairs(records: Iterable[Record], key: str, columns: tuple[str, str]) -> Iterator[Row]:
    """One row for each id in each record's list `key`: (record id, listed id)."""
    for record in records:
        for other in dict.fromkeys(as_list(record.get(key))):  # once each, in order
            yield {columns[0]: record["id"], columns[1]: other}


def discrepancy_rows(source: ExportInput) -> Iterator[Row]:
    known = ("measure", "name", "unit", "conflict", "values")
    for d in source.records("discrepancies"):
        yield {"measure": d["measure"], "name": d.get("name"), "unit": d.get("unit"), "conflict": _flag(d.get("conflict"))} | extra_fields(
            d, known
        )


def discrepancy_value_rows(source: ExportInput) -> Iterator[Row]:
    known = ("claim", "value", "approximate")
    for d in source.records("discrepancies"):
        for v in as_list(d.get("values")):
            yield {"measure": d["measure"], "claim": v.get("claim"), **_value_columns(v.get("value"), v.get("approximate"))} | extra_fields(
                v, known
            )


def table_rows(source: ExportInput) -> list[tuple[Table, Iterable[Row]]]:
    entities, claims = source.records("entities"), source.records("claims")
    return [
        (ARTICLES, article_rows(source)),
        (ENTITIES, entity_rows(source)),
        (MEASURES, measure_rows(source)),
        (CLAIMS, claim_rows(source)),
        (EVIDENCE, evidence_rows(source)),
        (MENTIONS, _pairs(entities, "mentioned_in", ("entity", "article"))),
        (CLAIM_ABOUT, _pairs(claims, "about", ("claim", "entity"))),
        (ENTITY_COUNTRIES, _pairs(entities, "countries", ("entity", "country"))),
        (EVENT_PARTICIPANTS, _pairs(entities, "participants", ("event", "participant"))),
        (DISCREPANCIES, discrepancy_rows(source)),
        (DISCREPANCY_VALUES, discrepancy_value_rows(source)),
    ]


def refer_by_key(table: Table, rows: Iterable[Row], keys: Keys) -> Iterator[Row]:
    """The rows with each reference to an article, entity or claim as its key."""
    numbered = [(k.column, k.table, keys[k.table]) for k in table.foreign_keys if referenced_column(k) == "key"]
    for row in rows:
        for column, other, ids in numbered:
            if row.get(column) is not None:
                if row[column] not in ids:  # the export is checked: this is a bug, not bad input
                    raise ValueError(f"dossier.db: {table.name}.{column} refers to {row[column]!r}, which is not in {other}")
                row[column] = ids[row[column]]
        yield row


def _sql_type(rows: list[Row], name: str) -> str:
    sample = next((row[name] for row in rows if row.get(name) is not None), "")
    return "INTEGER" if isinstance(sample, bool | int) else "FLOAT" if isinstance(sample, float) else "TEXT"


def _create_and_insert(db: Database, table: Table, rows: list[Row]) -> None:
    """Create the table and insert its rows with one prepared statement (sqlite-utils'
    insert_all inspects every value, which took most of the time at 10,000 articles). A field
    the export gained, and this module does not know, becomes a column rather than being
    dropped."""
    known = [c.name for c in table.columns]
    extra = [name for name in dict.fromkeys(key for row in rows for key in row) if name not in known]
    db.execute(create_sql(table, {name: _sql_type(rows, name) for name in extra}))
    columns = known + extra
    names = ", ".join(quote_identifier(name) for name in columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(
        f"INSERT INTO {quote_identifier(table.name)} ({names}) VALUES ({marks})", ([row.get(c) for c in columns] for row in rows)
    )


def build(source: ExportInput) -> sqlite3.Connection:
    """The database, in memory."""
    connection = sqlite3.connect(":memory:")
    connection.execute(f"PRAGMA page_size = {page_size(source)}")  # before any table
    db = Database(connection)
    keys = numbering(source)
    with connection:
        for table, rows in table_rows(source):
            _create_and_insert(db, table, list(refer_by_key(table, rows, keys)))
    for table in TABLES:
        if table.search:
            _enable_search(db, table)
    for view in VIEWS:
        db.execute(create_view_sql(view))
    return connection


def _enable_search(db: Database, table: Table) -> None:
    """The table's full-text search: FTS5 reading the text from the table itself (no copy),
    with positions (`detail=full`: Datasette's search quotes each word, and a word such as
    "U.S." or "Lukashenko's" is a phrase of two tokens, which needs them) but without each
    row's column sizes (`columnsize=0`: only ranking by bm25 uses them, and Datasette does
    not rank)."""
    columns = ", ".join(quote_identifier(c) for c in table.search)
    name = quote_identifier(f"{table.name}_fts")
    db.execute(
        f"CREATE VIRTUAL TABLE {name} USING FTS5 ({columns}, tokenize={db.quote(TOKENIZER)}, "
        f"content={quote_identifier(table.name)}, columnsize=0)"
    )
    db[table.name].populate_fts(table.search)  # type: ignore[union-attr]
    db[table.name].optimize()  # type: ignore[union-attr]


def write_sqlite(source: ExportInput, filename: str = "dossier.db") -> dict[str, bytes]:
    """The database file, and beside it Datasette's metadata for it (`<name>.metadata.json`).
    `datasette dossier.db` finds in the database itself the tables, views, links, search and
    (in the schema's comments) column descriptions; `-m dossier.metadata.json` adds titles,
    descriptions above the rows, claims' texts as their labels and default orders."""
    connection = build(source)
    try:
        db = Database(connection)
        columns = {t.name: [c.name for c in db[t.name].columns] for t in TABLES}
        connection.execute("VACUUM")
        database = connection.serialize()
    finally:
        connection.close()
    stem = PurePosixPath(filename).stem  # Datasette names a database after its file
    described = datasette_metadata(stem, source.title, columns)
    return {filename: database, metadata_name(filename): json.dumps(described, indent=2, ensure_ascii=False).encode()}


def metadata_name(filename: str) -> str:
    """dossier.db -> dossier.metadata.json (in the same folder)."""
    return str(PurePosixPath(filename).with_suffix(".metadata.json"))
