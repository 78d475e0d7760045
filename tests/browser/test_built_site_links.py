"""The whole built site, as `make build` makes it: every internal link and anchor resolves.

Needs no browser: it reads the files of the session's build of the first dossier.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild import ROOT
from sitecheck import broken_links, html_files


def test_every_internal_link_and_anchor_of_the_built_site_resolves(first_site: Path) -> None:
    pages = html_files(first_site)
    # Every generated page and every page of the guide is there to be checked.
    assert len(pages) > 100
    for guide in (ROOT / "content" / "guide").glob("*.md"):
        path = "guide/index.html" if guide.stem == "index" else f"guide/{guide.stem}/index.html"
        assert (first_site / path).exists(), path
    assert broken_links(first_site) == []
