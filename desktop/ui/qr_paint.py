"""QR codes drawn by us: on paper as vector rectangles, on screen at whole pixels per module.

Scanners and decoders read a code well when every module is the same whole number of device
dots and a quiet zone of four modules surrounds it (ISO/IEC 18004). Codes scaled to fit a box
come out with modules of 2.4 and 2.6 dots and fail (measured: 12 of 60 codes on a page decoded
from a 150-dpi rendering). So the module is a whole number of 1/150-inch steps — whole dots at
150, 300, 600 and 1200 dpi alike — and the code's corner sits on that grid of the page.
"""
from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4
GRID_DPI = 150  # module sizes are whole steps of 1/150 inch


@lru_cache(maxsize=4096)
def qr_modules(text: str, level: int = ERROR_CORRECT_M) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, quiet zone included (True is dark)."""
    code = qrcode.QRCode(error_correction=level, border=QUIET_ZONE, box_size=1)
    code.add_data(text)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def dark_path(modules: tuple[tuple[bool, ...], ...], x: float, y: float, module: float) -> QPainterPath:
    """One path of the dark modules, each row's runs as one rectangle (a PDF of 200 codes
    stays small and quick to render)."""
    path = QPainterPath()
    for r, row in enumerate(modules):
        c, n = 0, len(row)
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            path.addRect(QRectF(x + start * module, y + r * module, (c - start) * module, module))
    return path


class PageGrid:
    """Whole-dot placement on a device (a QPdfWriter or a QPrinter): the painter's origin is the
    page's printable corner, ``origin`` dots from the page's corner."""

    def __init__(self, device):
        self.dpi = device.resolution()
        rect = device.pageLayout().paintRectPixels(self.dpi)
        self.origin = QPointF(rect.left(), rect.top())
        self.step = self.dpi / GRID_DPI  # dots in 1/150 inch

    def module(self, steps: int) -> int:
        """Dots per module for ``steps`` 1/150-inch steps (never below one dot)."""
        return max(1, round(steps * self.step))

    def snap(self, x: float, y: float) -> QPointF:
        """The grid point nearest (x, y), in painter coordinates."""
        if self.step >= 1 and float(self.step).is_integer():
            step = int(self.step)
            ax = round((self.origin.x() + x) / step) * step
            ay = round((self.origin.y() + y) / step) * step
            return QPointF(ax - self.origin.x(), ay - self.origin.y())
        return QPointF(round(self.origin.x() + x) - self.origin.x(), round(self.origin.y() + y) - self.origin.y())

    def mm(self, millimetres: float) -> float:
        return millimetres * self.dpi / 25.4


def code_size(text: str, module: int) -> int:
    return len(qr_modules(text)) * module


def paint_code(painter: QPainter, text: str, grid: PageGrid, x: float, y: float, module: int) -> float:
    """Draw ``text`` as a QR code with its top-left corner at the grid point nearest (x, y).
    Returns its side (quiet zone included) in dots."""
    modules = qr_modules(text)
    at = grid.snap(x, y)
    side = len(modules) * module
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing, False)
    painter.setPen(Qt.NoPen)
    painter.fillRect(QRectF(at.x(), at.y(), side, side), Qt.white)  # the quiet zone stays white
    painter.fillPath(dark_path(modules, at.x(), at.y(), module), QColor(Qt.black))
    painter.restore()
    return side


class QrWidget(QWidget):
    """A code on screen, as large as the widget allows at whole pixels per module."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._text = text
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(160, 160)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def module_pixels(self) -> int:
        if not self._text:
            return 0
        n = len(qr_modules(self._text))
        return max(1, min(self.width(), self.height()) // n)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.white)
        if self._text:
            modules = qr_modules(self._text)
            module = self.module_pixels()
            side = len(modules) * module
            x, y = (self.width() - side) // 2, (self.height() - side) // 2
            painter.setRenderHint(QPainter.Antialiasing, False)
            painter.fillPath(dark_path(modules, x, y, module), QColor(Qt.black))
        painter.end()
