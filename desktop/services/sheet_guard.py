"""Checks on a spreadsheet file *before* any parser sees it: hostile or broken files (zip
bombs, XML entity expansion, sheets claiming a million rows, a PDF renamed .xlsx) are refused
with a sentence the secretary can act on, in bounded time and memory.

Why before, not during: python-calamine builds a sheet as one dense block spanning its
furthest cells, so a 1.5 KB .xlsx with a value in A1 and one in XFD1048576 asks for 550 GB and
the process aborts (no exception to catch). Its zip reader does stop at an entry's declared
size, which is what makes the declared sizes below worth checking.

The checks read the zip's central directory and stream each worksheet once through cheap
byte searches (about 30 ms for a 20,000-row roster, most of it inflating the XML); a file that
passes them is bounded: at most ``MAX_ROWS`` rows and ``MAX_COLUMNS`` columns per sheet.
"""
from __future__ import annotations

import lzma
import re
import zipfile
import zlib
from pathlib import Path

from core.i18n import translate

MAX_FILE_BYTES = 64 * 1024 * 1024     # a 100,000-member roster is ~12 MB as .xlsx, ~25 MB as CSV
MAX_ROWS = 100_000                    # rows of a sheet (title and header rows included)
MAX_COLUMNS = 52                      # A … AZ: the standard roster has 22 columns
MAX_CELLS = 3_000_000                 # of a CSV file (its rows can be ragged)
MAX_ENTRIES = 2_000                   # parts in the zip; Excel writes ~10 plus one per sheet
MAX_TOTAL_BYTES = 512 * 1024 * 1024   # all parts, uncompressed as declared
MAX_SHEET_BYTES = 256 * 1024 * 1024   # one worksheet's XML (~110 MB for 100,000 members)
MAX_STRINGS_BYTES = 64 * 1024 * 1024  # the shared strings, held in memory whole
MAX_PART_BYTES = 16 * 1024 * 1024     # any other part (styles, theme, workbook)
MAX_RATIO = 500                       # uncompressed / compressed: Excel's XML is 5–30
RATIO_FROM = 1024 * 1024              # small parts may compress as they like

_CHUNK = 1 << 20
# How reading a damaged part fails: bad CRC, data cut short, a broken deflate stream (found by
# tests/desktop/test_fuzz_inputs.py), an unknown compression method.
UNREADABLE = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, OSError, RuntimeError, NotImplementedError, EOFError, ValueError)
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class Refused(Exception):
    """The file is refused before reading; ``message`` has a {name} placeholder, ``values`` the
    rest."""

    def __init__(self, message: str, **values):
        super().__init__(message)
        self.message = message
        self.values = values


def _kinds() -> dict[bytes, str]:
    return {
        b"%PDF": translate("import", "a PDF document"),
        b"\x89PNG": translate("import", "a PNG picture"),
        b"\xff\xd8\xff": translate("import", "a JPEG picture"),
        b"GIF8": translate("import", "a GIF picture"),
        b"BM": translate("import", "a BMP picture"),
        b"MZ": translate("import", "a Windows program (.exe)"),
        b"\x7fELF": translate("import", "a program"),
        b"Rar!": translate("import", "a RAR archive"),
        b"7z\xbc\xaf\x27\x1c": translate("import", "a 7-Zip archive"),
        b"\x1f\x8b": translate("import", "a compressed (.gz) file"),
        b"{\\rtf": translate("import", "a Word (RTF) document"),
    }


_TEXT_LIKE = (b"MZ", b"BM", b"GIF8", b"Rar!")


def _actually(kind: str) -> Refused:
    return Refused(translate("import", "“{name}” is actually {kind}, not a spreadsheet; open the roster in Excel or WPS and save it as .xlsx"), kind=kind)


def check_size(path: Path, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise Refused(translate("import", "“{name}” is {size} MB, larger than any roster BranchDesk reads (at most {limit} MB); keep only the members' sheet and save it again"),
                      size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024))


def check_head(head: bytes) -> None:
    """Refuse a file whose first bytes say it is some other kind of file."""
    for magic, kind in _kinds().items():
        # Two letters could begin a CSV line too ("MZ,…"): those files must also look binary.
        if head.startswith(magic) and (magic not in _TEXT_LIKE or b"\x00" in head):
            raise _actually(kind)


