"""The site of a dossier: every file it adds (pages, assets, the export), and the HTML of
each page, rendered on demand.

Pages are rendered one at a time when the build asks for them, so memory does not grow
with the number of pages; everything shared is computed once in `SiteData`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path, PurePosixPath

from jinja2 import BytecodeCache
from markupsafe import Markup

from ..export import export
from ..formats import FORMATS, SiteAddress, export_input
from ..history import History
from ..kinds import BY_KIND, KINDS
from ..model import Analysis, Dossier
from .data import SiteData
from .maps.map_pages import MAP, MAP_TITLE, render_map
from .page import Paging, RenderedPage
from .pages.article_page import render_article
from .pages.claim_page import render_claim
from .pages.discrepancy import discrepancies_paging
from .pages.entity_lists import claim_paging, mention_paging, render_entity_claims, render_entity_mentions
from .pages.entity_page import render_entity
from .pages.fulltext_page import render_search
from .pages.history_pages import FEED, WHATS_NEW, WHATS_NEW_TITLE, feed, history_view, render_whats_new
from .pages.index_pages import (
    articles_paging,
    claims_paging,
    kind_paging,
    render_articles_index,
    render_claims_index,
    render_kind_index,
    render_sources_index,
    sources_paging,
)
from .pages.overview_pages import home_summary, render_discrepancies
from .pages.source_health import SOURCE_HEALTH_TITLE, render_source_health
from .pages.timeline_page import entity_timeline_page, render_entity_timeline, render_timeline, timeline_paging
from .rendering import links
from .rendering.article_body import ArticleBody
from .rendering.fulltext import SEARCH_PAGE, SEARCH_TITLE
from .rendering.html import angle_free
from .rendering.links import Linker, listing_page
from .rendering.parts import Memo, Parts
from .rendering.source_box import SOURCE_HEALTH
from .rendering.templating import STATUS_LABELS, Templates

ASSETS = ("assets/dossier/dossier.css", "assets/dossier/dossier.js", "assets/dossier/fulltext.js")
# Not loaded by pages: Material's search runs it as its worker (plugins/mkdocs_dossier/search_worker.py).
SEARCH_WORKER = "assets/dossier/search-worker.js"
EXPORT_PATH = "dossier.json"


@dataclass(frozen=True)
class PlannedPage:
    src_uri: str
    title: str  # plain text; escape before use
    in_nav: bool
    search_boost: float | None = None
    fulltext: tuple[str, str] | None = None  # (kind, a claim's status) when Pagefind indexes the page (fulltext.py)


@dataclass(frozen=True)
class Output:
    """A file the site adds: a page (rendered later, when the build asks), an asset or the export."""

    src_uri: str
    content: str | bytes  # "" for a page
    page: PlannedPage | None = None


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Site:
    def __init__(
        self,
        dossier: Dossier,
        analysis: Analysis,
        *,
        directory_urls: bool = True,
        custom_templates: Path | None = None,
        history: History | None = None,
        repo_url: str = "",
        site_url: str = "",
        compiled_templates: BytecodeCache | None = None,
    ) -> None:
        self.data = SiteData(dossier, analysis)
        # The claims' history from git, computed once per build; empty without git (then no
        # history section, no "What's new" page and no feed). Commits link to `repo_url`, if given.
        self.history = history or History()
        self.repo_url = repo_url
        self.linker = Linker(directory_urls, site_url)
        self.templates = Templates(custom_templates, compiled_templates)
        self.article_body = ArticleBody(self.templates)
        self.memo = Memo()  # what pages compute alike, once a build
        self.pages: dict[str, PlannedPage] = {}
        self._render: dict[str, Callable[[Parts], RenderedPage]] = {}
        self._plan()

    def outputs(self, export_path: str = EXPORT_PATH, *, site_url: str = "", title: str = "", data: bool = True) -> Iterator[Output]:
        """Every file the site adds, pages first, then assets and (unless not `data`) the data exports."""
        for page in self.pages.values():
            yield Output(page.src_uri, "", page)
        assets = resources.files("dossier").joinpath("site", "assets")
        for asset in (*ASSETS, SEARCH_WORKER):
            yield Output(asset, assets.joinpath(PurePosixPath(asset).name).read_bytes())
        if data:
            yield from self.data_outputs(export_path, site_url=site_url, title=title)

    def data_outputs(self, export_path: str = EXPORT_PATH, *, site_url: str = "", title: str = "") -> Iterator[Output]:
        """The data exports (and the feed): computed only as they are asked for."""
        # Compact: at 10,000 articles the export is ~35 MB, and indenting would make it a third
        # larger and three times slower to write (json's C encoder is used only without indent).
        exported = export(self.data.dossier, self.data.analysis)
        yield Output(export_path, json.dumps(exported, ensure_ascii=False, separators=(",", ":")))
        # The same data for other tools (dossier.formats): Datasette, FollowTheMoney, Web Annotations.
        source = export_input(self.data.dossier, exported, SiteAddress(site_url, self.linker.directory_urls), title)
        for data_format in FORMATS.values():
            for name, data in data_format.write(source).items():
                yield Output(name, data)
        if self.history.claims:
            yield Output(FEED, feed(self._parts(WHATS_NEW), self.history, site_url=site_url, title=title, repo_url=self.repo_url))

    def _parts(self, src_uri: str) -> Parts:
        return Parts(self.data, self.linker, src_uri, self.templates, self.memo)

    def _add(self, page: PlannedPage, render: Callable[[Parts], RenderedPage]) -> None:
        self.pages[page.src_uri] = page
        self._render[page.src_uri] = render

    def _listing(self, first_src: str, title: str, paging: Paging, render: Callable[[Parts, int], RenderedPage]) -> None:
        """An index and its later pages (`claims.md`, `claims/page/2.md`, ...); only the first is in the navigation."""
        for number in range(1, paging.pages + 1):
            self._add(
                PlannedPage(
                    listing_page(first_src, number), title if number == 1 else f"{title}, page {number} of {paging.pages}", number == 1
                ),
                lambda p, n=number: render(p, n),  # type: ignore[misc]
            )

    def _plan(self) -> None:
        planning = self._parts(links.HOME)
        for spec in KINDS:
            kind = spec.kind
            self._listing(links.kind_index(kind), spec.title, kind_paging(planning, kind), lambda p, n, k=kind: render_kind_index(p, k, n))  # type: ignore[misc]
        self._listing(links.CLAIMS_INDEX, "Claims", claims_paging(planning), render_claims_index)
        self._listing(links.DISCREPANCIES, "Discrepancies", discrepancies_paging(planning), render_discrepancies)
        self._listing(links.TIMELINE, "Timeline", timeline_paging(planning), render_timeline)
        self._add(PlannedPage(MAP, MAP_TITLE, True), render_map)
        self._add(PlannedPage(SEARCH_PAGE, SEARCH_TITLE, True), render_search)
        self._listing(links.ARTICLES_INDEX, "Articles", articles_paging(planning), render_articles_index)
        self._listing(links.SOURCES_INDEX, "Sources", sources_paging(planning), render_sources_index)
        self._add(PlannedPage(SOURCE_HEALTH, SOURCE_HEALTH_TITLE, False), render_source_health)
        if self.history.claims:
            self._add(PlannedPage(WHATS_NEW, WHATS_NEW_TITLE, True), lambda p: render_whats_new(p, self.history, self.repo_url))
        self._plan_entities(planning)
        for claim in self.data.dossier.claims.values():
            seen = history_view(self.history.of(claim.id), self.repo_url)
            status = STATUS_LABELS[self.data.analysis.assessments[claim.id].status].label
            planned = PlannedPage(links.claim_page(claim.id), _short(claim.text), False, fulltext=("Claim", status))
            self._add(planned, lambda p, c=claim, h=seen: render_claim(p, c, h))  # type: ignore[misc]
        body = self.article_body
        for article in self.data.dossier.articles.values():
            self._add(
                PlannedPage(links.article_page(article.id), article.title, False, fulltext=("Article", "")),
                lambda p, a=article: render_article(p, a, body),  # type: ignore[misc]
            )

    def _plan_entities(self, planning: Parts) -> None:
        for entity in self.data.dossier.entities.values():
            # Entity pages rank above the articles that merely mention their names.
            home = links.entity_page(entity.kind, entity.id)
            planned = PlannedPage(home, entity.name, False, search_boost=4.0, fulltext=(BY_KIND[entity.kind].singular.capitalize(), ""))
            self._add(planned, lambda p, e=entity: render_entity(p, e))  # type: ignore[misc]
            # Entities cited or mentioned very often: the rest of their lists, on pages of their own.
            paging = claim_paging(planning, entity)
            for number in range(2, paging.pages + 1):
                self._add(
                    PlannedPage(listing_page(home, number, "claims"), f"Claims about {entity.name}, page {number}", False),
                    lambda p, e=entity, n=number: render_entity_claims(p, e, n),  # type: ignore[misc]
                )
            paging = timeline_paging(planning, entity.id)  # its own timeline, when it has dated items
            for number in range(1, paging.pages + 1 if paging.total else 1):
                self._add(
                    PlannedPage(listing_page(entity_timeline_page(entity.id), number), f"Timeline of {entity.name}", False),
                    lambda p, e=entity, n=number: render_entity_timeline(p, e, n),  # type: ignore[misc]
                )
            paging = mention_paging(planning, entity)
            for number in range(2, paging.pages + 1):
                self._add(
                    PlannedPage(listing_page(home, number, "mentions"), f"Articles mentioning {entity.name}, page {number}", False),
                    lambda p, e=entity, n=number: render_entity_mentions(p, e, n),  # type: ignore[misc]
                )

    def render(self, src_uri: str) -> RenderedPage:
        rendered = self._render[src_uri](self._parts(src_uri))
        fulltext = self.pages[src_uri].fulltext
        if fulltext is None:
            return rendered
        kind, status = fulltext
        html = self.templates.render("fragments/fulltext_body.html", content=Markup(rendered.html), kind=kind, status=status)
        return replace(rendered, html=html)

    def with_data(self, data: SiteData) -> Site:
        """This site as planned, rendering from `data` instead: the preview renders from a copy of
        the data that records each lookup (preview/dependencies.py), and this site is left as it is."""
        twin = copy.copy(self)
        twin.data = data
        return twin

    def renderer_of(self, src_uri: str) -> Callable[[Parts], RenderedPage]:
        """The function that renders a page (the preview fingerprints it with the page's plan: dependencies.py)."""
        return self._render[src_uri]

    def home_summary(self, src_uri: str = links.HOME) -> str:
        """Counts, the most contested claims and the latest events, for the home page."""
        return self.templates.render("home_summary.html", **home_summary(self._parts(src_uri)))

    def home_page(self, site_name: str) -> str:
        """The home page when the content folder has none: the site's name and the summary."""
        summary = self.templates.render_markup("home_summary.html", **home_summary(self._parts(links.HOME)))
        return self.templates.render("pages/home.html", title=angle_free(site_name), summary=summary)
