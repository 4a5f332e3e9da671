"""Save As starts beside the article with a name from the briefing's title."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog


def test_save_as_suggests_the_title_beside_the_article(analyzed, article, qtbot, monkeypatch):
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _caption, start, _filter: offered.append(start)
                        or (start, ""))
    title = analyzed.briefing_panel.title
    qtbot.keyClicks(title, "Borduria | Syldavia talks")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    qtbot.keyClick(analyzed.article, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    expected = article.parent / "Borduria - Syldavia talks.briefing"
    assert offered == [str(expected)]
    assert expected.exists() and analyzed.doc.path == str(expected)
    # Once saved, Save As offers the project's own name.
    qtbot.keyClick(analyzed.article, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert offered[-1] == str(expected)
