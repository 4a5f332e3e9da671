"""The legend: what each tint, underline and weight in the reading view means.

Colours come from the highlighter's own tables, so the legend cannot disagree with the text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from briefing_app.ui.highlighter import ACTOR_COLOURS, CLAIM_COLOURS, HEDGE_COLOUR


def legend_html() -> str:
    actors = " ".join(
        f'<span style="background:{colour}">&nbsp;{kind}&nbsp;</span>'
        for kind, colour in ACTOR_COLOURS.items())
    machine, accepted = CLAIM_COLOURS["machine"], CLAIM_COLOURS["accepted"]
    return (
        f"<b>Actors</b> (tint by kind): {actors}<br>"
        f'<b>Claims</b>: <u style="color:{machine}">content</u> · '
        f'<b style="color:{machine}">cue</b> · '
        f'<span style="text-decoration:underline dotted">source</span> · '
        f'<i style="color:{HEDGE_COLOUR}">hedge (wavy)</i><br>'
        f'Claim colour: <span style="color:{machine}">machine</span>, '
        f'<span style="color:{accepted}">reviewed</span>, '
        f'<span style="color:{CLAIM_COLOURS["rejected"]}">rejected</span>'
    )


class Legend(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(legend_html(), parent)
        self.setObjectName("legend")
        self.setWordWrap(True)
        self.setContentsMargins(6, 4, 6, 4)
