"""Read a Word .docx: body paragraphs and tables in reading order, plus core properties.

The archive is inspected with zipfile before python-docx inflates anything, so a zip
bomb (huge declared sizes or absurd compression ratios) is refused up front. XML parts
carrying a DOCTYPE are refused too: Word never writes one, and it is how entity-expansion
attacks start (python-docx's parser does not resolve entities, but we do not rely on that).
"""

from __future__ import annotations

import io
import logging
import zipfile

from briefing_app.errors import LoadError
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


def check_archive(
    data: bytes,
    name: str,
    *,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_ratio: int = MAX_RATIO,
) -> None:
    """Refuse non-zips, non-Word zips, zip bombs and DOCTYPEs without inflating big members."""
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
                f"{name} would expand to {total / 1_000_000:,.0f} MB when unpacked, which "
                f"looks like a zip bomb; it was refused, so {_SAVE_AGAIN} if it is genuine."
            )
        names = {info.filename for info in infos}
        if "word/document.xml" not in names:
            raise LoadError(
                f"{name} is a zip archive but not a Word document (it has no "
                f"word/document.xml); {_SAVE_AGAIN}."
            )
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and _has_doctype(archive, info):
                raise LoadError(
                    f"{name} contains a DOCTYPE declaration, which Word never writes and "
                    f"which can hide an entity attack; it was refused, so {_SAVE_AGAIN}."
                )


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    try:
        head = archive.read(info)  # sizes were capped above, so this is bounded
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError):
        return False  # python-docx will then fail on it and we report a damaged file
    return b"<!doctype" in head.lower() or b"<\x00!\x00d\x00o\x00c" in head.lower()


def read_docx(data: bytes, name: str) -> tuple[str, list[tuple[int, int]], dict[str, str]]:
    """(text, paragraph spans, metadata) of a .docx already passed through check_archive."""
    import docx  # python-docx; imported late because it pulls in lxml

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        log.info("python-docx could not open a document (%s)", type(exc).__name__)
        raise LoadError(
            f"{name} is damaged or not a Word .docx document (it could not be opened); "
            f"{_SAVE_AGAIN}."
        ) from exc
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):  # a Table: one block per row, cells joined by " | "
            blocks.extend(_table_rows(item))
        else:
            blocks.append(item.text)
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
    return "".join(text_parts), spans, _core_metadata(document)


def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            # Merged cells come back once per grid column; keep each underlying cell once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        rows.append(" | ".join(c for c in cells if c))
    return rows


def _core_metadata(document) -> dict[str, str]:
    try:
        props = document.core_properties
        created = props.created
        return {
            "title": (props.title or "").strip(),
            "author": (props.author or "").strip(),
            "published": created.date().isoformat() if created else "",
        }
    except Exception as error:  # a malformed core.xml should not cost the analyst the text
        log.info("Word core properties unreadable (%s)", type(error).__name__)
        return {"title": "", "author": "", "published": ""}
