#!/usr/bin/env python3
"""Fails when the project's modules import each other in a circle.

import-linter (contracts in pyproject.toml) checks the direction between apps; a circle
inside one app (a -> b -> c -> a) it cannot express, so this script finds them: it reads
every module of the packages named in `[tool.importlinter] root_packages` with `ast` (no
code is imported or run), builds the graph "module imports module" and reports each
strongly connected component of more than one module, or a module importing itself.

What counts as an import (the decision, also in README.md "Tests"):
- Module-level imports and imports inside functions both count. A function-level import
  only postpones a circle to run time; it is how the circles we have were hidden, so it is
  reported (marked "lazy") and fails the check like any other.
- Imports under `if TYPE_CHECKING:` do not count: they never run.
- `from pkg import name` points at `pkg.name` when that is a module, otherwise at `pkg`.
  Importing `a.b.c` also runs `a/__init__` and `a/b/__init__`, but those edges are not
  added: a package importing its own submodules would otherwise make every package a
  circle, while Python handles that case fine.

Usage: scripts/import_cycles.py [--all] (--all also lists allowlisted circles).
Exit status 1 when a circle is found that the allowlist below does not cover.
"""

from __future__ import annotations

import argparse
import ast
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Known circles that may stay for a while, each only while its modules stay within its set
# (a circle that grows, or a new one, fails). Empty since #13 removed the last two.
ALLOWED: list[frozenset[str]] = []


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int
    lazy: bool  # inside a function or method


def root_packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["root_packages"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class ImportCollector(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, modules: set[str]):
        self.module, self.is_package, self.modules = module, is_package, modules
        self.edges: list[Edge] = []
        self.depth = 0  # > 0 inside a function

    def _function(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_If(self, node: ast.If):
        if is_type_checking(node.test):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def _add(self, target: str, line: int):
        # The longest known module that `target` names (a.b.C -> a.b when C is a class).
        while target and target not in self.modules:
            target = target.rpartition(".")[0]
        if target:
            self.edges.append(Edge(self.module, target, line, self.depth > 0))

    def visit_Import(self, node: ast.Import):
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom):
        if node.level:
            package = self.module if self.is_package else self.module.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{node.module}" if node.module else package
        else:
            base = node.module or ""
        for alias in node.names:
            candidate = f"{base}.{alias.name}"
            self._add(candidate if candidate in self.modules else base, node.lineno)


def collect(packages: list[str]) -> tuple[set[str], list[Edge]]:
    files = {
        module_name(path): path
        for package in packages
        for path in sorted((ROOT / package).rglob("*.py"))
        if ".venv" not in path.parts
    }
    modules = set(files)
    edges: list[Edge] = []
    for module, path in files.items():
        collector = ImportCollector(module, path.name == "__init__.py", modules)
        collector.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        edges.extend(collector.edges)
    return modules, edges


def strongly_connected(modules: set[str], edges: list[Edge]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; returns the components that are circles."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for e in edges:
        graph[e.source].add(e.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    result.append(sorted(component))
    return sorted(result)


def describe(component: list[str], edges: list[Edge]) -> str:
    members = set(component)
    lines = [f"  circle of {len(component)}: {', '.join(component)}"]
    for e in sorted(set(edges), key=lambda e: (e.source, e.target, e.line)):
        if e.source in members and e.target in members:
            lazy = " (lazy, inside a function)" if e.lazy else ""
            lines.append(f"    {e.source} -> {e.target} (line {e.line}){lazy}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="also list allowlisted circles")
    args = parser.parse_args(argv)
    modules, edges = collect(root_packages())
    components = strongly_connected(modules, edges)
    allowed = [c for c in components if any(set(c) <= a for a in ALLOWED)]
    forbidden = [c for c in components if c not in allowed]
    if allowed and args.all:
        print("Allowlisted import circles (remove when #13 lands):")
        for c in allowed:
            print(describe(c, edges))
    for entry in ALLOWED:
        if not any(set(c) & entry for c in components):
            print(f"Note: the allowlisted circle {sorted(entry)} is gone; remove it from ALLOWED.")
    if forbidden:
        print(f"Import circles found ({len(forbidden)}):")
        for c in forbidden:
            print(describe(c, edges))
        return 1
    print(
        f"No import circles in {len(modules)} modules"
        + (f" ({len(allowed)} allowlisted, see --all)." if allowed else ".")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
