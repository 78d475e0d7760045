"""CPU time of `dossier check` in two source trees, run side by side: before and after a change.

    python benchmarks/check_ab.py BEFORE_TREE AFTER_TREE CONTENT_DIR [--rounds N]

On a shared machine one run's time says little: the same check varies by 10-20 % from one
minute to the next. Here both trees check the same content at the same moment, each pinned
to its own core (swapped every round, where the machine has two), in one process each
(`DOSSIER_PARALLEL=0`), so whatever slows the machine slows both. Prints each round's CPU
seconds (user + system, from `wait4`) and the after/before ratio, then their means.
A tree is a checkout or `git archive` of the project (`git archive REV | tar -x -C DIR`).
`--pool`: each check with its process pool (`DOSSIER_PARALLEL=1`), so the two run one after
the other (alternating which goes first), and the wall time is printed too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _start(tree: Path, content: Path, core: int | None, pool: bool = False) -> subprocess.Popen[bytes]:
    parallel = "1" if pool else "0"
    env = dict(os.environ, PYTHONPATH=f"{tree}{os.pathsep}{tree / 'plugins'}", DOSSIER_PARALLEL=parallel, CI="true")
    command = [sys.executable, "-m", "dossier", "check", "--content", str(content)]
    pin = (lambda: os.sched_setaffinity(0, {core})) if core is not None else None
    return subprocess.Popen(command, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=pin)


def _cpu_seconds(process: subprocess.Popen[bytes]) -> float:
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("content", type=Path)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--pool", action="store_true", help="with the process pool, one check after the other")
    args = parser.parse_args()
    if args.pool:
        _one_after_the_other(args)
        return
    cores = sorted(os.sched_getaffinity(0))
    ratios = []
    for round_number in range(args.rounds):
        pair = (cores[round_number % 2], cores[(round_number + 1) % 2]) if len(cores) >= 2 else (None, None)
        before = _start(args.before.resolve(), args.content.resolve(), pair[0])
        after = _start(args.after.resolve(), args.content.resolve(), pair[1])
        seconds = (_cpu_seconds(before), _cpu_seconds(after))
        ratios.append(seconds[1] / seconds[0])
        print(f"round {round_number + 1}: before {seconds[0]:.2f} s, after {seconds[1]:.2f} s, after/before {ratios[-1]:.3f}", flush=True)
    print(f"mean after/before {statistics.mean(ratios):.3f} over {len(ratios)} rounds (median {statistics.median(ratios):.3f})")


def _one_after_the_other(args: argparse.Namespace) -> None:
    ratios, walls = [], []
    for round_number in range(args.rounds):
        seconds: dict[str, tuple[float, float]] = {}
        order = ("before", "after") if round_number % 2 == 0 else ("after", "before")
        for side in order:
            started = time.perf_counter()
            process = _start(getattr(args, side).resolve(), args.content.resolve(), None, pool=True)
            cpu = _cpu_seconds(process)
            seconds[side] = (cpu, time.perf_counter() - started)
        ratios.append(seconds["after"][0] / seconds["before"][0])
        walls.append(seconds["after"][1] / seconds["before"][1])
        shown = ", ".join(f"{side} {seconds[side][0]:.2f} s CPU, {seconds[side][1]:.2f} s wall" for side in ("before", "after"))
        print(f"round {round_number + 1}: {shown}; after/before CPU {ratios[-1]:.3f}, wall {walls[-1]:.3f}", flush=True)
    print(f"mean after/before: CPU {statistics.mean(ratios):.3f}, wall {statistics.mean(walls):.3f} over {len(ratios)} rounds")


if __name__ == "__main__":
    main()
