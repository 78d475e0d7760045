"""The check's process pool gives exactly what the serial check gives."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sitebuild import generate_project

from dossier.check import CheckResult, check_content
from dossier.export import export
from dossier.parallel import run_with_pool

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_project(60, tmp_path_factory.mktemp("generated"), seed=7)


def _pooled(content: Path) -> CheckResult:
    return run_with_pool(lambda executor: check_content(content, executor), 0, parallel=True)


def _spoil(content: Path) -> None:
    """Problems of every per-article stage: a quote not in its article, a control character, an article without a date."""
    claims = (content / "claims.yaml").read_text(encoding="utf-8")
    start = claims.index("quote: ") + len("quote: ")
    claims = claims[:start] + '"words that are in no article at all"' + claims[claims.index("\n", start) :]
    (content / "claims.yaml").write_text(claims, encoding="utf-8")
    first, second = sorted((content / "articles").iterdir())[:2]
    first.write_text(first.read_text(encoding="utf-8").replace(" the ", " the \u202e", 1), encoding="utf-8")
    second.write_text(second.read_text(encoding="utf-8").replace("published:", "issued:", 1), encoding="utf-8")


def test_pool_and_serial_check_give_the_same_export(generated: Path) -> None:
    serial = check_content(generated)
    pooled = _pooled(generated)
    assert serial.ok and pooled.ok
    assert serial.analysis is not None and pooled.analysis is not None and serial.dossier is not None and pooled.dossier is not None
    assert serial.problems == pooled.problems
    assert json.dumps(export(serial.dossier, serial.analysis)) == json.dumps(export(pooled.dossier, pooled.analysis))
    assert any(serial.analysis.mentions.values())  # the comparison covers mentions


def test_pool_and_serial_check_report_the_same_problems(generated: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    subprocess.run(["cp", "-r", str(generated), str(content)], check=True)
    _spoil(content)
    serial = check_content(content)
    pooled = _pooled(content)
    codes = {problem.code for problem in serial.problems}
    assert {"quote-not-found", "bidi-control"} <= codes
    assert [p.format_text() for p in serial.problems] == [p.format_text() for p in pooled.problems]


def test_kept_workers_end_when_the_process_that_started_them_is_killed(tmp_path: Path) -> None:
    # As when `mkdocs serve` is killed: no shutdown of the pool runs, the workers must go anyway.
    script = tmp_path / "killed.py"
    script.write_text(
        "import os\nfrom dossier.parallel import KeptPool\n\n\n"
        "def pid(_: int) -> int:\n    return os.getpid()\n\n\n"
        "if __name__ == '__main__':\n"
        "    pool = KeptPool()\n"
        "    print(*sorted(set(pool.executor().map(pid, range(8)))), flush=True)\n"
        "    os._exit(0)  # no shutdown: the workers are left as a killed server leaves them\n",
        encoding="utf-8",
    )
    out = subprocess.run([sys.executable, str(script)], check=True, capture_output=True, text=True, cwd=ROOT, timeout=120)
    workers = [int(pid) for pid in out.stdout.split()]
    assert workers
    for _ in range(100):  # they look for their parent every second
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]
        if not alive:
            break
        time.sleep(0.1)
    assert alive == [], f"workers still running after their parent was gone: {alive}"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
