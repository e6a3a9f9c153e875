"""Writing a PDF the same way for every printout (minutes, the dues 公示, sign-in sheets).

The file appears whole or not at all: it is written to a temporary name beside the target and
moved into place. Fonts are embedded by Qt's PDF writer.

Qt writes each embedded font's ToUnicode table by taking, for every glyph, the *lowest* code
point that maps to it. CJK fonts such as Noto share one glyph between a Kangxi radical and the
ideograph (⼀ U+2F00 and 一 U+4E00, ⻛ U+2EDB and 风 U+98CE), so text copied or searched in the
PDF came out as radicals. ``fix_to_unicode`` points those entries back at the ideographs.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QRawFont

from core.i18n import translate

PDF_RESOLUTION = 1200


@lru_cache(maxsize=8)
def radical_map(family: str) -> dict[int, int]:
    """Code points below the CJK ideographs that ``family`` draws with an ideograph's glyph,
    mapped to that ideograph (⼀ → 一, ⻛ → 风, 〸 → 十)."""
    mapping: dict[int, int] = {}
    for bold in (False, True):
        font = QFont(family)
        font.setBold(bold)
        raw = QRawFont.fromFont(font)
        if not raw.isValid():
            continue
        ideographs = range(0x4E00, 0xA000)
        by_glyph: dict[int, int] = {}
        for cp, glyph in zip(ideographs, raw.glyphIndexesForString("".join(map(chr, ideographs)))):
            if glyph:
                by_glyph.setdefault(glyph, cp)
        low = range(0x2E80, 0x4DC0)
        for cp, glyph in zip(low, raw.glyphIndexesForString("".join(map(chr, low)))):
            if glyph in by_glyph:
                mapping.setdefault(cp, by_glyph[glyph])
    return mapping


_TO_UNICODE = re.compile(rb"/CIDInit /ProcSet findresource begin.*?endcmap", re.S)
_ARRAY = re.compile(rb"\[([^\]]*)\]")
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")


def fix_to_unicode(pdf: bytes, mapping: dict[int, int]) -> bytes:
    """Point ToUnicode entries at ideographs instead of radicals (see the module's note).

    Only the arrays of ``bfrange`` entries are touched (where Qt writes one code point per
    glyph), and each 4-digit entry is replaced by another of the same length: no offset in the
    file moves, so the cross-reference table stays right. Qt writes runs of ten or more
    consecutive code points as ranges instead; radicals never form such runs.
    """
    if not mapping:
        return pdf

    def entry(m: re.Match) -> bytes:
        cp = int(m.group(1), 16)
        return b"<%04X>" % mapping[cp] if cp in mapping else m.group(0)

    def array(m: re.Match) -> bytes:
        return b"[" + _HEX4.sub(entry, m.group(1)) + b"]"

    def cmap(m: re.Match) -> bytes:
        return _ARRAY.sub(array, m.group(0))

    fixed = _TO_UNICODE.sub(cmap, pdf)
    assert len(fixed) == len(pdf)
    return fixed


def write_pdf_file(path: Path, *, title: str, layout: QPageLayout, family: str,
                   paint: Callable[[QPdfWriter], int], failure: type[Exception]) -> int:
    """Write a PDF with ``paint`` (which returns the number of pages) atomically, its text
    searchable in ``family``. OS errors become ``failure`` with a message for the user."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".pdf", dir=path.parent)
        os.close(fd)
    except OSError as err:
        raise failure(translate("pdf", "Cannot write {file}: {error}").format(file=path, error=err.strerror or err)) from err
    try:
        writer = QPdfWriter(tmp)
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(layout)
        writer.setTitle(title)
        writer.setCreator("BranchDesk")
        pages = paint(writer)
        del writer  # flushes and closes the file
        data = Path(tmp).read_bytes()
        Path(tmp).write_bytes(fix_to_unicode(data, radical_map(family)))
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise failure(translate("pdf", "Cannot write {file}: {error}; if it is open in a PDF reader, close it and try again").format(
            file=path, error=err.strerror or err)) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return pages


# Half an inch: 75 dots at 150 dpi, so the printable corner is on the QR codes' grid
# (desktop/ui/qr_paint.py) for every page that carries codes.
ON_GRID_MARGINS_PT = QMarginsF(36, 36, 36, 36)


def a4_on_grid() -> QPageLayout:
    """A4 portrait with half-inch margins: the layout of the pages that carry QR codes."""
    return QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, ON_GRID_MARGINS_PT, QPageLayout.Point)


def pdf_path(path: Path) -> Path:
    """The path with .pdf added when the user left it out."""
    path = Path(path)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def make_font(family: str, points: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def begin_painter(device, failure: type[Exception]) -> QPainter:
    """A painter on ``device``; ``failure`` with a message for the user if it cannot start."""
    painter = QPainter()
    if not painter.begin(device):
        raise failure(translate("pdf", "The printer or the file could not be opened for writing"))
    return painter


def open_print_preview(paint: Callable, title: str, layout: QPageLayout, parent=None):
    """The print preview of ``paint(printer)`` (window-modal, opened, not exec'd); returns it."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageLayout(layout)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("pdf", "Print preview — {title}").format(title=title))
    dialog.paintRequested.connect(paint)
    dialog._printer = printer  # kept alive with the dialog
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.resize(900, 760)
    dialog.open()
    return dialog
