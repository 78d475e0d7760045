"""The timeline and the relationship maps of the first dossier's site, as a reader finds them:
each date's events before its claims, imprecise dates shown as spans, a timeline per entity,
and maps whose nodes link to pages that exist, capped, and drawn the same way every time."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from sitebuild import SAMPLE_CONTENT

from dossier.kinds import KINDS

FOLDERS = {spec.singular: spec.folder for spec in KINDS}
DAY = re.compile(r'<section class="dossier-tl-day[^"]*"><h[34] id="([^"]+)"[^>]*>(.*?)</h[34]>(.*?)</section>', re.S)
ITEM = re.compile(r'<li( class="dossier-tl-event")?[^>]*>.*?<a href="([^"]+)">', re.S)
SVG = re.compile(r'<svg class="dossier-map-svg".*?</svg>', re.S)


@pytest.fixture(scope="module")
def site(first_site: Path) -> Path:
    return first_site


@pytest.fixture(scope="module")
def export(site: Path) -> dict:
    return json.loads((site / "dossier.json").read_text("utf-8"))


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def days(markup: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(anchor, heading text, [(kind, href), ...]) of each date of a timeline page, in page order."""
    return [
        (anchor, text_of(heading), [("event" if event else "claim", href) for event, href in ITEM.findall(items)])
        for anchor, heading, items in DAY.findall(markup)
    ]


def timeline_pages(site: Path, folder: str) -> list[str]:
    first = site / folder / "index.html"
    later = (
        sorted((site / folder / "page").glob("*/index.html"), key=lambda p: int(p.parent.name)) if (site / folder / "page").exists() else []
    )
    return [p.read_text("utf-8") for p in [first, *later]]


def test_on_11_september_2025_the_release_comes_first_then_the_claims_of_that_day(site: Path) -> None:
    found = {anchor: items for anchor, _, items in days(page(site, "timeline"))}
    items = found["d2025-09-11"]
    assert items[0] == ("event", "../events/sept-2025-prisoner-release/")
    assert len(items) > 10 and all(kind == "claim" for kind, _ in items[1:])
    # Everywhere: on each date, no event comes after a claim.
    for markup in timeline_pages(site, "timeline"):
        for anchor, _, entries in days(markup):
            kinds = [kind for kind, _ in entries]
            assert kinds == sorted(kinds, key=lambda k: k != "event"), anchor


def test_the_timeline_has_a_heading_per_year_month_and_date_in_date_order(site: Path) -> None:
    markup = page(site, "timeline")
    assert '<h2 id="y2025">2025</h2>' in markup and '<h3 id="m2025-09">September 2025</h3>' in markup
    anchors = [anchor for anchor, _, _ in days(markup)]
    assert anchors.index("d2025-09-10") < anchors.index("d2025-09-11") < anchors.index("d2025-09-12")
    assert markup.index('id="y2024"') < markup.index('id="y2025"')
    assert "<ol" not in markup[markup.index('class="dossier-tl"') :]  # no numbering to restart each year
    assert '<span class="dossier-badge dossier-kind-event"><span aria-hidden="true">★</span> Event</span>' in markup


def test_imprecise_dates_are_spans_labelled_and_placed_at_their_start(site: Path) -> None:
    found = {anchor: heading for anchor, heading, _ in days(page(site, "timeline"))}
    assert found["d2025-06"] == "Jun 2025 ↔ whole month"
    assert found["d2025-08"] == "Aug 2025 ↔ whole month"
    assert found["d2025-12-12--2025-12-13"] == "12–13 Dec 2025 ↔ 2 days"
    assert found["d1994--open"] == "since 1994 ↔ open-ended"
    assert found["d2024-07--2025-09"] == "Jul 2024 – Sep 2025 ↔ span"
    anchors = list(found)
    # A month sorts at its first day: June 2025 before 27 June 2025; the range starting in July 2024 in 2024.
    assert anchors.index("d2025-06") < anchors.index("d2025-06-27")
    markup = page(site, "timeline")
    assert markup.index('id="m2024-07"') < markup.index('id="d2024-07--2025-09"') < markup.index('id="y2025"')
    assert 'datetime="2025-06-01"' not in markup and "1 Jun 2025" not in markup


def _expected_items(export: dict, entity_id: str) -> set[str]:
    """The claims and events an entity's own timeline should list, as site paths."""
    expected = set()
    for entity in export["entities"]:
        if entity["kind"] == "event" and entity_id in (entity["id"], *entity["participants"], *entity["countries"]):
            expected.add(f"events/{entity['id']}/")
    for claim in export["claims"]:
        if claim["date"] is not None and entity_id in claim["about"]:
            expected.add(f"claims/{claim['id']}/")
    return expected


