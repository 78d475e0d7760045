"""Where a build's CPU time goes: the build's own process, and its children.

    cd DOSSIER && python /path/to/benchmarks/cpu_split.py SITE_DIR

Runs `mkdocs build -q -d SITE_DIR` in this process, then prints the CPU seconds (user and
system) of this process and of the children it waited for: the prerendering process (its
check, pages and data exports), the check's pool when there is one, and Pagefind. On two cores
a build whose wall time is near half its CPU time is bound by CPU: no order of its steps makes
it much faster, only less work does.
"""

from __future__ import annotations

import resource
import sys
import time


def main() -> None:
    from mkdocs.__main__ import cli

    started = time.perf_counter()
    try:
        cli.main(["build", "-q", "-d", sys.argv[1]], standalone_mode=False)
    finally:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        print(
            f"wall {time.perf_counter() - started:.1f} s; the build's process {own.ru_utime + own.ru_stime:.1f} s CPU, "
            f"its children {children.ru_utime + children.ru_stime:.1f} s CPU"
        )


if __name__ == "__main__":  # the prerendering process is started with `spawn`: it imports this module
    main()
