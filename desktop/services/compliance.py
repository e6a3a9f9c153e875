"""The compliance calendar over the branch's records (DOMAIN §2), the home page's meeting
reminders, and the 自行脱党 risk list (six months without organisational life or dues;
党章第九条 — a flag for the branch to look at, never an action).

Settings (JSON in the settings table; DOMAIN §2's defaults when absent):
- ``meetings.required.<type>``: ``{"period": "month" | "quarter" | "year", "count": n}``
- ``meetings.due_soon_days``: how close to a period's end a short period turns "due soon"
- ``meetings.tracking_from``: ISO date the branch began keeping its meetings here; periods
  that ended before it are not judged. Default: the earlier of the branch's creation and its
  first recorded meeting.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, Protocol

from sqlalchemy import select

from core.i18n import translate
from core.meetings import (DEFAULT_DUE_SOON_DAYS, DEFAULT_REQUIREMENTS, AbsenceSummary, Attention, AttendanceStatus,
                           BranchUnits, ComplianceRow, MeetingType, Period, Requirement, Risk, absence_summary, add_months,
                           committee_on, on_roll, required_pairs, requirement_from_setting,
                           requirement_setting, needs_attention, year_view)
from core.members import RollStatus
from db.models import Attendance, Meeting, Member, PartyGroup
from desktop.services.errors import KnownError
from desktop.services.meetings import MeetingService

DUE_SOON_KEY = "meetings.due_soon_days"
TRACKING_KEY = "meetings.tracking_from"
# The home page lists overdue periods that ended within the last year; older ones are history
# the calendar shows.
LOOKBACK_DAYS = 365
# Absences are read this far back: a run of absences that began before the six-month window
# still counts for the six-month flag.
ABSENCE_LOOKBACK_MONTHS = 12


@dataclass(frozen=True)
class CalendarYear:
    year: int
    today: date
    since: date
    due_soon_days: int
    rows: list[ComplianceRow]


@dataclass(frozen=True)
class AbsenceRisk:
    member_id: int
    name: str
    summary: AbsenceSummary


class ArrearsLike(Protocol):
    """What the dues reminders give for a member behind with dues (desktop.services.reminders)."""
    member_id: int
    name: str
    months: int
    flag: str


@dataclass(frozen=True)
class DropoutRisk:
    """A member the 自行脱党 rule may apply to: away from organisational life, behind with
    dues, or both. ``level`` is the higher of the two flags."""
    member_id: int
    name: str
    absences: int               # unexcused, last six months
    absent_since: date | None   # start of the unbroken run of absences, if flagged
    arrears_months: int         # consecutive months of dues unpaid (0: none flagged)
    level: Risk


class ComplianceService:
    def __init__(self, ctx, meetings: MeetingService | None = None):
        self.ctx = ctx
        self.meetings = meetings or MeetingService(ctx.db, ctx.clock, ctx.data_dir)

    # -- settings ------------------------------------------------------------------------
    def requirements(self) -> dict[MeetingType, Requirement]:
        return {k: requirement_from_setting(k, self.ctx.settings.get(f"meetings.required.{k.value}")) for k in MeetingType}

    def set_requirement(self, kind: MeetingType, req: Requirement) -> None:
        if not 0 <= req.count <= 31:
            raise KnownError(translate("meetings", "A requirement is between 0 and 31 meetings a period"))
        self.ctx.settings.set(f"meetings.required.{kind.value}", requirement_setting(req))

    def reset_requirements(self) -> None:
        for kind in MeetingType:
            self.ctx.settings.set(f"meetings.required.{kind.value}", requirement_setting(DEFAULT_REQUIREMENTS[kind]))

    def due_soon_days(self) -> int:
        value = self.ctx.settings.get(DUE_SOON_KEY)
        return value if isinstance(value, int) and 0 <= value <= 92 else DEFAULT_DUE_SOON_DAYS

    def set_due_soon_days(self, days: int) -> None:
        if not 0 <= days <= 92:
            raise KnownError(translate("meetings", "“Due soon” is between 0 and 92 days before a period ends"))
        self.ctx.settings.set(DUE_SOON_KEY, int(days))

    def tracking_since(self) -> date:
        value = self.ctx.settings.get(TRACKING_KEY)
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        first = self.meetings.first_meeting_day()
        created = self.meetings.branch_created()
        return min(created, first) if first else created

    def set_tracking_from(self, day: date | None) -> None:
        self.ctx.settings.set(TRACKING_KEY, day.isoformat() if day else None)

    # -- the calendar --------------------------------------------------------------------
    def years(self) -> list[int]:
        """Years the calendar can show: from the first record (or tracking) to this year."""
        first = min(filter(None, [self.meetings.first_meeting_day(), self.tracking_since()]))
        return list(range(min(first.year, self.ctx.clock.today().year), self.ctx.clock.today().year + 1))

    def _units(self, today: date) -> BranchUnits:
        """党小组 with members on the roll today (the roster keeps no history of group moves),
        and 谈心谈话 pairs from the committee and roll of each period's last day (or today)."""
        with self.ctx.db.session() as s:
            groups = dict(s.execute(select(PartyGroup.id, PartyGroup.name)
                                    .where(PartyGroup.id.in_(select(Member.group_id)
                                                             .where(Member.roll_status == RollStatus.ACTIVE.value)))
                                    .order_by(PartyGroup.position)).all())
            roll = self.meetings.roll_facts(s)
            terms = self.meetings.committee_terms(s)
        cache: dict[date, set] = {}

        def pairs_for(period: Period) -> set:
            day = min(period.last_day, today)
            if day not in cache:
                committee = committee_on(terms, day)
                members = {m.member_id for m in roll if on_roll(m, day)}
                cache[day] = required_pairs([c for c in committee if c in members], members)
            return cache[day]

        return BranchUnits(groups, pairs_for)

    def year(self, year: int) -> CalendarYear:
        now = self.ctx.clock.now()
        facts = self.meetings.facts(datetime(year, 1, 1), datetime(year + 1, 1, 1))
        since, soon = self.tracking_since(), self.due_soon_days()
        rows = year_view(year, facts, self.requirements(), self._units(now.date()), now=now, since=since, due_soon_days=soon)
        return CalendarYear(year, now.date(), since, soon, rows)

    def attention(self) -> list[Attention]:
        """For the home page: overdue periods of the last year, and what must be held this month."""
        now = self.ctx.clock.now()
        today = now.date()
        first_year = (today - timedelta(days=LOOKBACK_DAYS)).year
        facts = self.meetings.facts(datetime(first_year, 1, 1), datetime(today.year + 1, 1, 1))
        since, soon, reqs, units = self.tracking_since(), self.due_soon_days(), self.requirements(), self._units(today)
        rows: list[ComplianceRow] = []
        for year in range(first_year, today.year + 1):
            rows += year_view(year, facts, reqs, units, now=now, since=since, due_soon_days=soon)
        return needs_attention(rows, today=today, lookback_days=LOOKBACK_DAYS, due_soon_days=soon)

    # -- absences and the six-month rule ---------------------------------------------------
    def absences(self) -> list[AbsenceRisk]:
        """Every member on the roll with their absences over the last six months (all of them;
        ``summary.risk`` says who is flagged)."""
        now = self.ctx.clock.now()
        today = now.date()
        start = datetime.combine(add_months(today, -ABSENCE_LOOKBACK_MONTHS), datetime.min.time())
        with self.ctx.db.session() as s:
            members = s.execute(select(Member.id, Member.name).where(Member.roll_status == RollStatus.ACTIVE.value)
                                .order_by(Member.id)).all()
            rows = s.execute(select(Attendance.member_id, Meeting.start, Attendance.status)
                             .join(Meeting, Meeting.id == Attendance.meeting_id)
                             .where(Meeting.start >= start, Meeting.end <= now)).all()
        records: dict[int, list] = defaultdict(list)
        for member_id, when, status in rows:
            records[member_id].append((when.date(), AttendanceStatus(status)))
        return [AbsenceRisk(mid, name, absence_summary(mid, records.get(mid, ()), today)) for mid, name in members]


def dropout_risks(absences: Iterable[AbsenceRisk], arrears: Iterable[ArrearsLike] = ()) -> list[DropoutRisk]:
    """The 自行脱党 risk list: members flagged for absences (core.meetings.absence_summary)
    or for dues arrears (the dues reminders' flags), one line each, alerts first."""
    by_member: dict[int, dict] = {}
    for a in absences:
        if a.summary.risk is not None:
            by_member[a.member_id] = {"name": a.name, "absences": a.summary.absences,
                                      "since": a.summary.absent_since, "months": 0, "level": a.summary.risk}
    for d in arrears:
        if d.flag not in (Risk.WARNING.value, Risk.ALERT.value):
            continue
        entry = by_member.setdefault(d.member_id, {"name": d.name, "absences": 0, "since": None, "months": 0,
                                                   "level": Risk(d.flag)})
        entry["months"] = d.months
        if d.flag == Risk.ALERT.value:
            entry["level"] = Risk.ALERT
    out = [DropoutRisk(mid, e["name"], e["absences"], e["since"], e["months"], e["level"]) for mid, e in by_member.items()]
    out.sort(key=lambda r: (r.level is not Risk.ALERT, -(r.arrears_months + r.absences), r.name))
    return out
