"""The scale benchmark: dossiers of 100 to 10,000 articles against plain MkDocs + Material.

    .venv/bin/python benchmarks/run.py [--sizes 100,1000,3000,10000] [--seed 1] [--work DIR]

For each size N it generates a dossier (benchmarks/generate.py), then measures in child
processes, one at a time: `dossier check`; `mkdocs build` with the plugin (wall and CPU
time, peak memory, the time spent in each plugin's event handlers); the built site's page
count, median and largest page, search index and dossier.json. At the same page count it
builds the baseline (benchmarks/baseline.py): plain MkDocs + Material with
`navigation.prune`, static pages of similar size, and up to --unpruned-max-pages pages the
same without pruning. It prints a Markdown table, the fitted growth exponents and each
target of the issue with its verdict, and writes everything to WORK/results.json.

The 10,000-article runs take several minutes each; the whole run, about half an hour on
2 cores.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import baseline  # noqa: E402
import generate  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent


@dataclass
class Run:
    """One child process: wall and CPU seconds, peak resident memory."""

    wall: float
    cpu: float  # the process and the children it waited for (the check's pool workers)
    peak_mb: float  # of the largest single process
    returncode: int
    load: float = 0.0  # the load average (1 minute) when it started: the machine may be shared
    total_mb: float = 0.0  # the largest sum over the process and its descendants, sampled every 0.1 s

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def memory_mb(self) -> float:
        """What the build needs: all its processes together (sampled), at least its largest one."""
        return max(self.peak_mb, self.total_mb)


def run(args: list[str], cwd: Path, log: Path, **extra_env: str) -> Run:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0", **extra_env}
    load = os.getloadavg()[0]
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        child = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        sampler = TreeMemory(child.pid)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode, load, sampler.peak_mb)


class TreeMemory(threading.Thread):
    """The peak of the resident memory of a process and all its descendants together (from /proc)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self.stop = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.1):
            self.peak_mb = max(self.peak_mb, sum(_rss_mb(pid) for pid in _tree(self.pid)))


