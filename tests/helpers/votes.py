"""A branch for the vote tests: ten full members, two probationary members, one full member whose
membership is suspended, and a branch general meeting on the tests' day."""
from __future__ import annotations

from datetime import date, datetime

from core.meetings import MeetingRecord, MeetingType
from core.members import Gender, MemberCategory, MemberRecord, PartyStanding
from core.votes import PollKind
from desktop.services.meetings import MeetingService
from desktop.services.votes import PollSetup, VoteService

FULL = ["王书记", "李委员", "张伟", "赵敏", "刘洋", "陈静", "杨帆", "黄磊", "周婷", "吴刚"]
PROBATIONARY = ["孙悦", "郑凯"]
SUSPENDED = ["冯立"]


def add(ctx, name: str, category: MemberCategory, standing: PartyStanding = PartyStanding.NORMAL) -> int:
    full = category is MemberCategory.FULL
    return ctx.members.add(MemberRecord(
        name=name, gender=Gender.MALE, category=category, joined_on=date(2000, 7, 1) if full else date(2026, 3, 1),
        full_member_on=date(2001, 7, 1) if full else None, party_standing=standing))


def branch(ctx) -> dict[str, int]:
    ids = {n: add(ctx, n, MemberCategory.FULL) for n in FULL}
    ids |= {n: add(ctx, n, MemberCategory.PROBATIONARY) for n in PROBATIONARY}
    ids |= {n: add(ctx, n, MemberCategory.FULL, PartyStanding.SUSPENDED) for n in SUSPENDED}
    return ids


def meeting(ctx) -> int:
    return MeetingService(ctx.db, ctx.clock, ctx.data_dir).add(MeetingRecord(
        type=MeetingType.BRANCH_ASSEMBLY, title="换届选举党员大会", start=datetime(2026, 11, 20, 14, 30),
        end=datetime(2026, 11, 20, 16, 30), place="党员活动室", host="王书记"))


def election(service: VoteService, ways=("paper", "booth", "phone"), **kw) -> int:
    setup = dict(kind=PollKind.ELECTION, title="支部委员会选举", candidates=("张伟", "赵敏", "刘洋", "陈静"), seats=3,
                 committee=True, ways=tuple(ways))
    setup.update(kw)
    return service.create(PollSetup(**setup))


def everyone_present(service: VoteService, poll_id: int, ids: dict[str, int], names=FULL) -> None:
    service.set_present(poll_id, [ids[n] for n in names])
