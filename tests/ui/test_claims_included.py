"""A rejected claim reads as excluded in the Claims panel, as the export treats it."""

from PySide6.QtCore import Qt

from briefing_app.domain import briefing_ops
from briefing_app.qtmodels.claims_model import Column


def _included_cell(window, claim_id):
    model = window.claims_panel.model
    return model.index(model.row_of(claim_id), Column.INCLUDED)


def test_rejecting_a_claim_shows_it_excluded(analyzed, qtbot):
    analyzed.review.set_advances(False)
    analyzed.select_item("claim", "c1")
    assert _included_cell(analyzed, "c1").data() == "yes"
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_R)
    claim = analyzed.doc.briefing.claim("c1")
    assert claim.review == "rejected" and not briefing_ops.included(claim)
    cell = _included_cell(analyzed, "c1")
    assert cell.data() == "no"
    assert "left out" in cell.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _included_cell(analyzed, "c1").data() == "yes"
