"""The page of an article: metadata, the claims citing it, and its verbatim text."""

from __future__ import annotations

from ..model import Article
from .article_body import Highlight, MentionLink, render_body
from .html import esc, safe_url
from .links import claim_page, entity_page
from .page import PageWriter, RenderedPage
from .parts import Parts, date_html, stance_badge, status_badge


def render_article(parts: Parts, article: Article) -> RenderedPage:
    data = parts.data
    page = PageWriter()
    page.add(f"<h1>{esc(article.title)}</h1>")
    facts = [("Outlet", esc(article.outlet))]
    if article.authors:
        facts.append(("By", ", ".join(esc(a) for a in article.authors)))
    facts.append(("Published", date_html(article.published) if article.published else "unknown"))
    facts.append(("Language", esc(article.language)))
    if article.url and safe_url(article.url):
        facts.append(("Original", f'<a href="{esc(article.url)}" rel="nofollow noopener noreferrer">{esc(article.url)}</a>'))
    page.add('<dl class="dossier-facts-list">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")

    citations = data.citations.get(article.id, [])
    highlights = []
    by_claim: dict[str, list[int]] = {}
    for claim_id, index in citations:
        claim = data.dossier.claims[claim_id]
        item = claim.evidence[index]
        href = parts.linker.href(parts.page, claim_page(claim_id))
        for span in data.analysis.passages.get((claim_id, index), ()):
            highlights.append(Highlight(span.start, span.end, f"q-{claim_id}-{index}", item.stance.value, href, claim.text))
        by_claim.setdefault(claim_id, []).append(index)

    mentions = []
    for mention in data.analysis.mentions.get(article.id, ()):
        entity = data.dossier.entities[mention.entities[0]]
        mentions.append(
            MentionLink(mention.start, mention.end, parts.linker.href(parts.page, entity_page(entity.kind, entity.id)), entity.name)
        )
    page.heading(2, "text", "Text")
    page.add(
        '<p class="dossier-hint">The article as collected, verbatim. Quoted passages are highlighted '
        "(green: supports a claim, red: contradicts it) and link to their claims; names link to their pages.</p>"
    )
    page.add(f'<div class="dossier-article-text">{render_body(article.body, data.paragraphs(article.id), highlights, mentions)}</div>')

    page.heading(2, "claims", f"Claims citing this article ({len(by_claim)})")
    rows = []
    for claim_id, indexes in by_claim.items():
        claim = data.dossier.claims[claim_id]
        stances = " ".join(dict.fromkeys(stance_badge(claim.evidence[i].stance) for i in indexes))
        jumps = ", ".join(
            f'<a href="#q-{esc(claim_id)}-{i}" class="dossier-jump">passage{"" if len(indexes) == 1 else " " + str(n + 1)}</a>'
            for n, i in enumerate(indexes)
        )
        rows.append(f"<li>{stances} {parts.claim_link(claim)} {status_badge(data.status(claim_id))} {jumps}</li>")
    page.add(f'<ul class="dossier-citations">{"".join(rows)}</ul>' if rows else '<p class="dossier-empty">No claim cites this article yet.</p>')
    # Searchable by its title, outlet and authors: the full texts of thousands of articles
    # would make a search index too large for a browser to load.
    byline = ", ".join(esc(a) for a in (article.outlet, *article.authors))
    page.searchable(f"<h1 id=\"top\">{esc(article.title)}</h1><p>{byline}</p>")
    return page.done()
