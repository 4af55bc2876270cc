"""The package map of docs/DESIGN.md holds: data flows one way, no package imports one to its right."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package -> packages it must never import (its own subpackages aside)
FORBIDDEN = {
    "paracite": ("ingest", "index", "search"),
    "ingest.text": ("ingest.pdf", "ingest.entities", "index", "search"),
    "ingest.entities": ("ingest.pdf", "ingest.text", "index", "search"),
    "ingest.pdf": ("ingest.entities", "index", "search"),
    "ingest": ("index", "search"),
    "index": ("search",),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of every module a file imports, relative imports resolved."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            found.add(mod)
    return found


def _owner(module: str) -> str:
    """The most specific package of FORBIDDEN that holds a module."""
    best = ""
    for pkg in FORBIDDEN:
        if (module == pkg or module.startswith(pkg + ".")) and len(pkg) > len(best):
            best = pkg
    return best


FILES = sorted(p for pkg in ("paracite", "ingest", "index", "search") for p in (ROOT / pkg).rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_flow_one_way(path: Path) -> None:
    owner = _owner(_module_name(path))
    if not owner:
        return  # search/: it may import everything below it
    bad = [m for m in _imports(path) for f in FORBIDDEN[owner] if m == f or m.startswith(f + ".")]
    assert not bad, f"{path.relative_to(ROOT)} ({owner}) imports {bad}"


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    # guard against a checker that passes everything: ingest/pdf/document.py imports ingest.text
    found = _imports(ROOT / "ingest" / "pdf" / "document.py")
    assert any(m.startswith("ingest.text") for m in found)
    assert _owner("ingest.pdf.document") == "ingest.pdf"


def test_no_unit_too_long() -> None:
    """Issue 11: no function over ~80 lines, no class over ~250, so each step has a name."""
    long = []
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            size = node.end_lineno - node.lineno + 1
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and size > 90:
                long.append(f"{path.relative_to(ROOT)}:{node.name} ({size} lines)")
            if isinstance(node, ast.ClassDef) and size > 260:
                long.append(f"{path.relative_to(ROOT)}:{node.name} ({size} lines)")
    assert not long, long
