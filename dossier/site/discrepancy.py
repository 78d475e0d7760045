"""Values of one quantity measure, side by side with their sources."""

from __future__ import annotations

from typing import NamedTuple

from ..model import Discrepancy, Status
from .links import DISCREPANCIES, listing_page
from .page import Paging
from .parts import Link, Parts, quantity_text

MEASURES_PER_PAGE = 25  # discrepancies per page of the discrepancies pages
VALUES_SHOWN = 8  # values of a measure shown on an entity's or a claim's page


class ValueView(NamedTuple):
    text: str
    claim: Link
    status: Status
    according_to: tuple[str, ...]
    contradicted_by: tuple[str, ...]


class DiscrepancyView(NamedTuple):
    measure: str
    claims: int
    distinct: int
    values: list[ValueView]
    hidden: int
    more_href: str


def discrepancies_paging(parts: Parts) -> Paging:
    return Paging(len(parts.data.analysis.discrepancies), MEASURES_PER_PAGE, MEASURES_PER_PAGE)


def discrepancy_view(parts: Parts, discrepancy: Discrepancy, *, limit: int | None = None, keep: str | None = None) -> DiscrepancyView:
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
    views = []
    for value in shown:
        claim = data.dossier.claims[value.claim]
        assessment = data.analysis.assessments[claim.id]
        views.append(
            ValueView(
                quantity_text(value.quantity, parts.data.dossier.measures.get(value.quantity.measure)),
                parts.claim_link(claim),
                assessment.status,
                assessment.supporting_origins,
                assessment.contradicting_origins,
            )
        )
    hidden = len(values) - len(shown)
    return DiscrepancyView(
        discrepancy.measure,
        len(discrepancy.values),
        len({v.quantity.comparable() for v in discrepancy.values}),
        views,
        hidden,
        _all_values_href(parts, discrepancy) if hidden > 0 else "",
    )


def _all_values_href(parts: Parts, discrepancy: Discrepancy) -> str:
    index = parts.data.discrepancy_number[discrepancy.measure]
    page = index // MEASURES_PER_PAGE + 1
    return parts.href(listing_page(DISCREPANCIES, page), f"measure-{index + 1}")
