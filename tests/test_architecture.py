"""The one rule: domain/, nlp/ and storage/ import nothing from PySide6."""

import ast
from pathlib import Path

import briefing_app

PACKAGE = Path(briefing_app.__file__).parent


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_packages_import_no_qt():
    offenders = []
    for package in ("domain", "nlp", "storage"):
        for module in (PACKAGE / package).rglob("*.py"):
            if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(module)):
                offenders.append(str(module.relative_to(PACKAGE)))
    assert offenders == []


def test_architecture_check_sees_an_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n")
    assert "PySide6.QtCore" in _imports(bad)
