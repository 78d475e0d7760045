"""What the build derives: origins and status of claims, discrepancies, mentions."""

from __future__ import annotations

import bisect
from collections.abc import Mapping

from .mentions import MentionFinder
from .model import Analysis, Claim, ClaimAssessment, Dossier, Mention, Stance, Status
from .origin_checks import origin_resolver
from .origins import Origin, OriginResolver, distinct, origin_text
from .quotes import Span, paragraph_spans
from .values import find_discrepancies


def analyse(
    dossier: Dossier,
    passages: Mapping[tuple[str, int], tuple[Span, ...]],
    mentions: dict[str, tuple[Mention, ...]] | None = None,
    resolver: OriginResolver | None = None,
) -> Analysis:
    """Everything the build derives from a valid dossier, given where its quotes were found (and
    its mentions, if found), with the check's origin resolver (a new one if none is given)."""
    if mentions is None:
        mentions = find_mentions(dossier)
    if resolver is None:
        resolver = origin_resolver(dossier)
    origins = resolve_origins(dossier, resolver)
    quantities = ((claim.id, claim.quantity) for claim in dossier.claims.values() if claim.quantity is not None)
    return Analysis(
        assessments={claim.id: assess(claim, origins[claim.id]) for claim in dossier.claims.values()},
        passages=passages,
        discrepancies=find_discrepancies(quantities, dossier.measures),
        mentions=mentions,
        mentioned_in=mentioned_in(dossier, mentions),
        outlet_origins={article.id: resolver.resolve(article.outlet) for article in dossier.articles.values()},
    )


def resolve_origins(dossier: Dossier, resolver: OriginResolver | None = None) -> dict[str, tuple[Origin, ...]]:
    """Each claim's evidence origins (`via`, else the outlet), resolved to entities where they name one."""
    if resolver is None:
        resolver = origin_resolver(dossier)
    return {
        claim.id: tuple(resolver.resolve(origin_text(item.via, dossier.articles[item.article].outlet)) for item in claim.evidence)
        for claim in dossier.claims.values()
    }


def assess(claim: Claim, origins: tuple[Origin, ...]) -> ClaimAssessment:
    """Status from the distinct origins of the claim's supporting and contradicting items."""
    items = list(zip(origins, claim.evidence, strict=True))
    supporting = distinct(o for o, e in items if e.stance is Stance.SUPPORTS)
    contradicting = distinct(o for o, e in items if e.stance is Stance.CONTRADICTS)
    if supporting and contradicting:
        status = Status.CONTESTED
    elif contradicting:
        status = Status.DISPUTED
    elif len(supporting) >= 2:
        status = Status.CORROBORATED
    else:
        status = Status.SINGLE_SOURCE
    return ClaimAssessment(claim.id, status, supporting, contradicting, origins)


def find_mentions(dossier: Dossier) -> dict[str, tuple[Mention, ...]]:
    """Every article's mentions of every entity, in one pass over each article."""
    finder = MentionFinder({e.id: e.names for e in dossier.entities.values()})
    mentions: dict[str, tuple[Mention, ...]] = {}
    for article in dossier.articles.values():
        starts = [start for start, _ in paragraph_spans(article.body)]
        mentions[article.id] = tuple(
            Mention(article.id, m.entities, max(0, bisect.bisect_right(starts, m.start) - 1), m.start, m.end)
            for m in finder.find(article.body)
        )
    return mentions


def mentioned_in(dossier: Dossier, mentions: dict[str, tuple[Mention, ...]]) -> dict[str, tuple[str, ...]]:
    found: dict[str, dict[str, None]] = {entity: {} for entity in dossier.entities}
    for article_id, article_mentions in mentions.items():
        for mention in article_mentions:
            for entity in mention.entities:
                found[entity][article_id] = None
    return {entity: tuple(articles) for entity, articles in found.items()}
