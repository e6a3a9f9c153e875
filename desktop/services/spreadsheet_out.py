"""What every .xlsx we write shares: text that never becomes a formula, column widths that
fit Chinese, and a file that appears whole or not at all."""
from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from core.i18n import translate
from desktop.services.errors import disk_trouble

# A cell a member typed as "=…" must stay text (OWASP CSV/formula injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(ws, value: str) -> object:
    """A text value for a write-only sheet: control characters Excel rejects removed, and a
    string cell with a quote prefix where it starts like a formula (openpyxl would otherwise
    write "=…" as a formula; the prefix keeps Excel from making one when the cell is edited).
    Plain values are returned as they are: they are several times faster to write."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith(FORMULA_START):
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def display_width(text: str) -> int:
    """Width in Latin characters: a Chinese character is two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def save_atomically(path: Path, make_workbook: Callable[[], Workbook], failure: type[Exception]) -> None:
    """Save the workbook ``make_workbook`` builds to ``path`` through a temporary file beside
    it. The workbook is made only once the file can be written (write-only sheets hold open
    generators). OS errors become ``failure`` with a message for the user."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    except OSError as err:
        trouble = disk_trouble(err, path.parent)
        raise failure(str(trouble) if trouble else translate("spreadsheet", "Cannot write {file}: {error}").format(
            file=path, error=err.strerror or err)) from err
    try:
        with os.fdopen(fd, "wb") as f:
            make_workbook().save(f)
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        trouble = disk_trouble(err, path.parent)  # a full disk, a USB stick made read-only
        raise failure(str(trouble) if trouble else translate("spreadsheet", "Cannot write {file}: {error}; if it is open in Excel or WPS, close it and try again").format(
            file=path, error=err.strerror or err)) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
