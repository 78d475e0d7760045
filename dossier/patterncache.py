"""Compiling very large regular expressions once, not once per check or per process.

The mention pattern of a big dossier (all names and aliases as one trie, ~114 KB for 11,000
names) takes Python's `re` a second or two to parse and compile, on every `dossier check`,
every rebuild under `mkdocs serve` and in every worker of the check's process pool. `re`
cannot pickle a compiled pattern (pickling recompiles it), so the compiled program is kept
as plain data instead: the list of opcodes `re._compiler` produces, which `_sre.compile`
turns back into a pattern at once.

These are CPython's internal interfaces, so they are used with care: the program is keyed
by the exact interpreter (its version and `_sre.MAGIC`), checked on load (`_sre` validates
the code it is given), and any failure falls back to plain `re.compile`. Matching is the
same either way: it is the very program `re.compile` would have built.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

try:  # CPython 3.11+: the compiler's two halves and the engine
    import _sre  # type: ignore[import-not-found]  # no stubs: the engine is internal
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other interpreters compile the ordinary way
    _sre = None

CACHE_ENV = "DOSSIER_CACHE_DIR"  # where compiled patterns are kept; default: the user's cache folder
# Smaller patterns compile faster than their program loads from disk.
MIN_CACHED_LENGTH = 5_000
_INTERPRETER = f"{sys.implementation.name}-{sys.version}-{getattr(_sre, 'MAGIC', 0)}"


@dataclass(frozen=True)
class CompiledPattern:
    """A compiled regular expression as plain, picklable data."""

    pattern: str
    flags: int
    code: tuple[int, ...]
    groups: int
    groupindex: tuple[tuple[str, int], ...]

    def restore(self) -> re.Pattern[str]:
        indexgroup: list[str | None] = [None] * (self.groups + 1)
        for name, index in self.groupindex:
            indexgroup[index] = name
        compiled: re.Pattern[str] = _sre.compile(
            self.pattern, self.flags, list(self.code), self.groups, dict(self.groupindex), tuple(indexgroup)
        )
        return compiled


def compile_plain(pattern: str) -> CompiledPattern | None:
    """What `re.compile(pattern)` builds, as data; None where the interpreter's internals differ."""
    if _sre is None:
        return None
    try:
        parsed = _parser.parse(pattern, 0)
        code = _compiler._code(parsed, 0)
        return CompiledPattern(pattern, parsed.state.flags, tuple(code), parsed.state.groups - 1, tuple(parsed.state.groupdict.items()))
    except (AttributeError, TypeError):  # pragma: no cover - a future Python changed them
        return None


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dossier"


def _cache_file(pattern: str) -> Path:
    digest = hashlib.sha256(f"{_INTERPRETER}\n{pattern}".encode()).hexdigest()
    return cache_dir() / "patterns" / f"{digest[:32]}.json"


def _load(path: Path, pattern: str) -> re.Pattern[str] | None:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        plain = CompiledPattern(pattern, data["flags"], tuple(data["code"]), data["groups"], tuple(map(tuple, data["groupindex"])))
        return plain.restore()
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):  # missing, unreadable or corrupt: compile again
        return None


def _save(path: Path, plain: CompiledPattern) -> None:
    data = {"flags": plain.flags, "code": plain.code, "groups": plain.groups, "groupindex": plain.groupindex}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        temporary.replace(path)  # atomic: a concurrent reader sees the old file or the whole new one
    except OSError:
        pass  # a read-only or full disk only costs the next check the compile time


@lru_cache(maxsize=8)  # the rebuilds of `mkdocs serve` reuse the last ones (a mention finder has three)
def compile_cached(pattern: str) -> re.Pattern[str]:
    """The compiled pattern, from the on-disk cache when an earlier run (or process) compiled it."""
    if _sre is None or len(pattern) < MIN_CACHED_LENGTH:
        return re.compile(pattern)
    path = _cache_file(pattern)
    cached = _load(path, pattern)
    if cached is not None:
        return cached
    plain = compile_plain(pattern)
    if plain is None:  # pragma: no cover
        return re.compile(pattern)
    _save(path, plain)
    return plain.restore()
