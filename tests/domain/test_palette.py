"""The one highlight palette: readable in both schemes, and the same in the window and in Word."""

import colorsys
import os
import subprocess
import sys

import pytest

from briefing_app.domain import palette
from briefing_app.domain.model import ACTOR_KINDS, Actor, Briefing, Mention, Source
from briefing_app.storage.word import ooxml


def _hue(colour: str) -> float:
    return colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))[0]


def test_word_export_uses_the_palette():
    assert ooxml.HIGHLIGHT == {k: v.lstrip("#") for k, v in palette.LIGHT.items()}
    assert ooxml.HIGHLIGHT_LABELS is palette.LABELS
    assert set(ACTOR_KINDS) | set(palette.CLAIM_PARTS) == set(palette.LIGHT)


def test_reading_view_uses_the_palette(qapp):
    from PySide6.QtGui import QTextDocument

    from briefing_app.ui.reading.highlighter import KIND_PROPERTY, SpanHighlighter, marks_for_source
    from briefing_app.ui.reading.offsets import OffsetMap

    text = "Maria Lind met the Navy."
    briefing = Briefing(sources=[Source("s1", text)], actors=[
        Actor("a1", "Maria Lind", "person", mentions=[Mention("s1", 0, 10)]),
        Actor("a2", "Navy", "organisation", mentions=[Mention("s1", 19, 23)])])
    document = QTextDocument(text)
    highlighter = SpanHighlighter(document)
    offsets = OffsetMap(text)
    by_block = {}
    list(highlighter.index_marks(offsets, marks_for_source(briefing, "s1"), by_block))
    highlighter.install(offsets, by_block)

    def drawn() -> dict[str, str]:
        highlighter.rehighlight_block(document.firstBlock())
        return {r.format.property(KIND_PROPERTY): r.format.background().color().name().upper()
                for r in document.firstBlock().layout().formats()}

    assert drawn() == {"person": palette.LIGHT["person"].upper(),
                       "organisation": palette.LIGHT["organisation"].upper()}
    highlighter.set_colours(palette.tints("dark"), palette.ink("dark"))
    assert drawn()["person"] == palette.DARK["person"]


@pytest.mark.parametrize("key", sorted(palette.LIGHT))
def test_tints_keep_text_readable_in_both_schemes(key):
    # WCAG AAA for body text is 7:1.
    assert palette.contrast(palette.LIGHT[key], palette.TEXT["light"]) >= 7
    assert palette.contrast(palette.DARK[key], palette.TEXT["dark"]) >= 7


def test_dark_tints_keep_the_hue_and_darken():
    for key, light in palette.LIGHT.items():
        dark = palette.DARK[key]
        assert palette.luminance(dark) < palette.luminance(light) / 4
        if key != "unnamed":  # grey has no hue to keep
            assert _hue(dark) == pytest.approx(_hue(light), abs=0.02)


def test_actor_kinds_have_distinct_hues():
    hues = sorted(_hue(palette.LIGHT[k]) * 360 for k in ACTOR_KINDS if k != "unnamed")
    gaps = [b - a for a, b in zip(hues, hues[1:], strict=False)] + [360 - hues[-1] + hues[0]]
    assert min(gaps) > 30


def test_overrides_take_valid_actor_colours_only():
    tints = palette.tints("light", {"person": "#ff0000", "cue": "#00ff00",
                                    "state": "red", "nobody": "#123456"})
    assert tints["person"] == "#FF0000"
    assert tints["cue"] == palette.LIGHT["cue"]
    assert tints["state"] == palette.LIGHT["state"]
    assert "nobody" not in tints
    assert palette.tints("dark", {"person": "#ff0000"})["person"] == palette.darken("#FF0000")
    assert palette.is_colour("#a1B2c3") and not palette.is_colour("#abc")


def test_window_import_does_not_load_python_docx():
    # Startup time: python-docx (and lxml) load only when a Word export starts.
    code = ("import sys; from briefing_app.app import create_main_window; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'lxml')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]"
