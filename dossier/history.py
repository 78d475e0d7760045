"""Claim history from git: when each claim was first recorded and when it last changed.

One pass over the history of the claims files (`claims.yaml` or `claims/*.yaml`): one
`git log` lists, oldest first along the first-parent line, each commit that touched them
with the new version of each file (its blob), and one `git cat-file --batch` reads those
versions as they are needed. Each version is cut into claim blocks (a claims-list item,
`- id: X` and the lines under it); a claim is recorded in the first commit its id appears
in, and changed in every commit where the text of its block differs from before. A claim
moved between files unchanged is not a change. A claim that disappears and comes back is
recorded again. Merges count as the commit that brought the change into the first-parent
line (the pull request's merge), which is when the dossier published it.

Without git, or outside a repository, the history is empty: pages leave the section out.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .claimblocks import Blocks, ClaimsFile
from .git import GitError, git_text, path_in_repository, repository_root

_COMMIT_LINE = "\x01"


@dataclass(frozen=True)
class Commit:
    hash: str
    short_hash: str
    date: dt.datetime  # the commit date (when it entered the history), with its offset
    subject: str


@dataclass(frozen=True)
class ClaimHistory:
    claim: str
    first_recorded: Commit
    last_changed: Commit  # the same commit when the claim never changed since

    @property
    def changed_since_recorded(self) -> bool:
        return self.last_changed.hash != self.first_recorded.hash


@dataclass(frozen=True)
class History:
    """Claim id -> its history, for the claims present in the last commit. Empty without git."""

    claims: Mapping[str, ClaimHistory] = field(default_factory=dict)

    def of(self, claim_id: str) -> ClaimHistory | None:
        return self.claims.get(claim_id)


def _commits(root: Path, paths: list[str], revision: str) -> Iterator[tuple[Commit, list[tuple[str, str]]]]:
    """Each commit touching `paths`, oldest first, with its (path, new blob) changes.

    Blob names are abbreviated (unique when listed), which `git cat-file` accepts.
    """
    output = git_text(
        *("log", "--first-parent", "-m", "--reverse", "--raw", "--no-renames", "--no-color"),
        f"--format={_COMMIT_LINE}%H%x00%h%x00%cI%x00%s",
        revision,
        "--",
        *paths,
        cwd=root,
    )
    commit: Commit | None = None
    changes: list[tuple[str, str]] = []
    for line in output.splitlines():
        if line.startswith(_COMMIT_LINE):
            if commit is not None:
                yield commit, changes
            full, short, date, subject = line[1:].split("\x00", 3)
            commit, changes = Commit(full, short, dt.datetime.fromisoformat(date), subject), []
        elif line.startswith(":") and "\t" in line:
            meta, path = line.split("\t", 1)
            changes.append((path, meta.split()[3]))
    if commit is not None:
        yield commit, changes


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


def _is_claims_file(path: str, folder: str) -> bool:
    prefix = "" if folder == "." else folder + "/"
    if path == prefix + "claims.yaml":
        return True
    return path.startswith(prefix + "claims/") and path.endswith((".yaml", ".yml")) and "/" not in path[len(prefix) + 7 :]


@dataclass
class _State:
    """The claims as of the last commit read: each file's blocks, and where each claim is."""

    files: dict[str, ClaimsFile] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)  # claim id -> path of its file
    blocks: Blocks = field(default_factory=dict)  # claim id -> its block there
    found: dict[str, ClaimHistory] = field(default_factory=dict)

    def update(self, commit: Commit, versions: dict[str, bytes]) -> None:
        """Record what the new versions of some files (path -> content) change, in `commit`."""
        deltas = [(path, self.files.setdefault(path, ClaimsFile()).update(data)) for path, data in versions.items()]
        left: Blocks = {}  # claims gone from their file: maybe moved to another one
        for path, (_, removed) in deltas:
            for claim in removed:
                if self.where.get(claim) == path:
                    left[claim] = self.blocks.pop(claim)
                    del self.where[claim]
        for path, (candidates, _) in deltas:
            for claim, block in candidates.items():
                if self.where.get(claim, path) != path:
                    continue  # a second definition in another file (a duplicate id)
                before = self.blocks.get(claim, left.get(claim))
                self.where[claim], self.blocks[claim] = path, block
                if before is None:
                    self.found[claim] = ClaimHistory(claim, commit, commit)
                elif before != block:
                    self.found[claim] = ClaimHistory(claim, self.found[claim].first_recorded, commit)

    def current(self) -> dict[str, ClaimHistory]:
        return {claim: self.found[claim] for claim in self.where}


def _walk(root: Path, folder: str, revision: str) -> dict[str, ClaimHistory]:
    prefix = "" if folder == "." else folder + "/"
    state = _State()
    reader = _BlobReader(root)
    try:
        for commit, changes in _commits(root, [prefix + "claims.yaml", prefix + "claims"], revision):
            versions = {path: reader.read(blob) if blob.strip("0") else b"" for path, blob in changes if _is_claims_file(path, folder)}
            state.update(commit, versions)
    finally:
        reader.close()
    return state.current()


def claim_history(content: Path | str, revision: str = "HEAD") -> History:
    """The history of every claim of the content folder's claims files up to `revision`.

    Empty, silently, when git is missing, the folder is not in a repository, or the
    repository has no commit yet: the site then leaves the history out.
    """
    try:
        root = repository_root(Path(content))
        folder = path_in_repository(Path(content), root)
        return History(_walk(root, folder, revision))
    except (GitError, OSError):
        return History()


def commit_url(repository_url: str, commit: str) -> str:
    """The web page of a commit on GitHub, GitLab, Gitea or Forgejo: `<repo>/commit/<hash>`."""
    return f"{repository_url.rstrip('/').removesuffix('.git')}/commit/{commit}"