def check_zip(path: Path, z: zipfile.ZipFile) -> str:
    """Check a zip's directory and its worksheets; return "xlsx" or "ods"."""
    infos = z.infolist()
    names = [i.filename for i in infos]
    if len(infos) > MAX_ENTRIES:
        raise Refused(translate("import", "“{name}” holds {count} parts, far more than a workbook has; it is not a roster BranchDesk can read"), count=len(infos))
    if len(set(names)) != len(names):
        raise _damaged()
    if any(i.flag_bits & 0x1 for i in infos):
        raise _password()
    kind = _kind_of_zip(z, set(names))
    total = 0
    for i in infos:
        total += i.file_size
        if i.file_size > _part_limit(i.filename, kind) or total > MAX_TOTAL_BYTES or (
                i.file_size > RATIO_FROM and i.file_size > MAX_RATIO * max(i.compress_size, 1)):
            raise Refused(translate("import", "“{name}” unpacks to far more data than a roster holds (a damaged or deliberately inflated file); open it in Excel or WPS and save it again"))
    # Entries that overlap share their compressed bytes: the "overlapping zip bomb".
    spans = sorted((i.header_offset, i.header_offset + i.compress_size) for i in infos)
    if any(end > nxt for (_, end), (nxt, _) in zip(spans, spans[1:])):
        raise _damaged()
    for i in infos:
        # Every part of an .xlsx, whatever its name: calamine finds the sheets through the
        # workbook's relationships, which may name any part ("xl/evil.dat") as a worksheet.
        if kind == "xlsx":
            _check_worksheet(z, i)
        elif i.filename == "content.xml":
            _check_ods_content(z, i)
        elif i.filename.endswith((".xml", ".rels")):
            _check_xml_head(z, i)
    return kind


def _kind_of_zip(z: zipfile.ZipFile, names: set[str]) -> str:
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        # Binary sheets (.xlsb) cannot be checked here like XML ones, and calamine would lay
        # them out as densely: not read (Excel and WPS save .xlsx by default).
        raise Refused(translate("import", "“{name}” is an Excel binary workbook (.xlsb); open it in Excel or WPS and save it as .xlsx"))
    if "mimetype" in names:
        try:
            with z.open("mimetype") as f:
                mimetype = f.read(100)
        except UNREADABLE as err:
            raise _damaged() from err
        if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
            return "ods"
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
            raise _actually(translate("import", "a text document (.odt)"))
    if "word/document.xml" in names:
        raise _actually(translate("import", "a Word document"))
    if "ppt/presentation.xml" in names:
        raise _actually(translate("import", "a PowerPoint presentation"))
    raise _actually(translate("import", "a ZIP archive"))


def _part_limit(name: str, kind: str) -> int:
    if name.startswith("xl/worksheets/") or name == "content.xml":
        return MAX_SHEET_BYTES
    if name == "xl/sharedStrings.xml":
        return MAX_STRINGS_BYTES
    return MAX_PART_BYTES


def _damaged() -> Refused:
    return Refused(translate("import", "“{name}” is damaged and cannot be read (was it copied or downloaded completely?)"))


def _password() -> Refused:
    return Refused(translate("import", "“{name}” is protected by a password; open it in Excel or WPS, remove the password and save it again"))


def _chunks(z: zipfile.ZipFile, info: zipfile.ZipInfo):
    try:
        with z.open(info) as f:
            while chunk := f.read(_CHUNK):
                yield chunk
    except UNREADABLE as err:
        raise _damaged() from err


_ROOT = re.compile(rb"<[A-Za-z_]")


_SST = re.compile(rb"<(?:[\w.-]+:)?sst\b([^>]*)>")
_UNIQUE = re.compile(rb"""\buniqueCount\s*=\s*["']\s*(\d+)""")


