"""Votes on paper: the ballots (选票) with their serial codes, the one-time code slips (投票码),
and the tally sheet (计票单) and result report (选举结果报告单) — each as a PDF and in print preview
from the same painting.

Ballots: A4, two to a page (cut along the dashed line) when one fits in half a page, else one;
a 民主评议 of many members in two columns. Each carries a random serial as a QR code (top right,
four modules of quiet zone, whole dots per module on the 1/150-inch grid: desktop/ui/qr_paint.py)
with the serial printed under it, the instructions, and no place for a name. Slips: 18 to a
page, the code large, the phone page's address as a QR code when phones vote. Fonts are embedded
and the text reads as ideographs (desktop/ui/pdf_output.py).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextDocument

from core import ballot_codes
from core.i18n import translate
from core.votes import Mark, PollKind, Rating
from desktop.services.errors import KnownError
from desktop.services.votes import PollDetail
from desktop.services.votes_report import ResultSheet, sheet_html, sheet_title
from desktop.ui.minutes_print import ensure_gui, paint_document, print_family
from desktop.ui.pdf_output import a4_on_grid, begin_painter, make_font, open_print_preview, pdf_path, write_pdf_file
from desktop.ui.qr_paint import PageGrid, code_size, paint_code

SERIAL_MODULE_STEPS = 4                   # 0.68 mm modules: read by a hand scanner across a table
SLIP_MODULE_STEPS = 3
SLIPS_ACROSS, SLIPS_DOWN = 3, 6
INK = QColor("#000000")
GREY = QColor("#555555")


class VotesPrintFailed(KnownError):
    pass










# -- ballots ---------------------------------------------------------------------------------------

def ballot_heads(detail: PollDetail) -> list[str]:
    if detail.kind is PollKind.APPRAISAL:
        return [translate("votes_print", "Name")] + [r.label for r in Rating]
    heads = [translate("votes_print", "Name") if detail.kind is PollKind.ELECTION else translate("votes_print", "Subject")]
    heads += [m.label(detail.kind) for m in Mark]
    if detail.kind is PollKind.ELECTION and not detail.runoff:
        heads.append(translate("votes_print", "Another person"))
    return heads


def ballot_info(detail: PollDetail) -> str:
    if detail.kind is PollKind.ELECTION:
        return translate("votes_print", "{seats} to elect · candidates in surname-stroke order").format(seats=detail.seats)
    if detail.kind is PollKind.DECISION:
        return detail.subject.label if detail.subject else ""
    return translate("votes_print", "Democratic appraisal of {n} members").format(n=len(detail.candidates))


def ballot_instructions(detail: PollDetail) -> list[str]:
    if detail.kind is PollKind.ELECTION:
        lines = [translate("votes_print", "Draw a ○ in one box per candidate: for, not in favour or abstain. A candidate left unmarked counts as abstain.")]
        if detail.runoff:
            lines.append(translate("votes_print", "A re-vote among those tied: no one else can be written in; the most votes elect."))
        else:
            lines.append(translate("votes_print", "Beside a candidate you do not favour you may write another person's name; that counts as for them. A name beside a mark for or abstain does not count."))
        lines.append(translate("votes_print", "More people for than {seats} (written names included), or marks that cannot be made out, make the ballot invalid.").format(
            seats=detail.seats))
    elif detail.kind is PollKind.DECISION:
        lines = [translate("votes_print", "Draw one ○ in the box for, against or abstain. A ballot left blank counts as abstain.")]
    else:
        lines = [translate("votes_print", "Draw a ○ in one box per member. Excellent is generally for no more than a third of the members.")]
    lines.append(translate("votes_print", "Secret ballot: do not write your name or any other mark on it."))
    return lines


def _ballot_rows(detail: PollDetail) -> list[str]:
    if detail.kind is PollKind.DECISION:
        return [detail.candidates[0]]
    return list(detail.candidates)


def _measure_ballot(painter: QPainter, detail: PollDetail, grid: PageGrid, width: float, family: str,
                    row_h: float, columns: int) -> float:
    """The height of one ballot laid out ``width`` wide."""
    return _paint_ballot(painter, detail, "", grid, QRectF(0, 0, width, 1e9), family, row_h, columns, draw=False)


def _paint_ballot(painter: QPainter, detail: PollDetail, serial: str, grid: PageGrid, box: QRectF, family: str,
                  row_h: float, columns: int, draw: bool = True) -> float:
    module = grid.module(SERIAL_MODULE_STEPS)
    side = code_size(serial or ballot_codes.new_serial(b"\0" * 32, detail.id), module)
    x, y, width = box.left(), box.top(), box.width()
    text_w = width - side - grid.mm(3)
    painter.setPen(INK)
    painter.setFont(make_font(family, 10))
    if draw:
        painter.drawText(QRectF(x, y, text_w, grid.mm(6)), Qt.AlignLeft | Qt.AlignVCenter, detail.branch)
    y += grid.mm(6)
    title_font = make_font(family, 16, bold=True)
    painter.setFont(title_font)
    title = translate("votes_print", "{title} — ballot").format(title=detail.title)
    rect = painter.boundingRect(QRectF(x, y, text_w, 1e6), Qt.AlignLeft | Qt.TextWordWrap, title)
    if draw:
        painter.drawText(QRectF(x, y, text_w, rect.height()), Qt.AlignLeft | Qt.TextWordWrap, title)
    y += rect.height() + grid.mm(1)
    painter.setFont(make_font(family, 10.5))
    info = ballot_info(detail)
    if info:
        if draw:
            painter.drawText(QRectF(x, y, text_w, grid.mm(6)), Qt.AlignLeft | Qt.AlignVCenter, info)
        y += grid.mm(6)
    if draw and serial:
        at = paint_code(painter, serial, grid, box.right() - side, box.top(), module)
        painter.setFont(make_font("monospace", 6.5))
        painter.setPen(GREY)
        head, _, tail = serial.rpartition(":")  # on two lines, for typing it when the code is torn
        painter.drawText(QRectF(box.right() - side - grid.mm(20), box.top() + at - grid.mm(1.5), side + grid.mm(20), grid.mm(7)),
                         Qt.AlignRight | Qt.AlignTop, f"{head}:\n{tail}")
        painter.setPen(INK)
    y = max(y, box.top() + side + grid.mm(6)) + grid.mm(2)
    y = _paint_grid(painter, detail, grid, QRectF(x, y, width, 1e9), family, row_h, columns, draw)
    painter.setFont(make_font(family, 9))
    for line in ballot_instructions(detail):
        r = painter.boundingRect(QRectF(x, y, width, 1e6), Qt.AlignLeft | Qt.TextWordWrap, "• " + line)
        if draw:
            painter.drawText(QRectF(x, y, width, r.height()), Qt.AlignLeft | Qt.TextWordWrap, "• " + line)
        y += r.height() + grid.mm(0.5)
    return y - box.top()


def _paint_grid(painter: QPainter, detail: PollDetail, grid: PageGrid, box: QRectF, family: str, row_h: float,
                columns: int, draw: bool) -> float:
    """The table of names and boxes, in ``columns`` side-by-side tables; returns its bottom."""
    heads = ballot_heads(detail)
    names = _ballot_rows(detail)
    gap = grid.mm(4)
    table_w = (box.width() - gap * (columns - 1)) / columns
    name_w = table_w * (0.30 if len(heads) <= 4 else 0.26 if detail.kind is PollKind.ELECTION else 0.28)
    if detail.kind is PollKind.ELECTION and not detail.runoff:
        write_w = table_w * 0.26
        mark_w = (table_w - name_w - write_w) / 3
        widths = [name_w, mark_w, mark_w, mark_w, write_w]
    else:
        mark_w = (table_w - name_w) / (len(heads) - 1)
        widths = [name_w] + [mark_w] * (len(heads) - 1)
    per_column = -(-len(names) // columns)
    head_h = grid.mm(8)
    bottom = box.top()
    for c in range(columns):
        chunk = names[c * per_column:(c + 1) * per_column]
        left = box.left() + c * (table_w + gap)
        y = box.top()
        if draw:
            painter.save()
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor("#eeeeee"))
            painter.drawRect(QRectF(left, y, table_w, head_h))
            painter.restore()
            painter.setFont(make_font(family, 10, bold=True))
            xx = left
            for w, h in zip(widths, heads):
                painter.drawText(QRectF(xx, y, w, head_h), Qt.AlignCenter | Qt.TextWordWrap, h)
                xx += w
        y += head_h
        lines = [y]
        name_font = make_font(family, 13 if columns == 1 else 11, bold=True)
        for name in chunk:
            if draw:
                painter.setFont(name_font)
                painter.drawText(QRectF(left + grid.mm(1.5), y, widths[0] - grid.mm(3), row_h), Qt.AlignCenter | Qt.TextWordWrap, name)
            y += row_h
            lines.append(y)
        if draw:
            painter.save()
            painter.setPen(QPen(INK, grid.mm(0.3)))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(QRectF(left, box.top(), table_w, y - box.top()))
            xx = left
            for w in widths[:-1]:
                xx += w
                painter.drawLine(QPointF(xx, box.top()), QPointF(xx, y))
            for ly in lines:
                painter.drawLine(QPointF(left, ly), QPointF(left + table_w, ly))
            painter.restore()
        bottom = max(bottom, y)
    return bottom + grid.mm(3)


def _ballot_layout(painter: QPainter, detail: PollDetail, grid: PageGrid, page: QRectF, family: str) -> tuple[float, int, float, int]:
    """(row height, table columns, ballot height, ballots per page)."""
    rows = len(_ballot_rows(detail))
    for row_mm, columns in ((11, 1), (9, 1), (8, 2), (7, 2), (6, 2), (5, 2)):
        if columns == 2 and rows < 20:
            continue
        row_h = grid.mm(row_mm)
        height = _measure_ballot(painter, detail, grid, page.width(), family, row_h, columns)
        if height * 2 + grid.mm(12) <= page.height():
            return row_h, columns, height, 2
        if height <= page.height():
            return row_h, columns, height, 1
    raise VotesPrintFailed(translate("votes_print", "Too many names for one ballot page"))


def paint_ballots(detail: PollDetail, serials: list[str], device) -> int:
    """Paint one ballot per serial on ``device``; returns the pages."""
    family = print_family()
    grid = PageGrid(device)
    page = QRectF(0, 0, *device.pageLayout().paintRectPixels(grid.dpi).size().toTuple())
    painter = begin_painter(device, VotesPrintFailed)
    try:
        row_h, columns, height, per_page = _ballot_layout(painter, detail, grid, page, family)
        pages = max(1, -(-len(serials) // per_page))
        for n in range(pages):
            if n:
                device.newPage()
            for k, serial in enumerate(serials[n * per_page:(n + 1) * per_page]):
                top = 0.0 if k == 0 else page.height() / 2 + grid.mm(6)
                _paint_ballot(painter, detail, serial, grid, QRectF(0, top, page.width(), height), family, row_h, columns)
            if per_page == 2:
                pen = QPen(QColor("#999999"), grid.mm(0.2))
                pen.setStyle(Qt.DashLine)
                painter.save()
                painter.setPen(pen)
                painter.drawLine(QPointF(0, page.height() / 2), QPointF(page.width(), page.height() / 2))
                painter.restore()
    finally:
        painter.end()
    return pages


# -- code slips ------------------------------------------------------------------------------------

def paint_slips(detail: PollDetail, codes: list[str], phone_url: str | None, device) -> int:
    """Eighteen code slips to a page; returns the pages."""
    family = print_family()
    grid = PageGrid(device)
    page = device.pageLayout().paintRectPixels(grid.dpi)
    w, h = page.width() / SLIPS_ACROSS, page.height() / SLIPS_DOWN
    per_page = SLIPS_ACROSS * SLIPS_DOWN
    module = grid.module(SLIP_MODULE_STEPS)
    pages = max(1, -(-len(codes) // per_page))
    painter = begin_painter(device, VotesPrintFailed)
    try:
        for n in range(pages):
            if n:
                device.newPage()
            for i, code in enumerate(codes[n * per_page:(n + 1) * per_page]):
                box = QRectF((i % SLIPS_ACROSS) * w, (i // SLIPS_ACROSS) * h, w, h)
                _paint_slip(painter, detail, code, phone_url, grid, box, module, family, i)
    finally:
        painter.end()
    return pages


def _paint_slip(painter: QPainter, detail: PollDetail, code: str, phone_url: str | None, grid: PageGrid, box: QRectF,
                module: int, family: str, index: int) -> None:
    painter.save()
    pen = QPen(QColor("#999999"), grid.mm(0.2))
    pen.setStyle(Qt.DashLine)
    painter.setPen(pen)
    painter.drawRect(box)  # cut here
    pad = grid.mm(2.5)
    inner = box.adjusted(pad, pad, -pad, -pad)
    side = code_size(phone_url, module) if phone_url else 0
    text = QRectF(inner.left(), inner.top(), inner.width() - side, inner.height())
    painter.setPen(INK)
    small = make_font(family, 7.5)
    painter.setFont(small)
    metrics = QFontMetricsF(small, painter.device())
    painter.drawText(QRectF(text.left(), text.top(), text.width(), metrics.height()), Qt.AlignLeft,
                     metrics.elidedText(detail.title, Qt.ElideRight, text.width()))
    painter.drawText(QRectF(text.left(), text.top() + metrics.height(), text.width(), metrics.height()), Qt.AlignLeft,
                     translate("votes_print", "One-time voting code"))
    big = make_font("monospace", 17, bold=True)
    big.setStyleHint(QFont.Monospace)
    painter.setFont(big)
    code_top = text.top() + metrics.height() * 2.2
    code_h = QFontMetricsF(big, painter.device()).height() * 1.2
    painter.drawText(QRectF(text.left(), code_top, text.width(), code_h), Qt.AlignLeft | Qt.AlignVCenter, ballot_codes.show_code(code))
    howto = (translate("votes_print", "Booth: type the code. Phone: join the office Wi-Fi, scan the code on the right, type the code.")
             if phone_url else translate("votes_print", "Type the code at the voting booth."))
    howto += " " + translate("votes_print", "The code works once and is not linked to your name.")
    room = QRectF(text.left(), code_top + code_h, text.width(), inner.bottom() - code_top - code_h)
    size = 8.0
    while True:  # the longest language still fits the slip
        painter.setFont(make_font(family, size))
        if painter.boundingRect(room, Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap, howto).height() <= room.height() or size <= 5:
            break
        size -= 0.5
    painter.drawText(room, Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap, howto)
    painter.restore()
    if phone_url:
        # Codes side by side at one height confuse a decoder reading a whole page: alternate rows
        # sit high and low (as the sign-in cards do).
        top = inner.top() if (index // SLIPS_ACROSS) % 2 == 0 else inner.bottom() - side
        paint_code(painter, phone_url, grid, inner.right() - side + grid.mm(1.5), top, module)


# -- the tally sheet and the report ----------------------------------------------------------------

def paint_sheet(sheet: ResultSheet, report: bool, device) -> int:
    """The 计票单 or the result report, on A4 with the page number at the foot."""
    family = print_family()
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = make_font(family, 11.5)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(sheet_html(sheet, report, family))
    return paint_document(doc, device, make_font(family, 9), VotesPrintFailed)


# -- files and the printer -------------------------------------------------------------------------

def write_ballots_pdf(detail: PollDetail, serials: list[str], path: Path) -> int:
    ensure_gui()
    title = translate("votes_print", "{title} — ballot").format(title=detail.title)
    return write_pdf_file(pdf_path(path), title=title, layout=a4_on_grid(), family=print_family(),
                          paint=lambda writer: paint_ballots(detail, serials, writer), failure=VotesPrintFailed)


def write_slips_pdf(detail: PollDetail, codes: list[str], phone_url: str | None, path: Path) -> int:
    ensure_gui()
    title = translate("votes_print", "{title} — voting codes").format(title=detail.title)
    return write_pdf_file(pdf_path(path), title=title, layout=a4_on_grid(), family=print_family(),
                          paint=lambda writer: paint_slips(detail, codes, phone_url, writer), failure=VotesPrintFailed)


def write_sheet_pdf(sheet: ResultSheet, report: bool, path: Path) -> int:
    ensure_gui()
    title = sheet_title(sheet, report) + " — " + sheet.detail.title
    return write_pdf_file(pdf_path(path), title=title, layout=a4_on_grid(), family=print_family(),
                          paint=lambda writer: paint_sheet(sheet, report, writer), failure=VotesPrintFailed)


def preview_sheet(sheet: ResultSheet, report: bool, parent=None):
    """The print preview (window-modal, opened, not exec'd) of the 计票单 or the report."""
    title = sheet_title(sheet, report) + " — " + sheet.detail.title
    return open_print_preview(lambda p: paint_sheet(sheet, report, p), title, a4_on_grid(), parent)