"""Small units: no function over 60 lines and no module over 400 in dossier/ and plugins/."""

from __future__ import annotations

import ast
from pathlib import Path

from sitebuild import ROOT

MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400
SOURCES = sorted([*(ROOT / "dossier").rglob("*.py"), *(ROOT / "plugins").rglob("*.py")])


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]


def test_there_is_code_to_measure() -> None:
    assert len(SOURCES) > 20


def test_no_module_is_over_400_lines() -> None:
    long = {str(path.relative_to(ROOT)): n for path in SOURCES if (n := len(path.read_text("utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_no_function_is_over_60_lines() -> None:
    long = {}
    for path in SOURCES:
        for function in _functions(ast.parse(path.read_text("utf-8"), str(path))):
            lines = (function.end_lineno or function.lineno) - function.lineno + 1
            if lines > MAX_FUNCTION_LINES:
                long[f"{Path(path).relative_to(ROOT)}:{function.lineno} {function.name}"] = lines
    assert long == {}


def test_the_linter_reads_every_module() -> None:
    # An exclusion pattern once matched dossier/site/ as well as the built site/: the
    # renderer went unlinted. Every module of the library and the plugin must be checked.
    import subprocess
    import sys

    ruff = Path(sys.executable).with_name("ruff")
    listed = subprocess.run([str(ruff), "check", "--show-files", "."], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    checked = {Path(line.strip()).resolve() for line in listed.splitlines() if line.strip().endswith(".py")}
    assert [str(path.relative_to(ROOT)) for path in SOURCES if path.resolve() not in checked] == []
