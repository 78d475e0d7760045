"""`dossier recheck`: the live page against its capture (unchanged, changed, gone,
unreachable), the findings in content/rechecks.yaml and in three formats, and the weekly
workflow that runs it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from conftest import BASE_YAML, describe
from newspages import QUOTED, QUOTING_CLAIM, STORY_PARAGRAPHS, news_page
from pytest_httpserver import HTTPServer
from sitebuild import ROOT
from werkzeug import Request, Response

from dossier.captures import extract
from dossier.captures.add import UrlOptions, add_article_from_url
from dossier.check import check_content
from dossier.cli import main

HTML = "text/html; charset=utf-8"
WORKFLOW = ROOT / ".github" / "workflows" / "recheck.yml"
EDITED = STORY_PARAGRAPHS[0].replace("reopened the northern quay on Saturday", "partly reopened the northern quay on Sunday")


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / "cache"))
    extract._memory.clear()


@pytest.fixture
def captured(make_dossier, httpserver: HTTPServer) -> Path:
    content = make_dossier(BASE_YAML + QUOTING_CLAIM)
    httpserver.expect_request("/story").respond_with_data(news_page(), content_type=HTML)
    add_article_from_url(httpserver.url_for("/story"), content, UrlOptions(article_id="quay"))
    httpserver.clear()
    return content


def recheck(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["recheck", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def recorded(content: Path) -> dict[str, object]:
    [entry] = yaml.safe_load((content / "rechecks.yaml").read_text("utf-8"))["rechecks"]
    return dict(entry)


def test_an_unchanged_page(captured: Path, httpserver: HTTPServer, capsys) -> None:
    httpserver.expect_request("/story").respond_with_data(news_page(), content_type=HTML)
    code, out, err = recheck(capsys)
    assert code == 0
    assert out.startswith("quay: unchanged (the page is byte for byte the one captured)\n")
    assert out.endswith("dossier recheck: 1 captured article rechecked: 1 unchanged\n")
    assert err == "wrote content/rechecks.yaml\n"
    entry = recorded(captured)
    assert (entry["article"], entry["state"]) == ("quay", "unchanged")
    assert check_content(captured).ok


def test_new_page_chrome_around_the_same_story_is_unchanged(captured: Path, httpserver: HTTPServer, capsys) -> None:
    httpserver.expect_request("/story").respond_with_data(news_page().replace("Weather", "Podcasts"), content_type=HTML)
    _, out, _ = recheck(capsys)
    assert out.startswith("quay: unchanged (the article text is the one captured; the rest of the page changed)")


def test_an_edited_paragraph_is_reported_with_the_quote_it_lost(captured: Path, httpserver: HTTPServer, capsys) -> None:
    paragraphs = (EDITED, *STORY_PARAGRAPHS[1:])
    httpserver.expect_request("/story").respond_with_data(news_page(paragraphs), content_type=HTML)
    code, out, _ = recheck(capsys)
    assert code == 0
    assert out.startswith("quay: changed (1 passage differs from the text captured)\n")
    assert f"    - captured: “{STORY_PARAGRAPHS[0]}”" in out
    assert f"    + live:     “{EDITED}”" in out
    assert f"    quote no longer on the live page (claim quay-reopened): “{QUOTED}”" in out
    entry = recorded(captured)
    assert entry["state"] == "changed" and entry["changed"] == [STORY_PARAGRAPHS[0]]
    assert entry["quotes_lost"] == [{"claim": "quay-reopened", "quote": QUOTED}]
    result = check_content(captured)
    assert result.ok and not result.problems, describe(result.problems)


def test_a_removed_page_is_gone(captured: Path, httpserver: HTTPServer, capsys) -> None:
    httpserver.expect_request("/story").respond_with_data("Not found", status=404, content_type=HTML)
    _, out, _ = recheck(capsys)
    assert out.startswith("quay: gone (HTTP 404 NOT FOUND)\n")
    assert recorded(captured)["state"] == "gone"


def test_a_page_that_does_not_answer_in_time_is_unreachable(captured: Path, httpserver: HTTPServer, capsys) -> None:
    def slow(_: Request) -> Response:
        time.sleep(1.5)
        return Response(news_page(), content_type=HTML)

    httpserver.expect_request("/story").respond_with_handler(slow)
    _, out, err = recheck(capsys, "--timeout", "0.3")
    assert out.startswith("quay: unreachable (no answer from http://") and "within 0.3 seconds" in out
    assert "Traceback" not in err
    assert recorded(captured)["state"] == "unreachable"


def test_markdown_for_a_job_summary_and_json_for_programs(captured: Path, httpserver: HTTPServer, capsys) -> None:
    paragraphs = (EDITED, *STORY_PARAGRAPHS[1:])
    httpserver.expect_request("/story").respond_with_data(news_page(paragraphs), content_type=HTML)
    _, out, _ = recheck(capsys, "--format", "markdown")
    assert out.startswith("## Recheck of the captured sources, ")
    assert "| `quay` | **changed** | 1 passage differs from the text captured |" in out
    assert f"- claim `quay-reopened`: “{QUOTED}”" in out
    _, out, _ = recheck(capsys, "quay", "--format", "json")
    [finding] = json.loads(out)["articles"]
    assert (finding["article"], finding["state"]) == ("quay", "changed")
    assert finding["changes"] == [{"captured": STORY_PARAGRAPHS[0], "live": EDITED}]


def test_an_article_without_a_capture_cannot_be_rechecked(captured: Path, capsys) -> None:
    code, _, err = recheck(capsys, "nyt-2025-09-11")
    assert code == 2
    assert err == "dossier recheck: error: not a captured article (with capture: and url:): nyt-2025-09-11\n"


def test_the_weekly_workflow_rechecks_and_opens_a_pull_request() -> None:
    text = WORKFLOW.read_text("utf-8")
    data = yaml.safe_load(text)
    on = data.get("on", data.get(True))
    assert "schedule" in on and "workflow_dispatch" in on
    [job] = data["jobs"].values()
    commands = "\n".join(step.get("run", "") for step in job["steps"])
    assert "dossier recheck --format markdown" in commands
    assert '"$GITHUB_STEP_SUMMARY"' in commands
    assert "gh pr create" in commands and "content/rechecks.yaml" in commands
