"""The Sources health page (contract v3): which captured sources changed or went since they
were captured, as `dossier recheck` last found them, and the quotes they no longer carry."""

from __future__ import annotations

from typing import NamedTuple

from ..page import Listing, Pager, RenderedPage
from ..rendering.links import claim_page
from ..rendering.parts import Link, Parts
from ..rendering.source_box import CAPTURED, PASTED, UNAVAILABLE, RecheckView, capture_view
from .index_pages import render_listing

SOURCE_HEALTH_TITLE = "Source health"
_ORDER = ("gone", "changed", "unreachable")


class LostView(NamedTuple):
    claim: Link
    quote: str


class HealthRow(NamedTuple):
    article: Link
    outlet: str
    url: str  # the original, when it is a web address
    recheck: RecheckView
    changed: list[str]  # passages of the capture no longer on the live page as captured
    lost: list[LostView]


class HealthCounts(NamedTuple):
    articles: int
    captured: int
    unavailable: int
    pasted: int
    rechecked: int
    unchanged: int


def render_source_health(parts: Parts) -> RenderedPage:
    data = parts.data
    rows, counts = [], {CAPTURED: 0, UNAVAILABLE: 0, PASTED: 0}
    unchanged = 0
    for article in data.dossier.articles.values():
        recheck = data.dossier.rechecks.get(article.id)
        view = capture_view(article, data.analysis.captures.get(article.id), recheck)
        counts[view.state] += 1
        if recheck is None or view.recheck is None:
            continue
        if recheck.state == "unchanged":
            unchanged += 1
            continue
        lost = [
            LostView(Link(parts.href(claim_page(q.claim)), q.claim) if q.claim in data.dossier.claims else Link("", q.claim), q.quote)
            for q in recheck.quotes_lost
        ]
        url = article.url if article.url and article.url.startswith(("http://", "https://")) else ""
        rows.append(HealthRow(parts.article_link(article.id), article.outlet, url, view.recheck, list(recheck.changed), lost))
    rows.sort(key=lambda row: (_ORDER.index(row.recheck.state) if row.recheck.state in _ORDER else len(_ORDER), row.article.label))
    summary = HealthCounts(
        len(data.dossier.articles), counts[CAPTURED], counts[UNAVAILABLE], counts[PASTED], len(data.dossier.rechecks), unchanged
    )
    intro = (
        "Sources whose live page changed or went since it was captured, as the last `dossier recheck` found them, "
        "with the quotes of the dossier that are no longer on the live page. The captured copy still holds them."
    )
    page = Listing(SOURCE_HEALTH_TITLE, intro, 1, 1, Pager([]), "")
    return render_listing(parts, "pages/source_health.html", page, rows=rows, counts=summary)
