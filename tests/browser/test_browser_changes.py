"""Changes in plain words, conclusions and events, read in Chromium at 390 and 1280 px, light and dark.

A small dossier committed in tmp_path with commit subjects no reader should ever see: What's
new, the feed and every claim page say what changed in the dossier (a status change in plain
words), never how a commit was titled; a claim's conclusion stands above its status; an event
is covered by the articles cited about it; events are listed by date; the claims index stays
under 9,000 px on a phone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, edit
from gitrepo import commit, init
from sitebuild import MINIMAL_MKDOCS_YML, mkdocs_build, write_project

from browser.browsing import DESKTOP, PHONE, Served, require_browser, serve
from dossier.site.pages.index_pages import CLAIMS_INDEX_ROWS

SUBJECTS = ("XYZZY-import the first claims", "XYZZY-merge branch 'reuters' into main", "XYZZY-fix typo")
CONCLUSION = "Two outlets give 52 and no source gives another number."
REUTERS_ITEM = """\
      - article: reuters-2025-09-11
        stance: supports
        quote: Belarus released 52 prisoners on Thursday
"""
EVENTS = """\
  - id: dec-2025-release
    name: December release
    date: 2025-12
  - id: early-2025-talks
    name: Talks early in the year
    date: 2025
"""
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
HEIGHT_LIMIT = 9_000


def claims(extra: int) -> str:
    return "".join(
        f"  - id: extra-{n}\n    text: Belarus released prisoners, said report {n}.\n    about: [belarus, sept-2025-release]\n"
        "    evidence:\n      - article: reuters-2025-09-11\n        stance: supports\n"
        "        quote: Belarus released 52 prisoners on Thursday\n"
        for n in range(extra)
    )


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    require_browser()
    root = tmp_path_factory.mktemp("changes-site")
    yaml = BASE_YAML.replace("events:\n", "events:\n" + EVENTS) + claims(CLAIMS_INDEX_ROWS + 20)
    # No repo_url: the theme would ask GitHub's API for the repository's stars, which the pages'
    # policy blocks offline (the change record links are tested in tests/test_site_history.py).
    config = write_project(root, yaml, BASE_ARTICLES, MINIMAL_MKDOCS_YML)
    init(root)
    commit(root, SUBJECTS[0], date="2025-09-12T10:00:00+00:00")
    yaml = yaml.replace(
        "        quote: Belarus freed 52 political prisoners on Thursday\n",
        "        quote: Belarus freed 52 political prisoners on Thursday\n" + REUTERS_ITEM,
    )
    (root / "content" / "claims.yaml").write_text(yaml, "utf-8")
    commit(root, SUBJECTS[1], date="2025-09-14T10:00:00+00:00")
    yaml = edit("    text: Belarus freed 52 prisoners.\n", f"    text: Belarus freed 52 prisoners.\n    conclusion: {CONCLUSION}\n", yaml)
    (root / "content" / "claims.yaml").write_text(yaml, "utf-8")
    commit(root, SUBJECTS[2], date="2025-09-15T10:00:00+00:00")
    done = mkdocs_build(config, root / "site")
    assert done.returncode == 0, done.stderr
    with serve(root / "site") as served:
        yield served


def open_at(open_page: Any, width: str, scheme: str = "light") -> Any:
    phone = width == "phone"
    page = open_page(viewport=WIDTHS[width], color_scheme="dark" if scheme == "dark" else "light", is_mobile=phone, has_touch=phone)
    return page


def visit(page: Any, site: Served, path: str, scheme: str = "light") -> None:
    page.goto(site.url(path))
    if scheme == "dark":  # the theme's own switch: its palette follows the system's only at the first visit
        page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")


def test_no_page_of_the_site_holds_a_commit_subject(changed_site: Served) -> None:
    # Every page's HTML, not only its text: a subject in a title, an attribute or the page's data
    # would reach readers too.
    pages = sorted(changed_site.root.rglob("*.html"))
    assert len([p for p in pages if p.parent.parent.name == "claims"]) >= 2
    holding = [p.relative_to(changed_site.root).as_posix() for p in pages if "XYZZY" in p.read_text("utf-8")]
    assert holding == []


@pytest.mark.parametrize("width", WIDTHS)
def test_no_commit_subject_on_whats_new_the_feed_or_a_changed_claim(changed_site: Served, open_page: Any, width: str) -> None:
    # What the pages show once their scripts ran, at both widths: What's new and the claim the
    # commits changed (every page's HTML is checked above).
    page = open_at(open_page, width)
    for path in ["whats-new/", "claims/release-count/"]:
        visit(page, changed_site, path)
        shown = page.inner_text("body")
        assert "XYZZY" not in shown and "reuters' into main" not in shown, path
    feed = page.request.get(changed_site.url("feed.xml")).text()
    assert "XYZZY" not in feed and "<entry>" in feed


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_whats_new_says_a_status_change_in_plain_words_on_cards(changed_site: Served, open_page: Any, width: str, scheme: str) -> None:
    page = open_at(open_page, width, scheme)
    visit(page, changed_site, "whats-new/", scheme)
    cards = page.locator("li.dossier-change")
    texts = [" ".join(t.split()) for t in cards.all_inner_texts()]
    assert any("Belarus freed 52 prisoners." in t and "single-source → corroborated (evidence from Reuters added)" in t for t in texts)
    assert page.locator("table").count() == 0
    assert page.evaluate("() => document.documentElement.scrollWidth") <= WIDTHS[width]["width"]
    visit(page, changed_site, "claims/release-count/", scheme)
    history = " ".join(page.locator("dl.dossier-facts-list").inner_text().split())
    assert "First recorded 12 September 2025" in history and "Last changed 15 September 2025: conclusion added" in history


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_conclusion_stands_above_the_status(changed_site: Served, open_page: Any, width: str, scheme: str) -> None:
    page = open_at(open_page, width, scheme)
    visit(page, changed_site, "claims/release-count/", scheme)
    conclusion = page.locator("main .dossier-conclusion").first
    assert CONCLUSION in conclusion.inner_text()
    badge = page.locator("main p.dossier-facts .dossier-badge").first
    below = conclusion.bounding_box()["y"] + conclusion.bounding_box()["height"]
    assert below <= badge.bounding_box()["y"] + 1
    assert "contested" not in conclusion.inner_text().lower()  # the sentence is the analyst's, the status the build's


@pytest.mark.parametrize("width", WIDTHS)
def test_an_event_is_covered_by_the_articles_cited_about_it_and_events_are_in_date_order(
    changed_site: Served, open_page: Any, width: str
) -> None:
    page = open_at(open_page, width)
    visit(page, changed_site, "events/sept-2025-release/")
    heading = page.locator("h2#mentions").inner_text()
    covered = re.search(r"Covered by \((\d+) articles?\)", heading)
    assert covered and int(covered.group(1)) > 0, heading
    visit(page, changed_site, "events/")
    keys = page.locator("table.dossier-table tbody tr td[data-label='Date']").evaluate_all("(cells) => cells.map((c) => c.dataset.sort)")
    assert len(keys) == 3 and keys == sorted(keys)
    names = page.locator("table.dossier-table tbody tr td.dossier-cell-main a").all_inner_texts()
    assert names == ["Talks early in the year", "Release of 52 prisoners", "December release"]
    counts = page.locator("table.dossier-table tbody tr td[data-label='Covered by']").all_inner_texts()
    assert int(counts[1].split()[0]) > 0 and counts[1].endswith(("article", "articles"))


def test_the_claims_index_stays_under_9000_px_on_a_phone(changed_site: Served, open_page: Any) -> None:
    page = open_at(open_page, "phone")
    for path in ("claims/", "claims/page/2/"):
        visit(page, changed_site, path)
        height = page.evaluate("() => document.documentElement.scrollHeight")
        assert height < HEIGHT_LIMIT, f"{path}: {height}px"
    assert page.locator("table.dossier-table tbody tr").count() > 0
