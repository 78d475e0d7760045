"""A build whose pages a second process renders (dossier/site/preview/prerender.py) writes the same site.

`DOSSIER_PARALLEL=1` makes the build use the second process whatever the dossier's size, `=0`
never: every file of both sites must be the same, byte for byte. The build's side must also
fall back to rendering the pages itself whenever the worker's site may differ or the worker
fails, from the page where it stopped.
"""

from __future__ import annotations

import filecmp
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from dossier.check import check_content
from dossier.site.preview import prerender
from dossier.site.preview.dependencies import fingerprint
from dossier.site.preview.prerender import Expected, Prerendered, SiteSettings, content_state, work
from dossier.site.site import Site
from tests.sitebuild import FIXED_BUILD_DATE, ROOT, built_files, generate_project, mkdocs_build


def _build(project: Path, site: Path, parallel: str, *, strict: bool = True) -> None:
    env = {"DOSSIER_PARALLEL": parallel, "SOURCE_DATE_EPOCH": FIXED_BUILD_DATE}
    done = mkdocs_build(project / "mkdocs.yml", site, strict=strict, env=env)
    assert done.returncode == 0, done.stderr


def _files(folder: Path) -> list[str]:
    return built_files(folder)


def _assert_same_sites(one: Path, other: Path) -> None:
    names = _files(one)
    assert names == _files(other)
    _, different, errors = filecmp.cmpfiles(one, other, names, shallow=False)
    assert (different, errors) == ([], [])


def test_a_generated_dossier_builds_the_same_with_its_pages_rendered_in_a_second_process(tmp_path: Path) -> None:
    generate_project(40, tmp_path / "project", seed=5)
    _build(tmp_path / "project", tmp_path / "one", "0", strict=False)  # a generated dossier may repeat a quote: a warning
    _build(tmp_path / "project", tmp_path / "two", "1", strict=False)
    assert (tmp_path / "two" / "dossier.db").is_file() and (tmp_path / "two" / "claims" / "index.html").is_file()
    _assert_same_sites(tmp_path / "one", tmp_path / "two")


def test_the_repositorys_own_site_builds_the_same_with_its_pages_rendered_in_a_second_process(tmp_path: Path) -> None:
    # Its own pages (the guide), git history ("What's new", the feed) and the custom assets.
    _build(ROOT, tmp_path / "one", "0")
    _build(ROOT, tmp_path / "two", "1")
    _assert_same_sites(tmp_path / "one", tmp_path / "two")


@pytest.fixture
def small_site(tmp_path: Path) -> tuple[SiteSettings, Site]:
    content = generate_project(12, tmp_path / "project", seed=2)
    settings = SiteSettings(content.resolve(), title="Small")
    result = check_content(content)
    assert result.dossier is not None and result.analysis is not None
    return settings, settings.site(result.dossier, result.analysis)


def _expected(settings: SiteSettings, site: Site) -> Expected:
    state = content_state(settings.content_dir)
    return Expected(state, state, fingerprint(site.history), tuple(site.pages))


