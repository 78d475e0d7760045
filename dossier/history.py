"""The dossier's history from git, in plain words: what each commit changed, and each claim's story.

The changes come from `dossier diff`'s engine applied to consecutive commits that touched
the content folder (changelog.py): "New claim “…”", "Claim “…”: single-source →
corroborated (evidence from Reuters added)", "Entity renamed …". A claim is recorded in
the last commit that added it (a claim that disappears and comes back is recorded again)
and changed in every commit with a change about it, its status included.

Nothing here keeps a commit's subject: readers see what changed in the dossier, never how
a commit was titled. A commit's hash is kept only to link its change record when the site
knows the repository's address.

Without git, or outside a repository, the history is empty: pages leave the section out.
Within one process the history of a given commit is computed once (the preview rebuilds
often, and its history changes only with a new commit).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .changelog import Commit, Revision, revisions
from .git import GitError, git_text, path_in_repository, repository_root
from .plain_changes import CLAIM, Change

__all__ = ["ClaimHistory", "Commit", "History", "Revision", "claim_history", "commit_url"]


@dataclass(frozen=True)
class ClaimHistory:
    claim: str
    first_recorded: Commit
    last_changed: Commit  # the same commit when the claim never changed since
    last_change: Change  # what last changed, in plain words ("New claim ..." when never since)

    @property
    def changed_since_recorded(self) -> bool:
        return self.last_changed.hash != self.first_recorded.hash


@dataclass(frozen=True)
class History:
    """Claim id -> its history, for the claims of the last commit, and every revision, oldest first."""

    claims: Mapping[str, ClaimHistory] = field(default_factory=dict)
    revisions: tuple[Revision, ...] = ()

    def of(self, claim_id: str) -> ClaimHistory | None:
        return self.claims.get(claim_id)


def _claims(found: tuple[Revision, ...]) -> dict[str, ClaimHistory]:
    claims: dict[str, ClaimHistory] = {}
    for revision in found:
        for change in revision.changes:
            if change.kind != CLAIM:
                continue
            if change.lead == "Claim removed":
                claims.pop(change.target, None)
            elif change.lead == "New claim" or change.target not in claims:
                claims[change.target] = ClaimHistory(change.target, revision.commit, revision.commit, change)
            else:
                claims[change.target] = ClaimHistory(change.target, claims[change.target].first_recorded, revision.commit, change)
    return claims


_computed: dict[tuple[Path, str, str], History] = {}
_lock = threading.Lock()


def claim_history(content: Path | str, revision: str = "HEAD") -> History:
    """The history of the content folder's dossier up to `revision`.

    Empty, silently, when git is missing, the folder is not in a repository, or the
    repository has no commit yet: the site then leaves the history out.
    """
    try:
        root = repository_root(Path(content))
        folder = path_in_repository(Path(content), root)
        head = git_text("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}", cwd=root).strip()
    except (GitError, OSError):
        return History()
    key = (root, folder, head)
    with _lock:  # the preview's exports thread and its build may ask at once
        if key not in _computed:
            try:
                found = revisions(root, folder, head)
            except (GitError, OSError):
                return History()
            _computed.clear()  # only the newest: the previous head is not asked for again
            _computed[key] = History(_claims(found), found)
        return _computed[key]


def commit_url(repository_url: str, commit: str) -> str:
    """The web page of a commit on GitHub, GitLab, Gitea or Forgejo: `<repo>/commit/<hash>`."""
    return f"{repository_url.rstrip('/').removesuffix('.git')}/commit/{commit}"
