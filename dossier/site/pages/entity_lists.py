"""The long lists of an entity, on pages of their own: every claim about it, every article mentioning it."""

from __future__ import annotations

from typing import NamedTuple

from ...model import DateValue, Entity
from ..page import Pager, Paging, RenderedPage, pager
from ..rendering.links import article_page, entity_page, listing_page
from ..rendering.parts import ClaimRow, Link, Parts, date_key

CLAIM_ROWS = 50  # rows of the table of claims per page
MENTION_ARTICLES_SHOWN = 50  # articles shown with the sentence that mentions the entity
MENTION_ROWS = 250  # rows per page of the further articles


class ClaimTable(NamedTuple):
    pager: Pager
    rows: list[ClaimRow]
    of: str


class MentionRow(NamedTuple):
    published: DateValue | None
    published_key: str
    article: Link
    title_key: str
    outlet: str
    outlet_key: str
    mentions: int


def claim_paging(parts: Parts, entity: Entity) -> Paging:
    return Paging(len(parts.data.claims_about.get(entity.id, [])), CLAIM_ROWS, CLAIM_ROWS)


def mention_paging(parts: Parts, entity: Entity) -> Paging:
    return Paging(len(parts.data.mentions_of.get(entity.id, {})), MENTION_ARTICLES_SHOWN, MENTION_ROWS)


def claim_table(parts: Parts, entity: Entity, number: int) -> ClaimTable:
    """Page `number` of the table of every claim about the entity, most notable first."""
    ranked = parts.data.claims_ranked(entity.id)
    paging = claim_paging(parts, entity)
    start, end = paging.bounds(number)
    home = entity_page(entity.kind, entity.id)
    nav = pager(number, paging.pages, lambda n: parts.href(listing_page(home, n, "claims"), "all-claims" if n == 1 else ""))
    of = f"{start + 1}–{end} of {paging.total}" if paging.pages > 1 else ""
    return ClaimTable(nav, [parts.claim_row(claim, about=False) for claim in ranked[start:end]], of)


def render_entity_claims(parts: Parts, entity: Entity, number: int) -> RenderedPage:
    """A later page of the table of claims about an entity."""
    html = parts.render(
        "pages/entity_claims.html",
        entity=entity,
        home=parts.href(entity_page(entity.kind, entity.id)),
        table=claim_table(parts, entity, number),
    )
    return RenderedPage(html, (), "")


def render_entity_mentions(parts: Parts, entity: Entity, number: int) -> RenderedPage:
    """A later page of the articles that mention an entity, newest first."""
    data = parts.data
    paging = mention_paging(parts, entity)
    start, end = paging.bounds(number)
    rows = []
    for article_id, found in data.mentions_newest_first(entity.id)[start:end]:
        article = data.dossier.articles[article_id]
        link = Link(parts.href(article_page(article_id), f"p-{found[0].paragraph + 1}"), article.title)
        rows.append(
            MentionRow(
                article.published,
                date_key(article.published),
                link,
                article.title.casefold(),
                article.outlet,
                article.outlet.casefold(),
                len(found),
            )
        )
    home = entity_page(entity.kind, entity.id)
    html = parts.render(
        "pages/entity_mentions.html",
        entity=entity,
        home=parts.href(home),
        total=paging.total,
        shown_on_page=MENTION_ARTICLES_SHOWN,
        pager=pager(number, paging.pages, lambda n: parts.href(listing_page(home, n, "mentions"), "mentions" if n == 1 else "")),
        rows=rows,
        of=f"{start + 1}–{end} of {paging.total}",
    )
    return RenderedPage(html, (), "")
