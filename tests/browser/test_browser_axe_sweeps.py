"""axe-core finds no serious or critical violation on any page type of the first dossier: every
rule in light mode on a 390px phone (at 1280px: test_browser_reader.py, every page), and in
dark mode, at both widths, the rules that judge colours (only the palette changes between the
schemes).

Pages of one kind stand for their kind here: two of the guide's Markdown pages (all of them,
should the guide lose either), and in dark mode one of the four indexes drawn by one template
(people, countries, organizations, events). Every one of them is swept with every rule at
1280px, and checked at 390px for sideways scrolling (test_browser_phones.py). In dark mode at
1280px, the five pages test_browser_reader.py sweeps there with every rule are left out.

Its own file, so that the test runner's workers (one file each) share the sweeps out: they
were half of test_browser_phones.py's time.
"""

from __future__ import annotations

from typing import Any

import pytest

from browser.browsing import COLOUR_RULES, Served, axe_violations
from browser.test_browser_phones import ARTICLE, LUKASHENKO, OPEN_ALL, SCHEMES, claim_pages, scheme_page
from browser.test_browser_reader import DARK_PAGES, page_types

# Between them, the guide's tables, code, lists and links.
GUIDE_SAMPLE = ("guide-format", "guide-templates")
SAME_TEMPLATE = ("index-countries", "index-organizations", "index-events")  # as index-people


def swept_pages(width: str, scheme: str) -> dict[str, str]:
    pages = {**page_types(), **claim_pages(), "lukashenko": LUKASHENKO}
    assert set(SAME_TEMPLATE) <= set(pages), "an index that stands for others is gone: choose another"
    # The guide may be reorganised: without both sample pages, every guide page is swept.
    sample = set(GUIDE_SAMPLE) if set(GUIDE_SAMPLE) <= set(pages) else {name for name in pages if name.startswith("guide-")}
    left_out = set(SAME_TEMPLATE) if scheme == "dark" else set()
    if (width, scheme) == ("desktop", "dark"):  # swept there with every rule by test_browser_reader.py
        left_out |= set(DARK_PAGES)
    return {name: path for name, path in pages.items() if (not name.startswith("guide-") or name in sample) and name not in left_out}


@pytest.mark.parametrize(("width", "scheme"), [("phone", "light"), ("phone", "dark"), ("desktop", "dark")])
def test_axe_finds_no_serious_violation_at_either_width_in_either_scheme(
    site: Served, open_page: Any, axe: Any, width: str, scheme: str
) -> None:
    page = scheme_page(open_page, width, scheme)
    rules = COLOUR_RULES if scheme == "dark" else None
    problems = []
    for path in swept_pages(width, scheme).values():
        page.goto(site.url(path))
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]
        page.evaluate(OPEN_ALL)  # what is folded is checked too
        problems += axe_violations(axe, page, rules)
    page.goto(site.url(ARTICLE))
    page.locator("a.dossier-cite").first.click()  # and a cite's claim, shown
    page.locator(".dossier-cite-popover").wait_for(state="visible")
    problems += axe_violations(axe, page, rules)
    assert problems == [], "\n".join(problems)
