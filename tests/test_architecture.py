"""The layer rules: which package may import which.

- domain/, nlp/ and storage/ import nothing from PySide6;
- domain/ imports none of the other layers (it is what they share);
- nlp/ and storage/ know nothing of each other, nor of document/, qtmodels/ or ui/;
- document/ and qtmodels/ never import ui/.
"""

import ast
from pathlib import Path

import pytest

import briefing_app

PACKAGE = Path(briefing_app.__file__).parent
LAYERS = ("domain", "nlp", "storage", "document", "qtmodels", "ui")
QT = ("PySide6", "shiboken6")
# package -> the briefing_app packages it must never import
FORBIDDEN = {
    "domain": {"nlp", "storage", "document", "qtmodels", "ui"},
    "nlp": {"storage", "document", "qtmodels", "ui"},
    "storage": {"nlp", "document", "qtmodels", "ui"},
    "document": {"ui"},
    "qtmodels": {"ui"},
}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            # `from briefing_app import ui` names a layer through the package itself
            if node.module == "briefing_app":
                names.update(f"briefing_app.{alias.name}" for alias in node.names)
    return names


def _layer_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "briefing_app" and parts[1] in LAYERS \
        else None


def _offences(package: str, root: Path = PACKAGE) -> list[str]:
    found = []
    for module in sorted((root / package).rglob("*.py")):
        for name in _imports(module):
            if package in ("domain", "nlp", "storage") and name.split(".")[0] in QT:
                found.append(f"{module.relative_to(root)} imports {name}")
            if _layer_of(name) in FORBIDDEN.get(package, ()):
                found.append(f"{module.relative_to(root)} imports {name}")
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(package):
    assert _offences(package) == []


def test_architecture_check_sees_an_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nfrom briefing_app import ui\n"
                   "import briefing_app.storage.formats\n")
    names = _imports(bad)
    assert {"PySide6.QtCore", "briefing_app.ui", "briefing_app.storage.formats"} <= names
    assert _layer_of("briefing_app.ui.window.parts") == "ui"
    assert _layer_of("briefing_app.settings") is None


def test_the_rules_catch_a_planted_offence(tmp_path):
    (tmp_path / "nlp").mkdir()
    (tmp_path / "nlp" / "bad.py").write_text("from briefing_app.storage.formats import X\n")
    (tmp_path / "qtmodels").mkdir()
    (tmp_path / "qtmodels" / "bad.py").write_text("from briefing_app import ui\n")
    assert _offences("nlp", tmp_path) == ["nlp/bad.py imports briefing_app.storage.formats"]
    assert _offences("qtmodels", tmp_path) == ["qtmodels/bad.py imports briefing_app.ui"]
