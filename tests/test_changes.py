"""The dossier's changes in plain words: `dossier diff`'s engine applied commit by commit.

Real git repositories in tmp_path: each commit makes one kind of change an analyst makes,
and the history must say it as a reader would want it said, never with the commit's subject.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, article, edit, write_dossier
from gitrepo import commit, git, init

from dossier.changelog import revisions
from dossier.history import claim_history
from dossier.plain_changes import CLAIM, ENTITY, MEASURE, Change

REUTERS_ITEM = """\
      - article: reuters-2025-09-11
        stance: supports
        quote: Belarus released 52 prisoners on Thursday
"""
MEASURE_YAML = """\
measures:
  - id: prisoners-freed
    name: Prisoners freed in September
    unit: people
"""
QUANTITY = """\
    quantity:
      measure: prisoners-freed
      value: 52
"""
BLOG = article("A blog says Belarus released 60 prisoners on Thursday, with no source.\n", title="Sixty freed", outlet="Minsk Blog")
BLOG_CLAIM = """\
  - id: blog-count
    text: Belarus freed 60 prisoners.
    about: [belarus]
    quantity:
      measure: prisoners-freed
      value: 60
    evidence:
      - article: blog-2025-09-11
        stance: supports
        quote: Belarus released 60 prisoners on Thursday
"""
SUBJECTS = [f"ZQX-SUBJECT-{n} do not show me" for n in range(1, 7)]


def day(n: int) -> str:
    return f"2025-10-{n:02d}T12:00:00+00:00"


def corroborated() -> str:
    return BASE_YAML + REUTERS_ITEM


def with_conflict() -> str:
    yaml = corroborated().replace("    about: [sept-2025-release, belarus]\n", "    about: [sept-2025-release, belarus]\n" + QUANTITY)
    return MEASURE_YAML + yaml + BLOG_CLAIM


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five commits on main (one only to the guide) and a merged branch."""
    root = tmp_path_factory.mktemp("changes")
    init(root)
    write_dossier(root)
    commit(root, SUBJECTS[0], day(1))
    write_dossier(root, corroborated())
    commit(root, SUBJECTS[1], day(2))
    write_dossier(root, with_conflict(), {**BASE_ARTICLES, "blog-2025-09-11": BLOG})
    commit(root, SUBJECTS[2], day(3))
    write_dossier(
        root, edit("    name: John Coale\n", "    name: John P. Coale\n", with_conflict()), {**BASE_ARTICLES, "blog-2025-09-11": BLOG}
    )
    commit(root, SUBJECTS[3], day(4))
    (root / "content" / "guide").mkdir()
    (root / "content" / "guide" / "notes.md").write_text("# Notes\n", "utf-8")
    commit(root, SUBJECTS[4], day(5))
    git(root, "checkout", "-q", "-b", "side")
    against = "      - article: reuters-2025-09-11\n        stance: contradicts\n        quote: The United States eased sanctions\n"
    yaml = edit("    name: John Coale\n", "    name: John P. Coale\n", with_conflict()).replace(REUTERS_ITEM, REUTERS_ITEM + against)
    write_dossier(root, yaml, {**BASE_ARTICLES, "blog-2025-09-11": BLOG})
    commit(root, "branch work", day(6))
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", SUBJECTS[5], "side", date=day(7))
    return root


def changes_of(root: Path) -> list[tuple[dt.date, list[Change]]]:
    return [(r.commit.date.date(), list(r.changes)) for r in revisions(root, "content")]


def sentences(changes: list[Change]) -> list[str]:
    return [change.sentence for change in changes]


def test_each_commit_that_changed_the_dossier_is_one_revision_and_a_guide_edit_is_none(repo: Path) -> None:
    days = [d.day for d, _ in changes_of(repo)]
    assert days == [1, 2, 3, 4, 7]  # the guide's commit (5) changed nothing; the branch counts at its merge (7)


def test_a_first_commit_records_every_claim_entity_and_article(repo: Path) -> None:
    _, first = changes_of(repo)[0]
    assert "New claim “Belarus freed 52 prisoners.”: single-source, from The New York Times" in sentences(first)
    assert "New person “John Coale”" in sentences(first) and "New event “Release of 52 prisoners”" in sentences(first)
    assert "New article “Belarus frees 52 prisoners”: from Reuters" in sentences(first)
    assert first[0].kind == CLAIM  # claims before entities and articles


def test_a_status_change_is_said_with_its_reason(repo: Path) -> None:
    _, second = changes_of(repo)[1]
    assert sentences(second) == ["Claim “Belarus freed 52 prisoners.”: single-source → corroborated (evidence from Reuters added)"]
    assert second[0].status == "corroborated" and second[0].status_before == "single-source"


def test_a_conflict_between_values_is_said_on_its_measure(repo: Path) -> None:
    _, third = changes_of(repo)[2]
    conflict = next(c for c in third if c.kind == MEASURE)
    assert (
        conflict.sentence == "Conflict appeared on measure “Prisoners freed in September”: 52 people and 60 people"
    )  # values in words, as the site shows them
    assert "Claim “Belarus freed 52 prisoners.”: number given: 52 people" in sentences(third)
    assert "New claim “Belarus freed 60 prisoners.”: single-source, from Minsk Blog" in sentences(third)
    assert "New article “Sixty freed”: from Minsk Blog" in sentences(third)
    assert third[0].kind == MEASURE  # a conflict comes before new claims


