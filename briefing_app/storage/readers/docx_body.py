"""Walk a Word body's XML into text blocks the way a reader sees the page.

python-docx's `Paragraph.text` only knows runs sitting directly in a paragraph or a
hyperlink, and it reads hidden runs. This walker follows Word's own wrappers (tracked
insertions, content controls, smart tags, custom XML, simple fields), reads text boxes
once (Word stores each twice in mc:AlternateContent), and leaves out what the reader does
not see: tracked deletions, field codes and text hidden by w:vanish, directly or through
a style. It records what it left out, and the embedded content it cannot read (images,
charts, SmartArt diagrams, OLE objects), so the caller can put a note on the source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_P, W_TBL, W_TR, W_TC, W_R, W_T = (_W + t for t in ("p", "tbl", "tr", "tc", "r", "t"))
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
W_INS, W_DEL, W_MOVE_TO, W_MOVE_FROM = (_W + t for t in ("ins", "del", "moveTo", "moveFrom"))
W_DEL_TEXT, W_ALT_CHUNK, W_TXBX = _W + "delText", _W + "altChunk", _W + "txbxContent"
W_PPR, W_RPR, W_TRPR, W_FLD_CHAR = _W + "pPr", _W + "rPr", _W + "trPr", _W + "fldChar"
W_VANISH, W_VAL, W_BR = _W + "vanish", _W + "val", _W + "br"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
W_OBJECT, W_PICT = _W + "object", _W + "pict"
_GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
_V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"

# What the other run children show on the page (w:t and w:br are handled by _shown).
_RUN_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
# Run children that may carry a text box (w:drawing and w:pict; w:object for VML shapes).
_SHAPES = frozenset({_W + "drawing", _W + "pict", _W + "object", MC_ALTERNATE})
# Wrappers whose children are read in place; only their properties are skipped.
_CONTAINERS = frozenset({W_CUSTOM_XML, W_INS, W_MOVE_TO})
_OFF = frozenset({"0", "false", "off"})

TRACKED, HIDDEN, ALT_CHUNK = "tracked", "hidden", "altchunk"
IMAGE, CHART, DIAGRAM, OBJECT = "image", "chart", "diagram", "object"
# What a DrawingML graphic holds, by its graphicData uri; shapes (wps) carry text boxes.
_GRAPHICS = {
    "http://schemas.openxmlformats.org/drawingml/2006/picture": IMAGE,
    "http://schemas.openxmlformats.org/drawingml/2006/chart": CHART,
    "http://schemas.microsoft.com/office/drawing/2014/chartex": CHART,
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": DIAGRAM,
}


def hidden_styles(styles_root) -> frozenset[str]:
    """Ids of the styles that hide their text (w:vanish), following w:basedOn."""
    if styles_root is None:
        return frozenset()
    own: dict[str, bool | None] = {}
    parent: dict[str, str] = {}
    for style in styles_root.iter(_W + "style"):
        style_id = style.get(_W + "styleId")
        if not style_id:
            continue
        own[style_id] = _switch(style.find(f"{W_RPR}/{W_VANISH}"))
        based = style.find(_W + "basedOn")
        if based is not None and based.get(W_VAL):
            parent[style_id] = based.get(W_VAL)

    def hides(style_id: str) -> bool:
        seen = set()
        while style_id in own and style_id not in seen:  # seen: basedOn may loop
            seen.add(style_id)
            if own[style_id] is not None:
                return bool(own[style_id])
            style_id = parent.get(style_id, "")
        return False

    return frozenset(s for s in own if hides(s))


def _switch(element) -> bool | None:
    """An OOXML on/off property: None when absent, else on unless val says off."""
    if element is None:
        return None
    return element.get(W_VAL, "true").lower() not in _OFF


def _chosen(alternate):
    """The one branch of mc:AlternateContent to read: the first Choice, else the Fallback."""
    branch = alternate.find(MC_CHOICE)
    return branch if branch is not None else alternate.find(MC_FALLBACK)


def _unwrap(element, wanted: str) -> Iterator:
    """The `wanted` children of `element`, looking through content controls and custom XML."""
    for child in element:
        if child.tag == wanted:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _unwrap(content, wanted)
        elif child.tag in _CONTAINERS:
            yield from _unwrap(child, wanted)


def _text_boxes(shape) -> list:
    """The text boxes inside a drawing or picture, each once (mc:Fallback repeats them)."""
    if shape.tag == W_TXBX:
        return [shape]  # its own nested boxes are found when its paragraphs are read
    if shape.tag == MC_ALTERNATE:
        branch = _chosen(shape)
        return [] if branch is None else _text_boxes(branch)
    return [box for child in shape for box in _text_boxes(child)]


def _embedded(shape) -> list[str]:
    """What a drawing, picture or object embeds that has no text to read: images, charts,
    diagrams, OLE objects. Text boxes are not looked into: their own runs are read later."""
    if shape.tag == MC_ALTERNATE:
        branch = _chosen(shape)
        return [] if branch is None else [kind for child in branch for kind in _embedded(child)]
    if shape.tag == W_OBJECT:  # an OLE object (a spreadsheet, an equation); its preview too
        return [OBJECT]
    kinds = []
    stack = [shape]
    while stack:
        element = stack.pop()
        if element.tag == _GRAPHIC_DATA and element.get("uri") in _GRAPHICS:
            kinds.append(_GRAPHICS[element.get("uri")])
        elif element.tag == _V_IMAGEDATA:
            kinds.append(IMAGE)
        elif element.tag != W_TXBX:
            stack.extend(element)
    return kinds


class BodyWalker:
    """Collects text blocks (paragraphs, table rows) and what was left out."""

    def __init__(self, hidden_style_ids: frozenset[str] = frozenset()) -> None:
        self.blocks: list[str] = []
        self.found: set[str] = set()
        self.embedded: Counter[str] = Counter()
        self._hidden_styles = hidden_style_ids

    def read_blocks(self, container) -> None:
        """Read the block-level content of a body, cell, text box or content control."""
        for child in container:
            tag = child.tag
            if tag == W_P:
                self._paragraph(child)
            elif tag == W_TBL:
                self._table(child)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    self.read_blocks(content)
            elif tag in _CONTAINERS:
                self.read_blocks(child)
            elif tag == MC_ALTERNATE:
                branch = _chosen(child)
                if branch is not None:
                    self.read_blocks(branch)
            elif tag == W_ALT_CHUNK:
                self.found.add(ALT_CHUNK)
            elif tag in (W_DEL, W_MOVE_FROM):
                self.found.add(TRACKED)
            # sectPr, bookmarks and other markers carry no text.

    def _paragraph(self, paragraph) -> None:
        style = paragraph.find(f"{W_PPR}/{_W}pStyle")
        hidden = style is not None and style.get(W_VAL) in self._hidden_styles
        pieces: list[str] = []
        boxes: list = []
        self._inline(paragraph, pieces, boxes, hidden, fields=[])
        self.blocks.append("".join(pieces))
        for box in boxes:  # a text box reads after the paragraph it is anchored in
            self.read_blocks(box)

    def _inline(self, element, pieces, boxes, hidden, fields) -> None:
        for child in element:
            tag = child.tag
            if tag == W_R:
                self._run(child, pieces, boxes, hidden, fields)
            elif tag in (W_DEL, W_MOVE_FROM):
                self.found.add(TRACKED)
            elif tag in (W_INS, W_MOVE_TO):
                self.found.add(TRACKED)
                self._inline(child, pieces, boxes, hidden, fields)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    self._inline(content, pieces, boxes, hidden, fields)
            elif tag == MC_ALTERNATE:
                branch = _chosen(child)
                if branch is not None:
                    self._inline(branch, pieces, boxes, hidden, fields)
            elif tag not in (W_PPR, W_RPR) and isinstance(tag, str):
                # hyperlink, smartTag, customXml, fldSimple, bdo, dir: their runs are text.
                self._inline(child, pieces, boxes, hidden, fields)

    def _run(self, run, pieces, boxes, hidden, fields) -> None:
        hidden = self._run_hidden(run.find(W_RPR), hidden)
        for child in run:
            tag = child.tag
            if tag == W_FLD_CHAR:
                _field_mark(child.get(_W + "fldCharType"), fields)
            elif not all(fields):
                continue  # inside a field's instructions: code, not page text
            elif tag in _SHAPES and hidden:
                if _text_boxes(child):
                    self.found.add(HIDDEN)  # a hidden drawing hides its text boxes too
            elif tag in _SHAPES:
                boxes.extend(_text_boxes(child))
                self.embedded.update(_embedded(child))
            elif tag == W_DEL_TEXT:
                self.found.add(TRACKED)
            else:
                text = _shown(child)
                if text and hidden:
                    self.found.add(HIDDEN)
                elif text:
                    pieces.append(text)

    def _run_hidden(self, properties, inherited: bool) -> bool:
        if properties is None:
            return inherited
        direct = _switch(properties.find(W_VANISH))
        if direct is not None:
            return direct
        style = properties.find(_W + "rStyle")
        if style is not None and style.get(W_VAL) in self._hidden_styles:
            return True
        return inherited

    def _table(self, table) -> None:
        for row in _unwrap(table, W_TR):
            if row.find(f"{W_TRPR}/{W_DEL}") is not None:  # a row deleted with tracking on
                self.found.add(TRACKED)
                continue
            cells = [" ".join(self._cell_text(cell).split()) for cell in _unwrap(row, W_TC)]
            self.blocks.append(" | ".join(c for c in cells if c))

    def _cell_text(self, cell) -> str:
        outer, self.blocks = self.blocks, []
        try:
            self.read_blocks(cell)
            return " ".join(self.blocks)
        finally:
            self.blocks = outer


def _shown(child) -> str | None:
    """What one run child shows: its text, a tab or line break, or nothing."""
    if child.tag == W_T:
        return child.text
    if child.tag == W_BR:  # page and column breaks show nothing, as in python-docx
        return "\n" if child.get(_W + "type", "textWrapping") == "textWrapping" else None
    return _RUN_TEXT.get(child.tag)


def _field_mark(kind: str | None, fields: list[bool]) -> None:
    """Track complex fields: False while in a field's instructions, True in its result."""
    if kind == "begin":
        fields.append(False)
    elif kind == "separate" and fields:
        fields[-1] = True
    elif kind == "end" and fields:
        fields.pop()
