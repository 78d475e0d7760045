"""The first dossier read on a 390px phone and a 1280px desktop, in light and dark mode:
nothing scrolls sideways, no table cell splits a word, long pages fold their long lists,
small controls are real tap targets, an article's highlights explain themselves and can be
switched off, its cites show their claim on a tap, and a claim page gives no column to a side
without evidence. (axe-core's sweeps of every page type: test_browser_axe_sweeps.py.)"""

from __future__ import annotations

import re
from typing import Any

import pytest

from browser.browsing import DESKTOP, PHONE, Served
from browser.test_browser_reader import export, normalise, page_types

LUKASHENKO = "people/alexander-lukashenko/"
ARTICLE = "articles/reuters-2025-09-11/"
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
SCHEMES = {"light": "default", "dark": "slate"}
HEIGHT_LIMIT = 9_000  # Lukashenko's page at 390px (it was 26,600px with every list in full)

# Every word of every rendered table cell (words end at spaces, hyphens, dashes and slashes,
# where a line may break) lies on one line, and no cell's content is wider than the cell.
WORD_SPLITS = r"""() => {
  const problems = [];
  for (const cell of document.querySelectorAll("td, th")) {
    if (!cell.getClientRects().length) continue;
    const text = cell.textContent.trim().replace(/\s+/g, " ").slice(0, 50);
    if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`"${text}": content ${cell.scrollWidth}px wide in ${cell.clientWidth}px`);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\s\-\u2010-\u2015\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`"${word[0]}" split over ${lines.size} lines in "${text}"`);
      }
    }
  }
  return problems;
}"""
OPEN_ALL = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
# Width and height of each matching element that is shown: [[description, width, height], ...].
SIZES = """(elements) => elements.filter((e) => e.getClientRects().length).map((e) => {
  const box = e.getBoundingClientRect();
  return [e.outerHTML.slice(0, 90), box.width, box.height];
})"""
SMALL_CONTROLS = (
    "a.dossier-cite, a.dossier-pnum, details.dossier-more > summary, .dossier-highlight-toggles label, "
    ".dossier-pager a, table.dossier-table th button, input.dossier-filter, .dossier-cite-popover a"
)


def scheme_page(open_page: Any, width: str, scheme: str) -> Any:
    phone = width == "phone"
    return open_page(viewport=WIDTHS[width], color_scheme=scheme, is_mobile=phone, has_touch=phone)


def claim_pages() -> dict[str, str]:
    """A claim with evidence on both sides, and one that no source contradicts."""
    claims = export()["claims"]

    def stances(claim: dict[str, Any]) -> list[str]:
        return [item["stance"] for item in claim["evidence"]]

    both = next(c for c in claims if {"supports", "contradicts"} <= set(stances(c)))
    unopposed = next(c for c in claims if "contradicts" not in stances(c) and stances(c).count("supports") >= 2)
    return {"both sides": f"claims/{both['id']}/", "unopposed": f"claims/{unopposed['id']}/"}


@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_page_scrolls_sideways_and_no_table_cell_splits_a_word(site: Served, open_page: Any, width: str) -> None:
    # Every page type of test_browser_reader.py and Lukashenko's page, each with its folded
    # parts open: what a reader's phone must show without scrolling sideways.
    page = scheme_page(open_page, width, "light")
    problems = []
    for name, path in {**page_types(), "lukashenko": LUKASHENKO}.items():
        page.goto(site.url(path))
        page.evaluate(OPEN_ALL)  # folded tables count too
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > WIDTHS[width]["width"]:
            problems.append(f"{name} ({path or '/'}): {scroll_width}px wide")
        problems += [f"{name} ({path or '/'}): {problem}" for problem in page.evaluate(WORD_SPLITS)]
    assert problems == [], "\n".join(problems)


