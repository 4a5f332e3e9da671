"""The Claims panel's Confidence cell: the engine's number ("0.62") with a small bar whose
length is the confidence, so the least certain claims stand out when the eye runs down the
column. A low confidence is drawn in the Okabe-Ito vermilion, which reads on the light and
the dark theme and for colour-blind analysts; the number is always there, colour only adds.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from briefing_app.domain.flags import LOW_CONFIDENCE
from briefing_app.qtmodels.roles import CONFIDENCE_ROLE

LOW_COLOUR = QColor("#D55E00")
_BAR_HEIGHT = 4
_PAD = 4


class ConfidenceDelegate(QStyledItemDelegate):
    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)  # background, selection and the number
        confidence = index.data(CONFIDENCE_ROLE)
        if confidence is None:
            return
        text_width = option.fontMetrics.horizontalAdvance("0.00") + 2 * _PAD
        room = option.rect.width() - text_width - _PAD
        if room < 8:  # a column dragged narrow keeps the number and drops the bar
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if confidence < LOW_CONFIDENCE:
            colour = LOW_COLOUR
        else:
            role = (QPalette.ColorRole.HighlightedText if selected
                    else QPalette.ColorRole.Highlight)
            colour = option.palette.color(role)
        track = QRect(option.rect.left() + _PAD,
                      option.rect.center().y() - _BAR_HEIGHT // 2, room, _BAR_HEIGHT)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        faint = QColor(colour)
        faint.setAlphaF(0.25)  # the empty part of the track shows where 1.0 would end
        painter.fillRect(track, faint)
        filled = QRect(track)
        filled.setWidth(max(1, round(room * min(max(confidence, 0.0), 1.0))))
        painter.fillRect(filled, colour)
        painter.restore()
