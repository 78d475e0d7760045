"""Views of dossier.db: the link tables with ids and names instead of keys.

The tables refer to articles, entities and claims by number (sqlite_tables.py says why);
these views join them back, so that a query, or Datasette opened without the metadata file,
reads ids and words. A view takes no space: SQLite stores only its SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils.db import quote_identifier


@dataclass(frozen=True)
class View:
    name: str
    title: str
    description: str
    select: str


CLAIM_EVIDENCE = View(
    "claim_evidence",
    "Evidence, with its claim and article",
    "Each evidence item with the id and text of its claim and the id and title of its article.",
    """SELECT claims.id AS claim, claims.text AS claim_text, claims.status AS claim_status,
       evidence.number, evidence.stance, evidence.excerpt, evidence.quote, evidence.origin,
       articles.id AS article, articles.title AS article_title, articles.outlet, articles.published
FROM evidence
JOIN claims ON claims.key = evidence.claim
JOIN articles ON articles.key = evidence.article""",
)

ENTITY_MENTIONS = View(
    "entity_mentions",
    "Mentions, with names and titles",
    "Which articles name which entity: the entity's id and name, the article's id, title and date.",
    """SELECT entities.id AS entity, entities.name AS entity_name, entities.kind AS entity_kind,
       articles.id AS article, articles.title AS article_title, articles.published
FROM mentions
JOIN entities ON entities.key = mentions.entity
JOIN articles ON articles.key = mentions.article""",
)

CLAIM_ENTITIES = View(
    "claim_entities",
    "What claims are about, with names",
    "One row for each entity a claim is about: the claim's id and text, the entity's id and name.",
    """SELECT claims.id AS claim, claims.text AS claim_text, claims.status AS claim_status,
       entities.id AS entity, entities.name AS entity_name, entities.kind AS entity_kind
FROM claim_about
JOIN claims ON claims.key = claim_about.claim
JOIN entities ON entities.key = claim_about.entity""",
)

VIEWS = (CLAIM_EVIDENCE, ENTITY_MENTIONS, CLAIM_ENTITIES)


def create_view_sql(view: View) -> str:
    """CREATE VIEW with its description as an SQL comment, which Datasette shows below its rows."""
    return f"CREATE VIEW {quote_identifier(view.name)} AS -- {view.description}\n{view.select}"
