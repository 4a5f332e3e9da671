"""Build resources/templates/default.docx, the briefing's default look, from python-docx's
own blank document: A4 pages, calm headings, compact lists. Run it after changing the look:

    .venv/bin/python resources/templates/make_default_template.py
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Cm, Pt, RGBColor

NAVY = RGBColor(0x1F, 0x3A, 0x5F)


def build() -> docx.document.Document:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    title = styles["Title"]
    title.font.size = Pt(22)
    title.font.color.rgb = NAVY
    title.paragraph_format.space_after = Pt(2)
    for name, size, before in (("Heading 1", 14, 12), ("Heading 2", 11.5, 8),
                               ("Heading 3", 10.5, 6)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = NAVY
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(3)
    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(4)
    caption = styles["Caption"]
    caption.font.size = Pt(8.5)
    caption.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    caption.font.bold = False
    document.core_properties.author = ""
    document.core_properties.title = ""
    document.core_properties.comments = ""
    return document


if __name__ == "__main__":
    build().save(Path(__file__).with_name("default.docx"))
