"""No import circle anywhere in the package (DESIGN: the flow runs one way).

Every module under ``src/sourcecrit`` is parsed with :mod:`ast`; each ``import`` and
``from ... import`` (at module level and inside functions alike: an import deferred into
a function is still a dependency, and so is one under ``if TYPE_CHECKING:``: a circle of
types is still a circle in the plan) becomes an edge to the module it names. A circle is a
strongly connected component of more than one module (Tarjan 1972), or a module importing
itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sourcecrit

PACKAGE_DIR = Path(sourcecrit.__file__).parent


def module_files(root: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Return every module of the package by dotted name (a package by its own name)."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    return [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]


def import_graph(files: dict[str, Path]) -> dict[str, set[str]]:
    """Return module → the package modules it imports."""
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = name.split(".") if is_package else name.split(".")[:-1]
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, *([base] if base else [])])
                targets = []
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.append(sub if sub in files else base)
            for target in targets:
                if target in files:
                    graph[name].add(target)
    return graph


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return each circle: a strongly connected component of 2+ modules, or a self-import."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    counter = 0

    def connect(v: str) -> None:  # Tarjan's algorithm, recursive (the graph is small)
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph[v]:
                circles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return circles


def test_the_detector_finds_a_circle_and_its_members(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg import b\n")
    (pkg / "b.py").write_text("def f():\n    from pkg.sub import c\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "c.py").write_text("from ..a import x\n")
    (pkg / "d.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.e import E\n"
    )
    (pkg / "e.py").write_text("import pkg.d\n")
    graph = import_graph(module_files(pkg))
    assert graph["pkg.sub.c"] == {"pkg.a"}
    assert graph["pkg.d"] == {"pkg.e"}
    assert import_circles(graph) == [["pkg.a", "pkg.b", "pkg.sub.c"], ["pkg.d", "pkg.e"]]


def test_no_import_circle_in_the_package():
    circles = import_circles(import_graph(module_files()))
    assert circles == [], "import circles: " + "; ".join(" <-> ".join(c) for c in circles)


@pytest.mark.parametrize("module", ["sourcecrit.checklists.model"])
def test_the_checklist_schema_imports_none_of_its_siblings(module):
    graph = import_graph(module_files())
    siblings = {m for m in graph[module] if m.startswith("sourcecrit.checklists")}
    assert siblings == set()
