"""The site of a dossier: which pages exist, and the HTML of each, rendered on demand.

Pages are rendered one at a time when the build asks for them, so memory does not grow
with the number of pages; everything shared is computed once in `SiteData`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Analysis, Dossier, Kind
from . import links
from .article_page import render_article
from .claim_page import render_claim
from .data import SiteData
from .entity_page import claim_paging, mention_paging, render_entity, render_entity_claims, render_entity_mentions
from .index_pages import (
    articles_paging,
    claims_paging,
    kind_paging,
    render_articles_index,
    render_claims_index,
    render_kind_index,
    render_sources_index,
    sources_paging,
)
from .links import Linker, listing_page
from .discrepancy import discrepancies_paging
from .overview_pages import home_summary, render_discrepancies, render_timeline, timeline_paging
from .page import Paging, RenderedPage
from .parts import Parts

ASSETS = ("assets/dossier/dossier.css", "assets/dossier/dossier.js")


@dataclass(frozen=True)
class PlannedPage:
    src_uri: str
    title: str  # plain text; escape before use
    in_nav: bool
    search_boost: float | None = None


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Site:
    def __init__(self, dossier: Dossier, analysis: Analysis, *, directory_urls: bool = True) -> None:
        self.data = SiteData(dossier, analysis)
        self.linker = Linker(directory_urls)
        self.pages: dict[str, PlannedPage] = {}
        self._render: dict[str, Callable[[Parts], RenderedPage]] = {}
        self._plan()

    def _add(self, page: PlannedPage, render: Callable[[Parts], RenderedPage]) -> None:
        self.pages[page.src_uri] = page
        self._render[page.src_uri] = render

    def _listing(self, first_src: str, title: str, paging: Paging, render: Callable[[Parts, int], RenderedPage]) -> None:
        """An index and its later pages (`claims.md`, `claims/page/2.md`, ...); only the first is in the navigation."""
        for number in range(1, paging.pages + 1):
            self._add(
                PlannedPage(listing_page(first_src, number), title if number == 1 else f"{title}, page {number} of {paging.pages}", number == 1),
                lambda p, n=number: render(p, n),
            )

    def _plan(self) -> None:
        d = self.data.dossier
        planning = Parts(self.data, self.linker, links.HOME)
        for kind in Kind:
            self._listing(links.kind_index(kind), links.KIND_TITLES[kind], kind_paging(planning, kind), lambda p, n, k=kind: render_kind_index(p, k, n))
        self._listing(links.CLAIMS_INDEX, "Claims", claims_paging(planning), render_claims_index)
        self._listing(links.DISCREPANCIES, "Discrepancies", discrepancies_paging(planning), render_discrepancies)
        self._listing(links.TIMELINE, "Timeline", timeline_paging(planning), render_timeline)
        self._listing(links.ARTICLES_INDEX, "Articles", articles_paging(planning), render_articles_index)
        self._listing(links.SOURCES_INDEX, "Sources", sources_paging(planning), render_sources_index)
        for entity in d.entities.values():
            # Entity pages rank above the articles that merely mention their names.
            home = links.entity_page(entity.kind, entity.id)
            self._add(PlannedPage(home, entity.name, False, search_boost=4.0), lambda p, e=entity: render_entity(p, e))
            # Entities cited or mentioned very often: the rest of their lists, on pages of their own.
            paging = claim_paging(planning, entity)
            for number in range(2, paging.pages + 1):
                self._add(
                    PlannedPage(listing_page(home, number, "claims"), f"Claims about {entity.name}, page {number}", False),
                    lambda p, e=entity, n=number: render_entity_claims(p, e, n),
                )
            paging = mention_paging(planning, entity)
            for number in range(2, paging.pages + 1):
                self._add(
                    PlannedPage(listing_page(home, number, "mentions"), f"Articles mentioning {entity.name}, page {number}", False),
                    lambda p, e=entity, n=number: render_entity_mentions(p, e, n),
                )
        for claim in d.claims.values():
            self._add(PlannedPage(links.claim_page(claim.id), _short(claim.text), False), lambda p, c=claim: render_claim(p, c))
        for article in d.articles.values():
            self._add(PlannedPage(links.article_page(article.id), article.title, False), lambda p, a=article: render_article(p, a))

    def render(self, src_uri: str) -> RenderedPage:
        return self._render[src_uri](Parts(self.data, self.linker, src_uri))

    def home_summary(self, src_uri: str = links.HOME) -> str:
        return home_summary(Parts(self.data, self.linker, src_uri))
