"""The data exports (dossier.formats) at scale: how long each takes to write and how large it is.

    .venv/bin/python benchmarks/formats.py [--sizes 1000,10000] [--seed 1] [--work DIR]

For each size N it generates a dossier (benchmarks/generate.py, reused if WORK/N exists),
checks it and computes the export once, as the build does, then writes each format in turn
(dossier.db, dossier.ftm.json, annotations.json) and prints a Markdown table: seconds per
format, the files' sizes, and dossier.db against the article text (target: under 2×). The
time the formats add to a whole build is measured by `timed_build.py` (its "formats"
phase), since the build's own time is needed to compare.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

from dossier.check import check_content  # noqa: E402
from dossier.export import export  # noqa: E402
from dossier.formats import FORMATS, export_input  # noqa: E402


def import_seconds() -> float:
    """Importing the formats' libraries, once per process (followthemoney takes seconds)."""
    start = time.perf_counter()
    for data_format in FORMATS.values():
        importlib.import_module(f"dossier.formats.{data_format.module}")
    return time.perf_counter() - start


def measure(content: Path) -> dict[str, float]:
    start = time.perf_counter()
    result = check_content(content)
    assert result.ok and result.dossier is not None and result.analysis is not None, "the generated dossier has errors"
    figures = {"check": time.perf_counter() - start}
    start = time.perf_counter()
    data = export(result.dossier, result.analysis)
    figures["export"] = time.perf_counter() - start
    source = export_input(result.dossier, data)
    figures["text_mb"] = sum(len(body.encode()) for body in source.bodies.values()) / 1e6
    for data_format in FORMATS.values():
        start = time.perf_counter()
        files = data_format.write(source)
        figures[data_format.name] = time.perf_counter() - start
        figures[f"{data_format.name}_mb"] = len(files[data_format.filename]) / 1e6
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="dossier-formats-"))
    print(f"importing the formats' libraries (once per build): {import_seconds():.1f} s\n")
    print(
        "| articles | check | export | dossier.db | dossier.ftm.json | annotations.json | all three | article text | dossier.db | × text | ftm | annotations |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        project = work / str(size)
        if not (project / "content").is_dir():
            generate.generate(size, project, args.seed)
        f = measure(project / "content")
        total = f["sqlite"] + f["ftm"] + f["annotations"]
        print(
            f"| {size:,} | {f['check']:.1f} s | {f['export']:.1f} s | {f['sqlite']:.1f} s | {f['ftm']:.1f} s | {f['annotations']:.1f} s "
            f"| {total:.1f} s | {f['text_mb']:.1f} MB | {f['sqlite_mb']:.1f} MB | {f['sqlite_mb'] / f['text_mb']:.2f} "
            f"| {f['ftm_mb']:.1f} MB | {f['annotations_mb']:.1f} MB |",
            flush=True,
        )


if __name__ == "__main__":
    main()
