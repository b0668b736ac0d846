"""The mutants of scripts/mutate.py (issue #16; docs/TESTING.md): which small deliberate
changes a module gets, and its source with one of them applied. Running them against the
tests is scripts/mutate.py."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLIP = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}


@dataclass
class Mutant:
    module: str
    lineno: int
    end_lineno: int
    change: str
    start: tuple[int, int]  # (line, byte column) of the replaced span
    end: tuple[int, int]
    replacement: str
    toplevel: bool  # in a module-level statement (runs at import)
    names: set[str] = field(default_factory=set)  # names its top-level statement defines
    outcome: str = ""
    tests: int = 0

    @property
    def where(self) -> str:
        return f"{self.module}:{self.lineno}"


# --- generating mutants ---------------------------------------------------------------------


def _skip_ranges(tree: ast.AST) -> list[ast.AST]:
    """Nodes whose insides are never mutated: annotations, f-strings, subscripts' slices
    (type parameters such as dict[int, tuple[...]]), docstrings."""
    skip: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign | ast.arg) and node.annotation is not None:
            skip.append(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns:
            skip.append(node.returns)
        elif isinstance(node, ast.JoinedStr):
            skip.append(node)
        elif isinstance(node, ast.Subscript):
            skip.append(node.slice)
    return skip


def _inside(node: ast.AST, skipped: set[int]) -> bool:
    return id(node) in skipped


def defined_names(stmt: ast.stmt) -> set[str]:
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {stmt.name}
    targets = []
    if isinstance(stmt, ast.Assign):
        targets = stmt.targets
    elif isinstance(stmt, ast.AnnAssign | ast.AugAssign):
        targets = [stmt.target]
    return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}


def generate(module: str) -> list[Mutant]:
    source = (ROOT / module).read_text(encoding="utf-8")
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in _skip_ranges(tree):
        skipped.update(id(n) for n in ast.walk(node))
    # Docstrings: the first expression of the module, a class or a function.
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        value = first.value if isinstance(first, ast.Expr) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            skipped.update(id(n) for n in ast.walk(first))
    stores: set[int] = {
        id(n)
        for n in ast.walk(tree)
        if isinstance(n, ast.Tuple | ast.List) and isinstance(n.ctx, ast.Store)
    }

    # Which top-level statement holds each node, and which nodes run inside a function.
    owner: dict[int, ast.stmt] = {}
    for stmt in tree.body:
        for n in ast.walk(stmt):
            owner[id(n)] = stmt
    in_function: set[int] = set()
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            body = fn.body if isinstance(fn.body, list) else [fn.body]
            in_function.update(id(n) for b in body for n in ast.walk(b))

    mutants: list[Mutant] = []

    def add(node: ast.AST, change: str, replacement: str, *, span: ast.AST | None = None):
        span = span or node
        stmt = owner[id(node)]
        toplevel = id(node) not in in_function
        mutants.append(
            Mutant(
                module=module,
                lineno=span.lineno,
                end_lineno=span.end_lineno,
                change=change,
                start=(span.lineno, span.col_offset),
                end=(span.end_lineno, span.end_col_offset),
                replacement=replacement,
                toplevel=toplevel,
                names=defined_names(stmt),
            )
        )

    def expr(node: ast.expr) -> str:
        return f"({ast.unparse(node)})"

    def short(node: ast.AST) -> str:
        text = ast.unparse(node).replace("\n", " ")
        return text if len(text) <= 70 else text[:67] + "..."

    for node in ast.walk(tree):
        if _inside(node, skipped):
            continue
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in FLIP:
                    new = ast.Compare(node.left, list(node.ops), node.comparators)
                    new.ops[i] = FLIP[type(op)]()
                    add(node, f"{short(node)}  ->  {short(new)}", expr(new))
        elif isinstance(node, ast.BoolOp):
            other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            new = ast.BoolOp(other, node.values)
            add(node, f"{short(node)}  ->  {short(new)}", expr(new))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            add(node, f"{short(node)}  ->  {short(node.operand)}", expr(node.operand))
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            add(node, f"{node.value}  ->  {not node.value}", repr(not node.value))
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
            for delta in (1, -1):
                add(node, f"{node.value!r}  ->  {node.value + delta!r}", repr(node.value + delta))
        elif isinstance(node, ast.Set | ast.List | ast.Tuple) and id(node) not in stores:
            for i, elt in enumerate(node.elts):
                rest = node.elts[:i] + node.elts[i + 1 :]
                new = type(node)(rest) if isinstance(node, ast.Set) else type(node)(rest, node.ctx)
                text = "{*()}" if isinstance(node, ast.Set) and not rest else ast.unparse(new)
                if isinstance(node, ast.Tuple):
                    text = f"({', '.join(ast.unparse(e) for e in rest)}{',' if len(rest) == 1 else ''})"
                add(node, f"drop {short(elt)} from {short(node)}", text)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("frozenset", "set")
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            value = node.args[0].value
            for i, char in enumerate(value):
                rest = value[:i] + value[i + 1 :]
                add(
                    node.args[0],
                    f"drop {char!r} from {node.func.id}({value!r})",
                    repr(rest),
                )
        elif isinstance(node, ast.Return) and node.value is not None:
            if not (isinstance(node.value, ast.Constant) and node.value.value is None):
                add(node, f"return {short(node.value)}  ->  return None", "return None")
        elif isinstance(node, ast.If):
            body = node.body
            if len(body) == 1 and isinstance(body[0], ast.Pass):
                continue
            span = ast.AST()
            span.lineno, span.col_offset = body[0].lineno, body[0].col_offset
            span.end_lineno, span.end_col_offset = body[-1].end_lineno, body[-1].end_col_offset
            add(node, f"if {short(node.test)}: <body>  ->  pass", "pass", span=span)
    mutants.sort(key=lambda m: (m.lineno, m.start[1], m.change))
    return mutants


def mutated_source(mutant: Mutant, original: bytes) -> bytes:
    lines = original.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    a = offsets[mutant.start[0] - 1] + mutant.start[1]
    b = offsets[mutant.end[0] - 1] + mutant.end[1]
    return original[:a] + mutant.replacement.encode() + original[b:]


# --- which tests cover which line -----------------------------------------------------------
