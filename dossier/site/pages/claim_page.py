"""The page of a claim: statement, status, evidence side by side, origins, discrepancy."""

from __future__ import annotations

from typing import NamedTuple

from ...acceptance import WARNING_CODES
from ...model import Claim
from ..page import RenderedPage, Toc
from ..rendering.html import markdown_inline
from ..rendering.json_ld import claim_json_ld
from ..rendering.links import article_page
from ..rendering.parts import Link, Parts
from .discrepancy import VALUES_SHOWN, discrepancy_view
from .history_pages import HistoryView


class AcceptedWarning(NamedTuple):
    code: str
    meaning: str  # what a warning of that code is about
    where: str  # "the claim", "evidence 2"


def accepted_warnings(claim: Claim) -> list[AcceptedWarning]:
    """The warnings the claim and its evidence items accept (v3): every reviewer's acceptance, on the page."""
    listed = [("the claim", code) for code in claim.accept]
    listed += [(f"evidence {index}", code) for index, item in enumerate(claim.evidence, 1) for code in item.accept]
    return [AcceptedWarning(code, WARNING_CODES.get(code, "a warning"), where) for where, code in listed]


class CitedArticle(NamedTuple):
    link: Link
    outlet: str


def render_claim(parts: Parts, claim: Claim, history: HistoryView | None = None) -> RenderedPage:
    data = parts.data
    assessment = data.analysis.assessments[claim.id]
    toc = Toc()
    headings = {"evidence": toc.add(2, "evidence", f"Evidence ({len(claim.evidence)})"), "origins": toc.add(2, "origins", "Origins")}
    discrepancy = None
    if claim.quantity and claim.quantity.measure in data.discrepancy_of:
        headings["discrepancy"] = toc.add(2, "discrepancy", "Discrepancy")
        discrepancy = discrepancy_view(parts, data.discrepancy_of[claim.quantity.measure], limit=VALUES_SHOWN, keep=claim.id)
    headings["sources"] = toc.add(2, "sources", "Cited articles")
    articles = dict.fromkeys(item.article for item in claim.evidence)
    title = markdown_inline(claim.text)
    html = parts.render(
        "pages/claim.html",
        claim=claim,
        title=title,
        status=assessment.status,
        about=parts.entity_links(claim.about),
        quantity=parts.quantity(claim),
        toc=headings,
        sides=parts.sides(claim),
        supporting=assessment.supporting_origins,
        contradicting=assessment.contradicting_origins,
        discrepancy=discrepancy,
        articles=[
            CitedArticle(Link(parts.href(article_page(a)), data.dossier.articles[a].title), data.dossier.articles[a].outlet)
            for a in articles
        ],
        json_ld=claim_json_ld(parts, claim),
        history=history,
        accepted=accepted_warnings(claim),
    )
    # Searchable by its statement; the evidence would make the index many times larger.
    return RenderedPage(html, tuple(toc.entries), parts.render("search.html", title=title, text=""))
