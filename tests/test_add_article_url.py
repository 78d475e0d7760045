"""`dossier add-article URL`: a page served locally is captured (WARC), its story extracted
and written for review; every failure has its own message and leaves nothing behind.
Also `add-article FILE` with hard-wrapped text (issue 27)."""

from __future__ import annotations

import base64
import hashlib
import re
import time
from pathlib import Path

import pytest
from newspages import (
    FOOTER,
    NAVIGATION,
    RELATED,
    STORY_AUTHOR,
    STORY_PARAGRAPHS,
    STORY_TITLE,
    body_of,
    files_under,
    front_matter,
    news_page,
    paywall_page,
)
from pytest_httpserver import HTTPServer
from warcio.archiveiterator import ArchiveIterator
from werkzeug import Request, Response

from dossier.add_article import AddArticleError
from dossier.captures.add import UrlOptions, add_article_from_url
from dossier.captures.fetch import Client
from dossier.cli import main

HTML = "text/html; charset=utf-8"


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / "cache"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def the_article(content: Path) -> tuple[Path, str]:
    [path] = [p for p in (content / "articles").glob("*.md") if p.stem.startswith("vesterhavn")]
    return path, path.read_text("utf-8")


def test_the_article_holds_the_story_and_none_of_the_page_around_it(make_dossier, httpserver: HTTPServer, capsys) -> None:
    content = make_dossier()
    httpserver.expect_request("/2026/03/14/quay").respond_with_data(news_page(), content_type=HTML)
    url = httpserver.url_for("/2026/03/14/quay")
    code, out, err = run(capsys, "add-article", url)
    assert (code, err) == (0, "")
    path, text = the_article(content)
    assert path.name == "vesterhavn-daily-courier-2026-03-14.md"
    meta = front_matter(text)
    assert meta["title"] == STORY_TITLE
    assert (meta["outlet"], meta["author"], str(meta["published"])) == ("Vesterhavn Daily Courier", STORY_AUTHOR, "2026-03-14")
    assert meta["url"] == url and meta["capture"] == "captures/vesterhavn-daily-courier-2026-03-14.warc.gz"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", str(meta["retrieved"]))
    assert re.fullmatch(r"[0-9a-f]{64}", str(meta["sha256"]))
    body = body_of(text)
    assert body.split("\n\n") == [*STORY_PARAGRAPHS[:-1], STORY_PARAGRAPHS[-1] + "\n"]
    for chrome in (*NAVIGATION, *RELATED, FOOTER, "cookies", "Share this story", "newsletter"):
        assert chrome not in body
    assert "not found in the page" not in out
    assert f"wrote content/{meta['capture']}" in out


def test_the_warc_read_back_has_the_digest_of_the_front_matter(make_dossier, httpserver: HTTPServer, capsys) -> None:
    content = make_dossier()
    page = news_page().encode("utf-8")
    httpserver.expect_request("/story").respond_with_data(page, content_type=HTML)
    assert run(capsys, "add-article", httpserver.url_for("/story"))[0] == 0
    meta = front_matter(the_article(content)[1])
    with open(content / str(meta["capture"]), "rb") as handle:
        responses = [
            (record.rec_headers.get_header("WARC-Payload-Digest"), record.raw_stream.read())
            for record in ArchiveIterator(handle)
            if record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI") == meta["url"]
        ]
    [(digest, payload)] = responses
    assert payload == page
    assert hashlib.sha256(payload).hexdigest() == meta["sha256"]
    algorithm, encoded = digest.split(":")
    assert (algorithm, base64.b32decode(encoded).hex()) == ("sha256", meta["sha256"])


def test_redirects_are_followed_and_kept_in_the_capture(make_dossier, httpserver: HTTPServer, capsys) -> None:
    content = make_dossier()
    httpserver.expect_request("/s/123").respond_with_data("", status=301, headers={"Location": "/2026/03/14/quay"})
    httpserver.expect_request("/2026/03/14/quay").respond_with_data(news_page(), content_type=HTML)
    code, out, _ = run(capsys, "add-article", httpserver.url_for("/s/123"))
    assert code == 0
    assert f"redirected: 301 {httpserver.url_for('/s/123')} -> /2026/03/14/quay" in out
    meta = front_matter(the_article(content)[1])
    assert meta["url"] == httpserver.url_for("/2026/03/14/quay")
    with open(content / str(meta["capture"]), "rb") as handle:
        chain = [
            (record.rec_headers.get_header("WARC-Target-URI"), record.http_headers.get_statuscode())
            for record in ArchiveIterator(handle)
            if record.rec_type == "response"
        ]
    assert chain == [(httpserver.url_for("/s/123"), "301"), (httpserver.url_for("/2026/03/14/quay"), "200")]


