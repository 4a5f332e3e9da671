"""Read a Word .docx: check the archive, then its body text (docx_body) and properties.

The archive is inspected with zipfile before python-docx inflates anything, so a zip
bomb (huge declared sizes or absurd compression ratios), a macro-enabled .docm under a
.docx name and a body too big for the character limit are refused up front. XML parts
carrying a DOCTYPE are refused too: Word never writes one, and it is how entity-expansion
attacks start (python-docx's parser does not resolve entities, but we do not rely on that).
"""

from __future__ import annotations

import io
import logging
import zipfile

from briefing_app.errors import LoadError
from briefing_app.storage.readers.common import format_size
from briefing_app.storage.readers.docx_body import (
    ALT_CHUNK,
    CHART,
    DIAGRAM,
    HIDDEN,
    IMAGE,
    OBJECT,
    TRACKED,
    BodyWalker,
    hidden_styles,
)
from briefing_app.storage.readers.docx_meta import core_metadata
from briefing_app.storage.readers.printed_date import printed_date
from briefing_app.storage.readers.text_decode import replace_controls

log = logging.getLogger(__name__)

MAX_UNCOMPRESSED = 200_000_000  # total declared size of all members
MAX_RATIO = 100  # declared size / compressed size, per member and overall
MAX_MEMBERS = 10_000
# Small members legitimately compress very well (empty styles, settings); only judge
# the ratio of members big enough to matter.
_RATIO_MIN_SIZE = 1_000_000
# The signature of the OLE2 container that Word 97-2003 .doc files use.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AGAIN = "save it again from Word as .docx"
# Where an article prints its date: headline, byline and dateline come first.
_DATE_PARAGRAPHS = 8
_BODY = "word/document.xml"
_CONTENT_TYPES = "[Content_Types].xml"
# Bytes of body XML per character of text, as a ceiling: documents made with python-docx
# measure 1.3 (plain paragraphs) to 16 (every word its own bold or italic run); each rsid
# attribute Word adds to a run is about 20 bytes more, so word-by-word formatting fits.
BODY_BYTES_PER_CHAR = 40
# Namespaces, section properties and an empty paragraph make a few KB even for one word;
# below this size the body is always parsed and the characters counted exactly.
_BODY_FLOOR = 1_000_000
# One note per kind of text the reader saw in Word but the analysis will not.
_NOTES = {
    TRACKED: "the document has tracked changes: insertions are read, deletions are left out",
    HIDDEN: "text hidden in Word was left out",
    ALT_CHUNK: "an embedded document (altChunk) was not read",
}
# Embedded content the note counts, singular and plural, in this order.
_EMBEDDED = ((IMAGE, "image", "images"), (CHART, "chart", "charts"),
             (DIAGRAM, "SmartArt diagram", "SmartArt diagrams"),
             (OBJECT, "embedded object (OLE)", "embedded objects (OLE)"))


def check_archive(
    data: bytes,
    name: str,
    *,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_ratio: int = MAX_RATIO,
    max_chars: int | None = None,
) -> None:
    """Refuse non-zips, non-Word zips, zip bombs, macro documents and DOCTYPEs early.

    With `max_chars`, a body whose XML is far too big to hold no more than that many
    characters is refused from its declared size, before anything is parsed.
    """
    if data.startswith(OLE_MAGIC):
        raise LoadError(f"{name} is an older Word .doc file, which Briefing Builder cannot "
                        "read; open it in Word and save it as .docx.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise LoadError(
            f"{name} is not a Word document (it is not a zip archive); {_SAVE_AGAIN}."
        ) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise LoadError(f"{name} holds {len(infos):,} parts, far more than a Word "
                            f"document has; it was refused as unsafe, so {_SAVE_AGAIN}.")
        total = sum(info.file_size for info in infos)
        packed = sum(info.compress_size for info in infos)
        overall_ratio = total > _RATIO_MIN_SIZE and total > max_ratio * max(packed, 1)
        bomb = total > max_uncompressed or overall_ratio or any(
            info.file_size > _RATIO_MIN_SIZE
            and info.file_size > max_ratio * max(info.compress_size, 1)
            for info in infos
        )
        if bomb:
            raise LoadError(
                f"{name} would expand to {format_size(total)} when unpacked, which "
                f"looks like a zip bomb; it was refused, so {_SAVE_AGAIN} if it is genuine."
            )
        names = {info.filename for info in infos}
        if _BODY not in names:
            raise LoadError(
                f"{name} is a zip archive but not a Word document (it has no "
                f"word/document.xml); {_SAVE_AGAIN}."
            )
        if max_chars is not None:
            _check_body_size(archive.getinfo(_BODY).file_size, name, max_chars)
        if _has_macros(archive, names):
            raise LoadError(
                f"{name} is a macro-enabled Word document (.docm) and was refused, because "
                "macros can carry harmful code; open it in Word and save it as a plain "
                "Word Document (.docx)."
            )
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and _has_doctype(archive, info):
                raise LoadError(
                    f"{name} contains a DOCTYPE declaration, which Word never writes and "
                    f"which can hide an entity attack; it was refused, so {_SAVE_AGAIN}."
                )


