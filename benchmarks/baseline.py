"""The baseline: a plain MkDocs + Material site of P static pages, deterministic.

    python benchmarks/baseline.py PAGES OUT_DIR [--bytes B] [--unpruned] [--seed S]

writes OUT_DIR/mkdocs.yml (Material, the search plugin, and the `navigation.prune`
feature unless --unpruned) and OUT_DIR/docs/ with PAGES Markdown pages whose text is
about B bytes (headings, paragraphs, a list and a table, like a dossier page).

Pages sit in a tree of folders at most about PAGES^(1/3) wide at each level, as a large
hand-written site would be: with `navigation.prune`, a page's HTML then carries only its
own branch of the navigation. (All pages in one folder would make every pruned page list
all of its siblings, and the build quadratic again.) Without pruning, every page carries
the whole navigation, which is what makes such builds quadratic.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
from pathlib import Path

WORDS = (
    "the new old recent wider local regional slow quiet long brief public private formal talks meeting "
    "ministry delegation statement report agreement budget schedule committee proposal document office "
    "region market border harbour railway court hearing decision process programme network season "
    "delayed reviewed discussed confirmed questioned postponed described welcomed rejected after before "
    "during despite without beyond within against across about and a of to in"
).split()


def config(pruned: bool, pages: int) -> str:
    features = "\n  features: [navigation.prune]" if pruned else ""
    return (
        f"site_name: Baseline ({pages} pages{', pruned' if pruned else ''})\n"
        f"docs_dir: docs\ntheme:\n  name: material{features}\nplugins: [search]\n"
    )


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 20))]
    return " ".join(words).capitalize() + "."


def page_text(number: int, size: int, rng: random.Random) -> str:
    """A page of about `size` bytes of Markdown: title, sections, paragraphs, a list, a table."""
    parts = [f"# Page {number}: {_sentence(rng)[:-1]}\n"]
    length = len(parts[0])
    section = 0
    while length < size:
        section += 1
        block = [f"## Section {section}\n"]
        block.append(" ".join(_sentence(rng) for _ in range(rng.randint(3, 6))) + "\n")
        if section % 3 == 1:
            block.append("\n".join(f"- {_sentence(rng)}" for _ in range(3)) + "\n")
        if section % 3 == 2:
            block.append(
                "| Name | Value | Note |\n|---|---|---|\n"
                + "\n".join(f"| {rng.choice(WORDS)} | {rng.randint(1, 999)} | {_sentence(rng)} |" for _ in range(3))
                + "\n"
            )
        text = "\n".join(block) + "\n"
        parts.append(text)
        length += len(text)
    return "\n".join(parts)


def generate(pages: int, out: Path, *, size: int = 3000, pruned: bool = True, seed: int = 1) -> None:
    rng = random.Random(seed)
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    (out / "mkdocs.yml").write_text(config(pruned, pages), "utf-8")
    (docs / "index.md").write_text("# Baseline\n\nA synthetic site of static pages.\n", "utf-8")
    width = max(2, math.ceil((pages - 1) ** (1 / 3)))
    for number in range(1, pages):  # index.md is page 0
        n = number - 1
        folder = docs / f"s{n // (width * width):02d}" / f"g{(n // width) % width:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"p{n % width:02d}.md").write_text(page_text(number, size, rng), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--bytes", type=int, default=3000, help="Markdown bytes per page (default 3000)")
    parser.add_argument("--unpruned", action="store_true", help="leave out navigation.prune")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.pages, args.out, size=args.bytes, pruned=not args.unpruned, seed=args.seed)
    print(f"wrote {args.out}: {args.pages} pages")


if __name__ == "__main__":
    main()
