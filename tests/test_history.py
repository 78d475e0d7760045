"""Claim history from real git repositories, What's new and the Atom feed."""

from __future__ import annotations

import datetime as dt
import random
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import BASE_ENTITIES, BASE_YAML, edit, write_dossier
from gitrepo import commit, init

from dossier.claimblocks import ClaimsFile, claim_blocks
from dossier.history import History, claim_history, commit_url
from dossier.news import atom_feed, whats_new

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
THIRD = """\
  - id: coale-visit
    text: John Coale visited Minsk.
    about: [john-coale]
    evidence:
      - article: nyt-2025-09-11
        stance: supports
        quote: The release followed a visit to Minsk by John Coale
"""


def day(n: int) -> str:
    return f"2025-10-{n:02d}T12:00:00+00:00"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Four commits: the first claim; a second; the first edited; a third claim and the second edited."""
    init(tmp_path)
    write_dossier(tmp_path)
    commit(tmp_path, "record the count", day(1))
    write_dossier(tmp_path, BASE_YAML + SECOND)
    commit(tmp_path, "record the sanctions", day(2))
    write_dossier(tmp_path, edit("text: Belarus freed 52 prisoners.", "text: Belarus freed 52 political prisoners.") + SECOND)
    commit(tmp_path, "reword the count", day(3))
    reworded = edit("text: Belarus freed 52 prisoners.", "text: Belarus freed 52 political prisoners.")
    write_dossier(tmp_path, reworded + SECOND.replace("stance: supports", "stance: supports\n        note: a wire report") + THIRD)
    commit(tmp_path, "note on the sanctions; record the visit", day(4))
    return tmp_path


def subjects(history: History, claim: str) -> tuple[str, str]:
    entry = history.of(claim)
    assert entry is not None, f"no history for {claim}"
    return entry.first_recorded.subject, entry.last_changed.subject


def test_first_recorded_and_last_changed_across_commits(repo: Path) -> None:
    history = claim_history(repo / "content")
    assert set(history.claims) == {"release-count", "sanctions-eased", "coale-visit"}
    assert subjects(history, "release-count") == ("record the count", "reword the count")
    assert subjects(history, "sanctions-eased") == ("record the sanctions", "note on the sanctions; record the visit")
    assert subjects(history, "coale-visit") == ("note on the sanctions; record the visit",) * 2
    entry = history.of("release-count")
    assert entry is not None and entry.changed_since_recorded
    recorded = entry.first_recorded
    assert len(recorded.hash) == 40 and recorded.hash.startswith(recorded.short_hash) and len(recorded.short_hash) >= 7
    assert recorded.date == dt.datetime(2025, 10, 1, 12, tzinfo=dt.UTC)


def test_a_claim_moved_to_another_claims_file_unchanged_is_not_a_change(tmp_path: Path) -> None:
    init(tmp_path)
    write_dossier(
        tmp_path,
        None,
        claims_folder={"entities.yaml": BASE_ENTITIES, "claims.yaml": "claims:\n" + BASE_YAML.split("claims:\n")[1] + SECOND},
    )
    commit(tmp_path, "two claims in one file", day(1))
    (tmp_path / "content" / "claims" / "claims.yaml").write_text("claims:\n" + BASE_YAML.split("claims:\n")[1], "utf-8")
    (tmp_path / "content" / "claims" / "sanctions.yaml").write_text(
        "claims:\n" + SECOND.replace("Belavia.", "the airline Belavia."), "utf-8"
    )
    commit(tmp_path, "the sanctions claim in its own file, reworded", day(2))
    (tmp_path / "content" / "claims" / "sanctions.yaml").unlink()
    (tmp_path / "content" / "claims" / "more.yaml").write_text("claims:\n" + SECOND.replace("Belavia.", "the airline Belavia."), "utf-8")
    commit(tmp_path, "rename the file", day(3))
    history = claim_history(tmp_path / "content")
    assert subjects(history, "release-count") == ("two claims in one file", "two claims in one file")
    assert subjects(history, "sanctions-eased") == ("two claims in one file", "the sanctions claim in its own file, reworded")


def test_claim_blocks_tell_the_items_of_the_claims_list_apart() -> None:
    text = "people:\n  - id: p\n    name: P\nclaims:\n- id: a\n  text: x\n  evidence:\n  - article: q\n- text: y\n  id: 'b'\nevents:\n  - id: e\n"
    assert claim_blocks(text) == {"a": "- id: a\n  text: x\n  evidence:\n  - article: q", "b": "- text: y\n  id: 'b'"}
    assert claim_blocks("people: []\n") == {}


def test_without_a_repository_or_without_git_the_history_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = write_dossier(tmp_path)
    assert claim_history(content) == History()
    init(tmp_path)
    assert claim_history(content).claims == {}  # a repository without commits
    commit(tmp_path, "first", day(1))
    assert set(claim_history(content).claims) == {"release-count"}
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    assert claim_history(content) == History()


def test_whats_new_lists_claims_by_their_latest_event_newest_first(repo: Path) -> None:
    history = claim_history(repo / "content")
    texts = {
        "release-count": "Belarus freed 52 political prisoners.",
        "sanctions-eased": "Sanctions",
        "coale-visit": "Visit",
        "uncommitted": "New",
    }
    news = whats_new(history, texts)
    assert [(item.claim, item.event, item.commit.subject) for item in news] == [
        ("coale-visit", "recorded", "note on the sanctions; record the visit"),
        ("sanctions-eased", "changed", "note on the sanctions; record the visit"),
        ("release-count", "changed", "reword the count"),
    ]
    assert [item.claim for item in whats_new(history, texts, limit=1)] == ["coale-visit"]
    since = dt.datetime(2025, 10, 4, tzinfo=dt.UTC)
    assert [item.claim for item in whats_new(history, texts, since=since)] == ["coale-visit", "sanctions-eased"]


def test_the_atom_feed_parses_and_links_every_entry_to_its_claim(repo: Path) -> None:
    history = claim_history(repo / "content")
    texts = {"release-count": "Belarus freed <b>52</b> & more", "coale-visit": "Visit"}
    document = atom_feed(
        whats_new(history, texts),
        title="Belarus dossier",
        site_url="https://example.org/dossier/",
        feed_url="https://example.org/dossier/feed.xml",
        claim_url=lambda claim: f"https://example.org/dossier/claims/{claim}/",
    )
    feed = ET.fromstring(document)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "Belarus dossier" and feed.findtext(f"{ATOM}id") == "https://example.org/dossier/feed.xml"
    assert feed.findtext(f"{ATOM}updated") == "2025-10-04T12:00:00+00:00"
    assert {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")} == {
        "alternate": "https://example.org/dossier/",
        "self": "https://example.org/dossier/feed.xml",
    }
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["New claim: Visit", "Claim changed: Belarus freed <b>52</b> & more"]
    second = entries[1]
    assert second.find(f"{ATOM}link").get("href") == "https://example.org/dossier/claims/release-count/"  # type: ignore[union-attr]
    assert second.findtext(f"{ATOM}id", "").startswith("https://example.org/dossier/claims/release-count/#commit-")
    assert second.findtext(f"{ATOM}updated") == "2025-10-03T12:00:00+00:00"
    assert "reword the count" in second.findtext(f"{ATOM}summary", "")
    assert b"<b>" not in document  # the claim's markup is text, escaped


def test_commit_links() -> None:
    assert commit_url("https://github.com/org/dossier.git", "abc") == "https://github.com/org/dossier/commit/abc"
    assert commit_url("https://gitlab.com/org/dossier/", "abc") == "https://gitlab.com/org/dossier/commit/abc"


def claims_text(items: list[tuple[str, str]], trailer: str = "", person: str = "P") -> str:
    head = f"people:\n  - id: p\n    name: {person}\nclaims:\n"
    body = "".join(
        f"  - id: {claim}\n    text: {text}\n    evidence:\n      - article: a\n        quote: {text} quoted\n" for claim, text in items
    )
    return head + body + trailer


def test_cutting_only_what_changed_gives_the_blocks_of_cutting_the_whole_file() -> None:
    """Versions after random edits, each read incrementally, agree with reading each whole."""
    rng = random.Random(7)
    items = [(f"c{i}", f"text {i}") for i in range(40)]
    trailer, person = "", "P"
    claims_file = ClaimsFile()
    previous = claim_blocks(claims_text(items))
    claims_file.update(claims_text(items).encode())
    pending: tuple[str, str] | None = None  # a duplicate id, removed again at the next step
    for step in range(400):
        if pending is not None:
            items.remove(pending)
            pending = None
        operation = rng.choice(["edit", "insert", "delete", "move", "trailer", "duplicate", "person"])
        index = rng.randrange(len(items))
        if operation == "edit":
            items[index] = (items[index][0], items[index][1] + f" e{step}")
        elif operation == "insert":
            items.insert(index, (f"n{step}", f"new {step}"))
        elif operation == "delete" and len(items) > 2:
            del items[index]
        elif operation == "move":
            items.insert(rng.randrange(len(items)), items.pop(index))
        elif operation == "duplicate":
            pending = (items[index][0], f"again {step}")
            items.insert(rng.randrange(len(items)), pending)
        elif operation == "person":
            person = f"P{step}"
        elif operation == "trailer":
            trailer = rng.choice(["", f"events:\n  - id: e{step}\n", "events: []\n"])
        text = claims_text(items, trailer, person)
        candidates, removed = claims_file.update(text.encode())
        expected = claim_blocks(text)
        assert {c: b.decode() for c, b in claims_file.blocks.items()} == expected, f"step {step}: {operation}"
        assert {c for c in expected if previous.get(c) != expected[c]} <= set(candidates)
        assert set(removed) == set(previous) - set(expected)
        previous = expected
