"""The first dossier's site walked as a reader would, in Chromium: follow a contested claim to
the passage that contradicts it, search by an alias, switch to dark mode; and on every page
type, axe-core finds no serious or critical accessibility violation. (That no page type
scrolls sideways on a 390 px phone is in test_browser_phones.py.)"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from typing import Any

import pytest
from sitebuild import ROOT, SAMPLE_CONTENT

from browser.browsing import DESKTOP, Served, axe_violations

KIND_FOLDERS = {"person": "people", "country": "countries", "organization": "organizations", "event": "events"}
INDEXES = ("people", "countries", "organizations", "events", "claims", "articles", "sources")
GUIDE = sorted(p.stem for p in (ROOT / "content" / "guide").glob("*.md"))


@cache
def export() -> dict[str, Any]:
    """The first dossier's derived data, as the site publishes it (read from the sources)."""
    from dossier.check import check_content
    from dossier.export import export as make_export

    result = check_content(SAMPLE_CONTENT)
    assert result.ok and result.dossier is not None and result.analysis is not None
    return json.loads(json.dumps(make_export(result.dossier, result.analysis), default=str))


def contested_journey() -> tuple[str, str, int, str]:
    """(person page, contested claim id, index of its first contradicting evidence, article id)."""
    data = export()
    kinds = {e["id"]: e["kind"] for e in data["entities"]}
    for claim in data["claims"]:
        if claim["status"] != "contested":
            continue
        people = [about for about in claim["about"] if kinds[about] == "person"]
        against = [i for i, item in enumerate(claim["evidence"]) if item["stance"] == "contradicts"]
        if people and against:
            return f"people/{people[0]}/", claim["id"], against[0], claim["evidence"][against[0]]["article"]
    raise AssertionError("the first dossier has no contested claim about a person")


def page_types() -> dict[str, str]:
    """One page of each type: name -> path in the site."""
    data = export()
    person, claim, _, article = contested_journey()
    pages = {"home": "", "person": person, "claim": f"claims/{claim}/", "article": f"articles/{article}/"}
    for kind in ("country", "organization", "event"):
        first = next(e for e in data["entities"] if e["kind"] == kind)
        pages[kind] = f"{KIND_FOLDERS[kind]}/{first['id']}/"
    pages.update({f"index-{name}": f"{name}/" for name in INDEXES})
    pages.update({"timeline": "timeline/", "discrepancies": "discrepancies/"})
    pages.update({f"guide-{name}": "guide/" if name == "index" else f"guide/{name}/" for name in GUIDE})
    return pages


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold()


def test_a_reader_follows_a_contested_claim_to_the_contradicting_passage(site: Served, open_page: Any) -> None:
    person_path, claim_id, index, article_id = contested_journey()
    person = next(e for e in export()["entities"] if f"people/{e['id']}/" == person_path)
    quote = export()["claims"][[c["id"] for c in export()["claims"]].index(claim_id)]["evidence"][index]["quote"]
    page = open_page()

    # Home -> the People tab -> the person.
    page.goto(site.url())
    page.locator(".md-tabs").get_by_role("link", name="People", exact=True).click()
    page.wait_for_url(site.url("people/"))
    page.locator("article").get_by_role("link", name=person["name"], exact=True).first.click()
    page.wait_for_url(site.url(person_path))
    assert page.locator("h1").inner_text() == person["name"]

    # The person's contested claims are listed; open this one.
    card = page.locator("article.dossier-claim-contested", has=page.locator(f"#claim-{claim_id}"))
    card.locator(f"#claim-{claim_id} a").click()
    page.wait_for_url(site.url(f"claims/{claim_id}/"))
    assert "Contested" in page.locator(".dossier-facts .dossier-badge").first.inner_text()

    # The contradicting quote is shown on the "Against" side.
    against = page.locator("section.dossier-side-contradicts figure.dossier-contradicts")
    assert against.count() >= 1
    figure = against.filter(has=page.locator(f'a[href$="#q-{claim_id}-{index}"]'))
    assert figure.locator("blockquote").is_visible()
    assert normalise(figure.locator("blockquote").inner_text()) == normalise(quote)

    # "Passage in the article" lands on the article, the quote scrolled into view and highlighted.
    figure.get_by_role("link", name=re.compile(r"^Passage in the article")).click()
    page.wait_for_url(re.compile(re.escape(site.url(f"articles/{article_id}/")) + f"#q-{claim_id}-{index}$"))
    current = page.locator("mark.dossier-quote.dossier-current")
    current.first.wait_for()
    marked = normalise(" ".join(current.all_inner_texts()))
    for part in re.split(r"\.\.\.|…", normalise(quote)):
        assert part.strip() in marked, f"the highlight {marked!r} lacks {part.strip()!r} of the quote"
    page.wait_for_function(
        """() => {
            const mark = document.querySelector("mark.dossier-quote.dossier-current");
            const box = mark.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
        }""",
        timeout=5_000,
    )
    background = current.first.evaluate("mark => getComputedStyle(mark).backgroundColor")
    other = page.locator("mark.dossier-quote:not(.dossier-current)")
    if other.count():
        assert background != other.first.evaluate("mark => getComputedStyle(mark).backgroundColor")