def _tree(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parents[int(entry)] = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, grown = {root}, True
    while grown:
        added = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= added
        grown = bool(added)
    return tree


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class SiteFacts:
    pages: int
    median_kb: float
    largest_kb: float
    largest: str
    median_content_kb: float
    search_mb: float
    export_mb: float


_CONTENT = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


def site_facts(site: Path) -> SiteFacts:
    sizes = []
    contents = []
    for path in site.rglob("*.html"):
        if path.name == "404.html" and path.parent == site:
            continue
        data = path.read_bytes()
        sizes.append((len(data), path))
        match = _CONTENT.search(data.decode("utf-8"))
        contents.append(len(match.group(1).encode()) if match else 0)
    sizes.sort()
    search = site / "search" / "search_index.json"
    export = site / "dossier.json"
    return SiteFacts(
        pages=len(sizes),
        median_kb=statistics.median(s for s, _ in sizes) / 1024,
        largest_kb=sizes[-1][0] / 1024,
        largest=str(sizes[-1][1].relative_to(site)),
        median_content_kb=statistics.median(contents) / 1024,
        search_mb=search.stat().st_size / 1e6 if search.exists() else 0.0,
        export_mb=export.stat().st_size / 1e6 if export.exists() else 0.0,
    )


def findable(site: Path) -> tuple[bool, str]:
    """Every entity is found by every alias, and every article by its title, in the search index."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    export = json.loads((site / "dossier.json").read_text("utf-8"))
    folders = {"person": "people", "country": "countries", "organization": "organizations", "event": "events"}
    by_location: dict[str, str] = {}
    for doc in index["docs"]:
        by_location[doc["location"]] = by_location.get(doc["location"], "") + " " + html.unescape(doc["title"] + " " + doc["text"])
    missing = []
    for entity in export["entities"]:
        text = by_location.get(f"{folders[entity['kind']]}/{entity['id']}/", "")
        missing += [f"{entity['id']}: {name}" for name in [entity["name"], *entity["aliases"]] if name not in text]
    for article in export["articles"]:
        if article["title"] not in by_location.get(f"articles/{article['id']}/", ""):
            missing.append(f"article {article['id']}")
    return not missing, f"{len(missing)} missing, e.g. {missing[:3]}" if missing else "all found"


@dataclass
class Result:
    articles: int
    entities: int = 0
    claims: int = 0
    check: Run | None = None  # the pool used or not by size, as `dossier check` decides
    check_serial: Run | None = None  # DOSSIER_PARALLEL=0, right after
    check_pool: Run | None = None  # DOSSIER_PARALLEL=1, right after
    build: Run | None = None
    site: SiteFacts | None = None
    timings: dict = field(default_factory=dict)
    findable: str = ""
    pruned: Run | None = None
    pruned_site: SiteFacts | None = None
    unpruned: Run | None = None
    unpruned_site: SiteFacts | None = None

    @property
    def plugin_seconds(self) -> float:
        return sum(self.timings.get("plugins", {}).get("dossier", {}).values())

    @property
    def csp_seconds(self) -> float:
        hooks = self.timings.get("plugins", {}).get("dossier", {})
        return hooks.get("post_page", 0.0) + hooks.get("post_template", 0.0)


def bench_size(n: int, work: Path, seed: int, unpruned_max: int, say) -> Result:  # type: ignore[no-untyped-def]
    folder = work / f"n{n}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    say(f"[{n}] generating")
    counts = generate.generate(n, folder / "dossier", seed)
    result = Result(n, counts["entities"], counts["claims"])
    project = folder / "dossier"

    say(f"[{n}] dossier check")
    result.check = run([str(BIN / "dossier"), "check", "--content", "content"], project, folder / "check.log")
    say(f"[{n}]   {result.check.wall:.1f} s")
    # The same check without and with the pool, back to back, in the same conditions.
    check = [str(BIN / "dossier"), "check", "--content", "content"]
    result.check_serial = run(check, project, folder / "check-serial.log", DOSSIER_PARALLEL="0")
    result.check_pool = run(check, project, folder / "check-pool.log", DOSSIER_PARALLEL="1")
    say(f"[{n}]   serial {result.check_serial.wall:.1f} s, pool {result.check_pool.wall:.1f} s")

    say(f"[{n}] mkdocs build with the plugin")
    timings = folder / "timings.json"
    result.build = run(
        [PYTHON, str(HERE / "timed_build.py"), str(timings), "-q", "-f", "mkdocs.yml", "-d", str(folder / "site")],
        project,
        folder / "build.log",
    )
    if not result.build.ok:
        raise SystemExit(f"the build failed: see {folder / 'build.log'}")
    result.timings = json.loads(timings.read_text())
    result.site = site_facts(folder / "site")
    ok, detail = findable(folder / "site")
    result.findable = ("yes: " if ok else "NO: ") + detail
    say(f"[{n}]   {result.build.wall:.1f} s, {result.site.pages} pages")

    # The baseline: as many pages, of about the same content size as the dossier's median page.
    pages = result.site.pages
    size = max(500, int(result.site.median_content_kb * 1024 * 0.8))  # Markdown grows ~25% as HTML
    for pruned in (True, False):
        if not pruned and pages > unpruned_max:
            continue
        name = "pruned" if pruned else "unpruned"
        say(f"[{n}] baseline, {name}: {pages} pages")
        base = folder / f"baseline-{name}"
        baseline.generate(pages, base, size=size, pruned=pruned, seed=seed)
        measured = run([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(base / "site")], base, folder / f"{name}.log")
        facts = site_facts(base / "site")
        setattr(result, name, measured)
        setattr(result, f"{name}_site", facts)
        say(f"[{n}]   {measured.wall:.1f} s")
        shutil.rmtree(base / "docs")
        shutil.rmtree(base / "site")
    return result


def exponent(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) against log(x)."""
    points = [(x, y) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return None
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=False)) / sum((x - mx) ** 2 for x in xs)


