"""Values of one quantity measure, side by side with their sources."""

from __future__ import annotations

from ..model import Discrepancy
from .html import esc
from .parts import Parts, quantity_text, status_badge


def discrepancy_table(parts: Parts, discrepancy: Discrepancy) -> str:
    data = parts.data
    cards = []
    for value in discrepancy.values:
        claim = data.dossier.claims[value.claim]
        assessment = data.analysis.assessments[claim.id]
        origins = ", ".join(esc(o) for o in assessment.supporting_origins) or "—"
        against = ", ".join(esc(o) for o in assessment.contradicting_origins)
        cards.append(
            '<div class="dossier-value">'
            f'<p class="dossier-value-number">{esc(quantity_text(value.quantity))}</p>'
            f"<p>{parts.claim_link(claim)}</p><p>{status_badge(assessment.status)}</p>"
            f'<p class="dossier-value-sources">According to: {origins}'
            f"{'<br>Contradicted by: ' + against if against else ''}</p></div>"
        )
    return (
        f'<section class="dossier-discrepancy" aria-label="{esc(discrepancy.measure)}">'
        f'<p class="dossier-measure">Measure: <code>{esc(discrepancy.measure)}</code> — {len(discrepancy.values)} claims, '
        f'{len({v.quantity.comparable() for v in discrepancy.values})} different values</p>'
        f'<div class="dossier-values">{"".join(cards)}</div></section>'
    )