def _check_body_size(size: int, name: str, max_chars: int) -> None:
    """Refuse a body whose XML size alone shows it holds more text than the limit allows."""
    if size <= max(_BODY_FLOOR, BODY_BYTES_PER_CHAR * max_chars):
        return
    raise LoadError(
        f"{name} holds {format_size(size)} of document text and markup, far more than "
        f"fits the {max_chars:,}-character limit (setting: max_text_chars); split the "
        "article or raise the limit in Settings."
    )


def _has_macros(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """A .docm (or a macro template) under a .docx name: VBA part or macro content type."""
    if any(n.lower().rsplit("/", 1)[-1] == "vbaproject.bin" for n in names):
        return True
    if _CONTENT_TYPES not in names:
        return False
    try:
        types = archive.read(_CONTENT_TYPES).lower()  # sizes were capped by the bomb check
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError):
        return False  # python-docx will then fail on it and we report a damaged file
    return b"macroenabled" in types or b"vbaproject" in types


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    try:
        head = archive.read(info)  # sizes were capped above, so this is bounded
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError):
        return False  # python-docx will then fail on it and we report a damaged file
    return b"<!doctype" in head.lower() or b"<\x00!\x00d\x00o\x00c" in head.lower()


def read_docx(data: bytes, name: str) -> tuple[str, list[tuple[int, int]], dict]:
    """(text, paragraph spans, metadata) of a .docx already passed through check_archive.

    The metadata holds title, author and published (empty when the file does not say)
    and notes: one sentence per kind of text that was left out.
    """
    import docx  # python-docx; imported late because it pulls in lxml

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        log.info("python-docx could not open a document (%s)", type(exc).__name__)
        raise LoadError(
            f"{name} is damaged or not a Word .docx document (it could not be opened); "
            f"{_SAVE_AGAIN}."
        ) from exc
    walker = BodyWalker(_hidden_styles(document))
    body = document.element.body
    if body is not None:  # a document without w:body has no text; the caller says so
        walker.read_blocks(body)
    text, spans = _join_blocks(walker.blocks)
    meta = core_metadata(document)
    meta["published"] = printed_date(text[s:e] for s, e in spans[:_DATE_PARAGRAPHS])
    meta["notes"] = [note for key, note in _NOTES.items() if key in walker.found]
    if walker.embedded:
        meta["notes"].append(_embedded_note(walker.embedded))
    return text, spans, meta


def _embedded_note(counts) -> str:
    """'the document embeds 2 images and 1 chart, which were not read (only text is)'."""
    parts = [f"{counts[kind]} {one if counts[kind] == 1 else many}"
             for kind, one, many in _EMBEDDED if counts[kind]]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    total = sum(counts[kind] for kind, _, _ in _EMBEDDED)
    which = "which was" if total == 1 else "which were"
    return f"the document embeds {listed}, {which} not read (only text is)"


def _hidden_styles(document) -> frozenset[str]:
    try:
        return hidden_styles(document.styles.element)
    except Exception as error:  # a broken styles part should not cost the analyst the text
        log.info("Word styles unreadable (%s)", type(error).__name__)
        return frozenset()


def _join_blocks(blocks: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The blocks joined by blank lines, empty ones dropped, with each block's offsets."""
    text_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for block in blocks:
        block = replace_controls(block)[0].strip()
        if not block:
            continue
        if text_parts:
            text_parts.append("\n\n")
            offset += 2
        text_parts.append(block)
        spans.append((offset, offset + len(block)))
        offset += len(block)
    return "".join(text_parts), spans
