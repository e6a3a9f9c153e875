"""Opening the compliance calendar, and the home page's meeting reminders, on a branch with ten
years of meetings (≈1,500) and their attendance.

Goal (issue 4): ≤ 3× the bare database query of the same rows. Measured in the same run,
interleaved:
- calendar: ComplianceService.year(this year) and the CalendarModel built from it, against bare
  SQL (one connection, no ORM, no conversion) of every row it reads: that year's meetings, the
  roster's roll columns, the status events, the committee terms, the groups, the settings;
- reminders: the overdue/due list and the 自行脱党 list (absences of the last twelve months),
  against the same roster rows, the meetings since last January, the members on the roll and
  the attendance of the last twelve months.
The ratio against the meeting and attendance rows alone is printed too: with a 45-member
roster, the fixed cost of five small queries dominates it.

    .venv/bin/python -m bench.bench_meetings [--years N] [--rounds R]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

GOAL_RATIO = 3.0
TODAY = datetime(2026, 11, 20, 9, 30)


def populate(ctx, years: int, seed: int = 20261120) -> int:
    """Members, a committee, and ``years`` years of meetings with attendance, straight into
    the database (the service's per-meeting checks are not what is measured)."""
    from core.meetings import CommitteeRole, MeetingType, pair_of
    from core.members import Gender, MemberCategory, MemberRecord
    from db.models import Attendance, Meeting, PartyGroup

    rng = random.Random(seed)
    groups = ["第一党小组", "第二党小组", "离退休党小组"]
    ids = [ctx.members.add(MemberRecord(name=f"党员{i:02d}", gender=Gender.MALE, category=MemberCategory.FULL,
                                        joined_on=date(1990 + i % 20, 7, 1), full_member_on=date(1991 + i % 20, 7, 1),
                                        group=groups[i % 3]))
           for i in range(45)]
    from desktop.services.meetings import MeetingService
    service = MeetingService(ctx.db, ctx.clock, ctx.data_dir)
    for member_id, role in zip(ids, list(CommitteeRole)[:5]):
        service.set_committee_role(member_id, role, date(TODAY.year - years - 1, 1, 1))
    committee = ids[:5]
    with ctx.db.session() as s:
        group_ids = [gid for gid, in s.execute(PartyGroup.__table__.select().with_only_columns(PartyGroup.id)
                                                .order_by(PartyGroup.position))]
    meetings, attendance = [], []

    def add(kind: MeetingType, start: datetime, audience: str, people: list[int], group=None, pair=None):
        mid = len(meetings) + 1
        meetings.append(dict(id=mid, type=kind.value, title=f"{kind.value} {start:%Y-%m}", start=start,
                             end=start + timedelta(hours=1, minutes=30), place="党员活动室", host="党员00", recorder="党员03",
                             audience=audience, group_id=group, talk_a_id=pair[0] if pair else None,
                             talk_b_id=pair[1] if pair else None, minutes="<p>会议记录</p>", resolutions="",
                             theme_items="", created_at=start, updated_at=start))
        if start + timedelta(hours=2) <= TODAY:
            for p in people:
                r = rng.random()
                status = "present" if r < 0.92 else ("leave" if r < 0.97 else "absent")
                attendance.append(dict(meeting_id=mid, member_id=p, status=status, reason="出差" if status == "leave" else "",
                                       recorded_at=start))

    first_year = TODAY.year - years + 1
    for year in range(first_year, TODAY.year + 1):
        for month in range(1, 13):
            if datetime(year, month, 1) > TODAY:
                break
            add(MeetingType.COMMITTEE, datetime(year, month, 5, 9), "committee", committee)
            add(MeetingType.THEME_DAY, datetime(year, month, 15, 14, 30), "all", ids)
            for n, gid in enumerate(group_ids):
                add(MeetingType.GROUP, datetime(year, month, 8 + n, 15), "group", ids[n::3], group=gid)
            if month in (3, 6, 9, 12):
                add(MeetingType.BRANCH_ASSEMBLY, datetime(year, month, 26, 14, 30), "all", ids)
                add(MeetingType.LECTURE, datetime(year, month, 20, 15), "all", ids)
            if month == 12:
                add(MeetingType.ORG_LIFE, datetime(year, month, 18, 9), "all", ids)
                add(MeetingType.APPRAISAL, datetime(year, month, 18, 14), "all", ids)
        for n in range(78):  # 谈心谈话 through the year
            a, b = rng.choice(committee), rng.choice(ids)
            if a != b:
                day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
                if datetime.combine(day, datetime.min.time()) < TODAY:
                    add(MeetingType.TALK, datetime(day.year, day.month, day.day, 10), "pair", [a, b], pair=pair_of(a, b))
    with ctx.db.session.begin() as s:
        s.execute(Meeting.__table__.insert(), meetings)
        s.execute(Attendance.__table__.insert(), attendance)
    return len(meetings)


# The rows each feature reads, as bare SQL on one connection: the baseline.
_ROSTER_SQL = [
    "SELECT m.id, m.joined_on, m.group_id, m.roll_status FROM member m LEFT JOIN party_group g ON m.group_id = g.id "
    "ORDER BY g.position IS NULL, g.position, m.id",
    "SELECT member_id, kind, \"on\" FROM member_event",
    "SELECT member_id, role, since, until FROM committee_term ORDER BY since, id",
    "SELECT id, name FROM party_group WHERE id IN (SELECT group_id FROM member WHERE roll_status = 'active') "
    "ORDER BY position",
    "SELECT key, value FROM setting WHERE key LIKE 'meetings.%'",
]
_MEETINGS_SQL = "SELECT type, start, \"end\", group_id, talk_a_id, talk_b_id FROM meeting WHERE start >= ? AND start < ?"
_ATTENDANCE_SQL = ("SELECT a.member_id, m.start, a.status FROM meeting_attendance a JOIN meeting m ON m.id = a.meeting_id "
                   "WHERE m.start >= ? AND m.\"end\" <= ?")
_ACTIVE_SQL = "SELECT id, name FROM member WHERE roll_status = 'active' ORDER BY id"


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="bench.bench_meetings")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args(argv if argv is not None else [])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from core.clock import FixedClock
    from core.meetings import add_months
    from desktop.context import open_context
    from desktop.services.compliance import ABSENCE_LOOKBACK_MONTHS, LOOKBACK_DAYS, ComplianceService, dropout_risks

    with tempfile.TemporaryDirectory(prefix="branchdesk-bench-meetings-") as tmp:
        ctx = open_context(Path(tmp), clock=FixedClock(TODAY), branch_name="基准测试党支部")
        try:
            count = populate(ctx, args.years)
            ctx.settings.set("meetings.tracking_from", date(TODAY.year - args.years + 1, 1, 1).isoformat())
            from desktop.ui.app import create_application
            from desktop.ui.calendar_model import CalendarModel
            create_application()
            model = CalendarModel()
            year_start, year_end = datetime(TODAY.year, 1, 1), datetime(TODAY.year + 1, 1, 1)
            since = datetime((TODAY.date() - timedelta(days=LOOKBACK_DAYS)).year, 1, 1)
            absence_start = datetime.combine(add_months(TODAY.date(), -ABSENCE_LOOKBACK_MONTHS), datetime.min.time())
            iso = lambda d: d.isoformat(sep=" ")  # noqa: E731 — how the rows store their times

            def calendar() -> int:
                model.set_year(ComplianceService(ctx).year(TODAY.year))
                return model.rowCount()

            def reminders() -> int:
                service = ComplianceService(ctx)
                return len(service.attention()) + len(dropout_risks(service.absences()))

            def bare(statements) -> int:
                with ctx.db.engine.connect() as conn:
                    return sum(len(conn.exec_driver_sql(sql, params).fetchall()) for sql, params in statements)

            calendar_rows = [(sql, ()) for sql in _ROSTER_SQL] + [(_MEETINGS_SQL, (iso(year_start), iso(year_end)))]
            reminder_rows = ([(sql, ()) for sql in _ROSTER_SQL] + [(_MEETINGS_SQL, (iso(since), iso(year_end))),
                             (_ACTIVE_SQL, ()), (_ATTENDANCE_SQL, (iso(absence_start), iso(TODAY)))])
            baselines = {
                "calendar": (calendar, lambda: bare(calendar_rows), lambda: bare(calendar_rows[-1:])),
                "reminders": (reminders, lambda: bare(reminder_rows), lambda: bare(reminder_rows[-3:-2] + reminder_rows[-1:])),
            }
            results = {}
            for name, (ours, rows, meetings_only) in baselines.items():
                for fn in (ours, rows, meetings_only):
                    fn()  # warm: the first call pays for imports and statement compilation
                times: dict[str, list[float]] = {"ours": [], "rows": [], "meetings": []}
                for _ in range(args.rounds):  # interleaved, so that a busy moment hits all three alike
                    for key, fn in (("ours", ours), ("rows", rows), ("meetings", meetings_only)):
                        started = time.perf_counter()
                        fn()
                        times[key].append((time.perf_counter() - started) * 1000)
                results[name] = {k: statistics.median(v) for k, v in times.items()}
                results[name]["best"] = min(times["ours"]) / min(times["rows"])
        finally:
            ctx.close()
    out = {}
    for name, r in results.items():
        ratio = r["ours"] / r["rows"]
        verdict = "met" if ratio <= GOAL_RATIO else "NOT met"
        print(f"{name}, {count:,} meetings over {args.years} years: median {r['ours']:.2f} ms; bare SQL of the rows it "
              f"reads {r['rows']:.2f} ms; ratio {ratio:.2f} (goal ≤ {GOAL_RATIO:.0f}×: {verdict}). "
              f"Best round against best: {r['best']:.2f}. [Against the meeting and attendance rows alone "
              f"({r['meetings']:.2f} ms): {r['ours'] / r['meetings']:.1f}×]",
              flush=True)
        out.update({f"{name}_ms": r["ours"], f"{name}_bare_ms": r["rows"], f"{name}_ratio": ratio})
    return out


if __name__ == "__main__":
    main(__import__("sys").argv[1:])
