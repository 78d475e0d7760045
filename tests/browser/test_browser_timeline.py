"""The timeline and the relationship maps in Chromium, at 1280 and 390 px, light and dark: the
filter by entity (with JavaScript, and its per-entity pages without), maps that show and
link, nothing wider than the screen, and no serious accessibility violation (axe runs here on
the pages the sweeps of the other files leave out: an entity's timeline, the dossier's map)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from browser.browsing import COLOUR_RULES, DESKTOP, PHONE, Served, axe_violations
from browser.test_browser_axe_sweeps import swept_pages
from browser.test_browser_reader import DARK_PAGES, page_types

SCHEME = "document.body.getAttribute('data-md-color-scheme')"
VIEWS = [
    pytest.param(DESKTOP, "light", id="1280-light"),
    pytest.param(DESKTOP, "dark", id="1280-dark"),
    pytest.param(PHONE, "light", id="390-light"),
    pytest.param(PHONE, "dark", id="390-dark"),
]
OWN_PAGES = ("timeline/", "timeline/alexander-lukashenko/", "map/", "people/alexander-lukashenko/")


def swept_elsewhere(viewport: dict[str, int], scheme: str) -> set[str]:
    """The pages axe sweeps at this width and scheme in other files, with the same rules and
    every folded part open: every page type at 1280 px in light mode (test_browser_reader.py),
    the rest in test_browser_axe_sweeps.py."""
    if (viewport, scheme) == (DESKTOP, "light"):
        return set(page_types().values())
    width = "desktop" if viewport == DESKTOP else "phone"
    pages = set(swept_pages(width, scheme).values())
    if width == "desktop" and scheme == "dark":
        pages |= {page_types()[name] for name in DARK_PAGES}
    return pages


def open_view(open_page: Any, viewport: dict[str, int], scheme: str, **options: Any) -> Any:
    if viewport == PHONE:
        options.update(is_mobile=True, has_touch=True)
    return open_page(viewport=viewport, color_scheme=scheme, **options)


def visible_items(page: Any) -> list[str]:
    """The `data-e` of every timeline item shown."""
    return page.locator(".dossier-tl-day > ul > li").evaluate_all(
        "items => items.filter(li => li.offsetParent !== null).map(li => li.getAttribute('data-e') || '')"
    )


@pytest.mark.parametrize(("viewport", "scheme"), VIEWS)
def test_the_timeline_filters_by_entity_on_the_page(site: Served, open_page: Any, viewport: dict[str, int], scheme: str) -> None:
    page = open_view(open_page, viewport, scheme)
    page.goto(site.url("timeline/"))
    everything = visible_items(page)
    menu = page.get_by_label("Show only items about")
    key = page.locator('details[data-dossier-tl-filter] a[href="alexander-lukashenko/"]').get_attribute("data-key")
    menu.select_option(key)
    shown = visible_items(page)
    assert 0 < len(shown) < len(everything)
    assert all(key in keys.split() for keys in shown)
    # Dates left with nothing to show are hidden too, heading and all.
    days = page.locator(".dossier-tl-day").evaluate_all(
        "days => days.map(d => [d.offsetParent !== null, [...d.querySelectorAll('li')].some(li => li.offsetParent !== null)])"
    )
    assert all(shown == has_items for shown, has_items in days) and not all(shown for shown, _ in days)
    status = page.locator(".dossier-tl-filter-status")
    assert f"{len(shown)} of the {len(everything)} items on this page are about Alexander Lukashenko" in status.inner_text()
    menu.select_option("")
    assert visible_items(page) == everything
    menu.select_option(key)
    status.get_by_role("link", name="Its whole timeline").click()
    page.wait_for_url(site.url("timeline/alexander-lukashenko/"))
    assert page.locator("h1").inner_text() == "Timeline of Alexander Lukashenko"


def test_without_javascript_each_entity_has_its_timeline_a_click_away(site: Served, open_page: Any) -> None:
    page = open_page(java_script_enabled=False)
    page.goto(site.url("people/alexander-lukashenko/"))
    page.get_by_role("link", name="The whole timeline of Alexander Lukashenko").click()
    page.wait_for_url(site.url("timeline/alexander-lukashenko/"))
    page.goto(site.url("timeline/"))
    assert page.locator(".dossier-tl-filter").count() == 0
    page.locator("details[data-dossier-tl-filter] > summary").click()
    page.locator("details[data-dossier-tl-filter]").get_by_role("link", name="Donald Trump", exact=True).click()
    page.wait_for_url(site.url("timeline/donald-trump/"))
    assert page.locator(".dossier-tl-day").count() > 3


@pytest.mark.parametrize(("viewport", "scheme"), VIEWS)
def test_the_map_shows_and_its_nodes_lead_to_their_pages(site: Served, open_page: Any, viewport: dict[str, int], scheme: str) -> None:
    page = open_view(open_page, viewport, scheme)
    page.goto(site.url("people/alexander-lukashenko/"))
    svg = page.locator("#connections ~ figure svg.dossier-map-svg")
    assert svg.is_visible()
    box = svg.bounding_box()
    # The drawing keeps to 400 px on wide screens (a page a few screens long); nearly the width on phones.
    assert box is not None and box["width"] >= 0.65 * min(viewport["width"] - 40, 600) and box["x"] + box["width"] <= viewport["width"]
    node = svg.get_by_role("link", name=re.compile(r"^Donald Trump(:|$)"))  # a node's name, then how it is connected
    target = node.bounding_box()
    assert target is not None and target["height"] >= 24  # WCAG 2.2 target size, at 390 px too
    node.click()
    page.wait_for_url(site.url("people/donald-trump/"))
    page.goto(site.url("map/"))
    assert page.locator("svg.dossier-map-svg").is_visible()
    page.locator("svg.dossier-map-svg").get_by_role("link", name=re.compile(r"^Alexander Lukashenko(:|$)")).click()
    page.wait_for_url(site.url("people/alexander-lukashenko/"))


@pytest.mark.parametrize(("viewport", "scheme"), VIEWS)
def test_the_timeline_and_maps_fit_the_screen_and_pass_axe(
    site: Served, open_page: Any, axe: Any, viewport: dict[str, int], scheme: str
) -> None:
    page = open_view(open_page, viewport, scheme)
    problems, swept = [], swept_elsewhere(viewport, scheme)
    assert set(OWN_PAGES) - swept, "every page is swept elsewhere: this test would run axe on none"
    for path in OWN_PAGES:
        page.goto(site.url(path))
        assert page.evaluate(SCHEME) == ("slate" if scheme == "dark" else "default")
        parts = page.locator(".dossier-tl, .dossier-tl-legend, .dossier-tl-filter, .dossier-map-section")
        assert parts.count() > 0, path
        for right in parts.evaluate_all("els => els.map(e => e.getBoundingClientRect().right)"):
            assert right <= viewport["width"], f"{path}: a part is {right}px wide"
        if path.startswith(("timeline", "map")):
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        if path not in swept:
            problems += axe_violations(axe, page, COLOUR_RULES if scheme == "dark" else None)  # dark: only the palette changes
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_event_and_a_single_source_claim_look_different(site: Served, open_page: Any, scheme: str) -> None:
    page = open_page(color_scheme=scheme)
    page.goto(site.url("timeline/"))
    style = "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]"
    event = page.locator(".dossier-tl .dossier-kind-event").first.evaluate(style)
    single = page.locator(".dossier-tl .dossier-status-single-source").first.evaluate(style)
    assert event[0] != single[0] and event[1] != single[1]
    assert page.locator(".dossier-tl .dossier-kind-event").first.inner_text().startswith("★")
