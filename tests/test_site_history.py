"""The dossier's history on the site, from a real git repository: each claim page's first and
last change, the "What's new" page and the Atom feed, in plain words; never a commit's subject.
Without git, all of it is left out."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, edit
from gitrepo import commit, init
from sitebuild import MINIMAL_MKDOCS_YML, mkdocs_build, write_project

REPO = "https://github.com/example/dossier"
ATOM = "{http://www.w3.org/2005/Atom}"
SUBJECTS = ("QQZ-first subject", "QQZ-Belavia <relief>", "QQZ-say political prisoners")
SECOND = """
  - id: belavia-relief
    text: The United States eased sanctions on Belavia.
    conclusion: One report, from Reuters, says the sanctions were eased.
    about: [belavia]
    evidence:
      - article: reuters-2025-09-11
        stance: supports
        quote: The United States eased sanctions on the national airline Belavia.
"""


def build(root: Path, mkdocs_yml: str) -> tuple[Path, dict[str, str]]:
    config = write_project(root, BASE_YAML, BASE_ARTICLES, mkdocs_yml)
    init(root)
    commits = {"first": commit(root, SUBJECTS[0], date="2025-09-12T10:00:00+00:00")}
    (root / "content" / "claims.yaml").write_text(BASE_YAML + SECOND, "utf-8")
    commits["second"] = commit(root, SUBJECTS[1], date="2025-09-13T10:00:00+00:00")
    yaml = edit("text: Belarus freed 52 prisoners.", "text: Belarus freed 52 political prisoners.", BASE_YAML + SECOND)
    (root / "content" / "claims.yaml").write_text(yaml, "utf-8")
    commits["third"] = commit(root, SUBJECTS[2], date="2025-09-14T10:00:00+00:00")
    done = mkdocs_build(config, root / "site")
    assert done.returncode == 0, done.stderr
    return root / "site", commits


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    return build(tmp_path_factory.mktemp("history"), MINIMAL_MKDOCS_YML + f"repo_url: {REPO}\nsite_url: https://dossier.example.org/\n")


def reader_files(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.suffix in (".html", ".xml") and "guide" not in p.parts]


def test_no_commit_subject_or_hash_in_any_reader_page_or_the_feed(built) -> None:
    site, commits = built
    for path in reader_files(site):
        text = path.read_text("utf-8")
        assert "QQZ" not in text, path
        for full in commits.values():
            # A commit is only ever the target of a "change record" link.
            assert text.count(full[:7]) == text.count(f"{REPO}/commit/{full}"), path


def test_a_claim_page_says_when_it_was_recorded_and_what_last_changed(built) -> None:
    site, commits = built
    page = (site / "claims" / "release-count" / "index.html").read_text("utf-8")
    assert "First recorded" in page and '<time datetime="2025-09-12">12 September 2025</time>' in page
    assert f'<a class="dossier-change-record" href="{REPO}/commit/{commits["first"]}">(change record)</a>' in page
    assert '<time datetime="2025-09-14">14 September 2025</time>' in page
    assert "reworded (was “Belarus freed 52 prisoners.”)" in page


def test_a_claim_never_changed_says_so_and_shows_its_conclusion_above_its_status(built) -> None:
    site, _ = built
    page = (site / "claims" / "belavia-relief" / "index.html").read_text("utf-8")
    assert "unchanged since it was recorded" in page
    conclusion = page.index("One report, from Reuters, says the sanctions were eased.")
    assert conclusion < page.index('class="dossier-facts"')


def test_whats_new_shows_cards_by_day_in_plain_words(built) -> None:
    site, commits = built
    page = (site / "whats-new" / "index.html").read_text("utf-8")
    days = re.findall(r'<h2 id="day-([0-9-]+)"', page)
    assert days == ["2025-09-14", "2025-09-13", "2025-09-12"]
    assert "<table" not in page  # cards, not a table
    text = re.sub(r"<[^>]+>", "", page)
    assert "Claim Belarus freed 52 political prisoners." in text and "reworded (was “Belarus freed 52 prisoners.”)" in text
    assert "New claim The United States eased sanctions on Belavia." in text
    assert "What the evidence shows: One report, from Reuters, says the sanctions were eased." in text
    assert 'href="../claims/release-count/"' in page and 'href="../feed.xml" type="application/atom+xml"' in page
    assert f'href="{REPO}/commit/{commits["third"]}">(change record)</a>' in page
    home = (site / "index.html").read_text("utf-8")
    assert 'href="whats-new/"' in home  # in the navigation
    assert '<link rel="alternate" type="application/atom+xml" title="What&#39;s new" href="feed.xml"></head>' in home


def test_the_feed_has_an_entry_per_change_linking_the_page_of_what_changed(built) -> None:
    site, _ = built
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles[:2] == [
        "Claim “Belarus freed 52 political prisoners.”: reworded (was “Belarus freed 52 prisoners.”)",
        "New claim “The United States eased sanctions on Belavia.”: single-source, from Reuters",
    ]
    links = [e.find(f"{ATOM}link").get("href") for e in entries[:2]]  # type: ignore[union-attr]
    assert links == ["https://dossier.example.org/claims/release-count/", "https://dossier.example.org/claims/belavia-relief/"]
    assert "What the evidence shows: One report" in (entries[1].findtext(f"{ATOM}summary") or "")


def test_without_a_repository_address_there_is_no_change_record(tmp_path: Path) -> None:
    site, commits = build(tmp_path, MINIMAL_MKDOCS_YML)
    page = (site / "whats-new" / "index.html").read_text("utf-8")
    assert "change record" not in page and "Belarus freed 52 political prisoners." in page
    for path in reader_files(site):
        text = path.read_text("utf-8")
        assert "QQZ" not in text and not any(full[:7] in text for full in commits.values()), path


def test_without_git_there_is_no_history_no_whats_new_and_no_feed(tmp_path: Path) -> None:
    config = write_project(tmp_path, BASE_YAML, BASE_ARTICLES)
    done = mkdocs_build(config, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "site" / "claims" / "release-count" / "index.html").read_text("utf-8")
    assert "First recorded" not in page
    assert not (tmp_path / "site" / "whats-new").exists()
    assert not (tmp_path / "site" / "feed.xml").exists()
    assert "application/atom+xml" not in (tmp_path / "site" / "index.html").read_text("utf-8")
