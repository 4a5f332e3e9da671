"""The few OOXML pieces python-docx has no API for: fields, repeated table headers, run
shading, cell shading, plus text sanitising and the highlight colour table.

Everything that writes raw WordprocessingML lives here, so the rest of the export speaks
python-docx only.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

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


def shade_run(run: Run, fill: str) -> None:
    """Give a run any background colour (w:highlight only knows 16 fixed ones)."""
    rpr = run._r.get_or_add_rPr()
    for old in rpr.findall(qn("w:shd")):
        rpr.remove(old)
    rpr.append(_shading(fill))


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
        paragraph.add_run()._r.append(fld)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} \\* MERGEFORMAT "
    paragraph.add_run()._r.append(instr)
    char("separate")
    result = paragraph.add_run(placeholder)
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
