"""The page of a claim: statement, status, evidence side by side, origins, discrepancy."""

from __future__ import annotations

from ..model import Claim
from .discrepancy import VALUES_SHOWN, discrepancy_table
from .html import esc, json_ld, markdown_inline
from .links import article_page
from .page import PageWriter, RenderedPage
from .parts import STATUS_LABELS, Parts, date_html, quantity_text, status_badge


def claim_json_ld(parts: Parts, claim: Claim) -> str:
    appearances = []
    for item in claim.evidence:
        article = parts.data.dossier.articles[item.article]
        work: dict[str, object] = {
            "@type": "NewsArticle",
            "headline": article.title,
            "publisher": {"@type": "Organization", "name": article.outlet},
            "quotation": item.quote,
        }
        if article.url:
            work["url"] = article.url
        if article.published:
            work["datePublished"] = article.published.isoformat()
        if article.authors:
            work["author"] = [{"@type": "Person", "name": a} for a in article.authors]
        appearances.append(work)
    data = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "text": claim.text,
        "about": [{"@type": "Thing", "name": parts.data.dossier.entities[e].name} for e in claim.about],
        "appearance": appearances,
    }
    return json_ld(data)


def render_claim(parts: Parts, claim: Claim) -> RenderedPage:
    data = parts.data
    assessment = data.analysis.assessments[claim.id]
    page = PageWriter()
    page.add(f'<h1 class="dossier-claim-title">{markdown_inline(claim.text)}</h1>')
    page.add(
        f'<p class="dossier-facts">{status_badge(assessment.status)} '
        f'<span class="dossier-status-meaning">{esc(STATUS_LABELS[assessment.status][2])}</span></p>'
    )
    facts = [("About", parts.entity_links(claim.about))]
    if claim.date:
        facts.append(("When", date_html(claim.date)))
    if claim.quantity:
        facts.append(("Quantity", f"<code>{esc(claim.quantity.measure)}</code> = <strong>{esc(quantity_text(claim.quantity))}</strong>"))
    page.add('<dl class="dossier-facts-list">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")

    page.heading(2, "evidence", f"Evidence ({len(claim.evidence)})")
    page.add(parts.sides(claim))

    page.heading(2, "origins", "Origins")
    for title, origins in (("Supporting", assessment.supporting_origins), ("Contradicting", assessment.contradicting_origins)):
        listing = ", ".join(f"<strong>{esc(o)}</strong>" for o in origins) or "none"
        page.add(f"<p>{title} origins ({len(origins)}): {listing}</p>")
    page.add(
        '<p class="dossier-hint">An origin is the source an article credits for the fact (“via”), '
        "or else the article’s outlet. Reprints of one report, or several articles of one outlet, count once.</p>"
    )

    if claim.quantity and claim.quantity.measure in data.discrepancy_of:
        page.heading(2, "discrepancy", "Discrepancy")
        page.add(discrepancy_table(parts, data.discrepancy_of[claim.quantity.measure], limit=VALUES_SHOWN, keep=claim.id))

    articles = list(dict.fromkeys(item.article for item in claim.evidence))
    page.heading(2, "sources", "Cited articles")
    page.add(
        "<ul>"
        + "".join(
            f'<li><a href="{parts.href(article_page(a))}">{esc(data.dossier.articles[a].title)}</a> — '
            f"{esc(data.dossier.articles[a].outlet)}</li>"
            for a in articles
        )
        + "</ul>"
    )
    page.add(claim_json_ld(parts, claim))
    # Searchable by its statement; the evidence would make the index many times larger.
    page.searchable(f"<h1 id=\"top\">{markdown_inline(claim.text)}</h1>")
    return page.done()
