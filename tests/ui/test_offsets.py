"""The offset map agrees with Qt's own document on emoji, CRLF, lone CR and combining marks."""

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from briefing_app.ui.reading.offsets import OffsetMap

PIECES = st.sampled_from(["a", "Z", " ", "é", "e\u0301", "😀", "👩‍👩‍👧", "\r\n", "\r", "\n",
                          "\u2029", "\u2028", "\t", "ß", "字", "\U0001d11e"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _qt(text: str) -> QTextDocument:
    document = QTextDocument()
    document.setPlainText(text)
    return document


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_code_point_maps_onto_its_character(qapp, text):
    document = _qt(text)
    offsets = OffsetMap(text)
    assert offsets.to_qt(len(text)) == document.characterCount() - 1
    for i, char in enumerate(text):
        if char == "\n" and i > 0 and text[i - 1] == "\r":
            continue  # the LF of a CRLF has no character of its own in Qt
        position = offsets.to_qt(i)
        expected = "\u2029" if char in "\r\n\u2029" else char.encode("utf-16-le")[:2].decode(
            "utf-16-le", "surrogatepass")
        assert document.characterAt(position) == expected
        assert offsets.to_cp(position) == i
        assert offsets.block_of(i) == document.findBlock(position).blockNumber()


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.data())
def test_a_span_maps_onto_the_same_text(qapp, text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    document = _qt(text)
    offsets = OffsetMap(text)
    qt_start, qt_end = offsets.to_qt(start), offsets.to_qt(end)
    # Qt's UTF-16 units one by one; a block separator is U+2029.
    units = "".join(document.characterAt(p) for p in range(qt_start, qt_end))
    qt_units = units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    folded = text[start:end].replace("\r\n", "\u2029").replace("\r", "\u2029")
    folded = folded.replace("\n", "\u2029")
    if start > 0 and text[start - 1] == "\r" and text[start:start + 1] == "\n":
        folded = folded[1:]  # a span starting on the LF of a CRLF starts after the break
    assert qt_units == folded
