"""The dossier's changes commit by commit: `dossier diff`'s engine applied along the history.

One `git log` lists, oldest first along the first-parent line, each commit that touched the
content folder with the files it changed (their new blobs); merges count as the commit that
brought their changes into that line (the pull request's merge), which is when the dossier
published them. The folder is rebuilt in a temporary copy one commit at a time, writing only
the files a commit changed (one `git cat-file --batch` reads them), and each version is
checked and exported as `dossier diff` does (dossier/diffing/snapshot.py), then compared with
the previous one (compare.py) and described in plain words (plain_changes.py).

Checking every version would be slow. Each commit's changes are kept on disk, in the git
folder (history_cache.py), so a version is checked once per clone: a build after a new
commit checks two versions, the new one and the one before. When versions are checked, the
check's own cache (`OutcomeCache`, which the preview keeps across rebuilds) is kept from one
version to the next: a file read before is not parsed again, and an article whose text and
quotes did not change is not checked again. Commits that change only pages outside the
dossier (the guide, the home page) are not checked at all.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .article_checks import OutcomeCache
from .check import CheckResult, check_content
from .diffing.compare import compare
from .diffing.snapshot import Snapshot, snapshot_folder
from .export import export
from .git import git_text
from .history_cache import HistoryCache
from .plain_changes import Change, describe

_COMMIT_LINE = "\x01"
_FILE_MODES = {"100644", "100755"}  # regular files; links and submodules are not content


@dataclass(frozen=True)
class Commit:
    hash: str
    short_hash: str
    date: dt.datetime  # the commit date (when it entered the history), with its offset


@dataclass(frozen=True)
class Revision:
    """A commit that changed the dossier, and what it changed."""

    commit: Commit
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class FileChange:
    path: str  # relative to the content folder, with "/"
    blob: str  # "" when the commit deleted the file (or it is not a regular file any more)


def content_commits(root: Path, folder: str, revision: str) -> Iterator[tuple[Commit, list[FileChange]]]:
    """Each commit touching `folder`, oldest first along the first-parent line, with its file changes."""
    output = git_text(
        *("log", "--first-parent", "-m", "--reverse", "--raw", "--no-renames", "--no-abbrev", "--no-color"),
        f"--format={_COMMIT_LINE}%H%x00%h%x00%cI",
        revision,
        "--",
        folder,
        cwd=root,
    )
    prefix = "" if folder == "." else folder + "/"
    commit: Commit | None = None
    changes: list[FileChange] = []
    for line in output.splitlines():
        if line.startswith(_COMMIT_LINE):
            if commit is not None:
                yield commit, changes
            full, short, date = line[1:].split("\x00", 2)
            commit, changes = Commit(full, short, dt.datetime.fromisoformat(date)), []
        elif line.startswith(":") and "\t" in line:
            meta, path = line.split("\t", 1)
            _, mode, _, blob, _ = meta.split(maxsplit=4)
            if path.startswith(prefix):
                changes.append(FileChange(path[len(prefix) :], blob if mode in _FILE_MODES else ""))
    if commit is not None:
        yield commit, changes


def _outside_the_dossier(path: str) -> bool:
    """A page of the site that is not an article (the guide, the home page): the check never reads it."""
    parts = PurePosixPath(path).parts
    return path.endswith(".md") and parts[0] != "articles"


class _BlobReader:
    """One `git cat-file --batch` process answering blob requests one at a time."""

    def __init__(self, root: Path) -> None:
        executable = shutil.which("git") or "git"
        self._process = subprocess.Popen(
            [executable, "cat-file", "--batch"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1 << 20
        )

    def read(self, blob: str) -> bytes:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(blob.encode("ascii") + b"\n")
        self._process.stdin.flush()
        header = self._process.stdout.readline().split()
        if len(header) < 3:  # "<blob> missing"
            return b""
        return self._process.stdout.read(int(header[2]) + 1)[:-1]

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait()


class _Replay:
    """The content folder in a temporary copy, brought from one commit to the next."""

    def __init__(self, root: Path, folder: Path, cache: HistoryCache) -> None:
        self.folder = folder
        self.reader = _BlobReader(root)
        self.outcomes = OutcomeCache()
        self.cache = cache
        self.previous: Snapshot | None = Snapshot("", {}, derived=False, missing=True)  # None: not checked

    def apply(self, changes: list[FileChange]) -> None:
        for change in changes:
            target = self.folder / change.path
            if change.blob and change.blob.strip("0"):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(self.reader.read(change.blob))
            else:
                target.unlink(missing_ok=True)

    def snapshot(self, label: str) -> Snapshot:
        if not self.folder.is_dir():
            return Snapshot(label, {}, derived=False, missing=True)
        result = check_content(self.folder, cache=self.outcomes)
        return _snapshot(result, self.folder, label)

    def step(self, commit: Commit, changes: list[FileChange]) -> Revision | None:
        if all(_outside_the_dossier(change.path) for change in changes):
            self.apply(changes)
            return None
        described = self.cache.get(commit.hash)
        if described is None:
            # The version before, checked only now when the commits before came from the cache.
            before = self.previous if self.previous is not None else self.snapshot("before")
            self.apply(changes)
            after = self.snapshot(commit.short_hash)
            described = describe(compare(before, after), before.data, after.data)
            self.cache.put(commit.hash, described)
            self.previous = after
        else:
            self.apply(changes)
            self.previous = None
        return Revision(commit, described) if described else None


def _snapshot(result: CheckResult, folder: Path, label: str) -> Snapshot:
    dossier = result.dossier
    if dossier is None:
        return Snapshot(label, {}, derived=False, missing=True)
    if result.analysis is not None and not result.errors:
        return Snapshot(label, export(dossier, result.analysis), {a.id: a.body for a in dossier.articles.values()})
    # A version with errors (rare on a checked branch): what loaded, as `dossier diff` reads it.
    return snapshot_folder(folder, label)


def revisions(root: Path, folder: str, revision: str = "HEAD") -> tuple[Revision, ...]:
    """Every commit of the first-parent line up to `revision` that changed the dossier, oldest first."""
    found = []
    with tempfile.TemporaryDirectory(prefix="dossier-history-") as temporary:
        replay = _Replay(root, Path(temporary) / "content", HistoryCache(root, folder))
        try:
            for commit, changes in content_commits(root, folder, revision):
                step = replay.step(commit, changes)
                if step is not None:
                    found.append(step)
        finally:
            replay.reader.close()
    return tuple(found)
