"""Due against collected, month by month: a small bar chart drawn with QPainter (QtCharts is
in PySide6-Addons, which we do not ship). Used on the dues page and the home page."""
from __future__ import annotations

import math

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

DUE_COLOUR = QColor("#b0bec5")
PAID_COLOUR = QColor("#c62828")
FUTURE_ALPHA = 110
GRID_COLOUR = QColor("#e3e0dc")
TEXT_COLOUR = QColor("#555555")


def _nice_step(top: float) -> float:
    """A round step for about four grid lines (1, 2, 5 × 10ⁿ yuan)."""
    if top <= 0:
        return 1.0
    raw = top / 4
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return float(factor * magnitude)
    return float(10 * magnitude)


class DuesChart(QWidget):
    """``set_data(due, paid, current_month)``: twelve amounts each in fen; months after
    ``current_month`` (0: none yet; 12: all past) are drawn paler, being not yet due."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False):
        super().__init__(parent)
        self.compact = compact
        self.due: tuple[int, ...] = (0,) * 12
        self.paid: tuple[int, ...] = (0,) * 12
        self.current_month = 12
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setMinimumHeight(150 if compact else 160)
        self.setMaximumHeight(190 if compact else 180)
        self.setToolTip(self.tr("Bars: dues due (grey) and collected (red) for each month of the year"))

    def sizeHint(self) -> QSize:
        return QSize(560, 160 if self.compact else 180)

    def set_data(self, due, paid, current_month: int = 12) -> None:
        self.due = tuple(int(x) for x in due)
        self.paid = tuple(int(x) for x in paid)
        self.current_month = current_month
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 8.5))
        p.setFont(font)
        fm = p.fontMetrics()
        top_yuan = max(max(self.due, default=0), max(self.paid, default=0)) / 100
        step = _nice_step(top_yuan)
        steps = max(1, math.ceil(top_yuan / step))
        top = step * steps
        labels = [f"{step * i:,.0f}" for i in range(steps + 1)]
        left = max(fm.horizontalAdvance(t) for t in labels) + 10
        legend_h = fm.height() + 6
        bottom = fm.height() + 8
        plot = QRectF(left, legend_h + 4, self.width() - left - 8, self.height() - legend_h - bottom - 6)
        if plot.width() < 60 or plot.height() < 30:
            return

        # Grid and amounts.
        p.setPen(QPen(GRID_COLOUR, 1))
        for i, text in enumerate(labels):
            y = plot.bottom() - plot.height() * (step * i) / top
            p.setPen(QPen(GRID_COLOUR, 1))
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            p.setPen(TEXT_COLOUR)
            p.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()), Qt.AlignRight | Qt.AlignVCenter, text)

        # Bars: due and paid side by side in each month.
        slot = plot.width() / 12
        bar = max(min(slot * 0.34, 22), 2)
        names = [QLocale().standaloneMonthName(n, QLocale.ShortFormat) for n in range(1, 13)]
        long_labels = max(fm.horizontalAdvance(n) for n in names) + 4 <= slot
        for m in range(12):
            x = plot.left() + slot * m + slot / 2
            future = m + 1 > self.current_month
            for value, colour, offset in ((self.due[m], DUE_COLOUR, -bar - 1), (self.paid[m], PAID_COLOUR, 1)):
                h = plot.height() * (value / 100) / top if top else 0
                c = QColor(colour)
                if future:
                    c.setAlpha(FUTURE_ALPHA)
                p.fillRect(QRectF(x + offset, plot.bottom() - h, bar, h), c)
            p.setPen(TEXT_COLOUR)
            p.drawText(QRectF(x - slot / 2, plot.bottom() + 3, slot, fm.height()), Qt.AlignHCenter | Qt.AlignTop,
                       names[m] if long_labels else str(m + 1))

        # Legend, top right.
        x = plot.right()
        for text, colour in ((self.tr("Collected"), PAID_COLOUR), (self.tr("Due"), DUE_COLOUR)):
            w = fm.horizontalAdvance(text)
            x -= w
            p.setPen(TEXT_COLOUR)
            p.drawText(QRectF(x, 0, w, legend_h), Qt.AlignVCenter | Qt.AlignLeft, text)
            x -= 16
            p.fillRect(QRectF(x, legend_h / 2 - 5, 12, 10), colour)
            x -= 14
        p.setPen(TEXT_COLOUR)
        p.drawText(QRectF(left, 0, x - left, legend_h), Qt.AlignVCenter | Qt.AlignLeft, self.tr("yuan"))
        p.end()
