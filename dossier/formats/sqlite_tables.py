"""The tables of dossier.db: columns, keys, full-text search, and what Datasette shows of them.

One description per table and per column serves both the database's schema (as SQL comments,
which Datasette shows below a table's rows) and Datasette's metadata (titles, descriptions,
column labels), so the two cannot drift apart.

Articles, entities and claims are numbered (`key`, an INTEGER PRIMARY KEY) and the tables
that refer to them hold that number rather than the text id: `mentions` and the evidence
repeat them hundreds of thousands of times, and a number takes 1 to 3 bytes where an id takes
20 to 30 (at 10,000 articles, 12 MB less, nearly a third of the article text; benchmarks/README.md,
"Data exports"). Datasette shows a reference to an article or an entity as its title or
name, linked to its row; to a claim, as its text when given the metadata file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils.db import quote_identifier

from .sqlite_views import VIEWS

JSON_LIST = "a JSON array"
SQL_TYPES = {str: "TEXT", int: "INTEGER", float: "FLOAT"}


@dataclass(frozen=True)
class Column:
    name: str
    type: type  # str, int or float: sqlite-utils makes it TEXT, INTEGER or FLOAT
    description: str


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str  # it refers to that table's primary key


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    pk: str | tuple[str, ...]
    unique: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    search: tuple[str, ...] = ()  # columns of its full-text search table (FTS5)
    label_column: str | None = None  # what Datasette shows for a row another table links to
    sort: str | None = None


def _key(what: str) -> Column:
    return Column(
        "key",
        int,
        f"A number for {what} in this database, which other tables use to refer to it (it may change "
        "from one build to the next; `id` does not)",
    )


def _date(name: str, what: str) -> Column:
    return Column(name, str, f"{what}, as written (YYYY-MM-DD, YYYY-MM or YYYY); a range as start/end, `..` for an open end")


_VALUE_COLUMNS = (
    Column("value", str, "The value as the claim gives it: a number, or a range"),
    Column("value_min", float, "The lowest value it allows (the number itself when it is one number; empty: no lower end)"),
    Column("value_max", float, "The highest value it allows (empty: no upper end)"),
    Column("approximate", int, "1 when the source gives the number loosely (“about 50”)"),
)

ARTICLES = Table(
    "articles",
    "Articles",
    "The source articles, one row each, with their full text as stored in the dossier.",
    (
        _key("the article"),
        Column("id", str, "The article's id (its file name without .md)"),
        Column("title", str, "The headline"),
        Column("outlet", str, "Who published it"),
        Column("authors", str, f"Its authors, {JSON_LIST}"),
        _date("published", "Publication date"),
        Column("url", str, "The original address"),
        Column("archived", str, "A saved copy of the original"),
        Column("language", str, "Language code"),
        Column("text", str, "The article's text, verbatim (Markdown); evidence positions index it"),
    ),
    pk="key",
    # Ids are unique (the check sees to it); only this one is indexed, since looking an article
    # up by id would otherwise read every article's text (12 ms at 10,000 articles), while
    # entities and claims are read through in a few milliseconds, and an index of their ids
    # would take 2% of the database.
    unique=("id",),
    # Text first: FTS5 marks every other column a word appears in, per article, so the long
    # column first saves a tenth of the index.
    search=("text", "title"),
    label_column="title",
    sort="published",
)

ENTITIES = Table(
    "entities",
    "Entities",
    "People, countries, organizations and events of the dossier.",
    (
        _key("the entity"),
        Column("id", str, "The entity's id"),
        Column("kind", str, "person, country, organization or event"),
        Column("name", str, "Display name"),
        Column("aliases", str, f"Other spellings of its name, {JSON_LIST}"),
        Column("summary", str, "One line about it"),
        Column("wikidata", str, "Its Wikidata Q-number"),
        _date("date", "Events: when it happened"),
    ),
    pk="key",
    label_column="name",
)

MEASURES = Table(
    "measures",
    "Measures",
    "Things counted that several claims may give a number for.",
    (
        Column("id", str, "The measure's id"),
        Column("name", str, "What readers see"),
        Column("unit", str, "Unit of its values"),
        Column("tolerance", float, "How far an approximate value may stray, as a fraction of it"),
        Column("summary", str, "One line about it"),
    ),
    pk="id",
    label_column="name",
)

CLAIMS = Table(
    "claims",
    "Claims",
    "Statements of the dossier, each with its derived status and origins.",
    (
        _key("the claim"),
        Column("id", str, "The claim's id"),
        Column("text", str, "The statement"),
        Column("conclusion", str, "What the evidence adds up to, in one plain sentence (or null)"),
        Column("status", str, "corroborated, single-source, contested or disputed (derived from the evidence)"),
        _date("date", "When the claimed fact happened"),
        Column("measure", str, "The measure its number is for"),
        *_VALUE_COLUMNS,
        Column("unit", str, "Unit of the number"),
        Column("supporting_origins", str, f"Distinct origins of the evidence for it, {JSON_LIST}"),
        Column("contradicting_origins", str, f"Distinct origins of the evidence against it, {JSON_LIST}"),
    ),
    pk="key",
    foreign_keys=(ForeignKey("measure", "measures"),),
    search=("text",),
    label_column="text",
    sort="id",
)

EVIDENCE = Table(
    "evidence",
    "Evidence",
    "Each passage of an article cited for or against a claim, with where it sits in the article's text.",
    (
        Column("claim", int, "The claim (its key in claims)"),
        Column("number", int, "Its place in the claim's evidence, from 1"),
        Column("article", int, "The article quoted (its key in articles)"),
        Column("stance", str, "supports or contradicts"),
        Column("quote", str, "The quote as the analyst wrote it"),
        Column("excerpt", str, "The article's own words at the quote's place (what the site shows), parts joined by ' … '"),
        Column("translation", str, "The analyst's English rendering of a quote in another language"),
        Column("via", str, "The source the article credits for the fact"),
        Column("note", str, "The analyst's remark"),
        Column("origin", str, "Its origin: `via` if given, else the article's outlet (an entity's name when it is one)"),
        Column("origin_entity", int, "The entity the origin is, if it is one (its key in entities)"),
        Column("paragraph", int, "The paragraph the quote starts in, from 1"),
        Column("text_start", int, "Where the quote starts in articles.text (characters from 0)"),
        Column("text_end", int, "Where it ends (excluded): substr(text, text_start + 1, text_end - text_start) is the passage"),
        Column("parts", str, f"An elided quote's parts (empty when it is one passage): {JSON_LIST} of {{paragraph, start, end}}"),
    ),
    pk=("claim", "number"),
    foreign_keys=(ForeignKey("claim", "claims"), ForeignKey("article", "articles"), ForeignKey("origin_entity", "entities")),
    label_column="excerpt",
)

MENTIONS = Table(
    "mentions",
    "Mentions",
    "Which articles name which entity (by its name or an alias).",
    (
        Column("entity", int, "The entity named (its key in entities)"),
        Column("article", int, "The article naming it (its key in articles)"),
    ),
    pk=("entity", "article"),
    foreign_keys=(ForeignKey("entity", "entities"), ForeignKey("article", "articles")),
)

CLAIM_ABOUT = Table(
    "claim_about",
    "What claims are about",
    "One row for each entity a claim is about.",
    (Column("claim", int, "The claim (its key in claims)"), Column("entity", int, "An entity it is about (its key in entities)")),
    pk=("claim", "entity"),
    foreign_keys=(ForeignKey("claim", "claims"), ForeignKey("entity", "entities")),
)

ENTITY_COUNTRIES = Table(
    "entity_countries",
    "Countries of entities",
    "One row for each country of a person, organization or event.",
    (Column("entity", int, "The entity (its key in entities)"), Column("country", int, "One of its countries (its key in entities)")),
    pk=("entity", "country"),
    foreign_keys=(ForeignKey("entity", "entities"), ForeignKey("country", "entities")),
)

EVENT_PARTICIPANTS = Table(
    "event_participants",
    "Participants of events",
    "One row for each person or organization taking part in an event.",
    (
        Column("event", int, "The event (its key in entities)"),
        Column("participant", int, "A person or organization taking part (its key in entities)"),
    ),
    pk=("event", "participant"),
    foreign_keys=(ForeignKey("event", "entities"), ForeignKey("participant", "entities")),
)

DISCREPANCIES = Table(
    "discrepancies",
    "Discrepancies",
    "Measures for which claims give different values.",
    (
        Column("measure", str, "The measure"),
        Column("name", str, "Its name"),
        Column("unit", str, "Its unit"),
        Column("conflict", int, "1 when two values cannot both be right (their intervals do not overlap)"),
    ),
    pk="measure",
    label_column="name",
)

DISCREPANCY_VALUES = Table(
    "discrepancy_values",
    "Values of discrepancies",
    "Each claim's value of a measure with a discrepancy.",
    (
        Column("measure", str, "The measure"),
        Column("claim", int, "The claim giving the value (its key in claims)"),
        *_VALUE_COLUMNS,
    ),
    pk=("measure", "claim"),
    foreign_keys=(ForeignKey("measure", "discrepancies"), ForeignKey("claim", "claims")),
)

# In creation order: a table comes after the tables it refers to.
TABLES = (
    ARTICLES,
    ENTITIES,
    MEASURES,
    CLAIMS,
    EVIDENCE,
    MENTIONS,
    CLAIM_ABOUT,
    ENTITY_COUNTRIES,
    EVENT_PARTICIPANTS,
    DISCREPANCIES,
    DISCREPANCY_VALUES,
)

BY_NAME = {table.name: table for table in TABLES}
CARRIED = "Carried as the export gives it"


def referenced_column(key: ForeignKey) -> str:
    pk = BY_NAME[key.table].pk
    assert isinstance(pk, str), f"{key.table} is keyed by one column"
    return pk


def create_sql(table: Table, extra: dict[str, str]) -> str:
    """CREATE TABLE for `table` and the `extra` columns (name: SQL type) of fields the export
    gained, with each description as an SQL comment: Datasette shows a table's schema below
    its rows, so the descriptions are there even when it is opened without the metadata file.
    (No column is added later: ALTER TABLE would put a column before the last one's comment.)"""
    references = {key.column: key for key in table.foreign_keys}
    lines: list[tuple[str, str]] = []
    described = [(c.name, SQL_TYPES[c.type], c.description) for c in table.columns]
    for name, sql_type, description in described + [(name, sql_type, CARRIED) for name, sql_type in extra.items()]:
        definition = f"{quote_identifier(name)} {sql_type}"
        if name == table.pk:
            definition += " PRIMARY KEY"
        if name == "id" and table.pk == "key":
            definition += " NOT NULL"
        if name in table.unique:
            definition += " UNIQUE"
        if name in references:
            key = references[name]
            definition += f" REFERENCES {quote_identifier(key.table)}({quote_identifier(referenced_column(key))})"
        lines.append((definition, description))
    if isinstance(table.pk, tuple):
        lines.append((f"PRIMARY KEY ({', '.join(quote_identifier(c) for c in table.pk)})", ""))
    body = "\n".join(
        f"  {definition}{',' if number < len(lines) else ''}" + (f" -- {description}" if description else "")
        for number, (definition, description) in enumerate(lines, 1)
    )
    # A table keyed by anything but a number is stored once, in its key's order, rather than
    # as rows plus an index of the same key.
    rowid = " WITHOUT ROWID" if table.pk != "key" else ""
    return f"CREATE TABLE {quote_identifier(table.name)} ( -- {table.description}\n{body}\n){rowid}"


def datasette_metadata(database: str, title: str, columns: dict[str, list[str]]) -> dict[str, Any]:
    """Datasette's metadata for the database named `database` (the file name without .db).

    `columns` lists each table's columns as built, so a column carried from a field the export
    gained is labelled too.
    """
    tables: dict[str, Any] = {}
    for table in TABLES:
        described = {c.name: c.description for c in table.columns}
        entry: dict[str, Any] = {
            "title": table.title,
            "description": table.description,
            "columns": {name: described.get(name, CARRIED) for name in columns.get(table.name, described)},
        }
        if table.label_column:
            entry["label_column"] = table.label_column
        if table.sort:
            entry["sort"] = table.sort
        tables[table.name] = entry
    for view in VIEWS:
        tables[view.name] = {"title": view.title, "description": view.description}
    return {
        "title": title,
        "description": "The dossier's data: articles, entities, claims and the evidence for and against them.",
        "databases": {database: {"title": title, "tables": tables}},
    }