def test_lukashenkos_page_is_a_few_screens_on_a_phone_and_keeps_every_claim_and_mention(site: Served, open_page: Any) -> None:
    heights = {}
    for width in WIDTHS:
        page = scheme_page(open_page, width, "light")
        page.goto(site.url(LUKASHENKO))
        heights[width] = page.evaluate("document.documentElement.scrollHeight")
    assert heights["phone"] < HEIGHT_LIMIT, heights
    # it was 11,900px; the claim cards' conclusions (contract v3, one sentence each) add ~300px
    assert heights["desktop"] < HEIGHT_LIMIT * 2 // 3 + 600, heights
    # Folded, not dropped: every claim about him and every article naming him is linked.
    data = export()
    claims = {c["id"] for c in data["claims"] if "alexander-lukashenko" in c["about"]}
    # getAttribute, not .href: the relationship map's links are SVG <a>, whose href is no string.
    resolve = "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
    links = set(page.locator("article a[href]").evaluate_all(resolve))
    missing = [c for c in claims if site.url(f"claims/{c}/") not in links]
    assert missing == []
    summaries = page.locator("details.dossier-more:not([open]) > summary").all_inner_texts()
    assert any(re.fullmatch(r"All \d+ claims, in a table", s) for s in summaries), summaries
    assert all(re.search(r"\d", s) for s in summaries), f"a folded list without its count: {summaries}"
    folded_table = page.locator("details#all-claims table.dossier-table")
    assert not folded_table.is_visible()
    page.locator("details#all-claims > summary").click()
    assert folded_table.is_visible()
    assert folded_table.locator("tbody tr").count() == len(claims)


def test_the_claims_index_is_a_list_of_cards_on_a_phone(site: Served, open_page: Any) -> None:
    page = scheme_page(open_page, "phone", "light")
    page.goto(site.url("claims/"))
    rows = page.locator("table.dossier-table tbody tr")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 220 * rows.count(), f"{height}px for {rows.count()} claims (it was 46,200px for 99)"
    # Each card: the claim across the screen, then its figures after their column's title.
    first = rows.first
    claim_cell, table = first.locator("td").first.bounding_box(), page.locator("table.dossier-table").bounding_box()
    assert claim_cell and table and claim_cell["width"] > table["width"] * 0.95
    figures = first.locator("td[data-label]")
    labels = figures.evaluate_all("cells => cells.map(c => [c.dataset.label, getComputedStyle(c, '::before').content])")
    assert labels and all(shown == f'"{label}: "' for label, shown in labels), labels
    assert figures.first.get_attribute("data-label") == "Origins for"
    origins_for = figures.first.bounding_box()
    assert origins_for and origins_for["width"] < table["width"] / 2, "a figure takes a line of its own"
    # The headings sort, as buttons.
    page.locator("table.dossier-table th button", has_text="Date").click()
    assert page.locator("table.dossier-table th[aria-sort]").inner_text().startswith("Date")


@pytest.mark.parametrize("width", list(WIDTHS))
def test_small_controls_are_at_least_24px_square(site: Served, open_page: Any, width: str) -> None:
    page = scheme_page(open_page, width, "light")
    small = []
    for path in (ARTICLE, LUKASHENKO, "claims/"):
        page.goto(site.url(path))
        page.evaluate(OPEN_ALL)
        if path == ARTICLE:
            page.locator("a.dossier-cite").first.click()  # its popover's link too
        sizes = page.locator(SMALL_CONTROLS).evaluate_all(SIZES)
        assert sizes, path
        small += [f"{path}: {w:.1f}×{h:.1f} {html}" for html, w, h in sizes if w < 24 or h < 24]
    assert small == [], "\n".join(small)


def test_article_legend_explains_the_marks_which_are_quiet_until_a_switch_colours_one_stance(site: Served, open_page: Any) -> None:
    page = scheme_page(open_page, "phone", "light")
    page.goto(site.url(ARTICLE))
    legend = page.locator(".dossier-highlight-legend")
    assert "supporting a claim" in legend.inner_text() and "contradicting a claim" in legend.inner_text()
    text = page.locator(".dossier-article-text")
    words = text.inner_text()
    background = "mark => getComputedStyle(mark).backgroundColor"
    hatching = "span => getComputedStyle(span).backgroundImage"
    supports, contradicts = text.locator("mark.dossier-supports").first, text.locator("mark.dossier-contradicts").first
    left_out = text.locator('.dossier-left-out[data-stances="supports"]').first
    # Quiet by default: no colour behind the words, no hatching, but a line under each passage and its cite.
    assert supports.evaluate(background) == "rgba(0, 0, 0, 0)" and contradicts.evaluate(background) == "rgba(0, 0, 0, 0)"
    assert supports.evaluate("mark => getComputedStyle(mark).borderBottomStyle") != "none"
    assert left_out.evaluate(hatching) == "none"
    assert text.locator("a.dossier-cite.dossier-supports").first.is_visible()

    legend.get_by_label("supporting passages").check()
    assert supports.evaluate(background) != "rgba(0, 0, 0, 0)"
    assert contradicts.evaluate(background) == "rgba(0, 0, 0, 0)"
    assert left_out.evaluate(hatching) != "none"  # what its ellipsis leaves out
    assert text.inner_text().replace("\n", "") == words.replace("\n", "")  # only the marks change

    legend.get_by_label("supporting passages").uncheck()
    assert supports.evaluate(background) == "rgba(0, 0, 0, 0)"


