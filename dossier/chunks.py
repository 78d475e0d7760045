"""Work on many items, in chunks, with whatever executor the caller hands over (or none).

The check's per-article stages and the loader use this; they never start a pool
themselves. The command line and the MkDocs plugin decide whether a pool pays and make it
(parallel.py); here an executor is only something to submit chunks to.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from typing import Any, Generic, TypeVar

# Chunks per worker: enough that one slow chunk does not leave the other cores idle at the end.
CHUNKS_PER_WORKER = 4

Item = TypeVar("Item")
Result = TypeVar("Result")


def worker_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _chunks(items: Sequence[Item], count: int) -> list[Sequence[Item]]:
    size = max(1, -(-len(items) // count))
    return [items[start : start + size] for start in range(0, len(items), size)]


class Results(Generic[Result]):
    """The results of work started in the pool, in the order of its items: all at once
    (calling it), or one by one as their chunks are done (iterating it), once either way."""

    def __init__(self, chunks: Iterator[list[Result]]) -> None:
        self._chunks = chunks

    def __call__(self) -> list[Result]:
        return list(self)

    def __iter__(self) -> Iterator[Result]:
        for chunk in self._chunks:
            yield from chunk


def submit_chunks(executor: Executor | None, function: Callable[..., list[Result]], items: Sequence[Item], *shared: Any) -> Results[Result]:
    """Start `function(chunk, *shared)` on chunks of `items`; the results, in order, once asked for.

    Without an executor, `function` runs on all items at once when the results are asked for.
    """
    if executor is None:
        return Results(function(items, *shared) for _ in (None,))
    chunks = _chunks(items, worker_count() * CHUNKS_PER_WORKER)
    futures: list[Future[list[Result]]] = [executor.submit(function, chunk, *shared) for chunk in chunks]
    return Results(future.result() for future in futures)
