"""Full-text search of the built site with Pagefind: the index is made at build time.

Pagefind (the `pagefind` package, with its binary from `pagefind-bin`) reads the built HTML
and writes a static index in `pagefind/`, split in small pieces: a reader's browser fetches
only the pieces a query needs (a few hundred kilobytes at 10,000 articles; see
benchmarks/README.md). Only the parts of pages marked `data-pagefind-body` are indexed: the
dossier's articles, claims and entities (fragments/fulltext_body.html); the analysts' guide
and the indexes are left out. A claim carries its status as metadata and as a filter.
Under `mkdocs serve` the index is made after the pages are shown (plugins' exports.py), and
stopped when the next edit's build starts: indexing every page took longer than the rest of
a rebuild.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

BUNDLE = "pagefind"  # the index's folder in the site
SEARCH_PAGE = "search.md"
SEARCH_TITLE = "Full-text search"


class FulltextError(Exception):
    """Pagefind could not index the site: the message says why and what to do."""


def index_site(site_dir: str | Path, stop: threading.Event | None = None) -> str:
    """Index the built site in `site_dir` (Pagefind writes `site_dir/pagefind/`); its summary line.
    `stop`: when it is set meanwhile (the preview's next build started), Pagefind is stopped."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE, "--silent"]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as error:
        raise FulltextError(f"the full-text search index could not be made: {error}") from None
    while True:
        try:
            stdout, stderr = process.communicate(timeout=0.2)
            break
        except subprocess.TimeoutExpired:
            if stop is not None and stop.is_set():
                process.kill()
                process.communicate()
                return "full-text search: not indexed (a newer build started)"
    if process.returncode != 0 or not (Path(site_dir) / BUNDLE / "pagefind.js").is_file():
        output = (stderr or stdout).strip() or f"exit status {process.returncode}"
        raise FulltextError(
            f"the full-text search index could not be made (`{' '.join(command[1:])}`): {output}\n"
            "Pagefind comes with the package `pagefind[bin]`: install it with `pip install 'pagefind[bin]'`."
        )
    return f"full-text search: indexed {site_dir}/{BUNDLE}/"
