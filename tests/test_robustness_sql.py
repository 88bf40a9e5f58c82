"""SQL is built only with bound parameters: every statement newscrawl runs is checked in the source.

A statement passed to ``execute``/``executemany``/``executescript``/``query`` must be a string
literal, or built only from literals and the reviewed fragments below (placeholder lists,
fixed column and table names). Values never enter SQL text; a new kind of dynamic SQL fails
this test until it is reviewed and listed here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newscrawl"
SQL_METHODS = {"execute", "executemany", "executescript", "query"}

# Names that may be interpolated into SQL text, and why that is safe.
SAFE_FRAGMENTS = {
    "marks": "a run of '?' placeholders sized to the parameter list",
    "placeholders": "a run of '?' placeholders sized to the parameter list",
    "table": "a table name from a literal tuple in the same loop",
    "_RUN_COLUMNS": "a module constant listing column names",
    "_SOURCE_COLUMNS": "a module constant listing column names",
    "columns": "column names from a module constant",
}
# Statements passed through by name: the wrappers themselves, and statements built in the same
# function from literals and caller-supplied WHERE fragments that carry their own parameters.
PASS_THROUGH = {
    ("store/base.py", "execute"): "Store.execute: the caller's statement and its parameters",
    ("store/base.py", "executemany"): "Store.executemany: the caller's statement",
    ("store/base.py", "query"): "Store.query: the caller's statement",
    ("store/base.py", "create_schema"): "DDL literals from store/schema.py",
    ("store/base.py", "iter_records"): (
        "a literal SELECT plus the caller's WHERE fragment: callers (dedup/index.py,"
        " operations/export.py select_records) pass literals with '?' placeholders"
    ),
    ("store/postgres.py", "op"): "the translated statement of Store.execute/executemany",
}


class _Finder(ast.NodeVisitor):
    """Calls of SQL methods, each with the name of its innermost enclosing function."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.found: list[tuple[str, ast.expr]] = []

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in SQL_METHODS and node.args:
            self.found.append((self.stack[-1] if self.stack else "<module>", node.args[0]))
        self.generic_visit(node)


def _sql_sites() -> list[tuple[str, str, ast.expr]]:
    sites = []
    for path in sorted(PACKAGE.rglob("*.py")):
        finder = _Finder()
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
        rel = path.relative_to(PACKAGE).as_posix()
        sites += [(rel, func, expr) for func, expr in finder.found]
    return sites


def _is_placeholders(expr: ast.expr) -> bool:
    """``",".join("?" * n)``: a run of placeholders, whatever ``n`` is."""
    return (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "join"
        and isinstance(expr.func.value, ast.Constant)
        and str(expr.func.value.value).strip(", ") == ""
        and len(expr.args) == 1
        and isinstance(expr.args[0], ast.BinOp)
        and isinstance(expr.args[0].op, ast.Mult)
        and isinstance(expr.args[0].left, ast.Constant)
        and expr.args[0].left.value == "?"
    )


def _problems(expr: ast.expr) -> list[str]:
    """Why ``expr`` could carry a value into SQL text ([] when it cannot)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return []
    if isinstance(expr, ast.JoinedStr):
        out = []
        for part in expr.values:
            if isinstance(part, ast.FormattedValue):
                value = part.value
                safe = isinstance(value, ast.Name) and value.id in SAFE_FRAGMENTS
                if not (safe or _is_placeholders(value)):
                    out.append(f"f-string interpolates {ast.unparse(value)!r}")
        return out
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return _problems(expr.left) + _problems(expr.right)
    if isinstance(expr, ast.Call) and ast.unparse(expr.func) == "self._sql":
        return _problems(expr.args[0]) if expr.args else []
    return [f"statement is {ast.unparse(expr)!r}"]


def test_there_is_sql_to_check() -> None:
    assert len(_sql_sites()) > 20


@pytest.mark.parametrize(
    ("where", "expr"),
    [(f"{rel}::{func}", expr) for rel, func, expr in _sql_sites()],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_sql_text_never_carries_values(where: str, expr: ast.expr) -> None:
    rel, func = where.split("::")
    problems = [] if (rel, func) in PASS_THROUGH else _problems(expr)
    assert not problems, f"{where}: {problems} (review, then list it in this test)"


def test_every_reviewed_pass_through_is_still_in_the_code() -> None:
    sites = {(rel, func) for rel, func, _ in _sql_sites()}
    assert set(PASS_THROUGH) <= sites


def test_no_sql_is_built_with_percent_or_format() -> None:
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
                left = node.left
                if isinstance(left, ast.Constant) and isinstance(left.value, str):
                    text = left.value.upper()
                    assert not any(
                        k in text for k in ("SELECT ", "INSERT ", "UPDATE ", "DELETE ")
                    ), path
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                target = node.func.value
                if node.func.attr == "format" and isinstance(target, ast.Constant):
                    text = str(target.value).upper()
                    assert not any(
                        k in text for k in ("SELECT ", "INSERT ", "UPDATE ", "DELETE ")
                    ), path
