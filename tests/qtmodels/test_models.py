"""The Qt models: checked by qtmodeltester, and following the document's Changes."""

import pytest
from PySide6.QtCore import Qt

from briefing_app.document import commands
from briefing_app.qtmodels.actors_model import ActorsModel
from briefing_app.qtmodels.claims_model import COLUMNS, ClaimsModel
from briefing_app.qtmodels.filter_proxy import FilterProxy
from briefing_app.qtmodels.roles import CONFIDENCE_ROLE, ID_ROLE, SORT_ROLE, SPAN_ROLE
from briefing_app.qtmodels.sources_model import COLUMNS as SOURCE_COLUMNS
from briefing_app.qtmodels.sources_model import SourcesModel
from support.scores import score_claims


@pytest.mark.parametrize("model_class", [ClaimsModel, ActorsModel, SourcesModel])
def test_models_pass_the_model_tester(analyzed_doc, qtmodeltester, model_class):
    model = model_class(analyzed_doc)
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("model_class", [ClaimsModel, ActorsModel, SourcesModel])
def test_filter_proxies_pass_the_model_tester(analyzed_doc, qtmodeltester, model_class):
    proxy = FilterProxy()
    proxy.setSourceModel(model_class(analyzed_doc))
    proxy.set_filter("o")
    qtmodeltester.check(proxy, force_py=True)


@pytest.mark.parametrize("model_class", [ClaimsModel, ActorsModel, SourcesModel])
def test_models_stay_valid_through_undo_and_redo(analyzed_doc, qtmodeltester, model_class):
    # One model per tester: it stays connected to every model it has checked.
    model = model_class(analyzed_doc)
    qtmodeltester.check(model, force_py=True)
    analyzed_doc.undo_stack.undo()  # the analysis
    analyzed_doc.undo_stack.undo()  # the source
    assert model.rowCount() == 0
    analyzed_doc.undo_stack.redo()
    analyzed_doc.undo_stack.redo()
    assert model.rowCount() == (1 if model_class is SourcesModel else 3)


def test_claims_model_shows_rating_and_updates_one_row(analyzed_doc, qtbot):
    model = ClaimsModel(analyzed_doc)
    claim = analyzed_doc.briefing.claim("c2")
    with qtbot.waitSignal(model.dataChanged) as blocker:
        analyzed_doc.push(commands.rate_claim(analyzed_doc, claim, reliability="B",
                                              credibility="2"))
    assert blocker.args[0].row() == blocker.args[1].row() == model.row_of("c2")
    row = model.row_of("c2")
    assert model.index(row, 5).data() == "B2"
    assert model.index(row, 1).data() == "Katrin Oehlert"
    assert model.index(row, 4).data() == "yes"  # hedged
    assert model.index(row, 0).data(ID_ROLE) == "c2"
    assert model.index(row, 0).data(SPAN_ROLE)[0] == "s1"


def test_actors_tree_expands_to_mentions(analyzed_doc):
    model = ActorsModel(analyzed_doc)
    top = model.index(model.row_of("a1"), 0)
    assert model.rowCount(top) == 1
    mention = model.index(0, 0, top)
    assert mention.data().startswith("Markus Vollrath (para. 2)")
    assert model.parent(mention) == top
    assert model.index(model.row_of("a1"), 4).data(SORT_ROLE) == 1  # quoted once


