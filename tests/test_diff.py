"""`dossier diff` on real git repositories: what a change does to the dossier, as a reviewer reads it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, NYT_BODY, REUTERS_BODY, article, edit, write_dossier
from gitrepo import commit, git, init

from dossier.cli import main
from dossier.diffing import compare, render_markdown
from dossier.diffing.snapshot import Snapshot

CONTRADICTING = """\
      - article: reuters-2025-09-11
        stance: contradicts
        quote: Belarus released 52 prisoners on Thursday
"""
EDITED_NYT = article(
    NYT_BODY.replace('the "next step" was talks', 'the "next step" was negotiations'),
    title="Belarus Frees 52 Prisoners",
    outlet="The New York Times",
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit is the base dossier, also the working folder."""
    monkeypatch.chdir(tmp_path)
    init(tmp_path)
    write_dossier(tmp_path)
    commit(tmp_path, "base dossier")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def contest_and_edit(repo: Path) -> None:
    """The change of the issue: contradicting evidence (single-source → contested) and an edited article."""
    write_dossier(repo, BASE_YAML + CONTRADICTING, {**BASE_ARTICLES, "nyt-2025-09-11": EDITED_NYT})
    commit(repo, "contest the count; fix a word in the NYT article")


def test_diff_of_the_last_commit_names_the_status_change_and_the_edited_article(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    contest_and_edit(repo)
    code, out, err = run(capsys, "HEAD~1", "HEAD")
    assert (code, err) == (0, "")
    assert "release-count: single-source → contested" in out
    assert "EDITED ARTICLES" in out and "! nyt-2025-09-11 “Belarus Frees 52 Prisoners”: 1 paragraph changed" in out
    # The quote is a paragraph away from the change: counted, not listed.
    assert "      no quote is in or next to a changed passage\n      (1 other quote of this article away from the changes)\n" in out
    assert "evidence added (reuters-2025-09-11), contradicts, no via: “Belarus released 52 prisoners on Thursday”" in out
    # The edited-article warning comes before everything else.
    assert out.index("EDITED ARTICLES") < out.index("Status changes") < out.index("Claims:")


def test_markdown_for_the_job_summary_puts_the_edited_article_warning_first(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    contest_and_edit(repo)
    code, out, _ = run(capsys, "HEAD~1", "HEAD", "--format", "markdown")
    assert code == 0
    assert out.startswith("## Dossier diff: ")
    assert out.index("> [!WARNING]") < out.index("### ⚠️ Edited articles") < out.index("### Status changes") < out.index("### Claims")
    assert "| `release-count` Belarus freed 52 prisoners. | single-source → **contested** |" in out
    assert (
        '| `nyt-2025-09-11` Belarus Frees 52 Prisoners | paragraph 2: … who said the "next step" was <del>talks.</del> <ins>negotiations.</ins> '
        "| no quote is in or next to a changed passage<br>(1 other quote of this article away from the changes) |" in out
    )


def test_json_names_the_same_changes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    contest_and_edit(repo)
    code, out, _ = run(capsys, "HEAD~1", "HEAD", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["empty"] is False
    assert data["status_changes"] == [
        {"claim": "release-count", "text": "Belarus freed 52 prisoners.", "before": "single-source", "after": "contested"}
    ]
    (edited,) = data["edited_articles"]
    assert edited["article"] == "nyt-2025-09-11"
    assert (edited["citations"], edited["other_quotes"]) == ([], 1)
    assert edited["passages"] == [{"paragraph": 2, "words": '… who said the "next step" was [-talks.-] {+negotiations.+}'}]
    assert data["base"]["error_count"] == data["head"]["error_count"] == 0


NEW_CLAIM = """\
  - id: sanctions-eased
    text: The US eased sanctions on Belavia.
    about: [belavia, united-states]
    evidence:
      - article: reuters-2025-09-11
        stance: supports
        quote: The United States eased sanctions on the national airline Belavia
"""


def test_claims_added_removed_and_changed_with_their_evidence(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_dossier(repo, BASE_YAML + NEW_CLAIM)
    commit(repo, "add a claim")
    changed = edit("text: Belarus freed 52 prisoners.", "text: Belarus freed 52 political prisoners.")
    changed = edit("quote: Belarus freed 52 political prisoners on Thursday", "quote: Belarus freed 52 political prisoners", changed)
    write_dossier(repo, changed)  # sanctions-eased removed, release-count reworded and requoted
    commit(repo, "reword the count, drop the sanctions claim")
    _, out, _ = run(capsys, "HEAD~2", "HEAD~1")
    assert "+ sanctions-eased [single-source]: The US eased sanctions on Belavia." in out
    _, out, _ = run(capsys, "HEAD~1", "HEAD", "--format", "json")
    claims = {c["claim"]: c for c in json.loads(out)["claims"]}
    assert claims["sanctions-eased"]["change"] == "removed"
    reworded = claims["release-count"]
    assert reworded["change"] == "changed"
    assert reworded["fields"] == [
        {"field": "text", "before": "Belarus freed 52 prisoners.", "after": "Belarus freed 52 political prisoners."}
    ]
    (quote,) = reworded["evidence"]
    assert (quote["change"], quote["article"], quote["quote"]) == ("changed", "nyt-2025-09-11", "Belarus freed 52 political prisoners")
    assert quote["fields"][0]["before"] == "Belarus freed 52 political prisoners on Thursday"


def test_entities_added_removed_renamed_merged_and_aliases(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    changed = edit("    name: John Coale\n", "    name: John P. Coale\n    aliases: [Coale]\n")
    changed = edit("    aliases: [Lukashenko, Lukashenka]\n", "    aliases: [Lukashenko]\n", changed)
    # belavia is merged into a new airline entity that lists its name as an alias; a country is added.
    changed = edit(
        "  - id: belavia\n    name: Belavia\n",
        "  - id: belarus-airline\n    name: Belarusian national airline\n    aliases: [Belavia]\n",
        changed,
    )
    changed = edit("  - id: united-states\n", "  - id: lithuania\n    name: Lithuania\n  - id: united-states\n", changed)
    write_dossier(repo, changed)
    _, out, _ = run(capsys, "HEAD")  # HEAD against the working tree
    assert "+ lithuania “Lithuania”: added" in out
    assert "+ belarus-airline “Belarusian national airline”: added" in out
    assert "~ john-coale “John P. Coale”: renamed from “John Coale”" in out and "alias added: Coale" in out
    assert "~ alexander-lukashenko “Alexander Lukashenko”: changed\n      alias removed: Lukashenka" in out
    assert "- belavia “Belavia”: merged into belarus-airline" in out
    without_coale = edit("participants: [alexander-lukashenko, john-coale]", "participants: [alexander-lukashenko]")
    write_dossier(repo, edit("  - id: john-coale\n    name: John Coale\n", "", without_coale))
    _, out, _ = run(capsys, "HEAD")
    assert "- john-coale “John Coale”: removed" in out


QUANTITY_CLAIMS = """\
  - id: foreigners-count
    text: 14 foreigners were freed.
    about: [belarus]
    quantity: {measure: people-freed, value: 14}
    evidence:
      - article: nyt-2025-09-11
        stance: supports
        quote: including 14 foreign citizens
"""


def test_a_discrepancy_appearing_and_disappearing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_quantity = edit(
        "    about: [sept-2025-release, belarus]\n",
        "    about: [sept-2025-release, belarus]\n    quantity: {measure: people-freed, value: 52}\n",
    )
    write_dossier(repo, with_quantity + QUANTITY_CLAIMS)
    commit(repo, "two counts of people freed")
    _, out, _ = run(capsys, "HEAD~1", "HEAD")
    assert "+ people-freed (conflict): appeared: release-count: 52; foreigners-count: 14" in out
    _, out, _ = run(capsys, "HEAD", "HEAD~1")
    assert "- people-freed (conflict): disappeared: release-count: 52; foreigners-count: 14" in out


def snapshot(discrepancies: list[dict[str, object]]) -> Snapshot:
    return Snapshot("rev", {"claims": [], "entities": [], "articles": [], "discrepancies": discrepancies})


def test_a_discrepancy_becoming_a_conflict_when_the_export_says_so() -> None:
    values = [{"claim": "a", "value": {"min": 1001, "max": None}}, {"claim": "b", "value": 1150, "approximate": True}]
    before = snapshot([{"measure": "held", "conflict": False, "values": values}])
    after = snapshot([{"measure": "held", "conflict": True, "values": values}])
    (change,) = compare(before, after).discrepancies
    assert (change.change, change.conflict) == ("became a conflict", True)
    assert change.values == ("a: more than 1,000", "b: about 1,150")  # in words, as the site shows them
    (change,) = compare(after, before).discrepancies
    assert change.change == "no longer a conflict"


def test_a_revision_with_errors_is_named_and_what_loaded_is_still_compared(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = edit("quote: Belarus freed 52 political prisoners on Thursday", "quote: Belarus freed 53 political prisoners on Thursday")
    write_dossier(repo, edit("text: Belarus freed 52 prisoners.", "text: Belarus freed 53 prisoners.", broken))
    commit(repo, "a typo in a quote")
    code, out, _ = run(capsys, "HEAD~1", "HEAD")
    assert code == 0
    assert "note: HEAD: HEAD (" in out and "has 1 error: only what loaded is compared; statuses and discrepancies are not compared." in out
    assert "note: content/claims.yaml:" in out  # the error as `dossier check` prints it, in the user's path
    assert "      text: “Belarus freed 52 prisoners.” → “Belarus freed 53 prisoners.”" in out
    assert "/tmp/dossier-diff-" not in out


def test_unknown_revision_and_no_repository_are_usage_errors(
    repo: Path, capsys: pytest.CaptureFixture[str], make_dossier: Callable[..., Path]
) -> None:
    code, out, err = run(capsys, "no-such-branch")
    assert (code, out) == (2, "")
    assert err == "dossier diff: error: 'no-such-branch' is not a known revision (a commit, branch or tag) of this repository\n"
    code, _, err = run(capsys, "--", "-x")
    assert code == 2 and "'-x' is not a revision" in err
    git(repo, "branch", "-m", "main", "trunk")  # no main, master nor origin: no default to compare with
    code, _, err = run(capsys)
    assert code == 2 and "no default branch" in err and "name BASE" in err


def test_default_base_is_the_merge_base_with_main_and_head_the_working_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    write_dossier(repo, BASE_YAML + NEW_CLAIM)
    commit(repo, "add a claim on the branch")
    write_dossier(repo, BASE_YAML + NEW_CLAIM, {**BASE_ARTICLES, "reuters-2025-09-11": article(REUTERS_BODY + "\nA new paragraph.\n")})
    code, out, _ = run(capsys)
    assert code == 0
    assert out.startswith("dossier diff: merge base with main (") and "→ working tree" in out.splitlines()[0]
    assert "+ sanctions-eased" in out and "! reuters-2025-09-11" in out


def test_markdown_shows_untrusted_text_literally() -> None:
    claim = {"id": "c", "text": "A | B <script>alert(1)</script> **bold** [link](x)", "status": "single-source", "evidence": []}
    out = render_markdown(compare(Snapshot("rev", {"claims": []}), Snapshot("rev", {"claims": [claim]})))
    assert "<script>" not in out and "**bold**" not in out and "[link]" not in out
    assert "A \\| B &lt;script&gt;alert(1)&lt;/script&gt; &#42;&#42;bold&#42;&#42; &#91;link&#93;(x)" in out


def test_no_change_says_so(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "HEAD")
    assert code == 0 and "No change to the dossier's claims, measures, entities, discrepancies or articles." in out


def test_a_revision_without_the_content_folder_shows_everything_as_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    init(tmp_path)
    (tmp_path / "README.md").write_text("A dossier, soon.\n", "utf-8")
    commit(tmp_path, "empty repository")
    write_dossier(tmp_path)
    commit(tmp_path, "first dossier")
    code, out, _ = run(capsys, "HEAD~1", "HEAD")
    assert code == 0
    assert "note: BASE: HEAD~1 (" in out and "has no content folder" in out
    assert "+ release-count [single-source]: Belarus freed 52 prisoners." in out
    assert "+ nyt-2025-09-11 “Belarus Frees 52 Prisoners”: added" in out


def test_markdown_tables_are_cut_to_fit_the_job_summary() -> None:
    claims = [{"id": f"c{i}", "text": f"Claim {i}", "status": "single-source", "evidence": []} for i in range(205)]
    out = render_markdown(compare(Snapshot("rev", {"claims": []}), Snapshot("rev", {"claims": claims})))
    assert "| `c199` Claim 199 |" in out and "`c200`" not in out
    assert "... and 5 more: run `dossier diff` to see them all." in out


def test_help_describes_the_revisions_and_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["diff", "--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert "single-source → contested" in out and "merge base of HEAD with the default branch" in out
    assert "exit codes: 0 the diff was shown" in out and "2 usage error" in out
