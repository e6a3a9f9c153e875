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

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, Protocol

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from core.i18n import translate
from core.meetings import (DEFAULT_DUE_SOON_DAYS, DEFAULT_REQUIREMENTS, AbsenceSummary, Attention, AttendanceStatus,
                           BranchUnits, ComplianceRow, MeetingType, Period, Requirement, Risk, absence_summary, add_months,
                           committee_on, on_roll, required_pairs, requirement_from_setting,
                           requirement_setting, needs_attention, year_view)
from core.members import RollStatus
from db.models import Attendance, Branch, Meeting, Member, PartyGroup, Setting
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


# Statements run on every refresh of the calendar and the home page, built once.
_SETTINGS = select(Setting.key, Setting.value).where(Setting.key.like("meetings.%"))
_FIRST_AND_CREATED = select(select(func.min(Meeting.start)).scalar_subquery(), Branch.created_at).where(Branch.id == 1)
_GROUPS = (select(PartyGroup.id, PartyGroup.name)
           .where(PartyGroup.id.in_(select(Member.group_id).where(Member.roll_status == RollStatus.ACTIVE.value)))
           .order_by(PartyGroup.position))
_ACTIVE = select(Member.id, Member.name).where(Member.roll_status == RollStatus.ACTIVE.value).order_by(Member.id)
_ATTENDANCE = (select(Attendance.member_id, Meeting.start, Attendance.status)
               .join(Meeting, Meeting.id == Attendance.meeting_id)
               .where(Meeting.start >= bindparam("since"), Meeting.end <= bindparam("now")))


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


@dataclass(frozen=True)
class _Config:
    requirements: dict[MeetingType, Requirement]
    due_soon_days: int
    since: date


def _due_soon(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 92 else DEFAULT_DUE_SOON_DAYS


class ComplianceService:
    """Reads what a view needs in one session (settings, meetings, roll, committee): opening
    the calendar is a handful of queries, not one per setting (bench/bench_meetings.py)."""

    def __init__(self, ctx, meetings: MeetingService | None = None):
        self.ctx = ctx
        self.meetings = meetings or MeetingService(ctx.db, ctx.clock, ctx.data_dir)

    # -- settings ------------------------------------------------------------------------
    def _config(self, s: Session) -> _Config:
        conn = s.connection()
        values = {k: json.loads(v) for k, v in conn.execute(_SETTINGS)}
        reqs = {k: requirement_from_setting(k, values.get(f"meetings.required.{k.value}")) for k in MeetingType}
        since = None
        if isinstance(values.get(TRACKING_KEY), str):
            try:
                since = date.fromisoformat(values[TRACKING_KEY])
            except ValueError:
                pass
        if since is None:
            # The earlier of the branch's creation and its first recorded meeting.
            first, created = conn.execute(_FIRST_AND_CREATED).one()
            since = min(created.date(), first.date()) if first else created.date()
        return _Config(reqs, _due_soon(values.get(DUE_SOON_KEY)), since)

    def requirements(self) -> dict[MeetingType, Requirement]:
        with self.ctx.db.session() as s:
            return self._config(s).requirements

    def set_requirement(self, kind: MeetingType, req: Requirement) -> None:
        if not 0 <= req.count <= 31:
            raise KnownError(translate("meetings", "A requirement is between 0 and 31 meetings a period"))
        self.ctx.settings.set(f"meetings.required.{kind.value}", requirement_setting(req))

    def reset_requirements(self) -> None:
        for kind in MeetingType:
            self.ctx.settings.set(f"meetings.required.{kind.value}", requirement_setting(DEFAULT_REQUIREMENTS[kind]))

    def due_soon_days(self) -> int:
        return _due_soon(self.ctx.settings.get(DUE_SOON_KEY))

    def set_due_soon_days(self, days: int) -> None:
        if not 0 <= days <= 92:
            raise KnownError(translate("meetings", "“Due soon” is between 0 and 92 days before a period ends"))
        self.ctx.settings.set(DUE_SOON_KEY, int(days))

    def tracking_since(self) -> date:
        with self.ctx.db.session() as s:
            return self._config(s).since

    def set_tracking_from(self, day: date | None) -> None:
        self.ctx.settings.set(TRACKING_KEY, day.isoformat() if day else None)

    # -- the calendar --------------------------------------------------------------------
    def years(self) -> list[int]:
        """Years the calendar can show: from the first record (or tracking) to this year."""
        first = min(filter(None, [self.meetings.first_meeting_day(), self.tracking_since()]))
        return list(range(min(first.year, self.ctx.clock.today().year), self.ctx.clock.today().year + 1))

    def _units(self, s: Session, today: date) -> BranchUnits:
        """党小组 with members on the roll today (the roster keeps no history of group moves),
        and 谈心谈话 pairs from the committee and roll of each period's last day (or today)."""
        groups = dict(s.connection().execute(_GROUPS).all())
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
        with self.ctx.db.session() as s:
            config = self._config(s)
            facts = self.meetings.facts(datetime(year, 1, 1), datetime(year + 1, 1, 1), s=s)
            units = self._units(s, now.date())
        rows = year_view(year, facts, config.requirements, units, now=now, since=config.since,
                         due_soon_days=config.due_soon_days)
        return CalendarYear(year, now.date(), config.since, config.due_soon_days, rows)

    def attention(self) -> list[Attention]:
        """For the home page: overdue periods of the last year, and what must be held this month."""
        now = self.ctx.clock.now()
        today = now.date()
        first_year = (today - timedelta(days=LOOKBACK_DAYS)).year
        with self.ctx.db.session() as s:
            config = self._config(s)
            facts = self.meetings.facts(datetime(first_year, 1, 1), datetime(today.year + 1, 1, 1), s=s)
            units = self._units(s, today)
        rows: list[ComplianceRow] = []
        for year in range(first_year, today.year + 1):
            rows += year_view(year, facts, config.requirements, units, now=now, since=config.since,
                              due_soon_days=config.due_soon_days)
        return needs_attention(rows, today=today, lookback_days=LOOKBACK_DAYS, due_soon_days=config.due_soon_days)

    # -- absences and the six-month rule ---------------------------------------------------
    def absences(self) -> list[AbsenceRisk]:
        """Every member on the roll with their absences over the last six months (all of them;
        ``summary.risk`` says who is flagged)."""
        now = self.ctx.clock.now()
        today = now.date()
        start = datetime.combine(add_months(today, -ABSENCE_LOOKBACK_MONTHS), datetime.min.time())
        with self.ctx.db.session() as s:
            conn = s.connection()
            members = conn.execute(_ACTIVE).all()
            rows = conn.execute(_ATTENDANCE, {"since": start, "now": now}).all()
        records: dict[int, list] = defaultdict(list)
        statuses = {s.value: s for s in AttendanceStatus}
        for member_id, when, status in rows:
            records[member_id].append((when.date(), statuses[status]))
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
