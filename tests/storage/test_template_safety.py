"""A hostile Word template: what it links to or runs never reaches an exported briefing, and
a template that is no regular file (a FIFO, a link to /dev/zero) is one sentence, at once."""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import datetime

import pytest
from lxml import etree

from briefing_app.errors import ExportError
from briefing_app.storage.word import template as template_module
from briefing_app.storage.word.export import export_briefing
from briefing_app.storage.word.template import default_template
from support import briefing_builders as builders

NOW = datetime(2026, 11, 27, 9, 30)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
MACRO_MAIN = b"application/vnd.ms-word.document.macroEnabled.main+xml"

HEADER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{W}" xmlns:r="{R}" xmlns:v="urn:schemas-microsoft-com:vml">
<w:p><w:r><w:t>ACME Intelligence</w:t></w:r></w:p>
<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>acme.example</w:t></w:r></w:hyperlink></w:p>
<w:p><w:r><w:pict><v:shape id="logo"><v:imagedata r:id="rIdLogo"/></v:shape></w:pict></w:r></w:p>
</w:hdr>""".encode()


def _rels(*relationships: tuple[str, str, str, bool]) -> bytes:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{R}/{kind}" Target="{target}"'
        f'{" TargetMode=" + chr(34) + "External" + chr(34) if external else ""}/>'
        for rid, kind, target, external in relationships)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{RELS}">{items}</Relationships>').encode()


def _hostile_parts() -> dict[str, bytes]:
    """The default template plus an attached remote template, a mail merge with a remote
    data source, a header linking a remote page and a remote logo, and a macro project."""
    with zipfile.ZipFile(default_template()) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    parts["word/settings.xml"] = re.sub(
        rb"(<w:settings[^>]*>)",
        rb'\1<w:attachedTemplate r:id="rIdTpl"/><w:mailMerge><w:mainDocumentType '
        rb'w:val="formLetters"/><w:connectString w:val="Data Source=\\\\host\\db"/>'
        rb'<w:query w:val="SELECT * FROM x"/><w:dataSource r:id="rIdData"/></w:mailMerge>',
        parts["word/settings.xml"], count=1)
    parts["word/_rels/settings.xml.rels"] = _rels(
        ("rIdTpl", "attachedTemplate", "http://host/evil.dotm", True),
        ("rIdData", "mailMergeSource", "file://host/db.mdb", True))
    parts["word/header1.xml"] = HEADER
    parts["word/_rels/header1.xml.rels"] = _rels(
        ("rIdLink", "hyperlink", "http://acme.example/track", True),
        ("rIdLogo", "image", "http://acme.example/logo.png", True))
    parts["word/vbaProject.bin"] = b"Attribute VB_Name = \"AutoOpen\""
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdHdr" Type="{R}/header" Target="header1.xml"/>'
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
        'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'.encode())
    parts["word/document.xml"] = re.sub(
        rb"(<w:sectPr[^>]*>)", rb'\1<w:headerReference w:type="default" r:id="rIdHdr"/>',
        parts["word/document.xml"], count=1)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        b'<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.header+xml"/></Types>')
    return parts


def _write_zip(path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)


def _exported_parts(tmp_path, template) -> dict[str, bytes]:
    out = tmp_path / "briefing.docx"
    export_briefing(builders.sample_briefing(), out, template=template, now=NOW)
    with zipfile.ZipFile(out) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


@pytest.fixture
def hostile_template(tmp_path):
    path = tmp_path / "acme.dotx"
    parts = _hostile_parts()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"document.main+xml", b"template.main+xml")
    _write_zip(path, parts)
    return path


def test_the_hostile_template_really_carries_external_links(hostile_template):
    # Guards the test itself: the links are there before the export removes them.
    with zipfile.ZipFile(hostile_template) as package:
        text = b"".join(package.read(name) for name in package.namelist())
    assert text.count(b'TargetMode="External"') == 4
    assert b"attachedTemplate" in text and b"vbaProject" in text


def test_export_strips_external_links_attached_template_and_macros(tmp_path, hostile_template,
                                                                   no_sockets):
    parts = _exported_parts(tmp_path, hostile_template)
    everything = b"".join(parts.values())
    for needle in (b"External", b"attachedTemplate", b"mailMerge", b"connectString",
                   b"http://host", b"http://acme.example", b"file://host"):
        assert needle not in everything, needle
    assert not [name for name in parts if "vba" in name.lower()]


def test_export_keeps_the_templates_header_with_no_dangling_reference(tmp_path,
                                                                      hostile_template):
    parts = _exported_parts(tmp_path, hostile_template)
    headers = [name for name in parts if re.fullmatch(r"word/header\d*\.xml", name)
               and b"ACME Intelligence" in parts[name]]
    assert len(headers) == 1
    assert b"acme.example" in parts[headers[0]]  # the link's text stays, its target goes
    for name, content in parts.items():
        if not name.endswith(".xml"):
            continue
        folder, _, file = name.rpartition("/")
        rels = parts.get(f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels", b"")
        ids = set(re.findall(rb'Id="([^"]+)"', rels))
        used = {value.encode() for element in etree.fromstring(content).iter()
                for key, value in element.attrib.items() if key.startswith(f"{{{R}}}")}
        assert used <= ids, (name, used - ids)


def test_docx_with_a_macro_content_type_is_refused(tmp_path):
    path = tmp_path / "innocent.docx"
    parts = _hostile_parts()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        MACRO_MAIN)
    assert MACRO_MAIN in parts["[Content_Types].xml"]
    _write_zip(path, parts)
    with pytest.raises(ExportError) as caught:
        export_briefing(builders.sample_briefing(), tmp_path / "x.docx", template=path)
    assert str(caught.value) == (
        "Could not use the template innocent.docx: macro-enabled templates are not supported; "
        "save it as .docx or .dotx.")
    assert not (tmp_path / "x.docx").exists()


def test_template_with_broken_xml_in_a_rels_part_is_not_a_word_document(tmp_path):
    path = tmp_path / "broken.docx"
    parts = _hostile_parts()
    parts["word/_rels/header1.xml.rels"] = b"<Relationships"
    _write_zip(path, parts)
    with pytest.raises(ExportError, match=r"broken\.docx: it is not a Word document"):
        export_briefing(builders.sample_briefing(), tmp_path / "x.docx", template=path)


@pytest.mark.timeout(20)
def test_template_linked_to_dev_zero_is_refused_at_once(tmp_path):
    path = tmp_path / "endless.dotx"
    path.symlink_to("/dev/zero")
    with pytest.raises(ExportError, match=r"endless\.dotx: it is a device, not a regular file"):
        export_briefing(builders.sample_briefing(), tmp_path / "x.docx", template=path)


@pytest.mark.timeout(20)
def test_template_that_is_a_fifo_is_refused_at_once(tmp_path):
    path = tmp_path / "pipe.docx"
    os.mkfifo(path)
    with pytest.raises(ExportError, match=r"pipe\.docx: it is a named pipe \(FIFO\)"):
        export_briefing(builders.sample_briefing(), tmp_path / "x.docx", template=path)


def test_template_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(template_module, "MAX_TEMPLATE_BYTES", 1024 * 1024)
    path = tmp_path / "logo.docx"
    path.write_bytes(default_template().read_bytes() + b"\0" * (1024 * 1024))
    with pytest.raises(ExportError, match=r"logo\.docx: it is larger than the 1 MB"):
        export_briefing(builders.sample_briefing(), tmp_path / "x.docx", template=path)


def test_clean_template_comes_through_unchanged_in_content(tmp_path):
    # The cleaning rewrites the zip; a template with nothing to remove keeps every part.
    with zipfile.ZipFile(default_template()) as package:
        before = {name: package.read(name) for name in package.namelist()}
    from briefing_app.storage.word.template_package import safe_document_package

    with zipfile.ZipFile(io.BytesIO(safe_document_package(default_template().read_bytes()))) \
            as package:
        after = {name: package.read(name) for name in package.namelist()}
    assert after == before
