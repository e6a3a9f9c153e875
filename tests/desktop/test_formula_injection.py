"""Formula injection (OWASP "CSV injection"; issue 8) in every spreadsheet BranchDesk writes:
text a member, a payer or a secretary typed that starts like a formula stays text — opened
with openpyxl (no cell is a formula, the text is there as typed) and opened by a second
implementation, LibreOffice, converting every sheet to CSV (the cell shows the text, not a
computed value). The exports: the roster (exporter.export_roster), the dues ledger with its
payments and remittances (dues_files.export_ledger) and the attendance statistics
(signin_stats.export_stats). BranchDesk writes no CSV files.
"""
from __future__ import annotations

import csv
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.dues import DuesCategory
from core.members import Gender, MemberCategory, MemberRecord
from desktop.services import dues_files, exporter, signin_stats
from desktop.services.dues import PaymentRequest
from tests.helpers.signin import add_meeting, at
from tests.helpers.spreadsheets import SOFFICE, make_id

PAYLOADS = [
    '=HYPERLINK("http://192.0.2.1/x","点我")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "=cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=2+2",
    "=1+1",
]
Y = 2026


def _normal(text: str) -> str:
    # XML keeps no bare CR: a cell's "\r" reads back as "\n" from any .xlsx (Excel's too); and
    # some fields are stored stripped ("\t=1+1" → "=1+1"), still a formula's start.
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


@pytest.fixture
def hostile_branch(ctx):
    """Every free-text field that reaches an export holds one of the payloads."""
    ctx.members.set_branch_name("=HYPERLINK(\"http://192.0.2.1\",\"支部\")")
    ids = []
    for n, payload in enumerate(PAYLOADS):
        born = date(1960 + n, 3, 15)
        ids.append(ctx.members.add(MemberRecord(
            name=payload if n % 2 == 0 else f"张伟{n}", gender=Gender.MALE, joined_on=date(2000, 7, 1),
            category=MemberCategory.FULL, full_member_on=date(2001, 7, 1), id_number=make_id(born, n),
            post=payload, address=payload, note=payload, group=f"{payload}组" if n % 3 == 0 else payload,
            mobile=True, mobile_destination=payload, ethnicity="汉族",
            dues_category=DuesCategory.IN_SERVICE, dues_base_fen=510000)))
        ctx.dues.record_payment(PaymentRequest(ids[-1], ((Y, 1 + n),), date(Y, 1 + n, 2), receipt_no=payload,
                                               paid_by=payload, note=payload))
        ctx.dues.record_remittance(date(Y, 1 + n, 10), 100, payload, payload, payload)
    from desktop.services.signin import SigninService
    signin = SigninService.of(ctx)
    for n, payload in enumerate(PAYLOADS[:3]):
        meeting = add_meeting(signin.meetings, title=payload)
        ctx.clock.at = at(-5)
        signin.scan(meeting, signin.payload_of(ids[n]), at=at(3))
        signin.close(meeting)
    return ids


def _cells(path: Path) -> list[tuple[str, object, str]]:
    wb = load_workbook(path)
    return [(ws.title, c.value, c.data_type) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def _shown_by_libreoffice(path: Path, tmp_path: Path) -> set[str]:
    """Every sheet's cells as LibreOffice shows them, through its CSV export (sheet -1: each
    sheet to a file of its own, "<name>-<sheet>.csv")."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    out, profile = tmp_path / "csv", tmp_path / "profile"
    subprocess.run([SOFFICE, "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(out), str(path)],
                   capture_output=True, timeout=180, env=dict(os.environ, HOME=str(profile)), check=True)
    shown = set()
    files = sorted(out.glob("*.csv"))
    assert len(files) == len(load_workbook(path).sheetnames)
    for sheet_csv in files:
        with sheet_csv.open(encoding="utf-8", newline="") as f:
            shown |= {cell for row in csv.reader(f) for cell in row}
    return shown


def _check(path: Path, tmp_path: Path, expected: list[str]) -> None:
    cells = _cells(path)
    formulas = [(sheet, value) for sheet, value, kind in cells if kind == "f"]
    assert formulas == []
    texts = {_normal(v) for _, v, kind in cells if isinstance(v, str)}
    for payload in expected:
        assert _normal(payload) in texts or any(_normal(payload) in t for t in texts), payload
    shown = {_normal(s) for s in _shown_by_libreoffice(path, tmp_path)}
    for payload in expected:
        # Shown as typed, somewhere: never "2", "1", a link or "#NAME?" in its place.
        assert any(_normal(payload) in s for s in shown), (payload, sorted(shown)[:40])
    assert not {"#NAME?", "Err:508", "#VALUE!"} & shown


def test_the_roster(ctx, hostile_branch, tmp_path):
    path = tmp_path / "roster.xlsx"
    exporter.export_roster(ctx, path, unmasked=True)
    _check(path, tmp_path, PAYLOADS)


def test_the_dues_ledger_payments_and_remittances(ctx, hostile_branch, tmp_path):
    path = tmp_path / "ledger.xlsx"
    dues_files.export_ledger(ctx, Y, path)
    _check(path, tmp_path, PAYLOADS)


def test_the_attendance_statistics(ctx, hostile_branch, tmp_path):
    path = tmp_path / "stats.xlsx"
    signin_stats.export_stats(ctx, path)
    _check(path, tmp_path, PAYLOADS[:3])
