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
  a past year);
- votes are the polls closed in the month, by ``Poll.closed_at`` (a closed poll without one —
  none is made so today — falls back to the start of its meeting), read from the result kept
  with the poll when it was closed: counts only, the ballots are not opened again;
- the appraisal distribution is every grade given: the totals of all ratings on the valid
  ballots of the 民主评议 polls closed in the month (an unrated member gives no grade). Not each
  member's "most votes" grade: the final grade is the branch committee's, made afterwards.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime

from sqlalchemy import and_, func, select

from core.dates import add_years
from core.meetings import AttendanceStatus, MeetingType, State
from core.members import EventKind, MemberCategory, PartyStanding, RollStatus
from core.summary import (Attendance, Changes, Dues, Grade, Headcount, MeetingCount, PacketKind, Pipeline, SummaryPacket,
                          VoteKind, VoteOutcome, utc_stamp)
from core.votes import DecisionSubject, PollKind, Rating
from db.models import Attendance as AttendanceRow, DuesRemittance, Meeting, MeetingAttachment, Member, MemberEvent, Poll


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


_DECISION_KINDS = {DecisionSubject.ADMISSION.value: VoteKind.ADMISSION,
                   DecisionSubject.FULL_MEMBERSHIP.value: VoteKind.CONVERSION,
                   DecisionSubject.RESOLUTION.value: VoteKind.RESOLUTION}
_GRADES = {Rating.EXCELLENT.value: Grade.EXCELLENT, Rating.COMPETENT.value: Grade.QUALIFIED,
           Rating.BASIC.value: Grade.BASIC, Rating.INCOMPETENT.value: Grade.UNQUALIFIED}


def _outcome(kind: str, subject: str, seats: int, record: dict) -> VoteOutcome:
    """One closed poll's outcome from the record kept when it was closed (desktop.services.votes.
    result_record). Only counts are read; the names in the record stay behind.

    eligible = due (应到会), present = 实到会, cast = ballots collected, invalid = invalid ballots.
    - decision (接收预备党员 → admission, 转正 → conversion, 决议 → resolution): yes / no / abstain
      are the tally's (written opinions of absent members included, so they may add up to more
      than cast); passed is the tally's.
    - election: yes / no / abstain are the marks of all valid ballots summed over the candidates
      (write-ins' 赞成 included); passed = the vote stands (quorum, not void) and every seat was
      filled — a tie at the cut-off or a vacancy leaves it not passed (another round follows).
    - 民主评议: no yes / no / abstain (its grades go to ``appraisal``); it decides nothing, so
      passed is False.
    """
    base = dict(eligible=record.get("due", 0), present=record.get("present", 0), cast=record.get("collected", 0),
                invalid=record.get("invalid_ballots", 0))
    if kind == PollKind.APPRAISAL.value:
        return VoteOutcome(kind=VoteKind.APPRAISAL.value, yes=0, no=0, abstain=0, passed=False, **base)
    rows = record.get("results", [])
    yes, no, abstain = (sum(r.get(k) or 0 for r in rows) for k in ("for", "against", "abstain"))
    if kind == PollKind.ELECTION.value:
        stands = bool(record.get("quorum_met")) and not record.get("void")
        elected = sum(1 for r in rows if r.get("elected"))
        return VoteOutcome(kind=VoteKind.ELECTION.value, yes=yes, no=no, abstain=abstain,
                           passed=stands and seats > 0 and elected >= seats, **base)
    return VoteOutcome(kind=_DECISION_KINDS.get(subject, VoteKind.RESOLUTION).value, yes=yes, no=no, abstain=abstain,
                       passed=bool(record.get("passed")), **base)


def _votes(s, start: date, end: date) -> tuple[tuple[VoteOutcome, ...], dict[str, int]]:
    """(an outcome per poll closed in [start, end), the 民主评议 grades given in them)."""
    rows = s.execute(select(Poll.kind, Poll.subject, Poll.seats, Poll.result, Poll.closed_at, Meeting.start)
                     .outerjoin(Meeting, Meeting.id == Poll.meeting_id)
                     .where(Poll.state == "closed").order_by(Poll.closed_at, Poll.id)).all()
    outcomes: list[VoteOutcome] = []
    grades: Counter[str] = Counter()
    for kind, subject, seats, result, closed_at, meeting_start in rows:
        # Closing always stamps closed_at; a closed poll without one is dated by its meeting.
        when = closed_at or meeting_start
        if when is None or not start <= when.date() < end or not result:
            continue
        record = json.loads(result)
        outcomes.append(_outcome(kind, subject or "", seats or 0, record))
        if kind == PollKind.APPRAISAL.value:
            for row in record.get("rows", []):
                for rating, grade in _GRADES.items():
                    grades[grade.value] += int(row.get(rating) or 0)
    return tuple(outcomes), {g: n for g, n in grades.items() if n}


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
        votes, appraisal = _votes(s, start, end)
    return SummaryPacket(packet_id=packet_id, branch=branch, seq=seq, kind=kind.value, period=period,
                         created_at=utc_stamp(made_at), headcount=head, changes=changes, pipeline=pipeline,
                         attendance=attendance, dues=dues, meetings=_meetings(ctx, start, end, now),
                         appraisal=appraisal, votes=votes)
