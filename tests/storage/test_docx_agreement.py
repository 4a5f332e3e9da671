"""The Word briefing's "Where sources agree and disagree" section and the single-source
marks on page one, read back with python-docx from a real export of the three fire reports."""

from datetime import datetime

import docx
import pytest

from briefing_app.storage.word.export import export_briefing
from support.corroboration_briefing import sample_briefing

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def exported(nlp, tmp_path_factory):
    briefing = sample_briefing(nlp)
    path = tmp_path_factory.mktemp("agreement") / "fire.docx"
    export_briefing(briefing, path, now=datetime(2026, 11, 27, 9, 30))
    return briefing, [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def _section(paragraphs, title):
    start = paragraphs.index(("Heading 1", title)) + 1
    end = next(i for i in range(start, len(paragraphs)) if paragraphs[i][0] == "Heading 1")
    return paragraphs[start:end]


def test_the_section_follows_the_key_claims(exported):
    _briefing, paragraphs = exported
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    at = headings.index("Where sources agree and disagree")
    assert headings[at - 1:at + 2] == ["Key claims", "Where sources agree and disagree",
                                       "Analyst notes"]


def test_each_contested_or_corroborated_proposition_with_its_sources(exported):
    _briefing, paragraphs = exported
    section = _section(paragraphs, "Where sources agree and disagree")
    assert [style for style, _text in section] == ["List Bullet", "List Bullet"]
    contested, confirmed = (text.split("\n") for _style, text in section)
    assert contested[0] == ("Contradicted; reported by 1 independent source. The port "
                            "authority had ignored repeated safety warnings about the "
                            "terminal's wiring.")
    assert contested[1].startswith("Source 1 (Syldavian Wire Service) reports it: "
                                   "[unreviewed] The dockworkers' union said")
    assert contested[2].endswith("Not rated; unverified. Not independent: republished copy "
                                 "of the same text.")
    assert contested[3].startswith("Source 3 (Klow Evening Post) denies or contradicts it: "
                                   "[unreviewed] The port authority denied that it had ignored")
    assert confirmed[0] == ("Corroborated by 2 independent sources. The blaze destroyed three "
                            "warehouses at the terminal.")
    assert [line.split(" reports it")[0] for line in confirmed[1:]] == [
        "Source 1 (Syldavian Wire Service)", "Source 2 (Borduria Herald)",
        "Source 3 (Klow Evening Post)"]


def test_single_source_key_claims_are_marked_on_page_one(exported):
    _briefing, paragraphs = exported
    claims = [text for style, text in _section(paragraphs, "Key claims")
              if style == "List Bullet"]
    marked = [text.split("\n")[0] for text in claims if "Single source." in text]
    assert any("electrical fault in the loading hall" in text for text in marked)
    assert not any("three warehouses" in text.lower() or "safety warnings" in text
                   for text in marked)


def test_one_source_has_no_such_section(nlp, tmp_path):
    briefing = sample_briefing(nlp)
    briefing.sources = briefing.sources[:1]
    briefing.claims = [c for c in briefing.claims if c.source_id == briefing.sources[0].id]
    path = tmp_path / "one.docx"
    export_briefing(briefing, path)
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "Where sources agree and disagree" not in texts
    assert not any("Single source." in text for text in texts)
