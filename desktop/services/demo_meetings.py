"""A plausible year of meetings for the demo branch: a committee of five, the monthly 支委会,
主题党日 on the 15th and each 党小组's meeting, a 党课 and a 支部党员大会 each quarter, last
year's 组织生活会 and 民主评议 in December, 谈心谈话 under way, minutes from the templates,
attendance with a few on leave and a few absent (the member who lost contact misses every
meeting; one member has missed the last four months).

One period is deliberately overdue: the 支委会 of two months ago was never held. The branch
has kept its records here since 1 January (``meetings.tracking_from``); the months before were
entered from the paper record book and are shown, not judged.

Rows are written in one transaction through the service's own mapping (fast: well under a
second for ~200 meetings).
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import select

from core.meetings import (AttendanceStatus, CommitteeRole, MeetingRecord, MeetingType, ThemeDayItem, add_months,
                           expected_members, pair_of, required_pairs)
from core.minutes import template_headings
from db.models import Attendance, AttendanceChange, Meeting, PartyGroup
from desktop.services.compliance import TRACKING_KEY
from desktop.services.meetings import MeetingService

PLACES = ["社区党群服务中心二楼会议室", "党员活动室", "单位三楼会议室", "红色教育基地"]
THEMES = ["学习贯彻党的二十届四中全会精神", "重温入党誓词，坚定理想信念", "开展“我为群众办实事”志愿服务",
          "学习《中国共产党纪律处分条例》", "庆祝中国共产党成立105周年", "铭记历史、缅怀先烈",
          "学习习近平总书记重要讲话精神", "安全生产与廉洁自律警示教育", "走访慰问困难党员和老党员",
          "学习《中国共产党支部工作条例（试行）》", "开展垃圾分类宣传志愿活动", "年度工作回顾与谋划"]
LECTURES = ["新时代党员的初心和使命", "从党史中汲取奋进力量", "全面从严治党永远在路上", "以高质量党建引领基层治理"]
LEAVE_REASONS = ["出差", "生病住院", "家中有事", "外出学习培训", "值班"]
WORDS = ["会议传达了上级党组织的有关精神，与会党员结合工作实际逐一发言。",
         "大家一致认为要把学习成果转化为做好本职工作的实际行动。",
         "支部书记对下一阶段工作作了具体安排，要求各党小组抓好落实。",
         "党员们围绕主题展开讨论，提出意见建议四条，会后由组织委员汇总。"]


RESOLUTIONS = {
    MeetingType.COMMITTEE: "1. 本月主题党日由宣传委员牵头筹备。\n2. 组织委员负责党费收缴情况通报。",
    MeetingType.BRANCH_ASSEMBLY: "1. 通过本季度支部工作情况报告。\n2. 下季度开展志愿服务活动两次。",
    MeetingType.ORG_LIFE: "1. 班子和党员个人查摆问题形成清单，限期整改。",
    MeetingType.APPRAISAL: "1. 评定优秀党员5名，其余党员均为合格。",
}


def _minutes(rng: random.Random, kind: MeetingType, topic: str) -> str:
    parts = []
    for i, heading in enumerate(template_headings(kind)):
        body = topic if i == 0 else "".join(rng.sample(WORDS, 2))
        parts.append(f"<p><b>{heading}</b></p><p>{body}</p>")
    return "".join(parts)


def create_demo_meetings(ctx, seed: int = 20261120) -> int:
    """Fill the demo branch's meetings; returns how many were recorded."""
    rng = random.Random(seed)
    service = MeetingService(ctx.db, ctx.clock, ctx.data_dir)
    now = ctx.clock.now()
    today = now.date()
    roster = ctx.members.roster()
    active = [r for r in roster if r.roll_status == "active"]
    first_month = add_months(today.replace(day=1), -11)

    # The committee, elected well before the year shown.
    posts = [CommitteeRole.SECRETARY, CommitteeRole.ORGANISATION, CommitteeRole.PROPAGANDA, CommitteeRole.DISCIPLINE,
             CommitteeRole.MEMBER]
    candidates = [r for r in active if r.category == "full" and not r.lost_contact and not r.mobile]
    committee = [candidates[i] for i in (0, 3, 6, 9, 12) if i < len(candidates)]
    elected = add_months(first_month, -20)
    for person, post in zip(committee, posts):
        service.set_committee_role(person.id, post, elected)
    secretary = committee[0].name if committee else ""
    recorder = committee[1].name if len(committee) > 1 else ""
    ctx.settings.set(TRACKING_KEY, date(today.year, 1, 1).isoformat())

    lost = {r.id for r in active if r.lost_contact}
    away = {r.id for r in active if r.mobile}
    # One member stopped coming four months ago (a warning on the home page).
    drifting = next((r.id for r in active if r.id not in lost | away and r not in committee and r.category == "full"), None)
    drift_from = add_months(today, -4)
    skipped = add_months(today.replace(day=1), -2 if today.month > 2 else -1)  # the overdue 支委会

    with ctx.db.session() as s:
        groups = list(s.execute(select(PartyGroup.id, PartyGroup.name).order_by(PartyGroup.position)).all())
    roll = service.roll_facts()
    terms = service.committee_terms()

    plans: list[MeetingRecord] = []

    def plan(kind: MeetingType, start: datetime, title: str, hours: float = 1.5, **kw) -> None:
        minutes = _minutes(rng, kind, title) if start + timedelta(hours=hours) <= now else ""
        if start + timedelta(hours=hours) <= now and kind in RESOLUTIONS:
            kw.setdefault("resolutions", RESOLUTIONS[kind])
        plans.append(MeetingRecord(type=kind, title=title, start=start, end=start + timedelta(hours=hours),
                                   place=kw.pop("place", rng.choice(PLACES)), host=kw.pop("host", secretary),
                                   recorder=kw.pop("recorder", recorder), minutes=minutes, **kw))

    month = first_month
    while month <= today:
        y, m = month.year, month.month
        if month != skipped:
            plan(MeetingType.COMMITTEE, datetime(y, m, 5, 9, 0), f"{m}月支委会：研究部署本月工作", place="党员活动室")
        plan(MeetingType.THEME_DAY, datetime(y, m, 15, 14, 30), THEMES[(m - 1) % len(THEMES)], hours=2,
             theme_items=frozenset(ThemeDayItem) if m % 4 else frozenset(ThemeDayItem) - {ThemeDayItem.DISCLOSURE})
        for n, (gid, name) in enumerate(groups):
            day = 8 + 6 * n
            if month.replace(day=1) == today.replace(day=1):
                day = 25 if n == len(groups) - 1 else min(day, max(today.day - 1, 1))  # the last group meets later
            plan(MeetingType.GROUP, datetime(y, m, day, 15, 0), f"{name}{m}月学习", hours=1, group_id=gid,
                 host="", recorder="")
        if m in (1, 4, 7, 10):
            plan(MeetingType.LECTURE, datetime(y, m, 20, 15, 0), LECTURES[(m - 1) // 3], hours=1.5)
        if m in (3, 6, 9, 12):
            plan(MeetingType.BRANCH_ASSEMBLY, datetime(y, m, 26, 14, 30), f"{y}年第{(m - 1) // 3 + 1}季度支部党员大会", hours=2)
        if m == 12:
            plan(MeetingType.ORG_LIFE, datetime(y, m, 18, 9, 0), f"{y}年度组织生活会", hours=3)
            plan(MeetingType.APPRAISAL, datetime(y, m, 18, 14, 0), f"{y}年度民主评议党员", hours=2)
        month = add_months(month, 1)

    # 谈心谈话 this year: about three in five of the required pairs so far.
    members_now = {r.id for r in active}
    pairs = sorted(required_pairs([c.id for c in committee], members_now))
    days_so_far = (today - date(today.year, 1, 1)).days
    for a, b in pairs:
        if rng.random() < 0.6 and days_so_far > 10:
            day = date(today.year, 1, 1) + timedelta(days=rng.randrange(1, days_so_far))
            plan(MeetingType.TALK, datetime(day.year, day.month, day.day, 10, 0), "谈心谈话", hours=0.5,
                 talk_pair=pair_of(a, b), recorder="", place="党员活动室")

    with ctx.db.session.begin() as s:
        for rec in plans:
            m = Meeting(created_at=now)
            service._apply(m, rec, now)
            s.add(m)
            s.flush()
            if rec.end > now:
                continue  # planned: nothing to record yet
            day = rec.start.date()
            expected = expected_members(rec.who, day, roll, terms, group_id=rec.group_id, pair=rec.talk_pair)
            for member_id in expected:
                status, reason = AttendanceStatus.PRESENT, ""
                if member_id in lost:
                    status = AttendanceStatus.ABSENT
                elif member_id in away and rec.type is not MeetingType.TALK:
                    status, reason = AttendanceStatus.LEAVE, "在外地务工"
                elif member_id == drifting and day >= drift_from:
                    status = AttendanceStatus.ABSENT
                elif rec.type is not MeetingType.TALK:
                    roll_ = rng.random()
                    if roll_ < 0.05:
                        status, reason = AttendanceStatus.LEAVE, rng.choice(LEAVE_REASONS)
                    elif roll_ < 0.07:
                        status = AttendanceStatus.ABSENT
                at = rec.start
                s.add(Attendance(meeting_id=m.id, member_id=member_id, status=status.value, reason=reason, recorded_at=at))
                s.add(AttendanceChange(meeting_id=m.id, member_id=member_id, old_status=None, new_status=status.value,
                                       old_reason="", new_reason=reason, source="signin", changed_by="", changed_at=at))
    return len(plans)

