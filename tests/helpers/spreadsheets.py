"""Roster files made the way secretaries' tools make them: openpyxl (as Excel writes .xlsx),
xlwt (legacy .xls), CSV in the encodings Chinese Excel and WPS use, and LibreOffice
converting between them (a real second implementation of every format)."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from core.idnumber import check_digit

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def make_id(born: date, seq: int = 1, *, male: bool = True, region: str = "110105") -> str:
    """A real ID number (valid check digit, GB 11643) for that birth date and gender."""
    seq = (seq % 50) * 2 + (1 if male else 0)  # the 17th digit is odd for men
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, sheet: str = "花名册",
               merges: Iterable[str] = (), before: Sequence[tuple[str, Sequence[Sequence[object]]]] = (),
               text_columns: Iterable[int] = ()) -> Path:
    """``rows`` from A1; ``merges`` like "A1:H1"; ``before``: sheets placed ahead of it.
    Columns in ``text_columns`` (0-based) get the text format "@" as a careful secretary sets
    for ID numbers."""
    from openpyxl import Workbook
    wb = Workbook()
    wb.remove(wb.active)
    for name, other in before:
        ws = wb.create_sheet(name)
        for r in other:
            ws.append(list(r))
    ws = wb.create_sheet(sheet)
    for r in rows:
        ws.append(list(r))
    for ref in merges:
        ws.merge_cells(ref)
    text_columns = set(text_columns)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, (date, datetime)):
                cell.number_format = "yyyy-mm-dd"
            elif cell.column - 1 in text_columns and isinstance(cell.value, str):
                cell.number_format = "@"
    wb.save(path)
    return path


def write_xls(path: Path, rows: Sequence[Sequence[object]], *, sheet: str = "花名册",
              merges: Iterable[tuple[int, int, int, int]] = ()) -> Path:
    """Legacy .xls with xlwt; ``merges`` as (first row, last row, first col, last col), 0-based.
    Merged cells are written by write_merge, as Excel stores them."""
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(sheet)
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    merged = {(r0, c0): (r1, c1) for r0, r1, c0, c1 in merges}
    covered = {(r, c) for (r0, c0), (r1, c1) in merged.items()
               for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in merged:
                r1, c1 = merged[(r, c)]
                ws.write_merge(r, r1, c, c1, value)
            elif (r, c) in covered or value is None:
                continue
            elif isinstance(value, (date, datetime)):
                ws.write(r, c, value, date_style)
            else:
                ws.write(r, c, value)
    wb.save(str(path))
    return path


def write_csv(path: Path, rows: Sequence[Sequence[object]], *, encoding: str = "utf-8-sig",
              delimiter: str = ",") -> Path:
    """As Excel/WPS save "CSV": dates as they were shown, numbers as typed."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, (date, datetime)) else v for v in row])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def soffice_convert(sources: Sequence[Path], target: str, outdir: Path, profile: Path) -> list[Path]:
    """Convert several files in one LibreOffice run (each start costs seconds). ``target`` is
    an extension or a filter ("csv:Text - txt - csv (StarCalc):44,34,76"). ``profile`` is a
    folder of its own, so that parallel runs and the user's LibreOffice do not collide."""
    if SOFFICE is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, HOME=str(profile))  # LibreOffice also writes under $HOME
    proc = subprocess.run(
        [SOFFICE, "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", target, "--outdir", str(outdir), *map(str, sources)],
        capture_output=True, text=True, timeout=180, env=env)
    extension = target.split(":")[0]
    results = [outdir / f"{Path(s).stem}.{extension}" for s in sources]
    missing = [p.name for p in results if not p.exists()]
    if missing:
        raise RuntimeError(f"soffice did not write {missing}: {proc.stdout}\n{proc.stderr}")
    return results
