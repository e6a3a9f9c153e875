"""The yearly publication of dues (党费收缴情况公示, DOMAIN §1: "the branch publishes collection
and use once a year"): an A4 page per ~35 members with the table header on every page, shown
in print preview, printed, or written as a PDF.

Each member's category, standard and amounts are published, and the branch's money
(received, handed up, held); wages are not: the standard and the amounts are what a member
needs to check, and a notice board is no place for salaries."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from desktop.services.dues import fen_text
from desktop.services.dues_files import Publication
from desktop.services.errors import KnownError
from desktop.ui.pdf_output import write_pdf_file

PRINT_FAMILIES = ("SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC",
                  "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")
MARGINS_MM = QMarginsF(18, 16, 18, 16)


class PublicationFailed(KnownError):
    pass


def print_family() -> str:
    families = set(QFontDatabase.families())
    return next((f for f in PRINT_FAMILIES if f in families), QGuiApplication.font().family())


def publication_html(pub: Publication) -> str:
    e = html.escape
    heads = [QCoreApplication.translate("Publication", "No."), QCoreApplication.translate("Publication", "Name"), QCoreApplication.translate("Publication", "Category"), QCoreApplication.translate("Publication", "Standard"), QCoreApplication.translate("Publication", "Monthly"), QCoreApplication.translate("Publication", "Due for the year"),
             QCoreApplication.translate("Publication", "Paid for the year"), QCoreApplication.translate("Publication", "Note")]
    rows = "".join(
        "<tr>" + "".join(f'<td align="{a}">{e(str(v))}</td>' for v, a in (
            (r.seq, "center"), (r.name, "left"), (r.category, "left"), (r.standard, "center"), (r.monthly, "right"),
            (r.due, "right"), (r.paid, "right"), (r.note, "left"))) + "</tr>"
        for r in pub.rows)
    total_word = QCoreApplication.translate("Publication", "Total")
    total = (f'<tr><td colspan="5" align="center"><b>{e(total_word)}</b></td>'
             f'<td align="right"><b>{e(pub.due_total)}</b></td><td align="right"><b>{e(pub.paid_total)}</b></td><td></td></tr>')
    m = pub.money
    money = QCoreApplication.translate("Publication", "Received in {year}: {received} yuan (of which voluntary extra {voluntary} yuan); handed up to the superior "
                                       "committee: {remitted} yuan; held at the start of the year: {opening} yuan; held at the end: {closing} yuan.").format(
        year=pub.year, received=fen_text(m.received), voluntary=fen_text(m.voluntary), remitted=fen_text(m.remitted),
        opening=fen_text(m.opening), closing=fen_text(m.closing))
    if m.to_centre:
        money += " " + QCoreApplication.translate("Publication", "Voluntary payments of 1000 yuan or more ({amount} yuan) go entirely to the Central Committee.").format(
            amount=fen_text(m.to_centre))
    header = "<tr>" + "".join(f'<th bgcolor="#eeeeee">{e(h)}</th>' for h in heads) + "</tr>"
    title = QCoreApplication.translate("Publication", "{branch}: Party dues collected in {year}").format(branch=pub.branch, year=pub.year)
    kind = QCoreApplication.translate("Publication", "Publication")
    intro = QCoreApplication.translate("Publication", "In accordance with the Regulations on the Collection, Use and Management of Party Dues, "
                                       "the branch publishes the dues of its members for {year} as follows ({members} members, "
                                       "{fully} paid in full).").format(year=pub.year, members=pub.members, fully=pub.fully_paid)
    questions = QCoreApplication.translate("Publication", "Members with questions about these figures are asked to tell the branch "
                                           "committee during the publication period.")
    return f"""
<h2 align="center">{e(title)}</h2>
<p align="center">{e(kind)}</p>
<p>{e(intro)}</p>
<table border="1" cellspacing="0" cellpadding="4" width="100%" style="border-collapse: collapse;">
<thead>{header}</thead>
<tbody>{rows}{total}</tbody>
</table>
<p style="margin-top: 10px;">{e(money)}</p>
<p>{e(questions)}</p>
<p align="right">{e(pub.branch)}<br/>{e(pub.made_on.isoformat())}</p>
"""


def build_document(pub: Publication, device) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = QFont(print_family())
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(publication_html(pub))
    return doc


def paint_pages(pub: Publication, device) -> int:
    """Lay the publication out on ``device``'s pages (a QPdfWriter or a QPrinter), with the
    page number at the foot of each; returns the number of pages."""
    doc = build_document(pub, device)
    page = device.pageLayout().paintRectPixels(device.resolution())
    painter = QPainter()
    if not painter.begin(device):
        raise PublicationFailed(QCoreApplication.translate("Publication", "The printer or the file could not be opened for writing"))
    try:
        footer_font = QFont(doc.defaultFont())
        footer_font.setPointSizeF(9)
        painter.setFont(footer_font)
        footer = painter.fontMetrics().height() * 2
        body = QSizeF(page.width(), page.height() - footer)
        doc.setPageSize(body)
        pages = doc.pageCount()
        for i in range(pages):
            if i:
                device.newPage()
            painter.save()
            painter.translate(0, -i * body.height())
            doc.drawContents(painter, QRectF(0, i * body.height(), body.width(), body.height()))
            painter.restore()
            painter.drawText(QRectF(0, body.height(), body.width(), footer), Qt.AlignHCenter | Qt.AlignBottom,
                             QCoreApplication.translate("Publication", "Page {page} of {pages}").format(page=i + 1, pages=pages))
    finally:
        painter.end()
    return pages


def export_pdf(pub: Publication, path: Path) -> int:
    """Write the publication as A4 PDF; whole or not at all. Returns the number of pages."""
    title = QCoreApplication.translate("Publication", "{branch}: Party dues collected in {year}").format(branch=pub.branch, year=pub.year)
    layout = QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, MARGINS_MM, QPageLayout.Millimeter)
    return write_pdf_file(path, title=title, layout=layout, family=print_family(),
                          paint=lambda writer: paint_pages(pub, writer), failure=PublicationFailed)


class PublicationPreview(QPrintPreviewDialog):
    """Print preview of the publication; 打印 sends it to the printer chosen there."""

    def __init__(self, pub: Publication, parent: QWidget | None = None):
        self.printer = QPrinter(QPrinter.HighResolution)
        self.printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, MARGINS_MM, QPageLayout.Millimeter))
        super().__init__(self.printer, parent)
        self.pub = pub
        self.pages = 0
        self.setWindowTitle(QCoreApplication.translate("Publication", "Print preview — {branch}: Party dues collected in {year}").format(branch=pub.branch, year=pub.year))
        self.paintRequested.connect(self._paint)
        self.resize(900, 720)

    def _paint(self, printer: QPrinter) -> None:
        self.pages = paint_pages(self.pub, printer)
