"""The Qt models: checked by qtmodeltester, and following the document's Changes."""

import pytest
from PySide6.QtCore import Qt

from briefing_app.document import commands
from briefing_app.qtmodels.actors_model import ActorsModel
from briefing_app.qtmodels.claims_model import COLUMNS, ClaimsModel
from briefing_app.qtmodels.filter_proxy import FilterProxy
from briefing_app.qtmodels.roles import ID_ROLE, SORT_ROLE, SPAN_ROLE
from briefing_app.qtmodels.sources_model import COLUMNS as SOURCE_COLUMNS
from briefing_app.qtmodels.sources_model import SourcesModel


@pytest.mark.parametrize("model_class", [ClaimsModel, ActorsModel, SourcesModel])
def test_models_pass_the_model_tester(analysed_doc, qtmodeltester, model_class):
    model = model_class(analysed_doc)
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("model_class", [ClaimsModel, ActorsModel, SourcesModel])
def test_filter_proxies_pass_the_model_tester(analysed_doc, qtmodeltester, model_class):
    proxy = FilterProxy()
    proxy.setSourceModel(model_class(analysed_doc))
    proxy.set_filter("o")
    qtmodeltester.check(proxy, force_py=True)


@pytest.mark.parametrize("model_class", [ClaimsModel, ActorsModel, SourcesModel])
def test_models_stay_valid_through_undo_and_redo(analysed_doc, qtmodeltester, model_class):
    # One model per tester: it stays connected to every model it has checked.
    model = model_class(analysed_doc)
    qtmodeltester.check(model, force_py=True)
    analysed_doc.undo_stack.undo()  # the analysis
    analysed_doc.undo_stack.undo()  # the source
    assert model.rowCount() == 0
    analysed_doc.undo_stack.redo()
    analysed_doc.undo_stack.redo()
    assert model.rowCount() == (1 if model_class is SourcesModel else 3)


def test_claims_model_shows_rating_and_updates_one_row(analysed_doc, qtbot):
    model = ClaimsModel(analysed_doc)
    claim = analysed_doc.briefing.claim("c2")
    with qtbot.waitSignal(model.dataChanged) as blocker:
        analysed_doc.push(commands.rate_claim(analysed_doc, claim, reliability="B",
                                              credibility="2"))
    assert blocker.args[0].row() == blocker.args[1].row() == model.row_of("c2")
    row = model.row_of("c2")
    assert model.index(row, 5).data() == "B2"
    assert model.index(row, 1).data() == "Katrin Oehlert"
    assert model.index(row, 4).data() == "yes"  # hedged
    assert model.index(row, 0).data(ID_ROLE) == "c2"
    assert model.index(row, 0).data(SPAN_ROLE)[0] == "s1"


def test_actors_tree_expands_to_mentions(analysed_doc):
    model = ActorsModel(analysed_doc)
    top = model.index(model.row_of("a1"), 0)
    assert model.rowCount(top) == 1
    mention = model.index(0, 0, top)
    assert mention.data().startswith("Markus Vollrath (para. 2)")
    assert model.parent(mention) == top
    assert model.index(model.row_of("a1"), 4).data(SORT_ROLE) == 1  # quoted once


def test_filter_by_column_and_sort_by_number(analysed_doc):
    model = ClaimsModel(analysed_doc)
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter("according", column=3)
    assert proxy.rowCount() == 1
    proxy.set_filter("")
    proxy.sort(10, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data(ID_ROLE) == "c3"


def test_sources_model_counts_reviewed_claims(analysed_doc):
    model = SourcesModel(analysed_doc)
    claim = analysed_doc.briefing.claim("c1")
    analysed_doc.push(commands.set_review(analysed_doc, claim, "accepted"))
    assert model.index(0, SOURCE_COLUMNS.index("#")).data() == "#1"
    assert model.index(0, SOURCE_COLUMNS.index("Reviewed")).data() == "1 of 3"
    analysed_doc.set_pending("s1", True)
    assert model.index(0, SOURCE_COLUMNS.index("Analysis")).data() == "running…"


def test_claims_name_their_source_by_number(analysed_doc, qtmodeltester, handmade_module):
    model = ClaimsModel(analysed_doc)
    column = COLUMNS.index("Source")
    second = handmade_module.make_source(handmade_module.TEXT + "More.\r\n", "s2")
    second.title = "Second report"
    analysed_doc.push(commands.AddSourceCommand(analysed_doc, second))
    analysis = handmade_module.make_analysis(second)
    for claim in analysis.claims:  # the hand-made ids are per source; a briefing needs new ones
        claim.id += "-2"
    analysed_doc.push(commands.ApplyAnalysisCommand(analysed_doc, analysis))
    qtmodeltester.check(model, force_py=True)
    assert model.index(model.row_of("c1"), column).data() == "#1"
    assert model.index(model.row_of("c1-2"), column).data() == "#2"
    assert model.index(model.row_of("c1-2"), column).data(SORT_ROLE) == 2
    assert model.index(model.row_of("c1-2"), column).data(Qt.ItemDataRole.ToolTipRole) == (
        "Second report")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Source"


def test_actor_quoted_count_follows_a_rejected_claim(analysed_doc):
    model = ActorsModel(analysed_doc)
    index = model.index(model.row_of("a1"), 4)
    assert index.data(SORT_ROLE) == 1
    claim = next(c for c in analysed_doc.briefing.claims if c.actor_id == "a1")
    analysed_doc.push(commands.set_review(analysed_doc, claim, "rejected"))
    assert model.index(model.row_of("a1"), 4).data(SORT_ROLE) == 0
    analysed_doc.undo_stack.undo()
    assert model.index(model.row_of("a1"), 4).data(SORT_ROLE) == 1
