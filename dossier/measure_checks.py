"""Checks of a claim's quantity against the declared measures (contract v2, "Measures")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .dates import FieldProblem
from .suggest import did_you_mean
from .values import Measure, Quantity


def check_unit(quantity: Quantity, measure: Measure | None) -> FieldProblem | None:
    """A claim's unit must be its measure's unit when both are given (path below the quantity)."""
    if measure is None or measure.unit is None or quantity.unit is None or quantity.unit == measure.unit.strip():
        return None
    return FieldProblem(
        ("unit",),
        f"the unit '{quantity.unit}' is not the unit of measure '{measure.id}' ({measure.unit})",
        f"give the value in {measure.unit} and write unit: {measure.unit}, or leave unit: out (the measure's unit applies)",
        "unit",
        ": ",
    )


def check_measure(quantity: Quantity, measures: Mapping[str, Measure]) -> FieldProblem | None:
    """An undeclared measure: an error once the dossier declares measures, else a warning."""
    if quantity.measure in measures:
        return None
    if not measures:
        return FieldProblem(
            ("measure",),
            f"the measure '{quantity.measure}' is not declared, so the site shows its id",
            "declare it under measures: with a name (and a unit), so readers see what is counted",
            "undeclared-measure",
            ": ",
            severity="warning",
        )
    return FieldProblem(
        ("measure",),
        f"no measure has the id '{quantity.measure}'",
        did_you_mean(quantity.measure, measures) or "fix the spelling, or declare it under measures:",
        "unknown-measure",
        ": ",
    )


def unit_disagreements(quantities: Iterable[tuple[str, Quantity]], measures: Mapping[str, Measure]) -> list[tuple[str, FieldProblem]]:
    """Claims of an undeclared measure written in different units (1 km against 1000 m):
    a warning at each claim whose unit differs from the first one given (path below the quantity)."""
    first: dict[str, tuple[str, str]] = {}
    found: list[tuple[str, FieldProblem]] = []
    for claim, quantity in quantities:
        if quantity.unit is None or quantity.measure in measures:
            continue
        seen = first.setdefault(quantity.measure, (claim, quantity.unit))
        if seen[1] != quantity.unit:
            message = f"the unit '{quantity.unit}' differs from '{seen[1]}' in claim '{seen[0]}' for the same measure '{quantity.measure}'"
            hint = f"declare the measure under measures: with one unit, and give every value in it ({seen[1]} or {quantity.unit})"
            found.append((claim, FieldProblem(("unit",), message, hint, "unit", ": ", "warning")))
    return found
