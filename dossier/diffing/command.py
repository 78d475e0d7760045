"""`dossier diff [BASE [HEAD]]`: what a change does to the derived dossier."""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..check import count_articles
from ..git import GitError, default_branch, merge_base, repository_root, resolve_commit
from ..parallel import run_with_pool
from .compare import compare
from .model import DossierDiff
from .render import RENDERERS
from .snapshot import Snapshot, snapshot_folder, snapshot_revision

EXIT_OK, EXIT_USAGE = 0, 2
WORKING_TREE = "working tree"

DESCRIPTION = """\
Show what a change does to the dossier: claims added, removed and changed, status changes
(single-source → contested), discrepancies, entities renamed or merged, and articles whose
text (which is evidence) was edited. BASE and HEAD are git revisions. Without BASE: the
merge base of HEAD with the default branch (origin/HEAD, else main or master). Without
HEAD: the working tree as it is, uncommitted edits included.

exit codes: 0 the diff was shown (even when a revision has errors: the diff says so);
2 usage error (unknown revision, not in a git repository, no default branch)."""


def add_parser(commands: Any) -> None:
    """Adds `diff` to the CLI's subcommands (argparse's _SubParsersAction)."""
    parser = commands.add_parser(
        "diff",
        help="show what a change does to the dossier (claims, statuses, entities, edited articles)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "base", nargs="?", metavar="BASE", help="the revision to compare from (default: the merge base with the default branch)"
    )
    parser.add_argument("head", nargs="?", metavar="HEAD", help="the revision to compare to (default: the working tree)")
    parser.add_argument("--content", default="content", type=Path, help="the content folder (default: content)")
    parser.add_argument("--format", choices=tuple(RENDERERS), default="text", help="output format (default: text)")


@dataclass(frozen=True)
class Revisions:
    root: Path
    base: str  # a full commit hash
    base_label: str
    head: str | None  # None: the working tree
    head_label: str


def _label(revision: str, commit: str) -> str:
    short = commit[:7]
    return short if revision.startswith(short) else f"{revision} ({short})"


def resolve_revisions(content: Path, base: str | None, head: str | None) -> Revisions:
    """The two sides to compare; GitError with a message for the user when that is impossible."""
    root = repository_root(content)
    head_commit = resolve_commit(head, root) if head else None
    if base is None:
        branch = default_branch(root)
        if branch is None:
            raise GitError("no default branch to compare with (no origin/HEAD, main or master): name BASE")
        base_commit = merge_base("HEAD", branch, root)
        base_label = f"merge base with {branch} ({base_commit[:7]})"
    else:
        base_commit = resolve_commit(base, root)
        base_label = _label(base, base_commit)
    head_label = _label(head, head_commit) if head and head_commit else WORKING_TREE
    return Revisions(root, base_commit, base_label, head_commit, head_label)


def diff_revisions(content: Path, base: str | None = None, head: str | None = None, executor: Executor | None = None) -> DossierDiff:
    """The diff of the content folder between two revisions (HEAD None: the working tree);
    `executor`: where both checks run their per-article stages (None: this process)."""
    revisions = resolve_revisions(content, base, head)
    before = snapshot_revision(revisions.root, revisions.base, content, revisions.base_label, executor)
    after: Snapshot
    if revisions.head is None:
        after = snapshot_folder(content, revisions.head_label, executor=executor)
    else:
        after = snapshot_revision(revisions.root, revisions.head, content, revisions.head_label, executor)
    return compare(before, after)


def run(args: argparse.Namespace) -> int:
    try:
        # One pool for both checks, when the dossier is big enough for one to pay.
        diff = run_with_pool(lambda executor: diff_revisions(args.content, args.base, args.head, executor), count_articles(args.content))
    except GitError as err:
        sys.stderr.write(f"dossier diff: error: {err}\n")
        return EXIT_USAGE
    sys.stdout.write(RENDERERS[args.format](diff))
    return EXIT_OK