def test_without_javascript_the_marks_stay_quiet_and_no_switch_does_nothing(site: Served, open_page: Any) -> None:
    page = open_page(viewport=PHONE, java_script_enabled=False)
    page.goto(site.url(ARTICLE))
    assert page.locator(".dossier-highlight-legend").is_visible()
    assert not page.locator(".dossier-highlight-toggles").is_visible()
    mark = page.locator(".dossier-article-text mark.dossier-supports").first
    assert mark.evaluate("mark => getComputedStyle(mark).borderBottomStyle") != "none"
    cite = page.locator("a.dossier-cite").first
    assert (cite.get_attribute("href") or "").startswith("../../claims/")  # a plain link to its claim


@pytest.mark.parametrize("width", list(WIDTHS))
def test_tapping_or_pointing_at_a_cite_shows_its_claim_outside_the_article_text(site: Served, open_page: Any, width: str) -> None:
    page = scheme_page(open_page, width, "light")
    page.goto(site.url(ARTICLE))
    text = page.locator(".dossier-article-text")
    words = text.inner_text()
    claims = {normalise(c["text"]): c["id"] for c in export()["claims"]}
    popover = page.locator(".dossier-cite-popover")
    cites = text.locator("a.dossier-cite")
    for index in (0, cites.count() - 1):
        cite = cites.nth(index)
        if width == "phone":
            cite.tap()
        else:
            cite.hover()
        popover.wait_for(state="visible")
        claim = normalise(popover.locator(".dossier-cite-popover-claim").inner_text())
        assert claim in claims, claim
        link = popover.get_by_role("link", name="Open the claim's page")
        href = cite.evaluate("a => a.href")
        assert link.evaluate("a => a.href") == href == site.url(f"claims/{claims[claim]}/")
        assert page.url == site.url(ARTICLE), "showing the claim must not leave the article"
        box = popover.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS[width]["width"]
        assert text.inner_text() == words, "the article's text changed"
        page.keyboard.press("Escape")
        popover.wait_for(state="hidden")
    # From the keyboard: focus a cite, Enter shows its claim and moves into it; the link opens the claim.
    cites.first.focus()
    page.keyboard.press("Enter")
    assert popover.is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Open the claim's page"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(site.url("claims/")) + r"[^/]+/$"))


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_claim_page_gives_no_column_to_a_side_without_evidence(site: Served, open_page: Any, width: str) -> None:
    page = scheme_page(open_page, width, "light")
    pages = claim_pages()
    page.goto(site.url(pages["unopposed"]))
    sides = page.locator("#evidence ~ .dossier-sides").first
    assert sides.locator("section.dossier-side").count() == 1
    column, whole = sides.locator("section.dossier-side").bounding_box(), sides.bounding_box()
    assert column and whole and column["width"] > whole["width"] * 0.95, (column, whole)
    assert sides.locator(".dossier-side-none").inner_text() == "No source contradicts it."
    assert "No evidence" not in page.locator("article").inner_text()

    page.goto(site.url(pages["both sides"]))
    sides = page.locator("#evidence ~ .dossier-sides").first
    columns = [s.bounding_box() for s in sides.locator("section.dossier-side").all()]
    assert len(columns) == 2
    if width == "desktop":
        assert columns[0] and columns[1] and columns[0]["x"] < columns[1]["x"], "for and against side by side"
    # The stance is said once per column, and each origin once per evidence item.
    assert sides.locator("figure .dossier-badge").count() == 0
    assert sides.locator(".dossier-side-title .dossier-badge").count() == 2
    for caption in sides.locator("figure figcaption").all():
        said = caption.inner_text()
        assert "via " not in said
        origin = caption.locator(".dossier-origin a")
        if origin.count():
            assert said.count(origin.inner_text()) == 1, said


def test_a_credited_origin_that_is_an_entity_links_to_its_page(site: Served, open_page: Any) -> None:
    claims = export()["claims"]
    entities = {e["name"]: e for e in export()["entities"]}
    claim = next(c for c in claims if any(item.get("via") in entities for item in c["evidence"]))
    page = open_page()
    page.goto(site.url(f"claims/{claim['id']}/"))
    via = next(item["via"] for item in claim["evidence"] if item.get("via") in entities)
    link = page.locator("figure .dossier-origin a", has_text=via).first
    link.click()
    page.wait_for_url(re.compile(r"/(people|organizations|countries)/[^/]+/$"))
    assert page.locator("h1").inner_text() == via