def report(results: list[Result]) -> str:
    lines = [
        "| articles | entities | claims | `dossier check` | build (CPU) | pages | pages/s | peak memory (all processes) | median page | largest page | search index | plugin's share | pruned baseline | pages/s | rate vs pruned | median page | unpruned baseline |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        s, b = r.site, r.build
        rate = s.pages / b.wall
        pruned_rate = r.pruned_site.pages / r.pruned.wall if r.pruned else 0
        unpruned = f"{r.unpruned.wall:.1f} s ({r.unpruned_site.median_kb:.0f} KB)" if r.unpruned else "—"
        lines.append(
            f"| {r.articles:,} | {r.entities:,} | {r.claims:,} | {r.check.wall:.1f} s | {b.wall:.1f} s ({b.cpu:.0f} s) | {s.pages:,} "
            f"| {rate:.0f} | {b.peak_mb:,.0f} MB ({b.total_mb:,.0f} MB) | {s.median_kb:.1f} KB | {s.largest_kb:.0f} KB | {s.search_mb:.2f} MB "
            f"| {100 * r.plugin_seconds / b.wall:.0f}% | {r.pruned.wall:.1f} s ({r.pruned.cpu:.0f} s) | {pruned_rate:.0f} "
            f"| {rate / pruned_rate:.2f}× | {r.pruned_site.median_kb:.1f} KB | {unpruned} |"
        )
    return "\n".join(lines)


def _timed(r: Run | None) -> str:
    return f"{r.wall:.1f} s ({r.cpu:.1f} s)" if r is not None else "—"


def speed(results: list[Result]) -> str:
    """Issue 16: the check with and without the pool, its share of the build, the page rate against the pruned baseline."""
    lines = [
        "| articles | `dossier check` wall (CPU) | no pool | pool | build wall (CPU) | check's share | pages/s | pruned baseline pages/s | rate vs pruned | by CPU time | load average (check, build, baseline) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rate = r.site.pages / r.build.wall
        pruned_rate = r.pruned_site.pages / r.pruned.wall if r.pruned and r.pruned_site else 0
        # Pages per CPU second: less skewed than wall time when other work shares the machine.
        cpu_ratio = (r.site.pages / r.build.cpu) / (r.pruned_site.pages / r.pruned.cpu) if r.pruned and r.pruned_site else 0
        loads = ", ".join(f"{run.load:.1f}" for run in (r.check, r.build, r.pruned) if run is not None)
        lines.append(
            f"| {r.articles:,} | {_timed(r.check)} | {_timed(r.check_serial)} | {_timed(r.check_pool)} | {_timed(r.build)} "
            f"| {100 * r.check.wall / r.build.wall:.1f}% | {rate:.0f} | {pruned_rate:.0f} | {rate / pruned_rate if pruned_rate else 0:.2f}× "
            f"| {cpu_ratio:.2f}× | {loads} |"
        )
    return "\n".join(lines)


def phases(results: list[Result]) -> str:
    lines = [
        "| articles | check (load, validate, derive) | plan | export | render | other plugin work | Content-Security-Policy | plugin total | search plugin | waiting for the second process | rest of MkDocs + Material |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        p = r.timings.get("dossier", {})
        hooks = r.timings.get("plugins", {})
        total = r.plugin_seconds
        csp = sum(v for k, v in hooks.get("dossier", {}).items() if k in ("post_page", "post_template"))
        known = sum(p.get(k, 0) for k in ("check", "plan", "export", "render")) + csp
        search = sum(sum(events.values()) for name, events in hooks.items() if name.endswith("search"))
        lines.append(
            f"| {r.articles:,} | {p.get('check', 0):.1f} s | {p.get('plan', 0):.1f} s | {p.get('export', 0):.1f} s | "
            f"{p.get('render', 0):.1f} s | {total - known:.1f} s | {csp:.1f} s | {total:.1f} s ({100 * total / r.build.wall:.0f}%) | "
            f"{search:.1f} s | {p.get('waiting', 0):.1f} s | {r.build.wall - total - search - p.get('waiting', 0):.1f} s |"
        )
    return "\n".join(lines)


def targets(results: list[Result]) -> str:
    big = [r for r in results if r.articles >= 1000]
    exp = exponent([(r.articles, r.build.wall) for r in big])
    exp_cpu = exponent([(r.articles, r.build.cpu) for r in big])
    exp_base = exponent([(r.articles, r.pruned.wall) for r in big if r.pruned])
    largest = max(results, key=lambda r: r.articles)
    checks = [
        (
            "Build time grows linearly: exponent ≤ 1.1 (1,000 to 10,000 articles)",
            exp is not None and exp <= 1.1,
            f"exponent {exp:.2f} wall, {exp_cpu:.2f} CPU; pruned baseline {exp_base:.2f}" if exp is not None else "needs two sizes ≥ 1,000",
        ),
        (
            "Page rate ≥ 0.8× the pruned baseline's at every size",
            all((r.site.pages / r.build.wall) >= 0.8 * (r.pruned_site.pages / r.pruned.wall) for r in results),
            ", ".join(f"{r.articles:,}: {(r.site.pages / r.build.wall) / (r.pruned_site.pages / r.pruned.wall):.2f}×" for r in results),
        ),
        (
            "Median page ≤ 60 KB at every size; largest page bounded",
            all(r.site.median_kb <= 60 for r in results),
            ", ".join(f"{r.articles:,}: {r.site.median_kb:.1f} KB (largest {r.site.largest_kb:.0f} KB, {r.site.largest})" for r in results),
        ),
        (f"{largest.articles:,} articles build in under 10 minutes", largest.build.wall < 600, f"{largest.build.wall:.0f} s"),
        (
            "Peak memory under 4 GB",
            all(r.build.memory_mb < 4096 for r in results),
            ", ".join(f"{r.articles:,}: {r.build.memory_mb:,.0f} MB" for r in results),
        ),
        (
            f"`dossier check` on {largest.articles:,} articles under 10 s",
            largest.check.wall < 10,
            ", ".join(f"{r.articles:,}: {r.check.wall:.1f} s = {100 * r.check.wall / r.build.wall:.1f}% of the build" for r in results),
        ),
        (
            "`dossier check` at most 6% of the build at 1,000 articles and more",
            all(r.check.wall <= 0.06 * r.build.wall for r in big),
            ", ".join(f"{r.articles:,}: {100 * r.check.wall / r.build.wall:.1f}%" for r in big),
        ),
        (
            "Page rate ≥ 3× the pruned baseline's at 1,000 articles",
            all((r.site.pages / r.build.wall) >= 3 * (r.pruned_site.pages / r.pruned.wall) for r in results if r.articles == 1000),
            ", ".join(f"{r.articles:,}: {(r.site.pages / r.build.wall) / (r.pruned_site.pages / r.pruned.wall):.2f}×" for r in results),
        ),
        (
            f"{largest.articles:,} articles build in under 110 s with peak memory under 2 GB",
            largest.build.wall < 110 and largest.build.memory_mb < 2048,
            f"{largest.build.wall:.0f} s, {largest.build.memory_mb:,.0f} MB (all processes)",
        ),
        (
            "The plugin's own share of build time ≤ 15%",
            all(r.plugin_seconds <= 0.15 * r.build.wall for r in results),
            ", ".join(
                f"{r.articles:,}: {100 * r.plugin_seconds / r.build.wall:.0f}% "
                f"({100 * (r.plugin_seconds - r.csp_seconds) / r.build.wall:.0f}% without the Content-Security-Policy)"
                for r in results
            ),
        ),
        (
            f"search_index.json ≤ 25 MB at {largest.articles:,} articles; every alias and title findable",
            largest.site.search_mb <= 25 and all(r.findable.startswith("yes") for r in results),
            ", ".join(f"{r.articles:,}: {r.site.search_mb:.1f} MB, {r.findable}" for r in results),
        ),
    ]
    return "\n".join(f"- [{'x' if ok else ' '}] {name}: {detail}" for name, ok, detail in checks)


def machine() -> str:
    import importlib.metadata as md

    memory = ""
    try:
        with open("/proc/meminfo") as meminfo:
            kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB memory"
    except (OSError, StopIteration):
        pass
    return (
        f"{platform.machine()}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, MkDocs {md.version('mkdocs')}, Material {md.version('mkdocs-material')}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,3000,10000", help="article counts, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="working folder (default: a new temporary one, removed after)")
    parser.add_argument("--unpruned-max-pages", type=int, default=3000, help="build the unpruned baseline up to this many pages")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    results = []
    for n in sizes:
        results.append(bench_size(n, work, args.seed, args.unpruned_max_pages, say))
        (work / "results.json").write_text(json.dumps([asdict(r) for r in results], indent=1, default=str))
    text = "\n\n".join([f"Machine: {machine()}", report(results), speed(results), phases(results), targets(results)])
    print(text)
    (work / "report.md").write_text(text + "\n", "utf-8")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    else:
        say(f"results in {work}: report.md, results.json, and each size's sites and logs")


if __name__ == "__main__":
    main()
