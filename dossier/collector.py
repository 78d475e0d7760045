"""Fewer pauses of Python's cyclic garbage collector while a site is built.

A build creates millions of objects that live to its end (the dossier, its analysis, the
site's indexes). CPython collects its oldest generation each time the objects that survived
younger collections have grown by a quarter, and each of those collections walks every
object alive: at 1,000 articles they took a quarter of a preview rebuild's time, and ~10%
of a full build. During a build the thresholds are raised: young objects are still
collected (the garbage of each page, cycles included, is young), the whole heap rarely.
Afterwards the thresholds are restored; the preview, which keeps running, also collects
the previous build's cyclic garbage once, in the background, after the page was shown and
unless the content has changed again meanwhile (`end_build`, then `restore_now` from the
thread that then writes the data exports).

The check itself runs with the collector paused (`collections_paused`): it holds millions
of small objects (every YAML value's position, every article's mapped text) and builds
almost no reference cycles, so the collector's full passes over them freed nothing and cost
a fifth of the check's CPU time at 10,000 articles. Objects are still freed as their last
reference goes; the collector resumes at the end.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Young collections every 20,000 allocations rather than 700; the oldest generation after
# 1,000 collections of the middle one rather than 10 (CPython's defaults: 700, 10, 10).
BUILD_THRESHOLDS = (20_000, 50, 1_000)
COLLECT_AFTER = 1.5  # seconds after a preview build: the browser has reloaded the page by then


class _Collections:
    """The thresholds to come back to, and whether a build is running (the preview's builds follow one another)."""

    def __init__(self) -> None:
        self.original: tuple[int, int, int] | None = None
        self.building = False
        self.set_aside = False  # whether the check's objects are set aside (`collections_paused`)
        self.lock = threading.Lock()


_STATE = _Collections()


def defer_collections(*, set_aside: bool = False) -> None:
    """Raise the thresholds for a build; with `set_aside`, the check's objects are also set
    aside from the collector until the build ends (see `collections_paused`)."""
    with _STATE.lock:
        if _STATE.original is None:
            _STATE.original = gc.get_threshold()
        _STATE.building = True
        _STATE.set_aside = set_aside
        gc.set_threshold(*BUILD_THRESHOLDS)


def end_build() -> None:
    """After a build: the thresholds stay raised until `restore_now` (a full collection started
    at once could run before the build has returned, while the preview waits for it)."""
    with _STATE.lock:
        _STATE.building = False


def restore_collections(*, collect_later: bool = False) -> None:
    """After a build: the thresholds restored; with `collect_later`, a moment later in a thread,
    with one full collection then, unless another build has started meanwhile."""
    end_build()
    if collect_later:
        timer = threading.Timer(COLLECT_AFTER, restore_now, kwargs={"collect": True})
        timer.daemon = True
        timer.start()
    else:
        restore_now(collect=False)


def restore_now(*, collect: bool) -> None:
    """The thresholds restored, and with `collect` one full collection (a few seconds at 10,000
    articles, holding the interpreter), unless another build has started meanwhile."""
    with _STATE.lock:
        if _STATE.building or _STATE.original is None:
            return  # a new build runs with the raised thresholds; it restores them when done
        gc.set_threshold(*_STATE.original)
        _STATE.original = None
        gc.unfreeze()  # the build's objects set aside by `collections_paused`: seen again
    if collect:
        gc.collect()


@contextmanager
def collections_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (see the module's docstring); nested pauses are fine."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if _STATE.building and _STATE.set_aside:
                # What was allocated meanwhile is all young to the collector: its next young
                # collection would walk every object of the check (1 s at 10,000 articles, in
                # each preview rebuild). In a preview build they are set aside (`gc.freeze`)
                # until it ends (`restore_now`); they are freed by their reference counts as ever.
                # Not in `mkdocs build`: cycles among them would then wait for the end of the
                # build, and at 10,000 articles both processes together passed 2 GB.
                gc.freeze()
            gc.enable()
