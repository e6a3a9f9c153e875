"""The month's summary packet (core.summary, DOMAIN §6) from the branch's records.

Aggregates only. The queries below select counts and sums and the columns they are counted
by — never a name, an ID number, a phone or an address (those columns are not read at all),
and the packet's schema has no field that could hold one.

What the figures mean, where the records leave a choice:
- the roll (headcount, pipeline) is as it stands when the packet is made — a month is
  usually closed in the first days of the next;
- changes, dues, meetings held and attendance are those dated within the month;
- a meeting type's compliance is judged on the period (month, quarter, year) containing the
  month's last day, as the calendar shows it when the packet is made;
- dues arrears are the ledger's flags for the year of the month, as of today (December for
  a past year).
"""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from sqlalchemy import and_, func, select

from core.dates import add_years
from core.meetings import AttendanceStatus, MeetingType, State
from core.members import EventKind, MemberCategory, PartyStanding, RollStatus
from core.summary import (Attendance, Changes, Dues, Headcount, MeetingCount, PacketKind, Pipeline, SummaryPacket,
                          utc_stamp)
from db.models import Attendance as AttendanceRow, DuesRemittance, Meeting, MeetingAttachment, Member, MemberEvent


def month_bounds(period: str) -> tuple[date, date]:
    """The first day of the month and the first day of the next."""
    year, month = int(period[:4]), int(period[5:7])
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    return start, end


def period_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _headcount(s) -> tuple[Headcount, list]:
    active = Member.roll_status == RollStatus.ACTIVE.value
    by_status = dict(s.execute(select(Member.roll_status, func.count()).group_by(Member.roll_status)).all())
    rows = s.execute(select(Member.category, Member.party_standing, Member.lost_contact, Member.mobile,
                            Member.dues_category, Member.joined_on).where(active)).all()
    by_dues = Counter(r.dues_category for r in rows if r.dues_category)
    head = Headcount(
        total=len(rows),
        full=sum(r.category == MemberCategory.FULL.value for r in rows),
        probationary=sum(r.category == MemberCategory.PROBATIONARY.value for r in rows),
        suspended=sum(r.party_standing == PartyStanding.SUSPENDED.value for r in rows),
        lost_contact=sum(bool(r.lost_contact) for r in rows),
        mobile=sum(bool(r.mobile) for r in rows),
        by_dues_category=dict(by_dues),
        by_roll_status={k: v for k, v in by_status.items() if k in {r.value for r in RollStatus}},
    )
    return head, rows


def _pipeline(rows, end: date) -> Pipeline:
    probationary = [r for r in rows if r.category == MemberCategory.PROBATIONARY.value]
    # The probation year ended by the month's end without 转正 recorded (DOMAIN §5).
    due = sum(1 for r in probationary if r.joined_on and add_years(r.joined_on, 1) < end)
    return Pipeline(probationary=len(probationary), conversion_due=due)


def _changes(s, start: date, end: date) -> Changes:
    kinds = dict(s.execute(select(MemberEvent.kind, func.count())
                           .where(MemberEvent.on >= start, MemberEvent.on < end).group_by(MemberEvent.kind)).all())
    joined = s.scalar(select(func.count()).select_from(Member).where(Member.joined_on >= start, Member.joined_on < end))
    return Changes(joined=joined or 0, transferred_in=kinds.get(EventKind.TRANSFER_IN.value, 0),
                   transferred_out=kinds.get(EventKind.TRANSFER_OUT.value, 0),
                   left_party=kinds.get(EventKind.LEFT_PARTY.value, 0), deceased=kinds.get(EventKind.DECEASED.value, 0),
                   converted=kinds.get(EventKind.CONVERTED.value, 0))


