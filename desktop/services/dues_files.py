"""Dues on paper and in spreadsheets: the year ledger as .xlsx (党费台账), the yearly
publication's content (公示), and the bases read from a payroll spreadsheet.

The .xlsx is written like the roster export (desktop/services/exporter.py): openpyxl in
write-only mode, every text a member or the secretary typed written as a string cell that a
spreadsheet never evaluates, and the file moved into place only once it is whole.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from core.dues import RATE_CATEGORIES, Deduction, DuesCategory, DuesRuleError, base_from_pay, monthly_amount
from core.dues_months import ArrearsFlag
from core.headers import header_key
from core.i18n import translate
from core.members import RollStatus
from core.text import clean, clean_name
from core.values import ValueProblem, parse_money_fen
from db.models import Member
from db.personal import lookup_hash
from desktop.services.dues import (SOURCE_IMPORT, BaseEntry, DuesRefused, MoneySummary, fen_text, method_label,
                                   problem_text)
from desktop.services.dues_ledger import Ledger, LedgerRow
from desktop.services.errors import KnownError
from desktop.services.spreadsheet_out import display_width, safe_text, save_atomically
from desktop.services.sheet_reader import read_table

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
_WRAP = Alignment(wrap_text=True, vertical="top")


class DuesExportFailed(KnownError):
    pass


# -- what a row says -----------------------------------------------------------------------

def standard_text(row: LedgerRow) -> str:
    """执行标准: the rate, the fixed amount, or the approval."""
    if not row.category:
        return ""
    category = DuesCategory(row.category)
    if row.rate is not None:
        percent = (row.rate * 100).normalize()
        return f"{percent:f}%"
    if category is DuesCategory.EXEMPT:
        return translate("dues_files", "Exempt (approved)")
    if category is DuesCategory.REDUCED:
        return translate("dues_files", "Reduced (approved)")
    return translate("dues_files", "Fixed amount")


def note_text(row: LedgerRow) -> str:
    """备注: what the secretary should know about a row, in order of importance."""
    notes = []
    if row.problem:
        notes.append(problem_text(row.problem))
    if row.flag == ArrearsFlag.ALERT.value:
        notes.append(translate("dues_files", "{n} months unpaid in a row: regarded as having left the Party unless there is proper reason (branch meeting to decide)").format(n=row.streak))
    elif row.flag == ArrearsFlag.WARNING.value:
        notes.append(translate("dues_files", "{n} months unpaid in a row").format(n=row.streak))
    if row.shortfall:
        notes.append(translate("dues_files", "{amount} yuan still due on prepaid months after the base rose").format(amount=fen_text(row.shortfall)))
    if row.category and DuesCategory(row.category) in (DuesCategory.REDUCED, DuesCategory.EXEMPT) and row.approved_by:
        notes.append(translate("dues_files", "Approved by {body} on {date}").format(
            body=row.approved_by, date=row.approved_on.isoformat() if row.approved_on else ""))
    if row.base_changes:
        notes.append(translate("dues_files", "Base changed during the year"))
    if row.roll_status != RollStatus.ACTIVE.value:
        notes.append(RollStatus(row.roll_status).label)
    return translate("dues_files", "; ").join(notes)


# -- the ledger as .xlsx --------------------------------------------------------------------

def _cell(ws, value: object, money: bool = False) -> object:
    if isinstance(value, str):
        return safe_text(ws, value)
    if money and value is not None:
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "0.00"
        return cell
    return value


def _yuan(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(fen) / 100


def ledger_titles() -> list[str]:
    return ([translate("dues_files", "No."), translate("dues_files", "Name"), translate("dues_files", "Party group"),
             translate("dues_files", "Dues category"), translate("dues_files", "Monthly wage income"),
             translate("dues_files", "Standard"), translate("dues_files", "Monthly dues")]
            + [translate("dues_files", "Month {n}").format(n=n) for n in range(1, 13)]
            + [translate("dues_files", "Due for the year"), translate("dues_files", "Paid for the year"),
               translate("dues_files", "Months unpaid"), translate("dues_files", "Note")])


_MONEY_COLUMNS = frozenset({4, 6, *range(7, 19), 19, 20})


def _sheet(wb: Workbook, title: str, heading: str, titles: list[str], rows: list[list[object]], money: frozenset[int]) -> None:
    ws = wb.create_sheet(title)
    # Printed as secretaries print a 台账: landscape, every column on the page's width, the
    # title and header rows repeated on each page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4 (openpyxl Worksheet.PAPERSIZE_A4)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:2"
    for i, t in enumerate(titles):
        widest = max([display_width(t)] + [display_width(fen_text(int(v * 100)) if isinstance(v, Decimal) else str(v if v is not None else ""))
                                    for v in (r[i] for r in rows[:2000])])
        # The last column (备注) wraps instead of widening the printed page.
        ws.column_dimensions[get_column_letter(i + 1)].width = min(max(widest + 2, 6), 32 if i == len(titles) - 1 else 40)
    ws.freeze_panes = "C3"
    ws.append([_cell(ws, heading)])
    ws.append([_cell(ws, t) for t in titles])
    last = len(titles) - 1
    for r in rows:
        values = [_cell(ws, v, i in money) for i, v in enumerate(r)]
        if isinstance(values[last], str) and len(values[last]) > 16:
            cell = WriteOnlyCell(ws, value=values[last])
            cell.alignment = _WRAP
            values[last] = cell
        ws.append(values)


def ledger_rows(ledger: Ledger) -> list[list[object]]:
    rows: list[list[object]] = []
    for n, r in enumerate(ledger.rows, start=1):
        category = DuesCategory(r.category).label if r.category else ""
        base = _yuan(r.base_fen) if r.category and DuesCategory(r.category) in RATE_CATEGORIES else None
        rows.append([n, r.name, r.group, category, base, standard_text(r), _yuan(r.monthly_fen)]
                    + [_yuan(p) if p else None for p in r.paid]
                    + [_yuan(r.due_total), _yuan(r.paid_total), r.unpaid_months or None, note_text(r)])
    total = [translate("dues_files", "Total"), None, None, None, None, None, None]
    total += [_yuan(p) for p in ledger.paid_by_month]
    total += [_yuan(ledger.due_total), _yuan(ledger.paid_total), None, None]
    rows.append(total)
    return rows


def export_ledger(ctx, year: int, path: Path, progress: Progress | None = None) -> int:
    """The year's ledger (台账), its payments and the remittances as one .xlsx; returns how
    many members it lists. Written aside and moved into place: whole or not at all."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise DuesExportFailed(translate("dues_files", "The ledger is exported as an .xlsx file; choose a name ending in .xlsx"))
    ledger = ctx.dues.ledger(year)
    if progress:
        progress(1, 3)
    payments = ctx.dues.payments(year)
    remittances = ctx.dues.remittances(year)
    money = ctx.dues.money(year)
    branch = ctx.members.branch_name()
    pay_titles = [translate("dues_files", "Date"), translate("dues_files", "Name"), translate("dues_files", "Months"),
                  translate("dues_files", "Amount"), translate("dues_files", "Method"), translate("dues_files", "Receipt no."),
                  translate("dues_files", "Paid by"), translate("dues_files", "Note")]
    pay_rows = []
    for p in payments:
        note = p.note
        if p.reverses_id:
            note = translate("dues_files", "Reverses entry {id}: {reason}").format(id=p.reverses_id, reason=p.note)
        elif p.kind == "voluntary":
            note = translate("dues_files", "Voluntary extra") + (translate("dues_files", "; ") + p.note if p.note else "")
        pay_rows.append([p.paid_on, p.name, p.months_text, _yuan(p.amount_fen), method_label(p.method), p.receipt_no,
                         p.paid_by, note])
    rem_titles = [translate("dues_files", "Date"), translate("dues_files", "Amount"), translate("dues_files", "Handed to"),
                  translate("dues_files", "Receipt no."), translate("dues_files", "Note")]
    rem_rows = [[r.remitted_on, _yuan(r.amount_fen), r.recipient, r.receipt_no,
                 translate("dues_files", "Reverses entry {id}: {reason}").format(id=r.reverses_id, reason=r.note) if r.reverses_id else r.note]
                for r in remittances]
    rem_rows += [[translate("dues_files", "Held at the start of the year"), _yuan(money.opening), None, None, None],
                 [translate("dues_files", "Received in the year"), _yuan(money.received), None, None, None],
                 [translate("dues_files", "Handed up in the year"), _yuan(money.remitted), None, None, None],
                 [translate("dues_files", "Held at the end of the year"), _yuan(money.closing), None, None, None]]

    def workbook() -> Workbook:
        # Made only once the file can be written: write-only sheets hold open generators.
        wb = Workbook(write_only=True)
        _sheet(wb, translate("dues_files", "Ledger"),
               translate("dues_files", "{branch}: Party dues ledger {year} (as of {date})").format(branch=branch, year=year, date=ctx.clock.today().isoformat()),
               ledger_titles(), ledger_rows(ledger), _MONEY_COLUMNS)
        _sheet(wb, translate("dues_files", "Payments"), translate("dues_files", "{branch}: dues received in {year}").format(branch=branch, year=year),
               pay_titles, pay_rows, frozenset({3}))
        _sheet(wb, translate("dues_files", "Remittances"), translate("dues_files", "{branch}: dues handed up in {year}").format(branch=branch, year=year),
               rem_titles, rem_rows, frozenset({1}))
        return wb

    if progress:
        progress(2, 3)
    save_atomically(path, workbook, DuesExportFailed)
    if progress:
        progress(3, 3)
    log.info("dues ledger %s exported: %d members", year, len(ledger.rows))
    return len(ledger.rows)


