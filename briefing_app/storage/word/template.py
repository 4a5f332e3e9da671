"""Open the Word template an export starts from, and make sure every style it needs exists.

A template supplies styles, page setup and headers (a logo, say); its body text is dropped.
A style the template lacks is added with a defined look, and the caller is told so.
The template file is read with a size limit and cleaned first (template_package).
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
from briefing_app.storage.files import read_user_file
from briefing_app.storage.formats import MACRO_SUFFIXES
from briefing_app.storage.word import ooxml
from briefing_app.storage.word.template_package import MacroEnabledError, safe_document_package

# A template is a few hundred kilobytes, one with a large logo a few megabytes.
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024


def default_template() -> Path:
    return resources_dir() / "templates" / "default.docx"


def open_template(template: str | os.PathLike[str] | None) -> Document:
    """The template as a python-docx Document with an empty body (its final sectPr kept),
    stripped of everything Word would fetch or run (see template_package)."""
    path = Path(template) if template is not None else default_template()
    name = path.name
    if path.suffix.lower() in MACRO_SUFFIXES:
        raise ExportError(_macro_sentence(name))
    data = read_user_file(path, "the template", MAX_TEMPLATE_BYTES, error=ExportError)
    try:
        document = docx.Document(io.BytesIO(safe_document_package(data)))
    except MacroEnabledError as error:
        raise ExportError(_macro_sentence(name)) from error
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise ExportError(f"Could not use the template {name}: it is not a Word document.") \
            from error
    _clear_body(document)
    return document


def _macro_sentence(name: str) -> str:
    return (f"Could not use the template {name}: macro-enabled templates are not supported; "
            "save it as .docx or .dotx.")


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