def _dues(ctx, s, start: date, end: date) -> Dues:
    ledger = ctx.dues.ledger(start.year)
    m = start.month
    warning = sum(1 for r in ledger.rows if r.roll_status == RollStatus.ACTIVE.value and r.flag == "warning")
    alert = sum(1 for r in ledger.rows if r.roll_status == RollStatus.ACTIVE.value and r.flag == "alert")
    remitted = s.scalar(select(func.coalesce(func.sum(DuesRemittance.amount_fen), 0))
                        .where(DuesRemittance.remitted_on >= start, DuesRemittance.remitted_on < end))
    return Dues(year=start.year, month_due_fen=ledger.due_by_month[m - 1], month_paid_fen=ledger.paid_by_month[m - 1],
                year_due_fen=sum(ledger.due_by_month[:m]), year_paid_fen=sum(ledger.paid_by_month[:m]),
                arrears_warning=warning, arrears_alert=alert, remitted_fen=int(remitted or 0))


def _meetings(ctx, start: date, end: date, now: datetime) -> tuple[MeetingCount, ...]:
    from desktop.services.compliance import ComplianceService
    compliance = ComplianceService(ctx)
    judged_on = min(date.fromordinal(end.toordinal() - 1), now.date())
    rows = compliance.year(judged_on.year).rows
    facts = compliance.meetings.facts(datetime.combine(start, datetime.min.time()),
                                      datetime.combine(end, datetime.min.time()))
    held = Counter(f.type for f in facts if f.held_by(now))
    out = []
    for kind in MeetingType:
        required = units = met = overdue = 0
        for row in (r for r in rows if r.type is kind):
            status = next((p for p in row.periods if p.period.contains(judged_on)), None)
            if status is None or status.state is State.NOT_REQUIRED:
                continue
            units += 1
            required = max(required, status.required)
            met += status.state is State.SATISFIED
            overdue += status.state is State.OVERDUE
        if units or held[kind]:
            out.append(MeetingCount(type=kind.value, held=held[kind], required=required, units=units,
                                    units_met=met, units_overdue=overdue))
    return tuple(out)


def _attendance(s, start: date, end: date, now: datetime) -> Attendance:
    in_month = and_(Meeting.start >= datetime.combine(start, datetime.min.time()),
                    Meeting.start < datetime.combine(end, datetime.min.time()), Meeting.end <= now)
    meetings = s.execute(select(Meeting.id, Meeting.minutes).where(in_month)).all()
    ids = [m.id for m in meetings]
    if not ids:
        return Attendance(0, 0, 0, 0, 0, 0, 0, 0, 0)
    statuses = s.execute(select(AttendanceRow.status, Member.mobile)
                         .join(Member, Member.id == AttendanceRow.member_id)
                         .where(AttendanceRow.meeting_id.in_(ids))).all()
    count = Counter(st for st, _ in statuses)
    mobile = [st for st, is_mobile in statuses if is_mobile]
    with_files = s.scalar(select(func.count(MeetingAttachment.meeting_id.distinct()))
                          .where(MeetingAttachment.meeting_id.in_(ids)))
    return Attendance(
        meetings=len(ids), expected=len(statuses), present=count[AttendanceStatus.PRESENT.value],
        leave=count[AttendanceStatus.LEAVE.value], absent=count[AttendanceStatus.ABSENT.value],
        mobile_expected=len(mobile), mobile_present=sum(st == AttendanceStatus.PRESENT.value for st in mobile),
        with_minutes=sum(1 for m in meetings if (m.minutes or "").strip()), with_attachments=with_files or 0)


def build_summary(ctx, *, branch: str, seq: int, packet_id: str, period: str, kind: PacketKind,
                  made_at: datetime) -> SummaryPacket:
    """The packet for ``period`` (YYYY-MM) as the branch's records stand now."""
    start, end = month_bounds(period)
    now = ctx.clock.now()
    with ctx.db.session() as s:
        head, rows = _headcount(s)
        pipeline = _pipeline(rows, end)
        changes = _changes(s, start, end)
        dues = _dues(ctx, s, start, end)
        attendance = _attendance(s, start, end, now)
    return SummaryPacket(packet_id=packet_id, branch=branch, seq=seq, kind=kind.value, period=period,
                         created_at=utc_stamp(made_at), headcount=head, changes=changes, pipeline=pipeline,
                         attendance=attendance, dues=dues, meetings=_meetings(ctx, start, end, now))
