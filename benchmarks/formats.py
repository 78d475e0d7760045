"""The data exports (dossier.formats) at scale: how long each takes to write and how large it is.

    .venv/bin/python benchmarks/formats.py [--sizes 1000,10000] [--seed 1] [--work DIR]

For each size N it generates a dossier (benchmarks/generate.py, reused if WORK/N exists),
checks it and computes the export once, as the build does, then writes each format in turn
(dossier.db, dossier.ftm.json, annotations.json) and prints a Markdown table: seconds per
format (wall, and CPU in brackets), the files' sizes, and dossier.db against the article
text (target: under 2×); then where dossier.db's bytes go, table by table (SQLite's `dbstat`,
indexes and full-text search tables included). The time the formats add to a whole build is
measured by `timed_build.py` (its "formats" phase), since the build's own time is needed to
compare.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
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
        start, cpu = time.perf_counter(), time.process_time()
        files = data_format.write(source)
        figures[data_format.name] = time.perf_counter() - start
        figures[f"{data_format.name}_cpu"] = time.process_time() - cpu
        figures[f"{data_format.name}_mb"] = len(files[data_format.filename]) / 1e6
        if data_format.name == "sqlite":
            figures |= {f"table:{name}": size for name, size in table_sizes(files[data_format.filename])}
    return figures


def table_sizes(database: bytes) -> list[tuple[str, float]]:
    """(table or index, MB) of a database file, largest first."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(database)
        sql = "select name, sum(pgsize) / 1e6 from dbstat group by name order by 2 desc"
        return [(name, size) for name, size in connection.execute(sql)]
    finally:
        connection.close()


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
    breakdowns = []
    for size in (int(s) for s in args.sizes.split(",")):
        project = work / str(size)
        if not (project / "content").is_dir():
            generate.generate(size, project, args.seed)
        f = measure(project / "content")
        total = f["sqlite"] + f["ftm"] + f["annotations"]
        seconds = {name: f"{f[name]:.1f} s ({f[name + '_cpu']:.1f} s)" for name in ("sqlite", "ftm", "annotations")}
        print(
            f"| {size:,} | {f['check']:.1f} s | {f['export']:.1f} s | {seconds['sqlite']} | {seconds['ftm']} | {seconds['annotations']} "
            f"| {total:.1f} s | {f['text_mb']:.1f} MB | {f['sqlite_mb']:.1f} MB | {f['sqlite_mb'] / f['text_mb']:.3f} "
            f"| {f['ftm_mb']:.1f} MB | {f['annotations_mb']:.1f} MB |",
            flush=True,
        )
        tables = ", ".join(f"{key.removeprefix('table:')} {value:.2f}" for key, value in f.items() if key.startswith("table:"))
        breakdowns.append(f"- {size:,} articles, dossier.db by table and index (MB): {tables}")
    print("\n" + "\n".join(breakdowns))


if __name__ == "__main__":
    main()
