"""Fixtures for the model tests: a document holding the hand-made source and its analysis."""

import importlib.util
from pathlib import Path

import pytest

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.commands import AddSourceCommand, ApplyAnalysisCommand


def _handmade():
    path = Path(__file__).parent.parent / "document" / "handmade.py"
    spec = importlib.util.spec_from_file_location("handmade", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def analysed_doc(qapp):
    handmade = _handmade()
    doc = BriefingDocument()
    source = handmade.make_source()
    doc.push(AddSourceCommand(doc, source))
    doc.push(ApplyAnalysisCommand(doc, handmade.make_analysis(source)))
    return doc


@pytest.fixture
def handmade_module():
    return _handmade()
