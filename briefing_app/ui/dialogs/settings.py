"""Edit > Settings: spaCy pipeline, size limits, author and mark of new briefings, theme
and the highlight colour of each actor kind.

The dialog only writes the values into Settings when it is accepted; the window saves
them and puts them into effect (MainWindow.apply_settings), so nothing needs a restart.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing_app import DEFAULT_PIPELINE
from briefing_app.domain import palette
from briefing_app.domain.model import ACTOR_KINDS, HANDLING_MARKS
from briefing_app.errors import PipelineError
from briefing_app.nlp.pipeline import find_pipeline
from briefing_app.settings import SETTINGS, Settings
from briefing_app.ui.theme import THEME_LABELS, THEMES


def pipeline_found(name: str) -> bool:
    """Whether spaCy could load `name`: an installed package or a folder ('' = default).

    The same rule the loader applies (files only: nothing is imported, spaCy neither).
    """
    if not name:
        return True
    try:
        find_pipeline(name)
    except PipelineError:
        return False
    return True


class ColourButton(QPushButton):
    """A swatch and its "#rrggbb"; a click opens QColorDialog."""

    def __init__(self, kind: str, colour: str, parent: QWidget | None = None):
        super().__init__(parent, objectName=f"colour_{kind}")
        self.kind = kind
        self.set_colour(colour)
        self.clicked.connect(self.choose)

    def set_colour(self, colour: str) -> None:
        self.colour = colour.upper()
        swatch = QPixmap(28, 16)
        swatch.fill(QColor(self.colour))
        self.setIcon(QIcon(swatch))
        self.setText(self.colour)

    def choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self,
                                       f"Highlight colour: {palette.LABELS[self.kind]}")
        if chosen.isValid():
            self.set_colour(chosen.name())


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.addWidget(self._analysis_group())
        layout.addWidget(self._briefing_group())
        layout.addWidget(self._appearance_group())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ groups
    def _analysis_group(self) -> QGroupBox:
        group = QGroupBox("Analysis", self)
        form = QFormLayout(group)
        get = self._settings.get
        self.pipeline = QLineEdit(get("pipeline"), group, objectName="settingsPipeline")
        self.pipeline.setPlaceholderText(f"default ({DEFAULT_PIPELINE})")
        self.pipeline.setToolTip("An installed spaCy pipeline package, or a pipeline folder. "
                                 "Used from the next analysis on.")
        self.pipeline_note = QLabel(group, objectName="settingsPipelineNote", wordWrap=True)
        self.pipeline.textChanged.connect(self._check_pipeline)
        self._check_pipeline(self.pipeline.text())
        # The ranges are the settings' own, so an accepted dialog never holds a refused value.
        mb, chars = SETTINGS["max_input_mb"], SETTINGS["max_text_chars"]
        self.max_mb = QSpinBox(group, objectName="settingsMaxInputMb", minimum=mb.minimum,
                               maximum=mb.maximum, suffix=" MB", value=get("max_input_mb"))
        self.max_chars = QSpinBox(group, objectName="settingsMaxTextChars",
                                  minimum=chars.minimum, maximum=chars.maximum,
                                  singleStep=100_000, value=get("max_text_chars"))
        self.max_chars.setGroupSeparatorShown(True)
        form.addRow("spaCy &pipeline:", self.pipeline)
        form.addRow("", self.pipeline_note)
        form.addRow("Largest &file:", self.max_mb)
        form.addRow("Longest &text (characters):", self.max_chars)
        return group

    def _briefing_group(self) -> QGroupBox:
        group = QGroupBox("New briefings", self)
        form = QFormLayout(group)
        self.author = QLineEdit(self._settings.get("author"), group,
                                objectName="settingsAuthor")
        self.author.setPlaceholderText("Your name, as it should appear in briefings")
        self.mark = QComboBox(group, objectName="settingsMark", editable=True)
        self.mark.addItems(HANDLING_MARKS)
        # A mark typed in (an in-house caveat) is kept as typed, not added to the list.
        self.mark.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.mark.setCurrentText(self._settings.get("mark"))
        form.addRow("&Author:", self.author)
        form.addRow("Handling &mark:", self.mark)
        return group

    def _appearance_group(self) -> QGroupBox:
        group = QGroupBox("Appearance", self)
        form = QFormLayout(group)
        self.theme = QComboBox(group, objectName="settingsTheme")
        for theme in THEMES:
            self.theme.addItem(THEME_LABELS[theme], theme)
        self.theme.setCurrentIndex(max(self.theme.findData(self._settings.get("theme")), 0))
        form.addRow("T&heme:", self.theme)
        grid = QGridLayout()
        tints = palette.tints("light", self._settings.get("highlight_colours"))
        self.colour_buttons: dict[str, ColourButton] = {}
        for row, kind in enumerate(ACTOR_KINDS):
            button = ColourButton(kind, tints[kind], group)
            self.colour_buttons[kind] = button
            label = QLabel(f"{palette.LABELS[kind].capitalize()}:", group)
            label.setBuddy(button)
            grid.addWidget(label, row // 3, 2 * (row % 3))
            grid.addWidget(button, row // 3, 2 * (row % 3) + 1)
        reset = QPushButton("Reset to defaults", group, objectName="settingsResetColours")
        reset.clicked.connect(self.reset_colours)
        grid.addWidget(reset, (len(ACTOR_KINDS) - 1) // 3, 5)
        form.addRow(QLabel("Actor highlight colours (light theme; the dark theme uses the "
                           "same hues, darkened):", group, wordWrap=True))
        form.addRow(grid)
        return group

    # ----------------------------------------------------------------- actions
    def _check_pipeline(self, text: str) -> None:
        name = text.strip()
        found = pipeline_found(name)
        # Shown, not enforced: the pipeline may be installed before the next analysis.
        self.pipeline_note.setText("" if found else "Not installed: analysis will fail.")
        self.pipeline_note.setVisible(not found)

    def reset_colours(self) -> None:
        for kind, button in self.colour_buttons.items():
            button.set_colour(palette.LIGHT[kind])

    def colours(self) -> dict[str, str]:
        """The chosen tints that differ from the defaults (what the settings keep)."""
        return {kind: button.colour for kind, button in self.colour_buttons.items()
                if button.colour != palette.LIGHT[kind].upper()}

    def accept(self) -> None:
        values = {
            "pipeline": self.pipeline.text().strip(),
            "author": self.author.text().strip(),
            "mark": self.mark.currentText().strip() or SETTINGS["mark"].default,
            "theme": self.theme.currentData(),
            "highlight_colours": self.colours(),
            "max_input_mb": self.max_mb.value(),
            "max_text_chars": self.max_chars.value(),
        }
        for key, value in values.items():
            self._settings.set(key, value)
        super().accept()
