"""Pages across the whole dossier: the home page's summary, the timeline, the discrepancies."""

from __future__ import annotations

from ..dates import sort_key
from ..model import Kind, Status, date_start
from .discrepancy import discrepancies_paging, discrepancy_table
from .html import esc
from .index_pages import INDEX_ROWS, claims_paging
from .links import ARTICLES_INDEX, CLAIMS_INDEX, DISCREPANCIES, KIND_TITLES, SOURCES_INDEX, TIMELINE, kind_index, listing_page
from .page import PageWriter, Paging, RenderedPage, paged_title, pager
from .parts import STATUS_ORDER, Parts, date_html, status_badge

TIMELINE_ITEMS = 250  # events and dated claims per page of the timeline
CLAIM_CARDS_SHOWN = 5  # contested (or disputed) claims shown in full on the discrepancies page


def timeline_paging(parts: Parts) -> Paging:
    return Paging(len(parts.data.timeline()), TIMELINE_ITEMS, TIMELINE_ITEMS)


def home_summary(parts: Parts) -> str:
    """Counts, the most contested claims and the latest events, appended to the home page."""
    data = parts.data
    d = data.dossier
    page = PageWriter()
    page.heading(2, "at-a-glance", "At a glance")
    kinds = [(k, sum(1 for e in d.entities.values() if e.kind is k)) for k in Kind]
    items = [f'<li><a href="{parts.href(ARTICLES_INDEX)}">{len(d.articles)} articles</a></li>']
    items += [f'<li><a href="{parts.href(kind_index(k))}">{n} {KIND_TITLES[k].lower()}</a></li>' for k, n in kinds]
    items.append(f'<li><a href="{parts.href(CLAIMS_INDEX)}">{len(d.claims)} claims</a>: ')
    statuses = [(s, sum(1 for a in data.analysis.assessments.values() if a.status is s)) for s in STATUS_ORDER]
    items[-1] += ", ".join(f"{n} {status_badge(s)}" for s, n in statuses) + "</li>"
    items.append(f'<li><a href="{parts.href(DISCREPANCIES)}">{len(data.analysis.discrepancies)} discrepancies</a> between reported numbers</li>')
    items.append(f'<li><a href="{parts.href(SOURCES_INDEX)}">{len(data.sources)} sources</a></li>')
    page.add(f'<ul class="dossier-glance">{"".join(items)}</ul>')

    disputed = [
        c for c in d.claims.values() if data.status(c.id) in (Status.CONTESTED, Status.DISPUTED)
    ]
    disputed.sort(key=lambda c: -len(data.analysis.assessments[c.id].contradicting_origins))
    page.heading(2, "most-contested", "Most contested claims")
    if disputed:
        rows = []
        for claim in disputed[:10]:
            a = data.analysis.assessments[claim.id]
            rows.append(
                f"<li>{status_badge(a.status)} {parts.claim_link(claim)} "
                f'<span class="dossier-count">{len(a.supporting_origins)} for, {len(a.contradicting_origins)} against</span></li>'
            )
        page.add(f'<ul class="dossier-list">{"".join(rows)}</ul>')
    else:
        page.add('<p class="dossier-empty">No claim is contested.</p>')

    events = sorted((e for e in d.entities.values() if e.kind is Kind.EVENT), key=lambda e: sort_key(e.date) if e.date else (), reverse=True)
    page.heading(2, "latest-events", "Latest events")
    if events:
        rows = [f"<li>{date_html(e.date)} — {parts.entity_link(e.id)}</li>" for e in events[:5]]
        page.add(f'<ul class="dossier-list">{"".join(rows)}</ul><p><a href="{parts.href(TIMELINE)}">The full timeline</a></p>')
    else:
        page.add('<p class="dossier-empty">No events yet.</p>')
    return page.done().html


def render_timeline(parts: Parts, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = timeline_paging(parts)
    start, end = paging.bounds(number)
    page = PageWriter()
    paged_title(page, "Timeline", number, paging, "<p>Every event and every dated claim, oldest first.</p>")
    nav = pager(number, paging.pages, lambda n: parts.href(listing_page(TIMELINE, n)))
    page.add(nav)
    year = None
    rows: list[str] = []
    for item in data.timeline()[start:end]:
        start_day = date_start(item.date)
        if start_day.year != year:
            if rows:
                page.add(f'<ol class="dossier-timeline">{"".join(rows)}</ol>')
                rows = []
            year = start_day.year
            page.heading(2, f"y{year}", str(year))
        if item.entity is not None:
            what = f'<span class="dossier-badge dossier-kind-event">Event</span> {parts.entity_link(item.entity.id)}'
        else:
            what = f"{status_badge(data.status(item.claim.id))} {parts.claim_link(item.claim)}"
        rows.append(f"<li>{date_html(item.date)} — {what}</li>")
    if rows:
        page.add(f'<ol class="dossier-timeline">{"".join(rows)}</ol>')
    if year is None:
        page.add('<p class="dossier-empty">Nothing is dated yet.</p>')
    page.add(nav)
    return page.done()


def render_discrepancies(parts: Parts, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = discrepancies_paging(parts)
    start, end = paging.bounds(number)
    page = PageWriter()
    paged_title(
        page, "Discrepancies", number, paging,
        "<p>Where sources disagree: numbers reported differently for the same measure, side by side, "
        "and every claim that sources contradict.</p>",
    )
    nav = pager(number, paging.pages, lambda n: parts.href(listing_page(DISCREPANCIES, n), "numbers"))
    page.heading(2, "numbers", f"Numbers ({len(data.analysis.discrepancies)})")
    if not data.analysis.discrepancies:
        page.add('<p class="dossier-empty">All reported numbers agree.</p>')
    page.add(nav)
    for index in range(start, end):
        discrepancy = data.analysis.discrepancies[index]
        page.heading(3, f"measure-{index + 1}", f"<code>{esc(discrepancy.measure)}</code>", in_toc=False)
        page.add(discrepancy_table(parts, discrepancy))
    page.add(nav)
    if number > 1:
        return page.done()
    counts = data.status_counts()
    for status, title in ((Status.CONTESTED, "Contested claims"), (Status.DISPUTED, "Disputed claims")):
        group = data.claims_with_status(status)
        page.heading(2, status.value, f"{title} ({len(group)})")
        if not group:
            page.add('<p class="dossier-empty">None.</p>')
        if len(group) > CLAIM_CARDS_SHOWN:
            first = counts[status][1]
            at = next(p for p in range(1, claims_paging(parts).pages + 1) if claims_paging(parts).bounds(p)[1] > first)
            page.add(
                f'<p class="dossier-hint">The {CLAIM_CARDS_SHOWN} with the most origins of {len(group)}; all of them are '
                f'listed in the <a href="{parts.href(listing_page(CLAIMS_INDEX, at))}">claims index</a> '
                f"(from page {at}, {INDEX_ROWS} claims a page).</p>"
            )
            shown = group[:CLAIM_CARDS_SHOWN]
        else:  # all of them, in the order they are written
            shown = [c for c in data.claims_by_status() if data.status(c.id) is status]
        page.add("".join(parts.claim_card(claim) for claim in shown))
    return page.done()
