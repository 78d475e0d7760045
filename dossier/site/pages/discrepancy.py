"""Values of one quantity measure, side by side with their sources, and on a number line."""

from __future__ import annotations

import math
from typing import NamedTuple

from ...exact import Exact
from ...model import Discrepancy, MeasuredValue, Status
from ...values import value_key
from ..page import Paging
from ..rendering import numberline
from ..rendering.links import DISCREPANCIES, listing_page
from ..rendering.parts import Link, Parts, quantity_text

MEASURES_PER_PAGE = 25  # discrepancies per page of the discrepancies pages
VALUES_SHOWN = 8  # values of a measure shown on an entity's or a claim's page


class ValueView(NamedTuple):
    text: str
    claim: Link
    status: Status
    according_to: tuple[str, ...]
    contradicted_by: tuple[str, ...]
    conflict: bool  # cannot be right together with at least one other value


class DiscrepancyView(NamedTuple):
    measure: str  # the measure's name (its id when it is not declared)
    unit: str | None
    conflict: bool  # some two values cannot both be right
    conflicting: list[str]  # the texts of the values that conflict with another
    claims: int
    distinct: int
    values: list[ValueView]
    hidden: int
    more_href: str
    chart: numberline.NumberLine  # the values shown, on one axis


def discrepancies_paging(parts: Parts) -> Paging:
    return Paging(len(parts.data.analysis.discrepancies), MEASURES_PER_PAGE, MEASURES_PER_PAGE)


def _shown(discrepancy: Discrepancy, limit: int | None, keep: str | None) -> list[MeasuredValue]:
    """All values, or `limit` of them with the claim `keep`'s own among them."""
    values = list(discrepancy.values)
    if limit is None or len(values) <= limit:
        return values
    shown = values[:limit]
    own = next((v for v in values if v.claim == keep), None)
    if own is not None and own not in shown:
        shown[-1] = own
    return shown


def _finite(end: Exact) -> float | None:
    return float(end) if math.isfinite(end) else None


def chart_interval(value: MeasuredValue, view: ValueView) -> numberline.Interval:
    """The value's interval on the number line: open ends None; an approximate value keeps
    its unwidened part (`exact`) when both of its ends are written."""
    exact = None
    if value.quantity.approximate:
        low, high, _ = value_key(value.quantity.value, False)
        if math.isfinite(low) and math.isfinite(high):
            exact = (float(low), float(high))
    return numberline.Interval(
        claim_id=value.claim,
        label=view.text,
        low=_finite(value.interval.low),
        high=_finite(value.interval.high),
        origins=view.according_to,
        href=view.claim.href,
        exact=exact,
    )


def _value_view(parts: Parts, value: MeasuredValue) -> ValueView:
    data = parts.data
    claim = data.dossier.claims[value.claim]
    assessment = data.analysis.assessments[claim.id]
    return ValueView(
        quantity_text(value.quantity, data.dossier.measures.get(value.quantity.measure)),
        parts.claim_link(claim),
        assessment.status,
        assessment.supporting_origins,
        assessment.contradicting_origins,
        value.in_conflict,
    )


def discrepancy_view(parts: Parts, discrepancy: Discrepancy, *, limit: int | None = None, keep: str | None = None) -> DiscrepancyView:
    """The values of a measure side by side. With `limit`, only that many (always the claim
    `keep`'s own), and a link to the discrepancies page that has them all."""
    shown = _shown(discrepancy, limit, keep)
    views = [_value_view(parts, value) for value in shown]
    hidden = len(discrepancy.values) - len(shown)
    return DiscrepancyView(
        measure=discrepancy.name,
        unit=discrepancy.unit,
        conflict=discrepancy.conflict,
        conflicting=list(dict.fromkeys(view.text for view in views if view.conflict)),
        claims=len(discrepancy.values),
        distinct=len({v.quantity.comparable() for v in discrepancy.values}),
        values=views,
        hidden=hidden,
        more_href=_all_values_href(parts, discrepancy) if hidden > 0 else "",
        chart=numberline.layout([chart_interval(value, view) for value, view in zip(shown, views, strict=True)]),
    )


def _all_values_href(parts: Parts, discrepancy: Discrepancy) -> str:
    index = parts.data.discrepancy_number[discrepancy.measure]
    page = index // MEASURES_PER_PAGE + 1
    return parts.href(listing_page(DISCREPANCIES, page), f"measure-{index + 1}")
