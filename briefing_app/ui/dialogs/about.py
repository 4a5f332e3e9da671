"""Help > About: the version, the spaCy pipeline in use with its version and licence, and
the licences of the libraries shipped with the app.

Everything is read from installed package metadata when the dialog opens, never by
importing spaCy: the window must not pay for spaCy at startup, nor the dialog later.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app import APP_ID, APP_NAME, DEFAULT_PIPELINE, __version__
from briefing_app.logs import log_file
from briefing_app.paths import app_icon_path  # re-exported: the dialog and its tests use it

# (distribution, shown name, licence as shipped): the licence column is what the bundle
# carries; metadata fills in the installed version.
BUNDLED = (
    ("PySide6-Essentials", "Qt for Python (PySide6)", "LGPL-3.0"),
    ("spacy", "spaCy", "MIT"),
    ("python-docx", "python-docx", "MIT"),
    ("trafilatura", "trafilatura", "Apache-2.0"),
    ("pypdfium2", "pypdfium2 (PDFium)", "Apache-2.0 / BSD-3-Clause"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("lxml", "lxml", "BSD-3-Clause"),
)


def _version(distribution: str) -> str:
    # importlib.metadata (with email, socket, zipfile...) costs ~30 ms: only when asked,
    # never at start-up.
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _licence(meta) -> str:
    expression = meta.get("License-Expression") or meta.get("License") or ""
    if expression and len(expression) < 60:
        return expression
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or "see the package"


def pipeline_facts(name: str) -> dict[str, str]:
    """Name, version, licence and spaCy version of pipeline package `name`, from metadata."""
    from importlib import metadata

    facts = {"name": name, "version": "not installed", "licence": "", "spacy": _version("spacy")}
    try:
        meta = metadata.metadata(name)
    except metadata.PackageNotFoundError:
        return facts
    facts["version"] = meta.get("Version", "")
    facts["licence"] = _licence(meta)
    return facts


def library_rows() -> list[tuple[str, str, str]]:
    return [(shown, _version(dist), licence) for dist, shown, licence in BUNDLED]


class AboutDialog(QDialog):
    def __init__(self, pipeline: str = "", used=None, parent: QWidget | None = None):
        """`pipeline`: the setting (empty for the default); `used`: the briefing's PipelineInfo."""
        super().__init__(parent)

        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {APP_NAME}")
        facts = pipeline_facts(pipeline or DEFAULT_PIPELINE)
        icon = QLabel(self, objectName="aboutIcon")
        icon.setPixmap(QPixmap(app_icon_path(128)))
        lines = [f"<h2>{APP_NAME} {__version__}</h2>",
                 "Turns news articles into sourced Word briefings, offline.",
                 f"<p><b>spaCy pipeline:</b> {facts['name']} {facts['version']}"
                 + (f" ({facts['licence']})" if facts["licence"] else "")
                 + f", spaCy {facts['spacy']}"]
        if used is not None and used.name:
            on = f" on spaCy {used.spacy_version}" if used.spacy_version else ""
            lines.append(f"<br>This briefing was analysed with {used.name} {used.version}{on}.")
        lines.append(f"</p><p>Application id: {APP_ID}<br>Log file (send it with a bug report; "
                     f"it holds no article text): {escape(str(log_file()))}</p>")
        self.text = QLabel("".join(lines), self, objectName="aboutText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows = library_rows()
        table = QTableWidget(len(rows), 3, self, objectName="aboutLibraries")
        table.setHorizontalHeaderLabels(["Bundled library", "Version", "Licence"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only: no current-cell frame
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def texts(self) -> str:
        """Everything the dialog says, as plain text (tests)."""
        cells = [self.table.item(r, c).text() for r in range(self.table.rowCount())
                 for c in range(self.table.columnCount())]
        return self.text.text() + "\n" + "\n".join(cells)
