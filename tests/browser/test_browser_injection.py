"""Hostile text in every field of a dossier stays text in the browser: no dialog opens and
no payload runs, on its entity, claim, article, index and discrepancy pages, nor in search."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from injection import EVIL_ARTICLE, EVIL_CLAIMS, EVIL_ENTITY, EVIL_EVENT, write_injection_project
from sitebuild import mkdocs_build

from browser.browsing import Served, Watch, require_browser, serve

# The minimal configuration, without the theme's web fonts: the browser is offline, and a
# request to a font server would be refused (a console error unrelated to the payloads).
OFFLINE_MKDOCS_YML = """\
site_name: Test dossier
docs_dir: content
theme: {name: material, font: false}
plugins: [search, dossier]
"""

PAGES = [
    "",
    f"{EVIL_ENTITY}/",
    f"{EVIL_EVENT}/",
    *(f"{claim}/" for claim in EVIL_CLAIMS),
    f"articles/{EVIL_ARTICLE}/",
    "people/",
    "events/",
    "claims/",
    "articles/",
    "sources/",
    "discrepancies/",
    "timeline/",
]


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    require_browser()
    root = tmp_path_factory.mktemp("evil")
    config = write_injection_project(root, OFFLINE_MKDOCS_YML)
    result = mkdocs_build(config, root / "site", strict=False)
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as served:
        yield served


def _assert_nothing_ran(page: Any, watch: Watch, where: str) -> None:
    page.wait_for_load_state("load")
    page.wait_for_timeout(50)  # let late handlers (onerror of a broken image, ontoggle) fire
    assert watch.dialogs == [], f"{where}: {watch.dialogs}"
    assert page.evaluate("typeof window.__pwned") == "undefined", f"{where}: a payload ran (window.__pwned is set)"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_payloads_open_no_dialog_and_run_no_script(evil_site: Served, open_page: Any, watch: Watch, path: str) -> None:
    page = open_page()
    page.goto(evil_site.url(path))
    _assert_nothing_ran(page, watch, path or "home")
    # The payloads are on the page, as text.
    assert "<script>alert(1)</script>" in page.locator("article.md-content__inner").inner_text()


def test_payloads_in_search_results_stay_text(evil_site: Served, open_page: Any, watch: Watch) -> None:
    page = open_page()
    page.goto(evil_site.url())
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Evil Name", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    # Show every result, and their text, the way a reader scrolling through them would.
    page.locator(".md-search-result").hover()
    _assert_nothing_ran(page, watch, "search results")
