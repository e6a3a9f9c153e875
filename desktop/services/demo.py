"""A realistic demo branch: ≈40 members in 3 党小组, mixed categories, some 预备党员 and
retirees, a little history. Deterministic for a given seed and day."""
from __future__ import annotations

import random
from datetime import date, timedelta

from core.dates import add_years
from core.dues import DuesCategory
from core.i18n import translate
from core.idnumber import check_digit
from core.members import EventKind, Gender, MemberCategory, MemberRecord

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN_MALE = ["伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "建国", "志强", "国华", "建华", "海涛", "振华", "晓东", "文博", "宇航", "子轩", "浩然", "俊杰", "德明", "永福", "树林"]
GIVEN_FEMALE = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "桂兰", "玉兰", "淑珍", "丽华", "晓燕", "婷婷", "雪梅", "欣怡", "梦琪", "雨桐", "思雨", "春梅", "红梅", "海燕", "慧敏", "佳琪"]
ETHNICITIES = ["汉族"] * 18 + ["回族", "满族", "土家族", "蒙古族"]
# 汉中市 (the seeds' city) and its districts and counties.
REGIONS = ["610702", "610703", "610722", "610723", "610724", "610725", "610726", "610727", "610728", "610729", "610730"]
STREETS = ["汉台区天汉大道", "汉台区中山街", "汉台区北一环路", "南郑区汉山街道", "城固县博望街道", "洋县洋州街道", "勉县勉阳街道"]
POSTS_IN_SERVICE = ["科员", "办公室主任", "技术员", "会计", "教师", "工程师", "护士", "医生", "财务科长", "综合科科员", "项目经理", "驾驶员"]
EDUCATION = ["大学本科", "大学本科", "研究生", "大学专科", "中专", "高中"]


def _id_number(rng: random.Random, born: date, gender: Gender) -> str:
    seq = rng.randrange(0, 100) * 10 + (rng.choice((1, 3, 5, 7, 9)) if gender is Gender.MALE else rng.choice((0, 2, 4, 6, 8)))
    first17 = f"{rng.choice(REGIONS)}{born:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def _between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def create_demo_branch(ctx, *, members: int = 40, seed: int = 20261120) -> int:
    """Fill an empty branch with demo members. Returns how many were created."""
    rng = random.Random(seed)
    today = ctx.clock.today()
    groups = [translate("demo", "Group 1 (offices)"), translate("demo", "Group 2 (workshops)"), translate("demo", "Retired members' group")]
    used_names: set[str] = set()
    created = 0
    plan: list[tuple[MemberRecord, str]] = []
    for i in range(members):
        gender = Gender.MALE if rng.random() < 0.55 else Gender.FEMALE
        while True:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN_MALE if gender is Gender.MALE else GIVEN_FEMALE)
            if name not in used_names:
                used_names.add(name)
                break
        kind = "retired" if i % 4 == 3 else ("probationary" if i % 8 == 4 else ("student" if i == 10 else "in_service"))
        if kind == "retired":
            born = _between(rng, date(1941, 1, 1), date(1962, 12, 31))
            group = groups[2]
        elif kind == "student":
            born = add_years(today, -21)
            group = groups[1]
        else:
            born = _between(rng, add_years(today, -58), add_years(today, -24))
            group = groups[0] if i % 2 == 0 else groups[1]
        if kind == "probationary":
            # Most probation years end soon, so the home page has 转正 reminders to show.
            joined = today - timedelta(days=365 - 10 - 9 * (i // 8)) if i < 30 else today - timedelta(days=200)
            full_on = None
            category = MemberCategory.PROBATIONARY
        else:
            earliest = add_years(born, 18 if kind == "student" else 20)
            joined = _between(rng, earliest, max(earliest + timedelta(days=30), add_years(today, -2)))
            if i % 7 == 1:
                # A political birthday this month.
                joined = joined.replace(month=today.month, day=min(today.day + (i % 5), 28))
                if joined > add_years(today, -2):
                    joined = joined.replace(year=today.year - 3)
            full_on = add_years(joined, 1)
            category = MemberCategory.FULL
        if kind == "retired":
            dues, base, post = DuesCategory.RETIRED, rng.randrange(2800, 7200, 10) * 100, translate("demo", "Retired")
        elif kind == "student":
            dues, base, post = DuesCategory.STUDENT, None, translate("demo", "Student")
        else:
            dues, base, post = DuesCategory.IN_SERVICE, rng.randrange(2600, 12800, 10) * 100, rng.choice(POSTS_IN_SERVICE)
        rec = MemberRecord(
            name=name, gender=gender, ethnicity=rng.choice(ETHNICITIES),
            id_number=_id_number(rng, born, gender), birth_date=born,
            education=rng.choice(EDUCATION), category=category, joined_on=joined, full_member_on=full_on,
            post=post, phone=f"1{rng.choice('3589')}{rng.randrange(0, 10**9):09d}",
            address=f"陕西省汉中市{rng.choice(STREETS)}{rng.randrange(1, 300)}号",
            group=group, dues_category=dues, dues_base_fen=base,
        )
        if i in (5, 17):
            # Records that arrived incomplete, as old spreadsheets do.
            rec = rec.with_changes(phone="", address="", education="")
        plan.append((rec, kind))

    ids = []
    for rec, kind in plan:
        transferred_in = _between(rng, rec.joined_on, today) if rng.random() < 0.15 else None
        ids.append(ctx.members.add(rec, transferred_in_on=transferred_in))
        created += 1

    # A little history: someone away for work, one lost contact, one transferred out, one deceased.
    if len(ids) >= 20:
        ctx.members.record_event(ids[6], EventKind.MOBILE_OUT, today - timedelta(days=120), translate("demo", "Working in Xi'an"))
        ctx.members.record_event(ids[14], EventKind.LOST_CONTACT, today - timedelta(days=400))
        ctx.members.record_event(ids[18], EventKind.TRANSFER_OUT, today - timedelta(days=60), translate("demo", "Moved to another unit"))
        ctx.members.record_event(ids[19], EventKind.DECEASED, today - timedelta(days=200))
    # A year of dues history (bases, payments, arrears, a reversal, remittances).
    from desktop.services.demo_dues import create_demo_dues
    create_demo_dues(ctx, seed)
    # A year of meetings (all types, attendance, one period deliberately overdue).
    from desktop.services.demo_meetings import create_demo_meetings
    create_demo_meetings(ctx, seed)
    return created
