"""The export (`dossier export`, the site's dossier.json): the derived data as one JSON object."""

from __future__ import annotations

from typing import Any

from .model import Analysis, Dossier, Kind, date_json


def export(dossier: Dossier, analysis: Analysis) -> dict[str, Any]:
    articles = [
        {
            "id": a.id,
            "title": a.title,
            "outlet": a.outlet,
            "author": list(a.authors) if len(a.authors) > 1 else (a.authors[0] if a.authors else None),
            "published": a.published.isoformat() if a.published else None,
            "url": a.url,
            "language": a.language,
        }
        for a in dossier.articles.values()
    ]
    entities = [
        {
            "id": e.id,
            "kind": e.kind.value,
            "name": e.name,
            "aliases": list(e.aliases),
            "summary": e.summary,
            "wikidata": e.wikidata,
            "countries": list(e.countries),
            "participants": list(e.participants),
            "date": date_json(e.date) if e.kind is Kind.EVENT else None,
            "mentioned_in": list(analysis.mentioned_in.get(e.id, ())),
        }
        for e in dossier.entities.values()
    ]
    claims = []
    for claim in dossier.claims.values():
        assessment = analysis.assessments[claim.id]
        evidence = []
        for index, (item, origin) in enumerate(zip(claim.evidence, assessment.origins)):
            spans = analysis.passages.get((claim.id, index), ())
            evidence.append(
                {
                    "article": item.article,
                    "stance": item.stance.value,
                    "quote": item.quote,
                    "via": item.via,
                    "note": item.note,
                    "origin": origin,
                    # Added field: where the quote sits in the article body.
                    "passage": [{"paragraph": s.paragraph + 1, "start": s.start, "end": s.end} for s in spans],
                }
            )
        quantity = claim.quantity
        claims.append(
            {
                "id": claim.id,
                "text": claim.text,
                "about": list(claim.about),
                "date": date_json(claim.date),
                "quantity": ({"measure": quantity.measure, "value": quantity.value_json(), "unit": quantity.unit} if quantity else None),
                "status": assessment.status.value,
                "supporting_origins": list(assessment.supporting_origins),
                "contradicting_origins": list(assessment.contradicting_origins),
                "evidence": evidence,
            }
        )
    discrepancies = [
        {"measure": d.measure, "values": [{"claim": v.claim, "value": v.quantity.value_json()} for v in d.values]}
        for d in analysis.discrepancies
    ]
    return {"articles": articles, "entities": entities, "claims": claims, "discrepancies": discrepancies}
