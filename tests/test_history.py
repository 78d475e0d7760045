"""The history as What's new and the Atom feed: changes grouped by day, entries in plain words."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import BASE_ENTITIES, BASE_YAML, edit, write_dossier
from gitrepo import commit, init

from dossier.history import History, claim_history, commit_url
from dossier.news import FeedLinks, atom_feed, latest_changes, whats_new

ATOM = "{http://www.w3.org/2005/Atom}"
SECOND = """\
  - id: sanctions-eased
    text: The US eased sanctions on Belavia.
    about: [belavia, united-states]
    evidence:
      - article: reuters-2025-09-11
        stance: supports
        quote: The United States eased sanctions on the national airline Belavia
"""


def moment(day: int, hour: int = 12) -> str:
    return f"2025-10-{day:02d}T{hour:02d}:00:00+00:00"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Three commits on two days: the first claim; a second claim; the first reworded (same day)."""
    init(tmp_path)
    write_dossier(tmp_path)
    commit(tmp_path, "record the count", moment(1))
    write_dossier(tmp_path, BASE_YAML + SECOND)
    commit(tmp_path, "record the sanctions", moment(2, 9))
    write_dossier(tmp_path, edit("text: Belarus freed 52 prisoners.", "text: Belarus freed 52 political prisoners.") + SECOND)
    commit(tmp_path, "reword the count", moment(2, 15))
    return tmp_path


def test_whats_new_groups_the_changes_by_day_newest_first(repo: Path) -> None:
    news = whats_new(claim_history(repo / "content"), days=7)
    assert [d.day for d in news] == [dt.date(2025, 10, 2), dt.date(2025, 10, 1)]
    latest = [item.change.sentence for item in news[0].items]
    assert latest == [
        "Claim “Belarus freed 52 political prisoners.”: reworded (was “Belarus freed 52 prisoners.”)",
        "New claim “The US eased sanctions on Belavia.”: single-source, from Reuters",
    ]
    assert [d.day for d in whats_new(claim_history(repo / "content"), days=1)] == [dt.date(2025, 10, 2)]


def test_the_atom_feed_parses_links_every_entry_and_carries_the_conclusion(repo: Path) -> None:
    history = claim_history(repo / "content")
    site = "https://example.org/dossier/"
    links = FeedLinks(
        site,
        site + "feed.xml",
        lambda change: f"{site}claims/{change.target}/" if change.kind == "claim" else None,
        lambda commit: f"https://git.example.org/commit/{commit.hash}",
    )
    document = atom_feed(
        latest_changes(history, limit=3), title="Belarus dossier", links=links, conclusions={"release-count": "Two <b>reports</b> agree."}
    )
    feed = ET.fromstring(document)
    assert feed.findtext(f"{ATOM}title") == "Belarus dossier" and feed.findtext(f"{ATOM}id") == site + "feed.xml"
    assert feed.findtext(f"{ATOM}updated") == "2025-10-02T15:00:00+00:00"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Claim “Belarus freed 52 political prisoners.”: reworded (was “Belarus freed 52 prisoners.”)",
        "New claim “The US eased sanctions on Belavia.”: single-source, from Reuters",
        "New claim “Belarus freed 52 prisoners.”: single-source, from The New York Times",
    ]
    first = entries[0]
    rels = {link.get("rel"): link.get("href") for link in first.findall(f"{ATOM}link")}
    assert rels["alternate"] == site + "claims/release-count/" and rels["related"].startswith("https://git.example.org/commit/")
    assert "What the evidence shows: Two <b>reports</b> agree." in first.findtext(f"{ATOM}summary", "")
    assert b"<b>" not in document  # text, escaped
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 3 and ids == [e.findtext(f"{ATOM}id") for e in ET.fromstring(document).findall(f"{ATOM}entry")]
    for word in ("record the count", "record the sanctions", "reword the count"):
        assert word.encode() not in document


def test_without_a_repository_or_without_git_the_history_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = write_dossier(tmp_path)
    assert claim_history(content) == History()
    init(tmp_path)
    assert claim_history(content).claims == {}  # a repository without commits
    commit(tmp_path, "first", moment(1))
    assert set(claim_history(content).claims) == {"release-count"}
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    assert claim_history(content) == History()


def test_a_claim_moved_to_another_claims_file_unchanged_is_not_a_change(tmp_path: Path) -> None:
    init(tmp_path)
    claims = "claims:\n" + BASE_YAML.split("claims:\n")[1]
    write_dossier(tmp_path, None, claims_folder={"entities.yaml": BASE_ENTITIES, "claims.yaml": claims + SECOND})
    commit(tmp_path, "two claims in one file", moment(1))
    (tmp_path / "content" / "claims" / "claims.yaml").write_text(claims, "utf-8")
    (tmp_path / "content" / "claims" / "sanctions.yaml").write_text("claims:\n" + SECOND, "utf-8")
    commit(tmp_path, "the sanctions claim in its own file", moment(2))
    history = claim_history(tmp_path / "content")
    entry = history.of("sanctions-eased")
    assert entry is not None and not entry.changed_since_recorded
    assert len(history.revisions) == 1


def test_commit_links() -> None:
    assert commit_url("https://github.com/org/dossier.git", "abc") == "https://github.com/org/dossier/commit/abc"
    assert commit_url("https://gitlab.com/org/dossier/", "abc") == "https://gitlab.com/org/dossier/commit/abc"
