"""Opening an article into a new briefing is reading, not editing: nothing unsaved, nothing
to undo, no question on quitting; the analyst's own acts (a review, another source) are."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing_app import APP_NAME


def _open_by_keys(window, qtbot, monkeypatch, path, shortcut=Qt.Key.Key_O,
                  modifiers=Qt.KeyboardModifier.ControlModifier):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    qtbot.keyClick(window.article, shortcut, modifiers)


def test_reading_an_article_leaves_nothing_unsaved(window, article, qtbot, monkeypatch,
                                                   wait_analyzed):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: asked.append(args[1])
                        or QMessageBox.StandardButton.Cancel)
    _open_by_keys(window, qtbot, monkeypatch, article)
    wait_analyzed(window)
    assert window.doc.briefing.claims  # the machine's analysis is there ...
    assert not window.isWindowModified()  # ... as the baseline, not an edit
    assert window.windowTitle() == f"Untitled[*] — {APP_NAME}"  # [*] shows only when modified
    undo = window.findChild(object, "actionUndo")
    assert not undo.isEnabled() and window.doc.undo_stack.count() == 0

    window.select_item("claim", "c1")
    qtbot.keyClick(window.claims_panel.view, Qt.Key.Key_A)
    assert window.isWindowModified() and undo.text() == "Undo Accept claim"
    qtbot.keyClick(window.claims_panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert window.doc.briefing.claim("c1").review == "machine"
    assert window.doc.briefing.sources  # undo never takes the article away

    assert window.close()  # nothing of the analyst's to lose: no question
    assert asked == []


def test_adding_a_source_is_the_analysts_act(window, article, handmade, tmp_path, qtbot,
                                             monkeypatch, wait_analyzed):
    _open_by_keys(window, qtbot, monkeypatch, article)
    wait_analyzed(window)
    second = tmp_path / "day_two.txt"
    second.write_bytes(handmade.TEXT.replace("talks stall", "day two").encode("utf-8"))
    _open_by_keys(window, qtbot, monkeypatch, second,
                  modifiers=Qt.KeyboardModifier.ControlModifier
                  | Qt.KeyboardModifier.ShiftModifier)  # File > Add Source
    qtbot.waitUntil(lambda: len(window.doc.briefing.sources) == 2
                    and not window.analysis.busy(), timeout=5000)
    assert window.isWindowModified()
    stack = window.doc.undo_stack
    assert stack.count() == 2  # the added source, then its analysis
    stack.undo()
    stack.undo()
    assert [s.id for s in window.doc.briefing.sources] == [window.doc.briefing.sources[0].id]
    assert len(window.doc.briefing.sources) == 1 and not window.isWindowModified()


def test_a_review_during_the_first_analysis_stays_undoable(make_window, handmade, article,
                                                           qtbot):
    import threading

    gate = threading.Event()
    window = make_window(handmade.FakeEngine(gate))
    assert window.open_path(article)
    title = window.briefing_panel.title  # the analyst acts before the analysis lands
    qtbot.keyClicks(title, "Syldavian port strike")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert window.doc.undo_stack.count() == 1
    gate.set()
    qtbot.waitUntil(lambda: bool(window.doc.briefing.claims)
                    and not window.analysis.busy(), timeout=5000)
    stack = window.doc.undo_stack
    assert stack.undoText() == "Analyse article"  # landed as a step over the analyst's one
    stack.undo()
    assert window.doc.briefing.claims == []
    stack.undo()
    assert not window.isWindowModified()



def test_pasted_text_is_unsaved_work(window, handmade, qtbot, wait_analyzed):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(handmade.TEXT)
    qtbot.keyClick(window.article, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_analyzed(window)
    # The text exists nowhere else: quitting must ask before it is lost.
    assert window.isWindowModified()


def test_the_window_paints_a_landed_analysis_one_turn_later(window, article, qtbot,
                                                            wait_analyzed):
    # Landing 5,000 claims and repainting the whole window each take 15-30 ms: on one
    # event-loop turn they make a stall the analyst feels, so the paint waits a turn.
    painting_at_landing = []
    window.analysis.landed.connect(lambda _sid: painting_at_landing.append(
        window.updatesEnabled()))
    assert window.open_path(article)
    wait_analyzed(window)
    assert painting_at_landing == [False]
    qtbot.waitUntil(window.updatesEnabled)
    assert window.claims_panel.view.updatesEnabled()  # the children paint again too



def test_highlighting_a_landed_analysis_waits_for_the_windows_paint(window, article, qtbot,
                                                                   wait_analyzed):
    # The repaint of the landed panels, Qt's delayed layout of the views and a highlight
    # slice in one event-loop turn made the longest stall at 100,000 words (35-67 ms):
    # the next slice after a landing waits long enough for the paint to come first.
    waits = []
    window.analysis.landed.connect(
        lambda _sid: waits.append(window.article._slicer.remainingTime()))
    assert window.open_path(article)
    wait_analyzed(window)
    assert len(waits) == 1 and waits[0] >= 15, waits
    assert window.article.highlighter.by_block  # and the highlights are all drawn
