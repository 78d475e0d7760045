"""Fewer pauses of Python's cyclic garbage collector while a site is built.

A build creates millions of objects that live to its end (the dossier, its analysis, the
site's indexes). CPython collects its oldest generation each time the objects that survived
younger collections have grown by a quarter, and each of those collections walks every
object alive: at 1,000 articles they took a quarter of a preview rebuild's time, and ~10%
of a full build. During a build the thresholds are raised: young objects are still
collected (the garbage of each page, cycles included, is young), the whole heap rarely.
Afterwards the thresholds are restored; the preview, which keeps running, also collects
the previous build's cyclic garbage once, in the background, after the page was shown.
"""

from __future__ import annotations

import gc
import threading

# Young collections every 20,000 allocations rather than 700; the oldest generation after
# 1,000 collections of the middle one rather than 10 (CPython's defaults: 700, 10, 10).
BUILD_THRESHOLDS = (20_000, 50, 1_000)
COLLECT_AFTER = 1.5  # seconds after a preview build: the browser has reloaded the page by then


def defer_collections() -> tuple[int, int, int]:
    """Raise the thresholds for a build; returns the ones to restore."""
    previous = gc.get_threshold()
    gc.set_threshold(*BUILD_THRESHOLDS)
    return previous


def restore_collections(previous: tuple[int, int, int], *, collect_later: bool = False) -> None:
    """Restore the thresholds; with `collect_later`, collect everything once a moment later, in a thread."""
    gc.set_threshold(*previous)
    if collect_later:
        timer = threading.Timer(COLLECT_AFTER, gc.collect)
        timer.daemon = True
        timer.start()
