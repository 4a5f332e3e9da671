"""The engine tests' fixture: `run(text)` analyses a sentence written for the test."""

import pytest

from tests.nlp.helpers import Result


@pytest.fixture
def run(nlp):
    return lambda text: Result(nlp, text)
