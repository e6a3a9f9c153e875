"""A branch for the sign-in tests: members with phones in two 党小组, one without a phone, and
a branch general meeting on the tests' day (TODAY 2026-11-20) at 14:30–16:00."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.meetings import MeetingRecord, MeetingType
from core.members import Gender, MemberCategory, MemberRecord
from desktop.services.meetings import MeetingService
from desktop.services.signin import SigninService

START = datetime(2026, 11, 20, 14, 30)
END = datetime(2026, 11, 20, 16, 0)

PEOPLE = [  # name, group, phone
    ("王书记", "第一党小组", "13800000001"),
    ("李委员", "第一党小组", "13800000002"),
    ("张伟", "第一党小组", "13900001234"),
    ("赵敏", "第二党小组", "13700005678"),
    ("刘洋", "第二党小组", "13600009012"),
    ("欧阳晓明", "第二党小组", ""),  # no phone on file
]


@dataclass
class Branch:
    ctx: object
    signin: SigninService
    meetings: MeetingService
    ids: dict[str, int]
    meeting_id: int

    def payload(self, name: str) -> str:
        return self.signin.payload_of(self.ids[name])

    def public_id(self, name: str) -> str:
        from sqlalchemy import select
        from db.models import Member
        with self.ctx.db.session() as s:
            return s.scalar(select(Member.public_id).where(Member.id == self.ids[name]))


def add_member(ctx, name: str, group: str, phone: str = "", joined: date = date(2000, 7, 1)) -> int:
    full_on = joined.replace(year=joined.year + 1)
    probationary = full_on > ctx.clock.today()
    return ctx.members.add(MemberRecord(name=name, gender=Gender.MALE, joined_on=joined, group=group, phone=phone,
                                        category=MemberCategory.PROBATIONARY if probationary else MemberCategory.FULL,
                                        full_member_on=None if probationary else full_on))


def add_meeting(meetings: MeetingService, start: datetime = START, end: datetime = END, title: str = "学习贯彻全会精神",
                kind: MeetingType = MeetingType.BRANCH_ASSEMBLY, **kw) -> int:
    return meetings.add(MeetingRecord(type=kind, title=title, start=start, end=end, place="党员活动室", host="王书记", **kw))


def branch(ctx, people=PEOPLE) -> Branch:
    signin = SigninService.of(ctx)
    ids = {name: add_member(ctx, name, group, phone) for name, group, phone in people}
    return Branch(ctx, signin, signin.meetings, ids, add_meeting(signin.meetings))


def big_branch(ctx, n: int) -> Branch:
    """``n`` members with phones (the last four digits are the member's number), one meeting."""
    people = [(f"党员{i:04d}", f"第{i % 8 + 1}党小组", f"1380000{i:04d}") for i in range(n)]
    return branch(ctx, people)


def at(minutes: float) -> datetime:
    """A moment relative to the meeting's start."""
    return START + timedelta(minutes=minutes)
