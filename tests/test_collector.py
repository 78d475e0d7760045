"""The garbage collector's thresholds during builds (dossier/collector.py)."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

import pytest

from dossier import collector


@pytest.fixture(autouse=True)
def _thresholds_kept() -> object:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def _in_a_fresh_process(script: str) -> None:
    """The collector's thresholds are the process's: a preview or build run earlier in this
    test process may still have a timer that restores them. A fresh process has none."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_a_build_raises_the_thresholds_and_restores_them() -> None:
    _in_a_fresh_process(
        """
        import gc
        from dossier import collector
        before = gc.get_threshold()
        collector.defer_collections()
        assert gc.get_threshold() == collector.BUILD_THRESHOLDS
        collector.restore_collections()
        assert gc.get_threshold() == before
        """
    )


def test_the_preview_restores_later_unless_another_build_started() -> None:
    _in_a_fresh_process(
        """
        import gc, time
        from dossier import collector
        collector.COLLECT_AFTER = 0.05
        before = gc.get_threshold()
        collector.defer_collections()
        collector.restore_collections(collect_later=True)
        assert gc.get_threshold() == collector.BUILD_THRESHOLDS  # not yet: the page is being shown
        collector.defer_collections()  # the next edit's build starts before the moment has come
        time.sleep(0.2)
        assert gc.get_threshold() == collector.BUILD_THRESHOLDS  # still raised for that build
        collector.restore_collections(collect_later=True)
        time.sleep(0.2)
        assert gc.get_threshold() == before
        """
    )


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_preview_builds_checked_objects_are_set_aside_until_it_ends_and_cycles_are_freed_then() -> None:
    gc.collect()
    collector.defer_collections(set_aside=True)
    with collector.collections_paused():
        kept = [_Cycle() for _ in range(1000)]
    assert gc.get_freeze_count() >= 1000  # the next young collection does not walk them
    dropped = [id(c) for c in kept]
    del kept  # cycles: only the collector frees them, once they are seen again
    collector.restore_collections()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert not {id(o) for o in gc.get_objects() if isinstance(o, _Cycle)} & set(dropped)


def test_outside_a_preview_build_nothing_is_set_aside() -> None:
    with collector.collections_paused():
        kept = [_Cycle() for _ in range(10)]
    collector.defer_collections()  # `mkdocs build`
    with collector.collections_paused():
        kept += [_Cycle() for _ in range(10)]
    assert gc.get_freeze_count() == 0
    collector.restore_collections()
    assert len(kept) == 20


def test_after_a_preview_build_its_exports_thread_restores_and_collects_unless_another_build_started() -> None:
    before = gc.get_threshold()
    gc.collect()
    collector.defer_collections(set_aside=True)
    with collector.collections_paused():
        kept = [_Cycle() for _ in range(1000)]
    dropped = {id(c) for c in kept}
    del kept
    collector.end_build()
    assert gc.get_threshold() == collector.BUILD_THRESHOLDS  # the build returns with them raised
    collector.defer_collections(set_aside=True)  # the next edit's build starts before the thread is done
    collector.restore_now(collect=True)
    assert gc.get_threshold() == collector.BUILD_THRESHOLDS and gc.get_freeze_count() >= 1000  # left to that build
    collector.end_build()
    collector.restore_now(collect=True)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    assert not {id(o) for o in gc.get_objects() if isinstance(o, _Cycle)} & dropped  # collected, by the call itself
