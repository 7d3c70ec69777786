"""The package's shape (DESIGN.md): no two mt_check modules import each other, directly or round a
circle, and no module imports another one's private (``_name``) helpers.

Imports are read from the source with ``ast``, everywhere they run (module level and inside
functions); those under ``if TYPE_CHECKING:`` are left out, since they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "mt_check"


@dataclass(frozen=True)
class Import:
    """One mt_check module taking another (``target``), or a ``name`` from it, at ``file:line``."""

    importer: str
    target: str
    name: str | None
    file: str  # relative to the folder holding the package: mt_check/export.py
    line: int

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def module_names(package: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of ``package`` (a package is its __init__)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class _Reader(ast.NodeVisitor):
    """The imports of one module between modules of ``modules``, and the private attributes it
    reads from a module it imported (``translate._locate(...)``)."""

    def __init__(self, importer: str, file: str, is_package: bool, modules: Mapping[str, Path]) -> None:
        self.importer, self.file, self.modules = importer, file, modules
        self.package = importer if is_package else importer.rpartition(".")[0]
        self.imports: list[Import] = []
        self.bound: dict[str, str] = {}  # a local name bound to an mt_check module
        self.private_reads: list[Import] = []

    def visit_If(self, node: ast.If) -> None:
        if _type_checking(node.test):  # never runs: only its else branch counts
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def _add(self, target: str, name: str | None, line: int) -> None:
        if target in self.modules and target != self.importer:
            self.imports.append(Import(self.importer, target, name, self.file, line))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, None, node.lineno)
            if alias.asname and alias.name in self.modules:
                self.bound[alias.asname] = alias.name

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.package.split(".")
            base = base[: len(base) - (node.level - 1)]
            source = ".".join([*base, *([node.module] if node.module else [])])
        else:
            source = node.module or ""
        for alias in node.names:
            submodule = f"{source}.{alias.name}"
            if submodule in self.modules:  # a module of a package: it, not the package, is imported
                self._add(submodule, alias.name, node.lineno)
                self.bound[alias.asname or alias.name] = submodule
            else:
                self._add(source, alias.name, node.lineno)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        named = (
            func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        )
        if named == "import_module" and node.args and isinstance(node.args[0], ast.Constant):
            if isinstance(node.args[0].value, str):
                self._add(node.args[0].value, None, node.lineno)
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        value = node.value
        if isinstance(value, ast.Name) and value.id in self.bound and _private(node.attr):
            target = self.bound[value.id]
            if target != self.importer:
                self.private_reads.append(Import(self.importer, target, node.attr, self.file, node.lineno))
        self.generic_visit(node)


def read_package(package: Path) -> tuple[dict[str, Path], list[Import], list[Import]]:
    """(modules, imports between them, private attributes read from an imported module)."""
    modules = module_names(package)
    imports: list[Import] = []
    reads: list[Import] = []
    for name, path in modules.items():
        file = path.relative_to(package.parent).as_posix()
        reader = _Reader(name, file, path.name == "__init__.py", modules)
        reader.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        imports += reader.imports
        reads += reader.private_reads
    return modules, imports, reads


def cycles(imports: list[Import]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a circle (Tarjan's
    strongly connected components of more than one module), each sorted, sorted."""
    graph: dict[str, set[str]] = {}
    for i in imports:
        graph.setdefault(i.importer, set()).add(i.target)
        graph.setdefault(i.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def private_imports(imports: list[Import], reads: list[Import]) -> list[Import]:
    """Imports of a ``_name`` from another module (a private submodule too), and ``module._name``
    reads of an imported module."""
    taken = [
        i
        for i in imports
        if (i.name is not None and _private(i.name)) or any(_private(p) for p in i.target.split("."))
    ]
    return sorted([*taken, *reads], key=lambda i: (i.importer, i.line, i.name or ""))


def describe_cycles(groups: list[list[str]], imports: list[Import]) -> Iterator[str]:
    """One line per group: its modules, and each import between them with its file and line."""
    for group in groups:
        inside = [i for i in imports if i.importer in group and i.target in group]
        edges = "; ".join(dict.fromkeys(f"{i.importer} -> {i.target} ({i.where})" for i in inside))
        yield f"cycle {' <-> '.join(group)}: {edges}"


MODULES, IMPORTS, READS = read_package(PACKAGE)


def test_no_import_cycles_between_mt_check_modules() -> None:
    # Pins: no mt_check module imports one that imports it back, directly or through others.
    found = cycles(IMPORTS)
    assert not found, "\n".join(describe_cycles(found, IMPORTS))


def test_no_module_imports_another_modules_private_names() -> None:
    # Pins: a helper two modules share has a public name (DESIGN.md), never `from m import _x`.
    found = private_imports(IMPORTS, READS)
    assert not found, "\n".join(
        f"{i.importer} takes private {i.name or i.target} from {i.target} ({i.where})" for i in found
    )


@pytest.mark.parametrize("view", ["mt_check.export", "mt_check.html", "mt_check.notebook"])
def test_writers_and_views_read_tables_not_report(view: str) -> None:
    # Pins: the writers and views never import the Report facade at runtime (report.py imports them).
    assert [i.where for i in IMPORTS if i.importer == view and i.target == "mt_check.report"] == []


def test_the_reader_sees_function_imports_and_skips_type_checking(tmp_path: Path) -> None:
    # Pins: the walker itself, on a package built for it: a cycle through a function-level import,
    # a private name (from-import and attribute read), relative imports; TYPE_CHECKING ignored.
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "from pkg.__version__ import __version__\n",
        "__version__.py": "__version__ = '1'\n",
        "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import c\n"
        "def f():\n    from pkg.b import _helper\n    return _helper\n",
        "b.py": "from pkg import a\nfrom . import c\nx = c._secret\n",
        "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n"
        "else:\n    pass\n",
        "sub/__init__.py": "from .d import run\n",
        "sub/d.py": "from ..c import public\nimport importlib\nimportlib.import_module('pkg.b')\n",
    }
    for name, text in files.items():
        (pkg / name).write_text(text, encoding="utf-8")
    modules, imports, reads = read_package(pkg)
    assert sorted((i.importer, i.target, i.name) for i in imports) == [
        ("pkg", "pkg.__version__", "__version__"),
        ("pkg.a", "pkg.b", "_helper"),
        ("pkg.b", "pkg.a", "a"),
        ("pkg.b", "pkg.c", "c"),
        ("pkg.sub", "pkg.sub.d", "run"),
        ("pkg.sub.d", "pkg.b", None),
        ("pkg.sub.d", "pkg.c", "public"),
    ]
    assert cycles(imports) == [["pkg.a", "pkg.b"]]
    assert [(i.importer, i.name, i.line) for i in private_imports(imports, reads)] == [
        ("pkg.a", "_helper", 5),
        ("pkg.b", "_secret", 3),
    ]


def test_every_module_is_named_in_design_md_or_the_readme() -> None:
    # Pins: the layout a newcomer reads (DESIGN.md, and the README's "Code layout" for modules
    # DESIGN.md does not name) lists every module of the package; a new module gets a line.
    import re

    design = REPO.parent / "shared" / "DESIGN.md"
    if not design.exists():
        pytest.skip(f"{design} is needed (../shared in this checkout)")
    layout = design.read_text(encoding="utf-8").split("## Package layout", 1)[1].split("```")[1]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    readme = readme.split("## Code layout", 1)[1].split("\n## ", 1)[0]
    listed = {f"mt_check/{m}" for m in re.findall(r"`mt_check/([\w/]+\.py)`", readme)}
    named = set(re.findall(r"[\w]+\.py", layout))
    packages = set(re.findall(r"^  (\w+)/", layout, re.MULTILINE))
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if f"mt_check/{relative.as_posix()}" in listed:
            continue
        if len(relative.parts) == 1 and relative.name in named:
            continue
        if relative.parts[0] in packages and (relative.parts[0] == "detectors" or relative.name in named):
            continue  # detectors/: one module per detector, named by the registry
        missing.append(relative.as_posix())
    assert missing == []
