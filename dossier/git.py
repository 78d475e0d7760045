"""Running git for `dossier diff` and the claim history: one place that knows how to call it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

# Our parsing must not depend on the user's configuration (pagers, colours, external diff
# tools, localised messages) nor on hooks or prompts.
_ENV = {"GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_CONFIG_NOSYSTEM": "1"}


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a git command failed."""


def git(*args: str, cwd: Path, input_bytes: bytes | None = None) -> bytes:
    """The output of `git args...` run in `cwd`; GitError with git's own message on failure."""
    executable = shutil.which("git")
    if executable is None:
        raise GitError("git is not installed (or not on PATH)")
    try:
        result = subprocess.run(
            [executable, "-c", "core.quotepath=off", *args],
            cwd=cwd,
            input=input_bytes,
            capture_output=True,
            env={**os.environ, **_ENV},
            check=False,
        )
    except OSError as err:
        raise GitError(f"git could not run: {err}") from err
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return result.stdout


def git_text(*args: str, cwd: Path) -> str:
    return git(*args, cwd=cwd).decode("utf-8", "replace")


def repository_root(folder: Path) -> Path:
    """The top of the work tree that holds `folder` (which need not exist any more)."""
    existing = folder.resolve()
    while not existing.is_dir() and existing != existing.parent:
        existing = existing.parent
    return Path(git_text("rev-parse", "--show-toplevel", cwd=existing).strip()).resolve()


def path_in_repository(folder: Path, root: Path) -> str:
    """`folder` as git names it in trees: relative to the repository root, with `/`."""
    try:
        relative = folder.resolve().relative_to(root)
    except ValueError as err:
        raise GitError(f"'{folder}' is not inside the repository at '{root}'") from err
    return relative.as_posix() if relative.parts else "."


def resolve_commit(revision: str, root: Path) -> str:
    """The full hash of `revision`; GitError naming it when it is not a known revision."""
    if revision.startswith("-"):  # never let a revision be read as an option
        raise GitError(f"'{revision}' is not a revision")
    try:
        return git_text("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}", cwd=root).strip()
    except GitError:
        raise GitError(f"'{revision}' is not a known revision (a commit, branch or tag) of this repository") from None


def default_branch(root: Path) -> str | None:
    """The default branch to compare with: origin/HEAD's target, else main or master."""
    try:
        return git_text("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD", cwd=root).strip()
    except GitError:
        pass
    for candidate in ("origin/main", "origin/master", "main", "master"):
        try:
            resolve_commit(candidate, root)
        except GitError:
            continue
        return candidate
    return None


def merge_base(first: str, second: str, root: Path) -> str:
    try:
        return git_text("merge-base", first, second, cwd=root).strip()
    except GitError:
        raise GitError(f"'{first}' and '{second}' have no common ancestor") from None
