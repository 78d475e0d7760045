"""Search that forgives, in Chromium: a name one or two letters off, or spelt by another
transliteration, still puts the entity's page first; an exact name still does; a word
that is nowhere in the dossier still finds nothing. At 1280 px and at 390 px; the results
and the home page's list of articles pass axe in light and dark mode."""

from __future__ import annotations

from typing import Any

import pytest

from browser.browsing import DESKTOP, PHONE, Served, axe_violations

LUKASHENKO = ("people/alexander-lukashenko", "Alexander Lukashenko")
TSIKHANOUSKAYA = ("people/sviatlana-tsikhanouskaya", "Sviatlana Tsikhanouskaya")
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"


def open_search(open_page: Any, site: Served, viewport: dict[str, int], **options: Any) -> tuple[Any, Any]:
    phone = viewport == PHONE
    page = open_page(viewport=viewport, is_mobile=phone, has_touch=phone, **options)
    page.goto(site.url())
    if phone:  # the search field sits behind the header's search button
        page.locator('label.md-header__button[for="__search"]').click()
    search = page.locator("input.md-search__input")
    search.click()
    return page, search


def type_query(search: Any, query: str) -> None:
    search.fill("")
    search.press_sequentially(query, delay=20)  # as a reader types: the theme searches on key presses


def assert_first_result(page: Any, site: Served, entity: tuple[str, str], query: str) -> None:
    path, name = entity
    first = page.locator(RESULT_LINKS).first
    # Results come while the reader types; wait for the answer to the whole query.
    page.wait_for_function(
        "([selector, name]) => { const a = document.querySelector(selector); return a && a.querySelector('h1').innerText === name; }",
        arg=[RESULT_LINKS, name],
        timeout=10_000,
    )
    # A part of the query may already rank the page first; the answer to the whole query comes
    # within milliseconds after it and must rank it first too.
    page.wait_for_timeout(300)
    assert first.locator("h1").inner_text() == name, f"{query!r}: {first.get_attribute('href')}"
    assert (first.get_attribute("href") or "").startswith(site.url(path + "/")), f"{query!r}: {first.get_attribute('href')}"


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Lukashenco", LUKASHENKO),  # one letter off
        ("Lukashenc", LUKASHENKO),  # two letters off (the reader is still typing)
        ("Tihanovskaya", TSIKHANOUSKAYA),  # one off the alias "Tikhanovskaya"
        ("Tsikhanovskaya", TSIKHANOUSKAYA),  # one off the name
        ("Tichanowskaja", TSIKHANOUSKAYA),  # German transliteration
        ("Loukachenko", LUKASHENKO),  # French transliteration
        ("Alexander Lukashenco", LUKASHENKO),  # one word right, one misspelt
    ],
)
def test_a_misspelt_name_finds_its_page_first(site: Served, open_page: Any, query: str, entity: tuple[str, str]) -> None:
    page, search = open_search(open_page, site, DESKTOP)
    type_query(search, query)
    assert_first_result(page, site, entity, query)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_misspelt_and_exact_names_rank_their_page_first_and_nonsense_finds_nothing(
    site: Served, open_page: Any, viewport: dict[str, int]
) -> None:
    page, search = open_search(open_page, site, viewport)
    for query, entity in (("Lukashenco", LUKASHENKO), ("Lukashenko", LUKASHENKO), ("Tsikhanouskaya", TSIKHANOUSKAYA)):
        type_query(search, query)
        assert_first_result(page, site, entity, query)
    results = page.locator(RESULT_LINKS)
    assert results.count() > 0
    type_query(search, "Qwzxjvkq")
    # The results of the last query go away once the worker has answered the new one.
    page.wait_for_function("selector => document.querySelectorAll(selector).length === 0", arg=RESULT_LINKS, timeout=10_000)
    page.wait_for_timeout(300)  # a late answer must not bring results back
    assert results.count() == 0


def test_lunr_syntax_typed_by_the_reader_is_left_as_written(site: Served, open_page: Any) -> None:
    # "~1" typed by the reader is Material's own fuzzy search; "+" makes a word required.
    page, search = open_search(open_page, site, DESKTOP)
    type_query(search, "Lukashenco~1")
    assert_first_result(page, site, LUKASHENKO, "Lukashenco~1")
    type_query(search, "+Lukashenco")
    page.wait_for_function("selector => document.querySelectorAll(selector).length === 0", arg=RESULT_LINKS, timeout=10_000)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_forgiving_results_and_the_home_pages_articles_stay_accessible(
    site: Served, open_page: Any, axe: Any, viewport: dict[str, int], scheme: str
) -> None:
    page, search = open_search(open_page, site, viewport, color_scheme=scheme)
    type_query(search, "Lukashenco")
    assert_first_result(page, site, LUKASHENKO, "Lukashenco")
    problems = axe_violations(axe, page)
    page.goto(site.url())
    page.locator("#articles").scroll_into_view_if_needed()
    assert page.locator("#articles ~ ul a[href^='articles/']").count() > 0
    problems += axe_violations(axe, page)
    assert problems == [], "\n".join(problems)
