"""Word .docx loading: reading order, tables, core properties, and unsafe or broken archives."""

import datetime
import io
import random
import re
import string
import struct
import zipfile
import zlib

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
    # The core "created" date (2024-03-15) is the file's, not the article's; it prints none.
    assert source.published == ""
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


# Raw OOXML for what python-docx has no API for, spliced in place of a placeholder paragraph.
_PLACEHOLDER = b"<w:p><w:r><w:t>PLACEHOLDER</w:t></w:r></w:p>"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_ALT_CHUNK_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                  "aFChunk")


def _run(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _para(*inner):
    return "<w:p>" + "".join(inner) + "</w:p>"


def _box(text):
    return f"<w:txbxContent>{_para(_run(text))}</w:txbxContent>"


def _rewrite(data, changes, *, drop=(), add=None):
    """A copy of the docx bytes with parts edited (name -> function), dropped or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            part = source.read(info)
            if info.filename in changes:
                part = changes[info.filename](part)
            target.writestr(info, part)
        for name, part in (add or {}).items():
            target.writestr(name, part)
    return out.getvalue()


def _word(path, body, *, styles="", **rewrite):
    """Write a .docx whose body is the raw XML `body` (plus extra styles) to `path`."""
    document = docx.Document()
    document.add_paragraph("PLACEHOLDER")
    document.core_properties.title = "Harbour dispute"
    buffer = io.BytesIO()
    document.save(buffer)
    changes = {
        "word/document.xml": lambda xml: xml.replace(_PLACEHOLDER, body.encode()),
        "word/styles.xml": lambda xml: xml.replace(b"</w:styles>", styles.encode()
                                                   + b"</w:styles>"),
        **rewrite.pop("changes", {}),
    }
    path.write_bytes(_rewrite(buffer.getvalue(), changes, **rewrite))
    return path


def _paragraphs(source):
    return [source.text[start:end] for start, end in source.paragraphs]


def _notes(path):
    return docx_reader.read_docx(path.read_bytes(), path.name)[2]["notes"]


_TRACKED_BODY = "".join([
    _para(_run("The minister "),
          '<w:ins w:id="1" w:author="Editor" w:date="2024-03-15T10:00:00Z">',
          _run("finally "), "</w:ins>", _run("said"),
          '<w:del w:id="2" w:author="Editor" w:date="2024-03-15T10:00:00Z">',
          '<w:r><w:delText xml:space="preserve"> never</w:delText></w:r></w:del>',
          _run(" the port would reopen.")),
    '<w:tbl><w:tr><w:tc>', _para(_run("Kept row")), '</w:tc></w:tr>',
    '<w:tr><w:trPr><w:del w:id="3" w:author="Editor" w:date="2024-03-15T10:00:00Z"/>',
    '</w:trPr><w:tc>', _para(_run("Deleted row")), '</w:tc></w:tr></w:tbl>',
])


def test_tracked_insertions_read_deletions_left_out_with_a_note(tmp_path):
    path = _word(tmp_path / "tracked.docx", _TRACKED_BODY)
    assert _paragraphs(load_path(path)) == [
        "The minister finally said the port would reopen.",
        "Kept row",
    ]
    assert _notes(path) == [
        "the document has tracked changes: insertions are read, deletions are left out"]


_WRAPPED_BODY = "".join([
    _para(_run("Report "), '<w:fldSimple w:instr=" SEQ Report "><w:r><w:t>7</w:t></w:r>',
          "</w:fldSimple>", _run(" of the series.")),
    _para('<w:hyperlink w:anchor="top">',
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
          '<w:r><w:instrText xml:space="preserve"> DATE \\@ "d MMMM" </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
          '<w:r><w:instrText> QUOTE </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', _run("CODE-RESULT"),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', _run("4 March"),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>', "</w:hyperlink>",
          _run(" was the day.")),
    '<w:sdt><w:sdtPr><w:alias w:val="Lead"/></w:sdtPr><w:sdtContent>',
    _para(_run("Shipping lines rerouted vessels.")), "</w:sdtContent></w:sdt>",
    _para('<w:smartTag w:uri="urn:example" w:element="place">', _run("Rotterdam"),
          "</w:smartTag>", _run(" officials met "),
          "<w:sdt><w:sdtPr/><w:sdtContent>", _run("union leaders"),
          '</w:sdtContent></w:sdt><w:customXml w:element="when">', _run(" on Monday"),
          "</w:customXml>", _run(".")),
    '<w:customXml w:element="section">', _para(_run("Talks resume next week.")),
    "</w:customXml>",
    _para(_run("A caption follows."),
          '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>',
          f'<a:graphic xmlns:a="{_A}"><a:graphicData><wps:wsp><wps:txbx>',
          _box("Strike enters day nine."),
          "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>",
          "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>",
          _box("Strike enters day nine."),
          "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"),
    _para(_run("An old-style box:"), "<w:r><w:pict><v:shape><v:textbox>",
          _box("Cranes stand idle."), "</v:textbox></v:shape></w:pict></w:r>"),
    "<w:tbl><w:tr><w:sdt><w:sdtContent><w:tc>", _para(_run("Cell in a control")),
    "</w:tc></w:sdtContent></w:sdt><w:tc>", _para(_run("Plain cell")),
    "</w:tc></w:tr></w:tbl>",
])


def test_wrapped_text_is_read_once_in_reading_order(tmp_path):
    path = _word(tmp_path / "wrapped.docx", _WRAPPED_BODY)
    source = load_path(path)
    assert _paragraphs(source) == [
        "Report 7 of the series.",
        "4 March was the day.",
        "Shipping lines rerouted vessels.",
        "Rotterdam officials met union leaders on Monday.",
        "Talks resume next week.",
        "A caption follows.",
        "Strike enters day nine.",  # once: mc:Fallback repeats the box
        "An old-style box:",
        "Cranes stand idle.",
        "Cell in a control | Plain cell",
    ]
    assert source.text.count("Strike enters day nine.") == 1
    assert "CODE-RESULT" not in source.text and "DATE" not in source.text
    assert _notes(path) == []


_HIDDEN_STYLES = "".join([
    '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>',
    "<w:rPr><w:vanish/></w:rPr></w:style>",
    '<w:style w:type="character" w:styleId="SecretChild"><w:name w:val="Secret child"/>',
    '<w:basedOn w:val="Secret"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="Memo"><w:name w:val="Memo"/>',
    "<w:rPr><w:vanish/></w:rPr></w:style>",
])

_HIDDEN_BODY = "".join([
    _para(_run("The port "), '<w:r><w:rPr><w:vanish/></w:rPr><w:t>EDITOR-ONLY</w:t></w:r>',
          _run("reopened."),
          '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> Shown.</w:t>',
          "</w:r>"),
    _para(_run("Ships "), '<w:r><w:rPr><w:rStyle w:val="SecretChild"/></w:rPr>',
          "<w:t>STYLE-HIDDEN</w:t></w:r>", _run("sailed.")),
    _para('<w:pPr><w:pStyle w:val="Memo"/></w:pPr>', _run("WHOLE-MEMO-HIDDEN")),
    _para('<w:r><w:rPr><w:vanish/></w:rPr><w:pict><v:shape><v:textbox>',
          _box("BOX-HIDDEN"), "</v:textbox></v:shape></w:pict></w:r>"),
])


def test_hidden_text_is_left_out_with_a_note(tmp_path):
    path = _word(tmp_path / "hidden.docx", _HIDDEN_BODY, styles=_HIDDEN_STYLES)
    source = load_path(path)
    assert _paragraphs(source) == ["The port reopened. Shown.", "Ships sailed."]
    assert "HIDDEN" not in source.text and "EDITOR-ONLY" not in source.text
    assert _notes(path) == ["text hidden in Word was left out"]


def test_alt_chunk_is_noted_not_read(tmp_path):
    rel = (f'<Relationship Id="rIdChunk1" Type="{_ALT_CHUNK_REL}" '
           'Target="chunk1.htm" TargetMode="Internal"/>')
    path = _word(
        tmp_path / "chunk.docx",
        _para(_run("Before the chunk.")) + '<w:altChunk r:id="rIdChunk1"/>',
        changes={
            "word/_rels/document.xml.rels":
                lambda xml: xml.replace(b"</Relationships>", rel.encode() + b"</Relationships>"),
            "[Content_Types].xml":
                lambda xml: xml.replace(b"</Types>", b'<Default Extension="htm" '
                                        b'ContentType="text/html"/></Types>'),
        },
        add={"word/chunk1.htm": "<html><body><p>EMBEDDED-HTML</p></body></html>"},
    )
    assert _paragraphs(load_path(path)) == ["Before the chunk."]
    assert _notes(path) == ["an embedded document (altChunk) was not read"]


def test_plain_document_gets_no_notes(tmp_path):
    path = tmp_path / "plain.docx"
    make_docx(path)
    assert _notes(path) == []


_MACRO_TYPE = b"application/vnd.ms-word.document.macroEnabled.main+xml"
_PLAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.mark.parametrize("how", ["content type", "vba part"])
def test_macro_enabled_docm_renamed_docx_is_refused(tmp_path, how):
    buffer = io.BytesIO()
    make_docx(buffer)
    if how == "content type":
        data = _rewrite(buffer.getvalue(), {
            "[Content_Types].xml": lambda xml: xml.replace(_PLAIN_TYPE, _MACRO_TYPE)})
    else:
        data = _rewrite(buffer.getvalue(), {}, add={"word/vbaProject.bin": b"\0VBA" * 100})
    path = tmp_path / "minutes.docx"
    path.write_bytes(data)
    message = refused(path)
    assert "macro-enabled" in message and "refused" in message
    assert "save it as a plain Word Document (.docx)" in message


def test_docx_without_core_properties_is_named_after_the_file(tmp_path):
    path = _word(
        tmp_path / "harbour-notes.docx", _para(_run("Pilots joined the strike.")),
        drop={"docProps/core.xml"},
        changes={"_rels/.rels": lambda xml: re.sub(rb"<Relationship [^>]*core.xml\"/>", b"",
                                                   xml)},
    )
    with zipfile.ZipFile(path) as archive:
        assert b"core.xml" not in archive.read("_rels/.rels")
    source = load_path(path)
    assert (source.title, source.author, source.published) == ("harbour-notes", "", "")
    assert source.text == "Pilots joined the strike."


def test_python_docx_defaults_are_not_the_articles(tmp_path):
    document = docx.Document()  # its template says author python-docx, created 2013-12-23
    document.add_paragraph("Pilots joined the strike.")
    path = tmp_path / "from-a-script.docx"
    document.save(path)
    source = load_path(path)
    assert (source.title, source.author, source.published) == ("from-a-script", "", "")


def _formatted_body(paragraphs):
    """Word-by-word formatting with rsid attributes: about as much XML per character as
    a genuine article gets. Seeded made-up words keep it from compressing like a bomb."""
    rng = random.Random(7)
    run = ('<w:r w:rsidR="00A1B2C3" w:rsidRPr="00D4E5F6"><w:rPr><w:b/><w:i/></w:rPr>'
           '<w:t xml:space="preserve">{} </w:t></w:r>')

    def word():
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9)))

    return "".join(_para("".join(run.format(word()) for _ in range(14)))
                   for _ in range(paragraphs))


def test_body_too_big_for_the_character_limit_is_refused_before_parsing(tmp_path,
                                                                      monkeypatch):
    path = _word(tmp_path / "huge.docx", _formatted_body(3000))
    parsed = []
    monkeypatch.setattr(docx, "Document", lambda *a, **k: parsed.append(a))
    with pytest.raises(LoadError) as info:
        docx_reader.check_archive(path.read_bytes(), path.name, max_chars=20_000)
    message = str(info.value)
    assert "setting: max_text_chars" in message and "20,000-character limit" in message
    assert message.startswith("huge.docx holds ") and "\n" not in message
    assert parsed == []


def test_formatted_article_within_the_limit_is_not_refused_by_its_size(tmp_path):
    path = _word(tmp_path / "long.docx", _formatted_body(3000))
    data = path.read_bytes()
    text = docx_reader.read_docx(data, path.name)[0]
    with zipfile.ZipFile(path) as archive:
        xml_size = archive.getinfo("word/document.xml").file_size
    assert xml_size > 1_000_000  # past the floor, so the ratio itself is what is tested
    assert xml_size / len(text) < docx_reader.BODY_BYTES_PER_CHAR
    docx_reader.check_archive(data, path.name, max_chars=len(text))  # no LoadError


def test_document_without_a_body_has_no_text(tmp_path):
    path = _word(tmp_path / "bodiless.docx", "", changes={
        "word/document.xml": lambda xml: re.sub(rb"<w:body>.*</w:body>", b"", xml, flags=re.S)})
    assert "has no text" in refused(path)


def _png():
    """A valid one-pixel PNG, enough for python-docx to embed a picture."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def test_a_real_picture_is_noted_as_not_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("The harbour before the strike:")
    document.add_picture(io.BytesIO(_png()))
    document.add_paragraph("The harbour today.")
    path = tmp_path / "picture.docx"
    document.save(path)
    assert _paragraphs(load_path(path)) == ["The harbour before the strike:",
                                            "The harbour today."]
    assert _notes(path) == ["the document embeds 1 image, which was not read (only text is)"]


_DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006"


def _graphic(kind):
    return (f'<w:r><w:drawing><wp:inline><a:graphic xmlns:a="{_A}"><a:graphicData '
            f'uri="{_DRAWINGML}/{kind}"/></a:graphic></wp:inline></w:drawing></w:r>')


_EMBEDDED_BODY = "".join([
    _para(_run("Cargo volumes fell."), _graphic("chart")),
    # Word writes a picture twice, DrawingML in mc:Choice and VML in mc:Fallback: one image.
    _para("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>",
          f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_DRAWINGML}/picture"/>',
          "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>",
          '<v:imagedata r:id="rId99"/></v:shape></w:pict></mc:Fallback>',
          "</mc:AlternateContent></w:r>"),
    _para(_run("An old picture:"), '<w:r><w:pict><v:shape><v:imagedata r:id="rId98"/>',
          "</v:shape></w:pict></w:r>"),
    _para(_run("The figures:"), '<w:r><w:object><v:shape><v:imagedata r:id="rId97"/>',
          '</v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12"/></w:object></w:r>'),
    _para(_graphic("diagram"), _graphic("diagram")),
])


