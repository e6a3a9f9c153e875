"""The demo branch's year of meetings: every type, attendance with leaves and absences, and
exactly one period deliberately overdue."""
from __future__ import annotations

from core.meetings import AttendanceStatus, MeetingType, Risk, State
from desktop.services.compliance import ComplianceService, dropout_risks
from desktop.services.demo import create_demo_branch
from desktop.services.meetings import MeetingService


def test_the_demo_has_a_plausible_year_with_one_period_overdue(ctx):
    create_demo_branch(ctx)
    service = MeetingService(ctx.db, ctx.clock, ctx.data_dir)
    rows = service.list()
    assert {r.type for r in rows} == set(MeetingType)
    assert len(service.committee()) == 5
    calendar = ComplianceService(ctx, service).year(ctx.clock.today().year)
    overdue = [(r.type, p.period.start) for r in calendar.rows for p in r.periods if p.state is State.OVERDUE]
    assert len(overdue) == 1 and overdue[0][0] is MeetingType.COMMITTEE
    held = [r for r in rows if r.held and r.type is MeetingType.THEME_DAY]
    assert sum(r.leave for r in held) > 0 and sum(r.absent for r in held) > 0
    statuses = {row.status for r in held[:3] for row in service.attendance(r.id)}
    assert statuses >= {AttendanceStatus.PRESENT, AttendanceStatus.LEAVE, AttendanceStatus.ABSENT}
    risks = dropout_risks(ComplianceService(ctx, service).absences())
    assert [r.level for r in risks].count(Risk.ALERT) >= 1 and [r.level for r in risks].count(Risk.WARNING) >= 1
    assert all(r.minutes for r in map(service.get, [m.id for m in held]))


def test_the_demo_meetings_are_deterministic(ctx, tmp_path, clock):
    from desktop.context import open_context
    create_demo_branch(ctx)
    other = open_context(tmp_path / "other", clock=clock, branch_name="测试党支部")
    try:
        create_demo_branch(other)
        def listing(c):
            return [(r.type, r.start, r.title, r.present, r.leave, r.absent) for r in MeetingService(c.db, clock, c.data_dir).list()]
        assert listing(ctx) == listing(other)
    finally:
        other.close()