def test_what_the_page_does_not_say_is_named(make_dossier, httpserver: HTTPServer, capsys) -> None:
    make_dossier()
    httpserver.expect_request("/story").respond_with_data(news_page(with_meta=False), content_type=HTML)
    code, out, _ = run(capsys, "add-article", httpserver.url_for("/story"), "--outlet", "Vesterhavn Courier", "--id", "courier-quay")
    assert code == 0
    assert "not found in the page: author, publication date" in out
    meta = front_matter(Path("content/articles/courier-quay.md").read_text("utf-8"))
    assert meta["outlet"] == "Vesterhavn Courier" and "author" not in meta and "published" not in meta


def test_archive_asks_save_page_now_and_records_the_copy(make_dossier, httpserver: HTTPServer, capsys, monkeypatch) -> None:
    make_dossier()
    httpserver.expect_request("/story").respond_with_data(news_page(), content_type=HTML)
    story = httpserver.url_for("/story")
    seen: list[str] = []

    def save_page_now(request: Request) -> Response:
        seen.append(request.full_path)
        return Response("", headers={"Content-Location": f"/web/20260314093000/{story}"})

    httpserver.expect_request(re.compile("^/save/")).respond_with_handler(save_page_now)
    monkeypatch.setenv("DOSSIER_SAVE_PAGE_NOW", httpserver.url_for("/").rstrip("/"))
    assert run(capsys, "add-article", story, "--archive", "--id", "archived")[0] == 0
    assert seen and seen[0].startswith("/save/http")
    meta = front_matter(Path("content/articles/archived.md").read_text("utf-8"))
    assert meta["archived"] == f"https://web.archive.org/web/20260314093000/{story}"


def test_an_archive_that_refuses_is_a_note_and_the_capture_is_kept(make_dossier, httpserver: HTTPServer, capsys, monkeypatch) -> None:
    make_dossier()
    httpserver.expect_request("/story").respond_with_data(news_page(), content_type=HTML)
    httpserver.expect_request(re.compile("^/save/")).respond_with_data("slow down", status=429)
    monkeypatch.setenv("DOSSIER_SAVE_PAGE_NOW", httpserver.url_for("/").rstrip("/"))
    code, out, _ = run(capsys, "add-article", httpserver.url_for("/story"), "--archive", "--id", "kept")
    assert code == 0
    assert "note: not archived: the Internet Archive asks to wait" in out
    assert "archived" not in front_matter(Path("content/articles/kept.md").read_text("utf-8"))


# ----- failures: one message each, nothing written -----


def _fails(content: Path, capsys, url: str, *expected: str) -> None:
    articles_before = files_under(content / "articles")
    code, out, err = run(capsys, "add-article", url)
    assert code == 1 and out == ""
    assert err.startswith("dossier add-article: error: ") and "Traceback" not in err
    for words in expected:
        assert words in err, err
    assert "Nothing written" in err
    assert files_under(content / "articles") == articles_before
    assert files_under(content / "captures") == [] if (content / "captures").exists() else True


def test_a_page_that_is_gone(make_dossier, httpserver: HTTPServer, capsys) -> None:
    httpserver.expect_request("/gone").respond_with_data("no such story", status=404, content_type=HTML)
    _fails(make_dossier(), capsys, httpserver.url_for("/gone"), "the page is gone", "HTTP 404")


def test_a_server_error(make_dossier, httpserver: HTTPServer, capsys) -> None:
    httpserver.expect_request("/busy").respond_with_data("busy", status=503)
    _fails(make_dossier(), capsys, httpserver.url_for("/busy"), "answers HTTP 503", "try again later")


