"""Help > Keyboard shortcuts: read from the window's own actions, so it can never drift.

Every QAction with a shortcut is listed under the menu it sits in ("Edit > Correct");
actions that are in no menu are listed under the panel they belong to, or under
"Anywhere in the window" when the window itself owns them. The keys of a single box (the
find bar's Enter and Esc) are QShortcuts: they are listed by their description (what's
this) under the titled part of the window they work in. A key added anywhere shows up
here with no edit.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

WINDOW_GROUP = "Anywhere in the window"


def plain_text(text: str) -> str:
    """Menu text without its mnemonic marks ("&Save" -> "Save", "&&" -> "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def key_text(keys: list[QKeySequence]) -> str:
    """Shortcuts as the platform writes them, alternatives joined by "or"."""
    return " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(group, action text, keys) for every action of `window` that has a shortcut, in
    menu order first, then the actions in no menu."""
    rows: list[tuple[str, str, str]] = []
    listed: set[int] = set()

    def walk(menu: QMenu, group: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{group} > {plain_text(action.text())}")
            elif action.shortcuts() and id(action) not in listed:
                listed.add(id(action))
                rows.append((group, plain_text(action.text()), key_text(action.shortcuts())))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), plain_text(top.text()))
    # Actions in no menu: the window's own (the nudges, anything added to the window) and
    # the panels' (a list's Delete key).
    unlisted = window.actions() + window.findChildren(QAction)
    for action in unlisted:
        if action.shortcuts() and id(action) not in listed:
            listed.add(id(action))
            rows.append((_home(window, action), plain_text(action.text()),
                         key_text(action.shortcuts())))
    for shortcut in window_shortcuts(window):
        rows.append((_home(window, shortcut), shortcut.whatsThis() or shortcut.objectName(),
                     key_text(shortcut.keys())))
    return rows


def window_shortcuts(window: QMainWindow) -> list[QShortcut]:
    """The QShortcuts with keys that work in `window` itself (not in a dialog it owns)."""
    return [s for s in window.findChildren(QShortcut)
            if s.keys() and isinstance(s.parent(), QWidget) and s.parent().window() is window]


def _home(window: QMainWindow, key: QAction | QShortcut) -> str:
    """Where a key in no menu works: its dock's title, a titled part of the window (the
    find bar), or the window as a whole."""
    if key in window.actions():
        return WINDOW_GROUP
    owner = key.parent()
    while isinstance(owner, QWidget) and owner is not window:
        if isinstance(owner, QDockWidget):
            return f"{owner.windowTitle()} panel"
        if owner.windowTitle():
            return owner.windowTitle()
        owner = owner.parent()
    return WINDOW_GROUP


class ShortcutsDialog(QDialog):
    """The keys of `window` (its parent), grouped by menu, in a tree of Action / Keys."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.rows = shortcut_rows(window)
        tree = QTreeWidget(self, objectName="shortcutsTree")
        tree.setHeaderLabels(["Action", "Keys"])
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for group, text, keys in self.rows:
            if group not in groups:
                groups[group] = QTreeWidgetItem(tree, [group])
                groups[group].setFirstColumnSpanned(True)
                font = groups[group].font(0)
                font.setBold(True)
                groups[group].setFont(0, font)
            QTreeWidgetItem(groups[group], [text, keys])
        tree.expandAll()
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree = tree
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tree)
        layout.addWidget(buttons)
        self.resize(560, 680)

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """(group, action, keys) as the tree shows them (tests read it)."""
        shown = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            shown += [(group.text(0), group.child(r).text(0), group.child(r).text(1))
                      for r in range(group.childCount())]
        return shown
