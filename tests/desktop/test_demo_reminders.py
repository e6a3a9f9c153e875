"""The demo branch is realistic, and the home page's reminders follow DOMAIN §5."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta

from core import idnumber
from core.members import EventKind, Gender, MemberCategory, MemberRecord, RollStatus
from desktop.services.demo import create_demo_branch
from desktop.services.reminders import home_reminders


def test_demo_branch_has_the_shape_the_issue_asks_for(ctx):
    assert create_demo_branch(ctx) == 40
    rows = ctx.members.roster()
    active = [r for r in rows if r.roll_status == RollStatus.ACTIVE.value]
    assert 35 <= len(active) <= 40
    assert len({r.group for r in active}) == 3
    assert sum(r.category == "probationary" for r in active) >= 3
    assert sum(r.dues_category == "retired" for r in active) >= 5
    assert len({r.dues_category for r in active}) >= 3
    # Every ID in the demo passes the checksum, and names are unique.
    for r in rows:
        assert idnumber.is_valid(r.id_number)
    assert len({r.name for r in rows}) == len(rows)
    # Group names are in the language the branch was created in (Chinese by default).
    assert "离退休党小组" in {r.group for r in rows}
    # Some history exists, and former members keep their records.
    assert {r.roll_status for r in rows} >= {"active", "transferred_out", "deceased"}


def test_demo_home_page_has_something_to_show(ctx):
    create_demo_branch(ctx)
    r = home_reminders(ctx)
    assert r.conversion_due and r.political_birthdays and r.incomplete
    assert r.headcount.total == r.headcount.full + r.headcount.probationary


def _add(ctx, name, joined, category=MemberCategory.FULL, full_on=None, **kw):
    return ctx.members.add(MemberRecord(name=name, gender=Gender.MALE, category=category,
                                        joined_on=joined, full_member_on=full_on, **kw))


def test_conversion_due_within_30_days_including_overdue(ctx, clock):
    today = clock.today()
    soon = _add(ctx, "甲", today - timedelta(days=365 - 12), MemberCategory.PROBATIONARY)     # due in 12 days
    _add(ctx, "乙", today - timedelta(days=365 - 45), MemberCategory.PROBATIONARY)             # due in 45 days: not yet
    late = _add(ctx, "丙", today - timedelta(days=400), MemberCategory.PROBATIONARY)           # overdue
    _add(ctx, "丁", date(2020, 1, 5), MemberCategory.FULL, date(2021, 1, 5))
    due = home_reminders(ctx).conversion_due
    assert [d.member_id for d in due] == [late, soon]
    assert due[1].days_left == 12 and due[0].days_left < 0
    ctx.settings.set("reminders.conversion_days", 60)
    assert len(home_reminders(ctx).conversion_due) == 3


def test_political_birthday_is_the_day_of_joining_this_month(ctx, clock):
    today = clock.today()
    a = _add(ctx, "甲", today.replace(year=2001, day=3), full_on=today.replace(year=2002, day=3))
    _add(ctx, "乙", date(2001, (today.month % 12) + 1, 3), full_on=date(2002, (today.month % 12) + 1, 3))
    gone = _add(ctx, "丙", today.replace(year=1999, day=9), full_on=today.replace(year=2000, day=9))
    ctx.members.record_event(gone, EventKind.TRANSFER_OUT, today - timedelta(days=3))
    birthdays = home_reminders(ctx).political_birthdays
    assert [(b.member_id, b.years) for b in birthdays] == [(a, today.year - 2001)]


def test_incomplete_records_name_the_missing_items_in_chinese(ctx):
    _add(ctx, "甲", date(2010, 1, 1), full_on=date(2011, 1, 1))
    (item,) = home_reminders(ctx).incomplete
    assert "公民身份号码" in item.missing and "联系电话" in item.missing
    assert "加入党组织日期" not in item.missing


def test_demo_command_creates_a_branch_without_a_window(tmp_path):
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "demo", "--no-window", "--data-dir", str(tmp_path / "d")],
                         capture_output=True, text=True, check=True)
    assert (tmp_path / "d" / "branch.sqlite").exists()
    listed = subprocess.run([sys.executable, "-m", "desktop.cli", "members", "list", "--json", "--data-dir", str(tmp_path / "d")],
                            capture_output=True, text=True, check=True)
    members = json.loads(listed.stdout)
    assert len(members) >= 35
    assert all("*" in m["id_number"] for m in members)
    assert {m["category"] for m in members} == {"full", "probationary"}
    assert out.stdout.strip().endswith("d")
