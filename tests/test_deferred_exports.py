"""The preview's data exports, written in a thread after its pages (plugins/mkdocs_dossier/exports.py).

A build that starts while the last one's exports are still being written cancels the rest:
it must wait for the one being written (whole, never half a file) and for nothing else, and
the exports not yet started must never be computed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs_dossier import exports
from mkdocs_dossier.exports import DeferredExports

from dossier.site.site import Output


def _outputs(computed: list[str]) -> Iterator[Output]:
    for name in ("dossier.json", "dossier.db", "annotations.json"):
        computed.append(name)  # an export is computed when the writer takes it
        yield Output(name, f"{name} of this build")


@pytest.fixture(autouse=True)
def _no_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "WRITE_AFTER", 0.0)


def test_the_exports_are_all_written_after_the_pages(tmp_path: Path) -> None:
    computed: list[str] = []
    later = DeferredExports()
    later.defer(_outputs(computed))
    later.start(str(tmp_path))
    later.wait()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["annotations.json", "dossier.db", "dossier.json"]
    assert (tmp_path / "dossier.db").read_text() == "dossier.db of this build"


def test_a_new_build_waits_for_the_export_being_written_and_cancels_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    computed: list[str] = []
    writing, finish = threading.Event(), threading.Event()
    write_output = exports.write_output

    def slow(output: Output, folder: Path) -> str:
        writing.set()
        assert finish.wait(timeout=30)
        return write_output(output, folder)

    monkeypatch.setattr(exports, "write_output", slow)
    later = DeferredExports()
    later.defer(_outputs(computed))
    later.start(str(tmp_path))
    assert writing.wait(timeout=30)  # the first export is being written
    cancelling = threading.Thread(target=later.cancel)
    cancelling.start()
    cancelling.join(timeout=0.5)
    assert cancelling.is_alive()  # the build waits for it to be whole...
    finish.set()
    cancelling.join(timeout=30)
    assert not cancelling.is_alive()
    assert [path.name for path in tmp_path.iterdir()] == ["dossier.json"]  # ...and for nothing else
    assert (tmp_path / "dossier.json").read_text() == "dossier.json of this build"
    assert computed == ["dossier.json"]  # the others were never computed


def test_exports_cancelled_before_they_start_are_never_computed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "WRITE_AFTER", 30.0)
    computed: list[str] = []
    later = DeferredExports()
    later.defer(_outputs(computed))
    later.start(str(tmp_path))
    later.cancel()  # returns at once: the thread was still waiting to start
    assert computed == [] and list(tmp_path.iterdir()) == []


def test_a_cancelled_builds_exports_do_not_stop_the_next_builds(tmp_path: Path) -> None:
    first: list[str] = []
    later = DeferredExports()
    later.defer(_outputs(first))
    later.start(str(tmp_path / "one"))
    later.cancel()
    second: list[str] = []
    later.defer(_outputs(second))
    later.start(str(tmp_path / "two"))
    later.wait()
    assert second == ["dossier.json", "dossier.db", "annotations.json"]
    assert sorted(path.name for path in (tmp_path / "two").iterdir()) == ["annotations.json", "dossier.db", "dossier.json"]
