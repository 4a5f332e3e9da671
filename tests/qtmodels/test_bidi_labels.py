"""Bidi controls in names, titles and excerpts: the panels and tooltips show the stored
letters in their stored order, and the stored data and the article text keep every control.
"""

import hashlib

import pytest
from PySide6.QtCore import Qt

from briefing_app.app import create_main_window
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.commands import AddSourceCommand, ApplyAnalysisCommand, edit_actor
from briefing_app.domain.display_text import BIDI_CONTROLS
from briefing_app.domain.model import Actor, Analysis, Claim, Mention, PipelineInfo, Source, Span
from briefing_app.qtmodels.actors_model import ActorsModel
from briefing_app.qtmodels.claims_model import ClaimsModel, Column
from briefing_app.qtmodels.roles import ID_ROLE, SORT_ROLE
from briefing_app.qtmodels.sources_model import COLUMNS as SOURCE_COLUMNS
from briefing_app.qtmodels.sources_model import SourcesModel
from briefing_app.ui.reading.highlighter import marks_for_source
from briefing_app.ui.reading.tooltips import describe_marks
from support import handmade

RLO, RLE, PDF = "\u202e", "\u202b", "\u202c"
SPOOFED = f"{RLO}elohssa{PDF} Jones"  # reads "asshole Jones" when shown as stored
HEBREW = "משרד החוץ"
ARABIC = "محمد عباس"
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _has_control(text) -> bool:
    return any(ch in BIDI_CONTROLS for ch in str(text))


def _rename(doc, actor_id, **values):
    doc.push(edit_actor(doc, actor_id, values, "Edit actor"))


def test_actors_model_shows_a_name_without_its_override(analyzed_doc):
    _rename(analyzed_doc, "a1", name=SPOOFED, role=f"{RLO}rellecnahC{PDF}",
            affiliation=f"{RLE}{HEBREW}{PDF}")
    model = ActorsModel(analyzed_doc)
    row = model.row_of("a1")
    assert model.index(row, 0).data(DISPLAY) == "elohssa Jones"
    assert model.index(row, 0).data(SORT_ROLE) == "elohssa Jones"
    assert model.index(row, 2).data(DISPLAY) == "rellecnahC"
    assert model.index(row, 3).data(DISPLAY) == HEBREW
    # Stored as written: the project file and undo keep what the analyst typed.
    assert analyzed_doc.briefing.actor("a1").name == SPOOFED


def test_claims_model_shows_the_speaker_without_the_override(analyzed_doc):
    _rename(analyzed_doc, "a1", name=SPOOFED)
    model = ClaimsModel(analyzed_doc)
    assert model.index(model.row_of("c1"), Column.ACTOR).data(DISPLAY) == "elohssa Jones"


@pytest.mark.parametrize("name", [ARABIC, HEBREW])
def test_a_right_to_left_name_keeps_its_letters(analyzed_doc, name):
    _rename(analyzed_doc, "a2", name=name)
    actors, claims = ActorsModel(analyzed_doc), ClaimsModel(analyzed_doc)
    assert actors.index(actors.row_of("a2"), 0).data(DISPLAY) == name
    assert claims.index(claims.row_of("c2"), Column.ACTOR).data(DISPLAY) == name


def _overridden_source_doc() -> BriefingDocument:
    """An article whose title, outlet and claim carry bidi controls."""
    text = (f"Officials said that {RLE}{HEBREW}{PDF} had {RLO}deliaf{PDF} the talks.\n\n"
            "Nothing else happened.")
    source = Source(id="s1", text=text, paragraphs=[(0, text.index("\n")),
                                                  (text.index("Nothing"), len(text))],
                    title=f"Talks {RLO}deliaf{PDF}", outlet=f"{RLE}{HEBREW}{PDF}",
                    path=f"/tmp/report{RLO}txt.exe",
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    start = text.index(RLE)
    claim = Claim("c1", "s1", "reported", Span(start, text.index(" the talks") + 10),
                  source_span=Span(0, 9), cue=Span(10, 14), stance="assert", actor_id="a1",
                  paragraph=1)
    actor = Actor("a1", SPOOFED, "unnamed", mentions=[Mention("s1", 0, 9)])
    doc = BriefingDocument()
    doc.push(AddSourceCommand(doc, source))
    doc.push(ApplyAnalysisCommand(doc, Analysis("s1", source.sha256,
                                                PipelineInfo("handmade", "1", ""),
                                                actors=[actor], claims=[claim])))
    return doc


def test_sources_model_shows_title_outlet_and_path_without_controls(qapp):
    doc = _overridden_source_doc()
    model = SourcesModel(doc)
    title = model.index(0, SOURCE_COLUMNS.index("Title"))
    outlet = model.index(0, SOURCE_COLUMNS.index("Outlet"))
    assert title.data(DISPLAY) == "Talks deliaf"
    assert outlet.data(DISPLAY) == HEBREW
    assert title.data(TOOLTIP) == "/tmp/reporttxt.exe"
    assert doc.briefing.sources[0].title == f"Talks {RLO}deliaf{PDF}"


def test_claims_model_shows_the_excerpt_without_controls_and_the_article_keeps_them(qapp):
    doc = _overridden_source_doc()
    model = ClaimsModel(doc)
    claim = model.index(0, Column.CLAIM)
    assert claim.data(DISPLAY) == f"{HEBREW} had deliaf the talks"
    assert claim.data(TOOLTIP) == f"{HEBREW} had deliaf the talks"
    assert model.index(0, Column.SOURCE).data(TOOLTIP) == "Talks deliaf"
    assert f"{RLO}deliaf{PDF}" in doc.briefing.sources[0].text


def test_tooltips_show_names_and_excerpts_without_controls(qapp):
    doc = _overridden_source_doc()
    marks = marks_for_source(doc.briefing, "s1")
    assert {m.layer for m in marks} >= {"mention", "content"}
    tooltip = describe_marks(doc.briefing, marks)
    assert "elohssa Jones" in tooltip
    assert f"{HEBREW} had deliaf the talks" in tooltip
    assert not _has_control(tooltip)


@pytest.fixture
def window(qtbot, tmp_path):
    def stop(win):
        assert win.shutdown(), "the analysis worker did not stop"
        win.doc.undo_stack.setClean()

    win = create_main_window(engine=handmade.FakeEngine())
    qtbot.addWidget(win, before_close_func=stop)
    win.show()
    qtbot.waitExposed(win)
    article = tmp_path / "port_strike.txt"
    article.write_text(handmade.TEXT + f"\r\n{RLE}{HEBREW}{PDF} declined to comment.\r\n",
                       encoding="utf-8", newline="")
    assert win.open_path(article)
    qtbot.waitUntil(lambda: not win.analysis.busy() and not win.article.is_highlighting()
                    and bool(win.doc.briefing.actors), timeout=60000)
    return win


def _panel_row(panel, item_id):
    model = panel.view.model()
    return next(model.index(r, 0) for r in range(model.rowCount())
                if model.index(r, 0).data(ID_ROLE) == item_id)


def test_the_window_shows_the_name_safely_and_the_article_as_written(window):
    _rename(window.doc, "a1", name=SPOOFED)
    shown = _panel_row(window.actors_panel, "a1")
    assert shown.data(DISPLAY) == "elohssa Jones"
    assert window.doc.briefing.actor("a1").name == SPOOFED
    # The reading view is the article itself: its controls stay where the author put them.
    assert f"{RLE}{HEBREW}{PDF}" in window.article.toPlainText()
