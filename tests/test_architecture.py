"""The package layout keeps its promises: imports run one way, no cycles, small modules.

Read from the source (every import, including the ones inside functions), so a lazy import that
breaks the layering is caught as surely as one at the top of a file.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "planner"
# Subpackages by role, lowest first: a package imports only packages below it.
# "core" is the modules directly in planner/ (models, errors, vocab, version, resources);
# "api" is planner/__init__.py, the library API that batch and cli call; "main" is `python -m planner`.
LAYERS = ["core", "library", "engine", "io", "render", "export", "api", "batch", "cli", "main"]
MAX_LINES = 500
MAX_TOP_LEVEL_MODULES = 8


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path) -> Iterator[str]:
    """Every planner module this one imports, resolved to a module name that exists."""
    known = _modules()
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            # `from . import x` may name a submodule or an attribute of the package.
            targets = [f"{mod}.{a.name}" if f"{mod}.{a.name}" in known else mod for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target.startswith("planner") and target != name:
                yield target


def _graph() -> dict[str, set[str]]:
    return {name: set(_imports(name, path)) for name, path in _modules().items()}


def _layer(module: str) -> str:
    parts = module.split(".")
    if module == "planner":
        return "api"
    if module == "planner.__main__":
        return "main"
    if len(parts) == 2 and (PACKAGE / f"{parts[1]}.py").exists():
        return "core"
    return parts[1]


def test_every_subpackage_has_a_layer() -> None:
    assert {_layer(m) for m in _modules()} <= set(LAYERS)


def test_no_import_cycles_between_modules() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_imports_run_one_way_between_subpackages() -> None:
    wrong = [
        f"{module} ({_layer(module)}) imports {target} ({_layer(target)})"
        for module, targets in _graph().items()
        for target in sorted(targets)
        if LAYERS.index(_layer(target)) > LAYERS.index(_layer(module))
    ]
    assert wrong == []


def test_the_engine_reads_no_files_and_knows_no_outputs() -> None:
    graph = _graph()
    engine = [m for m in graph if _layer(m) == "engine"]
    assert engine, "the engine subpackage is missing"
    for module in engine:
        outside = {t for t in graph[module] if _layer(t) not in ("core", "library", "engine")}
        assert outside == set(), module
        source = _modules()[module].read_text(encoding="utf-8")
        tree = ast.parse(source)
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        assert "open" not in names, f"{module} opens files"


@pytest.mark.parametrize("library,allowed", [("reportlab", "render"), ("typer", "cli")])
def test_heavy_libraries_are_imported_in_one_subpackage(library: str, allowed: str) -> None:
    users = set()
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            mods = (
                [a.name for a in node.names] if isinstance(node, ast.Import)
                else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            if any(m == library or m.startswith(library + ".") for m in mods):
                users.add(_layer(name))
    assert users <= {allowed}


def _click_users() -> Iterator[str]:
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "click" for a in node.names):
                yield name
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "click" and not node.level:
                yield name


def test_typer_is_stopped_with_typer_exit_never_click() -> None:
    assert list(_click_users()) == []


def test_no_module_is_over_the_line_budget() -> None:
    long = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_few_modules_sit_directly_in_the_package() -> None:
    top = [p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert len(top) <= MAX_TOP_LEVEL_MODULES, sorted(top)


def test_the_checker_sees_a_cycle_when_there_is_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cycle test can fail: two modules that import each other are found."""
    pkg = tmp_path / "planner"
    (pkg / "engine").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "engine" / "__init__.py").write_text("")
    (pkg / "engine" / "a.py").write_text("from . import b\n")
    (pkg / "engine" / "b.py").write_text("from .a import x\nfrom ..io import files\n")
    (pkg / "io").mkdir()
    (pkg / "io" / "__init__.py").write_text("")
    (pkg / "io" / "files.py").write_text("")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", pkg)
    graph = _graph()
    assert graph["planner.engine.a"] == {"planner.engine.b"}
    assert graph["planner.engine.b"] == {"planner.engine.a", "planner.io.files"}
    with pytest.raises(AssertionError):
        test_no_import_cycles_between_modules()
    with pytest.raises(AssertionError):
        test_the_engine_reads_no_files_and_knows_no_outputs()
