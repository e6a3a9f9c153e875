"""The compliance calendar against DOMAIN §2: periods and their edges, what counts as held,
per-group and per-pair counting, who is expected, and the six-month absence rule."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from core.meetings import (DEFAULT_REQUIREMENTS, Audience, AttendanceStatus, BranchUnits, CommitteeRole,
                           CommitteeTerm, MeetingFact, MeetingType, PeriodKind, Requirement, RollFacts, Risk, State,
                           Unit, absence_summary, add_months, branch_row, committee_on, expected_members, group_rows,
                           judge, needs_attention, on_roll, pair_of, period_of, periods_in_year, required_pairs,
                           requirement_from_setting, requirement_setting, talk_row, year_view)

NOW = datetime(2026, 11, 20, 9, 30)
SINCE = date(2020, 1, 1)
T = MeetingType


def held(kind: MeetingType, start: datetime, hours: float = 2, **kw) -> MeetingFact:
    return MeetingFact(kind, start, start + timedelta(hours=hours), **kw)


def states(row) -> list[State]:
    return [p.state for p in row.periods]


# -- DOMAIN §2 defaults ---------------------------------------------------------------------

def test_the_defaults_are_domain_section_2():
    d = DEFAULT_REQUIREMENTS
    assert d[T.BRANCH_ASSEMBLY] == Requirement(PeriodKind.QUARTER, 1)   # 第十一条
    assert d[T.COMMITTEE] == Requirement(PeriodKind.MONTH, 1)           # 第十二条
    assert d[T.GROUP] == Requirement(PeriodKind.MONTH, 1)               # 第十三条, per group
    assert d[T.LECTURE] == Requirement(PeriodKind.QUARTER, 1)           # local practice
    assert d[T.THEME_DAY] == Requirement(PeriodKind.MONTH, 1)
    assert d[T.ORG_LIFE] == Requirement(PeriodKind.YEAR, 1)             # 第十七条
    assert d[T.APPRAISAL] == Requirement(PeriodKind.YEAR, 1)
    assert d[T.TALK] == Requirement(PeriodKind.YEAR, 1)                 # per pair
    assert set(d) == set(MeetingType)
    assert T.GROUP.counted_per is Unit.GROUP and T.TALK.counted_per is Unit.PAIR
    assert T.COMMITTEE.audience is Audience.COMMITTEE and T.LECTURE.audience is Audience.ALL


def test_identifiers_are_stable():
    assert [t.value for t in MeetingType] == ["branch_assembly", "committee", "group", "lecture", "theme_day",
                                              "org_life", "appraisal", "talk"]


def test_every_value_has_a_label():
    from core.meetings import PeriodKind as K, ThemeDayItem
    for enum in (MeetingType, Audience, K, AttendanceStatus, CommitteeRole, ThemeDayItem, State):
        labels = [member.label for member in enum]
        assert all(labels) and len(set(labels)) == len(labels), enum


@pytest.mark.parametrize("kind", list(MeetingType))
def test_a_requirement_setting_round_trips(kind):
    req = Requirement(PeriodKind.QUARTER, 2)
    assert requirement_from_setting(kind, requirement_setting(req)) == req


@pytest.mark.parametrize("value", [None, "monthly", {"period": "fortnight"}, {"period": "month", "count": -1},
                                   {"period": "month", "count": "many"}, {"period": "month", "count": 99}])
def test_an_unreadable_setting_falls_back_to_the_default(value):
    assert requirement_from_setting(T.COMMITTEE, value) == DEFAULT_REQUIREMENTS[T.COMMITTEE]


# -- periods ------------------------------------------------------------------------------

@pytest.mark.parametrize("day,kind,start,end,index", [
    (date(2026, 3, 31), PeriodKind.QUARTER, date(2026, 1, 1), date(2026, 4, 1), 1),
    (date(2026, 4, 1), PeriodKind.QUARTER, date(2026, 4, 1), date(2026, 7, 1), 2),
    (date(2026, 12, 31), PeriodKind.QUARTER, date(2026, 10, 1), date(2027, 1, 1), 4),
    (date(2027, 1, 1), PeriodKind.QUARTER, date(2027, 1, 1), date(2027, 4, 1), 1),
    (date(2026, 12, 31), PeriodKind.MONTH, date(2026, 12, 1), date(2027, 1, 1), 12),
    (date(2024, 2, 29), PeriodKind.MONTH, date(2024, 2, 1), date(2024, 3, 1), 2),
    (date(2026, 12, 31), PeriodKind.YEAR, date(2026, 1, 1), date(2027, 1, 1), 1),
])
def test_period_boundaries(day, kind, start, end, index):
    p = period_of(kind, day)
    assert (p.start, p.end, p.index) == (start, end, index)
    assert p.contains(day) and not p.contains(end) and p.contains(p.last_day)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.sampled_from(list(PeriodKind)))
def test_every_day_is_in_exactly_one_period_of_its_year(day, kind):
    periods = periods_in_year(kind, day.year)
    assert [p for p in periods if p.contains(day)] == [period_of(kind, day)]
    # The periods tile the year: each starts where the last ended.
    assert periods[0].start == date(day.year, 1, 1) and periods[-1].end == date(day.year + 1, 1, 1)
    assert all(a.end == b.start for a, b in zip(periods, periods[1:]))


@pytest.mark.parametrize("day,months,expected", [
    (date(2026, 8, 31), -6, date(2026, 2, 28)),
    (date(2024, 8, 31), -6, date(2024, 2, 29)),
    (date(2026, 1, 15), -1, date(2025, 12, 15)),
    (date(2026, 11, 20), -12, date(2025, 11, 20)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.integers(-40, 40))
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == day.day or (result.day < day.day and (result + timedelta(days=1)).day == 1)


# -- what counts, and where ------------------------------------------------------------------

def test_a_meeting_late_on_31_march_counts_for_q1_and_1_april_for_q2():
    req = DEFAULT_REQUIREMENTS[T.BRANCH_ASSEMBLY]
    late_march = held(T.BRANCH_ASSEMBLY, datetime(2026, 3, 31, 23, 30), hours=1)  # runs into 1 April
    row = branch_row(T.BRANCH_ASSEMBLY, req, [late_march], 2026, now=NOW, since=SINCE)
    assert [p.held for p in row.periods] == [1, 0, 0, 0]
    assert states(row) == [State.SATISFIED, State.OVERDUE, State.OVERDUE, State.OPEN]  # Q4: 42 days left
    first_april = held(T.BRANCH_ASSEMBLY, datetime(2026, 4, 1, 0, 0))
    row = branch_row(T.BRANCH_ASSEMBLY, req, [first_april], 2026, now=NOW, since=SINCE)
    assert [p.held for p in row.periods] == [0, 1, 0, 0]
    assert states(row)[:2] == [State.OVERDUE, State.SATISFIED]


def test_31_december_counts_for_its_year_and_1_january_for_the_next():
    req = DEFAULT_REQUIREMENTS[T.ORG_LIFE]
    now = datetime(2027, 2, 1)
    dec = held(T.ORG_LIFE, datetime(2025, 12, 31, 19, 0), hours=6)  # ends after midnight
    jan = held(T.ORG_LIFE, datetime(2026, 1, 1, 9, 0))
    assert states(branch_row(T.ORG_LIFE, req, [dec, jan], 2025, now=now, since=SINCE)) == [State.SATISFIED]
    row_2026 = branch_row(T.ORG_LIFE, req, [dec, jan], 2026, now=now, since=SINCE)
    assert [p.held for p in row_2026.periods] == [1]
    # Without the 1 January meeting, 2026 ended with none: overdue in 2027.
    assert states(branch_row(T.ORG_LIFE, req, [dec], 2026, now=now, since=SINCE)) == [State.OVERDUE]
    # The same year, judged on 31 December 23:59, is still due (today is its last day).
    last = branch_row(T.ORG_LIFE, req, [dec], 2026, now=datetime(2026, 12, 31, 23, 59), since=SINCE)
    assert states(last) == [State.DUE_SOON] and last.periods[0].days_left == 1


def test_a_meeting_counts_once_it_has_ended():
    req = DEFAULT_REQUIREMENTS[T.COMMITTEE]
    running = MeetingFact(T.COMMITTEE, datetime(2026, 11, 20, 9, 0), datetime(2026, 11, 20, 11, 0))
    row = branch_row(T.COMMITTEE, req, [running], 2026, now=NOW, since=SINCE)
    nov = row.periods[10]
    assert (nov.held, nov.planned, nov.state) == (0, 1, State.DUE_SOON)
    at_end = branch_row(T.COMMITTEE, req, [running], 2026, now=datetime(2026, 11, 20, 11, 0), since=SINCE)
    assert (at_end.periods[10].held, at_end.periods[10].state) == (1, State.SATISFIED)


def test_other_types_do_not_count():
    req = DEFAULT_REQUIREMENTS[T.COMMITTEE]
    row = branch_row(T.COMMITTEE, req, [held(T.THEME_DAY, datetime(2026, 1, 5, 9))], 2026, now=NOW, since=SINCE)
    assert row.periods[0].state is State.OVERDUE


def test_month_states_through_the_year():
    req = DEFAULT_REQUIREMENTS[T.COMMITTEE]
    facts = [held(T.COMMITTEE, datetime(2026, m, 10, 14)) for m in (1, 2, 4, 5, 6, 7, 8, 9, 10)]
    row = branch_row(T.COMMITTEE, req, facts, 2026, now=NOW, since=SINCE)
    expected = [State.SATISFIED] * 2 + [State.OVERDUE] + [State.SATISFIED] * 7 + [State.DUE_SOON, State.UPCOMING]
    assert states(row) == expected
    assert row.periods[10].days_left == 11  # 20–30 November, both counted


def test_due_soon_only_within_the_window():
    p = period_of(PeriodKind.MONTH, date(2026, 11, 1))
    assert judge(p, 1, 0, 0, now=datetime(2026, 11, 16), since=SINCE, due_soon_days=14).state is State.OPEN
    assert judge(p, 1, 0, 0, now=datetime(2026, 11, 17), since=SINCE, due_soon_days=14).state is State.DUE_SOON
    assert judge(p, 1, 0, 0, now=datetime(2026, 12, 1), since=SINCE, due_soon_days=14).state is State.OVERDUE
    assert judge(p, 1, 0, 0, now=datetime(2026, 10, 31, 23, 59), since=SINCE, due_soon_days=14).state is State.UPCOMING


def test_twice_a_month_needs_two():
    req = Requirement(PeriodKind.MONTH, 2)
    facts = [held(T.THEME_DAY, datetime(2026, 1, 5, 9))]
    row = branch_row(T.THEME_DAY, req, facts, 2026, now=NOW, since=SINCE)
    assert (row.periods[0].required, row.periods[0].held, row.periods[0].state) == (2, 1, State.OVERDUE)


def test_a_switched_off_requirement_is_never_overdue():
    row = branch_row(T.LECTURE, Requirement(PeriodKind.QUARTER, 0), [], 2026, now=NOW, since=SINCE)
    assert set(states(row)) == {State.NOT_REQUIRED}


def test_periods_before_the_records_began_are_not_judged():
    req = DEFAULT_REQUIREMENTS[T.COMMITTEE]
    row = branch_row(T.COMMITTEE, req, [], 2026, now=NOW, since=date(2026, 9, 15))
    assert states(row)[:8] == [State.NOT_TRACKED] * 8
    assert states(row)[8:] == [State.OVERDUE, State.OVERDUE, State.DUE_SOON, State.UPCOMING]  # September is judged


def test_quarter_edges_when_judging():
    req = DEFAULT_REQUIREMENTS[T.BRANCH_ASSEMBLY]
    # On 31 March Q1 is current (1 day left); on 1 April it is over.
    on_31 = branch_row(T.BRANCH_ASSEMBLY, req, [], 2026, now=datetime(2026, 3, 31, 23, 59), since=SINCE)
    assert (on_31.periods[0].state, on_31.periods[0].days_left) == (State.DUE_SOON, 1)
    on_1 = branch_row(T.BRANCH_ASSEMBLY, req, [], 2026, now=datetime(2026, 4, 1, 0, 0), since=SINCE)
    assert on_1.periods[0].state is State.OVERDUE and on_1.periods[1].state is State.OPEN


# -- per group and per pair -----------------------------------------------------------------

def test_party_group_meetings_are_counted_per_group():
    req = DEFAULT_REQUIREMENTS[T.GROUP]
    groups = {1: "第一党小组", 2: "第二党小组"}
    facts = [held(T.GROUP, datetime(2026, 10, 8, 15), group=1), held(T.GROUP, datetime(2026, 10, 9, 15), group=1),
             held(T.GROUP, datetime(2026, 9, 9, 15), group=2)]
    rows = group_rows(req, facts, groups, 2026, now=NOW, since=SINCE)
    assert [(r.unit, r.unit_key, r.unit_label) for r in rows] == [(Unit.GROUP, 1, "第一党小组"), (Unit.GROUP, 2, "第二党小组")]
    one, two = rows
    # Two meetings of group 1 in October do not make up for group 2's missing one.
    assert (one.periods[9].held, one.periods[9].state) == (2, State.SATISFIED)
    assert (two.periods[9].held, two.periods[9].state) == (0, State.OVERDUE)
    assert one.periods[8].state is State.OVERDUE and two.periods[8].state is State.SATISFIED


def test_talk_pairs_are_committee_with_committee_and_committee_with_member():
    assert required_pairs({1, 2}, {1, 2, 3, 4}) == {(1, 2), (1, 3), (1, 4), (2, 3), (2, 4)}
    assert (3, 4) not in required_pairs({1, 2}, {1, 2, 3, 4})  # two ordinary members: not required
    assert required_pairs(set(), {1, 2, 3}) == set()
    assert pair_of(7, 3) == (3, 7)


def test_talks_are_counted_per_pair_each_year():
    req = DEFAULT_REQUIREMENTS[T.TALK]
    pairs = required_pairs({1, 2}, {1, 2, 3})   # (1,2) (1,3) (2,3)
    facts = [held(T.TALK, datetime(2026, 3, 1, 10), pair=(1, 2)),
             held(T.TALK, datetime(2026, 5, 1, 10), pair=(1, 2)),      # the same pair twice counts once
             held(T.TALK, datetime(2025, 12, 31, 10), pair=(1, 3)),    # last year's
             held(T.TALK, datetime(2026, 6, 1, 10), pair=(3, 4)),      # not a required pair
             held(T.TALK, datetime(2026, 11, 25, 10), pair=(2, 3))]    # planned
    row = talk_row(req, facts, lambda period: pairs, 2026, now=NOW, since=SINCE)
    p = row.periods[0]
    assert (p.required, p.held, p.planned, p.state) == (3, 1, 1, State.OPEN)
    assert row.missing_pairs == ((1, 3), (2, 3))
    row_2025 = talk_row(req, facts, lambda period: pairs, 2025, now=NOW, since=SINCE)
    assert (row_2025.periods[0].held, row_2025.periods[0].state) == (1, State.OVERDUE)
    # No committee: nothing is owed.
    empty = talk_row(req, facts, lambda period: set(), 2026, now=NOW, since=SINCE)
    assert empty.periods[0].state is State.SATISFIED and empty.periods[0].required == 0


def test_year_view_has_a_row_per_type_and_group():
    units = BranchUnits(groups={1: "一组", 2: "二组"}, pairs_for=lambda p: {(1, 2)})
    rows = year_view(2026, [], DEFAULT_REQUIREMENTS, units, now=NOW, since=SINCE)
    assert [r.type for r in rows] == [T.BRANCH_ASSEMBLY, T.COMMITTEE, T.GROUP, T.GROUP, T.LECTURE, T.THEME_DAY,
                                      T.ORG_LIFE, T.APPRAISAL, T.TALK]
    assert [len(r.periods) for r in rows] == [4, 12, 12, 12, 4, 12, 1, 1, 1]


def test_what_needs_attention_on_the_home_page():
    units = BranchUnits(groups={1: "一组"}, pairs_for=lambda p: set())
    facts = [held(T.COMMITTEE, datetime(2026, m, 3, 9)) for m in range(1, 11)]
    facts += [held(T.THEME_DAY, datetime(2026, m, 1, 9)) for m in range(1, 11) if m != 10]
    facts += [held(T.GROUP, datetime(2026, m, 1, 9), group=1) for m in range(1, 12)]
    facts += [held(T.BRANCH_ASSEMBLY, datetime(2026, m, 1, 9)) for m in (1, 4, 7)]
    facts += [held(T.LECTURE, datetime(2026, m, 1, 9)) for m in (1, 4, 7, 10)]
    now = datetime(2026, 11, 20, 9, 30)
    rows = year_view(2026, facts, DEFAULT_REQUIREMENTS, units, now=now, since=date(2026, 1, 1))
    items = needs_attention(rows, today=now.date())
    listed = [(a.type, a.status.period.start, a.status.state) for a in items]
    # October's 主题党日 is overdue; November's 支委会 and 主题党日 end this month. Q4's 支部党员大会
    # and the year's 组织生活会 / 民主评议 end in December: not yet listed (the calendar shows them).
    assert listed == [(T.THEME_DAY, date(2026, 10, 1), State.OVERDUE),
                      (T.COMMITTEE, date(2026, 11, 1), State.DUE_SOON), (T.THEME_DAY, date(2026, 11, 1), State.DUE_SOON)]
    in_december = year_view(2026, facts, DEFAULT_REQUIREMENTS, units, now=datetime(2026, 12, 2), since=date(2026, 1, 1))
    december = {(a.type, a.status.state) for a in needs_attention(in_december, today=date(2026, 12, 2))}
    assert {(T.BRANCH_ASSEMBLY, State.OPEN), (T.ORG_LIFE, State.OPEN), (T.APPRAISAL, State.OPEN),
            (T.COMMITTEE, State.OVERDUE)} <= december


def test_overdue_periods_long_past_are_left_to_the_calendar():
    req = DEFAULT_REQUIREMENTS[T.ORG_LIFE]
    rows = [branch_row(T.ORG_LIFE, req, [], y, now=NOW, since=SINCE) for y in (2024, 2025)]
    assert [a.status.period.year for a in needs_attention(rows, today=NOW.date())] == [2025]


# -- oracle: counting against a brute force ----------------------------------------------------

_starts = st.datetimes(min_value=datetime(2025, 12, 1), max_value=datetime(2027, 1, 31, 23, 59))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_starts, st.integers(0, 600), st.sampled_from([T.COMMITTEE, T.BRANCH_ASSEMBLY, T.ORG_LIFE])),
                max_size=25),
       st.sampled_from(list(PeriodKind)), st.integers(1, 3),
       st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 31)))
def test_counts_and_states_match_a_brute_force(meetings, kind, count, now):
    facts = [MeetingFact(t, s, s + timedelta(minutes=m)) for s, m, t in meetings]
    row = branch_row(T.COMMITTEE, Requirement(kind, count), facts, 2026, now=now, since=SINCE)
    for status in row.periods:
        p = status.period
        mine = [f for f in facts if f.type is T.COMMITTEE and p.start <= f.start.date() < p.end]
        assert status.held == sum(1 for f in mine if f.end <= now)
        assert status.planned == sum(1 for f in mine if f.end > now)
        if status.held >= count:
            assert status.state is State.SATISFIED
        elif datetime.combine(p.end, datetime.min.time()) <= now:
            assert status.state is State.OVERDUE
        elif datetime.combine(p.start, datetime.min.time()) > now:
            assert status.state is State.UPCOMING
        else:
            assert status.state in (State.DUE_SOON, State.OPEN)
            assert 1 <= status.days_left <= 366


# -- who is expected -------------------------------------------------------------------------

def test_on_the_roll_from_joining_or_transfer_in_until_leaving():
    plain = RollFacts(1, date(2020, 7, 1))
    assert not on_roll(plain, date(2020, 6, 30)) and on_roll(plain, date(2020, 7, 1))
    moved_in = RollFacts(2, date(2000, 7, 1), events=(("transfer_in", date(2024, 3, 1)),))
    assert not on_roll(moved_in, date(2024, 2, 29)) and on_roll(moved_in, date(2024, 3, 1))
    left = RollFacts(3, date(2000, 7, 1), events=(("transfer_out", date(2025, 6, 30)),))
    assert on_roll(left, date(2025, 6, 29)) and not on_roll(left, date(2025, 6, 30))
    back = RollFacts(4, date(2000, 7, 1), events=(("transfer_in", date(2026, 1, 1)), ("transfer_out", date(2023, 1, 1))))
    assert on_roll(back, date(2022, 12, 31)) and not on_roll(back, date(2024, 1, 1)) and on_roll(back, date(2026, 1, 1))
    died = RollFacts(5, None, events=(("deceased", date(2026, 5, 5)),))
    assert on_roll(died, date(1990, 1, 1)) and not on_roll(died, date(2026, 5, 5))
    suspended = RollFacts(6, date(2000, 7, 1), events=(("suspended", date(2025, 1, 1)), ("restored", date(2025, 7, 1))))
    assert not on_roll(suspended, date(2025, 3, 1)) and on_roll(suspended, date(2025, 7, 1))


def test_expected_members_by_audience():
    roll = [RollFacts(1, date(2000, 1, 1), group_id=10), RollFacts(2, date(2000, 1, 1), group_id=20),
            RollFacts(3, date(2026, 6, 1), group_id=10),
            RollFacts(4, date(2000, 1, 1), group_id=10, events=(("transfer_out", date(2026, 3, 1)),))]
    terms = [CommitteeTerm(1, CommitteeRole.SECRETARY, date(2024, 1, 1)),
             CommitteeTerm(2, CommitteeRole.ORGANISATION, date(2024, 1, 1), until=date(2026, 4, 1)),
             CommitteeTerm(3, CommitteeRole.ORGANISATION, date(2026, 4, 1))]
    assert expected_members(Audience.ALL, date(2026, 2, 1), roll, terms) == [1, 2, 4]
    assert expected_members(Audience.ALL, date(2026, 7, 1), roll, terms) == [1, 2, 3]
    assert expected_members(Audience.COMMITTEE, date(2026, 2, 1), roll, terms) == [1, 2]
    # On 1 April the organisation post changed hands; 3 had not yet joined the Party then.
    assert committee_on(terms, date(2026, 4, 1)) == {1: CommitteeRole.SECRETARY, 3: CommitteeRole.ORGANISATION}
    assert expected_members(Audience.COMMITTEE, date(2026, 4, 1), roll, terms) == [1]
    assert expected_members(Audience.COMMITTEE, date(2026, 7, 1), roll, terms) == [1, 3]
    assert expected_members(Audience.GROUP, date(2026, 2, 1), roll, terms, group_id=10) == [1, 4]
    assert expected_members(Audience.PAIR, date(2026, 7, 1), roll, terms, pair=(2, 3)) == [2, 3]


# -- absences ------------------------------------------------------------------------------

A, L, P = AttendanceStatus.ABSENT, AttendanceStatus.LEAVE, AttendanceStatus.PRESENT
TODAY = date(2026, 11, 20)


def test_six_months_of_absences_is_an_alert():
    monthly = [(date(2026, m, 5), A) for m in range(5, 12)]  # 5 May … 5 November
    s = absence_summary(9, [(date(2026, 4, 5), P)] + monthly, TODAY)
    # Six in the window (20 May – 20 November); the run began before it.
    assert (s.absences, s.expected, s.absent_since, s.risk) == (6, 6, date(2026, 5, 5), Risk.ALERT)


def test_three_months_is_a_warning_and_attending_or_leave_ends_the_run():
    run = [(date(2026, m, 5), A) for m in (8, 9, 10, 11)]
    assert absence_summary(1, run, TODAY).risk is Risk.WARNING
    assert absence_summary(1, run[:1] + [(date(2026, 9, 6), P)] + run[2:], TODAY).risk is None
    assert absence_summary(1, run[:1] + [(date(2026, 9, 6), L)] + run[2:], TODAY).risk is None
    # Nothing recorded for a meeting neither breaks nor extends a run.
    assert absence_summary(1, run[:2] + [(date(2026, 10, 1), None)] + run[2:], TODAY).risk is Risk.WARNING


def test_absences_are_counted_over_the_last_six_months_only():
    records = [(date(2026, 5, 19), A), (date(2026, 5, 20), A), (date(2026, 11, 20), P)]
    s = absence_summary(1, records, TODAY)
    assert (s.absences, s.expected, s.risk) == (1, 2, None)
