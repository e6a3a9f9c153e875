"""The dues ledger as .xlsx (reopened with openpyxl, formula-safe), the publication's
content, bases from a payroll spreadsheet, the demo branch's year of dues, the command line."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.dues import DuesCategory
from core.members import Gender, MemberCategory, MemberRecord
from desktop.services import dues_files
from desktop.services.dues import BaseEntry, DuesRefused, PaymentRequest
from tests.helpers.spreadsheets import make_id, write_xlsx

Y = 2026


def add(ctx, name, born=date(1980, 5, 1), seq=1, **kw) -> int:
    values = dict(name=name, gender=Gender.MALE, joined_on=date(2005, 7, 1), category=MemberCategory.FULL,
                  full_member_on=date(2006, 7, 1), id_number=make_id(born, seq), dues_category=DuesCategory.IN_SERVICE,
                  dues_base_fen=510000)
    values.update(kw)
    return ctx.members.add(MemberRecord(**values))


# -- the ledger file -------------------------------------------------------------------------

def test_ledger_xlsx_reopens_with_the_figures_and_never_a_formula(ctx, tmp_path):
    a = add(ctx, "=HYPERLINK(\"http://x\",\"点我\")")
    b = add(ctx, "李强", date(1990, 1, 1), 2, dues_category=DuesCategory.RETIRED, dues_base_fen=600000)
    ctx.dues.record_payment(PaymentRequest(a, ((Y, 10), (Y, 11)), date(Y, 11, 2), receipt_no="+SUM(A1:A9)",
                                           paid_by="@cmd", note="-1+2"))
    ctx.dues.record_payment(PaymentRequest(b, ((Y, 5),), date(Y, 5, 6)))
    ctx.dues.record_remittance(date(Y, 11, 10), 10000, "SJ01", "=1+1")
    path = tmp_path / "台账.xlsx"
    assert dues_files.export_ledger(ctx, Y, path) == 2

    wb = load_workbook(path)
    assert wb.sheetnames == ["台账", "缴费明细", "上缴记录"] or len(wb.sheetnames) == 3
    ws = wb.worksheets[0]
    header = [c.value for c in ws[2]]
    assert header[:7] == ["序号", "姓名", "党小组", "党费类别", "月工资收入", "执行标准", "月应缴"] or header[1] == "Name"
    rows = {r[1].value: r for r in ws.iter_rows(min_row=3)}
    first = rows["=HYPERLINK(\"http://x\",\"点我\")"]
    assert first[1].data_type == "s"  # a string, never a formula
    assert Decimal(str(first[4].value)) == Decimal("5100") and Decimal(str(first[6].value)) == Decimal("76.5")
    assert [first[7 + m].value for m in range(12)][9:11] == [76.5, 76.5]
    li = rows["李强"]
    assert li[5].value in ("1%", "1%") and Decimal(str(li[6].value)) == Decimal("60")
    assert Decimal(str(li[20].value)) == Decimal("60")  # paid for the year
    total = ws.cell(ws.max_row, 1).value
    assert total in ("合计", "Total")
    assert Decimal(str(ws.cell(ws.max_row, 21).value)) == Decimal("213")  # 153 + 60
    # Every sheet: text that looks like a formula is stored as text.
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    pay = wb.worksheets[1]
    texts = {c.value for row in pay.iter_rows() for c in row}
    assert "+SUM(A1:A9)" in texts and "@cmd" in texts
    rem = wb.worksheets[2]
    assert "=1+1" in {c.value for row in rem.iter_rows() for c in row}


def test_ledger_export_refuses_other_formats_and_leaves_nothing_behind(ctx, tmp_path):
    with pytest.raises(dues_files.DuesExportFailed):
        dues_files.export_ledger(ctx, Y, tmp_path / "台账.csv")
    with pytest.raises(dues_files.DuesExportFailed):
        dues_files.export_ledger(ctx, Y, tmp_path / "missing" / "台账.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["branch"]  # no file, no temporary left


def test_publication_lists_standards_and_money_without_wages(ctx):
    a = add(ctx, "张丽")
    ctx.dues.record_payment(PaymentRequest(a, ((Y, 11),), date(Y, 11, 2)))
    pub = dues_files.publication(ctx, Y)
    (row,) = pub.rows
    assert (row.name, row.monthly, row.paid) == ("张丽", "76.50", "76.50")
    assert "5100" not in " ".join(vars(row).__str__() for _ in [0])  # the wage is not published
    assert pub.money.received == 7650 and pub.members == 1


# -- bases from a payroll ----------------------------------------------------------------------

def test_payroll_import_by_id_number_and_by_name(ctx, tmp_path):
    a = add(ctx, "张丽", date(1980, 5, 1), 1)
    b = add(ctx, "李强", date(1985, 2, 2), 2)
    c = add(ctx, "王芳", date(1950, 3, 3), 3, dues_category=DuesCategory.RETIRED, dues_base_fen=300000)
    add(ctx, "赵敏", date(1990, 4, 4), 4, dues_category=DuesCategory.STUDENT, dues_base_fen=None)
    add(ctx, "同名", date(1970, 1, 1), 5)
    add(ctx, "同名", date(1971, 1, 1), 6)
    path = write_xlsx(tmp_path / "工资表.xlsx", [
        ["2026年1月工资表"],
        ["序号", "姓名", "身份证号", "月工资", "个人所得税", "养老金"],
        [1, "张丽", make_id(date(1980, 5, 1), 1), 6000, 90, None],
        [2, "李强", "", 12000, 1000.5, None],                        # by name
        [3, "王芳", make_id(date(1950, 3, 3), 3), None, None, 5200],  # retired: the pension
        [4, "赵敏", make_id(date(1990, 4, 4), 4), 3000, 0, None],     # student: skipped
        [5, "同名", "", 5000, 0, None],                               # ambiguous
        [6, "陌生人", make_id(date(1999, 9, 9), 7), 5000, 0, None],  # not on the roll
        [7, "张丽", make_id(date(1980, 5, 1), 1), 6100, 90, None],   # twice
        [8, "李强", "", "五千", 0, None],                             # not money (and twice)
        ["合计", None, None, 41100, None, None],
    ], sheet="工资", text_columns=[2])
    plan = dues_files.read_base_plan(ctx, path, Y, 1)
    got = {r.name: (r.base_fen, r.monthly_fen, r.category) for r in plan.rows}
    assert got == {
        "张丽": (591000, 8865, "in_service"),      # 6000 − 90 = 5910 → 1.5% = 88.65
        "李强": (1099950, 21999, "in_service"),    # 12000 − 1000.50 = 10999.50 → 2% = 219.99
        "王芳": (520000, 5200, "retired"),         # pension 5200 → 1% = 52.00
    }
    problems = {p.row: p.message for p in plan.rejected}
    assert set(problems) == {7, 8, 9, 10}
    assert [p.row for p in plan.skipped] == [6]
    assert plan.header_row == 2
    assert dues_files.commit_base_plan(ctx, plan) == 3
    ledger = ctx.dues.ledger(Y)
    assert ledger.row_of(a).due[0] == 8865 and ledger.row_of(b).due[0] == 21999 and ledger.row_of(c).due[0] == 5200
    history = ctx.dues.base_history(a, Y)
    assert history[-1].source == "import" and "工资表.xlsx" in history[-1].note


def test_payroll_without_a_wage_column_is_refused(ctx, tmp_path):
    add(ctx, "张丽")
    path = write_xlsx(tmp_path / "名单.xlsx", [["序号", "姓名", "身份证号"], [1, "张丽", make_id(date(1980, 5, 1), 1)]])
    with pytest.raises(DuesRefused, match="缴费基数"):
        dues_files.read_base_plan(ctx, path, Y)
    with pytest.raises(DuesRefused):
        dues_files.commit_base_plan(ctx, dues_files.BaseImportPlan(path, "", 1, Y, 1, []))


def test_after_tax_column_and_a_counted_deduction(ctx, tmp_path):
    from core.dues import Deduction
    a = add(ctx, "张丽")
    ctx.dues.set_deductions([Deduction.INCOME_TAX, Deduction.HOUSING_FUND])
    path = write_xlsx(tmp_path / "工资.xlsx", [["姓名", "身份证号", "税后工资", "住房公积金"],
                                               ["张丽", make_id(date(1980, 5, 1), 1), 5600, 500]], text_columns=[1])
    plan = dues_files.read_base_plan(ctx, path, Y, 7)
    (r,) = plan.rows
    assert r.base_fen == 510000 and r.monthly_fen == 7650 and not r.warnings
    dues_files.commit_base_plan(ctx, plan)
    assert ctx.dues.ledger(Y).row_of(a).due[6] == 7650 and ctx.dues.ledger(Y).row_of(a).from_roster


# -- the demo ---------------------------------------------------------------------------------

def test_demo_branch_has_a_year_of_plausible_dues(ctx):
    from desktop.services.demo import create_demo_branch
    from desktop.services.reminders import home_reminders
    started = time.perf_counter()
    create_demo_branch(ctx)
    assert time.perf_counter() - started < 3  # well under a second on a desk PC; CI machines vary
    ledger = ctx.dues.ledger(Y)
    flags = sorted(r.flag for r in ledger.rows if r.flag)
    assert flags == ["alert", "warning"]
    assert sum(1 for r in ledger.rows if r.paid_total) >= 30
    assert any(r.shortfall for r in ledger.rows)                     # prepaid, then the base rose
    payments = ctx.dues.payments()
    assert any(p.reverses_id for p in payments)                      # a reversal
    assert any(p.paid_by for p in payments)                          # 代缴
    assert any(any((y, m) > (Y, 11) for y, m in p.months) for p in payments)  # a prepayment
    remitted = ctx.dues.remittances()
    assert len(remitted) >= 3 and ctx.dues.held() >= 0
    money = ctx.dues.money(Y)
    assert money.closing == money.opening + money.received - money.remitted
    r = home_reminders(ctx)
    assert [a.flag for a in r.dues.arrears] == ["alert", "warning"]
    assert sum(r.dues.paid_by_month) > 0.8 * sum(r.dues.due_by_month[:11])


# -- the command line -------------------------------------------------------------------------

def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_dues_calc_json_is_exact(tmp_path):
    out = _cli("dues", "calc", "--category", "in_service", "--base", "5100", "--json", "--data-dir", str(tmp_path / "none"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == '{"category": "in_service", "base": "5100.00", "rate": "0.015", "monthly": "76.50"}'
    assert json.loads(out.stdout) == {"category": "in_service", "base": "5100.00", "rate": "0.015", "monthly": "76.50"}
    assert not (tmp_path / "none").exists()  # nothing created for a calculation
    out = _cli("dues", "calc", "--category", "farmer", "--base", "9000", "--json")
    assert json.loads(out.stdout) == {"category": "farmer", "base": None, "rate": None, "monthly": "0.20"}
    out = _cli("dues", "calc", "--category", "retired", "--base", "4800", "--json")
    assert json.loads(out.stdout)["monthly"] == "24.00"
    out = _cli("dues", "calc", "--category", "annual_salary", "--base", "245,000")
    assert out.returncode == 0 and "4900.00" in out.stdout


@pytest.mark.parametrize("base,words", [("-5", ("negative", "负")), ("abc", ("abc",)), ("NaN", ("NaN",)),
                                        ("3000.001", ("fen", "分"))])
def test_cli_dues_calc_refuses_a_bad_base_with_exit_2(base, words):
    out = _cli("dues", "calc", "--category", "in_service", "--base", base, "--json")
    assert out.returncode == 2
    assert out.stdout == ""
    assert any(w in out.stderr for w in words), out.stderr
    assert "Traceback" not in out.stderr


def test_cli_dues_calc_other_refusals():
    assert _cli("dues", "calc", "--category", "in_service").returncode == 2           # no base
    assert _cli("dues", "calc", "--category", "reduced", "--base", "1").returncode == 2
    assert _cli("dues", "calc", "--category", "nope", "--base", "1").returncode == 2


def test_cli_dues_calc_follows_the_branchs_rounding(ctx, data_dir):
    from core.dues import Rounding
    ctx.dues.set_rounding(Rounding.YUAN_UP)
    ctx.dues.set_farmer_monthly("1.00")
    out = _cli("dues", "calc", "--category", "in_service", "--base", "5100", "--json", "--data-dir", str(data_dir))
    assert json.loads(out.stdout)["monthly"] == "77.00"
    out = _cli("dues", "calc", "--category", "farmer", "--json", "--data-dir", str(data_dir))
    assert json.loads(out.stdout)["monthly"] == "1.00"


def test_cli_dues_ledger_export(ctx, data_dir, tmp_path):
    a = add(ctx, "张丽")
    ctx.dues.set_base(BaseEntry(a, Y, 1, DuesCategory.IN_SERVICE, 510000))
    ctx.close()
    target = tmp_path / "ledger.xlsx"
    out = _cli("dues", "ledger", "--year", "2026", "--export", str(target), "--json", "--data-dir", str(data_dir))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["members"] == 1 and target.exists()
    out = _cli("dues", "ledger", "--year", "2026", "--export", str(tmp_path / "x.csv"), "--data-dir", str(data_dir))
    assert out.returncode == 2 and ".xlsx" in out.stderr


def test_dues_calc_needs_no_sqlalchemy_and_knows_the_branch_file():
    """`dues calc` stays quick: the settings reader imports nothing heavy, and it looks for the
    file the branch database really is."""
    from db.engine import DB_FILENAME
    from desktop.services import dues_config
    assert dues_config.DB_FILENAME == DB_FILENAME
    code = ("import sys; from desktop.cli import main; "
            "main(['dues', 'calc', '--category', 'retired', '--base', '6000', '--json']); "
            "print('sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.splitlines() == ['{"category": "retired", "base": "6000.00", "rate": "0.01", "monthly": "60.00"}',
                                       "False"], out.stderr
