"""Pages across the whole dossier: the home page's summary and the discrepancies (the timeline: timeline_page.py)."""

from __future__ import annotations

from typing import Any, NamedTuple

from ...dates import sort_key
from ...kinds import KINDS, Kind
from ...model import Status
from ..page import RenderedPage, Toc, TocEntry
from ..rendering.links import ARTICLES_INDEX, CLAIMS_INDEX, DISCREPANCIES, SOURCES_INDEX, TIMELINE, kind_index, listing_page
from ..rendering.parts import STATUS_ORDER, ClaimCard, Link, Parts
from .discrepancy import discrepancies_paging, discrepancy_view
from .home_articles import home_articles
from .index_pages import INDEX_ROWS, claims_paging, listing, render_listing

CLAIM_CARDS_SHOWN = 5  # contested (or disputed) claims shown in full on the discrepancies page
CONTESTED_SHOWN = 10  # on the home page
EVENTS_SHOWN = 5  # on the home page


class IndexHint(NamedTuple):
    href: str
    page: int
    rows: int


class ClaimGroup(NamedTuple):
    heading: TocEntry
    total: int
    hint: IndexHint | None
    cards: list[ClaimCard]


def _counts(parts: Parts) -> dict[str, Any]:
    data = parts.data
    d = data.dossier
    kinds = [(spec, sum(1 for e in d.entities.values() if e.kind is spec.kind)) for spec in KINDS]
    return {
        "articles": Link(parts.href(ARTICLES_INDEX), str(len(d.articles))),
        "kinds": [Link(parts.href(kind_index(spec.kind)), f"{n} {spec.title.lower()}") for spec, n in kinds],
        "claims": Link(parts.href(CLAIMS_INDEX), str(len(d.claims))),
        "statuses": [(s, sum(1 for a in data.analysis.assessments.values() if a.status is s)) for s in STATUS_ORDER],
        "discrepancies": Link(parts.href(DISCREPANCIES), str(len(data.analysis.discrepancies))),
        "sources": Link(parts.href(SOURCES_INDEX), str(len(data.sources))),
    }


def home_summary(parts: Parts) -> dict[str, Any]:
    """What home_summary.html receives: counts, the most contested claims, the latest events, the articles."""
    data = parts.data
    d = data.dossier
    disputed = [c for c in d.claims.values() if data.status(c.id) in (Status.CONTESTED, Status.DISPUTED)]
    disputed.sort(key=lambda c: -len(data.analysis.assessments[c.id].contradicting_origins))
    contested = []
    for claim in disputed[:CONTESTED_SHOWN]:
        a = data.analysis.assessments[claim.id]
        contested.append(
            {
                "status": a.status,
                "claim": parts.claim_link(claim),
                "origins_for": len(a.supporting_origins),
                "origins_against": len(a.contradicting_origins),
            }
        )
    events = sorted((e for e in d.entities.values() if e.kind is Kind.EVENT and e.date), key=lambda e: sort_key(e.date), reverse=True)  # type: ignore[arg-type]
    return {
        "counts": _counts(parts),
        "contested": contested,
        "events": [{"date": e.date, "link": parts.entity_link(e.id)} for e in events[:EVENTS_SHOWN]],
        "timeline_href": parts.href(TIMELINE),
        "articles": home_articles(parts),
    }


def _claim_groups(parts: Parts, toc: Toc) -> list[ClaimGroup]:
    """Contested and disputed claims: a few in full, and where the claims index lists them all."""
    data = parts.data
    counts = data.status_counts()
    groups = []
    for status, title in ((Status.CONTESTED, "Contested claims"), (Status.DISPUTED, "Disputed claims")):
        group = data.claims_with_status(status)
        heading = toc.add(2, status.value, f"{title} ({len(group)})")
        hint = None
        if len(group) > CLAIM_CARDS_SHOWN:
            first = counts[status][1]
            index_paging = claims_paging(parts)
            at = next(p for p in range(1, index_paging.pages + 1) if index_paging.bounds(p)[1] > first)
            hint = IndexHint(parts.href(listing_page(CLAIMS_INDEX, at)), at, INDEX_ROWS)
            shown = group[:CLAIM_CARDS_SHOWN]
        else:  # all of them, in the order they are written
            shown = [c for c in data.claims_by_status() if data.status(c.id) is status]
        groups.append(ClaimGroup(heading, len(group), hint, [parts.claim_card(claim) for claim in shown]))
    return groups


def render_discrepancies(parts: Parts, number: int = 1) -> RenderedPage:
    data = parts.data
    paging = discrepancies_paging(parts)
    start, end = paging.bounds(number)
    toc = Toc()
    numbers = toc.add(2, "numbers", f"Numbers ({len(data.analysis.discrepancies)})")
    measures = [(index + 1, discrepancy_view(parts, data.analysis.discrepancies[index])) for index in range(start, end)]
    intro = (
        "Where sources disagree: numbers reported differently for the same measure, side by side, and every claim that sources contradict."
    )
    page = listing(parts, DISCREPANCIES, "Discrepancies", intro, paging, number, anchor="numbers")
    claims = _claim_groups(parts, toc) if number == 1 else []
    rendered = render_listing(
        parts, "pages/discrepancies.html", page, numbers=numbers, measures=measures, total=len(data.analysis.discrepancies), claims=claims
    )
    return RenderedPage(rendered.html, tuple(toc.entries), rendered.search)
