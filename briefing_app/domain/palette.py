"""The one highlight palette shared by the reading view, its legend and the Word export.

Qt-free and docx-free, so the window can import it without loading python-docx and the
export without loading Qt. Colours are "#rrggbb" strings.

The tints are light versions of the Okabe-Ito palette, whose hues stay distinguishable
with the common colour-vision deficiencies, and light enough for black text to keep its
contrast. The dark variant keeps each hue but darkens and desaturates it, so light text
on it stays readable; it is derived, never hand-picked, so the two cannot drift apart.
"""

from __future__ import annotations

import colorsys
import re

from briefing_app.domain.model import ACTOR_KINDS

# Claim parts that are tinted; a claim's source (who speaks) is set in bold instead, so the
# actor tint inside it still shows.
CLAIM_PARTS = ("content", "cue", "hedge")
SCHEMES = ("light", "dark")

LIGHT = {
    "person": "#CCE8F8",        # sky blue
    "organisation": "#B8E6D8",  # bluish green
    "state": "#EED5E4",         # reddish purple
    "group": "#FBE8B8",         # orange
    "unnamed": "#E3E3E3",       # grey: no name, no colour
    "content": "#FAF5C2",       # yellow: what is claimed
    "cue": "#F8DDA8",           # orange, stronger: the speech verb
    "hedge": "#F6C9AE",         # vermilion: reportedly, allegedly, ...
}
LABELS = {
    "person": "person", "organisation": "organisation", "state": "state",
    "group": "group", "unnamed": "unnamed source", "content": "claim",
    "source": "claim source", "cue": "cue", "hedge": "hedge",
}
# Lines and text drawn on the page rather than behind it: a claim's colour by review state,
# the hedge's wavy underline, the marks for the current item, and the margin mark beside a
# paragraph with notes (reddish purple: no highlight uses it). Okabe-Ito hues again; the
# dark scheme uses their lighter siblings so they stand out on a dark page.
INK = {
    "light": {"machine": "#0072B2", "accepted": "#007A5A", "edited": "#007A5A",
              "rejected": "#8C8C8C", "hedge": "#D55E00", "current": "#FFF3A6",
              "flash": "#FFD23F", "note": "#B0457F"},
    "dark": {"machine": "#56B4E9", "accepted": "#3DC29C", "edited": "#3DC29C",
             "rejected": "#8C8C8C", "hedge": "#F08A4B", "current": "#5A5220",
             "flash": "#8A7410", "note": "#E08DBE"},
}
# The text colour each scheme's palette puts on the page (see ui/theme.py).
TEXT = {"light": "#000000", "dark": "#E8E8E8"}

_DARK_LIGHTNESS = 0.22
_DARK_SATURATION = 0.5  # share of the light tint's saturation that the dark tint keeps
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def is_colour(value: object) -> bool:
    """True for a "#rrggbb" string."""
    return isinstance(value, str) and _HEX.fullmatch(value) is not None


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in rgb)


def darken(colour: str) -> str:
    """The dark-scheme tint of a light tint: same hue, low lightness, less saturation."""
    hue, _lightness, saturation = colorsys.rgb_to_hls(*_rgb(colour))
    return _hex(colorsys.hls_to_rgb(hue, _DARK_LIGHTNESS, saturation * _DARK_SATURATION))


DARK = {key: darken(colour) for key, colour in LIGHT.items()}


def tints(scheme: str = "light", overrides: dict | None = None) -> dict[str, str]:
    """Background tint per actor kind and claim part for `scheme` ("light" or "dark").

    `overrides` maps actor kinds to the analyst's own light tints (the settings); anything
    that is not a known kind with a "#rrggbb" value is ignored. The dark scheme darkens
    them like the defaults, so a chosen hue survives the switch.
    """
    light = dict(LIGHT)
    for kind, colour in (overrides or {}).items():
        if kind in ACTOR_KINDS and is_colour(colour):
            light[kind] = colour.upper()
    if scheme == "dark":
        return {key: darken(colour) for key, colour in light.items()}
    return light


def ink(scheme: str = "light") -> dict[str, str]:
    return dict(INK["dark" if scheme == "dark" else "light"])


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a "#rrggbb" colour."""
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
              for c in _rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
