"""The analysts' pre-commit hooks: `dossier check` on any change to content/, and
check-jsonschema against the schema the project ships. (pre-commit itself is not run: it
would download the hooks.)"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from sitebuild import ROOT, SAMPLE_CONTENT

CONFIG = ROOT / ".pre-commit-config.yaml"


def hooks() -> dict[str, tuple[dict, dict]]:
    data = yaml.safe_load(CONFIG.read_text("utf-8"))
    return {hook["id"]: (repo, hook) for repo in data["repos"] for hook in repo["hooks"]}


def test_dossier_check_is_a_local_python_hook_on_content() -> None:
    repo, hook = hooks()["dossier-check"]
    assert repo["repo"] == "local"
    # A python hook: pre-commit installs its libraries, so it needs no .venv (a fresh clone).
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert hook["entry"] == "python -m dossier check --content content"
    pattern = re.compile(hook["files"])
    assert pattern.search("content/claims.yaml") and pattern.search("content/articles/a.md")
    assert not pattern.search("dossier/cli.py")


def locked_versions() -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements.lock").read_text("utf-8"), re.MULTILINE)
    return {canonical(name): version for name, version in found}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_hook_installs_the_locked_versions_of_project_dependencies() -> None:
    _, hook = hooks()["dossier-check"]
    declared = {
        canonical(re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0])
        for d in tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    }
    locked = locked_versions()
    for requirement in hook["additional_dependencies"]:
        name, version = requirement.split("==")
        assert canonical(name) in declared, f"{name} is not a dependency of the project"
        assert locked[canonical(name)] == version, f"{requirement}: requirements.lock has {locked[canonical(name)]}"


# Runs `dossier check` as the hook does (`python -m` in the clone's root), with every installed
# distribution hidden except the hook's dependencies and theirs: what pre-commit's environment has.
RUN_AS_THE_HOOK = """
import re, runpy, sys
from importlib import metadata
from packaging.requirements import Requirement

def canonical(name): return re.sub(r"[-_.]+", "-", name).lower()

allowed, todo = set(), [canonical(d.split("==")[0]) for d in sys.argv[1:]]
while todo:
    name = todo.pop()
    if name in allowed:
        continue
    allowed.add(name)
    for written in metadata.requires(name) or []:
        requirement = Requirement(written)  # only what this Python installs: no extras, no markers that fail
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            todo.append(canonical(requirement.name))
owners = metadata.packages_distributions()

class HookEnvironment:
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        dists = {canonical(d) for d in owners.get(top, ())}
        if top != "dossier" and dists and not dists & allowed:
            raise ImportError(f"{top} is not installed in the hook's environment")
        return None

sys.meta_path.insert(0, HookEnvironment())
sys.argv = ["dossier", "check", "--content", "content"]
import dossier
print("dossier from", dossier.__file__)
runpy.run_module("dossier", run_name="__main__", alter_sys=True)
"""


def test_the_hook_runs_in_a_fresh_clone_with_only_its_dependencies(tmp_path: Path) -> None:
    _, hook = hooks()["dossier-check"]
    clone = tmp_path / "clone"  # what a clone has: the package and the content, no .venv
    shutil.copytree(ROOT / "dossier", clone / "dossier", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(SAMPLE_CONTENT, clone / "content")
    done = subprocess.run(
        [sys.executable, "-c", RUN_AS_THE_HOOK, *hook["additional_dependencies"]], cwd=clone, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"dossier from {clone / 'dossier' / '__init__.py'}" in done.stdout
    assert "dossier check: 0 errors" in done.stdout


def test_check_jsonschema_is_pinned_and_uses_the_shipped_schema() -> None:
    repo, hook = hooks()["check-jsonschema"]
    assert repo["repo"] == "https://github.com/python-jsonschema/check-jsonschema"
    assert re.fullmatch(r"[0-9a-f]{40}", repo["rev"]), "pin the hook to a commit"
    args = hook["args"]
    schema = ROOT / args[args.index("--schemafile") + 1]
    assert schema == ROOT / "dossier" / "schema" / "claims.schema.json" and schema.is_file()
    pattern = re.compile(hook["files"])
    for path in ("content/claims.yaml", "content/claims/people.yaml"):
        assert pattern.search(path), path
    for path in ("content/articles/a.md", "mkdocs.yml", "content/claims/sub/x.yaml"):
        assert not pattern.search(path), path


def test_the_first_dossier_passes_what_the_schema_hook_checks() -> None:
    # What check-jsonschema does: parse the YAML, dates as text, and validate with formats.
    schema = json.loads((ROOT / "dossier" / "schema" / "claims.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    data = json.loads(json.dumps(yaml.safe_load((ROOT / "content" / "claims.yaml").read_text("utf-8")), default=str))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
