#!/usr/bin/env python3
"""Build a site with MkDocs and with ProperDocs, and compare every file of the two builds.

ProperDocs 1.6.7 continues MkDocs 1.x as a drop-in (it reads MkDocs' plugins, themes and
`mkdocs.yml`); the dossier plugin and Material must give the same site under both. The two
builds may differ only in the generator's name and version (`<meta name="generator">`);
compressed files (the sitemap) are compared uncompressed, as gzip stores a time.

    python .github/scripts/compare_generators.py [--config mkdocs.yml]
    python .github/scripts/compare_generators.py --sites SITE_A SITE_B   # compare two builds only

Exit status: 0 when the sites are the same, 1 when they differ or a build fails. Used by the
`Generators` workflow (seed site) and by tests/test_generators.py (a small dossier).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

GENERATORS = ("mkdocs", "properdocs")
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')
SHOWN_LINES = 12  # of each file's differences


def build(generator: str, config: Path, site: Path) -> str:
    """Builds the site with `generator` (strict); its error output if it failed, else ""."""
    command = [sys.executable, "-m", generator, "build", "--strict", "-f", str(config), "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(command, capture_output=True, text=True, cwd=config.parent, env=env, check=False)
    return "" if result.returncode == 0 else f"{generator} build failed ({result.returncode}):\n{result.stderr}"


def comparable(path: Path) -> bytes:
    """A built file as compared: uncompressed, without the generator's name."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    if path.suffix == ".html":
        data = GENERATOR_TAG.sub(b'<meta name="generator" content="">', data)
    return data


def _files(site: Path) -> set[str]:
    """The files of a built site but Pagefind's index, whose file names are digests of data
    it orders differently from one run to the next (the pages it indexes are compared)."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.relative_to(site).parts[0] != "pagefind"}


def differences(first: Path, second: Path) -> list[str]:
    """Every difference between two built sites, as lines to print; none if they are the same."""
    names, others = _files(first), _files(second)
    found = [f"only in {first.name}: {name}" for name in sorted(names - others)]
    found += [f"only in {second.name}: {name}" for name in sorted(others - names)]
    for name in sorted(names & others):
        a, b = comparable(first / name), comparable(second / name)
        if a == b:
            continue
        found.append(f"differs: {name}")
        lines = difflib.unified_diff(a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines(), lineterm="", n=0)
        found += [f"    {line[:200]}" for line in list(lines)[2 : 2 + SHOWN_LINES]]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the configuration to build (default: mkdocs.yml)")
    parser.add_argument("--sites", nargs=2, type=Path, metavar="SITE", help="compare these two built sites instead of building")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build into DIR/mkdocs and DIR/properdocs and keep them")
    args = parser.parse_args(argv)
    if args.sites:
        first, second = args.sites
    else:
        root = args.keep or Path(tempfile.mkdtemp(prefix="generators-"))
        first, second = (root / name for name in GENERATORS)
        for generator, site in zip(GENERATORS, (first, second), strict=True):
            failure = build(generator, args.config.resolve(), site)
            if failure:
                print(failure)
                return 1
    found = differences(first, second)
    for line in found:
        print(line)
    pages = sum(1 for _ in first.rglob("*.html"))
    print(f"{first} and {second}: " + (f"{pages} pages, the same apart from the generator's name" if not found else "they differ"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
