"""The built site, as a pull request's content check sees it: every internal link and anchor
resolves, and a few pages of each sort open in Chromium with no console error or uncaught
exception. Usage: python .ci/site_check.py SITE_DIR (run by .ci/content-check).

Without a browser the smoke test is skipped with the reason, except under CI=true, where
that is a failure (CI must never pass by skipping)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from browser.browsing import CHROMIUM, CHROMIUM_ARGS, DESKTOP, Watch, browser_unavailable, serve  # noqa: E402
from sitecheck import broken_links  # noqa: E402


def pages_to_open(site: Path) -> list[str]:
    """The home page, the guide, each index, and the first page of each generated sort."""
    chosen = ["", "guide/"]
    for folder in ("claims", "articles", "people", "countries", "organizations", "events"):
        if (site / folder / "index.html").exists():
            chosen.append(f"{folder}/")
        pages = sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
        chosen += [f"{folder}/{name}/" for name in pages[:1]]
    return chosen


def smoke(site: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    watch = Watch()
    opened = []
    with serve(site) as served, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport=DESKTOP)
            watch.attach(page)
            for path in pages_to_open(site):
                response = page.goto(served.url(path), wait_until="load")
                status = response.status if response is not None else 0
                if status != 200:
                    watch.errors.append(f"{path or '/'}: HTTP {status}")
                opened.append(path or "/")
            # Fetched, not opened: a JSON document opened in a tab makes Chromium ask for /favicon.ico.
            exported = page.request.get(served.url("dossier.json"))
            if exported.status != 200 or "claims" not in json.loads(exported.text()):
                watch.errors.append("dossier.json is missing or has no claims")
        finally:
            browser.close()
    print(f"site check: opened {len(opened)} pages in Chromium: {', '.join(opened)}")
    return watch.errors + watch.dialogs


def main(site: Path) -> int:
    broken = broken_links(site)
    for link in broken:
        print(f"site check: broken link: {link}")
    print(f"site check: {len(broken)} broken links")
    failures = len(broken)
    reason = browser_unavailable()
    if reason is None:
        errors = smoke(site)
        for error in errors:
            print(f"site check: {error}")
        failures += len(errors)
    elif os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
        print(f"site check: the browser smoke test cannot run, and CI=true: {reason}")
        failures += 1
    else:
        print(f"site check: browser smoke test skipped: {reason}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