def test_a_renamed_entity(repo: Path) -> None:
    _, fourth = changes_of(repo)[3]
    assert [(c.kind, c.sentence) for c in fourth] == [(ENTITY, "Entity renamed “John P. Coale”: was “John Coale”")]
    assert fourth[0].entity_kind == "person"


def test_evidence_against_makes_a_claim_contested(repo: Path) -> None:
    _, merged = changes_of(repo)[4]
    assert sentences(merged) == ["Claim “Belarus freed 52 prisoners.”: corroborated → contested (evidence against it from Reuters added)"]


def test_no_commit_subject_reaches_the_history(repo: Path) -> None:
    history = claim_history(repo / "content")
    text = repr(history)
    assert not [subject for subject in [*SUBJECTS, "branch work"] if subject in text]
    assert "ZQX" not in text


def test_first_recorded_and_last_changed_come_from_the_changes(repo: Path) -> None:
    history = claim_history(repo / "content")
    count = history.of("release-count")
    assert count is not None and count.changed_since_recorded
    assert count.first_recorded.date == dt.datetime(2025, 10, 1, 12, tzinfo=dt.UTC)
    assert count.last_changed.date == dt.datetime(2025, 10, 7, 12, tzinfo=dt.UTC)
    assert count.last_change.detail == "corroborated → contested (evidence against it from Reuters added)"
    blog = history.of("blog-count")
    assert blog is not None and not blog.changed_since_recorded and blog.first_recorded.date.day == 3


def test_a_removed_claim_has_no_history_and_a_restored_one_is_recorded_again(tmp_path: Path) -> None:
    init(tmp_path)
    write_dossier(tmp_path, corroborated())
    commit(tmp_path, "one", day(1))
    second = "  - id: second\n    text: Belavia relief.\n    about: [belavia]\n    evidence:\n" + REUTERS_ITEM.replace(
        "Belarus released 52 prisoners on Thursday", "The United States eased sanctions"
    )
    write_dossier(tmp_path, corroborated() + second)
    commit(tmp_path, "two", day(2))
    write_dossier(tmp_path, corroborated())
    commit(tmp_path, "three", day(3))
    assert claim_history(tmp_path / "content").of("second") is None
    assert "Claim removed “Belavia relief.”" in [c.sentence for r in revisions(tmp_path, "content") for c in r.changes]
    write_dossier(tmp_path, corroborated() + second)
    commit(tmp_path, "four", day(4))
    again = claim_history(tmp_path / "content").of("second")
    assert again is not None and again.first_recorded.date.day == 4


def test_an_edited_article_text_is_said_as_such(tmp_path: Path) -> None:
    init(tmp_path)
    write_dossier(tmp_path)
    commit(tmp_path, "one", day(1))
    edited = {**BASE_ARTICLES, "reuters-2025-09-11": BASE_ARTICLES["reuters-2025-09-11"].replace("officials said", "officials told us")}
    write_dossier(tmp_path, BASE_YAML, edited)
    commit(tmp_path, "two", day(2))
    (last,) = revisions(tmp_path, "content")[-1:]
    assert [c.sentence for c in last.changes] == ["Article text edited “Belarus frees 52 prisoners”: 1 paragraph changed"]


def test_a_commit_with_errors_still_shows_what_loaded(tmp_path: Path) -> None:
    init(tmp_path)
    write_dossier(tmp_path)
    commit(tmp_path, "one", day(1))
    write_dossier(
        tmp_path,
        BASE_YAML
        + "  - id: broken\n    text: Not quoted right.\n    about: [belarus]\n    evidence:\n"
        + REUTERS_ITEM.replace("Thursday", "Friday"),
    )
    commit(tmp_path, "two", day(2))
    last = revisions(tmp_path, "content")[-1]
    assert "New claim “Not quoted right.”" in [c.sentence for c in last.changes]  # no status: it was not derived


def test_each_commit_is_checked_once_per_clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The changes of a commit are kept in the git folder: a new commit checks two versions, not all."""
    import dossier.changelog as changelog

    init(tmp_path)
    write_dossier(tmp_path)
    commit(tmp_path, "one", day(1))
    write_dossier(tmp_path, corroborated())
    commit(tmp_path, "two", day(2))
    first = revisions(tmp_path, "content")
    checked: list[Path] = []
    real = changelog.check_content

    def counting(folder, *args, **kwargs):  # type: ignore[no-untyped-def]
        checked.append(folder)
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(changelog, "check_content", counting)
    assert revisions(tmp_path, "content") == first and checked == []
    write_dossier(tmp_path, corroborated().replace("text: Belarus freed 52 prisoners.", "text: Belarus freed 52 people."))
    commit(tmp_path, "three", day(3))
    again = revisions(tmp_path, "content")
    assert again[:2] == first and len(checked) == 2
    assert [c.sentence for c in again[2].changes] == ["Claim “Belarus freed 52 people.”: reworded (was “Belarus freed 52 prisoners.”)"]
