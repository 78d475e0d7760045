"""The capture checks (contract v3): the file, its response for the url, its digest, and
every quote of a captured article in the text of the page as captured."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import BASE_YAML, describe, only_error, only_warning
from newspages import QUOTED, QUOTING_CLAIM, news_page
from pytest_httpserver import HTTPServer
from sitebuild import MINIMAL_MKDOCS_YML, mkdocs_build

from dossier.captures import LFS_POINTER, extract
from dossier.captures.add import UrlOptions, add_article_from_url
from dossier.captures.extract import cache_folder, extractor_version
from dossier.check import check_content
from dossier.cli import main

HTML = "text/html; charset=utf-8"
ARTICLE = "content/articles/quay.md"


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / "cache"))
    extract._memory.clear()  # the same page is captured by every test: extracted again for each


@pytest.fixture
def captured(make_dossier, httpserver: HTTPServer) -> Path:
    """A dossier whose article `quay` was captured from a local page, and a claim quoting it."""
    content = make_dossier(BASE_YAML + QUOTING_CLAIM)
    httpserver.expect_request("/story").respond_with_data(news_page(), content_type=HTML)
    add_article_from_url(httpserver.url_for("/story"), content, UrlOptions(article_id="quay"))
    return content


def edit_file(path: str | Path, old: str, new: str) -> None:
    text = Path(path).read_text("utf-8")
    assert text.count(old) == 1, old
    Path(path).write_text(text.replace(old, new), "utf-8")


class _Text(HTMLParser):
    """The text of the first element with a class, its words joined by single spaces."""

    def __init__(self, css_class: str) -> None:
        super().__init__()
        self.css_class, self.depth, self.words = css_class, 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in ("br", "img", "input", "meta", "link", "hr")
        elif self.css_class in (dict(attrs).get("class") or "").split() and not self.words:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.words += data.split()


def page_text(path: Path, css_class: str) -> str:
    parser = _Text(css_class)
    parser.feed(path.read_text("utf-8"))
    return " ".join(parser.words)


def front_matter_field(path: Path, name: str) -> str:
    return next(line.split(": ", 1)[1].strip('"') for line in path.read_text("utf-8").splitlines() if line.startswith(f"{name}:"))


def line_of(path: str, start: str) -> int:
    return next(n for n, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1) if line.startswith(start))


def test_the_check_passes_once_a_claim_quotes_the_captured_article(captured: Path, capsys) -> None:
    result = check_content(captured)
    assert result.ok and not result.problems, describe(result.problems)
    assert result.analysis is not None and result.analysis.captures == {"quay": "verified"}
    assert main(["check", "--content", str(captured)]) == 0


def test_a_quoted_sentence_edited_in_the_article_file_is_not_in_the_captured_page(captured: Path) -> None:
    edit_file(ARTICLE, "eleven weeks after a winter storm", "eleven weeks after a violent winter storm")
    edit_file("content/claims.yaml", QUOTED, "reopened the northern quay on Saturday, eleven weeks after a violent winter storm")
    error = only_error(check_content(captured))
    assert error.code == "quote-not-captured"
    assert error.message == f"quote not in the captured page of article 'quay' ({ARTICLE}): it is in the article file only"
    assert str(error.location).startswith(f"content/claims.yaml:{line_of('content/claims.yaml', '        quote: reopened')}:")
    assert any(
        "closest passage of the captured page (paragraph 1)" in hint and "eleven weeks after a winter storm" in hint for hint in error.hints
    )
    assert any("the article file was edited after the capture" in hint for hint in error.hints)


def test_a_changed_digest_is_an_error_at_its_line(captured: Path) -> None:
    text = Path(ARTICLE).read_text("utf-8")
    sha = next(line.split(": ")[1].strip('"') for line in text.splitlines() if line.startswith("sha256:"))
    edit_file(ARTICLE, sha, "0" * 64)
    error = only_error(check_content(captured))
    assert error.code == "capture-digest"
    assert str(error.location) == f"{ARTICLE}:{line_of(ARTICLE, 'capture:')}:1"
    assert f"the page in it has SHA-256 {sha}, the front matter says {'0' * 64}" in error.message


def test_a_changed_url_finds_no_response_in_the_capture(captured: Path) -> None:
    edit_file(ARTICLE, "/story", "/another-story")
    error = only_error(check_content(captured))
    assert error.code == "capture-url" and "holds no successful response for the article's url" in error.message


def test_a_missing_capture_file(captured: Path) -> None:
    next((captured / "captures").glob("*.warc.gz")).unlink()
    error = only_error(check_content(captured))
    assert error.code == "capture-missing"
    assert error.message == "the capture 'captures/quay.warc.gz' of article 'quay' does not exist"


def test_a_capture_that_is_not_a_warc(captured: Path) -> None:
    (captured / "captures" / "quay.warc.gz").write_bytes(b"<html>not a warc</html>")
    error = only_error(check_content(captured))
    assert error.code == "capture-unreadable" and "cannot be read" in error.message


def test_an_lfs_pointer_never_fetched_is_a_warning_and_skips_the_checks(captured: Path) -> None:
    pointer = LFS_POINTER + b"\noid sha256:" + b"1" * 64 + b"\nsize 12345\n"
    (captured / "captures" / "quay.warc.gz").write_bytes(pointer)
    edit_file(ARTICLE, "eleven weeks after a winter storm", "eleven weeks after a violent winter storm")
    edit_file("content/claims.yaml", QUOTED, "reopened the northern quay on Saturday, eleven weeks after a violent winter storm")
    result = check_content(captured)
    warning = only_warning(result)
    assert warning.code == "capture-not-fetched"
    assert "is a Git LFS pointer that was never fetched: its checks are skipped" in warning.message
    assert any("git lfs pull" in hint for hint in warning.hints)
    assert result.analysis is not None and result.analysis.captures == {"quay": "unavailable"}
    assert result.passes(strict=True)  # a notice: as in `mkdocs build --strict`, it fails neither in CI


def test_capture_needs_its_digest_and_a_real_retrieval_time(captured: Path) -> None:
    text = Path(ARTICLE).read_text("utf-8")
    kept = [line for line in text.splitlines(keepends=True) if not line.startswith("sha256:")]
    Path(ARTICLE).write_text("".join(kept).replace("retrieved: ", "retrieved: 2026-02-30T10:00:00Z\nold_retrieved: ", 1), "utf-8")
    problems = check_content(captured).errors
    messages = {(p.code, p.message) for p in problems}
    assert ("required", "the front matter is missing the required field 'sha256'") in messages, describe(problems)
    assert any(p.code == "unknown-field" for p in problems)


def test_retrieved_must_be_a_real_date_and_time(captured: Path) -> None:
    text = Path(ARTICLE).read_text("utf-8")
    retrieved = next(line for line in text.splitlines() if line.startswith("retrieved:"))
    edit_file(ARTICLE, retrieved, 'retrieved: "2026-02-30T10:00:00Z"')
    error = only_error(check_content(captured))
    assert error.message == "'retrieved' is not a real date and time: '2026-02-30T10:00:00Z'"
    assert str(error.location).startswith(f"{ARTICLE}:{line_of(ARTICLE, 'retrieved:')}:")


def test_the_extraction_cache_never_changes_a_result(captured: Path) -> None:
    assert check_content(captured).ok
    entries = list((cache_folder() / "extracted").glob("*.json"))
    assert len(entries) == 1
    entry = json.loads(entries[0].read_text("utf-8"))
    assert entry["key"].endswith(extractor_version())
    # A damaged entry, one with another text, and garbage: each is extracted again, same result.
    for damage in (
        json.dumps({**entry, "paragraphs": ["reopened the northern quay on Saturday, eleven weeks after a violent winter storm"]}),
        "{not json",
        "",
    ):
        entries[0].write_text(damage, "utf-8")
        extract._memory.clear()
        result = check_content(captured)
        assert result.ok and not result.problems, describe(result.problems)


def test_an_unwritable_cache_is_no_cache(captured: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", "utf-8")
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(blocked / "cache"))
    extract._memory.clear()
    result = check_content(captured)
    assert result.ok and not result.problems, describe(result.problems)


# ----- content/rechecks.yaml -----

RECHECKS = """\
rechecks:
  - article: quay
    date: 2026-04-01
    state: changed
    changed:
      - "Engineers replaced 140 metres of the wall."
    quotes_lost:
      - claim: quay-reopened
        quote: "reopened the northern quay"
