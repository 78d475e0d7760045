"""The built site in a real browser: Chromium driven by Playwright, offline.

One build of the first dossier (the project's own mkdocs.yml, --strict) per session, served
by the standard library on 127.0.0.1, and one Chromium for the whole session, whose contexts
are lent from test to test with their caches but nothing a page stored (`BrowserContexts`).
Every page a test opens is watched: a console error, an uncaught exception or a dialog on it fails the test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.browsing import CHROMIUM, CHROMIUM_ARGS, DESKTOP, BrowserContexts, Served, Watch, require_browser, serve


@pytest.fixture(scope="session")
def site(first_site: Path) -> Iterator[Served]:
    require_browser()
    with serve(first_site) as served:
        yield served


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def contexts(browser: Any) -> Iterator[BrowserContexts]:
    pool = BrowserContexts(browser)
    yield pool
    pool.close()


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def open_page(contexts: BrowserContexts, watch: Watch) -> Iterator[Callable[..., Any]]:
    """open_page(**context_options) -> a new page in a context with those options, where no
    earlier test left cookies or storage (`BrowserContexts`: only the cache is kept).

    When the test ends, no page it opened may have logged a console error, thrown, or
    opened a dialog.
    """
    used: list[Any] = []

    def make(**options: Any) -> Any:
        options.setdefault("viewport", DESKTOP)
        page, context = contexts.page(watch, **options)
        if context not in used:
            used.append(context)
        return page

    yield make
    for context in used:
        contexts.wipe(context)
    assert watch.errors == [], "\n".join(watch.errors)
    assert watch.dialogs == [], "\n".join(watch.dialogs)


@pytest.fixture(scope="session")
def axe() -> Any:
    require_browser()
    from axe_playwright_python.sync_playwright import Axe

    return Axe()
