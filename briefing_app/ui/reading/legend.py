"""The legend: what each tint, underline and weight in the reading view means.

It is drawn from the same colours the highlighter was given (domain/palette.py, plus the
analyst's own tints and the theme), so the legend cannot disagree with the text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from briefing_app.domain import palette
from briefing_app.domain.model import ACTOR_KINDS


def legend_html(tints: dict[str, str] | None = None, ink: dict[str, str] | None = None,
                text: str = palette.TEXT["light"]) -> str:
    tints = tints or palette.tints("light")
    ink = ink or palette.ink("light")
    # The tinted samples set their own text colour: on a dark tint the default would vanish.
    actors = " ".join(
        f'<span style="background:{tints[kind]}; color:{text}">'
        f"&nbsp;{palette.LABELS[kind]}&nbsp;</span>"
        for kind in ACTOR_KINDS)
    machine, accepted, hedge = ink["machine"], ink["accepted"], ink["hedge"]
    return (
        f"<b>Actors</b> (tint by kind): {actors}<br>"
        f'<b>Claims</b>: <u style="color:{machine}">content</u> · '
        f'<b style="color:{machine}">cue</b> · '
        f'<span style="text-decoration:underline dotted">source</span> · '
        f'<i style="color:{hedge}">hedge (wavy)</i><br>'
        f'Claim colour: <span style="color:{machine}">machine</span>, '
        f'<span style="color:{accepted}">reviewed</span>, '
        f'<span style="color:{ink["rejected"]}">rejected</span>'
    )


class Legend(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(legend_html(), parent)
        self.setObjectName("legend")
        self.setWordWrap(True)
        self.setContentsMargins(6, 4, 6, 4)

    def set_colours(self, tints: dict[str, str], ink: dict[str, str], text: str) -> None:
        self.setText(legend_html(tints, ink, text))
