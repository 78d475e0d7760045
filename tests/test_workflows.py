"""The GitHub Actions workflows: linted by actionlint and audited by zizmor (offline, any
finding fails), and held to the project's rules: least privilege, no pull_request_target,
no persisted credentials, actions pinned to commit SHAs, one run at a time."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from sitebuild import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"
NEWEST = WORKFLOWS / "newest-dependencies.yml"
GENERATORS = WORKFLOWS / "generators.yml"
RECHECK = WORKFLOWS / "recheck.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
LOCK = ROOT / "requirements.lock"
INSTALL_FROM_LOCK = "pip install --require-hashes -r requirements.lock"
ALLOWED_ACTIONS = {
    "actions/checkout",
    "actions/setup-python",
    "actions/upload-artifact",
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/deploy-pages",
}
# `uses: owner/repo@<40 hex digits> # v1.2.3`
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[\w.-]+/[\w.-]+)@(?P<sha>[0-9a-f]{40})\s+#\s*v\d+\.\d+\.\d+\s*$")


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def tool(name: str) -> str:
    """The tool installed with the test extra, next to this Python, or on PATH."""
    found = shutil.which(name, path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'", pytrace=False)
    return found


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps", [])


def runs(job: dict[str, Any]) -> str:
    return "\n".join(step["run"] for step in steps(job) if "run" in step)


def uses(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in steps(job) if step.get("uses", "").split("@")[0] == action]


def test_there_are_the_four_workflows() -> None:
    assert workflow_files() == [GENERATORS, NEWEST, PUBLISH, PULL_REQUEST, RECHECK]


def test_actionlint_finds_nothing() -> None:
    result = subprocess.run(
        [tool("actionlint"), "-no-color", "-oneline", *map(str, workflow_files())],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_zizmor_finds_nothing_offline_even_pedantic() -> None:
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--persona=pedantic", "--format=json", "--no-progress", str(ROOT / ".github")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    findings = json.loads(result.stdout or "null")
    summary = "\n".join(f"{f['ident']} ({f['determinations']['severity']}): {f['desc']}" for f in findings or [])
    assert findings == [] and result.returncode == 0, summary or result.stderr


def test_workflows_grant_least_privilege() -> None:
    for path in workflow_files():
        text = path.read_text("utf-8")
        data = load(path)
        assert "pull_request_target" not in text, path.name
        assert data["permissions"] == {"contents": "read"}, path.name
        assert data.get("concurrency", {}).get("group"), f"{path.name}: no concurrency group"
        for name, job in data["jobs"].items():
            if name not in ("deploy", "recheck"):
                assert "permissions" not in job, f"{path.name}: job {name} widens the permissions"
            for step in uses(job, "actions/checkout"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}: {name} keeps the token"
    deploy = load(PUBLISH)["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    # The weekly recheck pushes a branch of its findings and opens a pull request: no more.
    assert load(RECHECK)["jobs"]["recheck"]["permissions"] == {"contents": "write", "pull-requests": "write"}


def test_every_action_is_pinned_to_a_commit_with_its_version_named() -> None:
    seen = set()
    for path in workflow_files():
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if re.match(r"^\s*(-\s+)?uses:", line):
                match = PINNED.match(line)
                assert match, f"{path.name}:{number}: not pinned to a full commit SHA with '# vX.Y.Z': {line.strip()}"
                seen.add(match["action"])
    assert seen <= ALLOWED_ACTIONS, f"actions outside the reviewed set: {seen - ALLOWED_ACTIONS}"
    assert seen == ALLOWED_ACTIONS


CONTENT_CHECK = ROOT / ".ci" / "content-check"


def test_the_pull_request_workflow_checks_builds_tests_and_uploads_a_preview() -> None:
    data = load(PULL_REQUEST)
    assert set(data["on"]) == {"pull_request", "workflow_dispatch"}
    (job,) = data["jobs"].values()
    python = uses(job, "actions/setup-python")[0]["with"]
    assert (str(python["python-version"]), python["cache"]) == ("3.11", "pip")
    commands = runs(job)
    # The checks themselves are one script, which tests/test_analyst_change.py runs too.
    assert commands.find(INSTALL_FROM_LOCK) < commands.find('.ci/content-check "$DIFF_BASE"'), commands
    script = CONTENT_CHECK.read_text("utf-8")
    order = ["dossier check --strict", "dossier diff", "mkdocs build --strict", ".ci/site_check.py", "-m pytest"]
    positions = [script.find(command) for command in order]
    assert -1 not in positions and positions == sorted(positions), script
    assert "apt-get install" in commands and "chromium" in commands
    upload = uses(job, "actions/upload-artifact")[0]["with"]
    assert upload["path"].rstrip("/") == "site"


def test_the_pull_request_workflow_writes_the_dossier_diff_into_the_job_summary() -> None:
    (job,) = load(PULL_REQUEST)["jobs"].values()
    (checkout,) = uses(job, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0, "the merge base needs the whole history"
    (step,) = [step for step in steps(job) if ".ci/content-check" in step.get("run", "")]
    # The target branch reaches the script through the environment, never expanded into it.
    assert "${{" not in step["run"] and "github.base_ref" in step["env"]["DIFF_BASE"]
    assert '"$DIFF_BASE"' in step["run"]
    assert '--format markdown >> "$SUMMARY"' in CONTENT_CHECK.read_text("utf-8")


def test_the_publish_workflow_builds_then_deploys_to_pages_in_a_separate_job() -> None:
    data = load(PUBLISH)
    assert data["on"]["push"]["branches"] == ["main"]
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert INSTALL_FROM_LOCK in runs(build)
    assert "dossier check" in runs(build) and "mkdocs build --strict" in runs(build)
    assert uses(build, "actions/upload-pages-artifact")[0]["with"]["path"].rstrip("/") == "site"
    assert not uses(build, "actions/deploy-pages")
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    (step,) = uses(deploy, "actions/deploy-pages")
    assert step["id"] == "deployment"
    # The job that publishes runs nothing of the repository's: it only deploys the artifact.
    assert not uses(deploy, "actions/checkout") and runs(deploy) == ""


def test_the_newest_dependencies_workflow_runs_weekly_without_the_lock() -> None:
    data = load(NEWEST)
    assert set(data["on"]) == {"schedule", "workflow_dispatch"}
    (job,) = data["jobs"].values()
    commands = runs(job)
    (install,) = [step["run"] for step in steps(job) if step.get("name", "").startswith("Install the newest")]
    assert "requirements.lock" not in install
    order = ["pip install --upgrade --upgrade-strategy eager -e '.[test]'", "mkdocs build --strict", "python -m pytest"]
    positions = [commands.find(command) for command in order]
    assert -1 not in positions and positions == sorted(positions), commands


def test_dependabot_updates_the_lock_and_the_actions() -> None:
    data = yaml.safe_load(DEPENDABOT.read_text("utf-8"))
    assert {update["package-ecosystem"] for update in data["updates"]} == {"pip", "github-actions"}


def test_the_lock_pins_every_package_with_hashes() -> None:
    entries = re.findall(r"^([A-Za-z0-9][\w.-]*)==(\S+) \\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", LOCK.read_text("utf-8"), re.M)
    names = {name.lower().replace("_", "-") for name, _, _ in entries}
    assert {"mkdocs", "mkdocs-material", "pyyaml", "markdown-it-py", "jinja2", "pytest", "setuptools"} <= names
    requirement_lines = [line for line in LOCK.read_text("utf-8").splitlines() if re.match(r"^[A-Za-z0-9]", line)]
    assert len(requirement_lines) == len(entries), "every requirement is pinned with == and has hashes"
