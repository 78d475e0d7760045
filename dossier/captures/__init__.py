"""Captures (contract v3): the page an article was taken from, kept as a WARC file.

`fetch` gets a page over HTTP (redirects followed and kept), `warc` writes and reads the
WARC files under `content/captures/`, `extract` takes an article's text and metadata out of
a page, `add` is `dossier add-article URL`, `check` is what `dossier check` verifies of a
capture, `recheck` is `dossier recheck`, and `archive` asks the Internet Archive to save a page.
"""

from __future__ import annotations

CAPTURES_FOLDER = "captures"
# The first line of a Git LFS pointer file: the capture itself was never fetched (`git lfs pull`).
LFS_POINTER = b"version https://git-lfs.github.com/spec/v1"
# Warnings that never fail a strict check or build (`dossier check` in CI, `mkdocs build
# --strict`): both work whether or not the captures were fetched from Git LFS; both still say so.
BUILD_NOTICES = frozenset({"capture-not-fetched"})


def user_agent() -> str:
    """`Dossier/<version> (...)`: says who is asking and why, as a polite crawler does."""
    from importlib import metadata

    try:
        version = metadata.version("dossier")
    except metadata.PackageNotFoundError:  # a source tree never installed
        version = "dev"
    return f"Dossier/{version} (research dossier: one page, fetched once by an analyst)"
