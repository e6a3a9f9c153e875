"""A small branch for the meeting tests: members in two 党小组, a committee, and meetings."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from core.meetings import CommitteeRole, MeetingRecord, MeetingType
from core.members import Gender, MemberCategory, MemberRecord


def add_member(ctx, name: str, *, group: str = "第一党小组", joined: date = date(2000, 7, 1),
               transferred_in: date | None = None) -> int:
    full_on = joined.replace(year=joined.year + 1)
    probationary = full_on > ctx.clock.today()
    return ctx.members.add(MemberRecord(name=name, gender=Gender.MALE, joined_on=joined, group=group,
                                        category=MemberCategory.PROBATIONARY if probationary else MemberCategory.FULL,
                                        full_member_on=None if probationary else full_on),
                           transferred_in_on=transferred_in)


def small_branch(ctx, meetings) -> dict[str, int]:
    """Six members; 王书记 (书记) and 李委员 (组织委员) on the committee since 2024."""
    ids = {
        "王书记": add_member(ctx, "王书记"),
        "李委员": add_member(ctx, "李委员"),
        "张伟": add_member(ctx, "张伟"),
        "赵敏": add_member(ctx, "赵敏", group="第二党小组"),
        "刘洋": add_member(ctx, "刘洋", group="第二党小组"),
        "陈静": add_member(ctx, "陈静", group="第二党小组", joined=date(2026, 7, 1)),
    }
    meetings.set_committee_role(ids["王书记"], CommitteeRole.SECRETARY, date(2024, 1, 1))
    meetings.set_committee_role(ids["李委员"], CommitteeRole.ORGANISATION, date(2024, 1, 1))
    return ids


def meeting(kind: MeetingType, start: datetime, title: str = "学习会议", *, hours: float = 2, **kw) -> MeetingRecord:
    return MeetingRecord(type=kind, title=title, start=start, end=start + timedelta(hours=hours), **kw)
