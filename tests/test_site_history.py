"""Claim history on the site, from a real git repository: each claim page's first and last
commit, the "What's new" page and the Atom feed; without git, all of it is left out."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, edit
from gitrepo import commit, init
from sitebuild import MINIMAL_MKDOCS_YML, mkdocs_build, write_project

REPO = "https://github.com/example/dossier"
ATOM = "{http://www.w3.org/2005/Atom}"
SECOND = """
  - id: belavia-relief
    text: The United States eased sanctions on Belavia.
    about: [belavia]
    evidence:
      - article: reuters-2025-09-11
        stance: supports
        quote: The United States eased sanctions on the national airline Belavia.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("history")
    config = write_project(
        root, BASE_YAML, BASE_ARTICLES, MINIMAL_MKDOCS_YML + f"repo_url: {REPO}\nsite_url: https://dossier.example.org/\n"
    )
    init(root)
    commits = {"first": commit(root, "First claims", date="2025-09-12T10:00:00+00:00")}
    (root / "content" / "claims.yaml").write_text(BASE_YAML + SECOND, "utf-8")
    commits["second"] = commit(root, "Belavia <relief>", date="2025-09-13T10:00:00+00:00")
    yaml = edit("text: Belarus freed 52 prisoners.", "text: Belarus freed 52 political prisoners.", BASE_YAML + SECOND)
    (root / "content" / "claims.yaml").write_text(yaml, "utf-8")
    commits["third"] = commit(root, "Say political prisoners", date="2025-09-14T10:00:00+00:00")
    done = mkdocs_build(config, root / "site")
    assert done.returncode == 0, done.stderr
    return root / "site", commits


def test_a_claim_page_links_the_commits_that_recorded_and_last_changed_it(built) -> None:
    site, commits = built
    page = (site / "claims" / "release-count" / "index.html").read_text("utf-8")
    assert "First recorded" in page and "Last changed" in page
    first, third = commits["first"], commits["third"]
    assert f'<a href="{REPO}/commit/{first}"><code>{first[:7]}</code></a> (First claims)' in page
    assert f'<a href="{REPO}/commit/{third}"><code>{third[:7]}</code></a> (Say political prisoners)' in page
    assert "2025-09-12" in page and "2025-09-14" in page


def test_a_claim_never_changed_says_so(built) -> None:
    site, commits = built
    page = (site / "claims" / "belavia-relief" / "index.html").read_text("utf-8")
    second = commits["second"]
    assert f"<code>{second[:7]}</code></a> (Belavia &lt;relief&gt;)" in page  # the subject is text, never markup
    assert "unchanged since it was recorded" in page


def test_whats_new_lists_the_latest_changes_first_and_is_in_the_navigation(built) -> None:
    site, _ = built
    page = (site / "whats-new" / "index.html").read_text("utf-8")
    changed, recorded = page.index("Belarus freed 52 political prisoners."), page.index("The United States eased sanctions on Belavia.")
    assert changed < recorded
    assert "Changed" in page and "New claim" in page
    assert 'href="../claims/release-count/"' in page
    assert 'href="../feed.xml" type="application/atom+xml"' in page
    home = (site / "index.html").read_text("utf-8")
    assert 'href="whats-new/"' in home  # in the navigation
    assert '<link rel="alternate" type="application/atom+xml" title="What&#39;s new" href="feed.xml"></head>' in home
    assert "&lt;/head&gt;" not in home  # the page's head is closed, not shown as text


def test_the_feed_has_an_entry_per_claim_linking_its_page(built) -> None:
    site, _ = built
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles == ["Claim changed: Belarus freed 52 political prisoners.", "New claim: The United States eased sanctions on Belavia."]
    links = [e.find(f"{ATOM}link").get("href") for e in entries]  # type: ignore[union-attr]
    assert links == ["https://dossier.example.org/claims/release-count/", "https://dossier.example.org/claims/belavia-relief/"]


def test_without_git_there_is_no_history_no_whats_new_and_no_feed(tmp_path: Path) -> None:
    config = write_project(tmp_path, BASE_YAML, BASE_ARTICLES)
    done = mkdocs_build(config, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "site" / "claims" / "release-count" / "index.html").read_text("utf-8")
    assert "First recorded" not in page
    assert not (tmp_path / "site" / "whats-new").exists()
    assert not (tmp_path / "site" / "feed.xml").exists()
    assert "application/atom+xml" not in (tmp_path / "site" / "index.html").read_text("utf-8")
