"""Make a Word template's zip package safe to build briefings on, and openable by python-docx.

Whatever a template carries is copied into every briefing made from it, and Word acts on
some of it when the briefing is opened: it fetches an attached template or a linked image
from its URL, runs macros, queries a mail-merge data source. So the package is cleaned
before use: every external relationship goes (with the references to it), and so do
attached templates, mail merges and macro parts. A macro-enabled package is refused.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

_DOTX = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCX = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CONTENT_TYPES = "[Content_Types].xml"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Elements that mean nothing without the relationship they name: dropped along with it.
_NEEDS_TARGET = {f"{{{_W_NS}}}{tag}" for tag in
                 ("attachedTemplate", "subDoc", "altChunk", "dataSource", "headerSource", "src")}
# Dropped wherever they are: a template link (even one without a relationship) and a mail
# merge, whose connection string and query Word runs on opening.
_ALWAYS_DROPPED = {f"{{{_W_NS}}}attachedTemplate", f"{{{_W_NS}}}mailMerge"}
# No DTDs, no entities, no network: the parts are data only.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
# A template is a few hundred kilobytes; these caps refuse zip bombs before inflating them.
_MAX_UNPACKED = 100 * 1024 * 1024
_MAX_RATIO = 200


class MacroEnabledError(Exception):
    """Internal: the package declares a macro-enabled main part."""


def safe_document_package(data: bytes) -> bytes:
    """The template zip in `data`, cleaned, with its main part labelled as a document.

    python-docx opens only the document content type; a .dotx's parts are otherwise the
    same, so relabelling one line of [Content_Types].xml is all it needs. Raises
    MacroEnabledError, or ValueError / zipfile.BadZipFile / KeyError for a package that is
    not a Word document.
    """
    parts = _read_parts(data)
    types = parts[_CONTENT_TYPES]
    if b"macroenabled" in types.lower():
        raise MacroEnabledError
    parts[_CONTENT_TYPES] = types.replace(_DOTX, _DOCX)
    try:
        for rels_name in [name for name in parts if name.endswith(".rels")]:
            _strip_relationships(parts, rels_name)
        for name, content in parts.items():
            # A look at the bytes first: parsing every part of every template costs time.
            if name.endswith(".xml") and (b"attachedTemplate" in content
                                          or b"mailMerge" in content):
                parts[name] = _edit(content, _drop_always_dropped)
    except etree.XMLSyntaxError as error:
        raise ValueError("a part of the template is not well-formed XML") from error
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for name, content in parts.items():
            copy.writestr(name, content)
    return out.getvalue()


def _read_parts(data: bytes) -> dict[str, bytes]:
    """Every part but the macro ones, by name, after checking the sizes the zip declares."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        infos = package.infolist()
        unpacked = sum(info.file_size for info in infos)
        packed = sum(info.compress_size for info in infos) or 1
        if unpacked > _MAX_UNPACKED or unpacked / packed > _MAX_RATIO:
            raise ValueError("the template unpacks to an implausible size")
        return {info.filename: package.read(info) for info in infos
                if not _is_macro(info.filename)}


def _is_macro(name: str) -> bool:
    # vbaProject.bin holds the code, vbaData.xml its settings; each may have a .rels.
    return posixpath.basename(name).lower().startswith(("vbaproject", "vbadata"))


def _strip_relationships(parts: dict[str, bytes], rels_name: str) -> None:
    """Drop the external and macro relationships of one .rels part, and what names them."""
    gone: set[str] = set()

    def strip(root) -> None:
        for relationship in root.findall(f"{{{_RELS_NS}}}Relationship"):
            external = relationship.get("TargetMode", "").lower() == "external"
            if external or _is_macro(relationship.get("Target", "")):
                gone.add(relationship.get("Id"))
                root.remove(relationship)

    edited = _edit(parts[rels_name], strip)
    if not gone:
        return
    parts[rels_name] = edited
    source = _source_part(rels_name)
    if source in parts:
        parts[source] = _edit(parts[source], lambda root: _forget_ids(root, gone))


def _source_part(rels_name: str) -> str:
    """The part a .rels belongs to: word/_rels/settings.xml.rels -> word/settings.xml."""
    folder, _, file = rels_name.rpartition("/")
    return posixpath.join(posixpath.dirname(folder), file.removesuffix(".rels"))


def _forget_ids(root, ids: set[str]) -> None:
    """Remove every reference to the relationships `ids`: the attribute, or the element
    when it is meaningless without its target (an attached template, say)."""
    def references(element) -> list[str]:
        return [key for key, value in element.attrib.items()
                if key.startswith(f"{{{_R_NS}}}") and value in ids]

    _drop(root, lambda element: element.tag in _NEEDS_TARGET and bool(references(element)))
    for element in root.iter():
        for key in references(element):
            del element.attrib[key]


def _drop_always_dropped(root) -> None:
    _drop(root, lambda element: element.tag in _ALWAYS_DROPPED)


def _drop(root, unwanted) -> None:
    for element in [e for e in root.iter() if unwanted(e)]:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)


def _edit(content: bytes, change) -> bytes:
    root = etree.fromstring(content, _PARSER)
    change(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
