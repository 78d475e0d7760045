"""The garbage collector's thresholds during builds (dossier/collector.py)."""

from __future__ import annotations

import gc
import time

import pytest

from dossier import collector


@pytest.fixture(autouse=True)
def _thresholds_kept() -> object:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_a_build_raises_the_thresholds_and_restores_them() -> None:
    before = gc.get_threshold()
    collector.defer_collections()
    assert gc.get_threshold() == collector.BUILD_THRESHOLDS
    collector.restore_collections()
    assert gc.get_threshold() == before


def test_the_preview_restores_later_unless_another_build_started(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector, "COLLECT_AFTER", 0.05)
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
