"""`dossier check` with the process pool and without, back to back, at several sizes.

    .venv/bin/python benchmarks/check_pool.py [--sizes 200,500,1000,10000] [--repeat 2] [--work DIR]

For each size it generates a dossier (benchmarks/generate.py) once, then runs `dossier check`
as a child process with `DOSSIER_PARALLEL=0` (serial) and `=1` (the pool), alternating,
`--repeat` times each. Wall and CPU time (the check and its workers, from `wait4`) and the
load average before each run are printed; the pool pays back where its wall time is lower.
On a machine shared with other work, wall time only shows the pool's gain when cores are
free: compare the two in the same run, and look at CPU time for what the pool costs.
The mention pattern's cache is warmed by one check first, as every later check finds it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

BIN = Path(sys.executable).parent


def check(project: Path, parallel: str) -> tuple[float, float, float]:
    """(wall, CPU, load average) of one `dossier check`."""
    env = {**os.environ, "DOSSIER_PARALLEL": parallel}
    load = os.getloadavg()[0]
    start = time.perf_counter()
    child = subprocess.Popen(
        [str(BIN / "dossier"), "check", "--content", "content"], cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"dossier check failed in {project}")
    return wall, usage.ru_utime + usage.ru_stime, load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="200,500,1000,10000")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="check-pool-"))
    print("| articles | serial: wall | CPU | pool: wall | CPU | wall, pool ÷ serial | load average |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        project = work / f"n{size}"
        if not (project / "content").is_dir():
            generate.generate(size, project, args.seed)
        check(project, "0")  # warms the pattern cache and the file cache
        runs: dict[str, list[tuple[float, float, float]]] = {"0": [], "1": []}
        for _ in range(args.repeat):
            for mode in ("0", "1"):
                runs[mode].append(check(project, mode))
        serial, pool = ([statistics.median(values) for values in zip(*runs[mode], strict=True)] for mode in ("0", "1"))
        loads = [load for mode in runs.values() for *_, load in mode]
        print(
            f"| {size:,} | {serial[0]:.1f} s | {serial[1]:.1f} s | {pool[0]:.1f} s | {pool[1]:.1f} s | "
            f"{pool[0] / serial[0]:.2f} | {min(loads):.1f}–{max(loads):.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