def test_a_response_that_is_not_html(make_dossier, httpserver: HTTPServer, capsys) -> None:
    httpserver.expect_request("/report.pdf").respond_with_data(b"%PDF-1.7 ...", content_type="application/pdf")
    _fails(make_dossier(), capsys, httpserver.url_for("/report.pdf"), "is not a web page but 'application/pdf'", "dossier add-article FILE")


def test_a_paywalled_page(make_dossier, httpserver: HTTPServer, capsys) -> None:
    httpserver.expect_request("/premium").respond_with_data(paywall_page(), content_type=HTML)
    _fails(make_dossier(), capsys, httpserver.url_for("/premium"), "behind a paywall", "dossier add-article FILE")


def test_a_network_error(make_dossier, capsys) -> None:
    _fails(make_dossier(), capsys, "http://127.0.0.1:9/story", "fetching the page failed: cannot reach http://127.0.0.1:9/story")


def test_a_timeout(make_dossier, httpserver: HTTPServer) -> None:
    content = make_dossier()

    def slow(_: Request) -> Response:
        time.sleep(1.5)
        return Response(news_page(), content_type=HTML)

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(AddArticleError, match=r"fetching the page timed out: no answer from .* within 0\.3 seconds"):
        add_article_from_url(httpserver.url_for("/slow"), content, UrlOptions(), Client(read_timeout=0.3))
    assert not (content / "captures").exists() or files_under(content / "captures") == []


def test_an_existing_article_is_not_overwritten(make_dossier, httpserver: HTTPServer, capsys) -> None:
    content = make_dossier()
    httpserver.expect_request("/story").respond_with_data(news_page(), content_type=HTML)
    assert run(capsys, "add-article", httpserver.url_for("/story"), "--id", "quay")[0] == 0
    before = files_under(content)
    code, _, err = run(capsys, "add-article", httpserver.url_for("/story"), "--id", "quay")
    assert code == 1 and "already exists: not overwritten" in err
    assert files_under(content) == before


# ----- pasted text (issue 27): hard-wrapped lines are joined -----

HARD_WRAPPED = """Harbour reopens after storm repairs

The harbour authority of Vesterhavn reopened the northern quay on
Saturday, eleven weeks after a winter storm tore away a section of
its sea wall.

Engineers replaced 140 metres of the wall
with reinforced concrete blocks.
"""


def test_hard_wrapped_text_is_joined_into_paragraphs(make_dossier, capsys) -> None:
    make_dossier()
    Path("raw.txt").write_text(HARD_WRAPPED, "utf-8")
    assert run(capsys, "add-article", "raw.txt", "--outlet", "Courier", "--id", "wrapped")[0] == 0
    text = Path("content/articles/wrapped.md").read_text("utf-8")
    assert front_matter(text)["title"] == "Harbour reopens after storm repairs"
    assert body_of(text) == (
        "The harbour authority of Vesterhavn reopened the northern quay on Saturday, eleven weeks after a winter storm "
        "tore away a section of its sea wall.\n\nEngineers replaced 140 metres of the wall with reinforced concrete blocks.\n"
    )


def test_text_without_blank_lines_keeps_a_paragraph_per_line(make_dossier, capsys) -> None:
    make_dossier()
    Path("raw.txt").write_text("Headline\nFirst paragraph as copied from a page.\nSecond paragraph.\n", "utf-8")
    assert run(capsys, "add-article", "raw.txt", "--outlet", "Courier", "--id", "copied")[0] == 0
    assert body_of(Path("content/articles/copied.md").read_text("utf-8")) == "First paragraph as copied from a page.\n\nSecond paragraph.\n"


def test_a_file_still_needs_its_outlet(make_dossier, capsys) -> None:
    make_dossier()
    Path("raw.txt").write_text(HARD_WRAPPED, "utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["add-article", "raw.txt"])
    assert exited.value.code == 2
    assert "the argument --outlet is required" in capsys.readouterr().err


def test_the_request_says_who_is_asking(make_dossier, httpserver: HTTPServer, capsys) -> None:
    make_dossier()
    httpserver.expect_request("/story").respond_with_data(news_page(), content_type=HTML)
    assert run(capsys, "add-article", httpserver.url_for("/story"), "--id", "asked")[0] == 0
    [(request, _)] = httpserver.log
    assert re.fullmatch(r"Dossier/\S+ \(research dossier: [^)]+\)", request.headers["User-Agent"])
