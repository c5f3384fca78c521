"""Modules import along the data flow: no import cycle among aiplint's modules, imports inside functions included.

Read from the source with `ast`: a module-level import of one aiplint module by another is an edge (imports under
`if TYPE_CHECKING:` are not: they never run).  Importing `pkg.mod` runs `pkg/__init__.py` first, but a package
that lists its own submodules (the rule registry) is not a cycle, so the parent package is no edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

SRC = REPO / "src"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(tree: ast.Module, modules: set[str], *, module_level: bool) -> set[str]:
    """The aiplint modules a module imports: at module level only, or anywhere (functions too)."""
    type_checking = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                     and "TYPE_CHECKING" in ast.unparse(block.test) for stmt in block.body for node in ast.walk(stmt)}
    nodes = tree.body if module_level else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if id(node) in type_checking:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & modules
            found |= submodules
            if node.module in modules and len(submodules) < len(node.names):
                found.add(node.module)
    return found


def import_graph(*, module_level: bool) -> dict[str, set[str]]:
    files = {module_name(path): path for path in (SRC / "aiplint").rglob("*.py")}
    modules = set(files)
    graph = {}
    for name, path in files.items():
        graph[name] = imports(ast.parse(path.read_text()), modules, module_level=module_level) - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)
    return found


def test_the_cycle_finder_finds_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e2"}, "e2": set()}
    assert cycles(graph) == [{"a", "b", "c"}]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_reads_the_imports_of_the_source():
    graph = import_graph(module_level=True)
    assert "aiplint.read.pointers" in graph["aiplint.read.references"]  # a module-level import
    assert "aiplint.read.locate" not in graph["aiplint.read.loading"]  # imported inside Source.positions only
    assert "aiplint.read.locate" in import_graph(module_level=False)["aiplint.read.loading"]
    assert "aiplint.read.document" not in graph["aiplint.model"]  # under TYPE_CHECKING


def test_no_module_level_import_cycle():
    assert cycles(import_graph(module_level=True)) == []


def test_no_cycle_through_imports_inside_functions():
    found = cycles(import_graph(module_level=False))
    assert found == [], "modules that import each other (inside functions): " + "; ".join(
        " <-> ".join(sorted(cycle)) for cycle in found)
