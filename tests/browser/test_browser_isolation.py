"""Tests share the browser's contexts (tests/browser/browsing.py, `BrowserContexts`), so what
one test's pages store must be gone before the next test opens a page: whatever ran before it
on the same worker, a test finds no page, cookie or stored choice (a colour scheme, a switch)
of another. Only the browser's cache is kept, as a reader's browser keeps it between visits."""

from __future__ import annotations

from typing import Any

from browser.browsing import DESKTOP, BrowserContexts, Served, Watch

STORE = """() => {
    localStorage.setItem("left", "behind");
    sessionStorage.setItem("left", "behind");
    document.cookie = "left=behind; max-age=3600; path=/";
    return [localStorage.getItem("left"), sessionStorage.getItem("left"), document.cookie];
}"""
STORED = "() => [localStorage.getItem('left'), sessionStorage.getItem('left'), document.cookie]"


def test_a_context_lent_again_keeps_no_storage_cookie_or_page_of_the_last_test(site: Served, contexts: BrowserContexts) -> None:
    first, context = contexts.page(Watch(), viewport=DESKTOP, color_scheme="dark")
    first.goto(site.url())
    assert first.evaluate(STORE) == ["behind", "behind", "left=behind"]
    with context.expect_page() as opened:  # a page the site opens, left open by the test
        first.evaluate("() => { window.open(location.href); }")
    opened.value.wait_for_load_state()
    context.route("**/*.css", lambda route: route.abort())  # a route set on the context itself
    contexts.wipe(context)
    assert contexts.test_pages(context) == []

    second, again = contexts.page(Watch(), viewport=DESKTOP, color_scheme="dark")
    assert again is context, "the context was not lent again: each test pays for a cold one"
    refused: list[str] = []
    second.on("requestfailed", lambda request: refused.append(request.url))
    second.goto(site.url())
    assert refused == [], f"a route the last test set is still on the context: {refused}"
    assert second.evaluate(STORED) == [None, None, ""]
    contexts.wipe(again)


def test_each_set_of_options_has_its_own_context(site: Served, contexts: BrowserContexts) -> None:
    light, context = contexts.page(Watch(), viewport=DESKTOP, color_scheme="light")
    dark, other = contexts.page(Watch(), viewport=DESKTOP, color_scheme="dark")
    assert other is not context
    for page, scheme in ((light, "light"), (dark, "dark")):
        page.goto(site.url())
        assert page.evaluate(f"() => matchMedia('(prefers-color-scheme: {scheme})').matches")
    contexts.wipe(context)
    contexts.wipe(other)


def test_a_palette_chosen_in_one_test_is_not_the_next_tests(site: Served, open_page: Any, contexts: BrowserContexts) -> None:
    page = open_page(color_scheme="light")
    page.goto(site.url())
    page.locator('form[data-md-component="palette"] label[title="Switch to dark mode"]').click()
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    page.wait_for_function(f"{scheme} === 'slate'")
    contexts.wipe(page.context)
    again = open_page(color_scheme="light")
    again.goto(site.url())
    assert again.evaluate(scheme) == "default"
