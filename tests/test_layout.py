"""The source tree keeps the shape STYLE asks for: imports run one way, modules stay small."""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "slant"
MAX_LINES = 450


def _modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = _modules()


def _resolve(name: str) -> str | None:
    """The slant module an imported dotted name lives in (a name imported from a module is that module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str, path: Path) -> Iterator[tuple[str, str]]:
    """(imported module, imported name) for every import in the file, at any depth (function-level too)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if (target := _resolve(alias.name)) is not None:
                    yield target, ""
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(parts + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                target = full if full in MODULES else _resolve(base)
                if target is not None:
                    yield target, ("" if full in MODULES else alias.name)


def _graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for module, path in MODULES.items():
        for target, _ in _imports(module, path):
            if target != module:
                edges[module].add(target)
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
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
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(set(edges) | {w for ws in edges.values() for w in ws}):
        if v not in index:
            visit(v)
    return found


def test_layout_graph_sees_known_imports() -> None:
    # Guards the checker itself: a graph that found nothing would pass every test below.
    edges = _graph()
    assert "slant.nlp.resources" in edges["slant.pipeline"]
    assert "slant.analyses.quotes.speech" in edges["slant.analyses.quotes.reporting"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_layout_no_import_circle_between_modules() -> None:
    assert _cycles(_graph()) == []


def test_layout_analysis_packages_depend_one_way() -> None:
    prefix = "slant.analyses."
    packages: dict[str, set[str]] = defaultdict(set)
    for module, targets in _graph().items():
        if module.startswith(prefix) and module.count(".") >= 3:
            for target in targets:
                if (
                    target.startswith(prefix)
                    and target.count(".") >= 3
                    and target.split(".")[2] != module.split(".")[2]
                ):
                    packages[module.split(".")[2]].add(target.split(".")[2])
    assert _cycles(packages) == []


def test_layout_no_private_name_imported_across_modules() -> None:
    private = [
        f"{module} imports {name} from {target}"
        for module, path in MODULES.items()
        for target, name in _imports(module, path)
        if name.startswith("_") and not name.startswith("__") and target != module
    ]
    assert private == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layout_module_is_small(module: str) -> None:
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{MODULES[module].relative_to(SRC)} has {lines} lines (cap {MAX_LINES}): split it"