def test_charts_diagrams_pictures_and_ole_objects_are_counted_once_in_one_note(tmp_path):
    path = _word(tmp_path / "embedded.docx", _EMBEDDED_BODY)
    assert _paragraphs(load_path(path)) == ["Cargo volumes fell.", "An old picture:",
                                            "The figures:"]
    assert _notes(path) == [
        "the document embeds 2 images, 1 chart, 2 SmartArt diagrams and 1 embedded object "
        "(OLE), which were not read (only text is)"]


_EVERYTHING_BODY = "".join([
    _para(_run("Issue "), '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r>',
          "</w:fldSimple>", _run(": "),
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
          '<w:r><w:instrText xml:space="preserve"> AUTHOR </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', _run("Anna Kovac"),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>', _run(" reports.")),
    '<w:sdt><w:sdtPr><w:alias w:val="Summary"/></w:sdtPr><w:sdtContent>',
    _para(_run("The minister "), '<w:ins w:id="1" w:author="Ed" w:date="2025-03-04T09:00:00Z">',
          _run("publicly "), "</w:ins>", _run("warned "),
          '<w:smartTag w:uri="urn:example" w:element="country">', _run("Borduria"),
          "</w:smartTag>", '<w:del w:id="2" w:author="Ed" w:date="2025-03-04T09:00:00Z">',
          '<w:r><w:delText xml:space="preserve"> twice</w:delText></w:r></w:del>',
          '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> CHECK THIS</w:t></w:r>',
          _run(".")),
    "</w:sdtContent></w:sdt>",
    _para(_run("Ships wait."), "<w:r><w:pict><v:shape><v:textbox>",
          _box("Day nine of the strike."), "</v:textbox></v:shape></w:pict></w:r>",
          _graphic("picture")),
])


def test_everything_a_reader_sees_is_read_and_the_rest_is_noted(tmp_path):
    path = _word(tmp_path / "everything.docx", _EVERYTHING_BODY)
    source = load_path(path)
    assert _paragraphs(source) == [
        "Issue 12: Anna Kovac reports.",
        "The minister publicly warned Borduria.",
        "Ships wait.",
        "Day nine of the strike.",
    ]
    for unseen in ("AUTHOR", "NUMPAGES", "twice", "CHECK THIS"):
        assert unseen not in source.text
    assert source.notes == [
        "the document has tracked changes: insertions are read, deletions are left out",
        "text hidden in Word was left out",
        "the document embeds 1 image, which was not read (only text is)",
    ]


def test_docx_published_date_is_the_one_the_article_prints(tmp_path):
    document = docx.Document()
    document.core_properties.created = datetime.datetime(2026, 11, 30, 8, 0)
    document.add_paragraph("Harbour talks resume")
    document.add_paragraph("By Jane Analyst, 4 March 2025")
    document.add_paragraph("The union said on 1 February 2025 that talks had broken down.")
    path = tmp_path / "article.docx"
    document.save(path)
    assert load_path(path).published == "2025-03-04"
