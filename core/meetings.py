"""Organisational life (三会一课 and more): meeting types, their required frequencies and the
compliance calendar (DOMAIN §2, 《中国共产党支部工作条例（试行）》2018).

Everything here is plain values: the services give it the meetings that were held and the
branch's units (its 党小组, its 谈心谈话 pairs), and it says, period by period, how many were
required, how many were held, and whether a period is overdue or due soon.

Rules taken here (the settings make the frequencies the branch's own):
- A meeting is *held* once it has ended (end ≤ now); one still to come is *planned*.
- A meeting belongs to the period its start falls in: 31 March 23:30 counts for Q1, even
  when it runs past midnight.
- A period is *overdue* when it has ended with fewer held than required; *due soon* when it is
  the current period, still short, and ends within ``due_soon_days``.
- Periods that ended before the branch started keeping its records here are not judged
  (``since``): a branch that starts in November does not begin with ten red months.
- 党小组会 is required of each 党小组; 谈心谈话 of each pair committee↔committee and
  committee↔member (a talk between two ordinary members is recorded but required of no one).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Callable, Iterable, Mapping, NamedTuple

from core.i18n import translate
from core.members import Problems


class MeetingType(StrEnum):
    """Identifiers never change (they are stored and sent upward); labels are translated."""
    BRANCH_ASSEMBLY = "branch_assembly"  # 支部党员大会
    COMMITTEE = "committee"              # 支委会
    GROUP = "group"                      # 党小组会
    LECTURE = "lecture"                  # 党课
    THEME_DAY = "theme_day"              # 主题党日
    ORG_LIFE = "org_life"                # 组织生活会
    APPRAISAL = "appraisal"              # 民主评议党员
    TALK = "talk"                        # 谈心谈话

    @property
    def label(self) -> str:
        return {
            "branch_assembly": translate("meetings", "Branch general meeting"),
            "committee": translate("meetings", "Branch committee meeting"),
            "group": translate("meetings", "Party group meeting"),
            "lecture": translate("meetings", "Party lecture"),
            "theme_day": translate("meetings", "Theme Party day"),
            "org_life": translate("meetings", "Organisational life meeting"),
            "appraisal": translate("meetings", "Democratic appraisal of members"),
            "talk": translate("meetings", "Heart-to-heart talk"),
        }[self.value]

    @property
    def audience(self) -> "Audience":
        """Who is expected unless the secretary says otherwise."""
        return {
            "committee": Audience.COMMITTEE,
            "group": Audience.GROUP,
            "talk": Audience.PAIR,
        }.get(self.value, Audience.ALL)

    @property
    def counted_per(self) -> "Unit":
        return {"group": Unit.GROUP, "talk": Unit.PAIR}.get(self.value, Unit.BRANCH)


class Audience(StrEnum):
    ALL = "all"              # every member on the roll that day
    COMMITTEE = "committee"  # the branch committee (支委) that day
    GROUP = "group"          # one 党小组
    PAIR = "pair"            # 谈心谈话: the two people talking

    @property
    def label(self) -> str:
        return {
            "all": translate("meetings", "All members"),
            "committee": translate("meetings", "The branch committee"),
            "group": translate("meetings", "One party group"),
            "pair": translate("meetings", "The two people talking"),
        }[self.value]


class Unit(StrEnum):
    """What a requirement is counted for."""
    BRANCH = "branch"
    GROUP = "group"
    PAIR = "pair"


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @property
    def label(self) -> str:
        return {
            "month": translate("meetings", "every month"),
            "quarter": translate("meetings", "every quarter"),
            "year": translate("meetings", "every year"),
        }[self.value]


class AttendanceStatus(StrEnum):
    PRESENT = "present"  # 出席
    LEAVE = "leave"      # 请假 (with a reason: a proper reason is not an absence)
    ABSENT = "absent"    # 缺席 / 缺勤

    @property
    def label(self) -> str:
        return {
            "present": translate("meetings", "Present"),
            "leave": translate("meetings", "On leave"),
            "absent": translate("meetings", "Absent"),
        }[self.value]


class CommitteeRole(StrEnum):
    """支部委员会 posts (支部工作条例 第十条)."""
    SECRETARY = "secretary"                # 书记
    DEPUTY_SECRETARY = "deputy_secretary"  # 副书记
    ORGANISATION = "organisation"          # 组织委员
    PROPAGANDA = "propaganda"              # 宣传委员
    DISCIPLINE = "discipline"              # 纪检委员
    MEMBER = "member"                      # 委员 (青年、统战 … or unnamed)

    @property
    def label(self) -> str:
        return {
            "secretary": translate("meetings", "Secretary"),
            "deputy_secretary": translate("meetings", "Deputy secretary"),
            "organisation": translate("meetings", "Organisation committee member"),
            "propaganda": translate("meetings", "Publicity committee member"),
            "discipline": translate("meetings", "Discipline inspection committee member"),
            "member": translate("meetings", "Committee member"),
        }[self.value]


class ThemeDayItem(StrEnum):
    """The six items a 主题党日 is checked for."""
    READ_CONSTITUTION = "read_constitution"  # 诵读党章
    PAY_DUES = "pay_dues"                    # 缴纳党费
    STUDY = "study"                          # 研学党规党情
    ORG_LIFE = "org_life"                    # 落实组织生活
    DELIBERATION = "deliberation"            # 民主议事
    DISCLOSURE = "disclosure"                # 民主公开

    @property
    def label(self) -> str:
        return {
            "read_constitution": translate("meetings", "Recite the Party Constitution"),
            "pay_dues": translate("meetings", "Pay Party dues"),
            "study": translate("meetings", "Study Party rules and affairs"),
            "org_life": translate("meetings", "Carry out organisational life"),
            "deliberation": translate("meetings", "Democratic deliberation"),
            "disclosure": translate("meetings", "Democratic disclosure"),
        }[self.value]


# -- requirements --------------------------------------------------------------------------

@dataclass(frozen=True)
class Requirement:
    """``count`` meetings every ``period`` (per 党小组 / per pair where the type says so).
    A count of 0 switches the requirement off."""
    period: PeriodKind
    count: int = 1

    @property
    def label(self) -> str:
        if self.count == 0:
            return translate("meetings", "not required")
        return translate("meetings", "{count} × {period}").format(count=self.count, period=self.period.label)


# DOMAIN §2. 党课 once a quarter is local practice (the national text fixes none for branches);
# 组织生活会 "at least once a year, usually Q4" is counted per year.
DEFAULT_REQUIREMENTS: dict[MeetingType, Requirement] = {
    MeetingType.BRANCH_ASSEMBLY: Requirement(PeriodKind.QUARTER),
    MeetingType.COMMITTEE: Requirement(PeriodKind.MONTH),
    MeetingType.GROUP: Requirement(PeriodKind.MONTH),
    MeetingType.LECTURE: Requirement(PeriodKind.QUARTER),
    MeetingType.THEME_DAY: Requirement(PeriodKind.MONTH),
    MeetingType.ORG_LIFE: Requirement(PeriodKind.YEAR),
    MeetingType.APPRAISAL: Requirement(PeriodKind.YEAR),
    MeetingType.TALK: Requirement(PeriodKind.YEAR),
}
DEFAULT_DUE_SOON_DAYS = 14
MAX_COUNT = 31


def setting_key(kind: MeetingType) -> str:
    return f"meetings.required.{kind.value}"


def requirement_setting(req: Requirement) -> dict:
    """How a requirement is kept in the settings table (JSON)."""
    return {"period": req.period.value, "count": req.count}


def requirement_from_setting(kind: MeetingType, value: object) -> Requirement:
    """A stored requirement; anything unreadable falls back to DOMAIN §2's default (a bad
    setting must not make every period look overdue)."""
    default = DEFAULT_REQUIREMENTS[kind]
    if not isinstance(value, Mapping):
        return default
    try:
        period = PeriodKind(value.get("period"))
        count = int(value.get("count", 1))
    except (TypeError, ValueError):
        return default
    if not 0 <= count <= MAX_COUNT:
        return default
    return Requirement(period, count)


# -- periods -------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Period:
    """A month, quarter or year: ``start`` ≤ day < ``end`` (end is the next period's start)."""
    start: date
    end: date
    kind: PeriodKind = field(compare=False)
    index: int = field(compare=False)  # month 1–12, quarter 1–4, 1 for a year

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    @property
    def label(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return translate("meetings", "{year}-{month:02d}").format(year=self.year, month=self.index)
        if self.kind is PeriodKind.QUARTER:
            return translate("meetings", "{year} Q{quarter}").format(year=self.year, quarter=self.index)
        return translate("meetings", "{year}").format(year=self.year)

    @property
    def short_label(self) -> str:
        """Within a year view: 1月 / 一季度 / 全年."""
        if self.kind is PeriodKind.MONTH:
            return translate("meetings", "{month}").format(month=self.index)
        if self.kind is PeriodKind.QUARTER:
            return translate("meetings", "Q{quarter}").format(quarter=self.index)
        return translate("meetings", "Year")


def _month_start(year: int, month: int) -> date:
    # month may run past 12: the first of the following year's month.
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def period_of(kind: PeriodKind, day: date) -> Period:
    """The period of that kind which ``day`` falls in."""
    if isinstance(day, datetime):
        day = day.date()
    if kind is PeriodKind.MONTH:
        return Period(_month_start(day.year, day.month), _month_start(day.year, day.month + 1), kind, day.month)
    if kind is PeriodKind.QUARTER:
        q = (day.month - 1) // 3 + 1
        first = 3 * q - 2
        return Period(_month_start(day.year, first), _month_start(day.year, first + 3), kind, q)
    return Period(date(day.year, 1, 1), date(day.year + 1, 1, 1), kind, 1)


@lru_cache(maxsize=256)
def periods_in_year(kind: PeriodKind, year: int) -> tuple[Period, ...]:
    count = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.YEAR: 1}[kind]
    step = 12 // count
    return tuple(period_of(kind, date(year, 1 + i * step, 1)) for i in range(count))


def period_start(kind: PeriodKind, day: date) -> date:
    """``period_of(kind, day).start``, without building the Period (the calendar asks this of
    every meeting)."""
    if kind is PeriodKind.MONTH:
        return date(day.year, day.month, 1)
    if kind is PeriodKind.QUARTER:
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (earlier when negative), the month's last day when it
    has fewer days (31 August − 6 months = 28 or 29 February)."""
    first = _month_start(day.year, day.month + months) if months >= 0 else _month_start(
        day.year + (day.month - 1 + months) // 12, (day.month - 1 + months) % 12 + 1)
    following = _month_start(first.year, first.month + 1)
    return first.replace(day=min(day.day, (following - timedelta(days=1)).day))


# -- the calendar ----------------------------------------------------------------------------

Pair = tuple[int, int]  # two member ids, the smaller first


def pair_of(a: int, b: int) -> Pair:
    return (a, b) if a < b else (b, a)


class MeetingFact(NamedTuple):
    """What the calendar needs to know of one meeting (a tuple: the calendar makes one per
    meeting it reads)."""
    type: MeetingType
    start: datetime
    end: datetime
    group: int | None = None   # 党小组 of a 党小组会
    pair: Pair | None = None   # the two people of a 谈心谈话

    def held_by(self, now: datetime) -> bool:
        return self.end <= now


class State(StrEnum):
    SATISFIED = "satisfied"        # as many held as required
    OVERDUE = "overdue"            # the period ended short
    DUE_SOON = "due_soon"          # the current period, short, ending within due_soon_days
    OPEN = "open"                  # the current period, short, with time left
    UPCOMING = "upcoming"          # a period still to come
    NOT_TRACKED = "not_tracked"    # ended before the branch kept its records here
    NOT_REQUIRED = "not_required"  # the requirement is switched off

    @property
    def label(self) -> str:
        return {
            "satisfied": translate("meetings", "Held"),
            "overdue": translate("meetings", "Overdue"),
            "due_soon": translate("meetings", "Due soon"),
            "open": translate("meetings", "Not yet held"),
            "upcoming": translate("meetings", "Still to come"),
            "not_tracked": translate("meetings", "Before records were kept here"),
            "not_required": translate("meetings", "Not required"),
        }[self.value]


class PeriodStatus(NamedTuple):
    """One cell of the calendar (a tuple: a year view makes some 130 of them)."""
    period: Period
    required: int
    held: int       # meetings held (for pairs: pairs that talked often enough)
    planned: int    # recorded but not yet ended
    state: State
    days_left: int | None = None  # the current period: days until it ends (the last day counts)


@dataclass(frozen=True)
class ComplianceRow:
    """One line of the calendar: a type for the whole branch, one 党小组, or all pairs."""
    type: MeetingType
    requirement: Requirement
    unit: Unit
    unit_key: int | None       # the group's id for Unit.GROUP
    unit_label: str            # the group's name; "" for the whole branch
    periods: tuple[PeriodStatus, ...]
    missing_pairs: tuple[Pair, ...] = ()  # Unit.PAIR: pairs still to talk in the latest judged period


def judge(period: Period, required: int, held: int, planned: int, *, now: datetime, since: date,
          due_soon_days: int) -> PeriodStatus:
    today = now.date()
    if required <= 0:
        return PeriodStatus(period, 0, held, planned, State.NOT_REQUIRED)
    if held >= required:
        return PeriodStatus(period, required, held, planned, State.SATISFIED)
    if period.end <= since:
        return PeriodStatus(period, required, held, planned, State.NOT_TRACKED)
    if today >= period.end:
        return PeriodStatus(period, required, held, planned, State.OVERDUE)
    if today < period.start:
        return PeriodStatus(period, required, held, planned, State.UPCOMING)
    days_left = (period.end - today).days  # today included: 1 on the period's last day
    state = State.DUE_SOON if days_left <= due_soon_days else State.OPEN
    return PeriodStatus(period, required, held, planned, state, days_left)


def _counts(facts: Iterable[MeetingFact], kind: PeriodKind, now: datetime, key: Callable[[MeetingFact], object]
            ) -> tuple[Counter, Counter]:
    """Meetings held and planned, by (period start, unit)."""
    held, planned = Counter(), Counter()
    for f in facts:
        # A meeting belongs to the period its start falls in; held once it has ended.
        (held if f.end <= now else planned)[(period_start(kind, f.start), key(f))] += 1
    return held, planned


def branch_row(kind: MeetingType, req: Requirement, facts: Iterable[MeetingFact], year: int, *, now: datetime,
               since: date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> ComplianceRow:
    """A type required of the whole branch (支部党员大会, 支委会, 党课, 主题党日, 组织生活会, 民主评议)."""
    facts = [f for f in facts if f.type is kind and f.start.year == year]
    held, planned = _counts(facts, req.period, now, lambda f: None)
    periods = tuple(judge(p, req.count, held[(p.start, None)], planned[(p.start, None)], now=now, since=since,
                          due_soon_days=due_soon_days) for p in periods_in_year(req.period, year))
    return ComplianceRow(kind, req, Unit.BRANCH, None, "", periods)


def group_rows(req: Requirement, facts: Iterable[MeetingFact], groups: Mapping[int, str], year: int, *,
               now: datetime, since: date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> list[ComplianceRow]:
    """党小组会: one row per 党小组, each held to the requirement on its own (第十三条)."""
    facts = [f for f in facts if f.type is MeetingType.GROUP and f.start.year == year]
    held, planned = _counts(facts, req.period, now, lambda f: f.group)
    rows = []
    for gid, name in groups.items():
        periods = tuple(judge(p, req.count, held[(p.start, gid)], planned[(p.start, gid)], now=now, since=since,
                              due_soon_days=due_soon_days) for p in periods_in_year(req.period, year))
        rows.append(ComplianceRow(MeetingType.GROUP, req, Unit.GROUP, gid, name, periods))
    return rows


def required_pairs(committee: Iterable[int], members: Iterable[int]) -> set[Pair]:
    """谈心谈话: every two committee members, and every committee member with every other member."""
    committee = set(committee)
    everyone = set(members) | committee
    return {pair_of(c, m) for c in committee for m in everyone if m != c}


def talk_row(req: Requirement, facts: Iterable[MeetingFact], pairs_for: Callable[[Period], set[Pair]], year: int,
             *, now: datetime, since: date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> ComplianceRow:
    """谈心谈话: required = the pairs due a talk (``pairs_for(period)``, the committee and roll
    of that period); held = those pairs that talked at least ``count`` times in it."""
    facts = [f for f in facts if f.type is MeetingType.TALK and f.pair is not None and f.start.year == year]
    held, planned = _counts(facts, req.period, now, lambda f: f.pair)
    statuses, missing = [], ()
    for p in periods_in_year(req.period, year):
        pairs = pairs_for(p) if req.count > 0 and p.start <= now.date() else set()
        done = {pair for pair in pairs if held[(p.start, pair)] >= req.count}
        talking = sum(1 for pair in pairs if pair not in done and planned[(p.start, pair)] > 0)
        status = judge(p, len(pairs) if req.count > 0 else 0, len(done), talking, now=now, since=since,
                       due_soon_days=due_soon_days)
        if not pairs and req.count > 0:
            # No committee (or no one to talk with): nothing is owed.
            status = PeriodStatus(p, 0, 0, 0, State.UPCOMING if p.start > now.date() else State.SATISFIED)
        statuses.append(status)
        if pairs and p.start <= now.date():
            missing = tuple(sorted(pairs - done))
    return ComplianceRow(MeetingType.TALK, req, Unit.PAIR, None, "", tuple(statuses), missing)


@dataclass
class BranchUnits:
    """The branch's 党小组 and 谈心谈话 pairs, as the service finds them for a period."""
    groups: Mapping[int, str] = field(default_factory=dict)
    pairs_for: Callable[[Period], set[Pair]] = lambda period: set()


def year_view(year: int, facts: list[MeetingFact], requirements: Mapping[MeetingType, Requirement],
              units: BranchUnits, *, now: datetime, since: date,
              due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> list[ComplianceRow]:
    """Every type's rows for one year, in the order of MeetingType."""
    by_type: dict[MeetingType, list[MeetingFact]] = {kind: [] for kind in MeetingType}
    for f in facts:
        if f.start.year == year:
            by_type[f.type].append(f)
    rows: list[ComplianceRow] = []
    for kind in MeetingType:
        facts = by_type[kind]
        req = requirements.get(kind, DEFAULT_REQUIREMENTS[kind])
        if kind.counted_per is Unit.GROUP:
            rows += group_rows(req, facts, units.groups, year, now=now, since=since, due_soon_days=due_soon_days)
        elif kind.counted_per is Unit.PAIR:
            rows.append(talk_row(req, facts, units.pairs_for, year, now=now, since=since, due_soon_days=due_soon_days))
        else:
            rows.append(branch_row(kind, req, facts, year, now=now, since=since, due_soon_days=due_soon_days))
    return rows


@dataclass(frozen=True)
class Attention:
    """A home-page line: a period overdue, or one to finish this month."""
    type: MeetingType
    unit_label: str
    status: PeriodStatus


def needs_attention(rows: Iterable[ComplianceRow], *, today: date, lookback_days: int = 365,
                    due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> list[Attention]:
    """Overdue periods that ended within ``lookback_days``, then current periods still short
    that end this month or within ``due_soon_days`` — overdue first, then by when they end."""
    month_end = period_of(PeriodKind.MONTH, today).end
    out = []
    for row in rows:
        for st in row.periods:
            if st.state is State.OVERDUE and (today - st.period.end).days < lookback_days:
                out.append(Attention(row.type, row.unit_label, st))
            elif st.state in (State.DUE_SOON, State.OPEN) and (
                    st.period.end <= month_end or (st.days_left or 0) <= due_soon_days):
                out.append(Attention(row.type, row.unit_label, st))
    out.sort(key=lambda a: (a.status.state is not State.OVERDUE, a.status.period.end, list(MeetingType).index(a.type),
                            a.unit_label))
    return out


# -- who is expected -----------------------------------------------------------------------

@dataclass(frozen=True)
class RollFacts:
    """What decides whether a member was on the roll on a given day."""
    member_id: int
    joined_on: date | None
    group_id: int | None = None
    events: tuple[tuple[str, date], ...] = ()  # (EventKind value, date), any order


_LEAVES = {"transfer_out", "left_party", "deceased"}


def on_roll(m: RollFacts, day: date) -> bool:
    """On this branch's roll that day, and in good standing (a member whose membership is
    suspended — 停止党籍 — takes no part in organisational life)?

    A member who came by 转入 was elsewhere before it; one who left by 转出/出党/去世 is off the
    roll from that day. A member without a joining date is taken as always on the roll.
    """
    if m.joined_on and day < m.joined_on:
        return False
    if not m.events:
        return True  # most members: nothing happened since they joined
    events = sorted(m.events, key=lambda e: e[1])
    roll_events = [e for e in events if e[0] == "transfer_in" or e[0] in _LEAVES]
    on = not (roll_events and roll_events[0][0] == "transfer_in")
    suspended = False
    for kind, when in events:
        if when > day:
            break
        if kind == "transfer_in":
            on = True
        elif kind in _LEAVES:
            on = False
        elif kind == "suspended":
            suspended = True
        elif kind == "restored":
            suspended = False
    return on and not suspended


@dataclass(frozen=True)
class CommitteeTerm:
    member_id: int
    role: CommitteeRole
    since: date
    until: date | None = None  # the first day no longer on the committee

    def serves_on(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day < self.until)


def committee_on(terms: Iterable[CommitteeTerm], day: date) -> dict[int, CommitteeRole]:
    return {t.member_id: t.role for t in terms if t.serves_on(day)}


def expected_members(audience: Audience, day: date, roll: Iterable[RollFacts], terms: Iterable[CommitteeTerm] = (),
                     *, group_id: int | None = None, pair: Pair | None = None) -> list[int]:
    """Who was due to attend (应到) on ``day``, in roll order.

    The 党小组 is the member's group today: the roster keeps no history of group moves.
    """
    roll = [m for m in roll if on_roll(m, day)]
    if audience is Audience.ALL:
        return [m.member_id for m in roll]
    if audience is Audience.COMMITTEE:
        committee = committee_on(terms, day)
        return [m.member_id for m in roll if m.member_id in committee]
    if audience is Audience.GROUP:
        return [m.member_id for m in roll if group_id is not None and m.group_id == group_id]
    wanted = set(pair or ())
    return [m.member_id for m in roll if m.member_id in wanted]


# -- absences and the six-month rule ----------------------------------------------------------

class Risk(StrEnum):
    WARNING = "warning"  # 3 months without taking part
    ALERT = "alert"      # 6 months: 党章第九条 regards this as 自行脱党 (the branch decides)


@dataclass(frozen=True)
class AbsenceSummary:
    member_id: int
    absences: int          # unexcused absences in the window
    expected: int          # meetings the member was due at in the window
    absent_since: date | None  # first meeting of the unbroken run of absences up to now
    risk: Risk | None


def absence_summary(member_id: int, attendance: Iterable[tuple[date, AttendanceStatus | None]], today: date, *,
                    window_months: int = 6, warning_months: int = 3, alert_months: int = 6) -> AbsenceSummary:
    """Absences over the last ``window_months``, and whether the member has missed every
    meeting for ``warning_months`` / ``alert_months`` in a row.

    ``attendance``: the held meetings the member was due at, with what was recorded (None:
    nothing recorded, which breaks no run and counts as no absence). 请假 with a reason is a
    proper reason (党章第九条 "没有正当理由"): it ends a run as attending does.
    """
    window_start = add_months(today, -window_months)
    records = sorted(attendance, key=lambda r: r[0])
    in_window = [(d, s) for d, s in records if window_start <= d <= today]
    absences = sum(1 for _, s in in_window if s is AttendanceStatus.ABSENT)
    run_start = None
    for d, s in records:
        if d > today:
            break
        if s is AttendanceStatus.ABSENT:
            run_start = run_start or d
        elif s is not None:
            run_start = None
    risk = None
    if run_start is not None:
        if run_start <= add_months(today, -alert_months):
            risk = Risk.ALERT
        elif run_start <= add_months(today, -warning_months):
            risk = Risk.WARNING
    return AbsenceSummary(member_id, absences, len(in_window), run_start, risk)


# -- one meeting's record --------------------------------------------------------------------

TITLE_MAX = 200
NAME_MAX = 40
PLACE_MAX = 200
LONG_MEETING = timedelta(hours=12)


@dataclass(frozen=True)
class MeetingRecord:
    """Plain values of one meeting, as the services and views see them (never an ORM row)."""
    type: MeetingType
    title: str
    start: datetime
    end: datetime
    place: str = ""
    host: str = ""
    recorder: str = ""
    audience: Audience | None = None         # None: the type's own (MeetingType.audience)
    group_id: int | None = None              # Audience.GROUP
    talk_pair: Pair | None = None            # 谈心谈话
    minutes: str = ""                        # rich text (HTML)
    resolutions: str = ""
    theme_items: frozenset[ThemeDayItem] = frozenset()
    id: int | None = None

    @property
    def who(self) -> Audience:
        if self.type is MeetingType.TALK:
            return Audience.PAIR
        if self.type is MeetingType.GROUP:
            return Audience.GROUP
        return self.audience or self.type.audience


def validate_meeting(rec: MeetingRecord) -> Problems:
    """Errors block saving; warnings ask first."""
    p = Problems()
    if not rec.title.strip():
        p.error("title", translate("meetings", "The topic is empty"))
    elif len(rec.title) > TITLE_MAX:
        p.error("title", translate("meetings", "The topic is longer than {n} characters").format(n=TITLE_MAX))
    if rec.end <= rec.start:
        p.error("end", translate("meetings", "The meeting must end after it starts"))
    elif rec.end - rec.start > LONG_MEETING:
        p.warn("end", translate("meetings", "The meeting lasts more than 12 hours; check the end time"))
    for name in ("host", "recorder"):
        if len(getattr(rec, name)) > NAME_MAX:
            p.error(name, translate("meetings", "A name is at most {n} characters").format(n=NAME_MAX))
    if len(rec.place) > PLACE_MAX:
        p.error("place", translate("meetings", "The place is longer than {n} characters").format(n=PLACE_MAX))
    if rec.who is Audience.GROUP and rec.group_id is None:
        p.error("group", translate("meetings", "Choose the party group that meets"))
    if rec.type is MeetingType.TALK:
        if rec.talk_pair is None or None in rec.talk_pair:
            p.error("talk_pair", translate("meetings", "Choose the two people who talked"))
        elif rec.talk_pair[0] == rec.talk_pair[1]:
            p.error("talk_pair", translate("meetings", "A talk is between two different people"))
    return p
