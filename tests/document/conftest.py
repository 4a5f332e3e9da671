"""Fixtures for the document tests: a BriefingDocument holding the hand-made source."""

import pytest

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.commands import AddSourceCommand


def load_handmade():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "handmade", Path(__file__).with_name("handmade.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def handmade():
    return load_handmade()


@pytest.fixture
def doc(qapp, handmade):
    document = BriefingDocument()
    document.push(AddSourceCommand(document, handmade.make_source()))
    return document
