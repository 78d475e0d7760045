"""The number line of a measure: layout as data, drawn by a template with every value on one axis."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader
from sitebuild import ROOT

from dossier.site.rendering.numberline import AXIS, Interval, disjoint, layout, nice_step

TEMPLATES = ROOT / "dossier" / "site" / "templates"


def draw(values: list[Interval]) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    return env.get_template("numberline.html").render(chart=layout(values))


MORE_THAN_1000 = Interval("remaining-1", "more than 1,000", 1001, None, ("Reuters",), "../c/remaining-1/")
NEARLY_1200 = Interval("remaining-2", "about 1,200", 1080, 1320, ("Tsikhanouskaya",), "", exact=(1200, 1200))


def test_overlapping_values_are_not_a_conflict() -> None:
    chart = layout([MORE_THAN_1000, NEARLY_1200])
    assert not chart.conflict and not any(row.conflict for row in chart.rows)
    assert "differ only in precision" in chart.summary
    assert chart.rows[0].open_high and not chart.rows[0].open_low and chart.rows[0].x2 == AXIS


def test_disjoint_values_conflict_and_are_marked() -> None:
    chart = layout([Interval("a", "52", 52, 52), Interval("b", "60", 60, 60), Interval("c", "50–55", 50, 55)])
    assert chart.conflict
    assert [row.conflict for row in chart.rows] == [True, True, True]
    assert [row.point for row in chart.rows] == [True, True, False]
    html = draw([Interval("a", "52", 52, 52), Interval("b", "60", 60, 60)])
    assert html.count("✖ conflicts") == 2 and "cannot all be right" in html


def test_the_axis_has_round_ticks_inside_the_chart() -> None:
    chart = layout([Interval("a", "1,300–1,400", 1300, 1400), Interval("b", "1,300", 1300, 1300)])
    texts = [tick.text for tick in chart.ticks]
    assert "1,300" in texts and "1,400" in texts
    assert all(0 <= tick.x <= AXIS for tick in chart.ticks)


def test_labels_and_origins_are_text_never_markup() -> None:
    html = draw([Interval("x", "<script>alert(1)</script>", 1, 2, ('<img src=x onerror="a()">',), "javascript:alert(1)")])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_the_same_values_give_the_same_picture() -> None:
    values = [MORE_THAN_1000, NEARLY_1200, Interval("z", "fewer than 900", None, 899)]
    assert draw(values) == draw(list(values))


@given(st.floats(min_value=1e-6, max_value=1e12, allow_nan=False))
def test_nice_steps_are_round(span: float) -> None:
    step = nice_step(span)
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, round_number) for round_number in (1, 2, 5, 10)), step
    assert 1 <= span / step <= 5


ends = st.one_of(st.none(), st.integers(min_value=-1000, max_value=1000))


@given(st.lists(st.tuples(ends, ends), min_size=1, max_size=6))
def test_a_row_conflicts_exactly_when_it_is_disjoint_from_another(pairs: list[tuple[int | None, int | None]]) -> None:
    values = []
    for number, (a, b) in enumerate(pairs):
        low, high = (min(a, b), max(a, b)) if a is not None and b is not None else (a, b)
        if low is None and high is None:
            low = high = 0
        values.append(Interval(f"c{number}", "v", low, high))
    chart = layout(values)
    for row, value in zip(chart.rows, values, strict=True):
        assert row.conflict == any(disjoint(value, other) for other in values if other is not value)
    assert chart.conflict == any(row.conflict for row in chart.rows)
