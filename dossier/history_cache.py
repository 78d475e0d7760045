"""What each commit changed, kept on disk so that each commit is checked once per clone.

A commit's changes depend only on the commit (its content folder, and the one of the commit
before it on the first-parent line, which the commit determines) and on this program: the
cache is kept inside the repository's git folder (`.git/dossier/history/`, never committed,
gone with the clone), in a folder named after a digest of the `dossier` package's source, so
that another version of the check or of the wording never reads a stale entry. An entry that
cannot be read is computed again; a cache that cannot be written is done without.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
from importlib import resources
from pathlib import Path

from .git import GitError, git_text
from .plain_changes import Change

_FIELDS = [f.name for f in dataclasses.fields(Change)]


@functools.cache
def _program_digest() -> str:
    """A digest of every Python file of the `dossier` package: any change to the code is another cache."""
    digest = hashlib.blake2b(digest_size=10)
    package = Path(str(resources.files("dossier")))
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class HistoryCache:
    def __init__(self, root: Path, folder: str) -> None:
        try:
            common = Path(git_text("rev-parse", "--git-common-dir", cwd=root).strip())
        except GitError:
            self.directory: Path | None = None
            return
        common = common if common.is_absolute() else root / common
        where = hashlib.blake2b(folder.encode(), digest_size=6).hexdigest()  # one content folder's history
        self.directory = common / "dossier" / "history" / f"{_program_digest()}-{where}"

    def get(self, commit: str) -> tuple[Change, ...] | None:
        if self.directory is None:
            return None
        try:
            records = json.loads((self.directory / f"{commit}.json").read_text("utf-8"))
            return tuple(Change(**{name: str(record[name]) for name in _FIELDS}) for record in records)
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, commit: str, changes: tuple[Change, ...]) -> None:
        if self.directory is None:
            return
        records = [dataclasses.asdict(change) for change in changes]
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # Written aside, then renamed: a reader never sees half an entry.
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.directory, delete=False, suffix=".tmp") as file:
                json.dump(records, file, ensure_ascii=False)
            os.replace(file.name, self.directory / f"{commit}.json")
        except OSError:
            pass
