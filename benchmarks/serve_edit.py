"""How long an edit takes to show in the preview (`mkdocs serve`), per kind of edit.

    python benchmarks/serve_edit.py [--articles 1000] [--seed 1] [--work DIR] [--full] [--kinds claim,entity,article,quote] [--repeat N]

Generates a dossier (generate.py), starts `mkdocs serve` on it, waits for the first build,
then, one kind at a time, edits the content the way an analyst would and polls the page that
shows the edit over HTTP until it does:
- claim: a claim's statement in the YAML (its page);
- entity: an entity's name (its page);
- article: a new paragraph at the end of an article's text (the article's page);
- quote: an article edited so that a claim's quote is no longer in it (the error page), then
  restored (the claim's page again);
- again (not in the default): a claim's statement edited, then edited again the moment the
  first edit shows (or `--again-after S` seconds later), while the first build's data
  exports are being written; the second edit is timed.
Prints the seconds from the save to the page showing the change, and the CPU seconds the
server used meanwhile (from /proc; the machine may be shared). `--full` turns the incremental
preview off (`incremental_preview: false`), for the figures before it. `--repeat N` makes each
edit N times on the same server (each time a new marker), then prints each kind's minimum,
median and maximum.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
TICKS = os.sysconf("SC_CLK_TCK")
GIVE_UP_AFTER = 900.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=GIVE_UP_AFTER) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def served(url: str) -> bool:
    """Whether the URL answers with a JSON document (only its first bytes are read: exports are large)."""
    try:
        with urllib.request.urlopen(url, timeout=GIVE_UP_AFTER) as response:
            return bool(response.read(1) == b"{")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def wait_until(url: str, shows: Callable[[str], bool]) -> float:
    start = time.monotonic()
    while time.monotonic() - start < GIVE_UP_AFTER:
        if shows(get(url)):
            return time.monotonic() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} never showed the edit")


def first_match(pattern: str, text: str, start: int = 0) -> re.Match[str]:
    found = re.compile(pattern, re.MULTILINE).search(text, start)
    if found is None:
        raise SystemExit(f"the generated dossier has no {pattern!r}")
    return found


class Bench:
    def __init__(self, folder: Path, base: str, pid: int) -> None:
        self.content, self.base, self.pid = folder / "content", base, pid
        self.figures: dict[str, list[tuple[float, float]]] = {}  # kind -> (until shown, server CPU) per run
        single = self.content / "claims.yaml"
        files = [single] if single.exists() else sorted((self.content / "claims").glob("*.yaml"))
        # Over 8 MB of YAML the generator writes a claims folder: the entities in one file, the claims in others.
        self.yaml = self._file_with("claims", files)
        self.entities_yaml = self._file_with("people", files)

    @staticmethod
    def _file_with(key: str, files: list[Path]) -> Path:
        for path in files:
            if re.search(rf"^{key}:", path.read_text("utf-8"), re.MULTILINE):
                return path
        raise SystemExit(f"no claims file has a '{key}:' list")

    def timed(self, kind: str, edit: Callable[[], None], url: str, shows: Callable[[str], bool], *, settled: bool = True) -> None:
        # The data exports are written just after the pages (incremental.DeferredExports): an
        # analyst reading the page saves the next edit later than that.
        if settled:  # annotations.json is written last (without git history, no feed)
            start = time.monotonic()
            while not served(self.base + "/annotations.json") and time.monotonic() - start < GIVE_UP_AFTER:
                time.sleep(0.05)
        cpu = cpu_seconds(self.pid)
        edit()
        seconds = wait_until(self.base + url, shows)
        used = cpu_seconds(self.pid) - cpu
        self.figures.setdefault(kind, []).append((seconds, used))
        print(f"| {kind} | {seconds:.1f} s | {used:.1f} s |", flush=True)

    def summary(self) -> None:
        """Each kind's minimum, median and maximum over its runs."""
        print("\n| edit | runs | until shown: min / median / max | server CPU: min / median / max |\n|---|---:|---:|---:|")
        for kind, runs in self.figures.items():
            shown, used = ([run[i] for run in runs] for i in (0, 1))
            spread = [f"{min(v):.1f} / {statistics.median(v):.1f} / {max(v):.1f} s" for v in (shown, used)]
            print(f"| {kind} | {len(runs)} | {spread[0]} | {spread[1]} |")

    def claim(self, marker: str, kind: str = "claim statement", *, settled: bool = True) -> None:
        text = self.yaml.read_text("utf-8")
        found = first_match(r'^  - id: (\S+)\n    text: "([^"]*)"', text, first_match("^claims:", text).end())
        end = found.end(2)
        self.timed(
            kind,
            lambda: self.yaml.write_text(text[:end] + marker + text[end:], "utf-8"),
            f"/claims/{found[1]}/",
            lambda b: marker in b,
            settled=settled,
        )

    def claim_again(self, marker: str, after: float) -> None:
        """A claim edited, then edited again `after` seconds after the first edit shows (the data
        exports of the first build are then being written): the second is timed."""
        self.claim(marker + "a", "claim statement, first save")
        time.sleep(after)
        self.claim(marker + "b", f"claim statement, saved again {after:g} s after", settled=False)

    def entity(self, marker: str) -> None:
        text = self.entities_yaml.read_text("utf-8")
        found = first_match(r'^  - id: (\S+)\n    name: "([^"]*)"', text, first_match("^people:", text).end())
        end = found.end(2)
        self.timed(
            "entity name",
            lambda: self.entities_yaml.write_text(text[:end] + marker + text[end:], "utf-8"),
            f"/people/{found[1]}/",
            lambda b: marker in b,
        )

    def article(self, marker: str) -> None:
        path = sorted((self.content / "articles").glob("*.md"))[1]
        text = path.read_text("utf-8")
        self.timed(
            "article text",
            lambda: path.write_text(text + f"\n\nA closing paragraph{marker}.\n", "utf-8"),
            f"/articles/{path.stem}/",
            lambda b: marker in b,
        )

    def quote(self) -> None:
        text = self.yaml.read_text("utf-8")
        found = first_match(r'^  - id: (\S+)\n(?:    .*\n)*?        quote: "([^".]{12,})', text, first_match("^claims:", text).end())
        article = first_match(r"article: (\S+)", text, found.start())[1]
        path = self.content / "articles" / f"{article}.md"
        body = path.read_text("utf-8")
        words = found[2].split()
        broken = body.replace(words[1], words[1] + "x", 1) if words[1] in body else body
        # While the dossier has errors, every page lists them (and a generated page answers 404 with them).
        self.timed("quote broken", lambda: path.write_text(broken, "utf-8"), "/", lambda b: "The dossier has errors" in b)
        self.timed(
            "quote fixed",
            lambda: path.write_text(body, "utf-8"),
            f"/claims/{found[1]}/",
            lambda b: "The dossier has errors" not in b and "<h1" in b,
            settled=False,  # the dossier had errors: no data exports to wait for
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="working folder (default: a new temporary one, removed after)")
    parser.add_argument("--full", action="store_true", help="turn the incremental preview off (the figures before it)")
    parser.add_argument("--kinds", default="claim,entity,article,quote", help="the edits to time, comma-separated (also: again)")
    parser.add_argument("--again-after", type=float, default=0.0, help="for 'again': seconds before the second save")
    parser.add_argument("--repeat", type=int, default=1, help="how many times to make each edit")
    args = parser.parse_args()
    folder = args.work or Path(tempfile.mkdtemp(prefix="serve-edit-"))
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(args.articles), str(folder), "--seed", str(args.seed)], check=True)
    if args.full:
        config = folder / "mkdocs.yml"
        config.write_text(
            config.read_text("utf-8").replace("plugins: [search, dossier]", "plugins: [search, dossier: {incremental_preview: false}]"),
            "utf-8",
        )
    port = free_port()
    log = (folder / "serve.log").open("w")
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(folder / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=folder, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        base = f"http://127.0.0.1:{port}"
        start = time.monotonic()
        wait_until(base + "/claims/", lambda body: "<h1" in body)
        print(
            f"{args.articles} articles, {'full rebuilds' if args.full else 'incremental preview'}; first build: {time.monotonic() - start:.1f} s"
        )
        print(f"load average before: {os.getloadavg()[0]:.2f}\n\n| edit | until shown | server CPU |\n|---|---:|---:|")
        bench = Bench(folder, base, server.pid)
        for run in range(1, args.repeat + 1):
            mark = "" if run == 1 else f" {run}"  # a new marker each run: the page must show this one
            edits = {
                "claim": lambda m=mark: bench.claim(f" (edited{m})"),
                "entity": lambda m=mark: bench.entity(f" Edited{m.replace(' ', 'x')}"),
                "article": lambda m=mark: bench.article(f" edited{m}"),
                "again": lambda m=mark: bench.claim_again(f" (edited{m})", args.again_after),
            }
            for kind in args.kinds.split(","):
                edits.get(kind, bench.quote)()
        if args.repeat > 1:
            bench.summary()
        print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs removes its temporary site folder
        server.wait(timeout=60)
        log.close()
        if args.work is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
