"""Export a Briefing as a Word document: template, header and footer, sections (with where
the sources agree and disagree), appendix, core properties, then one atomic write.

Reads the domain only. Returns warnings the user should see (a style the template lacks);
anything that stops the export is an ExportError with one sentence.
"""

from __future__ import annotations

import io
import os
from datetime import datetime
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.text.paragraph import Paragraph

from briefing_app import APP_NAME
from briefing_app.domain.corroboration import corroborate
from briefing_app.domain.model import Briefing
from briefing_app.errors import ExportError
from briefing_app.storage.atomic import atomic_write_bytes, describe_os_error
from briefing_app.storage.word import agreement, appendix, ooxml, sections
from briefing_app.storage.word.ooxml import Look, add_run, highlight_fills, one_line
from briefing_app.storage.word.template import ensure_styles, open_template


def export_briefing(briefing: Briefing, path: str | os.PathLike[str], *,
                    template: str | os.PathLike[str] | None = None, mark: str | None = None,
                    title: str | None = None, now: datetime | None = None,
                    highlight_colours: dict | None = None) -> list[str]:
    """Write `briefing` to `path` as a .docx; returns warnings, raises ExportError.

    `highlight_colours` are the analyst's own actor tints (the settings' highlight_colours).
    """
    now = now or datetime.now()
    mark = one_line(mark if mark is not None else briefing.mark)
    title = one_line(title or briefing.title
                     or (briefing.sources[0].title if briefing.sources else "") or "Briefing")
    document = open_template(template)
    added = ensure_styles(document)
    sections.ensure_character_styles(document)
    warnings = [f"The template lacks the style '{name}'; a built-in look is used."
                for name in added]
    ctx = sections.Context(document, briefing, title, now,
                           bullet_glyph="List Bullet" in added,
                           highlight=highlight_fills(highlight_colours))
    # Only a briefing of several sources has agreement to show (and single sources to mark).
    found = corroborate(briefing) if len(briefing.sources) > 1 else None
    if found is not None:
        ctx.single_source = agreement.single_source_claims(found)
    _write_header_footer(document, mark)
    sections.write_front(ctx)
    sections.write_actors(ctx)
    sections.write_claims(ctx)
    if found is not None:
        agreement.write_agreement(ctx, found)
    sections.write_notes(ctx)
    sections.write_sources(ctx)
    appendix.write_appendix(ctx)
    _set_properties(document, briefing, title, mark, now)
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        atomic_write_bytes(path, buffer.getvalue())
    except OSError as error:
        raise ExportError(
            f"Could not write {Path(path).name}: {describe_os_error(error)}; "
            "any previous file is unchanged.") from error
    return warnings


def _write_header_footer(document: Document, mark: str) -> None:
    """The handling mark on every page: header and footer of every page variant in use."""
    for section in document.sections:
        variants = [(section.header, section.footer)]
        if section.different_first_page_header_footer:
            variants.append((section.first_page_header, section.first_page_footer))
        if document.settings.odd_and_even_pages_header_footer:
            variants.append((section.even_page_header, section.even_page_footer))
        for header, footer in variants:
            header.is_linked_to_previous = False
            footer.is_linked_to_previous = False
            _mark_run(_free_paragraph(header), mark)
            paragraph = _free_paragraph(footer)
            if mark:
                _mark_run(paragraph, mark)
                add_run(paragraph, " · ")
            add_run(paragraph, "page ")
            ooxml.add_field(paragraph, "PAGE")
            add_run(paragraph, " of ")
            ooxml.add_field(paragraph, "NUMPAGES")


def _free_paragraph(part) -> Paragraph:
    """An empty paragraph of a header or footer, keeping what the template put there (a logo)."""
    paragraphs = part.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].text and not paragraphs[0].runs:
        paragraph = paragraphs[0]
    else:
        paragraph = part.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _mark_run(paragraph: Paragraph, mark: str) -> None:
    if not mark:
        return
    colour = ooxml.TLP_COLOURS.get(mark.upper())
    # TLP 2.0: the label in its colour on black, so it survives greyscale printing.
    look = Look(bold=True, size=10, colour=colour, fill="000000" if colour else None)
    add_run(paragraph, mark, look)


def _set_properties(document: Document, briefing: Briefing, title: str, mark: str,
                    now: datetime) -> None:
    props = document.core_properties
    props.title = title[:255]
    props.author = one_line(briefing.author)[:255]
    props.last_modified_by = one_line(briefing.author)[:255]
    props.subject = one_line(f"Briefing {mark}".strip())[:255]
    names = [a.name for a in briefing.actors if sections.shown(a)][:10]
    props.keywords = "; ".join(one_line(n) for n in [mark, *names] if n.strip())[:255]
    props.category = mark[:255]
    props.comments = f"Made with {APP_NAME}"
    props.created = now
    props.modified = now
    props.revision = 1
