"""Reading a roster file into rows and finding its header: .xlsx, .xls and .ods through
python-calamine, CSV in the encodings and separators Chinese Excel and WPS write.

The file's *content* decides the reader (secretaries rename files: an .xls saved as .xlsx,
a web page called .xls), and every way a file can be unusable ends in ``ImportFailed`` with a
sentence saying what to do.
"""
from __future__ import annotations

import codecs
import csv
import io
import logging
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from core.headers import header_key, map_header
from core.i18n import translate
from core.members import field_label
from core.text import clean
from desktop.services import sheet_guard
from desktop.services.errors import KnownError

log = logging.getLogger(__name__)

# What the file's name may end with, and which reader that suggests.
_SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".ods": "ods", ".csv": "csv", ".tsv": "csv", ".txt": "csv"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls (and of password-protected .xlsx)
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
LOOK_AT = 15  # rows searched for the header (title rows, notes and blank rows come first)


class ImportFailed(KnownError):
    """The file cannot be imported at all; ``str(err)`` says why and what to do."""


@dataclass
class Table:
    sheet: str
    rows: list[list[object]]
    header_index: int           # 0-based
    data_start: int             # 0-based index of the first data row
    mapping: dict[str, int]


def _failed(message: str, path: Path, **kw) -> ImportFailed:
    return ImportFailed(message.format(name=path.name, **kw))


def _label_fields() -> dict[str, str]:
    """Header words of our own export in the active language (core.headers knows Chinese only),
    so that an export made in English imports again."""
    words = {header_key(field_label(f)): f for f in (
        "name", "gender", "ethnicity", "id_number", "birth_date", "education", "category", "branch",
        "joined_on", "full_member_on", "post", "phone", "address", "party_standing", "lost_contact",
        "lost_contact_on", "mobile", "mobile_destination", "group", "dues_category", "note")}
    words[header_key(field_label("dues_base_fen"))] = "dues_base"
    words[header_key(translate("export", "No."))] = "seq"
    return words


def _map_row(row: list[object], labels: dict[str, str]) -> dict[str, int]:
    mapping = map_header(row)
    used = set(mapping.values())
    for index, cell in enumerate(row):
        if index not in used and isinstance(cell, str):
            name = labels.get(header_key(cell))
            if name and name not in mapping:
                mapping[name] = index
    return mapping


def _find_header(rows: list[list[object]]) -> tuple[int, dict[str, int]] | None:
    """As core.headers.find_header: the row naming most fields, 姓名 and at least one more."""
    labels = _label_fields()
    best: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(rows[:LOOK_AT]):
        mapping = _map_row(row, labels)
        if "name" in mapping and len(mapping) >= 2 and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    return best


def _sniff(path: Path) -> str:
    """Which reader the file's *content* needs: secretaries rename files (an .xls saved as
    .xlsx, a web page called .xls), so the name alone is not trusted."""
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        raise _failed(translate("import", "BranchDesk cannot read “{name}”: save the roster as .xlsx, .xls, .ods or .csv"), path)
    try:
        with path.open("rb") as f:
            sheet_guard.check_size(path, os.fstat(f.fileno()).st_size)
            head = f.read(4096)
    except FileNotFoundError:
        raise _failed(translate("import", "The file “{name}” does not exist"), path) from None
    except OSError as err:  # a folder, no permission, or locked by Excel on Windows
        raise _failed(translate("import", "Cannot open “{name}” ({error}); close it in Excel or WPS and try again"), path, error=err.strerror or err) from err
    if not head.strip(b" \t\r\n\x00" + codecs.BOM_UTF8):
        raise _failed(translate("import", "The file “{name}” is empty"), path)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(_OLE):
        sheet_guard.check_xls(path.read_bytes())  # at most MAX_FILE_BYTES, checked above
        return "xls"
    sheet_guard.check_head(head)
    start = head[:1024].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    if start.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta")):
        raise _failed(translate("import", "“{name}” is a web page or XML file with a spreadsheet's name; open it in Excel or WPS and save it as .xlsx"), path)
    if _SUFFIXES[suffix] == "csv":
        return "csv"
    if b"\x00" not in head:
        raise _failed(translate("import", "“{name}” is a text file, not a workbook; if it is a CSV file, rename it to end in .csv"), path)
    raise _failed(translate("import", "“{name}” is not a spreadsheet; open it in Excel or WPS and save it as .xlsx"), path)


def _zip_kind(path: Path) -> str:
    """The zip's kind, once sheet_guard has found it safe to hand to calamine."""
    try:
        with zipfile.ZipFile(path) as z:
            return sheet_guard.check_zip(path, z)
    except (*sheet_guard.UNREADABLE, KeyError) as err:  # NotImplementedError: "zip file version 6.4" (fuzzing)
        raise _failed(translate("import", "“{name}” is damaged and cannot be read (was it copied or downloaded completely?)"), path) from err


def read_table(path: Path) -> Table:
    try:
        kind = _sniff(path)
        if kind == "csv":
            # Excel names the one sheet of a CSV after the file.
            return _table_from_rows(path.stem, _read_csv(path), None, path)
    except sheet_guard.Refused as refused:
        raise _failed(refused.message, path, **refused.values) from None
    return _read_workbook(path, kind)


