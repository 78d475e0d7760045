"""The analysts' pre-commit hooks: `dossier check` on any change to content/, and
check-jsonschema against the schema the project ships. (pre-commit itself is not run: it
would download the hooks.)"""

from __future__ import annotations

import json
import re

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from sitebuild import ROOT

CONFIG = ROOT / ".pre-commit-config.yaml"


def hooks() -> dict[str, tuple[dict, dict]]:
    data = yaml.safe_load(CONFIG.read_text("utf-8"))
    return {hook["id"]: (repo, hook) for repo in data["repos"] for hook in repo["hooks"]}


def test_dossier_check_is_a_local_hook_on_content() -> None:
    repo, hook = hooks()["dossier-check"]
    assert repo["repo"] == "local"
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    assert re.fullmatch(r"(\.venv/bin/)?dossier check( --content content)?", hook["entry"])
    pattern = re.compile(hook["files"])
    assert pattern.search("content/claims.yaml") and pattern.search("content/articles/a.md")
    assert not pattern.search("dossier/cli.py")


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
