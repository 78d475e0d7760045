"""The preview (`mkdocs serve`) shows a dossier's problems instead of freezing, and the site
again once they are fixed; warnings never stop it, even with `strict: true`."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, NYT_BODY, article, edit
from sitebuild import MINIMAL_MKDOCS_YML, write_project

STRICT_MKDOCS_YML = MINIMAL_MKDOCS_YML + "strict: true\n"
GIVE_UP_AFTER = 120  # seconds: only a broken server takes this long; the test then fails


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[[str], tuple[int, str]]]:
    """Starts `mkdocs serve` on the project in tmp_path; returns a function that polls a path until a condition holds."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(tmp_path / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )

    def fetch(path: str) -> tuple[int, str]:
        return get(f"http://127.0.0.1:{port}{path}")

    try:
        yield fetch
    finally:
        stop_server(process)
        log.close()


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, as a user stops it: MkDocs then removes its temporary site folder (a whole site each time)."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def wait_for(fetch: Callable[[str], tuple[int, str]], path: str, wanted: Callable[[str], bool], log: Path) -> str:
    deadline = time.monotonic() + GIVE_UP_AFTER
    status, body = 0, ""
    while time.monotonic() < deadline:
        status, body = fetch(path)
        if status == 200 and wanted(body):
            return body
        time.sleep(0.3)
    pytest.fail(f"{path} never answered as expected (last: HTTP {status})\n{body[:2000]}\n--- mkdocs serve:\n{log.read_text('utf-8')}")


BROKEN = edit("quote: Belarus freed 52 political prisoners on Thursday", "quote: Belarus freed 53 political prisoners on Thursday")


def test_a_broken_quote_shows_the_problems_and_the_fixed_dossier_the_site(tmp_path: Path, serve) -> None:
    write_project(tmp_path, BROKEN, BASE_ARTICLES, STRICT_MKDOCS_YML)
    (tmp_path / "content" / "notes.md").write_text("# Our notes\n\nSome notes.\n", "utf-8")
    log = tmp_path / "serve.log"
    home = wait_for(serve, "/", lambda body: "The dossier has errors" in body, log)
    assert "content/claims.yaml:" in home and "error:" in home
    assert "error: quote not found in article" in home  # as dossier check prints it, with its hints
    assert "Belarus freed [53 → 52] political prisoners" in home
    assert "dossier check: 1 error, 0 warnings" in home
    # The analysts' own pages stay readable, under a banner linking to the problems page.
    notes = wait_for(serve, "/notes/", lambda body: "The dossier has errors" in body, log)
    assert "Some notes." in notes and 'href="../problems/"' in notes and "dossier check: 1 error, 0 warnings" in notes
    problems = wait_for(serve, "/problems/", lambda body: "error: quote not found in article" in body, log)
    assert "Belarus freed [53 → 52] political prisoners" in problems
    status, missing = serve("/claims/release-count/")  # never built without errors: the 404 page lists them
    assert status == 404 and "error: quote not found in article" in missing

    (tmp_path / "content" / "claims.yaml").write_text(BASE_YAML, "utf-8")
    home = wait_for(serve, "/", lambda body: "The dossier has errors" not in body, log)
    assert "Belarus freed 52 prisoners." in wait_for(serve, "/claims/", lambda body: True, log)
    assert "Test dossier" in home
    assert "Some notes." in wait_for(serve, "/notes/", lambda body: True, log)


def test_a_dossier_that_breaks_keeps_its_last_good_pages_and_exports(tmp_path: Path, serve) -> None:
    write_project(tmp_path, BASE_YAML, BASE_ARTICLES, STRICT_MKDOCS_YML)
    log = tmp_path / "serve.log"
    wait_for(serve, "/claims/release-count/", lambda body: "Belarus freed 52 prisoners." in body, log)
    wait_for(serve, "/dossier.json", lambda body: '"release-count"' in body, log)
    (tmp_path / "content" / "claims.yaml").write_text(BROKEN, "utf-8")
    claim = wait_for(serve, "/claims/release-count/", lambda body: "The dossier has errors" in body, log)
    assert "Belarus freed 52 prisoners." in claim  # the last version without errors, said so
    assert "The generated pages are those of the last version without errors" in claim
    assert 'href="../../problems/"' in claim
    assert "error: quote not found in article" in wait_for(serve, "/problems/", lambda body: True, log)
    status, exported = serve("/dossier.json")
    assert status == 200 and '"release-count"' in exported  # never missing


def test_markup_in_a_problem_is_shown_as_text(tmp_path: Path, serve) -> None:
    broken = edit("quote: Belarus freed 52 political prisoners on Thursday", "quote: <script>alert(1)</script> freed")
    write_project(tmp_path, broken, BASE_ARTICLES, STRICT_MKDOCS_YML)
    home = wait_for(serve, "/", lambda body: "The dossier has errors" in body, tmp_path / "serve.log")
    assert "<script>alert(1)</script>" not in home and "&lt;script&gt;" in home
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in home


def test_warnings_do_not_stop_the_preview_with_strict_true(tmp_path: Path, serve) -> None:
    articles = {
        **BASE_ARTICLES,
        "nyt-2025-09-11": article(NYT_BODY, title="Belarus Frees 52 Prisoners", outlet="The New York Times", published=None),
    }
    write_project(tmp_path, BASE_YAML, articles, STRICT_MKDOCS_YML)
    log = tmp_path / "serve.log"
    wait_for(serve, "/claims/", lambda body: "Belarus freed 52 prisoners." in body, log)
    assert "warning: the article has no 'published' date" in log.read_text("utf-8")


def test_the_full_text_index_is_made_after_the_pages_and_again_after_an_edit(tmp_path: Path, serve) -> None:
    """Under `mkdocs serve` Pagefind indexes the site once its pages are shown (a thread, after
    the data exports): an edited page does not wait for it, and the index follows each build."""
    write_project(tmp_path, BASE_YAML, BASE_ARTICLES, STRICT_MKDOCS_YML)
    log = tmp_path / "serve.log"
    wait_for(serve, "/pagefind/pagefind.js", lambda body: True, log)
    assert log.read_text("utf-8").count("full-text search: indexed") == 1
    edited = BASE_YAML.replace("Belarus freed 52 prisoners.", "Belarus freed 52 prisoners, officials said.")
    assert edited != BASE_YAML
    (tmp_path / "content" / "claims.yaml").write_text(edited, "utf-8")
    wait_for(serve, "/claims/", lambda body: "officials said" in body, log)
    deadline = time.monotonic() + GIVE_UP_AFTER
    while log.read_text("utf-8").count("full-text search: indexed") < 2 and time.monotonic() < deadline:
        time.sleep(0.3)
    assert log.read_text("utf-8").count("full-text search: indexed") == 2, log.read_text("utf-8")
    wait_for(serve, "/pagefind/pagefind.js", lambda body: True, log)
