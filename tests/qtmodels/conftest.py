"""Fixtures for the model tests: a document holding the hand-made source and its analysis."""

import pytest

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.commands import AddSourceCommand, ApplyAnalysisCommand
from support import handmade as handmade_helpers


@pytest.fixture
def analyzed_doc(qapp):
    handmade = handmade_helpers
    doc = BriefingDocument()
    source = handmade.make_source()
    doc.push(AddSourceCommand(doc, source))
    doc.push(ApplyAnalysisCommand(doc, handmade.make_analysis(source)))
    return doc


@pytest.fixture
def handmade_module():
    return handmade_helpers
