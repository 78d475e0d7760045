"""Real git repositories for tests: a dossier committed in tmp_path with a test identity."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

IDENTITY = {
    "GIT_AUTHOR_NAME": "Test Analyst",
    "GIT_AUTHOR_EMAIL": "analyst@example.org",
    "GIT_COMMITTER_NAME": "Test Analyst",
    "GIT_COMMITTER_EMAIL": "analyst@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, **IDENTITY}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout.strip()


def init(repo: Path) -> None:
    git(repo, "init", "-q", "-b", "main")


def commit(repo: Path, message: str, date: str | None = None) -> str:
    """Commit everything in the work tree; returns the new commit's full hash."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD")
