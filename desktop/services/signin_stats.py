"""Attendance statistics (出勤统计) per meeting and per member, and their .xlsx.

Counted from the meetings' attendance records (出席 / 请假 / 缺席 — what closing a meeting fills
in, or what the secretary recorded by hand) and from sign-in (迟到: signed in after the start;
late members are counted present too). The rate is 出席 ÷ 应到, leave included in 应到 as the
records count it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from core.i18n import translate
from core.meetings import AttendanceStatus, MeetingType
from db.models import Attendance, Meeting, Member, PartyGroup, SigninScan
from desktop.services.errors import KnownError
from desktop.services.spreadsheet_out import display_width, safe_text, save_atomically


class StatsFailed(KnownError):
    pass


@dataclass(frozen=True)
class Tally:
    present: int = 0
    late: int = 0
    leave: int = 0
    absent: int = 0

    @property
    def expected(self) -> int:
        return self.present + self.leave + self.absent

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


@dataclass(frozen=True)
class MeetingStats:
    meeting_id: int
    start: datetime
    type: MeetingType
    title: str
    tally: Tally


@dataclass(frozen=True)
class MemberStats:
    member_id: int
    name: str
    group: str
    tally: Tally


def _add(t: Tally, status: str, late: bool) -> Tally:
    return Tally(t.present + (status == AttendanceStatus.PRESENT.value), t.late + (late and status == AttendanceStatus.PRESENT.value),
                 t.leave + (status == AttendanceStatus.LEAVE.value), t.absent + (status == AttendanceStatus.ABSENT.value))


def attendance_stats(ctx, *, year: int | None = None) -> tuple[list[MeetingStats], list[MemberStats]]:
    """Per meeting (oldest first) and per member (roster order) — only meetings with attendance
    recorded, only members with a record at one of them."""
    stmt = (select(Attendance.meeting_id, Attendance.member_id, Attendance.status)
            .join(Meeting, Meeting.id == Attendance.meeting_id))
    meetings_stmt = select(Meeting.id, Meeting.start, Meeting.type, Meeting.title).order_by(Meeting.start, Meeting.id)
    if year is not None:
        span = (Meeting.start >= datetime(year, 1, 1), Meeting.start < datetime(year + 1, 1, 1))
        stmt = stmt.where(*span)
        meetings_stmt = meetings_stmt.where(*span)
    with ctx.db.session() as s:
        records = s.execute(stmt).all()
        late = {(m, p) for m, p in s.execute(select(SigninScan.meeting_id, SigninScan.member_id)
                                             .where(SigninScan.kind == "in", SigninScan.late.is_(True)))}
        meetings = s.execute(meetings_stmt).all()
        people = s.execute(select(Member.id, Member.name, PartyGroup.name)
                           .outerjoin(PartyGroup, Member.group_id == PartyGroup.id)
                           .order_by(PartyGroup.position.is_(None), PartyGroup.position, Member.id)).all()
    by_meeting: dict[int, Tally] = {}
    by_member: dict[int, Tally] = {}
    for meeting_id, member_id, status in records:
        was_late = (meeting_id, member_id) in late
        by_meeting[meeting_id] = _add(by_meeting.get(meeting_id, Tally()), status, was_late)
        by_member[member_id] = _add(by_member.get(member_id, Tally()), status, was_late)
    per_meeting = [MeetingStats(i, start, MeetingType(kind), title, by_meeting[i])
                   for i, start, kind, title in meetings if i in by_meeting]
    per_member = [MemberStats(i, name, group or "", by_member[i]) for i, name, group in people if i in by_member]
    return per_meeting, per_member


def _percent(ws, rate: float | None):
    if rate is None:
        return None
    cell = WriteOnlyCell(ws, value=rate)
    cell.number_format = "0.0%"
    return cell


def _sheet(wb: Workbook, title: str, heading: str, titles: list[str], rows: list[list[object]], rate_column: int) -> None:
    ws = wb.create_sheet(title)
    for index, name in enumerate(titles, start=1):
        widest = max([display_width(name)] + [display_width(str(r[index - 1] or "")) for r in rows])
        ws.column_dimensions[get_column_letter(index)].width = min(max(widest + 2, 6), 50)
    ws.freeze_panes = "A3"
    ws.append([safe_text(ws, heading)])
    ws.append([safe_text(ws, t) for t in titles])
    for row in rows:
        ws.append([_percent(ws, v) if i == rate_column else safe_text(ws, v) if isinstance(v, str) else v
                   for i, v in enumerate(row)])


def export_stats(ctx, path: Path, *, year: int | None = None) -> tuple[int, int]:
    """Write the statistics (two sheets: per meeting, per member) to ``path``; returns how many
    meetings and members they cover. The file appears whole or not at all."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise StatsFailed(translate("signin_stats", "The statistics are exported as an .xlsx file; choose a name ending in .xlsx"))
    per_meeting, per_member = attendance_stats(ctx, year=year)
    branch = ctx.members.branch_name()
    counts = [translate("signin_stats", "Expected"), translate("signin_stats", "Present"),
              translate("signin_stats", "Of whom late"), translate("signin_stats", "On leave"),
              translate("signin_stats", "Absent"), translate("signin_stats", "Attendance rate")]
    meeting_rows = [[m.start.strftime("%Y-%m-%d %H:%M"), m.type.label, m.title, m.tally.expected, m.tally.present,
                     m.tally.late, m.tally.leave, m.tally.absent, m.tally.rate] for m in per_meeting]
    member_rows = [[n, m.name, m.group, m.tally.expected, m.tally.present, m.tally.late, m.tally.leave, m.tally.absent,
                    m.tally.rate] for n, m in enumerate(per_member, start=1)]
    span = str(year) if year is not None else translate("signin_stats", "all years")
    today = ctx.clock.today()

    meeting_heading = translate("signin_stats", "{branch}: attendance per meeting ({span}, as of {date})").format(
        branch=branch, span=span, date=today.isoformat())
    member_heading = translate("signin_stats", "{branch}: attendance per member ({span}, as of {date})").format(
        branch=branch, span=span, date=today.isoformat())
    meeting_titles = [translate("signin_stats", "Time"), translate("signin_stats", "Type"),
                      translate("signin_stats", "Topic")] + counts
    member_titles = [translate("signin_stats", "No."), translate("signin_stats", "Name"),
                     translate("signin_stats", "Party group")] + counts

    def workbook() -> Workbook:
        wb = Workbook(write_only=True)
        _sheet(wb, translate("signin_stats", "Per meeting"), meeting_heading, meeting_titles, meeting_rows, 8)
        _sheet(wb, translate("signin_stats", "Per member"), member_heading, member_titles, member_rows, 8)
        return wb

    save_atomically(path, workbook, StatsFailed)
    return len(per_meeting), len(per_member)