"""


def test_rechecks_are_loaded(captured: Path) -> None:
    (captured / "rechecks.yaml").write_text(RECHECKS, "utf-8")
    result = check_content(captured)
    assert result.ok, describe(result.problems)
    assert result.dossier is not None
    recheck = result.dossier.rechecks["quay"]
    assert (recheck.date, recheck.state, recheck.changed) == ("2026-04-01", "changed", ("Engineers replaced 140 metres of the wall.",))
    assert [(q.claim, q.quote) for q in recheck.quotes_lost] == [("quay-reopened", "reopened the northern quay")]


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("state: changed", "state: edited", 4, "should be one of unchanged, changed, gone, unreachable"),
        ("article: quay", "article: nowhere", 2, "names the article 'nowhere', which does not exist"),
        ("date: 2026-04-01", "date: 2026-02-30", 2, "the recheck's date '2026-02-30' is not a real date"),
        ("  - claim: quay-reopened\n", "  - claim: quay-reopened\n        note: x\n", 9, "unknown field 'note'"),
    ],
)
def test_rechecks_are_validated_with_file_and_line(captured: Path, old: str, new: str, line: int, words: str) -> None:
    (captured / "rechecks.yaml").write_text(RECHECKS.replace(old, new), "utf-8")
    error = only_error(check_content(captured))
    assert error.location.file == "content/rechecks.yaml" and error.location.line == line, error.format_text()
    assert words in error.message, error.format_text()


# ----- the export and the site -----


def test_the_export_carries_the_capture(captured: Path, capsys) -> None:
    assert main(["export", "--content", str(captured)]) == 0
    articles = {a["id"]: a for a in json.loads(capsys.readouterr().out)["articles"]}
    quay, pasted = articles["quay"], articles["nyt-2025-09-11"]
    assert quay["capture"] == "captures/quay.warc.gz" and len(quay["sha256"]) == 64 and quay["retrieved"].endswith("Z")
    assert (pasted["retrieved"], pasted["capture"], pasted["sha256"]) == (None, None, None)
    assert main(["export", "--content", str(captured), "--format", "sqlite", "--output", "dossier.db"]) == 0
    import sqlite3

    with sqlite3.connect("dossier.db") as db:
        rows = dict(db.execute("select id, sha256 from articles").fetchall())
    assert rows["quay"] == quay["sha256"] and rows["nyt-2025-09-11"] is None


def test_the_site_shows_each_source_its_capture_and_last_recheck(captured: Path, httpserver: HTTPServer, tmp_path: Path) -> None:
    add_article_from_url(httpserver.url_for("/story"), captured, UrlOptions(article_id="quay-copy"))
    (captured / "captures" / "quay-copy.warc.gz").write_bytes(LFS_POINTER + b"\noid sha256:" + b"2" * 64 + b"\nsize 1\n")
    (captured / "rechecks.yaml").write_text(RECHECKS.replace('"reopened the northern quay"', json.dumps(QUOTED)), "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(MINIMAL_MKDOCS_YML, "utf-8")
    site = tmp_path / "site"
    built = mkdocs_build(config, site)  # strict: captures never fetched do not stop a build
    assert built.returncode == 0, built.stderr
    assert "is a Git LFS pointer that was never fetched" in built.stderr

    quay = page_text(site / "articles" / "quay" / "index.html", "dossier-source-box")
    sha = front_matter_field(captured / "articles" / "quay.md", "sha256")
    assert re.search(rf"Capture\s*captured on \d+ \w+ \d{{4}} at \d\d:\d\d UTC · SHA-256 {sha}", quay), quay
    assert (
        "Last recheck 1 April 2026: changed: 1 passage of the capture no longer on the live page as captured; 1 quote no longer on the live page"
        in quay
    )
    assert "Vesterhavn Daily Courier" in quay and "Original" in quay
    assert "Capture capture not available in this build" in page_text(site / "articles" / "quay-copy" / "index.html", "dossier-source-box")
    assert "Capture pasted text, no capture" in page_text(site / "articles" / "nyt-2025-09-11" / "index.html", "dossier-source-box")

    card = page_text(site / "claims" / "quay-reopened" / "index.html", "dossier-evidence")
    assert "No longer on the live page: a recheck on 1 April 2026 did not find this quote on the original page." in card
    assert "Original" in card

    health = page_text(site / "source-health" / "index.html", "md-content")
    assert "Changed at the recheck of 1 April 2026" in health
    assert QUOTED in health and "quay-reopened" in health
    assert "4 articles: 1 captured, 1 with a capture not available in this build, 2 pasted text without a capture" in health


def test_a_capture_is_extracted_once(captured: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = extract.page_paragraphs
    monkeypatch.setattr(extract, "page_paragraphs", lambda html, url: calls.append(url) or real(html, url))
    for _ in range(2):
        extract._memory.clear()  # a new process: only the cache on disk is left
        assert check_content(captured).ok
    assert len(calls) == 1


def test_an_extractor_that_fails_is_an_error_not_a_traceback(captured: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*_: object, **__: object) -> str:
        raise RuntimeError("lxml gave up")

    monkeypatch.setattr(trafilatura, "extract", broken)
    error = only_error(check_content(captured))
    assert error.code == "capture-unreadable"
    assert "could not be extracted (RuntimeError: lxml gave up)" in error.message
