"""Who may import whom: the core, the exports and each exercise's logic stay free of Qt.

Two checks. The first reads the source with ``ast``: no file of ``workshop_app/`` or
``exports/``, no ``exercises/__init__.py``, ``exercises/*/__init__.py`` or
``exercises/*/logic.py`` — nor any of our modules they import at module level, views
aside — imports PySide6 (or ``ui``), and none imports matplotlib at module level. The
second imports them all in a fresh interpreter and looks at ``sys.modules``.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = ("workshop_app", "exports", "exercises", "ui")
QT = ("PySide6", "ui")
LAZY = ("matplotlib",)  # imported when first needed, never at start-up


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def module_file(name: str) -> Path | None:
    """The file of one of our modules, or None (a third-party or missing module)."""
    if name.split(".")[0] not in OURS:
        return None
    base = ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def roots() -> list[Path]:
    files = [p for top in ("workshop_app", "exports") for p in (ROOT / top).rglob("*.py")]
    files.append(ROOT / "exercises" / "__init__.py")
    files += sorted((ROOT / "exercises").glob("*/__init__.py"))
    files += sorted((ROOT / "exercises").glob("*/logic.py"))
    return sorted(set(files))


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _statements(body, top_level: bool):
    """Import statements; with ``top_level``, only those run when the module is imported."""
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif top_level and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        elif top_level and _is_type_checking(node):
            continue
        else:
            for field in ("body", "orelse", "finalbody", "handlers"):
                yield from _statements(getattr(node, field, []) or [], top_level)


def imported_names(path: Path, top_level: bool, members: bool = True) -> list[str]:
    """Absolute names of what the file imports; ``from a import b`` gives ``a`` and, with
    ``members``, ``a.b`` too (``b`` may be a submodule)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    names = []
    for node in _statements(tree.body, top_level):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
            continue
        if node.level:
            base_parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            base = ".".join(base_parts + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        names.append(base)
        if members:
            names += [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"]
    return names


def _starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_core_exports_and_exercise_logic_never_import_qt():
    problems = []
    seen: set[Path] = set()
    todo = [(path, "") for path in roots()]
    while todo:
        path, via = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        where = f"{path.relative_to(ROOT)}{via}"
        if path.name != "__main__.py":  # the composition root may start the GUI, lazily
            problems += [f"{where} imports {name}" for name in imported_names(path, False, members=False)
                         if _starts(name, QT)]
        problems += [f"{where} imports {name} at module level"
                     for name in imported_names(path, True, members=False) if _starts(name, LAZY)]
        for name in imported_names(path, top_level=True):
            target = module_file(name)
            if target is not None and target.name != "views.py" and target not in seen:
                todo.append((target, f" (imported by {path.relative_to(ROOT)})"))
    assert len(seen) > 20, "the walk found too few modules"
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_check_catches_a_slip(tmp_path, monkeypatch):
    """The walk follows module-level imports and sees both kinds of slip."""
    fake = tmp_path / "exercises" / "slip"
    fake.mkdir(parents=True)
    (fake / "logic.py").write_text("from . import helper\n", encoding="utf-8")
    (fake / "helper.py").write_text("import matplotlib.pyplot\nfrom PySide6 import QtCore\n",
                                    encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert imported_names(fake / "logic.py", top_level=True) == ["exercises.slip", "exercises.slip.helper"]
    assert module_file("exercises.slip.helper") == fake / "helper.py"
    names = imported_names(fake / "helper.py", top_level=True)
    assert any(_starts(n, LAZY) for n in names) and any(_starts(n, QT) for n in names)


_PROBE = """
import importlib, pkgutil, sys
import workshop_app, exports, exercises, room
from pathlib import Path
for package in (workshop_app, exports, room):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
for name in ("logic", "api"):
    for module in sorted(Path(exercises.__file__).parent.glob(f"*/{name}.py")):
        importlib.import_module(f"exercises.{module.parent.name}.{name}")
print(" ".join(sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("PySide6", "matplotlib", "ui")})))
"""


def test_importing_the_core_loads_neither_qt_nor_matplotlib():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [], f"loaded at import: {done.stdout.strip()}"


def test_the_layers_of_docs_architecture_hold():
    """import-linter checks the contracts in pyproject.toml: who may import whom, stages
    only through their published API, the core and the room without Qt."""
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (done.stdout + done.stderr)[-5000:]
    assert "0 broken" in done.stdout


_SQL = re.compile(r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT INTO\b|\bDELETE FROM\b|\bUPDATE \w+ SET\b"
                  r"|\bPRAGMA \w+|\bCREATE (TABLE|INDEX|TRIGGER)\b|\bDROP TABLE\b")  # SQL as we write it


def _sql_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.relative_to(ROOT)}:{node.lineno}: {node.value.strip()[:60]!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _SQL.search(node.value)]


def test_no_sql_in_the_shell_nor_in_any_view():
    """Data access lives in each stage's Qt-free modules; views and ui/ call them."""
    qt_modules = [p for p in sorted((ROOT / "ui").rglob("*.py"))]
    qt_modules += [p for p in sorted((ROOT / "exercises").rglob("*.py"))
                   if "PySide6" in p.read_text(encoding="utf-8")]
    assert len(qt_modules) > 30
    found = [line for path in qt_modules for line in _sql_strings(path)]
    assert not found, "\n".join(found)


def test_the_sql_check_sees_a_query(tmp_path, monkeypatch):
    view = tmp_path / "ui" / "panel.py"
    view.parent.mkdir()
    view.write_text('rows = store.query("SELECT id FROM participants")\nlabel = "Select a row"\n',
                    encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert [line.split(": ", 1)[1] for line in _sql_strings(view)] == ["'SELECT id FROM participants'"]