# -- the yearly publication (公示) ------------------------------------------------------------

@dataclass(frozen=True)
class PublicationRow:
    seq: int
    name: str
    category: str
    standard: str
    monthly: str
    due: str
    paid: str
    note: str


@dataclass(frozen=True)
class Publication:
    branch: str
    year: int
    made_on: date
    rows: list[PublicationRow]
    due_total: str
    paid_total: str
    members: int
    fully_paid: int
    money: MoneySummary


def publication(ctx, year: int) -> Publication:
    """What the branch publishes once a year (DOMAIN §1, Base recalculation): each member's
    standard and what they paid, and what the branch received and handed up. Wages are
    left out: the standard and the amounts say what the members need to check."""
    ledger = ctx.dues.ledger(year)
    rows = []
    fully = 0
    for n, r in enumerate(ledger.rows, start=1):
        notes = []
        if r.unpaid_months:
            notes.append(translate("dues_files", "{n} months unpaid").format(n=r.unpaid_months))
        if r.shortfall:
            notes.append(translate("dues_files", "{amount} yuan still due").format(amount=fen_text(r.shortfall)))
        if r.roll_status != RollStatus.ACTIVE.value:
            notes.append(RollStatus(r.roll_status).label)
        if not r.unpaid_months and not r.shortfall:
            fully += 1
        rows.append(PublicationRow(n, r.name, DuesCategory(r.category).label if r.category else "", standard_text(r),
                                   fen_text(r.monthly_fen), fen_text(r.due_total), fen_text(r.paid_total),
                                   translate("dues_files", "; ").join(notes)))
    return Publication(ctx.members.branch_name(), year, ctx.clock.today(), rows, fen_text(ledger.due_total),
                       fen_text(ledger.paid_total), len(rows), fully, ctx.dues.money(year))


