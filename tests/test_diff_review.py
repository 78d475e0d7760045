"""`dossier diff` as a reviewer needs it (issue 27): stance and via of every evidence item,
measures and the discrepancies they make, values in words, edited articles as a word diff
with only the quotes near the changes, and every newly accepted warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_ENTITIES, BASE_YAML, NYT_BODY, article, edit, write_dossier
from gitrepo import commit, init

from dossier.cli import main

MEASURES = "measures:\n  - id: prisoners\n    name: Prisoners freed\n    unit: people\n"
COUNTED = edit(
    "    text: Belarus freed 52 prisoners.\n", "    text: Belarus freed 52 prisoners.\n    quantity: {measure: prisoners, value: 52}\n"
)
SECOND = """\
  - id: reuters-count
    text: Belarus released 52 prisoners.
    about: [belarus]
    quantity: {measure: prisoners, value: {min: 51}}
    evidence:
      - article: reuters-2025-09-11
        stance: supports
        quote: Belarus released 52 prisoners on Thursday
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    init(tmp_path)
    write_dossier(tmp_path)
    commit(tmp_path, "base dossier")
    return tmp_path


def diff(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["diff", *args]) == 0
    return capsys.readouterr().out


def test_new_evidence_says_its_stance_and_via(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    added = edit(
        "        quote: Belarus freed 52 political prisoners on Thursday\n",
        "        quote: Belarus freed 52 political prisoners on Thursday\n"
        "      - article: reuters-2025-09-11\n        stance: contradicts\n        quote: Belarus released 52 prisoners on Thursday\n"
        "        via: Viasna\n",
    )
    write_dossier(repo, added)
    commit(repo, "add evidence against")
    out = diff(capsys, "HEAD~1", "HEAD")
    assert "      evidence added (reuters-2025-09-11), contradicts, via Viasna: “Belarus released 52 prisoners on Thursday”" in out
    write_dossier(repo, edit("        via: Viasna\n", "        via: Belta\n", added))
    commit(repo, "another via")
    out = diff(capsys, "HEAD~1", "HEAD")
    assert (
        "evidence changed (reuters-2025-09-11), contradicts, via Belta: “Belarus released 52 prisoners on Thursday” [via: “Viasna” → “Belta”]"
        in out
    )
    write_dossier(repo)
    commit(repo, "drop it")
    out = diff(capsys, "HEAD~1", "HEAD")
    assert "evidence removed (reuters-2025-09-11), contradicts, via Belta: “Belarus released 52 prisoners on Thursday”" in out


def test_measures_added_renamed_reunited_and_the_discrepancy_they_make(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_dossier(repo, BASE_ENTITIES + MEASURES + COUNTED[len(BASE_ENTITIES) :] + SECOND)
    commit(repo, "count the prisoners")
    out = diff(capsys, "HEAD~1", "HEAD")
    assert "Measures:\n  + prisoners “Prisoners freed”: added\nDiscrepancies:\n" in out
    # Values in words, as the site shows them, never raw JSON.
    assert "+ reuters-count [single-source]: Belarus released 52 prisoners." in out
    assert "      quantity: 52 people (Prisoners freed)" in out
    assert (
        "  + reuters-count [single-source]: Belarus released 52 prisoners.\n      about: belarus\n      quantity: more than 50 people (Prisoners freed)\n"
        in out
    )
    assert "  + prisoners: appeared: release-count: 52 people; reuters-count: more than 50 people\n" in out
    assert "{" not in out
    renamed = MEASURES.replace("name: Prisoners freed", "name: Political prisoners freed").replace(
        "unit: people", "unit: persons\n    tolerance: 0.2"
    )
    write_dossier(repo, BASE_ENTITIES + renamed + COUNTED[len(BASE_ENTITIES) :] + SECOND)
    commit(repo, "rename the measure")
    out = diff(capsys, "HEAD~1", "HEAD")
    assert "  ~ prisoners “Political prisoners freed”: renamed\n" in out
    assert (
        "      name: “Prisoners freed” → “Political prisoners freed”\n      unit: people → persons\n      tolerance: ±10% → ±20%\n" in out
    )
    assert "No change to the dossier" not in out


def test_an_edited_article_shows_the_change_and_only_the_quotes_near_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    far = NYT_BODY + "\nA fourth paragraph.\n\nA fifth paragraph, about the talks to come in Minsk.\n"
    claims = BASE_YAML + (
        "  - id: big-deal\n    text: Lukashenko wants a big deal.\n    about: [belarus]\n    evidence:\n"
        "      - article: nyt-2025-09-11\n        stance: supports\n        quote: the talks to come in Minsk\n"
    )
    articles = {**BASE_ARTICLES, "nyt-2025-09-11": article(far, title="Belarus Frees 52 Prisoners", outlet="The New York Times")}
    write_dossier(repo, claims, articles)
    commit(repo, "a longer article")
    edited = far.replace("Belarus freed 52 political prisoners on Thursday", "Belarus freed 52 prisoners on Thursday")
    articles["nyt-2025-09-11"] = article(edited, title="Belarus Frees 52 Prisoners", outlet="The New York Times")
    write_dossier(repo, claims, articles)
    commit(repo, "a word removed from the article")
    out = diff(capsys, "HEAD~1", "HEAD")
    assert "  ! nyt-2025-09-11 “Belarus Frees 52 Prisoners”: 1 paragraph changed\n" in out
    assert "      paragraph 1: Belarus freed 52 [-political-] prisoners on Thursday, including 14 foreign …\n" in out
    # The quote the edit broke comes first; the quote four paragraphs away is only counted.
    assert "      NO LONGER FOUND: quoted by release-count: “Belarus freed 52 political prisoners on Thursday”\n" in out
    assert "the talks to come in Minsk" not in out.split("EDITED ARTICLES")[1].split("note:")[0]
    assert "      (1 other quote of this article away from the changes)\n" in out
    markdown = diff(capsys, "HEAD~1", "HEAD", "--format", "markdown")
    assert "paragraph 1: Belarus freed 52 <del>political</del> prisoners on Thursday" in markdown
    assert "NO LONGER FOUND: quoted by release-count" in markdown


def test_a_new_acceptance_is_shown_to_the_reviewer(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = {
        **BASE_ARTICLES,
        "undated": article("Belarus freed 52 political prisoners on Thursday.\n", published=None, accept="[no-date]"),
    }
    write_dossier(repo, BASE_YAML, articles)
    commit(repo, "an undated article, accepted")
    out = diff(capsys, "HEAD~1", "HEAD")
    assert "Warnings newly accepted (check each one):\n" in out
    assert "  content/articles/undated.md:1:1: accepted warning: the article has no 'published' date [accepted: no-date]\n" in out
    accepting = edit(
        "        quote: Belarus freed 52 political prisoners on Thursday\n",
        "        quote: Belarus freed 52 political prisoners on Thursday\n        accept: [ambiguous-quote]\n",
    )
    write_dossier(repo, accepting, articles)
    commit(repo, "accept on an evidence item")
    out = diff(capsys, "HEAD~1", "HEAD")
    assert (
        "evidence changed (nyt-2025-09-11), supports, no via, accepts ambiguous-quote: “Belarus freed 52 political prisoners on Thursday” [accept: (none) → ambiguous-quote]"
        in out
    )