def _check_prolog(head: bytes, size: int | None = None) -> None:
    """Refuse a document type declaration anywhere before the root element; and a shared
    string table (any part may be one) declaring more strings than its ``size`` in bytes could
    hold: calamine reserves room for uniqueCount strings up front, and uniqueCount="4294967295"
    asks for 103 GB and aborts the process."""
    root = _ROOT.search(head)
    if _DTD.search(head, 0, root.start() if root else len(head)):
        raise _entities()
    if root is None:
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            raise _damaged()  # XML whose root lies past a megabyte of comments: not a workbook's
        return
    sst = _SST.match(head, root.start())
    if sst and size is not None:
        unique = _UNIQUE.search(sst.group(1))
        if unique and int(unique.group(1)) > size // 5 + 16:  # "<si/>" is the shortest string
            raise _damaged()


def _check_xml_head(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    for chunk in _chunks(z, info):
        _check_prolog(chunk)
        return


def _entities() -> Refused:
    # A document type with entities is how "billion laughs" and external-entity attacks start;
    # Excel, WPS and LibreOffice never write one.
    return Refused(translate("import", "“{name}” contains XML declarations that spreadsheet programs never write (possibly a malicious file); BranchDesk does not read it"))


def _too_big(rows: int | None = None, columns: int | None = None) -> Refused:
    if columns is not None:
        return Refused(translate("import", "A sheet in “{name}” uses more than {limit} columns; a roster has about 22. Delete the extra columns (or copy the roster to a new sheet) and save again"),
                       limit=MAX_COLUMNS)
    return Refused(translate("import", "A sheet in “{name}” has more than {limit} rows; BranchDesk imports at most {limit} rows at a time. Split the file, or delete empty rows at its end, and save again"),
                   limit=f"{MAX_ROWS:,}")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _check_worksheet(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Bound the block calamine will allocate for this sheet: its furthest row and column.

    Fast path (Excel, WPS, LibreOffice, openpyxl): every row and cell opens with r="…" inside
    the limits, and two searches find none that does not. A sheet where they find one (a
    reference past the limits, or cells that leave r out and count by position, as the
    format allows) is counted exactly."""
    first = True
    tail = b""
    for chunk in _chunks(z, info):
        if first:
            _check_prolog(chunk, info.file_size)
            if _PREFIXED.search(chunk, 0, 4096):  # <x:c …>: the searches below would not see it
                _count_positions(z, info)
                return
            first = False
        data = tail + chunk
        cut = data.rfind(b"<")  # a tag cut by the chunk's end is searched in the next round
        if cut < 0:
            cut = len(data)
        if _odd(_UNUSUAL_ROW, data, cut) or _odd(_UNUSUAL_CELL, data, cut) or _odd(_PREFIXED_TAG, data, cut):
            _count_positions(z, info)
            return
        tail = data[cut:]
    if tail and (_UNUSUAL_ROW.match(tail + b" ") or _UNUSUAL_CELL.match(tail + b" ") or _PREFIXED_TAG.search(tail + b" ")):
        _count_positions(z, info)


# A row or cell tag that does not begin with a reference inside the limits (A–AZ, 1–99,999).
_PREFIXED = re.compile(rb"<[\w.-]+:worksheet[\s>]")
# <x:c …> under a root without the prefix: counted exactly too (":" is rare past the root tag).
_PREFIXED_TAG = re.compile(rb":(?:c|row)[\s>/]")
_UNUSUAL_ROW = re.compile(rb'<row(?! r="\d{1,5}")[\s>/]')
_UNUSUAL_CELL = re.compile(rb'<c(?! r="A?[A-Z]\d{1,5}")[\s>/]')


def _odd(pattern: re.Pattern, data: bytes, cut: int) -> bool:
    m = pattern.search(data)
    return m is not None and m.start() < cut


_ROW_OR_CELL = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')


def _count_positions(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """The exact count, for sheets whose rows and cells do not all say where they are (or say
    it is too far): as calamine places them, a cell without r next to the one before."""
    row = column = 0
    tail = b""
    for chunk in _chunks(z, info):
        data = tail + chunk
        cut = data.rfind(b"<")
        if cut < 0:
            cut = len(data)
        for m in _ROW_OR_CELL.finditer(data, 0, cut):
            tag, attrs = m.group(1), m.group(2)
            if tag == b"row":
                number = _ROW_NUMBER.search(attrs)
                row, column = (int(number.group(1)) if number else row + 1), 0
                if row > MAX_ROWS:
                    raise _too_big(rows=True)
                continue
            ref = _CELL_REF.search(attrs)
            column = _column_number(ref.group(1)) if ref else column + 1
            if column > MAX_COLUMNS:
                raise _too_big(columns=True)
            if ref and int(ref.group(2)) > MAX_ROWS:
                raise _too_big(rows=True)
        tail = data[cut:]
        if len(tail) > _CHUNK:  # one tag longer than a chunk: no sheet writes that
            raise _damaged()


_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*)>")
_REPEATED = re.compile(rb'number-(?:rows|columns)-repeated="(\d+)"')


def _check_ods_content(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """OpenDocument repeats a row or cell with an attribute. LibreOffice writes
    number-rows-repeated="1048553" for the empty rows after the data, which calamine skips;
    cells *with a value* are what it lays out, so the furthest of those is what counts."""
    data = b"".join(_chunks(z, info))  # bounded by MAX_SHEET_BYTES; .ods rosters are rare
    _check_prolog(data)
    row = column = 0
    row_repeat = 1
    for m in _ODS_TAG.finditer(data):
        closing, tag, attrs = m.group(1), m.group(2), m.group(3)
        repeat = _REPEATED.search(attrs)
        count = int(repeat.group(1)) if repeat else 1
        if tag == b"table":
            if not closing:
                row = column = 0
        elif tag == b"table-row":
            if closing:
                row += row_repeat
            elif attrs.endswith(b"/"):
                row += count
            else:
                row_repeat, column = count, 0
        elif not closing:
            if b"value-type" in attrs or not attrs.endswith(b"/"):
                if column + count > MAX_COLUMNS:
                    raise _too_big(columns=True)
                if row + row_repeat > MAX_ROWS:
                    raise _too_big(rows=True)
            column += count


def count_csv(rows, path_cells_limit: int = MAX_CELLS):
    """Rows of a CSV reader, stopped (with a refusal) once there are too many."""
    out = []
    cells = 0
    for row in rows:
        out.append(row)
        cells += len(row)
        if len(out) > MAX_ROWS:
            raise _too_big(rows=True)
        if len(row) > MAX_COLUMNS * 4 or cells > path_cells_limit:
            raise _too_big(columns=True)
    return out


# -- legacy .xls (BIFF8 in an OLE2 compound file) ---------------------------------------------

_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
# Records that put a value in a cell (calamine leaves out BLANK and MULBLANK: formatting only):
# LABELSST, NUMBER, RK, BOOLERR, LABEL, RSTRING, FORMULA, MULRK. Row then column follow the
# record's header; MULRK also ends with its last column.
_VALUE_RECORDS = frozenset((0x00FD, 0x0203, 0x027E, 0x0205, 0x0204, 0x00D6, 0x0006, 0x00BD))
_DIMENSIONS = 0x0200
_BIFF8_ROWS, _BIFF8_COLUMNS = 65_536, 256


def check_xls(data: bytes) -> None:
    """Bound what calamine lays out for an .xls: a value in column IV of row 65536 makes it
    fill 16 million cells (1.2 GB, 5 s), so no value may lie past column AZ (rows are at most
    65,536 in the format); and calamine reserves room for the cells a sheet's DIMENSIONS record
    declares, so a damaged one (found by fuzzing: rows 0x2F4B2ADF…) aborts the process —
    declarations past the format's own limits make the file "damaged". Every record is
    walked (~0.1 s for 20,000 rows)."""
    if "EncryptedPackage".encode("utf-16-le") in data:  # a password-protected .xlsx, in OLE2
        raise _password()
    stream = _ole_stream(data, ("Workbook", "Book"))
    if stream is None:
        return  # no workbook stream: calamine refuses it by itself, quickly
    pos, end = 0, len(stream)
    while pos + 4 <= end:
        kind, size = int.from_bytes(stream[pos:pos + 2], "little"), int.from_bytes(stream[pos + 2:pos + 4], "little")
        body = stream[pos + 4:pos + 4 + size]
        if kind in _VALUE_RECORDS and len(body) >= 4:
            last = int.from_bytes(body[2:4], "little")
            if kind == 0x00BD and len(body) >= 6:
                last = max(last, int.from_bytes(body[-2:], "little"))
            if last >= MAX_COLUMNS:
                raise _too_big(columns=True)
        elif kind == _DIMENSIONS:
            if len(body) >= 14:  # BIFF8: first row, last row + 1 (4 bytes each), then columns (2 bytes)
                rows = int.from_bytes(body[0:4], "little"), int.from_bytes(body[4:8], "little")
                columns = int.from_bytes(body[8:10], "little"), int.from_bytes(body[10:12], "little")
            elif len(body) >= 8:  # BIFF5 and older: rows in 2 bytes
                rows = int.from_bytes(body[0:2], "little"), int.from_bytes(body[2:4], "little")
                columns = int.from_bytes(body[4:6], "little"), int.from_bytes(body[6:8], "little")
            else:
                raise _damaged()
            if not (rows[0] <= rows[1] <= _BIFF8_ROWS and columns[0] <= columns[1] <= _BIFF8_COLUMNS):
                raise _damaged()
        pos += 4 + size


def _ole_stream(data: bytes, names: tuple[str, ...]) -> bytes | None:
    """One stream of an OLE2 compound file, read by following its sector chain (the
    standard's [MS-CFB] §2); chains that loop or leave the file make it "damaged"."""
    if len(data) < 512:
        raise _damaged()
    u16 = lambda at: int.from_bytes(data[at:at + 2], "little")  # noqa: E731
    u32 = lambda at: int.from_bytes(data[at:at + 4], "little")  # noqa: E731
    shift, mini_shift = u16(0x1E), u16(0x20)
    if shift not in (9, 12) or mini_shift != 6:
        raise _damaged()
    size = 1 << shift
    sectors = (len(data) - size) // size + 1

    def sector(n: int) -> bytes:
        if n >= sectors:
            raise _damaged()
        return data[(n + 1) * size:(n + 2) * size]

    difat = [u32(0x4C + 4 * i) for i in range(109)]
    next_difat, seen = u32(0x44), 0
    while next_difat not in (_FREE, _END_OF_CHAIN):
        seen += 1
        if seen > sectors:
            raise _damaged()
        block = sector(next_difat)
        difat += [int.from_bytes(block[i:i + 4], "little") for i in range(0, size - 4, 4)]
        next_difat = int.from_bytes(block[size - 4:], "little")
    fat_bytes = b"".join(sector(n) for n in difat if n not in (_FREE, _END_OF_CHAIN))
    fat = memoryview(fat_bytes).cast("I") if len(fat_bytes) % 4 == 0 else None
    if fat is None:
        raise _damaged()

    def chain(start: int, table, limit: int) -> list[int]:
        out = []
        n = start
        while n not in (_FREE, _END_OF_CHAIN):
            if n >= len(table) or len(out) > limit:
                raise _damaged()
            out.append(n)
            n = table[n]
        return out

    directory = b"".join(sector(n) for n in chain(u32(0x30), fat, sectors))
    entries = [directory[i:i + 128] for i in range(0, len(directory) - 127, 128)]
    if not entries:
        raise _damaged()
    root = entries[0]
    for entry in entries:
        # calamine reserves memory for each stream's declared size (8 bytes; found by fuzzing).
        if entry[66] in (2, 5) and int.from_bytes(entry[120:128], "little") > len(data):
            raise _damaged()
    for entry in entries:
        length = min(int.from_bytes(entry[64:66], "little"), 64)
        name = entry[:max(length - 2, 0)].decode("utf-16-le", "replace")
        if entry[66] != 2 or name not in names:
            continue
        start, stream_size = int.from_bytes(entry[116:120], "little"), int.from_bytes(entry[120:124], "little")
        if stream_size > len(data):
            raise _damaged()
        if stream_size >= u32(0x38):  # a regular stream
            return b"".join(sector(n) for n in chain(start, fat, sectors))[:stream_size]
        # A small stream lives in the mini stream, in 64-byte pieces.
        mini_fat_bytes = b"".join(sector(n) for n in chain(u32(0x3C), fat, sectors))
        mini_fat = memoryview(mini_fat_bytes[:len(mini_fat_bytes) // 4 * 4]).cast("I")
        container = b"".join(sector(n) for n in chain(int.from_bytes(root[116:120], "little"), fat, sectors))
        pieces = chain(start, mini_fat, len(container) // 64 + 1)
        return b"".join(container[n * 64:(n + 1) * 64] for n in pieces)[:stream_size]
    return None
