"""The few OOXML pieces python-docx has no API for: fields, repeated table headers, run
shading, cell shading, plus text sanitising, the highlight colour table and a fast run
writer.

Everything that writes raw WordprocessingML lives here, so the rest of the export speaks
python-docx only.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from briefing_app.domain.palette import LABELS, tints

# XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF; lxml raises on them.
_ILLEGAL_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """Text that lxml accepts: XML-illegal characters removed, tabs and newlines kept."""
    return _ILLEGAL_XML.sub("", text)


def one_line(text: str) -> str:
    """Clean text for a single line (titles, table cells): any run of whitespace is one space."""
    return " ".join(clean(text).split())


# The highlight colours live in domain/palette.py, shared with the window; Word wants them
# as bare hex, without the "#".
def highlight_fills(overrides: dict | None = None) -> dict[str, str]:
    """Run shading per actor kind and claim part, with the analyst's own actor tints."""
    return {key: colour.lstrip("#") for key, colour in tints("light", overrides).items()}


HIGHLIGHT = highlight_fills()
HIGHLIGHT_LABELS = LABELS
# Traffic Light Protocol 2.0 prescribes these label colours on a black background.
TLP_COLOURS = {
    "TLP:RED": "FF2B2B",
    "TLP:AMBER+STRICT": "FFC000",
    "TLP:AMBER": "FFC000",
    "TLP:GREEN": "33FF00",
    "TLP:CLEAR": "FFFFFF",
}


def _shading(fill: str) -> OxmlElement:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    return shd


@dataclass(frozen=True)
class Look:
    """How a run looks: a character style (by id) and the direct formatting on top of it.

    `Look()` is an empty w:rPr, which python-docx's setters leave behind when set to None;
    writing it keeps those runs' XML as it was. No look at all (None) writes no w:rPr.
    """

    style: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    colour: str | None = None  # hex, "A03A00"
    size: float | None = None  # points
    # Run shading, hex: any background colour (w:highlight only knows 16 fixed ones).
    fill: str | None = None


_P, _PPR, _PSTYLE, _SECTPR, _VAL = (qn(name) for name in
                                     ("w:p", "w:pPr", "w:pStyle", "w:sectPr", "w:val"))
_R, _RPR, _T, _TAB, _BR = (qn(tag) for tag in ("w:r", "w:rPr", "w:t", "w:tab", "w:br"))
_SPACE = qn("xml:space")
# python-docx's Run.text setter turns each tab into w:tab and each \r or \n into w:br.
_BREAKS = re.compile(r"([\t\r\n])")


@functools.cache
def _properties(look: Look) -> tuple[tuple[str, dict[str, str]], ...]:
    """The w:rPr children of `look` as (tag, attributes), built once by python-docx's own
    setters so child order and values are exactly what they write. Plain strings, not
    elements: safe to share between exports on different threads."""
    run = Run(OxmlElement("w:r"), None)
    properties = run._r.get_or_add_rPr()
    if look.style is not None:
        properties.style = look.style
    run.bold, run.italic, run.underline = look.bold, look.italic, look.underline
    if look.colour is not None:
        run.font.color.rgb = RGBColor.from_string(look.colour)
    if look.size is not None:
        run.font.size = Pt(look.size)
    if look.fill is not None:
        properties.append(_shading(look.fill))
    return tuple((child.tag, dict(child.attrib)) for child in properties)


def add_paragraph(document: Document, style_id: str | None = None) -> Paragraph:
    """Append a body paragraph with paragraph style `style_id`, as python-docx's
    add_paragraph and style setter make it, without their searches: the body for its final
    w:sectPr (the last child when there is one) and the paragraph's children for the
    place of w:pPr (a new paragraph has none yet)."""
    body = document.element.body
    p = body.makeelement(_P)
    if len(body) and body[-1].tag == _SECTPR:
        body[-1].addprevious(p)
    else:
        body.append(p)
    if style_id is not None:
        etree.SubElement(etree.SubElement(p, _PPR), _PSTYLE, {_VAL: style_id})
    return Paragraph(p, document._body)


def add_run(paragraph: Paragraph, text: str = "", look: Look | None = None) -> Run:
    """Append a run, like `paragraph.add_run(text)` with font setters, in one pass.

    python-docx's text setter walks the text a character at a time and its font setters
    search the run's children for each property; here each w:t gets its text once and the
    look's properties are copied from a cache. The XML is the same: a tab is a w:tab, each
    carriage return or newline a w:br, and a w:t with leading or trailing whitespace gets
    xml:space="preserve".
    `text` must already be clean (`clean`, `one_line`).
    """
    r = etree.SubElement(paragraph._p, _R)
    if look is not None:
        properties = etree.SubElement(r, _RPR)
        for tag, attributes in _properties(look):
            etree.SubElement(properties, tag, attributes)
    for piece in _BREAKS.split(text) if text else ():
        if piece == "\t":
            etree.SubElement(r, _TAB)
        elif piece == "\n" or piece == "\r":
            etree.SubElement(r, _BR)
        elif piece:
            t = etree.SubElement(r, _T)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_SPACE, "preserve")
    return Run(r, paragraph)


def shade_cell(cell: _Cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(_shading(fill))


def repeat_as_header(row: _Row) -> None:
    """Mark a table row as the header row Word repeats at the top of every page."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)
    # A header row split across pages defeats its purpose.
    trpr.append(OxmlElement("w:cantSplit"))


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> Run:
    """Append a complex field (e.g. PAGE, NUMPAGES) as begin / instr / separate / result / end.

    Word and LibreOffice recompute the result when they lay the page out; `placeholder` is
    what a reader that does not compute fields shows.
    """
    def char(kind: str) -> None:
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        add_run(paragraph)._r.append(fld)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} \\* MERGEFORMAT "
    add_run(paragraph)._r.append(instr)
    char("separate")
    result = add_run(paragraph, placeholder)
    char("end")
    return result


def set_outline_level(paragraph_format_element: OxmlElement, level: int) -> None:
    """Put a paragraph style into the navigation pane (used for fallback heading styles)."""
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    paragraph_format_element.append(outline)


def set_table_borders(table_properties: OxmlElement, colour: str = "808080") -> None:
    """Single thin borders on every edge and between every cell (a fallback 'Table Grid')."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "4")
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), colour)
        borders.append(border)
    table_properties.append(borders)
