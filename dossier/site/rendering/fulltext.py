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

`mkdocs build` gives Pagefind only what it reads (`IndexedPages`): while the pages are written,
each indexed page's body goes into a folder of its own, as a small document with the page's
language and title. Pagefind spent a good part of its time parsing the theme's navigation,
header and footer, which it then ignores: at 1,000 articles (in /dev/shm) it took 8.7 s for
the site and 6.9 s for the bodies (benchmarks/README.md, "The platform, third round"). The
index is the same, file for file (tests/test_fulltext.py builds both).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

BUNDLE = "pagefind"  # the index's folder in the site
BODY_MARK = "data-pagefind-body"  # the attribute of what Pagefind indexes (fragments/fulltext_body.html)
SEARCH_PAGE = "search.md"
SEARCH_TITLE = "Full-text search"


# What readers' search leaves out of the indexed pages: the site's own words (hints, "No source
# contradicts it.", the links named "Passage in the article", a map's legend, a disclosure's
# label, the legend of an article's highlights), and on an entity's page its claim cards'
# evidence, which each claim's page holds: a phrase of a quote finds its article and its
# claims, not every page that lists those claims. At 1,000 articles, a fifth of the words.
NOT_SEARCHED = (
    ".dossier-hint",
    ".dossier-empty",
    ".dossier-evidence-links",
    ".dossier-card-evidence",
    ".dossier-map-legend",
    ".dossier-highlight-legend",
    ".dossier-elided > summary",
    ".dossier-omitted-label",
)


class FulltextError(Exception):
    """Pagefind could not index the site: the message says why and what to do."""


def index_site(site_dir: str | Path, stop: threading.Event | None = None, pages: Path | None = None) -> str:
    """Index the built site in `site_dir` (Pagefind writes `site_dir/pagefind/`); its summary line.
    `stop`: when it is set meanwhile (the preview's next build started), Pagefind is stopped.
    `pages`: a folder of the pages to read instead of the site's (`IndexedPages`)."""
    bundle = Path(site_dir).resolve() / BUNDLE
    source = pages if pages is not None else site_dir
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(bundle), "--silent"]
    command += [argument for selector in NOT_SEARCHED for argument in ("--exclude-selectors", selector)]
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
    if process.returncode != 0 or not (bundle / "pagefind.js").is_file():
        output = (stderr or stdout).strip() or f"exit status {process.returncode}"
        raise FulltextError(
            f"the full-text search index could not be made (`{' '.join(command[1:])}`): {output}\n"
            "Pagefind comes with the package `pagefind[bin]`: install it with `pip install 'pagefind[bin]'`."
        )
    return f"full-text search: indexed {site_dir}/{BUNDLE}/"


# What Pagefind reads of a page besides its body: the document's language and title.
_LANGUAGE = re.compile(r"<html\b[^>]*?\blang=\"([^\"]*)\"", re.IGNORECASE)
_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class IndexedPages:
    """The indexed pages' bodies, kept in a temporary folder while a build writes the pages, each
    at its page's path: what Pagefind reads of the site, and nothing else (see the module's
    docstring). `close()` removes the folder."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="dossier-fulltext-", dir=_memory_folder()))
        self.count = 0

    def add(self, dest_uri: str, page_html: str, body: str | None = None) -> None:
        """The page at `dest_uri`, written as `page_html`: of it, only `body` (the HTML that holds
        every part marked `data-pagefind-body`), the language and the title; all of it without `body`."""
        document = page_html if body is None else _document(page_html, body)
        target = self.folder / dest_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document, "utf-8")
        self.count += 1

    def index(self, site_dir: str | Path) -> str:
        """Pagefind's index of the pages added, written into `site_dir/pagefind/`. With none (a
        dossier without articles, claims or entities), of the whole site, as Pagefind does when
        no page marks its body."""
        return index_site(site_dir, pages=self.folder if self.count else None)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


# Writing the bodies to a disk took 0.5 ms a page, and Pagefind then read them back while
# the disk was still writing them; into memory, 0.08 ms. A small /dev/shm (a container's
# default is 64 MB) is passed over: ~10 KB a page, 50,000 pages at 10,000 articles.
MEMORY_FOLDER = Path("/dev/shm")
MEMORY_NEEDED = 2 << 30  # bytes free


def _memory_folder() -> str | None:
    """/dev/shm when it is there, writable and roomy; else the system's temporary folder (None)."""
    try:
        roomy = shutil.disk_usage(MEMORY_FOLDER).free >= MEMORY_NEEDED
    except OSError:
        return None
    return str(MEMORY_FOLDER) if roomy and os.access(MEMORY_FOLDER, os.W_OK) else None


def _document(page_html: str, body: str) -> str:
    end = page_html.find("</head>")
    head = page_html if end < 0 else page_html[:end]
    language, title = _LANGUAGE.search(head), _TITLE.search(head)
    return (
        f'<!doctype html><html lang="{language.group(1) if language else ""}"><head><meta charset="utf-8">'
        f"<title>{title.group(1) if title else ''}</title></head><body>{body}</body></html>"
    )
