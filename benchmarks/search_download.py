"""What a reader's first full-text search downloads, at a given dossier size (issue 25).

    python benchmarks/search_download.py --sizes 1000,10000 [--work DIR]
    python benchmarks/search_download.py --site SITE_DIR [--site SITE_DIR ...]

For each size it generates a dossier (generate.py), builds it with `mkdocs build` (the
plugin makes the Pagefind index), then opens the site's search page in Chromium, searches
once, waits for the results, and adds up every file the browser fetched from `pagefind/`
(the client, its WebAssembly, the index chunks and the result fragments): what a first query
costs a reader on a cold cache. The files are counted as fetched, before any compression by
the server (Pagefind's index files are gzipped already; its JavaScript and WebAssembly are
not). Three queries: a common name, a rare word, a phrase of an article. It prints the
figures; nothing is asserted.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import subprocess
import sys
import threading
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium")
BUNDLE = "/pagefind/"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def build(size: int, work: Path) -> Path:
    project, site = work / f"dossier-{size}", work / f"site-{size}"
    if not (project / "mkdocs.yml").is_file():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(size), str(project)], check=True, capture_output=True)
    if not (site / "pagefind" / "pagefind.js").is_file():
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, check=True, env=env)
    return site


def _article_text(page: Path) -> str:
    html = page.read_text("utf-8")
    return html.split('class="dossier-article-text"', 1)[-1].split('id="claims"', 1)[0]


def queries(site: Path) -> dict[str, str]:
    """A common name (the most mentioned entity's), a word few pages have, and a phrase of an article."""
    export = json.loads((site / "dossier.json").read_text("utf-8"))
    entities = sorted(export["entities"], key=lambda e: (-len(e.get("mentioned_in") or []), e["id"]))
    common = entities[0]["name"]
    article = next(iter(sorted((site / "articles").glob("*/index.html"))))
    words = re.findall(r"[A-Za-z]{4,}", re.sub(r"<[^>]+>", " ", _article_text(article)))
    rare = min(set(words[:400]), key=lambda w: (words.count(w), w)) if words else "zzz"
    phrase = " ".join(words[20:25]) if len(words) > 25 else common
    return {"common name": common.split()[-1], "rare word": rare, "phrase": phrase}


def first_search(site: Path, query: str) -> tuple[int, int, dict[str, int], int]:
    """(bytes, files, bytes by kind of file, results) fetched from pagefind/ by one query on a fresh page."""
    from playwright.sync_api import sync_playwright

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    fetched: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_context().new_page()

            def on_response(response: Any) -> None:
                if BUNDLE in response.url and response.ok:
                    fetched[response.url] = len(response.body())

            page.on("response", on_response)
            page.goto(base + "search/")
            page.locator("#dossier-fulltext-query").fill(query)
            status = page.locator(".dossier-fulltext-status")
            for _ in range(600):
                if "found" in status.inner_text() or "could not" in status.inner_text():
                    break
                page.wait_for_timeout(100)
            page.wait_for_timeout(500)  # the last result fragments
            results = page.locator(".dossier-fulltext-results > li").count()
            browser.close()
    finally:
        httpd.shutdown()
    kinds: Counter[str] = Counter()
    for url, size in fetched.items():
        name = url.rsplit("/", 1)[-1]
        kind = name.rsplit(".", 1)[-1] if "." in name else name
        kinds["index" if "/index/" in url else "fragment" if "/fragment/" in url else "filter" if "/filter/" in url else kind] += size
    return sum(fetched.values()), len(fetched), dict(kinds), results


def on_disk(site: Path) -> tuple[int, int]:
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def report(label: str, site: Path) -> None:
    size, count = on_disk(site)
    print(f"\n{label}: the index on disk: {size / 1e6:.1f} MB in {count:,} files")
    print("| query | what | downloaded | files | of which: client (js+wasm) | index | fragments | results |")
    print("|---|---|---|---|---|---|---|---|")
    for what, query in queries(site).items():
        total, files, kinds, results = first_search(site, query)
        client = kinds.get("js", 0) + kinds.get("pagefind", 0) + kinds.get("json", 0) + kinds.get("pf_meta", 0)
        print(
            f"| {query} | {what} | {total / 1024:.0f} KB | {files} | {client / 1024:.0f} KB | "
            f"{kinds.get('index', 0) / 1024:.0f} KB | {kinds.get('fragment', 0) / 1024:.0f} KB | {results} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/search-download"))
    parser.add_argument("--site", type=Path, action="append", help="a site built already (skips generating and building)")
    args = parser.parse_args()
    if args.site:
        for site in args.site:
            report(str(site), site)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    for size in (int(s) for s in args.sizes.split(",")):
        report(f"{size:,} articles", build(size, args.work))


if __name__ == "__main__":
    main()
