"""The menus and their actions, with the object names tests and styles rely on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget

from briefing_app.domain.flags import ARTICLE_ORDER, LEAST_CERTAIN_FIRST, REVIEW_ORDERS
from briefing_app.qtmodels.claims_model import Column
from briefing_app.settings import SETTINGS
from briefing_app.ui.editing.review_keys import REVIEW_KEYS
from briefing_app.ui.window.actions import make_action


def _action(window, menu, name: str, text: str, slot, keys=()) -> QAction:
    return make_action(window, name, text, slot, keys, add_to=menu)


def build_menus(window) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    _action(window, file_menu, "actionOpen", "&Open…", window.choose_and_open,
            [QKeySequence.StandardKey.Open])
    file_menu.addAction(window.source_actions.add_action)
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.recent_menu.setObjectName("menuRecent")
    file_menu.addSeparator()
    _action(window, file_menu, "actionSaveProject", "&Save Project", window.save,
            [QKeySequence.StandardKey.Save])
    _action(window, file_menu, "actionSaveProjectAs", "Save Project &As…", window.save_as,
            ["Ctrl+Shift+S"])
    _action(window, file_menu, "actionExportBriefing", "&Export Word Briefing…",
            window.export_briefing, ["Ctrl+E"])
    file_menu.addSeparator()
    _action(window, file_menu, "actionReanalyse", "Re-&analyse Article", window.reanalyze,
            ["Ctrl+R"])
    file_menu.addSeparator()
    _action(window, file_menu, "actionQuit", "&Quit", window.close, ["Ctrl+Q"])

    edit_menu = bar.addMenu("&Edit")
    stack = window.doc.undo_stack
    for name, action, keys in (
        ("actionUndo", stack.createUndoAction(window, "Undo"), ["Ctrl+Z"]),
        ("actionRedo", stack.createRedoAction(window, "Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"]),
    ):
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    _action(window, edit_menu, "actionFind", "&Find in Article…", window.find_bar.open_bar,
            [QKeySequence.StandardKey.Find])
    _action(window, edit_menu, "actionFindNext", "Find &Next", lambda: window.find_bar.find(1),
            ["F3"])
    _action(window, edit_menu, "actionFindPrevious", "Find &Previous",
            lambda: window.find_bar.find(-1), ["Shift+F3"])
    edit_menu.addSeparator()
    edit_menu.addActions([window.clipboard_actions.copy_action,
                          window.clipboard_actions.paste_action])
    window.corrections.fill_menu(edit_menu.addMenu("&Correct"))
    edit_menu.addMenu("&Nudge Boundaries").addActions(window.nudger.actions)
    edit_menu.addSeparator()
    settings = _action(window, edit_menu, "actionSettings", "Se&ttings…", window.show_settings,
                       ["Ctrl+,"])
    settings.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: app menu > Settings

    view_menu = bar.addMenu("&View")
    _action(window, view_menu, "actionZoomIn", "Zoom &In", lambda: _zoom(window, 1),
            ["Ctrl++", "Ctrl+="])
    _action(window, view_menu, "actionZoomOut", "Zoom &Out", lambda: _zoom(window, -1),
            ["Ctrl+-"])
    _action(window, view_menu, "actionZoomReset", "&Reset Zoom",
            lambda: _zoom(window, -window.settings.get("zoom")), ["Ctrl+0"])
    view_menu.addSeparator()
    for dock in window.findChildren(QDockWidget):
        view_menu.addAction(dock.toggleViewAction())

    review_menu = bar.addMenu("&Review")
    for key in REVIEW_KEYS:
        _action(window, review_menu, f"action{key.name}", key.text,
                lambda k=key: window.review.trigger(k), key.keys)
        if key.name in ("PreviousClaim", "ToggleInclude", "ReliabilityF", "Credibility6",
                        "Likelihood7"):
            review_menu.addSeparator()
    review_menu.addSeparator()
    _order_menu(window, review_menu)

    help_menu = bar.addMenu("&Help")
    _action(window, help_menu, "actionShortcuts", "&Keyboard Shortcuts", window.show_shortcuts,
            ["F1"])
    _action(window, help_menu, "actionAbout", "&About", window.show_about)
    fill_recent(window)


def _order_menu(window, review_menu) -> None:
    """Review > Order (article order or least certain first) and accept-and-advance, each
    remembered in the settings."""
    review = window.review
    menu = review_menu.addMenu("Review &Order")
    menu.setObjectName("menuReviewOrder")
    # Optional exclusivity: a panel the analyst sorts by another column is in neither order.
    group = QActionGroup(window)
    group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
    choices = {}
    for order, text in REVIEW_ORDERS.items():
        name = "".join(word.title() for word in order.split("_"))
        action = _action(window, menu, f"actionOrder{name}", text,
                         lambda o=order: _choose_order(window, o))
        action.setCheckable(True)
        group.addAction(action)
        choices[order] = action
    review.orderChanged.connect(lambda order: choices[order].setChecked(True))
    header = window.claims_panel.view.horizontalHeader()
    header.sortIndicatorChanged.connect(lambda *_args: _uncheck_unless_in_order(window, choices))
    advance = _action(window, review_menu, "actionAdvanceAfterReview",
                      "&Move On After Accept or Reject",
                      lambda: _set_advance(window, advance.isChecked()))
    advance.setCheckable(True)
    advance.setChecked(review.advances())


def _choose_order(window, order: str) -> None:
    window.review.set_order(order)
    window.save_settings()


def _set_advance(window, on: bool) -> None:
    window.review.set_advances(on)
    window.save_settings()


def _uncheck_unless_in_order(window, choices) -> None:
    """The analyst sorted the claims by a header: J / K follow that sort, so the menu shows
    no order unless the sort is one of the two."""
    header = window.claims_panel.view.horizontalHeader()
    section = header.sortIndicatorSection()
    if section == Column.CONFIDENCE and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        shown = LEAST_CERTAIN_FIRST
    else:
        # Any section outside the columns is no sort at all: the model's article order.
        shown = ARTICLE_ORDER if not 0 <= section < header.count() else ""
    for order, action in choices.items():
        action.setChecked(order == shown)


def _zoom(window, steps: int) -> None:
    old = window.settings.get("zoom")
    new = SETTINGS["zoom"].clamp(old + steps)  # past the declared range the view stays put
    window.article.zoom(new - old)
    window.settings.set("zoom", new)


def fill_recent(window) -> None:
    """Rebuild File > Open Recent from the settings."""
    menu = window.recent_menu
    menu.clear()
    for path in window.settings.get("recent_files"):
        action = menu.addAction(path)
        action.triggered.connect(lambda _checked=False, p=path: window.open_path(p))
    menu.setEnabled(bool(window.settings.get("recent_files")))
