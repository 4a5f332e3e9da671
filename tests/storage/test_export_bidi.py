"""Bidi controls in names, titles and excerpts: the Word briefing prints the stored letters
in their stored order, while the appendix keeps the article text and the project file keeps
the names exactly as written.
"""

from __future__ import annotations

from datetime import datetime

import docx
import pytest

from briefing_app.domain.display_text import BIDI_CONTROLS
from briefing_app.domain.model import Claim
from briefing_app.storage.project_file import load_project, save_project
from briefing_app.storage.word.export import export_briefing
from briefing_app.storage.word.sections import ACTOR_COLUMNS
from support import briefing_builders as builders

NOW = datetime(2026, 11, 27, 9, 30)
RLO, RLE, PDF = "\u202e", "\u202b", "\u202c"
SPOOFED = f"{RLO}elohssa{PDF} Jones"  # reads "asshole Jones" when printed as stored
HEBREW = "משרד החוץ"
ARABIC = "محمد عباس"
# A third article whose own words carry controls: the appendix must print them as written.
ARTICLE = f"Tomas Berg said that {RLE}{HEBREW}{PDF} had {RLO}deliaf{PDF} the talks."


def _briefing():
    briefing = builders.sample_briefing()
    berg, lind = briefing.actor("a2"), briefing.actor("a3")
    berg.name, berg.role = SPOOFED, f"{RLO}redael noinu{PDF}"
    lind.name = ARABIC
    briefing.sources[0].title = f"Port strike talks {RLO}espalloc{PDF}"
    briefing.sources[1].outlet = f"{RLE}{HEBREW}{PDF}"
    source = builders.make_source("s3", [ARTICLE], title="Third article")
    briefing.sources.append(source)
    briefing.claims.append(Claim(
        "c9", "s3", "reported", builders.span(source, f"{RLE}{HEBREW}{PDF} had {RLO}deliaf"),
        source_span=builders.span(source, "Tomas Berg"), cue=builders.span(source, "said"),
        stance="assert", actor_id="a2", paragraph=1, review="accepted"))
    berg.mentions.append(builders.mention(source, "Tomas Berg"))
    return briefing


@pytest.fixture
def exported(tmp_path):
    briefing = _briefing()
    path = tmp_path / "briefing.docx"
    export_briefing(briefing, path, now=NOW)
    return briefing, docx.Document(str(path))


def _actors_table(document):
    return next(t for t in document.tables
                if tuple(c.text for c in t.rows[0].cells) == ACTOR_COLUMNS)


def _appendix(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    return texts[texts.index("Appendix: annotated sources"):]


def _reading_part(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    return texts[:texts.index("Appendix: annotated sources")]


def test_key_actors_table_prints_the_name_without_the_override(exported, tmp_path):
    briefing, document = exported
    rows = {row.cells[0].text: row for row in _actors_table(document).rows[1:]}
    assert "elohssa Jones" in rows
    assert rows["elohssa Jones"].cells[2].text == "redael noinu, Dockworkers' Union"
    # Stored as written, in memory and through a save and a load of the project file.
    assert briefing.actor("a2").name == SPOOFED
    save_project(briefing, tmp_path / "kept.briefing")
    assert load_project(tmp_path / "kept.briefing").actor("a2").name == SPOOFED


def test_an_arabic_name_keeps_its_letters_in_table_and_heading(exported):
    _, document = exported
    names = [row.cells[0].text.removesuffix(" [unreviewed]")
             for row in _actors_table(document).rows[1:]]
    assert ARABIC in names
    headings = [p.text.removesuffix(" [unreviewed]") for p in document.paragraphs
                if p.style.name == "Heading 2"]
    assert ARABIC in headings
    assert "elohssa Jones" in headings


def test_no_label_in_the_reading_part_or_a_table_holds_a_control(exported):
    _, document = exported
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for text in _reading_part(document) + cells + headings:
        assert not set(text) & BIDI_CONTROLS, text


def test_key_claim_and_sources_lines_print_excerpts_and_titles_without_controls(exported):
    _, document = exported
    reading = _reading_part(document)
    # The claim's sentence keeps the excerpt's words, reversed control and all, as plain
    # letters: "deliaf" as stored, never re-reversed into "failed" on screen.
    assert any(f"{HEBREW} had deliaf.\nReported speech." in line for line in reading)
    assert any("Port strike talks espalloc." in line for line in reading)
    assert any(f"Port authority says offer is final. {HEBREW}, published" in line
               for line in reading)
    assert "Source 1: Port strike talks espalloc" in _appendix(document)


def test_the_appendix_prints_the_article_as_written(exported):
    briefing, document = exported
    assert ARTICLE in _appendix(document)
    assert briefing.source("s3").text == ARTICLE
