"""The claims files and articles as the last check read them, reused while their bytes are the same.

Parsing a claims file and reading an article (front matter, positions) are functions of the
file's bytes and of where it is: its path as messages name it, where it really is (a link
that leaves the content folder is refused) and the content folder. The preview checks the
whole dossier on every save; with this cache only the files an edit changed are parsed
again (a dossier of 10,000 articles has seven claims files of up to 8 MB).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import Any, TypeVar

from ..chunks import Results, submit_chunks
from ..files import display_path

Result = TypeVar("Result")


class ParsedFiles:
    """One entry per file read by the last check, for each reading function (claims, articles)."""

    def __init__(self) -> None:
        self._results: dict[str, dict[bytes, Any]] = {}

    def run(
        self, executor: Executor | None, function: Callable[[Sequence[Path], Path], list[Result]], paths: Sequence[Path], content: Path
    ) -> Results[Result]:
        """Like `submit_chunks(executor, function, paths, content)`, computing only the files not seen as they are."""
        known = self._results.get(function.__name__, {})
        keys = [_key(path, content) for path in paths]
        missing = [path for path, key in zip(paths, keys, strict=True) if key is None or key not in known]
        computing = iter(submit_chunks(executor, function, missing, content))

        def results() -> Iterator[list[Result]]:
            kept: dict[bytes, Result] = {}
            for key in keys:
                result = known[key] if key is not None and key in known else next(computing)
                if key is not None:
                    kept[key] = result
                yield [result]
            self._results[function.__name__] = kept  # only this check's files: it never outgrows the dossier

        return Results(results())


def _key(path: Path, content: Path) -> bytes | None:
    """A digest of everything reading the file depends on; None when it cannot be read (read it again)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    where = "\0".join((display_path(path), os.path.realpath(path), os.path.realpath(content)))
    return hashlib.blake2b(where.encode() + b"\0" + data, digest_size=20).digest()
