"""How long the claim history takes: a generated dossier committed many times in a temporary repository.

    python benchmarks/history.py [--articles 1000] [--commits 200]

writes a dossier of N articles (3N claims) with benchmarks/generate.py, commits it, then makes
COMMITS more commits that each edit a few claims' texts, and prints the time of
`claim_history` (every commit checked and compared, in plain words: a fresh clone's build),
then of one more commit with the changes of the others kept (history_cache.py: the next
build), and of `dossier diff HEAD~1 HEAD`. Figures only: no
threshold is asserted (machines differ).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from dossier.diffing import diff_revisions  # noqa: E402
from dossier.history import claim_history  # noqa: E402

IDENTITY = {
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env={**os.environ, **IDENTITY})


def claims_files(content: Path) -> list[Path]:
    single = content / "claims.yaml"
    return [single] if single.exists() else sorted((content / "claims").glob("*.yaml"))


def edit_some_claims(files: list[Path], rng: random.Random, number: int, round_: int) -> None:
    """Append a marker to the text of `number` claims (one file), as an analyst's edit would."""
    path = rng.choice(files)
    text = path.read_text("utf-8")
    lines = text.split("\n")
    texts = [i for i, line in enumerate(lines) if re.match(r"^\s+text: ", line)]
    for index in rng.sample(texts, min(number, len(texts))):
        line = lines[index].rstrip()
        # Inside the closing quote when the text is quoted, else at the end.
        lines[index] = f"{line[:-1]} (rev {round_}){line[-1]}" if line.endswith(("'", '"')) else f"{line} (rev {round_})"
    path.write_text("\n".join(lines), "utf-8")


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (git), user and system."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-history-bench-") as folder:
        repo = Path(folder)
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(args.articles), str(repo)], check=True, capture_output=True)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "generated dossier")
        content = repo / "content"
        files = claims_files(content)
        size = sum(p.stat().st_size for p in files)
        rng = random.Random(1)
        started = time.perf_counter()
        for round_ in range(args.commits):
            edit_some_claims(files, rng, 3, round_)
            git(repo, "commit", "-q", "-am", f"edit round {round_}")
        print(f"made {args.commits} commits in {time.perf_counter() - started:.1f} s")
        started, cpu = time.perf_counter(), cpu_seconds()
        history = claim_history(content)
        elapsed, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        changed = sum(h.changed_since_recorded for h in history.claims.values())
        print(
            f"claim_history: {len(history.claims)} claims ({changed} changed since recorded), "
            f"{len(files)} claims file(s) of {size / 1e6:.1f} MB, {args.commits + 1} commits: "
            f"{elapsed:.2f} s wall, {cpu:.2f} s CPU (Python and git; wall time suffers on a loaded machine)"
        )
        edit_some_claims(files, rng, 3, args.commits)
        git(repo, "commit", "-q", "-am", "one more edit")
        started, cpu = time.perf_counter(), cpu_seconds()
        history = claim_history(content)
        elapsed, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        print(f"claim_history after one more commit, the others' changes kept: {elapsed:.2f} s wall, {cpu:.2f} s CPU")
        os.chdir(repo)
        started = time.perf_counter()
        diff = diff_revisions(Path("content"), "HEAD~1", "HEAD")
        print(f"dossier diff HEAD~1 HEAD: {len(diff.claims)} claims changed: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
