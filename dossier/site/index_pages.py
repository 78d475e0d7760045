"""Index pages: a sortable, filterable table per kind, of claims, of articles and of sources.

Long indexes are cut into pages of INDEX_ROWS rows (`claims.md`, then `claims/page/2.md`,
...), so that no page grows with the dossier; sorting and filtering apply to a page's rows.
"""

from __future__ import annotations

from ..model import Kind
from .data import STATUS_ORDER
from .html import esc, markdown_inline
from .links import ARTICLES_INDEX, CLAIMS_INDEX, KIND_TITLES, SOURCES_INDEX, article_page, entity_page, kind_index, listing_page
from .page import PageWriter, Paging, RenderedPage, paged_title, pager, table
from .parts import Parts, date_html, status_badge

INDEX_ROWS = 200  # rows per page of an index


def _date_key(value) -> str:  # type: ignore[no-untyped-def]
    return value.isoformat() if value is not None else ""  # a range: "start/end", ".." for an open end


def kind_paging(parts: Parts, kind: Kind) -> Paging:
    return Paging(len(parts.data.entities_by_name(kind)), INDEX_ROWS, INDEX_ROWS)


def claims_paging(parts: Parts) -> Paging:
    return Paging(len(parts.data.dossier.claims), INDEX_ROWS, INDEX_ROWS)


def articles_paging(parts: Parts) -> Paging:
    return Paging(len(parts.data.dossier.articles), INDEX_ROWS, INDEX_ROWS)


def sources_paging(parts: Parts) -> Paging:
    return Paging(len(parts.data.sources), INDEX_ROWS, INDEX_ROWS)


def _listing(parts: Parts, first_src: str, paging: Paging, number: int, headers: list[str], rows: list) -> str:
    """The table of one page of an index, with links to the other pages above and below it."""
    start, end = paging.bounds(number)
    nav = pager(number, paging.pages, lambda n: parts.href(listing_page(first_src, n)))
    of = f"{start + 1:,}–{end:,} of {paging.total:,}" if paging.pages > 1 else ""
    return nav + table(headers, rows, of=of) + nav


def render_kind_index(parts: Parts, kind: Kind, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = kind_paging(parts, kind)
    start, end = paging.bounds(number)
    page = PageWriter()
    headers = ["Name", "Also known as"]
    if kind is Kind.EVENT:
        headers = ["Date", "Name", "Participants"]
    headers += ["Countries"] if kind is not Kind.COUNTRY else []
    headers += ["Claims", "Articles mentioning"]
    rows = []
    for e in data.entities_by_name(kind)[start:end]:
        name = (
            f'<a href="{parts.href(entity_page(kind, e.id))}">{esc(e.name)}</a>'
            + (f'<br><span class="dossier-summary-small">{markdown_inline(e.summary)}</span>' if e.summary else "")
        )
        row = []
        if kind is Kind.EVENT:
            row += [(date_html(e.date), _date_key(e.date)), (name, e.name.casefold()), (parts.entity_links(e.participants), None)]
        else:
            row += [(name, e.name.casefold()), (esc(", ".join(e.aliases)), None)]
        if kind is not Kind.COUNTRY:
            row.append((parts.entity_links(e.countries), None))
        claims = len(data.claims_about.get(e.id, []))
        mentions = len(data.mentions_of.get(e.id, {}))
        row += [(str(claims), claims), (str(mentions), mentions)]
        rows.append(row)
    paged_title(page, KIND_TITLES[kind], number, paging,
             f"<p>{paging.total} {KIND_TITLES[kind].lower()}, by name. Click a column title to sort; type to filter.</p>")
    page.add(_listing(parts, kind_index(kind), paging, number, headers, rows))
    return page.done()


def render_claims_index(parts: Parts, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = claims_paging(parts)
    start, end = paging.bounds(number)
    ordered = data.claims_by_status()
    page = PageWriter()
    summary = []
    for status, (n, first) in data.status_counts().items():
        where = ""
        if n and paging.pages > 1:
            at = next(p for p in range(1, paging.pages + 1) if paging.bounds(p)[1] > first)
            where = f' <a href="{parts.href(listing_page(CLAIMS_INDEX, at))}">(from page {at})</a>'
        summary.append(f"{status_badge(status)} {n}{where}")
    rows = []
    for claim in ordered[start:end]:
        a = data.analysis.assessments[claim.id]
        rows.append(
            [
                (parts.claim_link(claim), claim.text.casefold()),
                (status_badge(a.status, compact=True), STATUS_ORDER.index(a.status)),
                (str(len(a.supporting_origins)), len(a.supporting_origins)),
                (str(len(a.contradicting_origins)), len(a.contradicting_origins)),
                (date_html(claim.date), _date_key(claim.date)),
                (parts.entity_links(claim.about), None),
            ]
        )
    paged_title(page, "Claims", number, paging, f"<p>{paging.total} claims, contested and disputed first.</p>")
    page.add("<p>" + " · ".join(summary) + "</p>")
    page.add(_listing(parts, CLAIMS_INDEX, paging, number, ["Claim", "Status", "Origins for", "Origins against", "Date", "About"], rows))
    return page.done()


def render_articles_index(parts: Parts, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = articles_paging(parts)
    start, end = paging.bounds(number)
    page = PageWriter()
    rows = []
    for a in data.articles_newest_first()[start:end]:
        cited = len(data.citations.get(a.id, []))
        rows.append(
            [
                (date_html(a.published) or "unknown", _date_key(a.published)),
                (f'<a href="{parts.href(article_page(a.id))}">{esc(a.title)}</a>', a.title.casefold()),
                (esc(a.outlet), a.outlet.casefold()),
                (esc(", ".join(a.authors)), None),
                (str(cited), cited),
            ]
        )
    paged_title(page, "Articles", number, paging, f"<p>{paging.total} source articles, newest first.</p>")
    page.add(_listing(parts, ARTICLES_INDEX, paging, number, ["Published", "Title", "Outlet", "Author", "Evidence items"], rows))
    return page.done()


def render_sources_index(parts: Parts, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = sources_paging(parts)
    start, end = paging.bounds(number)
    page = PageWriter()
    paged_title(
        page, "Sources", number, paging,
        "<p>Every origin the dossier counts: outlets that published the articles, and the sources "
        "they credit (“via”). A claim is corroborated by distinct origins, not by articles.</p>",
    )
    rows = []
    for source in data.sources_by_name()[start:end]:
        articles = ", ".join(f'<a href="{parts.href(article_page(a))}">{esc(data.dossier.articles[a].title)}</a>' for a in source.articles[:20])
        if len(source.articles) > 20:
            articles += f" and {len(source.articles) - 20} more"
        rows.append(
            [
                (esc(source.name), source.name.casefold()),
                (str(len(source.articles)) + (f": {articles}" if articles else ""), len(source.articles)),
                (str(source.evidence), source.evidence),
                (str(len(source.supports)), len(source.supports)),
                (str(len(source.contradicts)), len(source.contradicts)),
            ]
        )
    headers = ["Source", "Articles published", "Evidence items credited", "Claims supported", "Claims contradicted"]
    page.add(_listing(parts, SOURCES_INDEX, paging, number, headers, rows))
    return page.done()
