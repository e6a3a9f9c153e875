"""Minutes on paper: the PDF file and the printer (with print preview), from the same pages.

The layout is desktop/services/minutes.py's HTML; here it is laid out on A4 with the page
number at the foot of each page, in a Song-style (serif) Chinese font when the PC has one, as
record books are printed. The file itself is written by desktop/ui/pdf_output.py.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QFont, QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPainter, QPen, QTextDocument,
                           QTextTable)

from core.i18n import translate
from desktop.services.errors import KnownError
from desktop.services.minutes import MinutesSheet, sheet_html
from desktop.ui.pdf_output import begin_painter, write_pdf_file

# Song-style faces first (Windows: SimSun; macOS: Songti; Linux: Noto Serif CJK), then the
# sans faces the screen uses.
SERIF_FAMILIES = ("SimSun", "宋体", "NSimSun", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC",
                  "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
MARGINS_MM = QMarginsF(22, 20, 20, 18)  # left a little wider: records are bound on the left


class PrintFailed(KnownError):
    pass


def ensure_gui() -> QGuiApplication:
    """Fonts need an application object; the command line has none (and maybe no screen).
    A QApplication, not a bare QGuiApplication: in a process that shows windows later (the
    tests), a QGuiApplication made first would leave no way to create widgets."""
    app = QGuiApplication.instance()
    if app is None:
        from PySide6.QtWidgets import QApplication
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["branchdesk"])
    return app


def print_family() -> str:
    families = set(QFontDatabase.families())
    return next((f for f in SERIF_FAMILIES if f in families), QGuiApplication.font().family())


def build_document(sheet: MinutesSheet, device) -> QTextDocument:
    """The sheet laid out for ``device``'s page (a QPdfWriter or a QPrinter)."""
    family = print_family()
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)  # points in the HTML are the device's points
    font = QFont(family)
    font.setPointSizeF(12)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(sheet_html(sheet, family))
    return doc


def paint_pages(sheet: MinutesSheet, device) -> int:
    """Paint every page on ``device``; returns how many there were."""
    doc = build_document(sheet, device)
    footer_font = QFont(doc.defaultFont())
    footer_font.setPointSizeF(9)
    return paint_document(doc, device, footer_font, PrintFailed)


def paint_document(doc: QTextDocument, device, footer_font: QFont, failure: type[Exception]) -> int:
    """Lay ``doc`` out on ``device``'s pages with "page n of m" at each foot, tables ruled off
    where a page cuts them; returns how many pages there were. Also used by the vote sheets."""
    page = device.pageLayout().paintRectPixels(device.resolution())
    painter = begin_painter(device, failure)
    try:
        painter.setFont(footer_font)
        footer = painter.fontMetrics().height() * 2
        body = QSizeF(page.width(), page.height() - footer)
        doc.setPageSize(body)
        pages = doc.pageCount()
        for n in range(pages):
            if n:
                device.newPage()
            painter.save()
            painter.translate(0, -n * body.height())
            clip = QRectF(QPointF(0, n * body.height()), body)
            doc.drawContents(painter, clip)
            close_tables(painter, doc, clip)
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(QRectF(0, body.height(), body.width(), footer), Qt.AlignHCenter | Qt.AlignBottom,
                             translate("minutes", "Page {page} of {pages}").format(page=n + 1, pages=pages))
    finally:
        painter.end()
    return pages


def _cut(doc: QTextDocument, table: QTextTable, y: float) -> bool:
    """Whether the page edge at ``y`` runs through a cell of ``table`` (some of the cell's
    text above it and some below), not between two rows."""
    layout = doc.documentLayout()
    for row in range(table.rows()):
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            if cell.row() != row or cell.column() != column:
                continue  # the rest of a merged cell
            block = cell.firstCursorPosition().block()
            above = below = False
            while block.isValid() and block.position() <= cell.lastPosition():
                rect = layout.blockBoundingRect(block)
                above = above or rect.top() < y
                below = below or rect.bottom() > y
                if above and below:
                    return True
                block = block.next()
    return False


def close_tables(painter: QPainter, doc: QTextDocument, page: QRectF) -> None:
    """Rule a table off at the foot of a page it runs over, and again at the head of the next
    page when a cell continues there, as a record book's pages are ruled: Qt leaves the cells
    open at the break (their side borders run down to the foot of the page)."""
    layout = doc.documentLayout()
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.format().border() <= 0:
            continue
        width = frame.format().border() * painter.device().logicalDpiY() / 96  # as the layout scales a pixel
        box = layout.frameBoundingRect(frame)
        # The sheet's table is as wide as the text (width 100%); frameBoundingRect's left edge
        # is offset by the cell padding, so the text's edges are used.
        left, right = 0.0, min(box.width(), doc.pageSize().width())
        painter.save()
        painter.setPen(QPen(Qt.black, width))
        for y, inward in ((page.bottom(), -1), (page.top(), 1)):
            if box.top() < y < box.bottom() and (inward < 0 or _cut(doc, frame, y)):
                at = y + inward * width / 2
                painter.drawLine(QPointF(left, at), QPointF(right, at))
        painter.restore()


def write_pdf(sheet: MinutesSheet, path: Path) -> int:
    """Write the minutes as an A4 PDF; returns the number of pages. The file appears whole or
    not at all."""
    ensure_gui()
    title = translate("minutes", "{type} minutes").format(type=sheet.type.label) + " — " + sheet.title
    layout = QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, MARGINS_MM, QPageLayout.Millimeter)
    return write_pdf_file(path, title=title, layout=layout, family=print_family(),
                          paint=lambda writer: paint_pages(sheet, writer), failure=PrintFailed)


def print_preview(sheet: MinutesSheet, parent=None):
    """The print preview dialog (window-modal, opened, not exec'd); returns it."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, MARGINS_MM, QPageLayout.Millimeter))
    printer.setDocName(sheet.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("minutes", "Print preview — {title}").format(title=sheet.title))
    dialog.paintRequested.connect(lambda p: paint_pages(sheet, p))
    dialog._printer = printer  # kept alive with the dialog
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.resize(900, 760)
    dialog.open()
    return dialog
