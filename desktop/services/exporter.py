"""Exporting the member roster as .xlsx in the standard layout: 序号, the 16 items of
党员基本信息采集表 in their order (DOMAIN §4), then 党小组, 党费类别, 缴费基数, 备注.

Headers are the field names in the active language; an export imports again (tested), so
this layout is also the template a secretary can fill in. ID numbers, phones and addresses
are masked unless asked for (DESIGN, Personal data).
"""
from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from core import idnumber
from core.i18n import translate
from core.members import MemberRecord, RollStatus, field_label
from db import audit
from db.models import Member, PartyGroup
from desktop.services.errors import KnownError
from desktop.services.members import record_from_member
from desktop.services.spreadsheet_out import display_width, safe_text, save_atomically

log = logging.getLogger(__name__)

# (header field, kind): the order of the standard form.
LAYOUT: tuple[tuple[str, str], ...] = (
    ("seq", "number"), ("name", "text"), ("gender", "label"), ("ethnicity", "text"),
    ("id_number", "id"), ("birth_date", "date"), ("education", "text"), ("category", "label"),
    ("branch", "text"), ("joined_on", "date"), ("full_member_on", "date"), ("post", "text"),
    ("phone", "text"), ("address", "text"), ("party_standing", "label"), ("lost_contact", "yes_no"),
    ("lost_contact_on", "date"), ("mobile", "yes_no"), ("mobile_destination", "text"),
    ("group", "text"), ("dues_category", "label"), ("dues_base_fen", "money"), ("note", "text"),
)
DATE_FORMAT = "yyyy-mm-dd"
# What a spreadsheet would take for the start of a formula (OWASP "CSV injection"), tab and
# carriage return included: such text is written as a string cell with a quote prefix.


class ExportFailed(KnownError):
    pass


def mask_phone(phone: str) -> str:
    """``138****5678``: the operator and the last four, enough to tell members apart."""
    if not phone:
        return ""
    if len(phone) < 8:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_address(address: str) -> str:
    """The first six characters (province, city, district), never the street and number."""
    if not address:
        return ""
    if len(address) <= 6:
        return "*" * len(address)
    return address[:6] + "****"


# With former members, a last column says who is no longer on the roll (已转出, 已去世 …).
FORMER_LAYOUT = LAYOUT + (("roll_status", "label"),)


def column_titles(layout: tuple[tuple[str, str], ...] = LAYOUT) -> list[str]:
    return [translate("export", "No.") if f == "seq" else field_label(f) for f, _ in layout]


def _records(ctx, include_former: bool) -> list[MemberRecord]:
    """In roster order (党小组, then as entered), as the roster screen shows them."""
    stmt = (select(Member, PartyGroup.name).outerjoin(PartyGroup, Member.group_id == PartyGroup.id)
            .order_by(PartyGroup.position, Member.id))
    if not include_former:
        stmt = stmt.where(Member.roll_status == RollStatus.ACTIVE.value)
    with ctx.db.session() as s:
        return [record_from_member(m, group or "") for m, group in s.execute(stmt)]


def _values(rec: MemberRecord, seq: int, branch: str, unmasked: bool, layout) -> list[object]:
    yes, no = translate("export", "Yes"), translate("export", "No")
    out: list[object] = []
    for name, kind in layout:
        if name == "seq":
            out.append(seq)
        elif name == "branch":
            out.append(branch)
        elif name == "id_number":
            out.append(rec.id_number if unmasked else idnumber.mask(rec.id_number))
        elif name == "phone":
            out.append(rec.phone if unmasked else mask_phone(rec.phone))
        elif name == "address":
            out.append(rec.address if unmasked else mask_address(rec.address))
        elif kind == "label":
            value = getattr(rec, name)
            out.append(value.label if value is not None else "")
        elif kind == "yes_no":
            out.append(yes if getattr(rec, name) else no)
        elif kind == "money":
            out.append(Decimal(rec.dues_base_fen) / 100 if rec.dues_base_fen is not None else None)
        else:
            out.append(getattr(rec, name))
    return out


def _cell(ws, value: object, kind: str) -> object:
    """A cell value, wrapped in a styled cell only where it needs to be (plain values are
    several times faster to write)."""
    if isinstance(value, str):
        value = safe_text(ws, value)
        if not isinstance(value, str):  # a text cell guarded against formulas
            if kind == "id":
                value.number_format = "@"
            return value
    if kind == "date" and isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if kind == "id":
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "@"  # text, so that Excel never turns it into 1.10105E+17
        return cell
    if kind == "money" and value is not None:
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "0.00"
        return cell
    return value


def _workbook(rows: list[list[object]], today: date, branch: str, layout) -> Workbook:
    titles = column_titles(layout)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(translate("export", "Roster"))
    for index, ((_, kind), title) in enumerate(zip(layout, titles), start=1):
        widest = max([display_width(title)] + [10 if kind == "date" else display_width(str(r[index - 1] or "")) for r in rows])
        ws.column_dimensions[get_column_letter(index)].width = min(max(widest + 2, 6), 60)
    ws.freeze_panes = "C3"  # title and header, 序号 and 姓名 stay in view
    ws.append([_cell(ws, translate("export", "{branch}: member roster ({date})").format(branch=branch, date=today.isoformat()), "text")])
    ws.append([_cell(ws, t, "text") for t in titles])
    for values in rows:
        ws.append([_cell(ws, v, kind) for v, (_, kind) in zip(values, layout)])
    return wb


def export_roster(ctx, path: Path, *, unmasked: bool = False, include_former: bool = False) -> int:
    """Write the roster to ``path`` (.xlsx); returns how many members were written. The file
    appears whole or not at all: it is written aside and moved into place."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportFailed(translate("export", "The roster is exported as an .xlsx file; choose a name ending in .xlsx"))
    records = _records(ctx, include_former)
    branch = ctx.members.branch_name()
    layout = FORMER_LAYOUT if include_former else LAYOUT
    rows = [_values(rec, n, branch, unmasked, layout) for n, rec in enumerate(records, start=1)]

    def save() -> None:
        save_atomically(path, lambda: _workbook(rows, ctx.clock.today(), branch, layout), ExportFailed)

    if not unmasked:
        save()
    else:
        # DESIGN (Personal data): the audit line and the file go together. The line is
        # written, the file saved, then the line committed; a file that cannot be saved
        # leaves no line, a line that cannot be committed takes the file away again.
        saved = False
        try:
            with ctx.db.session.begin() as s:
                audit.append(s, ctx.db.keys, "export_unmasked", "roster",
                             {"members": len(records), "member_ids": audit.compact_ids(r.id for r in records),
                              "include_former": include_former, "format": "xlsx"}, ctx.clock.now())
                save()
                saved = True
        except BaseException:
            if saved:
                path.unlink(missing_ok=True)
            raise
    log.info("roster exported: %d members, unmasked=%s", len(records), unmasked)
    return len(records)