@contextmanager
def _worker(settings: SiteSettings, folder: Path) -> Iterator[Connection]:
    """The worker's messages; it runs in a thread here, to be watched, and writes its exports into `folder`."""
    folder.mkdir()
    receiver, sender = multiprocessing.Pipe(duplex=False)
    thread = threading.Thread(target=work, args=(settings, sender, folder), daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.close()  # a worker still sending stops at its next message
        thread.join(timeout=60)


def test_the_workers_pages_and_exports_are_the_builds(small_site: tuple[SiteSettings, Site], tmp_path: Path) -> None:
    settings, site = small_site
    with _worker(settings, tmp_path / "exports") as connection:
        prerendered = Prerendered(settings, connection, tmp_path / "exports")
        prerendered.expect(_expected(settings, site))
        for uri in site.pages:
            assert prerendered.page(uri, wait=True) == site.render(uri)
        found = prerendered.exports()
        assert found is not None
        folder, names = found
        expected = {o.src_uri: o.content for o in settings.data_outputs(site)}
        assert set(names) >= {"dossier.json", "dossier.db", "dossier.ftm.json", "annotations.json"}
        for name in ("dossier.json", "dossier.ftm.json", "annotations.json"):
            content = expected[name]
            assert (folder / name).read_bytes() == (content.encode("utf-8") if isinstance(content, str) else content)
        prerendered.discard_exports()
        assert not folder.exists()


def test_the_build_renders_itself_when_the_content_changed_meanwhile(small_site: tuple[SiteSettings, Site], tmp_path: Path) -> None:
    settings, site = small_site
    with _worker(settings, tmp_path / "exports") as connection:
        prerendered = Prerendered(settings, connection, tmp_path / "exports")
        expected = _expected(settings, site)
        prerendered.expect(Expected(expected.before, b"edited during the check", expected.history, expected.pages))
        assert all(prerendered.page(uri, wait=True) is None for uri in site.pages)
        assert prerendered.exports() is None


def test_the_build_renders_itself_when_the_worker_planned_other_pages(small_site: tuple[SiteSettings, Site], tmp_path: Path) -> None:
    settings, site = small_site
    with _worker(settings, tmp_path / "exports") as connection:
        prerendered = Prerendered(settings, connection, tmp_path / "exports")
        expected = _expected(settings, site)
        prerendered.expect(Expected(expected.before, expected.after, expected.history, expected.pages[:-1]))
        assert prerendered.page(expected.pages[0], wait=True) is None
        assert prerendered.exports() is None


def test_the_build_takes_over_from_the_page_where_the_worker_stopped(small_site: tuple[SiteSettings, Site]) -> None:
    settings, site = small_site
    receiver, sender = multiprocessing.Pipe(duplex=False)
    expected = _expected(settings, site)
    first = expected.pages[0]
    sender.send(("ready", expected.before, expected.after, expected.history, expected.pages))
    sender.send(("pages", [(first, site.render(first))]))
    sender.close()  # the worker dies
    prerendered = Prerendered(settings, receiver)
    prerendered.expect(expected)
    assert prerendered.page(first, wait=True) == site.render(first)
    assert prerendered.page(expected.pages[1], wait=True) is None
    assert prerendered.exports() is None


def test_the_build_does_not_wait_for_a_worker_behind_it_and_drops_the_pages_it_rendered(
    small_site: tuple[SiteSettings, Site],
) -> None:
    settings, site = small_site
    receiver, sender = multiprocessing.Pipe(duplex=False)
    expected = _expected(settings, site)
    first, second, third = expected.pages[:3]
    prerendered = Prerendered(settings, receiver)
    prerendered.expect(expected)
    assert prerendered.page(first) is None  # the worker is still checking: the build renders the page
    sender.send(("ready", expected.before, expected.after, expected.history, expected.pages))
    assert prerendered.page(second) is None  # planned, but this page is not sent yet
    pages = [(uri, site.render(uri)) for uri in (first, second, third)]
    sending = threading.Thread(target=sender.send, args=(("pages", pages),))  # larger than the pipe's buffer
    sending.start()
    assert prerendered.page(third, wait=True) == site.render(third)
    sending.join()
    assert prerendered._pages == {}  # the two the build rendered itself are not kept
    sender.close()
    assert prerendered.page(expected.pages[3]) is None
    assert prerendered.exports() is None


def test_the_build_writes_the_exports_itself_when_the_worker_could_not(
    small_site: tuple[SiteSettings, Site], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings, site = small_site

    def failing(output: object, folder: Path) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(prerender, "write_output", failing)
    with _worker(settings, tmp_path / "exports") as connection:
        prerendered = Prerendered(settings, connection, tmp_path / "exports")
        prerendered.expect(_expected(settings, site))
        assert all(prerendered.page(uri, wait=True) == site.render(uri) for uri in site.pages)  # the pages came whole
        assert prerendered.exports() is None
        prerendered.close()
        prerendered.discard_exports()
        assert not (tmp_path / "exports").exists()


@pytest.mark.parametrize("change", ["none", "content", "pages"])
def test_a_build_leaves_no_temporary_folder_behind_whatever_became_of_its_worker(
    small_site: tuple[SiteSettings, Site], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    # A real worker process, stopped without warning when its site is not the build's: its
    # exports' folder used to be left in the temporary folder, a new one per such build.
    settings, site = small_site
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))  # for the worker as for this process
    monkeypatch.setattr(tempfile, "tempdir", None)
    expected = _expected(settings, site)
    if change == "content":
        expected = Expected(expected.before, b"edited during the check", expected.history, expected.pages)
    elif change == "pages":
        expected = Expected(expected.before, expected.after, expected.history, expected.pages[:-1])
    prerendered = Prerendered(settings)
    try:
        # The worker may be far ahead when the build first looks at it: here it has written its exports.
        deadline = time.monotonic() + 120
        while not any(temporary.rglob("dossier.json")) and time.monotonic() < deadline:
            time.sleep(0.05)
        prerendered.expect(expected)
        pages = [prerendered.page(uri, wait=True) for uri in site.pages]
        found = prerendered.exports()
        if change == "none":
            assert found is not None and (found[0] / "dossier.json").is_file() and None not in pages
        else:
            assert found is None and set(pages) == {None}
    finally:
        prerendered.close()
        prerendered.discard_exports()
    assert list(temporary.iterdir()) == []


def test_an_interrupted_build_leaves_no_temporary_folder_behind(tmp_path: Path) -> None:
    # Ctrl-C during `mkdocs build` ends the process without `close`: its exit must clean up.
    content = generate_project(12, tmp_path / "project", seed=2)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    script = f"""
import sys, time
from pathlib import Path
from dossier.site.preview.prerender import Prerendered, SiteSettings
prerendered = Prerendered(SiteSettings(Path({str(content.resolve())!r}), title="Small"))
deadline = time.monotonic() + 120
while not any(Path({str(temporary)!r}).rglob("dossier.json")) and time.monotonic() < deadline:
    time.sleep(0.05)
raise KeyboardInterrupt
"""
    env = {**os.environ, "TMPDIR": str(temporary)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert "KeyboardInterrupt" in done.stderr
    assert list(temporary.iterdir()) == []
