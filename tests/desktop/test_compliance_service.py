"""The compliance calendar over a real branch database (DOMAIN §2), its settings, the home
page's meeting reminders and the 自行脱党 risk list."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest
from sqlalchemy import select

from core.meetings import (AttendanceStatus, MeetingType, PeriodKind, Requirement, Risk, State, Unit)
from db.models import PartyGroup
from desktop.services.compliance import ComplianceService, dropout_risks
from desktop.services.meetings import AttendanceEntry, MeetingService
from tests.helpers.meetings import meeting, small_branch

T = MeetingType


@pytest.fixture
def svc(ctx) -> MeetingService:
    return MeetingService(ctx.db, ctx.clock, ctx.data_dir)


@pytest.fixture
def cal(ctx, svc) -> ComplianceService:
    ctx.settings.set("meetings.tracking_from", "2025-01-01")
    return ComplianceService(ctx, svc)


@pytest.fixture
def ids(ctx, svc):
    return small_branch(ctx, svc)


def row(year, kind, unit_label=""):
    return next(r for r in year.rows if r.type is kind and r.unit_label == unit_label)


def states(r) -> list[State]:
    return [p.state for p in r.periods]


def test_quarter_and_year_edges_from_stored_meetings(svc, cal, ids):
    svc.add(meeting(T.BRANCH_ASSEMBLY, datetime(2026, 3, 31, 23, 30), hours=1))   # Q1, ends 1 April 00:30
    svc.add(meeting(T.BRANCH_ASSEMBLY, datetime(2026, 7, 1, 0, 0)))               # Q3
    svc.add(meeting(T.ORG_LIFE, datetime(2025, 12, 31, 19, 0), hours=6))          # 2025, not 2026
    y = cal.year(2026)
    assembly = row(y, T.BRANCH_ASSEMBLY)
    assert [p.held for p in assembly.periods] == [1, 0, 1, 0]
    assert states(assembly) == [State.SATISFIED, State.OVERDUE, State.SATISFIED, State.OPEN]
    assert states(row(y, T.ORG_LIFE)) == [State.OPEN]
    assert states(row(cal.year(2025), T.ORG_LIFE)) == [State.SATISFIED]


def test_party_groups_are_held_to_the_requirement_each(ctx, svc, cal, ids):
    with ctx.db.session() as s:
        g1, g2 = s.scalars(select(PartyGroup.id).order_by(PartyGroup.position)).all()
    svc.add(meeting(T.GROUP, datetime(2026, 10, 12, 15), group_id=g1))
    svc.add(meeting(T.GROUP, datetime(2026, 10, 13, 15), group_id=g1))
    y = cal.year(2026)
    one, two = row(y, T.GROUP, "第一党小组"), row(y, T.GROUP, "第二党小组")
    assert one.unit is Unit.GROUP and one.unit_key == g1
    assert (one.periods[9].held, one.periods[9].state) == (2, State.SATISFIED)
    assert (two.periods[9].held, two.periods[9].state) == (0, State.OVERDUE)


def test_talk_pairs_come_from_the_committee(svc, cal, ids):
    # Committee 王书记, 李委员 of six members: 1 committee pair + 2 × 4 committee–member pairs.
    talk = row(cal.year(2026), T.TALK)
    assert talk.periods[0].required == 9 and talk.periods[0].held == 0
    svc.add(meeting(T.TALK, datetime(2026, 3, 3, 10), talk_pair=(ids["王书记"], ids["张伟"])))
    svc.add(meeting(T.TALK, datetime(2026, 3, 4, 10), talk_pair=(ids["张伟"], ids["赵敏"])))  # two members: not required
    talk = row(cal.year(2026), T.TALK)
    assert talk.periods[0].held == 1 and len(talk.missing_pairs) == 8
    # In 2025 陈静 was not yet a member: 7 pairs were due.
    assert row(cal.year(2025), T.TALK).periods[0].required == 7


def test_requirements_are_settings(ctx, svc, cal, ids):
    assert cal.requirements()[T.COMMITTEE] == Requirement(PeriodKind.MONTH, 1)
    cal.set_requirement(T.COMMITTEE, Requirement(PeriodKind.QUARTER, 2))
    svc.add(meeting(T.COMMITTEE, datetime(2026, 1, 5, 9)))
    svc.add(meeting(T.COMMITTEE, datetime(2026, 2, 5, 9)))
    committee = row(cal.year(2026), T.COMMITTEE)
    assert len(committee.periods) == 4 and states(committee)[:2] == [State.SATISFIED, State.OVERDUE]
    cal.reset_requirements()
    assert len(row(cal.year(2026), T.COMMITTEE).periods) == 12
    ctx.settings.set("meetings.required.lecture", {"period": "fortnight"})  # unreadable: the default holds
    assert cal.requirements()[T.LECTURE] == Requirement(PeriodKind.QUARTER, 1)


def test_tracking_starts_with_the_branch_or_its_first_record(ctx, svc, ids):
    cal = ComplianceService(ctx, svc)
    created = svc.branch_created()
    assert cal.tracking_since() == created
    svc.add(meeting(T.COMMITTEE, datetime(2024, 5, 5, 9)))
    assert cal.tracking_since() == date(2024, 5, 5)
    y = cal.year(2024)
    assert states(row(y, T.COMMITTEE))[:5] == [State.NOT_TRACKED] * 4 + [State.SATISFIED]
    assert states(row(y, T.COMMITTEE))[5] == State.OVERDUE
    cal.set_tracking_from(date(2026, 1, 1))
    assert set(states(row(cal.year(2024), T.COMMITTEE))) == {State.NOT_TRACKED, State.SATISFIED}
    assert cal.years()[0] == 2024


def test_the_home_page_lists_overdue_and_this_months_meetings(svc, cal, ids):
    for month in range(1, 12):
        svc.add(meeting(T.THEME_DAY, datetime(2026, month, 1, 9)))
        if month != 9:
            svc.add(meeting(T.COMMITTEE, datetime(2026, month, 2, 9)))
    listed = [(a.type, a.unit_label, a.status.period.start, a.status.state) for a in cal.attention()]
    assert (T.COMMITTEE, "", date(2026, 9, 1), State.OVERDUE) in listed
    assert (T.BRANCH_ASSEMBLY, "", date(2026, 7, 1), State.OVERDUE) in listed
    assert (T.GROUP, "第一党小组", date(2026, 11, 1), State.DUE_SOON) in listed
    assert not any(kind in (T.COMMITTEE, T.THEME_DAY) and start == date(2026, 11, 1) for kind, _, start, _ in listed)
    # Tracking began on 1 January 2025: last year's periods within the last twelve months are listed …
    assert (T.COMMITTEE, "", date(2025, 12, 1), State.OVERDUE) in listed
    # … periods that ended longer ago are left to the calendar.
    assert min(a.status.period.end for a in cal.attention()) == date(2025, 12, 1)
    # Overdue ones first.
    assert [a.status.state is State.OVERDUE for a in cal.attention()] == sorted(
        (a.status.state is State.OVERDUE for a in cal.attention()), reverse=True)


def test_absences_flag_members_and_combine_with_dues_arrears(svc, cal, ids):
    for month in range(4, 12):
        mid = svc.add(meeting(T.THEME_DAY, datetime(2026, month, 5, 9)))
        entries = [AttendanceEntry(ids["张伟"], AttendanceStatus.ABSENT),
                   AttendanceEntry(ids["王书记"], AttendanceStatus.PRESENT)]
        if month >= 8:
            entries.append(AttendanceEntry(ids["赵敏"], AttendanceStatus.ABSENT))
        if month == 10:
            entries.append(AttendanceEntry(ids["刘洋"], AttendanceStatus.LEAVE, "住院"))
        svc.set_attendance(mid, entries, by="")
    absences = {a.name: a.summary for a in cal.absences()}
    assert (absences["张伟"].absences, absences["张伟"].risk) == (6, Risk.ALERT)        # since April
    assert (absences["赵敏"].absences, absences["赵敏"].risk) == (4, Risk.WARNING)      # since August
    assert absences["刘洋"].risk is None and absences["王书记"].absences == 0

    @dataclass
    class Arrears:  # what the dues reminders give
        member_id: int
        name: str
        months: int
        flag: str

    risks = dropout_risks(cal.absences(), [Arrears(ids["赵敏"], "赵敏", 7, "alert"), Arrears(ids["刘洋"], "刘洋", 3, "warning")])
    # Alerts first; within a level, the most months and absences first.
    assert [(r.name, r.level, r.absences, r.arrears_months) for r in risks] == [
        ("赵敏", Risk.ALERT, 4, 7), ("张伟", Risk.ALERT, 6, 0), ("刘洋", Risk.WARNING, 0, 3)]
    assert risks[1].absent_since == date(2026, 4, 5)
