"""The preview's data exports, written in a thread after its pages (plugins/mkdocs_dossier/exports.py).

The thread first gives the collector its turn, saying whether the content is still the one
the build checked (the full collection is skipped if not). The exports are out of date once
the content changes: the thread stops before its next export when the content is no longer
the one the build checked, or when a new build starts (which must wait for the export being
written, whole, never half a file, and for nothing else). Exports not yet started are never
computed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs_dossier import exports
from mkdocs_dossier.exports import DeferredExports

from dossier.site.site import Output

NAMES = ["annotations.json", "dossier.db", "dossier.json"]


def _outputs(computed: list[str]) -> Iterator[Output]:
    for name in ("dossier.json", "dossier.db", "annotations.json"):
        computed.append(name)  # an export is computed when the writer takes it
        yield Output(name, f"{name} of this build")


class _Collector:
    """What the thread tells the collector: whether the content is still the one checked."""

    def __init__(self) -> None:
        self.told: list[bool] = []

    def __call__(self, still: bool) -> None:
        self.told.append(still)


@pytest.fixture(autouse=True)
def _no_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "WRITE_AFTER", 0.0)


def test_the_exports_are_all_written_after_the_pages(tmp_path: Path) -> None:
    computed: list[str] = []
    later, collector = DeferredExports(), _Collector()
    later.defer(_outputs(computed))
    later.start(str(tmp_path), lambda: True, collector)
    later.wait()
    assert sorted(path.name for path in tmp_path.iterdir()) == NAMES
    assert (tmp_path / "dossier.db").read_text() == "dossier.db of this build"
    assert collector.told == [True]


def test_the_thread_stops_before_its_next_export_once_the_content_changed(tmp_path: Path) -> None:
    computed: list[str] = []
    later, collector = DeferredExports(), _Collector()
    later.defer(_outputs(computed))
    later.start(str(tmp_path), lambda: len(computed) < 2, collector)  # a save while the second is written
    later.wait()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["dossier.db", "dossier.json"]
    assert computed == ["dossier.json", "dossier.db"]  # the third was never computed
    assert collector.told == [True]  # the save came after the collection


def test_nothing_is_written_or_collected_once_the_content_changed_before_the_thread_starts(tmp_path: Path) -> None:
    computed: list[str] = []
    later, collector = DeferredExports(), _Collector()
    later.defer(_outputs(computed))
    later.start(str(tmp_path), lambda: False, collector)  # saved again the moment the page showed
    later.wait()
    assert computed == [] and list(tmp_path.iterdir()) == []
    assert collector.told == [False]


def test_a_build_with_no_exports_still_ends_its_thread(tmp_path: Path) -> None:
    later, collector = DeferredExports(), _Collector()  # e.g. the dossier had errors: nothing deferred
    later.start(str(tmp_path), lambda: True, collector)
    later.wait()
    assert collector.told == [True] and list(tmp_path.iterdir()) == []


def test_a_new_build_waits_for_the_export_being_written_and_cancels_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    computed: list[str] = []
    writing, finish = threading.Event(), threading.Event()
    write_output = exports.write_output

    def slow(output: Output, folder: Path) -> str:
        writing.set()
        assert finish.wait(timeout=30)
        return write_output(output, folder)

    monkeypatch.setattr(exports, "write_output", slow)
    later, collector = DeferredExports(), _Collector()
    later.defer(_outputs(computed))
    later.start(str(tmp_path), lambda: True, collector)
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
    assert collector.told == [True]


def test_exports_cancelled_before_they_start_are_never_computed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "WRITE_AFTER", 30.0)
    computed: list[str] = []
    later, collector = DeferredExports(), _Collector()
    later.defer(_outputs(computed))
    later.start(str(tmp_path), lambda: True, collector)
    later.cancel()  # returns at once: the thread was still waiting to start
    assert computed == [] and list(tmp_path.iterdir()) == []
    assert collector.told == []  # nor the collector's turn: the new build restores it when it ends


def test_a_cancelled_builds_exports_do_not_stop_the_next_builds(tmp_path: Path) -> None:
    first: list[str] = []
    later, collector = DeferredExports(), _Collector()
    later.defer(_outputs(first))
    later.start(str(tmp_path / "one"), lambda: True, collector)
    later.cancel()
    second: list[str] = []
    later.defer(_outputs(second))
    later.start(str(tmp_path / "two"), lambda: True, collector)
    later.wait()
    assert second == ["dossier.json", "dossier.db", "annotations.json"]
    assert sorted(path.name for path in (tmp_path / "two").iterdir()) == NAMES
