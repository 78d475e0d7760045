"""CPU time of rendering every generated page of a dossier, by kind of page.

    python benchmarks/render_pages.py CONTENT_DIR [--repeats N] [--flat-urls] [--digest OUT.json]

Checks the content folder once, then renders every page the site plans with `Site.render`
(what the plugin calls for each page), `--repeats` times, each time with a new `Site` and the
renderer's module-level caches emptied, as in a fresh build; prints the fastest run: CPU
seconds (`time.process_time`, not wall time: the machine is shared) and milliseconds a page
for each kind (article, claim, entity, entity timeline, listings and the rest). MkDocs and
the theme are not involved. `--digest` writes a hash of every page's HTML, table of contents
and search view, to compare two versions of the renderer page by page.
"""

from __future__ import annotations

import argparse
import collections
import gc
import hashlib
import json
import sys
import time
from pathlib import Path

from dossier.check import check_content
from dossier.site.site import Site

ENTITY_FOLDERS = ("people", "organizations", "countries", "events")


def page_kind(src_uri: str) -> str:
    folder, _, rest = src_uri.partition("/")
    if rest and "/" not in rest:
        if folder == "claims":
            return "claim"
        if folder == "articles":
            return "article"
        if folder == "timeline":
            return "entity timeline"
        if folder in ENTITY_FOLDERS:
            return "entity"
    return "listing and other"


def _empty_caches() -> None:
    """The renderer's module-level caches (functools.lru_cache), emptied as in a new process."""
    for name, module in list(sys.modules.items()):
        if name.startswith("dossier"):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def _run(site: Site) -> tuple[float, dict[str, float], collections.Counter[str]]:
    seconds: dict[str, float] = collections.defaultdict(float)
    counts: collections.Counter[str] = collections.Counter()
    started = time.process_time()
    for uri in site.pages:
        kind = page_kind(uri)
        before = time.process_time()
        site.render(uri)
        seconds[kind] += time.process_time() - before
        counts[kind] += 1
    return time.process_time() - started, seconds, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--flat-urls", action="store_true", help="use_directory_urls: false")
    parser.add_argument("--digest", type=Path, help="write a hash of each page's output here")
    args = parser.parse_args()
    result = check_content(args.content)
    if result.dossier is None or result.analysis is None:
        sys.exit("the dossier has errors: run `dossier check` on it")
    best = None
    for _ in range(args.repeats):
        _empty_caches()
        site = Site(result.dossier, result.analysis, directory_urls=not args.flat_urls)
        gc.collect()
        run = _run(site)
        if best is None or run[0] < best[0]:
            best = run
    assert best is not None
    total, seconds, counts = best
    pages = sum(counts.values())
    print(f"rendered {pages} pages in {total:.2f} s of CPU ({1000 * total / pages:.3f} ms a page); fastest of {args.repeats}")
    for kind in sorted(counts):
        print(f"  {kind:18s} {counts[kind]:6d} pages {seconds[kind]:7.2f} s {1000 * seconds[kind] / counts[kind]:8.3f} ms a page")
    if args.digest:
        digests = {}
        for uri in site.pages:
            page = site.render(uri)
            digests[uri] = hashlib.blake2b(repr((page.html, page.toc, page.search)).encode(), digest_size=16).hexdigest()
        args.digest.write_text(json.dumps(digests, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