@pytest.mark.parametrize(
    ("alias", "entity"),
    [("Lukashenka", "people/alexander-lukashenko"), ("Tikhanovsky", "people/siarhei-tsikhanouski")],
)
def test_searching_an_alias_finds_the_entity_first(site: Served, open_page: Any, alias: str, entity: str) -> None:
    record = next(e for e in export()["entities"] if f"{KIND_FOLDERS[e['kind']]}/{e['id']}" == entity)
    assert alias in record["aliases"] and alias.casefold() not in record["name"].casefold()
    page = open_page()
    page.goto(site.url())
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(alias, delay=20)  # as a reader types: the theme searches on key presses
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    # The theme searches on every key press, so the list first shows the results for a part of
    # the alias; each result link carries its query in `h`, so wait for the whole alias's list.
    page.wait_for_function(
        """(query) => {
            const link = document.querySelector(".md-search-result__item > a.md-search-result__link");
            return link !== null && new URL(link.href).searchParams.get("h") === query;
        }""",
        arg=alias.casefold(),
        timeout=10_000,
    )
    assert (first.get_attribute("href") or "").startswith(site.url(entity + "/")), first.get_attribute("href")
    assert first.locator("h1").inner_text() == record["name"]


# Swept with every rule in dark mode at 1280 px (the axe sweeps leave them out there).
DARK_PAGES = ("home", "person", "claim", "article", "discrepancies")


def test_dark_mode_switches_the_palette_and_stays_accessible(site: Served, open_page: Any, axe: Any) -> None:
    page = open_page(color_scheme="light")
    page.goto(site.url())
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator('form[data-md-component="palette"] label[title="Switch to dark mode"]').click()
    page.wait_for_function(f"{scheme} === 'slate'")
    problems = []
    pages = page_types()
    for name in DARK_PAGES:
        page.goto(site.url(pages[name]))
        assert page.evaluate(scheme) == "slate", f"{name}: the choice of dark mode was not kept"
        problems += axe_violations(axe, page)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", list(page_types()))
def test_axe_finds_no_serious_violation(site: Served, open_page: Any, axe: Any, name: str) -> None:
    page = open_page(color_scheme="light", viewport=DESKTOP)
    page.goto(site.url(page_types()[name]))
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    assert axe_violations(axe, page) == []


def test_guide_pages_are_in_the_guide_tab(site: Served, open_page: Any) -> None:
    page = open_page()
    page.goto(site.url())
    page.locator(".md-tabs").get_by_role("link", name="Guide", exact=True).click()
    page.wait_for_url(re.compile(re.escape(site.url("guide/"))))
    listed = page.locator("nav.md-nav--primary .md-nav__item--active a.md-nav__link").evaluate_all("links => links.map(a => a.href)")
    for name in GUIDE:
        expected = site.url("guide/" if name == "index" else f"guide/{name}/")
        assert expected in listed, f"{expected} is not under the Guide tab: {listed}"


def test_every_tab_fits_a_desktop_screen(site: Served, open_page: Any) -> None:
    page = open_page(viewport=DESKTOP)
    page.goto(site.url())
    tabs = page.locator(".md-tabs__link").evaluate_all("links => links.map(a => [a.textContent.trim(), a.getBoundingClientRect().right])")
    width = page.evaluate("window.innerWidth")
    assert tabs[0][0] == "Overview"
    assert [name for name, right in tabs if right > width] == [], f"tabs past the right edge of {width} px: {tabs}"