def test_every_entity_with_dated_items_has_a_timeline_of_only_its_items_linked_from_its_page(site: Path, export: dict) -> None:
    with_timeline = 0
    for entity in export["entities"]:
        expected = _expected_items(export, entity["id"])
        own = site / "timeline" / entity["id"] / "index.html"
        assert own.exists() == bool(expected), entity["id"]
        if not expected:
            continue
        with_timeline += 1
        markup = own.read_text("utf-8")
        listed = {href.replace("../../", "") for _, _, items in days(markup) for _, href in items}
        assert listed == expected, entity["id"]
        entity_page = page(site, f"{FOLDERS[entity['kind']]}/{entity['id']}")
        assert f'href="../../timeline/{entity["id"]}/"' in entity_page, entity["id"]
        assert f'href="../../{FOLDERS[entity["kind"]]}/{entity["id"]}/"' in markup  # and back
    assert with_timeline > 30
    # The main timeline links to the timelines of the entities on it, which its script turns into a filter.
    assert 'href="alexander-lukashenko/" data-key=' in page(site, "timeline")


def _svg(markup: str) -> str:
    match = SVG.search(markup)
    assert match, "no relationship map"
    return match.group(0)


def test_an_entity_page_has_a_map_whose_nodes_link_to_entity_pages(site: Path, export: dict) -> None:
    markup = page(site, "people/alexander-lukashenko")
    svg = _svg(markup)
    assert "<title id=" in svg and "<desc id=" in svg
    links = re.findall(r'<a class="dossier-map-node[^"]*" href="([^"]+)"', svg)
    assert "../donald-trump/" in links and len(links) == len(set(links)) > 10
    base = site / "people" / "alexander-lukashenko"
    for href in links:
        assert (base / href / "index.html").resolve().exists(), href
    # The map comes right after the summary, before the claims; its list names what each link stands for.
    assert markup.index('id="connections"') < markup.index('id="claims"')
    both = sum(1 for c in export["claims"] if {"alexander-lukashenko", "donald-trump"} <= set(c["about"]))
    listed = re.search(r"<li><a href=\"../donald-trump/\">Donald Trump</a>(.*?)</li>", markup)
    assert listed and f"about the same {both} claims" in text_of(listed.group(1))


def test_a_map_draws_at_most_24_connections_and_lists_the_others(site: Path, export: dict) -> None:
    markup = page(site, "countries/belarus")
    connected = {e for c in export["claims"] if "belarus" in c["about"] for e in c["about"]}
    for entity in export["entities"]:  # events in Belarus, people and organizations of Belarus
        if "belarus" in entity["countries"]:
            connected.add(entity["id"])
    connected -= {"belarus"}
    assert len(connected) > 24  # the first dossier's most connected entity
    nodes = re.findall(r'<a class="dossier-map-node', _svg(markup))
    assert len(nodes) == 24
    total = int(re.search(r'<h2 id="connections">Connections \((\d+)\)</h2>', markup).group(1))
    listed = markup[markup.index('class="dossier-map-list"') :]
    listed = listed[: listed.index("</details>")]
    assert total == len(connected) and listed.count("<li>") == total
    assert listed.count("(not on the map)") == total - 24


def test_the_dossier_map_page_is_in_the_navigation_and_says_what_it_leaves_out(site: Path, export: dict) -> None:
    assert 'href="map/"' in page(site, "")
    markup = page(site, "map")
    nodes = re.findall(r'<a class="dossier-map-node[^"]*" href="([^"]+)"', _svg(markup))
    assert len(nodes) == 30 and "Alexander Lukashenko" in markup
    assert "The 30 most connected of the dossier" in text_of(markup) and "at most 30 are drawn" in text_of(markup)
    for href in nodes:
        assert (site / "map" / href / "index.html").resolve().exists(), href


def _maps(reverse: bool) -> list[str]:
    """The maps of every entity page and of the map page, from a fresh site, input order reversed or not."""
    from dossier.check import check_content
    from dossier.model import Dossier
    from dossier.site.site import Site

    result = check_content(SAMPLE_CONTENT)
    assert result.dossier is not None and result.analysis is not None
    d = result.dossier
    if reverse:  # nothing may depend on the order entities and claims are written in
        d = Dossier(d.articles, dict(reversed(d.entities.items())), dict(reversed(d.claims.items())), d.measures)
    site = Site(d, result.analysis)
    uris = ["map.md", *sorted(f"{FOLDERS[e.kind.value]}/{e.id}.md" for e in d.entities.values())]
    return [m.group(0) for uri in uris for m in SVG.finditer(site.render(uri).html)]


def test_maps_are_the_same_byte_for_byte_whatever_the_order_of_the_input() -> None:
    first, again, reversed_input = _maps(False), _maps(False), _maps(True)
    assert len(first) > 40
    assert first == again == reversed_input
