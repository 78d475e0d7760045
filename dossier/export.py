"""The export (`dossier export`, the site's dossier.json): the derived data as one JSON object."""

from __future__ import annotations

from typing import Any

from .dates import date_json
from .excerpts import Excerpt
from .kinds import spec
from .model import Analysis, Article, Claim, ClaimAssessment, Dossier, Entity, Evidence, Origin
from .quotes import Span

Json = dict[str, Any]


def export(dossier: Dossier, analysis: Analysis) -> Json:
    return {
        "articles": [_article(a) for a in dossier.articles.values()],
        "entities": [_entity(e, analysis) for e in dossier.entities.values()],
        "measures": [m.to_json() for m in dossier.measures.values()],
        "claims": [_claim(c, analysis) for c in dossier.claims.values()],
        "discrepancies": [d.to_json() for d in analysis.discrepancies],
    }


def _article(article: Article) -> Json:
    authors = article.authors
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "author": list(authors) if len(authors) > 1 else (authors[0] if authors else None),
        "published": date_json(article.published),
        "url": article.url,
        "archived": article.archived,
        "language": article.language,
        # Added fields (v3): the capture of the page, when there is one.
        "retrieved": article.retrieved,
        "capture": article.capture,
        "sha256": article.sha256,
    }


def _entity(entity: Entity, analysis: Analysis) -> Json:
    kind = spec(entity.kind)
    return {
        "id": entity.id,
        "kind": kind.singular,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "summary": entity.summary,
        "wikidata": entity.wikidata,
        "countries": list(entity.countries),
        "participants": list(entity.participants),
        "date": date_json(entity.date) if "date" in kind.extra_fields else None,
        "mentioned_in": list(analysis.mentioned_in.get(entity.id, ())),
    }


def _claim(claim: Claim, analysis: Analysis) -> Json:
    assessment = analysis.assessments[claim.id]
    quantity = claim.quantity
    return {
        "id": claim.id,
        "text": claim.text,
        "about": list(claim.about),
        "date": date_json(claim.date),
        "conclusion": claim.conclusion,
        "quantity": quantity.to_json() if quantity else None,
        "status": assessment.status.value,
        "supporting_origins": list(assessment.supporting_origins),
        "contradicting_origins": list(assessment.contradicting_origins),
        "evidence": _evidence(claim, assessment, analysis),
    }


def _evidence(claim: Claim, assessment: ClaimAssessment, analysis: Analysis) -> list[Json]:
    return [
        _evidence_item(item, origin, analysis.passages.get((claim.id, index), ()), analysis.excerpts.get((claim.id, index)))
        for index, (item, origin) in enumerate(zip(claim.evidence, assessment.evidence_origins, strict=True))
    ]


def _evidence_item(item: Evidence, origin: Origin, spans: tuple[Span, ...], excerpt: Excerpt | None) -> Json:
    return {
        "article": item.article,
        "stance": item.stance.value,
        "quote": item.quote,
        # v3: the article's own words at the quote's place (what the site shows); `quote` is the analyst's typing.
        "excerpt": excerpt.text if excerpt is not None else None,
        "translation": item.translation,
        "via": item.via,
        "note": item.note,
        "origin": origin.display,
        "origin_entity": origin.entity_id,
        # Added field: where the quote sits in the article body.
        "passage": [{"paragraph": s.paragraph + 1, "start": s.start, "end": s.end} for s in spans],
    }
