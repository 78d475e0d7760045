"""CPU time of finding every entity's names in every article, as the check does.

    python benchmarks/mentions.py CONTENT_DIR [--repeats N]

Loads the content folder, prepares each article's visible text folded keeping case (as the
check does before it looks for mentions: not timed), then, `--repeats` times in this process:
builds a `MentionFinder` from every entity's names and aliases ("build") and finds the
mentions of every article ("find"). CPU seconds (`time.process_time`: the machine is shared),
each run and the fastest; the first run of a process is "cold" (nothing compiled or cached in
this process). Also prints a digest of every mention found, to compare two versions.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from dossier.load import load
from dossier.mentions import MentionFinder
from dossier.problems import ProblemList
from dossier.text import fold_mapped
from dossier.visible import paragraph_spans, visible_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    dossier = load(args.content, ProblemList()).dossier
    names = {e.id: tuple(e.names) for e in dossier.entities.values()}
    prepared = []
    for article in dossier.articles.values():
        visible = visible_text(article.body, paragraph_spans(article.body))
        prepared.append((visible, fold_mapped(visible.mapped, keep_case=True)))
    forms = sum(len(n) for n in names.values())
    print(f"{len(prepared)} articles, {len(names)} entities, {forms} names and aliases")
    for run in range(args.repeats):
        started = time.process_time()
        finder = MentionFinder(names)
        built = time.process_time()
        digest = hashlib.sha256()
        count = 0
        for visible, folded in prepared:
            for match in finder.find_visible(visible, folded):
                digest.update(f"{match.start},{match.end},{match.entities};".encode())
                count += 1
        done = time.process_time()
        label = "cold" if run == 0 else "again"
        print(
            f"run {run + 1} ({label}): build {built - started:.2f} s, find {done - built:.2f} s,"
            f" total {done - started:.2f} s; {count} mentions, digest {digest.hexdigest()[:16]}"
        )


if __name__ == "__main__":
    main()
