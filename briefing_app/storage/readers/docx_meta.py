"""A .docx's title, author and date from its core properties, never python-docx's defaults.

python-docx invents a core-properties part when a file has none (title "Word Document",
last modified by "python-docx"), and every file it creates starts from a template whose
author is "python-docx" and whose dates are 2013-12-23. None of that describes the
article, so those values come back empty and the caller falls back to the file name.
"""

from __future__ import annotations

import datetime
import logging

log = logging.getLogger(__name__)

_CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
_TOOL_AUTHOR = "python-docx"
_DEFAULT_TITLE = "Word Document"  # what python-docx names a document lacking core.xml
_TEMPLATE_CREATED = datetime.datetime(2013, 12, 23, 23, 15)  # python-docx's default.docx


def core_metadata(document) -> dict:
    """{"title", "author", "published"} of an open python-docx Document; "" when unknown.

    "published" is the core "created" date: Word sets it when the file is first saved,
    which for a saved article is the closest date the file carries.
    """
    empty = {"title": "", "author": "", "published": ""}
    if not _has_core_part(document):
        return empty  # asking python-docx would invent "Word Document"
    try:
        props = document.core_properties
        title, author = (props.title or "").strip(), (props.author or "").strip()
        made_by_tool = (props.last_modified_by or "").strip() == _TOOL_AUTHOR
        created = props.created
    except Exception as error:  # a malformed core.xml should not cost the analyst the text
        log.info("Word core properties unreadable (%s)", type(error).__name__)
        return empty
    if title == _DEFAULT_TITLE and made_by_tool:
        title = ""
    if created is not None and created.replace(tzinfo=None) == _TEMPLATE_CREATED:
        created = None
    return {
        "title": title,
        "author": "" if author == _TOOL_AUTHOR else author,
        "published": created.date().isoformat() if created else "",
    }


def _has_core_part(document) -> bool:
    package = document.part.package
    return any(rel.reltype == _CORE_PROPERTIES for rel in package.rels.values())
