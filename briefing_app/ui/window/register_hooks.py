"""The window's side of the actor register: it applies the register when an analysis lands,
learns from the analyst's merges, renames and kinds, and opens the Register dialog.

It edits none of the correction code: it watches the undo stack, and when the analyst
pushes a correction command (by type) it compares the actors before and after to see what
was merged, renamed or given a kind. Undo, redo and its own register step teach nothing.
The register is opened on first use; a broken one is said once and the window goes on.
"""

from __future__ import annotations

import logging
import weakref

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QMessageBox

from briefing_app.document.commands import UpdateActorCommand
from briefing_app.document.correction_commands import CorrectionCommand
from briefing_app.document.register_commands import ApplyRegisterCommand
from briefing_app.domain.register_match import learned
from briefing_app.errors import RegisterError
from briefing_app.storage.register import Register
from briefing_app.ui.window.actions import make_action

log = logging.getLogger(__name__)
LEARN_CHOICES = ("always", "ask", "never")
_ANALYST_COMMANDS = (CorrectionCommand, UpdateActorCommand)


def ask_learn(parent, what: str, answer) -> QMessageBox:
    """Ask whether to remember `what` ("ROK is South Korea (state)") and call
    answer(remember this, do not ask again) once the analyst chooses. The question waits
    beside the window without blocking it: the analyst answers when the correction is done.
    """
    box = QMessageBox(QMessageBox.Icon.Question, "Actor register",
                      f"Remember in your actor register that {what}?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("registerQuestion")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    again = QCheckBox("Do the same from now on without asking", box)
    box.setCheckBox(again)
    box.finished.connect(lambda result: answer(
        result == QMessageBox.StandardButton.Yes, again.isChecked()))
    box.show()  # not open(): that makes the box window-modal
    return box


class RegisterHooks(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.doc = window, window.doc
        self._register: Register | None = None
        self.problem = ""  # the sentence of a register that could not be opened
        self._entries = None
        stack = self.doc.undo_stack
        self._index = stack.index()
        self._seen = weakref.WeakSet()  # commands already run once: a later redo is no act
        self._actors = self._state()
        stack.indexChanged.connect(self._stack_moved)
        self.doc.reset.connect(self._reset)
        window.analysis.landed.connect(self.apply_to_source)
        # Opened (and read) while the analysis runs, not on the turn its result lands, where
        # the database's first open (a few ms) added to the longest stall of the window.
        window.analysis.progress.connect(lambda *_: self.entries())
        self.action = make_action(window, "actionActorRegister", "Actor &Register…",
                                  self.show_dialog)
        self._add_to_menu()

    def _add_to_menu(self) -> None:
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            if menu is not None and menu_action.text().replace("&", "") == "Edit":
                settings = next((a for a in menu.actions()
                                 if a.objectName() == "actionSettings"), None)
                menu.insertAction(settings, self.action)
                return
        self.window.menuBar().addAction(self.action)

    # --------------------------------------------------------------- register
    def register(self) -> Register | None:
        """The open register, or None (said once in the status bar) when it cannot be used."""
        if self._register is None and not self.problem:
            try:
                self._register = Register.open()
            except RegisterError as error:
                log.warning("actor register not used: %s", error)
                self.problem = str(error)
                self.window.statusBar().showMessage(self.problem, 20000)
        return self._register

    def entries(self) -> list:
        if self._entries is None:
            register = self.register()
            try:
                self._entries = register.entries() if register else []
            except RegisterError as error:
                self._entries = []
                self.window.statusBar().showMessage(str(error), 20000)
        return self._entries

    def forget_cache(self) -> None:
        self._entries = None

    # ------------------------------------------------------------------ apply
    def apply_to_source(self, source_id: str) -> None:
        entries = self.entries()
        if not entries or self.doc.briefing.source(source_id) is None:
            return
        command = ApplyRegisterCommand(self.doc, entries, source_id)
        self.doc.push(command)
        if command.changed:
            self.window.statusBar().showMessage(
                "Actors matched to your register (Edit > Undo gives back the engine's).", 8000)

    # ------------------------------------------------------------------ learn
    def _state(self) -> dict:
        # One mention is enough to find where a merged actor went: mentions move whole.
        return {a.id: (a.name, a.kind, a.role, a.affiliation,
                       (a.mentions[0].source_id, a.mentions[0].start, a.mentions[0].end)
                       if a.mentions else None)
                for a in self.doc.briefing.actors}

    def _reset(self) -> None:
        self._actors, self._index = self._state(), self.doc.undo_stack.index()

    def _stack_moved(self, index: int) -> None:
        stack = self.doc.undo_stack
        command = stack.command(index - 1) if index > 0 else None
        pushed = index > self._index and command is not None and command not in self._seen
        if command is not None:
            self._seen.add(command)
        before, self._actors, self._index = self._actors, self._state(), index
        if pushed and isinstance(command, _ANALYST_COMMANDS):
            lessons = self._lessons(before)
            if lessons:
                self._learn(lessons)

    def _lessons(self, before: dict) -> list[tuple]:
        """(name, kind, aliases, role, affiliation) for each merge, rename or kind change."""
        after = {a.id: a for a in self.doc.briefing.actors}
        lessons = []
        gone = {i: state for i, state in before.items() if i not in after}
        if gone:
            holder = {(m.source_id, m.start, m.end): a for a in after.values()
                      for m in a.mentions}
            merged: dict[str, list[str]] = {}
            for name, _kind, _role, _aff, first in gone.values():
                keep = holder.get(first) if first else None
                if keep is not None and keep.id in before:
                    merged.setdefault(keep.id, []).append(name)
            for keep_id, names in merged.items():
                keep = after[keep_id]
                lessons.append((keep.name, keep.kind, names, keep.role, keep.affiliation))
        for actor_id, (name, kind, *_rest) in before.items():
            actor = after.get(actor_id)
            if actor is None or (actor.name, actor.kind) == (name, kind):
                continue
            aliases = [name] if actor.name != name else []
            lessons.append((actor.name, actor.kind, aliases, actor.role, actor.affiliation))
        return lessons

    def _learn(self, lessons: list[tuple]) -> None:
        mode = self.window.settings.get("register_learn")
        if mode == "never" or self.register() is None:
            return
        if mode == "always":
            self.remember(lessons)
            return
        # Asked after the push has finished, never inside the undo stack's signal.
        QTimer.singleShot(0, self, lambda: self._ask(lessons))

    def _ask(self, lessons: list[tuple]) -> None:
        what = "; ".join(_describe(lesson) for lesson in lessons)
        ask_learn(self.window, what, lambda remember, always: self._answered(
            lessons, remember, always))

    def _answered(self, lessons: list[tuple], remember: bool, always: bool) -> None:
        if always:
            self.window.settings.set("register_learn", "always" if remember else "never")
            self.window.save_settings()
        if remember:
            self.remember(lessons)

    def remember(self, lessons: list[tuple]) -> None:
        register = self.register()
        try:
            for name, kind, aliases, role, affiliation in lessons:
                learning = learned(register.entries(), name, kind, aliases, role, affiliation)
                register.save(learning.entry, learning.replaced)
        except RegisterError as error:
            self.window.statusBar().showMessage(str(error), 10000)
            return
        finally:
            self.forget_cache()
        self.window.statusBar().showMessage(
            f"Your register now knows that {_describe(lessons[0])}.", 6000)

    # ----------------------------------------------------------------- dialog
    def show_dialog(self) -> None:
        from briefing_app.ui.dialogs.register import RegisterDialog  # built on first use

        register = self.register()
        if register is None:
            QMessageBox.warning(self.window, "Actor register", self.problem)
            return
        # Window-modal but not a nested event loop: the window's timers and autosave go on.
        dialog = RegisterDialog(register, self.window.settings, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        self.window.save_settings()
        self.forget_cache()


def _describe(lesson: tuple) -> str:
    name, kind, aliases = lesson[:3]
    return f"{', '.join(aliases)} {'is' if len(aliases) == 1 else 'are'} {name} ({kind})" \
        if aliases else f"{name} is {'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def install_register(window) -> RegisterHooks:
    return RegisterHooks(window)
