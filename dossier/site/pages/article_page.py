"""The page of an article: metadata, the claims citing it, and its verbatim text."""

from __future__ import annotations

from typing import NamedTuple

from ...commonmark import safe_url
from ...model import Article, Stance, Status
from ..page import RenderedPage, Toc
from ..rendering.article_body import ArticleBody, Highlight, MentionLink
from ..rendering.json_ld import article_json_ld
from ..rendering.links import claim_page
from ..rendering.parts import Link, Parts, text_language
from ..rendering.source_box import capture_view

CITING_FIRST = 10  # claims citing the article listed under its text before the rest is folded


class Citing(NamedTuple):
    claim: Link
    stances: list[Stance]  # of its evidence items citing the article, each once
    status: Status
    jumps: list[str]  # the anchors of its passages in the text


def _highlights(parts: Parts, article: Article) -> tuple[list[Highlight], dict[str, list[int]]]:
    data = parts.data
    highlights = []
    by_claim: dict[str, list[int]] = {}
    for claim_id, index in data.citations.get(article.id, []):
        claim = data.dossier.claims[claim_id]
        item = claim.evidence[index]
        href = parts.href(claim_page(claim_id))
        for span in data.analysis.passages.get((claim_id, index), ()):
            highlights.append(Highlight(span.start, span.end, f"q-{claim_id}-{index}", item.stance.value, href, claim.text, span.paragraph))
        by_claim.setdefault(claim_id, []).append(index)
    return highlights, by_claim


def _mentions(parts: Parts, article: Article) -> list[MentionLink]:
    entities = parts.data.dossier.entities
    links = []
    for mention in parts.data.analysis.mentions.get(article.id, ()):
        entity = entities[mention.entities[0]]
        links.append(
            MentionLink(mention.start, mention.end, parts.href(parts.data.entity_pages[entity.id]), entity.name, mention.paragraph)
        )
    return links


def _quoted(parts: Parts, by_claim: dict[str, list[int]]) -> dict[str, int]:
    """How many evidence items quote the article as supporting their claim, and as contradicting it."""
    claims = parts.data.dossier.claims
    stances = [claims[claim_id].evidence[i].stance for claim_id, indexes in by_claim.items() for i in indexes]
    return {stance.value: stances.count(stance) for stance in Stance}


def render_article(parts: Parts, article: Article, body: ArticleBody) -> RenderedPage:
    data = parts.data
    highlights, by_claim = _highlights(parts, article)
    citing = []
    for claim_id, indexes in by_claim.items():
        claim = data.dossier.claims[claim_id]
        stances = list(dict.fromkeys(claim.evidence[i].stance for i in indexes))
        citing.append(Citing(parts.claim_link(claim), stances, data.status(claim_id), [f"q-{claim_id}-{i}" for i in indexes]))
    toc = Toc()
    html = parts.render(
        "pages/article.html",
        article=article,
        original=article.url if article.url and safe_url(article.url) else "",
        lang=text_language(article.language),
        archived=article.archived if article.archived and safe_url(article.archived) else "",
        toc={"text": toc.add(2, "text", "Text"), "claims": toc.add(2, "claims", f"Claims citing this article ({len(by_claim)})")},
        body=body.render(article.body, data.paragraphs(article.id), highlights, _mentions(parts, article)),
        citing=citing,
        json_ld=article_json_ld(parts, article),
        citing_first=CITING_FIRST,
        quoted=_quoted(parts, by_claim),
        source=capture_view(article, data.analysis.captures.get(article.id), data.dossier.rechecks.get(article.id)),
    )
    # Searchable by its title, outlet and authors: the full texts of thousands of articles
    # would make a search index too large for a browser to load.
    search = parts.render("search.html", title=article.title, text=", ".join((article.outlet, *article.authors)))
    return RenderedPage(html, tuple(toc.entries), search)
