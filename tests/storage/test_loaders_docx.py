"""Word .docx loading: reading order, tables, core properties, and unsafe or broken archives."""

import datetime
import io
import zipfile

import docx
import pytest

from briefing_app.errors import LoadError
from briefing_app.storage.readers import docx_reader
from briefing_app.storage.readers.load import load_path
from support.refusals import refused


def make_docx(path, *, title="Port strike briefing", author="Jane Analyst"):
    document = docx.Document()
    document.add_heading("Dockworkers extend strike", level=1)
    document.add_paragraph("The union said that talks had broken down.")
    document.add_paragraph("")  # empty paragraphs are skipped
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Actor"
    table.cell(0, 1).text = "Role"
    table.cell(1, 0).text = "Katrin Oehlert"
    table.cell(1, 1).text = "union negotiator"
    document.add_paragraph("After the table, the ministry said it was monitoring supplies.")
    props = document.core_properties
    props.title = title
    props.author = author
    props.created = datetime.datetime(2024, 3, 15, 9, 30)
    document.save(path)


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path):
    path = tmp_path / "briefing.docx"
    make_docx(path)
    source = load_path(path)
    assert [source.text[s:e] for s, e in source.paragraphs] == [
        "Dockworkers extend strike",
        "The union said that talks had broken down.",
        "Actor | Role",
        "Katrin Oehlert | union negotiator",
        "After the table, the ministry said it was monitoring supplies.",
    ]
    assert source.format == "docx"
    assert source.title == "Port strike briefing"
    assert source.author == "Jane Analyst"
    assert source.published == "2024-03-15"
    assert source.sha256 and source.id == "src" + source.sha256[:10]


def test_docx_without_title_uses_file_stem(tmp_path):
    path = tmp_path / "untitled-notes.docx"
    make_docx(path, title="", author="")
    assert load_path(path).title == "untitled-notes"


def test_docx_that_is_not_a_zip(tmp_path):
    path = tmp_path / "report.docx"
    path.write_text("This is plain text pretending to be Word.", encoding="utf-8")
    assert "not a zip archive" in refused(path)


@pytest.mark.parametrize("name", ["old.docx", "old.doc"])
def test_old_binary_doc_is_named_as_such(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(docx_reader.OLE_MAGIC + b"\0" * 4000)
    assert "older Word .doc file" in refused(path)


def test_zip_that_is_not_word(tmp_path):
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "word/document.xml" in refused(path)


def test_damaged_word_package(tmp_path):
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<not-closed")
    refused(path)


def _bomb(path, size):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as member:
            chunk = b"\0" * 1_000_000
            for _ in range(size // len(chunk)):
                member.write(chunk)


def test_zip_bomb_refused_by_ratio_before_inflating(tmp_path, monkeypatch):
    path = tmp_path / "bomb.docx"
    _bomb(path, 20_000_000)  # ~20 KB on disk, 1000x compression
    inflated = []
    monkeypatch.setattr(docx, "Document", lambda *a, **k: inflated.append(a))
    assert "zip bomb" in refused(path)
    assert inflated == []  # python-docx never saw it


def test_zip_bomb_refused_by_total_size(tmp_path):
    path = tmp_path / "big.docx"
    _bomb(path, 3_000_000)
    with pytest.raises(LoadError, match="zip bomb"):
        docx_reader.check_archive(path.read_bytes(), path.name, max_uncompressed=2_000_000,
                                  max_ratio=10_000)


def _with_doctype(path):
    """A real docx whose document.xml declares an entity and uses it in a paragraph."""
    buffer = io.BytesIO()
    make_docx(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b"?>", b'?><!DOCTYPE w:document [<!ENTITY boom "EXPANDED-ENTITY">]>', 1)
                data = data.replace(b"The union said", b"&boom; The union said")
            target.writestr(info, data)


def test_docx_with_doctype_entity_is_refused(tmp_path):
    path = tmp_path / "entity.docx"
    _with_doctype(path)
    assert "DOCTYPE" in refused(path)


def test_python_docx_itself_does_not_expand_entities(tmp_path, monkeypatch):
    """Belt and braces: even past our DOCTYPE check, python-docx's parser keeps entities."""
    path = tmp_path / "entity.docx"
    _with_doctype(path)
    monkeypatch.setattr(docx_reader, "_has_doctype", lambda archive, info: False)
    try:
        source = load_path(path)
    except LoadError:
        return  # refused clearly is fine too
    assert "EXPANDED-ENTITY" not in source.text
