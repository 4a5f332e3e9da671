"""Fixtures for the document tests: a BriefingDocument holding the hand-made source."""

import pytest

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.commands import AddSourceCommand
from support import handmade as handmade_helpers


@pytest.fixture
def handmade():
    return handmade_helpers


@pytest.fixture
def doc(qapp, handmade):
    document = BriefingDocument()
    document.push(AddSourceCommand(document, handmade.make_source()))
    return document