def test_filter_by_column_and_sort_by_number(analyzed_doc):
    model = ClaimsModel(analyzed_doc)
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter("according", column=3)
    assert proxy.rowCount() == 1
    proxy.set_filter("")
    proxy.sort(10, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data(ID_ROLE) == "c3"


def test_sources_model_counts_reviewed_claims(analyzed_doc):
    model = SourcesModel(analyzed_doc)
    claim = analyzed_doc.briefing.claim("c1")
    analyzed_doc.push(commands.set_review(analyzed_doc, claim, "accepted"))
    assert model.index(0, SOURCE_COLUMNS.index("#")).data() == "#1"
    assert model.index(0, SOURCE_COLUMNS.index("Reviewed")).data() == "1 of 3"
    analyzed_doc.set_pending("s1", True)
    assert model.index(0, SOURCE_COLUMNS.index("Analysis")).data() == "running…"


def test_claims_name_their_source_by_number(analyzed_doc, qtmodeltester, handmade_module):
    model = ClaimsModel(analyzed_doc)
    column = COLUMNS.index("Source")
    second = handmade_module.make_source(handmade_module.TEXT + "More.\r\n", "s2")
    second.title = "Second report"
    analyzed_doc.push(commands.AddSourceCommand(analyzed_doc, second))
    analysis = handmade_module.make_analysis(second)
    for claim in analysis.claims:  # the hand-made ids are per source; a briefing needs new ones
        claim.id += "-2"
    analyzed_doc.push(commands.ApplyAnalysisCommand(analyzed_doc, analysis))
    qtmodeltester.check(model, force_py=True)
    assert model.index(model.row_of("c1"), column).data() == "#1"
    assert model.index(model.row_of("c1-2"), column).data() == "#2"
    assert model.index(model.row_of("c1-2"), column).data(SORT_ROLE) == 2
    assert model.index(model.row_of("c1-2"), column).data(Qt.ItemDataRole.ToolTipRole) == (
        "Second report")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Source"


def test_actor_quoted_count_follows_a_rejected_claim(analyzed_doc):
    model = ActorsModel(analyzed_doc)
    index = model.index(model.row_of("a1"), 4)
    assert index.data(SORT_ROLE) == 1
    claim = next(c for c in analyzed_doc.briefing.claims if c.actor_id == "a1")
    analyzed_doc.push(commands.set_review(analyzed_doc, claim, "rejected"))
    assert model.index(model.row_of("a1"), 4).data(SORT_ROLE) == 0
    analyzed_doc.undo_stack.undo()
    assert model.index(model.row_of("a1"), 4).data(SORT_ROLE) == 1


def test_every_claims_column_has_a_header_in_the_same_place():
    from briefing_app.qtmodels.claims_model import COLUMNS, Column

    assert [c.value for c in Column] == list(range(len(COLUMNS)))
    assert COLUMNS[Column.SOURCE] == "Source" and COLUMNS[Column.PARAGRAPH] == "Para."


def test_claims_model_shows_the_engines_confidence_and_flags(analyzed_doc, qtmodeltester):
    from briefing_app.qtmodels.claims_model import Column

    model = ClaimsModel(analyzed_doc)
    row = model.row_of("c2")
    assert model.index(row, Column.CONFIDENCE).data() == ""  # not scored yet: no number
    assert model.index(row, Column.CONFIDENCE).data(CONFIDENCE_ROLE) is None
    score_claims(analyzed_doc)
    qtmodeltester.check(model, force_py=True)
    assert model.index(row, Column.CONFIDENCE).data() == "0.34"
    assert model.index(row, Column.CONFIDENCE).data(CONFIDENCE_ROLE) == 0.34
    assert model.index(row, Column.FLAGS).data() == (
        "source is a pronoun; attribution after the quote")
    assert model.headerData(Column.CONFIDENCE, Qt.Orientation.Horizontal) == "Confidence"
    assert model.headerData(Column.FLAGS, Qt.Orientation.Horizontal) == "Flags"


def test_sorting_by_confidence_puts_the_least_certain_first_and_unscored_last(analyzed_doc):
    from briefing_app.qtmodels.claims_model import Column

    score_claims(analyzed_doc, {"c1": (0.91, []), "c3": (0.62, ["no_cue"])})
    proxy = FilterProxy()
    proxy.setSourceModel(ClaimsModel(analyzed_doc))
    proxy.sort(Column.CONFIDENCE, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(3)] == ["c3", "c1", "c2"]
    proxy.set_filter("no speech verb")  # the flags' words are filterable like any column
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == ["c3"]


def test_a_flag_the_word_table_does_not_know_is_shown_not_dropped(analyzed_doc):
    from briefing_app.qtmodels.claims_model import Column

    score_claims(analyzed_doc, {"c1": (0.5, ["brand_new_doubt", "rule_only"])})
    model = ClaimsModel(analyzed_doc)
    assert model.index(model.row_of("c1"), Column.FLAGS).data() == (
        "brand new doubt; found by the rules only")


def test_a_source_that_is_no_actor_is_named_not_filed_under_the_author(analyzed_doc):
    from briefing_app.qtmodels.claims_model import Column

    model = ClaimsModel(analyzed_doc)
    claim = analyzed_doc.briefing.claim("c2")
    text = analyzed_doc.briefing.source(claim.source_id).text
    claim.actor_id = None
    row = model.row_of("c2")
    words = " ".join(claim.source_span.text(text).split())
    assert model.index(row, Column.ACTOR).data() == f"{words} (no actor)"
    claim.source_span = None
    assert model.index(row, Column.ACTOR).data() == "(author)"


def test_claims_cells_answer_only_the_roles_they_draw(analyzed_doc):
    model = ClaimsModel(analyzed_doc)
    claim = analyzed_doc.briefing.claims[0]
    row = model.row_of(claim.id)
    confidence = model.index(row, COLUMNS.index("Confidence"))
    text = model.index(row, COLUMNS.index("Claim"))
    assert confidence.data(Qt.ItemDataRole.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert text.data(Qt.ItemDataRole.TextAlignmentRole) is None
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
                 Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.CheckStateRole):
        assert text.data(role) is None  # turned away before any look-up
    assert text.data(Qt.ItemDataRole.ForegroundRole) is None
    analyzed_doc.push(commands.set_review(analyzed_doc, claim, "rejected"))
    assert text.data(Qt.ItemDataRole.ForegroundRole) == Qt.GlobalColor.gray
    assert text.data(ID_ROLE) == claim.id
