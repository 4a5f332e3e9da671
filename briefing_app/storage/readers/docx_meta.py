"""A .docx's title and author from its core properties, never python-docx's defaults.

python-docx invents a core-properties part when a file has none (title "Word Document",
last modified by "python-docx"), and every file it creates starts from a template whose
author is "python-docx" and whose dates are 2013-12-23. None of that describes the
article, so those values come back empty and the caller falls back to the file name.
The core dates are the file's (when it was first saved, by whoever saved it), not the
article's, so none of them is offered as the publication date: the reader takes the date
the article prints near its top instead (printed_date.py).
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

_CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
_TOOL_AUTHOR = "python-docx"
_DEFAULT_TITLE = "Word Document"  # what python-docx names a document lacking core.xml


def core_metadata(document) -> dict:
    """{"title", "author"} of an open python-docx Document; "" when unknown."""
    empty = {"title": "", "author": ""}
    if not _has_core_part(document):
        return empty  # asking python-docx would invent "Word Document"
    try:
        props = document.core_properties
        title, author = (props.title or "").strip(), (props.author or "").strip()
        made_by_tool = (props.last_modified_by or "").strip() == _TOOL_AUTHOR
    except Exception as error:  # a malformed core.xml should not cost the analyst the text
        log.info("Word core properties unreadable (%s)", type(error).__name__)
        return empty
    if title == _DEFAULT_TITLE and made_by_tool:
        title = ""
    return {"title": title, "author": "" if author == _TOOL_AUTHOR else author}


def _has_core_part(document) -> bool:
    package = document.part.package
    return any(rel.reltype == _CORE_PROPERTIES for rel in package.rels.values())
