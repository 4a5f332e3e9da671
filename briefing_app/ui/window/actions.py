"""Named window actions: one way to make the QActions the menus, panels and keys share."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def make_action(owner: QObject, name: str, text: str, slot: Callable[[], object],
                keys: str | Sequence[str] = (), add_to=None) -> QAction:
    """A QAction named `name` (the object name tests and styles find it by) that calls
    `slot()`, with one shortcut or several; added to `add_to` when given: a window, so the
    shortcut works wherever the focus is in it, or a menu."""
    action = QAction(text, owner)
    action.setObjectName(name)
    shortcuts = [keys] if isinstance(keys, str) else list(keys)
    action.setShortcuts([QKeySequence(k) for k in shortcuts if k])
    action.triggered.connect(lambda _checked=False: slot())
    if add_to is not None:
        add_to.addAction(action)
    return action
