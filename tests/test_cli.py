"""The `dossier` command: exit codes, the three report formats, export and add-article."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_CLAIM, BASE_YAML, CLAIMS, article, edit, line_of, position

from dossier.cli import main
from dossier.problems import Location, Problem, Severity
from dossier.report import _escape_data, _escape_property, github_report, step_summary

DOSSIER = Path(sys.executable).with_name("dossier")

# One error whose message holds a percent sign and a pipe, plus a warning.
BAD_STANCE = edit("stance: supports", "stance: 100%|more")
UNDATED = {**BASE_ARTICLES, "undated": article("Text.\n", published=None)}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ----- check: exit codes -----


def test_clean_dossier_exits_0(make_dossier, capsys) -> None:
    make_dossier()
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert re.fullmatch(r"dossier check: 0 errors, 0 warnings \(2 articles, 6 entities, 1 claims?\)\n", out)


def test_warnings_only_exit_0(make_dossier, capsys) -> None:
    make_dossier(articles=UNDATED)
    code, out, _ = run(capsys, "check")
    assert code == 0
    *problems, summary = out.splitlines()
    assert problems == [
        "content/articles/undated.md:1:1: warning: the article has no 'published' date",
        "    add 'published: YYYY-MM-DD' to the front matter so it sorts on timelines",
    ]
    assert re.fullmatch(r"dossier check: 0 errors, 1 warning \(3 articles, 6 entities, 1 claims?\)", summary)


def test_errors_exit_1_with_file_line_column_lines(make_dossier, capsys) -> None:
    make_dossier(edit("name: John Coale", "name: 1984"), UNDATED)
    code, out, _ = run(capsys, "check", "--content", "content")
    line, col = position(BASE_YAML, "name: John Coale", "John Coale")
    assert code == 1
    *problems, summary = out.splitlines()
    assert problems == [
        "content/articles/undated.md:1:1: warning: the article has no 'published' date",
        "    add 'published: YYYY-MM-DD' to the front matter so it sorts on timelines",
        f"{CLAIMS}:{line}:{col}: error: person 'john-coale', 'name' should be text, not the number 1984",
        "    put the value in quotes to make it text",
    ]
    assert re.fullmatch(r"dossier check: 1 error, 1 warning \(3 articles, 6 entities, 1 claims?\)", summary)


def test_summary_counts_are_in_good_english(make_dossier, capsys) -> None:
    # Regression: printed "(1 articles, 1 entities, 1 claims)".
    one_of_each = "countries:\n  - id: belarus\n    name: Belarus\n" + edit("[sept-2025-release, belarus]", "[belarus]", BASE_CLAIM)
    make_dossier(one_of_each, {"nyt-2025-09-11": BASE_ARTICLES["nyt-2025-09-11"]})
    code, out, _ = run(capsys, "check")
    assert code == 0, out
    assert out == "dossier check: 0 errors, 0 warnings (1 article, 1 entity, 1 claim)\n"


def test_file_level_problem_has_no_line_number(make_dossier, capsys) -> None:
    make_dossier(None)
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out.startswith(f"{CLAIMS}: error: claims.yaml is missing\n")


def test_missing_content_folder_is_a_usage_error(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["export"], ["check", "--content", "elsewhere"]):
        code, out, err = run(capsys, *command)
        assert code == 2
        assert out == ""
        assert "does not exist" in err


@pytest.mark.parametrize(
    "argv",
    [["check", "--bogus"], ["check", "--format", "xml"], [], ["frobnicate"], ["add-article", "raw.txt"]],
)
def test_bad_command_lines_exit_2(make_dossier, capsys, argv: list[str]) -> None:
    make_dossier()
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert "usage: dossier" in capsys.readouterr().err


# ----- check: json and github formats -----


def test_json_format(make_dossier, capsys) -> None:
    make_dossier(BAD_STANCE, UNDATED)
    code, out, _ = run(capsys, "check", "--format", "json")
    line, col = position(BAD_STANCE, "stance: 100%", "100%")
    assert code == 1
    assert json.loads(out) == {
        "errors": 1,
        "warnings": 1,
        "accepted": 0,
        "problems": [
            {
                "severity": "warning",
                "file": "content/articles/undated.md",
                "line": 1,
                "column": 1,
                "code": "no-date",
                "accepted": False,
                "message": "the article has no 'published' date",
                "hints": ["add 'published: YYYY-MM-DD' to the front matter so it sorts on timelines"],
            },
            {
                "severity": "error",
                "file": CLAIMS,
                "line": line,
                "column": col,
                "code": "enum",
                "accepted": False,
                "message": "claim 'release-count', evidence 1, 'stance' should be supports or contradicts, not the text \"100%|more\"",
                "hints": [],
            },
        ],
    }


def test_json_format_file_level_problem_has_null_line(make_dossier, capsys) -> None:
    make_dossier(None)
    _, out, _ = run(capsys, "check", "--format", "json")
    [problem] = json.loads(out)["problems"]
    assert (problem["file"], problem["line"], problem["column"]) == (CLAIMS, None, None)


def test_github_format(make_dossier, capsys) -> None:
    yaml = edit("stance: supports", "stance: support %")
    make_dossier(yaml, UNDATED)
    code, out, _ = run(capsys, "check", "--format", "github")
    line, col = position(yaml, "stance: support %", "support %")
    assert code == 1
    assert out.splitlines() == [
        "::warning file=content/articles/undated.md,line=1,col=1,title=dossier no-date::the article has no 'published' date"
        "%0Aadd 'published: YYYY-MM-DD' to the front matter so it sorts on timelines",
        f"::error file={CLAIMS},line={line},col={col},title=dossier enum::claim 'release-count', evidence 1, 'stance' "
        "should be supports or contradicts, not the text \"support %25\"%0Adid you mean 'supports'?",
        "dossier check: 1 error, 1 warning",
    ]


def test_github_format_file_level_problem_has_no_line(make_dossier, capsys) -> None:
    make_dossier(None)
    _, out, _ = run(capsys, "check", "--format", "github")
    assert out.splitlines()[0].startswith(f"::error file={CLAIMS},title=dossier missing::claims.yaml is missing%0A")


def test_github_escapes() -> None:
    assert _escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert _escape_data("a: b, c") == "a: b, c"
    assert _escape_property("C:\\dir,a%b\nc") == "C%3A\\dir%2Ca%25b%0Ac"
    # % first, so an escape is never escaped twice.
    assert _escape_data("%0A") == "%250A"


def test_github_report_escapes_properties_and_data() -> None:
    problem = Problem(Severity.ERROR, Location("content/a,b:c.md", 3, 0), "50%\nbad", ("hint",), code="x:y")
    assert github_report([problem]) == "::error file=content/a%2Cb%3Ac.md,line=3,col=1,title=dossier x%3Ay::50%25%0Abad%0Ahint\n"


def test_step_summary_is_appended_with_every_problem(make_dossier, capsys, monkeypatch) -> None:
    make_dossier(BAD_STANCE, UNDATED)
    summary = Path("summary.md")
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary.resolve()))
    assert run(capsys, "check", "--format", "github")[0] == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### dossier check: 1 error, 1 warning\n")
    rows = [row for row in text.splitlines() if row.startswith("| ")]
    assert rows[0] == "| | File | Line | Problem |"
    assert len(rows) == 3  # the heading and one row per problem
    warning, error = rows[1:]
    assert warning.startswith("| ⚠️ warning | content/articles/undated.md | 1 | the article has no 'published' date<br>add ")
    assert error.startswith(f"| ❌ error | content/claims.yaml | {line_of(BAD_STANCE, 'stance: 100%')} | claim 'release-count'")
    assert '"100%\\|more"' in error  # the pipe is escaped, so the row keeps four cells
    for row in rows:
        assert len(row.replace("\\|", "").split("|")) == 6


def test_step_summary_cells_cannot_inject_markup() -> None:
    problem = Problem(Severity.ERROR, Location("content/claims.yaml", 1, 1), "<script>x</script> | [link](y) `code` *b*", ())
    row = step_summary([problem]).splitlines()[-1]
    assert "<script>" not in row and "](" not in row and "`" not in row
    assert "\\|" in row


def test_step_summary_of_a_clean_check() -> None:
    assert step_summary([]) == "### dossier check: 0 errors, 0 warnings\n\nNo problems found.\n"


def test_no_step_summary_without_the_variable(make_dossier, capsys, monkeypatch) -> None:
    make_dossier(BAD_STANCE)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    run(capsys, "check", "--format", "github")
    assert not Path("summary.md").exists()


# ----- export -----


def test_export_prints_json(make_dossier, capsys) -> None:
    make_dossier(articles=UNDATED)
    code, out, err = run(capsys, "export")
    assert code == 0
    data = json.loads(out)
    assert sorted(a["id"] for a in data["articles"]) == ["nyt-2025-09-11", "reuters-2025-09-11", "undated"]
    assert len(data["entities"]) == 6
    assert [c["id"] for c in data["claims"]] == ["release-count"]
    assert data["claims"][0]["status"] == "single-source"
    assert data["discrepancies"] == []
    assert "no 'published' date" in err  # warnings go to stderr, never into the JSON


def test_export_refuses_a_dossier_with_errors(make_dossier, capsys) -> None:
    make_dossier(BAD_STANCE)
    code, out, err = run(capsys, "export")
    assert code == 1
    assert out == ""
    assert "dossier export: not exported: 1 error, 0 warnings" in err


# ----- add-article -----

RAW = 'Belarus frees 52: a "deal"\r\n\r\n  First paragraph with “curly” quotes.  \r\nSecond line, same block.\r\n\r\n\r\nThird — with dash.\r\n'


@pytest.fixture
def raw(make_dossier) -> Path:
    make_dossier()
    path = Path("raw.txt")
    path.write_bytes(RAW.encode("utf-8"))
    return path


def test_add_article_writes_the_text_verbatim(raw, capsys) -> None:
    code, out, _ = run(
        capsys,
        "add-article",
        str(raw),
        "--outlet",
        "The New York Times",
        "--published",
        "2025-09-11",
        "--url",
        "https://example.com/a",
        "--author",
        "Ann One",
        "--author",
        "Bob Two",
    )
    target = Path("content/articles/the-new-york-times-2025-09-11.md")
    assert code == 0
    assert out == f"wrote {target}\n"
    text = target.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    assert body == "First paragraph with “curly” quotes. Second line, same block.\n\nThird — with dash.\n"
    assert 'title: "Belarus frees 52: a \\"deal\\""' in head
    assert 'author: ["Ann One", "Bob Two"]' in head
    assert "published: 2025-09-11" in head


def test_added_article_passes_the_check_and_can_be_quoted(raw, capsys) -> None:
    run(capsys, "add-article", str(raw), "--outlet", "Example: News, Inc.", "--published", "2025-09-12", "--id", "example")
    yaml = BASE_YAML + "      - article: example\n        stance: supports\n        quote: Third - with dash\n"
    Path("content/claims.yaml").write_text(yaml, encoding="utf-8")
    code, out, _ = run(capsys, "check")
    assert code == 0, out
    assert re.fullmatch(r"dossier check: 0 errors, 0 warnings \(3 articles, 6 entities, 1 claims?\)\n", out)
    code, out, _ = run(capsys, "export")
    [added] = [a for a in json.loads(out)["articles"] if a["id"] == "example"]
    assert (added["title"], added["outlet"], added["published"]) == ('Belarus frees 52: a "deal"', "Example: News, Inc.", "2025-09-12")


def test_add_article_with_a_title_keeps_the_first_line_as_text(raw, capsys) -> None:
    assert run(capsys, "add-article", str(raw), "--outlet", "Reuters", "--title", "Given title")[0] == 0
    text = Path("content/articles/reuters.md").read_text(encoding="utf-8")
    assert 'title: "Given title"' in text
    assert text.split("\n---\n", 1)[1].startswith('Belarus frees 52: a "deal"\n\nFirst paragraph')


def test_add_article_refuses_to_overwrite(raw, capsys) -> None:
    existing = Path("content/articles/nyt-2025-09-11.md")
    before = existing.read_bytes()
    code, out, err = run(capsys, "add-article", str(raw), "--outlet", "NYT", "--id", "nyt-2025-09-11")
    assert code == 1
    assert out == ""
    assert err == f"dossier add-article: error: {existing} already exists: not overwritten; choose another id with --id\n"
    assert existing.read_bytes() == before


@pytest.mark.parametrize("date", ["2025-9-11", "11/09/2025", "20250911", "2025-W37-4"])
def test_add_article_rejects_a_date_that_is_not_yyyy_mm_dd(raw, capsys, date: str) -> None:
    # date.fromisoformat accepts "20250911" and "2025-W37-4" since Python 3.11; an article
    # written with them would then fail `dossier check`.
    code, _, err = run(capsys, "add-article", str(raw), "--outlet", "Reuters", "--published", date, "--id", "dated")
    assert code == 1, "the date was accepted: " + Path("content/articles/dated.md").read_text(encoding="utf-8")
    assert f"--published '{date}' is not a date written YYYY-MM-DD" in err
    assert sorted(p.name for p in Path("content/articles").iterdir()) == sorted(f"{a}.md" for a in BASE_ARTICLES)


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2025-13-01", "2025 has no month 13; months go from 01 to 12"),
        ("2025-02-30", "February 2025 has 28 days"),
        ("2025-00", "2025 has no month 0; months go from 01 to 12"),
    ],
)
def test_add_article_says_which_part_of_a_date_does_not_exist(raw, capsys, date: str, why: str) -> None:
    code, _, err = run(capsys, "add-article", str(raw), "--outlet", "Reuters", "--published", date, "--id", "dated")
    assert code == 1
    assert err == f"dossier add-article: error: --published '{date}' is not a real calendar date: {why}\n"
    assert not Path("content/articles/dated.md").exists()


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert re.fullmatch(r"dossier \d+\.\d+\.\d+\S*\n", out), out


def test_check_help_describes_the_check_and_its_exit_codes(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "every quote against its article's text" in out
    assert "FILE:LINE:COLUMN" in out
    exit_codes = out[out.index("exit codes:") :]
    assert "0  no errors (and, with --strict, no warning that is not accepted)" in exit_codes
    assert "1  the dossier has errors" in exit_codes
    assert "2  usage error" in exit_codes


def test_add_article_accepts_a_month_or_a_year_as_the_date(raw, capsys) -> None:
    code, _, _ = run(capsys, "add-article", str(raw), "--outlet", "Reuters", "--published", "2025-09", "--id", "monthly")
    assert code == 0
    assert "published: 2025-09\n" in Path("content/articles/monthly.md").read_text(encoding="utf-8")
    assert run(capsys, "check")[0] == 0  # and it loads, with its month


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.com", "example.com", "https://exa mple.com"])
def test_add_article_rejects_a_url_that_is_not_http(raw, capsys, url: str) -> None:
    code, _, err = run(capsys, "add-article", str(raw), "--outlet", "Reuters", "--url", url)
    assert code == 1
    assert f"--url '{url}' is not an http:// or https:// address" in err
    assert not Path("content/articles/reuters.md").exists()


def test_add_article_rejects_a_bad_id_and_an_empty_file(raw, capsys) -> None:
    code, _, err = run(capsys, "add-article", str(raw), "--outlet", "Reuters", "--id", "Bad_Id")
    assert code == 1 and "--id 'Bad_Id' is not a valid id" in err
    Path("empty.txt").write_text("\n\n")
    code, _, err = run(capsys, "add-article", "empty.txt", "--outlet", "Reuters")
    assert code == 1 and "the file is empty" in err


def test_add_article_of_a_missing_file(make_dossier, capsys) -> None:
    make_dossier()
    code, _, err = run(capsys, "add-article", "nowhere.txt", "--outlet", "Reuters")
    assert code == 1 and "nowhere.txt: cannot read the file" in err


# ----- end to end, as a separate process -----


@pytest.mark.skipif(not DOSSIER.exists(), reason="the dossier script is not installed next to this Python")
def test_installed_command_end_to_end(make_dossier) -> None:
    content = make_dossier(BAD_STANCE)
    done = subprocess.run([str(DOSSIER), "check", "--content", str(content)], capture_output=True, text=True, cwd=content.parent)
    assert done.returncode == 1
    assert done.stdout.startswith(f"{CLAIMS}:{line_of(BAD_STANCE, 'stance: 100%')}:17: error: claim 'release-count'")
    content_ok = make_dossier()
    done = subprocess.run([str(DOSSIER), "export"], capture_output=True, text=True, cwd=content_ok.parent)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["claims"][0]["id"] == "release-count"


def test_python_dash_m_dossier(make_dossier) -> None:
    content = make_dossier()
    done = subprocess.run(
        [sys.executable, "-m", "dossier", "check", "--format", "json"], capture_output=True, text=True, cwd=content.parent
    )
    assert done.returncode == 0
    assert json.loads(done.stdout) == {"errors": 0, "warnings": 0, "accepted": 0, "problems": []}
    done = subprocess.run([sys.executable, "-m", "dossier", "check", "--nope"], capture_output=True, text=True, cwd=content.parent)
    assert done.returncode == 2
