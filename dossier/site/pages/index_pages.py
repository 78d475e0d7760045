"""Index pages: a sortable, filterable table per kind, of claims, of articles and of sources.

Long indexes are cut into pages of INDEX_ROWS rows (`claims.md`, then `claims/page/2.md`,
...), so that no page grows with the dossier; sorting and filtering apply to a page's rows.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from markupsafe import Markup

from ...kinds import Kind, spec
from ...model import DateValue, Status
from ..page import Listing, Paging, RenderedPage, pager
from ..rendering.html import markdown_inline
from ..rendering.links import ARTICLES_INDEX, CLAIMS_INDEX, SOURCES_INDEX, article_page, entity_page, kind_index, listing_page
from ..rendering.parts import Link, Parts, date_key
from ..rendering.source_box import SOURCE_HEALTH

INDEX_ROWS = 200  # rows per page of an index
# Claims take the most room (statement, status, origins, date, what they are about): on a phone,
# where each row is a card, 40 keep a page under 9,000 px (tests/browser/test_browser_changes.py).
CLAIMS_INDEX_ROWS = 40
SOURCE_ARTICLES_SHOWN = 20  # articles listed by name in a row of the sources index


class EntityRow(NamedTuple):
    link: Link
    name_key: str
    summary: Markup | None
    aliases: tuple[str, ...]
    date: DateValue | None
    date_key: str
    participants: list[Link]
    countries: list[Link]
    claims: int
    mentions: int


class StatusCount(NamedTuple):
    status: Status
    claims: int
    from_page: int  # 0 when the index has one page
    from_href: str


class ArticleRow(NamedTuple):
    published: DateValue | None
    published_key: str
    link: Link
    title_key: str
    outlet: str
    outlet_key: str
    authors: tuple[str, ...]
    cited: int


class SourceRow(NamedTuple):
    name: str
    href: str  # its entity's page when the origin resolved to one, else ""
    name_key: str
    articles: int
    shown: list[Link]
    more: int
    evidence: int
    evidence_for: int
    evidence_against: int
    supports: int
    contradicts: int


def kind_paging(parts: Parts, kind: Kind) -> Paging:
    return Paging(len(parts.data.entities_listed(kind)), INDEX_ROWS, INDEX_ROWS)


def claims_paging(parts: Parts) -> Paging:
    return Paging(len(parts.data.dossier.claims), CLAIMS_INDEX_ROWS, CLAIMS_INDEX_ROWS)


def articles_paging(parts: Parts) -> Paging:
    return Paging(len(parts.data.dossier.articles), INDEX_ROWS, INDEX_ROWS)


def sources_paging(parts: Parts) -> Paging:
    return Paging(len(parts.data.sources), INDEX_ROWS, INDEX_ROWS)


def listing(parts: Parts, first_src: str, title: str, intro: str, paging: Paging, number: int, *, anchor: str = "") -> Listing:
    """Page `number` of a long list: its title, and links to the other pages."""
    start, end = paging.bounds(number)
    nav = pager(number, paging.pages, lambda n: parts.href(listing_page(first_src, n), anchor))
    of = f"{start + 1:,}–{end:,} of {paging.total:,}" if paging.pages > 1 else ""
    return Listing(title, intro, number, paging.pages, nav, of)


def render_listing(parts: Parts, template: str, page: Listing, **data: Any) -> RenderedPage:
    """A listing page; only its first page is searchable (by its title and introduction)."""
    html = parts.render(template, listing=page, **data)
    return RenderedPage(html, (), parts.render("search.html", title=page.title, text=page.intro) if page.number == 1 else "")


def render_kind_index(parts: Parts, kind: Kind, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = kind_paging(parts, kind)
    start, end = paging.bounds(number)
    rows = [
        EntityRow(
            Link(parts.href(entity_page(kind, e.id)), e.name),
            e.name.casefold(),
            markdown_inline(e.summary) if e.summary else None,
            e.aliases,
            e.date,
            date_key(e.date),
            parts.entity_links(e.participants),
            parts.entity_links(e.countries),
            len(data.claims_about.get(e.id, [])),
            len(data.covered_by.get(e.id, {})) if kind is Kind.EVENT else len(data.mentions_of.get(e.id, {})),
        )
        for e in data.entities_listed(kind)[start:end]
    ]
    title = spec(kind).title
    order = "by date, earliest first" if kind is Kind.EVENT else "by name"
    intro = f"{paging.total} {title.lower()}, {order}. Click a column title to sort; type to filter."
    page = listing(parts, kind_index(kind), title, intro, paging, number)
    return render_listing(parts, "pages/kind_index.html", page, rows=rows, dated=kind is Kind.EVENT, countries=kind is not Kind.COUNTRY)


def render_claims_index(parts: Parts, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = claims_paging(parts)
    start, end = paging.bounds(number)
    statuses = []
    for status, (n, first) in data.status_counts().items():
        at = next(p for p in range(1, paging.pages + 1) if paging.bounds(p)[1] > first) if n and paging.pages > 1 else 0
        statuses.append(StatusCount(status, n, at, parts.href(listing_page(CLAIMS_INDEX, at)) if at else ""))
    rows = [parts.claim_row(claim, about=True) for claim in data.claims_by_status()[start:end]]
    page = listing(parts, CLAIMS_INDEX, "Claims", f"{paging.total} claims, contested and disputed first.", paging, number)
    return render_listing(parts, "pages/claims_index.html", page, statuses=statuses, rows=rows)


def render_articles_index(parts: Parts, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = articles_paging(parts)
    start, end = paging.bounds(number)
    rows = [
        ArticleRow(
            a.published,
            date_key(a.published),
            Link(parts.href(article_page(a.id)), a.title),
            a.title.casefold(),
            a.outlet,
            a.outlet.casefold(),
            a.authors,
            len(data.citations.get(a.id, [])),
        )
        for a in data.articles_newest_first()[start:end]
    ]
    page = listing(parts, ARTICLES_INDEX, "Articles", f"{paging.total} source articles, newest first.", paging, number)
    return render_listing(parts, "pages/articles_index.html", page, rows=rows)


def render_sources_index(parts: Parts, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = sources_paging(parts)
    start, end = paging.bounds(number)
    rows = [
        SourceRow(
            source.name,
            parts.entity_link(source.entity_id).href if source.entity_id else "",
            source.name.casefold(),
            len(source.articles),
            [parts.article_link(a) for a in source.articles[:SOURCE_ARTICLES_SHOWN]],
            max(0, len(source.articles) - SOURCE_ARTICLES_SHOWN),
            source.evidence,
            source.evidence_for,
            source.evidence_against,
            len(source.supports),
            len(source.contradicts),
        )
        for source in data.sources_by_name()[start:end]
    ]
    intro = (
        "Every origin the dossier counts: outlets that published the articles, and the sources "
        "they credit (“via”). A claim is corroborated by distinct origins, not by articles. "
        "Spellings of one origin count once; an origin that is an entity of the dossier links to its page."
    )
    page = listing(parts, SOURCES_INDEX, "Sources", intro, paging, number)
    return render_listing(parts, "pages/sources_index.html", page, rows=rows, health=parts.href(SOURCE_HEALTH))