# -- bases from a payroll spreadsheet ---------------------------------------------------------

# The payroll's columns, by what the header says (header_key removes decorations).
PAY_COLUMNS: dict[str, tuple[str, ...]] = {
    "base": ("缴费基数", "党费基数", "党费计算基数", "月缴费基数"),
    "after_tax": ("税后工资", "税后收入", "税后月工资", "税后工资收入", "月工资收入"),
    "gross": ("月工资", "应发工资", "应发合计", "工资总额", "月收入", "工资"),
    "pension": ("养老金", "退休金", "离退休费", "退休费", "月养老金"),
    Deduction.INCOME_TAX.value: ("个人所得税", "个税", "代扣个税", "所得税"),
    Deduction.PENSION_INSURANCE.value: ("养老保险", "个人养老保险", "养老保险个人"),
    Deduction.MEDICAL_INSURANCE.value: ("医疗保险", "个人医疗保险", "医疗保险个人"),
    Deduction.UNEMPLOYMENT_INSURANCE.value: ("失业保险", "个人失业保险", "失业保险个人"),
    Deduction.HOUSING_FUND.value: ("住房公积金", "公积金", "个人公积金"),
}


@dataclass(frozen=True)
class BaseImportRow:
    row: int               # 1-based, as the spreadsheet shows it
    member_id: int
    name: str
    category: str          # DuesCategory value used
    base_fen: int
    monthly_fen: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class BaseImportProblem:
    row: int
    name: str
    message: str


