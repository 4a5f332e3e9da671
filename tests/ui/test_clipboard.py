"""Clipboard and drag and drop through the real window: copy a claim with its citation as
text and HTML, paste text or HTML as a new source, drop files and text; undo and redo each.
"""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from briefing_app.storage.project_file import dumps


def test_copy_claim_with_citation(analyzed, qtbot):
    source = analyzed.doc.briefing.sources[0]
    source.outlet, source.published = "Harbour Times", "2024-05-14"
    source.title = "Port strike"
    source.url = "https://example.org/strike"
    analyzed.select_item("claim", "c2")
    analyzed.claims_panel.view.setFocus()
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    mime = QGuiApplication.clipboard().mimeData()
    # The sentence the briefing writes: reported speech without quotation marks, the hedge
    # kept, and the mark of a claim the analyst has not checked.
    assert mime.text() == ("[unreviewed] Union negotiator Katrin Oehlert reportedly warned "
                           "that the strike could last weeks. "
                           "Source: Harbour Times, Port strike, 2024-05-14, para. 3. "
                           "https://example.org/strike")
    assert "“" not in mime.text()
    assert "<b>Union negotiator Katrin Oehlert</b>" in mime.html()
    assert '<a href="https://example.org/strike">' in mime.html()
    analyzed.doc.briefing.claim("c3").review = "accepted"
    analyzed.select_item("claim", "c3")
    analyzed.findChild(QAction, "actionCopyCitation").trigger()
    assert QGuiApplication.clipboard().text().startswith(
        "According to officials, the ministry is preparing emergency legislation. Source:")


def test_citations_never_cut_a_title_inside_a_word():
    from briefing_app.domain.model import Briefing, Claim, Source, Span
    from briefing_app.ui.editing.clipboard import cite_text

    text = "Officials said the port would reopen."
    title = "Port " + "authority " * 20 + "statement"
    briefing = Briefing(sources=[Source("s", text, [(0, len(text))], title=title)],
                        claims=[Claim("c", "s", "reported", Span(15, 36),
                                      source_span=Span(0, 9), cue=Span(10, 14),
                                      review="accepted")])
    cited = cite_text(briefing, briefing.claims[0])
    assert cited.startswith("Officials said the port would reopen. Source: Port authority")
    assert "authority…, para. 1." in cited


def _paste_and_check(window, qtbot, wait_analyzed, mime, expected_start):
    before = dumps(window.doc.briefing)
    QGuiApplication.clipboard().setMimeData(mime)
    window.findChild(QAction, "actionPasteAsSource").trigger()
    wait_analyzed(window)
    briefing = window.doc.briefing
    assert len(briefing.sources) == 1
    source = briefing.sources[0]
    assert source.text.startswith(expected_start) and source.format == "paste"
    assert window.article.source_id == source.id
    assert briefing.claims  # analysed in the worker, like an opened file
    undo = window.findChild(QAction, "actionUndo")
    while window.doc.undo_stack.canUndo():
        undo.trigger()
    assert dumps(window.doc.briefing) == before
    window.findChild(QAction, "actionRedo").trigger()
    assert window.doc.briefing.sources[0].text == source.text


def test_paste_text_as_new_source(window, qtbot, wait_analyzed, handmade):
    mime = QMimeData()
    mime.setText(handmade.TEXT)
    _paste_and_check(window, qtbot, wait_analyzed, mime, "Port strike")


def test_paste_html_as_new_source(window, qtbot, wait_analyzed, handmade):
    lines = [line for line in handmade.TEXT.splitlines() if line]
    mime = QMimeData()
    mime.setHtml(f"<h1>{lines[0]}</h1>" + "".join(f"<p>{line}</p>" for line in lines[1:])
                 .replace("Katrin", "<b>Katrin</b>"))
    _paste_and_check(window, qtbot, wait_analyzed, mime, "Port strike")
    assert "Union negotiator Katrin Oehlert" in window.doc.briefing.sources[0].text


def _drop(window, mime):
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def test_drop_article_files_adds_sources(window, article, tmp_path, wait_analyzed, handmade):
    second = tmp_path / "day_two.txt"
    second.write_bytes(handmade.TEXT.replace("talks stall", "day two").encode("utf-8"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article)), QUrl.fromLocalFile(str(second))])
    _drop(window, mime)
    wait_analyzed(window)
    assert [Path(s.path).name for s in window.doc.briefing.sources] == [
        "port_strike.txt", "day_two.txt"]
    after = dumps(window.doc.briefing)
    stack = window.doc.undo_stack
    while stack.canUndo():
        window.findChild(QAction, "actionUndo").trigger()
    # The first file into a new briefing is its baseline; the second is the analyst's act.
    assert [Path(s.path).name for s in window.doc.briefing.sources] == ["port_strike.txt"]
    while stack.canRedo():
        window.findChild(QAction, "actionRedo").trigger()
    assert dumps(window.doc.briefing) == after


def test_drop_text_adds_a_source(window, wait_analyzed, handmade):
    mime = QMimeData()
    mime.setText(handmade.TEXT)
    _drop(window, mime)
    wait_analyzed(window)
    assert window.doc.briefing.sources[0].format == "paste"
