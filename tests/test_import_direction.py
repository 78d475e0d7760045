"""One import direction: no module imports itself through others, and no layer imports one above it.

The layers, from the ground up: the core (model, loading, the check, derivation, the
export), the data formats (`dossier/formats/`), the site (`dossier/site/`), and what a user
runs (the MkDocs plugin, the command line). A layer may import those below it, never one
above: so the formats know nothing of the site, and the core nothing of either. The check
is handed an executor: it never imports the process pool or the garbage-collector pauses.
Imports are read with `ast`, at module level and inside functions alike (a lazy import is a
dependency too).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "dossier", ROOT / "plugins" / "mkdocs_dossier"]
LAYERS = ("core", "formats", "site", "entry points")
ENTRY_POINTS = {"dossier.cli", "dossier.__main__", "dossier.pages_command"}  # `dossier pages` renders the site
# What the CLI and the plugin use to run the check fast; the check only receives its results.
SPEED_MACHINERY = {"dossier.parallel", "dossier.collector"}


def _module_name(path: Path) -> str:
    base = ROOT / "plugins" if path.is_relative_to(ROOT / "plugins") else ROOT
    parts = list(path.relative_to(base).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for source in SOURCES for path in sorted(source.rglob("*.py"))}


def _imported(name: str, path: Path, modules: dict[str, Path]) -> Iterator[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from package import module` depends on the module, anything else on `base`.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:  # `import dossier.site.rendering.links.x` -> the module that exists
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: set(_imported(name, path, modules)) for name, path in modules.items()}


def layer(module: str) -> int:
    if module in ENTRY_POINTS or module.startswith("mkdocs_dossier"):
        return 3
    if module.startswith("dossier.site"):
        return 2
    if module.startswith("dossier.formats"):
        return 1
    return 0


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_sources_are_read() -> None:
    graph = import_graph()
    assert "dossier.check" in graph and "mkdocs_dossier.plugin" in graph
    assert "dossier.site.rendering.links" in graph["dossier.site.site"]  # imports inside packages are resolved


def test_no_module_imports_itself_through_others() -> None:
    graph = import_graph()
    found = circles(graph)
    described = ["; ".join(f"{a} -> {b}" for a in circle for b in sorted(graph[a]) if b in circle) for circle in found]
    assert not found, "import circles: " + " | ".join(described)


def test_no_layer_imports_one_above_it() -> None:
    graph = import_graph()
    upward = [
        f"{module} ({LAYERS[layer(module)]}) imports {target} ({LAYERS[layer(target)]})"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if layer(target) > layer(module)
    ]
    assert not upward, "imports from a lower layer to a higher one:\n" + "\n".join(upward)


def test_the_check_is_handed_its_executor() -> None:
    graph = import_graph()
    reached, todo = set(), ["dossier.check"]
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo += graph[module]
    assert not reached & SPEED_MACHINERY, f"the check imports {sorted(reached & SPEED_MACHINERY)}: hand it an executor instead"


def test_a_circle_and_an_upward_import_are_seen() -> None:
    graph = {"dossier.a": {"dossier.b"}, "dossier.b": {"dossier.a", "dossier.site.x"}, "dossier.site.x": set()}
    assert circles(graph) == [["dossier.a", "dossier.b"]]
    assert layer("dossier.b") < layer("dossier.site.x")