@dataclass
class BaseImportPlan:
    source: Path
    sheet: str
    header_row: int
    year: int
    from_month: int
    columns: list[str]                      # the headers used, as written in the file
    rows: list[BaseImportRow] = field(default_factory=list)
    rejected: list[BaseImportProblem] = field(default_factory=list)
    skipped: list[BaseImportProblem] = field(default_factory=list)


def _pay_columns(header: list[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    keys = [header_key(c) for c in header]
    for name, words in PAY_COLUMNS.items():
        for word in words:  # the first word listed is preferred, and an exact header wins
            index = next((i for i, k in enumerate(keys) if k == word), None)
            if index is not None and index not in found.values():
                found[name] = index
                break
    return found


def read_base_plan(ctx, path: Path, year: int, from_month: int = 1, progress: Progress | None = None) -> BaseImportPlan:
    """Read a payroll spreadsheet (月工资 / 税后工资 / 养老金 / 缴费基数 columns, rows keyed by
    ID number or name) into bases for ``year`` from ``from_month``; nothing is written."""
    path = Path(path)
    table = read_table(path)  # the roster import's reader: same formats, same messages
    header = table.rows[table.header_index]
    pay = _pay_columns(header)
    if not {"base", "after_tax", "gross", "pension"} & set(pay):
        raise DuesRefused(translate("dues_files", "No wage column found in “{name}”: the header row needs one of 缴费基数, 税后工资, 月工资 or 养老金").format(name=path.name))
    name_col = table.mapping["name"]
    id_col = table.mapping.get("id_number")
    config = ctx.dues.config()
    secret = ctx.members.secret
    ledger = ctx.dues.ledger(year)
    current = {r.member_id: r for r in ledger.rows}
    with ctx.db.session() as s:
        members = s.execute(select(Member.id, Member.name, Member.id_hash, Member.dues_category)
                            .where(Member.roll_status == RollStatus.ACTIVE.value)).all()
    by_hash = {h: (mid, name, cat) for mid, name, h, cat in members if h}
    by_name: dict[str, list[tuple[int, str, str | None]]] = {}
    for mid, name, h, cat in members:
        by_name.setdefault(name, []).append((mid, name, cat))
    used = [clean(header[i]) for i in sorted([name_col] + ([id_col] if id_col is not None else []) + list(pay.values()))]
    plan = BaseImportPlan(path, table.sheet, table.header_index + 1, year, from_month, used)
    data = table.rows[table.data_start:]
    seen: dict[int, int] = {}
    deductions_counted = config.deductions

    def money(row, key) -> Decimal | None:
        if key not in pay:
            return None
        fen = parse_money_fen(row[pay[key]])
        return None if fen is None else Decimal(fen) / 100

    for i, row in enumerate(data):
        if progress and (i + 1) % 200 == 0:
            progress(i + 1, len(data))
        row_no = table.data_start + i + 1
        name = clean_name(row[name_col]) if isinstance(row[name_col], str) else clean(row[name_col])
        number = clean(row[id_col]).upper() if id_col is not None else ""
        if not name and not number:
            continue
        if name.replace(" ", "").startswith(("合计", "总计", "小计")):
            continue
        if number:
            found = by_hash.get(lookup_hash(secret, number))
            if found is None:
                plan.rejected.append(BaseImportProblem(row_no, name, translate("dues_files", "No member on the roll has this ID number")))
                continue
        else:
            candidates = by_name.get(name, [])
            if not candidates:
                plan.rejected.append(BaseImportProblem(row_no, name, translate("dues_files", "No member on the roll has this name")))
                continue
            if len(candidates) > 1:
                plan.rejected.append(BaseImportProblem(row_no, name, translate("dues_files", "Several members have this name: add a column with the ID numbers")))
                continue
            found = candidates[0]
        mid, member_name, roster_category = found
        if mid in seen:
            plan.rejected.append(BaseImportProblem(row_no, member_name, translate("dues_files", "The same member as row {row}").format(row=seen[mid])))
            continue
        seen[mid] = row_no
        existing = current.get(mid)
        category_value = (existing.category if existing and existing.category else roster_category) or ""
        warnings = []
        try:
            base_given = money(row, "base")
            pension = money(row, "pension")
            after_tax = money(row, "after_tax")
            gross = money(row, "gross")
            deductions = {Deduction(k): v for k in (d.value for d in Deduction) if (v := money(row, k)) is not None}
        except ValueProblem as err:
            plan.rejected.append(BaseImportProblem(row_no, member_name, str(err)))
            continue
        if not category_value:
            category_value = (DuesCategory.RETIRED if pension is not None and gross is None and after_tax is None
                              else DuesCategory.IN_SERVICE).value
            warnings.append(translate("dues_files", "No dues category on the roster: taken as {category}").format(
                category=DuesCategory(category_value).label))
        category = DuesCategory(category_value)
        if category not in RATE_CATEGORIES:
            plan.skipped.append(BaseImportProblem(row_no, member_name, translate("dues_files", "{category}: the amount does not depend on the wage").format(
                category=category.label)))
            continue
        try:
            if base_given is not None:
                base = base_given
            elif category is DuesCategory.RETIRED and pension is not None:
                base = pension  # 第五条: the pension actually received
            elif after_tax is not None or gross is not None:
                base, missing = base_from_pay(gross=gross, after_tax=after_tax, deductions=deductions, counted=deductions_counted)
                if missing:
                    warnings.append(translate("dues_files", "No column for {items}: the base may be too high").format(
                        items=translate("dues_files", ", ").join(d.label for d in missing)))
            elif pension is not None:
                base = pension
                warnings.append(translate("dues_files", "Only a pension is given, but the member is {category}").format(category=category.label))
            else:
                plan.rejected.append(BaseImportProblem(row_no, member_name, translate("dues_files", "The wage cells are empty")))
                continue
            amount = monthly_amount(category, base, config.rules)
        except DuesRuleError as err:
            plan.rejected.append(BaseImportProblem(row_no, member_name, str(err)))
            continue
        plan.rows.append(BaseImportRow(row_no, mid, member_name, category.value, int(base * 100), int(amount * 100), tuple(warnings)))
    return plan


def commit_base_plan(ctx, plan: BaseImportPlan) -> int:
    if not plan.rows:
        raise DuesRefused(translate("dues_files", "There are no bases to import"))
    note = translate("dues_files", "From {file}").format(file=plan.source.name)
    return ctx.dues.set_bases([BaseEntry(r.member_id, plan.year, plan.from_month, DuesCategory(r.category), r.base_fen,
                                         note=note[:200], source=SOURCE_IMPORT) for r in plan.rows])
