"""Values of one quantity measure, side by side with their sources."""

from __future__ import annotations

from ..model import Discrepancy
from .html import esc
from .links import DISCREPANCIES, listing_page
from .page import Paging
from .parts import Parts, quantity_text, status_badge

MEASURES_PER_PAGE = 25  # discrepancies per page of the discrepancies pages
VALUES_SHOWN = 8  # values of a measure shown on an entity's or a claim's page


def discrepancies_paging(parts: Parts) -> Paging:
    return Paging(len(parts.data.analysis.discrepancies), MEASURES_PER_PAGE, MEASURES_PER_PAGE)


def discrepancy_table(parts: Parts, discrepancy: Discrepancy, *, limit: int | None = None, keep: str | None = None) -> str:
    """The values of a measure side by side. With `limit`, only that many (always the claim
    `keep`'s own), and a link to the discrepancies page that has them all."""
    data = parts.data
    values = list(discrepancy.values)
    if limit is not None and len(values) > limit:
        shown = values[:limit]
        own = next((v for v in values if v.claim == keep), None)
        if own is not None and own not in shown:
            shown[-1] = own
    else:
        shown = values
    cards = []
    for value in shown:
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
        f'<div class="dossier-values">{"".join(cards)}</div>{_more(parts, discrepancy, len(values) - len(shown))}</section>'
    )


def _more(parts: Parts, discrepancy: Discrepancy, hidden: int) -> str:
    if hidden <= 0:
        return ""
    index = parts.data.discrepancy_number[discrepancy.measure]
    page = index // MEASURES_PER_PAGE + 1
    href = parts.href(listing_page(DISCREPANCIES, page), f"measure-{index + 1}")
    return f'<p class="dossier-hint">And {hidden} more value{"s" * (hidden != 1)}: <a href="{href}">all values of this measure</a>.</p>'
