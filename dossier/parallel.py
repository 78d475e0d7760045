"""The check's process pool: its per-article stages on every core, for dossiers big enough.

The pool is started with `spawn`, never `fork`: the check also runs inside `mkdocs serve`,
whose file watcher and HTTP server are threads, and a forked child inherits any lock one of
them held at that moment (logging's, the import lock) with no thread left to release it.

Work is sent as plain, picklable data (articles, quotes, the names to find: each worker
builds its mention automata from them in milliseconds) and results come back in the order the work was given, so the
check gives exactly what the serial path gives (tests/test_parallel.py compares both).

The check, and each worker's chunk, runs with Python's cyclic garbage collector paused
(`collector.collections_paused`, which says why).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .check import CheckResult, check_content, count_articles
from .chunks import Result, worker_count
from .collector import collections_paused

log = logging.getLogger(__name__)

# Below this many articles the pool does not pay back its start-up: two spawned interpreters
# importing the core (~0.4 s of CPU each) and the articles pickled both ways. Measured on an
# idle 2-core machine once the per-article work had become cheaper (benchmarks/README.md,
# "Issue 16, round 4"): at 1,000 articles the serial check took 2.1 s and the pool 2.4 s;
# at 2,000 both took 3.6 s; at 10,000 the pool took 13 s and the serial check 18 s.
POOL_MIN_ARTICLES = 2000
# `DOSSIER_PARALLEL=0` never uses the pool, `=1` always does (benchmarks, tests); unset: by size.
PARALLEL_ENV = "DOSSIER_PARALLEL"


def pool_wanted(articles: int, forced: bool | None = None) -> bool:
    """Whether a check of this many articles runs its per-article stages in the pool."""
    if forced is None:
        setting = os.environ.get(PARALLEL_ENV, "").strip()
        forced = {"0": False, "1": True}.get(setting)
    if forced is not None:
        return forced
    return worker_count() > 1 and articles >= POOL_MIN_ARTICLES


def _exit_with(parent: int) -> None:
    """Run in each worker: end it when the process that started it has gone.

    An idle worker waits on its queue forever; if `mkdocs serve` is killed (not stopped with
    Ctrl-C, which shuts the pool down), its kept workers would be left running.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _new_pool() -> ProcessPoolExecutor:
    context = multiprocessing.get_context("spawn")  # see the module's docstring: never fork
    return _PausedPool(max_workers=max(2, worker_count()), mp_context=context, initializer=_exit_with, initargs=(os.getpid(),))


class KeptPool:
    """A pool kept from one check to the next (the preview checks on every save): its workers
    start, and import the core, once per `mkdocs serve` rather than once per rebuild."""

    def __init__(self) -> None:
        self._executor: ProcessPoolExecutor | None = None

    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = _new_pool()
        return self._executor

    def close(self) -> None:
        """Stop the workers; a later check starts new ones (also after a worker died)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


@contextmanager
def check_pool(wanted: bool, kept: KeptPool | None = None) -> Iterator[Executor | None]:
    """A pool of worker processes, or None for the serial path; shut down on leaving unless kept.

    The check runs inside it with the garbage collector paused (see the module's docstring).
    """
    with collections_paused():
        if not wanted:
            yield None
        elif kept is not None:
            yield kept.executor()
        else:
            with _new_pool() as executor:
                yield executor


def _run_paused(function: Callable[..., Result], *args: Any) -> Result:
    """Run in a worker: one chunk's work with the garbage collector paused, as in the serial check."""
    with collections_paused():
        return function(*args)


class _PausedPool(ProcessPoolExecutor):
    """The check's pool: every task runs in its worker with the collector paused."""

    def submit(self, fn: Callable[..., Result], /, *args: Any, **kwargs: Any) -> Future[Result]:
        return super().submit(_run_paused, fn, *args, **kwargs)


def run_with_pool(
    run: Callable[[Executor | None], Result], articles: int, parallel: bool | None = None, kept: KeptPool | None = None
) -> Result:
    """`run(executor)` with a pool when one pays for this many articles (`pool_wanted`), else
    `run(None)`; with the collector paused either way. Should the pool break (e.g. started by a
    script without an `if __name__ == "__main__"` guard), run again without it."""
    if pool_wanted(articles, parallel):
        try:
            with check_pool(True, kept) as executor:
                return run(executor)
        except BrokenProcessPool as error:
            if kept is not None:
                kept.close()  # the next check starts fresh workers
            log.warning("the check's worker processes failed (%s): checking in this process instead", error)
    with collections_paused():
        return run(None)


def checked_with_pool(content: Path) -> CheckResult:
    """`check_content` as the commands run it (`dossier check`, `pages`): with a process pool
    when the dossier is big enough for one to pay back its start-up, else in this process."""
    return run_with_pool(lambda executor: check_content(content, executor), count_articles(content))
