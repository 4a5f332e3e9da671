"""The window on the real spaCy engine: whatever it finds is drawn exactly, and a whole
sample can be reviewed and rated from the keyboard alone.
"""

import pytest
from PySide6.QtCore import Qt

from briefing_app import paths
from briefing_app.ui.reading.highlighter import marks_for_source, read_marks

pytestmark = pytest.mark.model


@pytest.fixture
def real_window(make_window, nlp):
    # The session's `nlp` fixture has loaded the pipeline once; the worker reuses it.
    return make_window()


def test_highlights_equal_engine_spans_after_emoji_and_crlf(real_window, tmp_path,
                                                            wait_analyzed):
    text = paths.sample_path("wire_report.txt").read_text(encoding="utf-8")
    crlf = ("Note 😀 for the desk\n\n" + text).replace("\r\n", "\n").replace("\n", "\r\n")
    article = tmp_path / "wire_crlf.txt"
    article.write_bytes(crlf.encode("utf-8"))
    assert real_window.open_path(article)
    wait_analyzed(real_window)
    briefing = real_window.doc.briefing
    source = briefing.sources[0]
    assert "\r\n" in source.text and "😀" in source.text
    expected = {(m.start, m.end, m.layer, m.item_id)
                for m in marks_for_source(briefing, source.id)}
    shown = read_marks(real_window.article.document(), real_window.article.offsets)
    assert shown == expected
    # Whatever the engine found, its words are where the view shows them.
    for claim in briefing.claims:
        assert (claim.content.start, claim.content.end, "content", claim.id) in shown or \
            claim.content.segments


def test_review_a_whole_sample_by_keys(real_window, qtbot, wait_analyzed):
    assert real_window.open_path(paths.sample_path("interview_piece.txt"))
    wait_analyzed(real_window)
    claims = real_window.doc.briefing.claims
    assert len(claims) >= 3, "the engine found (almost) no claims in the interview sample"
    real_window.settings.set("advance_after_review", False)  # J moves; each claim is rated
    view = real_window.claims_panel.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_K)
    for n in range(len(claims)):
        if n:
            qtbot.keyClick(view, Qt.Key.Key_J)
        qtbot.keyClick(view, Qt.Key.Key_Delete if n % 4 == 3 else Qt.Key.Key_A)
        qtbot.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(view, Qt.Key.Key_2)
        qtbot.keyClick(view, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(view, Qt.Key.Key_U)
        if n % 3 == 0:
            qtbot.keyClick(view, Qt.Key.Key_I)
    claims = real_window.doc.briefing.claims
    assert all(c.review in ("accepted", "rejected") for c in claims)
    assert all(c.rating.admiralty == "B2" and c.rating.likelihood == "very likely"
               for c in claims)
    assert sum(not c.included for c in claims) == len(range(0, len(claims), 3))
    assert real_window.status.review_label.text() == (
        f"{len(claims)} of {len(claims)} claims reviewed")
