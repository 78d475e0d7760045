"""CPU time of the shared-wire-copy pass (contract v3) over a whole dossier.

    python benchmarks/wire_copy.py CONTENT_DIR [--repeats N]

Loads the content folder and folds every article's visible text as the check does (not
timed), then, `--repeats` times: the fingerprints of every article ("hash", done in the check's
article stage, in the pool's workers on large dossiers), the pairs of articles sharing a
fingerprint ("pair") and the warnings, each candidate verified word by word ("verify").
CPU seconds (`time.process_time`), each run and the fastest.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dossier import wirecopy
from dossier.load import load
from dossier.origin_checks import origin_resolver
from dossier.problems import ProblemList
from dossier.text import fold_mapped
from dossier.visible import paragraph_spans, visible_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    dossier = load(args.content, ProblemList()).dossier
    folded = []
    for article in dossier.articles.values():
        visible = visible_text(article.body, paragraph_spans(article.body))
        folded.append(fold_mapped(visible.mapped, keep_case=True).text.casefold())
    resolver = origin_resolver(dossier)
    words = sum(len(wirecopy.words(text)) for text in folded)
    print(f"{len(folded)} articles, {words:,} words")
    best: dict[str, float] = {}
    for run in range(args.repeats):
        started = time.process_time()
        prints = dict(zip(dossier.articles, wirecopy.fingerprints(folded), strict=True))
        hashed = time.process_time()
        pairs = wirecopy.sharing_pairs(dossier, prints)
        paired = time.process_time()
        problems = ProblemList()
        wirecopy.check_shared_copy(dossier, prints, resolver, problems)
        verified = time.process_time()
        figures = {"hash": hashed - started, "pair": paired - hashed, "verify": verified - paired - (paired - hashed)}
        figures["total"] = sum(figures.values())
        for name, seconds in figures.items():
            best[name] = min(best.get(name, seconds), seconds)
        kept = sum(len(value) // 8 for value in prints.values())
        shown = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in figures.items())
        print(f"run {run + 1}: {shown} ({kept:,} fingerprints, {len(pairs)} pairs sharing one, {len(problems.items())} warnings)")
    print("fastest: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in best.items()))


if __name__ == "__main__":
    main()
