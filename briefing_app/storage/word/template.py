"""Open the Word template an export starts from, and make sure every style it needs exists.

A template supplies styles, page setup and headers (a logo, say); its body text is dropped.
A style the template lacks is added with a defined look, and the caller is told so.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from briefing_app.errors import ExportError
from briefing_app.paths import resources_dir
from briefing_app.storage.formats import MACRO_SUFFIXES
from briefing_app.storage.word import ooxml

_DOTX = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCX = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# A template is a few hundred kilobytes; these caps refuse zip bombs before inflating them.
_MAX_UNPACKED = 100 * 1024 * 1024
_MAX_RATIO = 200


def default_template() -> Path:
    return resources_dir() / "templates" / "default.docx"


def open_template(template: str | os.PathLike[str] | None) -> Document:
    """The template as a python-docx Document with an empty body (its final sectPr kept)."""
    path = Path(template) if template is not None else default_template()
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExportError(f"Could not read the template {name}: {error.strerror or error}.") \
            from error
    if path.suffix.lower() in MACRO_SUFFIXES:
        raise ExportError(
            f"Could not use the template {name}: macro-enabled templates are not supported; "
            "save it as .docx or .dotx.")
    try:
        data = _as_document_package(data)
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise ExportError(f"Could not use the template {name}: it is not a Word document.") \
            from error
    _clear_body(document)
    return document


def _as_document_package(data: bytes) -> bytes:
    """Check the zip's sizes and, for a .dotx, relabel its main part as a document.

    python-docx opens only the document content type; a template's parts are otherwise the
    same, so rewriting one line of [Content_Types].xml is all a .dotx needs.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        infos = package.infolist()
        unpacked = sum(info.file_size for info in infos)
        packed = sum(info.compress_size for info in infos) or 1
        if unpacked > _MAX_UNPACKED or unpacked / packed > _MAX_RATIO:
            raise ValueError("the template unpacks to an implausible size")
        types = package.read("[Content_Types].xml")
        if _DOTX not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in infos:
                content = package.read(info)
                if info.filename == "[Content_Types].xml":
                    content = types.replace(_DOTX, _DOCX)
                copy.writestr(info, content)
    return out.getvalue()


def _clear_body(document: Document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def ensure_styles(document: Document) -> list[str]:
    """Add every style the export uses that the template lacks; return the names added."""
    added = []
    styles = document.styles
    for name, (kind, build) in _FALLBACKS.items():
        try:
            styles[name]
            continue
        except KeyError:
            pass
        style = styles.add_style(name, kind)
        build(style)
        added.append(name)
    return added


def _heading(size: float, level: int | None):
    def build(style) -> None:
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        style.paragraph_format.space_before = Pt(12 if level is not None else 0)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
        if level is not None:
            ooxml.set_outline_level(style.element.get_or_add_pPr(), level)
    return build


def _list_bullet(style) -> None:
    # Without a numbering definition no bullet glyph can be attached to a style; the
    # writer prefixes "• " for this fallback, and the hanging indent keeps it tidy.
    style.paragraph_format.left_indent = Pt(18)
    style.paragraph_format.first_line_indent = Pt(-12)
    style.paragraph_format.space_after = Pt(3)


def _caption(style) -> None:
    style.font.size = Pt(9)
    style.font.italic = True
    style.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _quote(style) -> None:
    style.font.italic = True
    style.paragraph_format.left_indent = Pt(24)


def _table_grid(style) -> None:
    properties = OxmlElement("w:tblPr")
    ooxml.set_table_borders(properties)
    style.element.append(properties)


# Built-in names, so Word maps them to its own (and localised) styles.
_FALLBACKS = {
    "Title": (WD_STYLE_TYPE.PARAGRAPH, _heading(24, None)),
    "Heading 1": (WD_STYLE_TYPE.PARAGRAPH, _heading(15, 0)),
    "Heading 2": (WD_STYLE_TYPE.PARAGRAPH, _heading(12.5, 1)),
    "Heading 3": (WD_STYLE_TYPE.PARAGRAPH, _heading(11, 2)),
    "List Bullet": (WD_STYLE_TYPE.PARAGRAPH, _list_bullet),
    "Caption": (WD_STYLE_TYPE.PARAGRAPH, _caption),
    "Quote": (WD_STYLE_TYPE.PARAGRAPH, _quote),
    "Table Grid": (WD_STYLE_TYPE.TABLE, _table_grid),
}
