"""What the build derives: origins and status of claims, discrepancies, mentions."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping

from .mentions import MentionFinder
from .model import Analysis, Claim, ClaimAssessment, Discrepancy, Dossier, MeasuredValue, Mention, Stance, Status
from .quotes import Span, paragraph_spans
from .text import squash


def analyse(dossier: Dossier, passages: Mapping[tuple[str, int], tuple[Span, ...]]) -> Analysis:
    """Everything the build derives from a valid dossier, given where its quotes were found."""
    mentions = find_mentions(dossier)
    return Analysis(
        assessments={claim.id: assess(dossier, claim) for claim in dossier.claims.values()},
        passages=passages,
        discrepancies=discrepancies(dossier),
        mentions=mentions,
        mentioned_in=mentioned_in(dossier, mentions),
    )


def evidence_origins(dossier: Dossier, claim: Claim) -> tuple[str, ...]:
    """Each item's origin: the source it is credited to (`via`), else its article's outlet."""
    return tuple(item.via or dossier.articles[item.article].outlet for item in claim.evidence)


def _distinct(names: list[str]) -> tuple[str, ...]:
    """Names compared ignoring case and accents, each kept as first spelled."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(squash(name), name)
    return tuple(seen.values())


def assess(dossier: Dossier, claim: Claim) -> ClaimAssessment:
    origins = evidence_origins(dossier, claim)
    supporting = _distinct([o for o, e in zip(origins, claim.evidence, strict=True) if e.stance is Stance.SUPPORTS])
    contradicting = _distinct([o for o, e in zip(origins, claim.evidence, strict=True) if e.stance is Stance.CONTRADICTS])
    if supporting and contradicting:
        status = Status.CONTESTED
    elif contradicting:
        status = Status.DISPUTED
    elif len(supporting) >= 2:
        status = Status.CORROBORATED
    else:
        status = Status.SINGLE_SOURCE
    return ClaimAssessment(claim.id, status, supporting, contradicting, origins)


def discrepancies(dossier: Dossier) -> tuple[Discrepancy, ...]:
    """Measures whose claims give different values, each value with its claim."""
    by_measure: dict[str, list[MeasuredValue]] = defaultdict(list)
    for claim in dossier.claims.values():
        if claim.quantity is not None:
            by_measure[claim.quantity.measure].append(MeasuredValue(claim.id, claim.quantity))
    return tuple(
        Discrepancy(measure, tuple(values)) for measure, values in by_measure.items() if len({v.quantity.comparable() for v in values}) > 1
    )


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
