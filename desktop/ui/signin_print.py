"""The sign-in sheet (签到表) and the members' sign-in cards (党员签到卡) on paper: PDF and print
preview from the same painting.

The sheet: A4 portrait; on every page the meeting's header (branch, type, topic, time, place,
the windows) and the column heads; on the first page the meeting's code for phones (when phone
sign-in is on); one row per expected member: number, name, 党小组, the member's own code, and
boxes for the signature at sign-in and at sign-out. The cards: ten to a page (85.6 × 54 mm, a
bank card's size), cut along the dashed lines.

Codes are drawn by desktop/ui/qr_paint.py at whole dots per module on the page's 1/150-inch
grid; the PDF's margins are half an inch, on that grid. Chinese fonts are embedded and the text
layer reads as ideographs (desktop/ui/pdf_output.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from core.i18n import translate
from core.signin import hhmm
from desktop.services.errors import KnownError
from desktop.services.minutes import time_span_text
from desktop.services.signin import Badge, SigninSheet
from desktop.ui.minutes_print import ensure_gui, print_family
from desktop.ui.pdf_output import a4_on_grid, begin_painter, make_font, open_print_preview, pdf_path, write_pdf_file
from desktop.ui.qr_paint import PageGrid, code_size, paint_code

ROW_MODULE_STEPS = 3     # 0.51 mm modules: a member's code is 18.8 mm square
PHONE_MODULE_STEPS = 4   # 0.68 mm: the meeting's code is read from across a table
CARD_MODULE_STEPS = 5    # 0.85 mm: a card's code, for old scanners and shaky hands
CARD_MM = (85.6, 54.0)
INK = QColor("#000000")
RULE = QColor("#555555")
RED = QColor("#b71c1c")


class SigninPrintFailed(KnownError):
    pass








# -- the sign-in sheet -------------------------------------------------------------------------

@dataclass
class _SheetGeometry:
    width: float
    height: float
    columns: list[tuple[float, float]]   # (left, width) of 序号, 姓名, 党小组, 签到码, 签到, 签退
    row_height: float
    head_height: float                   # the column heads
    footer: float


def sheet_info_lines(sheet: SigninSheet) -> list[str]:
    lines = [
        translate("signin_print", "Meeting: {type}    Host: {host}").format(type=sheet.type.label, host=sheet.host or "—"),
        translate("signin_print", "Topic: {title}").format(title=sheet.title),
        translate("signin_print", "Time: {time}    Place: {place}").format(time=time_span_text(sheet.start, sheet.end), place=sheet.place or "—"),
        translate("signin_print", "Sign in {opens}–{closes} (late after {start}); sign out from {signout}; expected: {n}").format(
            opens=hhmm(sheet.opens), closes=hhmm(sheet.closes), start=hhmm(sheet.start),
            signout=hhmm(sheet.signout_opens), n=len(sheet.rows)),
    ]
    return lines


def _paint_sheet_header(painter: QPainter, sheet: SigninSheet, grid: PageGrid, g: _SheetGeometry, family: str,
                        with_phone: bool, draw: bool = True) -> float:
    """The header at the top of a page; returns its height (``draw`` False: measure only)."""
    painter.setPen(INK)
    painter.setFont(make_font(family, 16, bold=True))
    title = translate("signin_print", "{branch}: meeting sign-in sheet").format(branch=sheet.branch)
    title_rect = painter.boundingRect(QRectF(0, 0, g.width, g.height), Qt.AlignHCenter | Qt.TextWordWrap, title)
    if draw:
        painter.drawText(QRectF(0, 0, g.width, title_rect.height()), Qt.AlignHCenter | Qt.TextWordWrap, title)
    y = title_rect.height() + grid.mm(2.5)
    phone_module = grid.module(PHONE_MODULE_STEPS)
    code_side = code_size(sheet.phone_url, phone_module) if with_phone and sheet.phone_url else 0
    text_width = g.width - (code_side + grid.mm(4) if code_side else 0)
    painter.setFont(make_font(family, 10.5))
    top = y
    for line in sheet_info_lines(sheet):
        rect = painter.boundingRect(QRectF(0, y, text_width, g.height), Qt.AlignLeft | Qt.TextWordWrap, line)
        if draw:
            painter.drawText(QRectF(0, y, text_width, rect.height()), Qt.AlignLeft | Qt.TextWordWrap, line)
        y += rect.height() + grid.mm(0.8)
    if code_side:
        caption_font = make_font(family, 8.5)
        painter.setFont(caption_font)
        caption = translate("signin_print", "Phones: join the office Wi-Fi and scan")
        caption_h = QFontMetricsF(caption_font, painter.device()).height() * 2.2
        if draw:
            paint_code(painter, sheet.phone_url, grid, g.width - code_side, top, phone_module)
            painter.setPen(INK)
            painter.drawText(QRectF(g.width - code_side - grid.mm(3), top + code_side, code_side + grid.mm(3), caption_h),
                             Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap, caption)
        y = max(y, top + code_side + caption_h)
    return y + grid.mm(2)


def _sheet_heads() -> list[str]:
    return [translate("signin_print", "No."), translate("signin_print", "Name"), translate("signin_print", "Party group"),
            translate("signin_print", "Code"), translate("signin_print", "Signature (in)"),
            translate("signin_print", "Signature (out)")]


def _paint_column_heads(painter: QPainter, g: _SheetGeometry, y: float, family: str) -> None:
    painter.save()
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor("#eeeeee"))
    painter.drawRect(QRectF(0, y, g.width, g.head_height))
    painter.restore()
    painter.setFont(make_font(family, 10.5, bold=True))
    painter.setPen(INK)
    for (left, width), text in zip(g.columns, _sheet_heads()):
        painter.drawText(QRectF(left, y, width, g.head_height), Qt.AlignCenter | Qt.TextWordWrap, text)


def _rule_table(painter: QPainter, g: _SheetGeometry, top: float, bottom: float, row_lines: list[float], grid: PageGrid) -> None:
    painter.save()
    painter.setPen(QPen(RULE, grid.mm(0.25)))
    painter.setBrush(Qt.NoBrush)
    painter.drawRect(QRectF(0, top, g.width, bottom - top))
    for left, _ in g.columns[1:]:
        painter.drawLine(QRectF(left, top, 0, bottom - top).topLeft(), QRectF(left, top, 0, bottom - top).bottomLeft())
    for y in row_lines:
        painter.drawLine(QRectF(0, y, g.width, 0).topLeft(), QRectF(0, y, g.width, 0).topRight())
    painter.restore()


def paint_sheet(sheet: SigninSheet, device) -> int:
    """Paint the sign-in sheet on ``device`` (a QPdfWriter or a QPrinter); returns the pages."""
    family = print_family()
    grid = PageGrid(device)
    page = device.pageLayout().paintRectPixels(grid.dpi)
    row_module = grid.module(ROW_MODULE_STEPS)
    code_side = max((code_size(r.payload, row_module) for r in sheet.rows), default=code_size("BD1", row_module))
    widths_mm = [11, 30, 31, 0, 0, 0]
    fixed = sum(grid.mm(w) for w in widths_mm[:3]) + code_side
    sign = (page.width() - fixed) / 2
    widths = [grid.mm(w) for w in widths_mm[:3]] + [code_side, sign, sign]
    columns, left = [], 0.0
    for w in widths:
        columns.append((left, w))
        left += w
    painter = begin_painter(device, SigninPrintFailed)
    try:
        painter.setFont(make_font(family, 9))
        footer = QFontMetricsF(painter.font(), device).height() * 1.8
        g = _SheetGeometry(page.width(), page.height(), columns, code_side, grid.mm(8), footer)
        pages = _paginate(painter, sheet, grid, g, family)
        for n, rows in enumerate(pages):
            if n:
                device.newPage()
            y = _paint_sheet_header(painter, sheet, grid, g, family, with_phone=n == 0)
            _paint_column_heads(painter, g, y, family)
            top, y = y, y + g.head_height
            lines = [y]
            name_font, small = make_font(family, 12, bold=True), make_font(family, 10)
            for row in rows:
                painter.setPen(INK)
                (nl, nw), (ml, mw), (gl, gw), (cl, _cw) = g.columns[:4]
                painter.setFont(small)
                painter.drawText(QRectF(nl, y, nw, g.row_height), Qt.AlignCenter, str(row.number))
                painter.setFont(name_font)
                painter.drawText(QRectF(ml + grid.mm(1), y, mw - grid.mm(2), g.row_height),
                                 Qt.AlignCenter | Qt.TextWordWrap, row.name)
                painter.setFont(small)
                painter.drawText(QRectF(gl + grid.mm(1), y, gw - grid.mm(2), g.row_height),
                                 Qt.AlignCenter | Qt.TextWordWrap, row.group)
                paint_code(painter, row.payload, grid, cl, y, row_module)
                y += g.row_height
                lines.append(y)
            _rule_table(painter, g, top, y, lines, grid)
            if n == len(pages) - 1:
                _paint_totals(painter, g, y, family, grid)
            painter.setPen(INK)
            painter.setFont(make_font(family, 9))
            painter.drawText(QRectF(0, g.height - g.footer, g.width, g.footer), Qt.AlignHCenter | Qt.AlignBottom,
                             translate("signin_print", "Page {page} of {pages}").format(page=n + 1, pages=len(pages)))
    finally:
        painter.end()
    return len(pages)


def _totals_height(grid: PageGrid) -> float:
    return grid.mm(9)


def _paint_totals(painter: QPainter, g: _SheetGeometry, y: float, family: str, grid: PageGrid) -> None:
    painter.setFont(make_font(family, 10.5))
    painter.setPen(INK)
    text = translate("signin_print", "Present ______    Late ______    On leave ______    Absent ______    Checked by ____________")
    painter.drawText(QRectF(0, y + grid.mm(2), g.width, _totals_height(grid)), Qt.AlignLeft | Qt.AlignVCenter, text)


def _paginate(painter: QPainter, sheet: SigninSheet, grid: PageGrid, g: _SheetGeometry, family: str) -> list[list]:
    """Rows per page: the first page's header holds the phone code and is taller. The last page
    keeps room for the totals line."""
    room_first = g.height - g.footer - _paint_sheet_header(painter, sheet, grid, g, family, True, draw=False) - g.head_height
    room_rest = g.height - g.footer - _paint_sheet_header(painter, sheet, grid, g, family, False, draw=False) - g.head_height
    rows = list(sheet.rows)
    pages: list[list] = []
    while True:
        room = room_rest if pages else room_first
        fit = max(1, int(room // g.row_height))
        if len(rows) <= fit:
            # The totals line must fit below the last row, or the last row moves on.
            if rows and len(rows) * g.row_height + _totals_height(grid) > room and len(rows) > 1:
                pages.append(rows[:-1])
                rows = rows[-1:]
                continue
            pages.append(rows)
            return pages
        pages.append(rows[:fit])
        rows = rows[fit:]


# -- the cards -----------------------------------------------------------------------------------

def paint_badges(badges: list[Badge], branch: str, device) -> int:
    """Ten cards to a page, two across; returns the pages."""
    family = print_family()
    grid = PageGrid(device)
    page = device.pageLayout().paintRectPixels(grid.dpi)
    card_w, card_h = grid.mm(CARD_MM[0]), grid.mm(CARD_MM[1])
    across = max(1, int(page.width() // card_w))
    down = max(1, int(page.height() // card_h))
    per_page = across * down
    x0 = (page.width() - across * card_w) / 2
    y0 = (page.height() - down * card_h) / 2
    module = grid.module(CARD_MODULE_STEPS)
    pages = max(1, -(-len(badges) // per_page))
    painter = begin_painter(device, SigninPrintFailed)
    try:
        for n in range(pages):
            if n:
                device.newPage()
            for i, badge in enumerate(badges[n * per_page:(n + 1) * per_page]):
                x = x0 + (i % across) * card_w
                y = y0 + (i // across) * card_h
                _paint_card(painter, badge, branch, grid, QRectF(x, y, card_w, card_h), module, family, i % across)
    finally:
        painter.end()
    return pages


def _paint_card(painter: QPainter, badge: Badge, branch: str, grid: PageGrid, card: QRectF, module: int, family: str,
                column: int = 0) -> None:
    painter.save()
    pen = QPen(QColor("#999999"), grid.mm(0.2))
    pen.setStyle(Qt.DashLine)
    painter.setPen(pen)
    painter.drawRect(card)  # cut here
    pad = grid.mm(3.5)
    band = QRectF(card.left() + pad, card.top() + pad, card.width() - 2 * pad, grid.mm(9))
    painter.setPen(Qt.NoPen)
    painter.setBrush(RED)
    painter.drawRect(band)
    painter.setPen(QColor("#ffffff"))
    inside = band.adjusted(grid.mm(2), 0, -grid.mm(2), 0)
    title_font = make_font(family, 11, bold=True)
    title = translate("signin_print", "Party member sign-in card")
    painter.setFont(title_font)
    painter.drawText(inside, Qt.AlignVCenter | Qt.AlignLeft, title)
    room = inside.width() - QFontMetricsF(title_font, painter.device()).horizontalAdvance(title) - grid.mm(3)
    if room > grid.mm(8):
        painter.setFont(make_font(family, 7.5))
        painter.drawText(inside, Qt.AlignVCenter | Qt.AlignRight,
                         QFontMetricsF(painter.font(), painter.device()).elidedText(branch, Qt.ElideRight, room))
    side = code_size(badge.payload, module)
    body_top = band.bottom() + grid.mm(1.5)
    body_h = card.bottom() - pad - body_top
    code_x = card.right() - pad - side + grid.mm(1.5)  # the quiet zone may reach into the padding
    # Codes side by side at the same height confuse a decoder reading a whole page (zbar missed
    # about one code in 700 so): the second column's codes sit lower than the first's.
    code_y = body_top + (body_h - side) * (0.15 if column % 2 == 0 else 0.85)
    painter.restore()
    paint_code(painter, badge.payload, grid, code_x, code_y, module)
    painter.save()
    painter.setPen(INK)
    text = QRectF(card.left() + pad + grid.mm(1), body_top, code_x - card.left() - pad - grid.mm(2), body_h)
    name_font = make_font(family, 20, bold=True)
    metrics = QFontMetricsF(name_font, painter.device())
    while metrics.horizontalAdvance(badge.name) > text.width() and name_font.pointSizeF() > 11:
        name_font.setPointSizeF(name_font.pointSizeF() - 1)
        metrics = QFontMetricsF(name_font, painter.device())
    painter.setFont(name_font)
    name_h = metrics.height() * (2.1 if metrics.horizontalAdvance(badge.name) > text.width() else 1.1)
    painter.drawText(QRectF(text.left(), text.top() + grid.mm(2), text.width(), name_h), Qt.AlignLeft | Qt.TextWordWrap, badge.name)
    painter.setFont(make_font(family, 10))
    painter.drawText(QRectF(text.left(), text.top() + grid.mm(2) + name_h + grid.mm(1), text.width(), grid.mm(6)),
                     Qt.AlignLeft | Qt.TextWordWrap, badge.group)
    painter.setFont(make_font(family, 7.5))
    painter.setPen(QColor("#444444"))
    painter.drawText(QRectF(text.left(), text.bottom() - grid.mm(9), text.width(), grid.mm(9)), Qt.AlignLeft | Qt.AlignBottom | Qt.TextWordWrap,
                     translate("signin_print", "Show this card to sign in and out. Keep it flat and dry."))
    painter.restore()


# -- files and the printer -------------------------------------------------------------------------



def write_sheet_pdf(sheet: SigninSheet, path: Path) -> int:
    """Write the sign-in sheet as an A4 PDF (whole or not at all); returns the pages."""
    ensure_gui()
    title = translate("signin_print", "{branch}: meeting sign-in sheet").format(branch=sheet.branch) + " — " + sheet.title
    return write_pdf_file(pdf_path(path), title=title, layout=a4_on_grid(), family=print_family(),
                          paint=lambda writer: paint_sheet(sheet, writer), failure=SigninPrintFailed)


def write_badges_pdf(badges: list[Badge], branch: str, path: Path) -> int:
    ensure_gui()
    title = translate("signin_print", "{branch}: Party member sign-in cards").format(branch=branch)
    return write_pdf_file(pdf_path(path), title=title, layout=a4_on_grid(), family=print_family(),
                          paint=lambda writer: paint_badges(badges, branch, writer), failure=SigninPrintFailed)




def preview_sheet(sheet: SigninSheet, parent=None):
    return open_print_preview(lambda p: paint_sheet(sheet, p), sheet.title, a4_on_grid(), parent)


def preview_badges(badges: list[Badge], branch: str, parent=None):
    return open_print_preview(lambda p: paint_badges(badges, branch, p),
                              translate("signin_print", "{branch}: Party member sign-in cards").format(branch=branch),
                              a4_on_grid(), parent)