def _read_workbook(path: Path, kind: str) -> Table:
    try:
        found = _first_sheet_with_header(path, kind)
    except ImportFailed:
        raise
    except PasswordError as err:
        raise _failed(translate("import", "“{name}” is protected by a password; open it in Excel or WPS, remove the password and save it again"), path) from err
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:  # calamine's errors, and its panics (BaseException) on odd files
        if kind == "xls" and _encrypted(path):
            raise _failed(translate("import", "“{name}” is protected by a password; open it in Excel or WPS, remove the password and save it again"), path) from err
        log.info("calamine could not read %s: %r", path.suffix, err)
        raise _failed(translate("import", "“{name}” is damaged and cannot be read (was it copied or downloaded completely?)"), path) from err
    return _table_from_rows(*found, path)


def _first_sheet_with_header(path: Path, kind: str) -> tuple[str, list[list[object]], list | None]:
    """(sheet name, rows, merged ranges) of the first worksheet whose first rows hold a header."""
    if _SUFFIXES[path.suffix.lower()] == kind:
        wb = CalamineWorkbook.from_path(str(path))
    else:
        with path.open("rb") as f:  # the content decides the reader, not the name
            wb = CalamineWorkbook.from_filelike(f)
    with wb:
        metas = wb.sheets_metadata
        # Visible sheets first: hidden ones hold drop-down lists and old copies.
        order = sorted(range(len(metas)), key=lambda i: metas[i].visible != SheetVisibleEnum.Visible)
        seen: list[str] = []
        anything = False
        for i in order:
            if metas[i].typ != SheetTypeEnum.WorkSheet:
                continue
            sheet = wb.get_sheet_by_index(i)
            anything = anything or sheet.end is not None
            seen.append(metas[i].name)
            if _find_header(sheet.to_python(skip_empty_area=False, nrows=LOOK_AT)) is None:
                continue
            # skip_empty_area=False keeps row 1 at index 0: row numbers are the user's.
            return metas[i].name, sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges
    if not anything:
        raise _failed(translate("import", "The file “{name}” is empty"), path)
    raise _no_header(path, seen)


def _encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return _ENCRYPTED in f.read(1 << 20)
    except OSError:
        return False


def _no_header(path: Path, sheets: Iterable[str]) -> ImportFailed:
    return _failed(translate("import", "No header row found in “{name}” (sheets: {sheets}): one of the first {n} rows must name the columns, with 姓名 and at least one more such as 公民身份号码"),
                   path, sheets="、".join(sheets), n=LOOK_AT)


def _read_csv(path: Path) -> list[list[object]]:
    data = path.read_bytes()
    text = _decode(data, path)
    delimiter = _delimiter(text)
    try:
        # Rows are lists already; the guard stops a file of too many rows as it is read.
        return sheet_guard.count_csv(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as err:
        raise _failed(translate("import", "“{name}” is not a valid CSV file ({error})"), path, error=err) from err


def _decode(data: bytes, path: Path) -> str:
    """UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"), or GB18030 — which
    contains GBK, what Chinese Excel and WPS write for "CSV"."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        if b"\x00" in data[:4096]:
            raise _failed(translate("import", "“{name}” is not a spreadsheet; open it in Excel or WPS and save it as .xlsx"), path)
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _failed(translate("import", "Cannot tell the text encoding of “{name}”; save it from Excel or WPS as .xlsx, or as CSV UTF-8"), path)


def _delimiter(text: str) -> str:
    """The separator used most steadily on the first lines (the median count per line wins,
    so a comma inside a quoted address does not decide)."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_count = ",", 0
    for candidate in (",", "\t", ";", "|"):
        counts = sorted(line.count(candidate) for line in lines)
        count = counts[len(counts) // 2] if counts else 0
        if count > best_count:
            best, best_count = candidate, count
    return best


def _table_from_rows(sheet: str, rows: list[list[object]], merged, path: Path) -> Table:
    if not any(any(c not in ("", None) for c in r) for r in rows):
        raise _failed(translate("import", "The file “{name}” is empty"), path)
    found = _find_header(rows)
    if found is None:
        raise _no_header(path, [sheet])
    header_index, mapping = found
    width = max(map(len, rows))
    if min(map(len, rows)) < width:  # CSV lines can be short (a workbook's rows are all as wide)
        for r in rows:
            if len(r) < width:
                r.extend([""] * (width - len(r)))
    data_start = header_index + 1
    # A two-row header (失联党员 over 是否失联 | 失联日期): the row below adds its fields.
    if data_start < len(rows):
        below = rows[data_start]
        if clean(below[mapping["name"]]) == "":
            extra = _map_row(below, _label_fields())
            if extra:
                used = set(mapping.values())
                for name, index in extra.items():
                    if name not in mapping and index not in used:
                        mapping[name] = index
                data_start += 1
    for (r0, c0), (r1, c1) in merged or ():
        # A column merged down over several members (a 党小组 written once for its rows) —
        # but not into rows with nothing else in them (a template's empty rows stay empty).
        if r1 > r0 and r0 >= data_start and c0 < width:
            value = rows[r0][c0]
            for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
                row = rows[r]
                if any(c not in ("", None) for j, c in enumerate(row) if not c0 <= j <= c1):
                    row[c0:min(c1, width - 1) + 1] = [value] * (min(c1, width - 1) + 1 - c0)
    return Table(sheet, rows, header_index, data_start, mapping)
