"""What needs doing today (home page): 转正 due, 政治生日 this month, records to complete,
dues arrears and the year's dues due against collected."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from core.members import MemberCategory, RollStatus, field_label, missing_required, probation_ends
from db.models import Member, PartyGroup
from desktop.services.members import record_from_member


@dataclass(frozen=True)
class ConversionDue:
    member_id: int
    name: str
    joined_on: date
    due_on: date
    days_left: int  # negative: the probation year has already ended


@dataclass(frozen=True)
class PoliticalBirthday:
    member_id: int
    name: str
    joined_on: date
    years: int


@dataclass(frozen=True)
class Incomplete:
    member_id: int
    name: str
    missing: list[str]  # field labels in the active language


@dataclass(frozen=True)
class Headcount:
    total: int
    full: int
    probationary: int
    by_group: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DuesArrears:
    member_id: int
    name: str
    months: int   # consecutive months unpaid up to this month
    flag: str     # core.dues_months.ArrearsFlag value: "warning" (≥ 3) or "alert" (≥ 6)


@dataclass(frozen=True)
class DuesReminders:
    year: int
    due_by_month: tuple[int, ...]   # fen
    paid_by_month: tuple[int, ...]  # fen, by the month paid for
    arrears: list[DuesArrears]      # longest first


@dataclass(frozen=True)
class HomeReminders:
    conversion_due: list[ConversionDue]
    political_birthdays: list[PoliticalBirthday]
    incomplete: list[Incomplete]
    headcount: Headcount
    dues: DuesReminders | None = None
    notices: list = field(default_factory=list)  # desktop.services.sync.NoticeRow, from the superior


def dues_reminders(ctx) -> DuesReminders:
    """The members behind with their dues (flags only: DOMAIN §1 — the branch meeting decides,
    nothing happens to a member by itself) and this year's due against collected by month."""
    year = ctx.clock.today().year
    ledger = ctx.dues.ledger(year)
    arrears = [DuesArrears(r.member_id, r.name, r.streak, r.flag) for r in ledger.rows
               if r.flag and r.roll_status == RollStatus.ACTIVE.value]
    arrears.sort(key=lambda a: (-a.months, a.name))
    return DuesReminders(year, ledger.due_by_month, ledger.paid_by_month, arrears)


def home_reminders(ctx) -> HomeReminders:
    today = ctx.clock.today()
    window = int(ctx.settings.get("reminders.conversion_days"))
    with ctx.db.session() as s:
        rows = s.execute(select(Member, PartyGroup.name)
                         .outerjoin(PartyGroup, Member.group_id == PartyGroup.id)
                         .where(Member.roll_status == RollStatus.ACTIVE.value)
                         .order_by(PartyGroup.position, Member.id)).all()
        records = [record_from_member(m, g or "") for m, g in rows]

    conversion, birthdays, incomplete = [], [], []
    for rec in records:
        due = probation_ends(rec)
        # Overdue ones stay listed: a probation year that ended without a branch meeting
        # decision is exactly what the superior's inspection finds.
        if due and (due - today).days <= window:
            conversion.append(ConversionDue(rec.id, rec.name, rec.joined_on, due, (due - today).days))
        # 政治生日 = the day of joining the Party (DOMAIN §5).
        if rec.joined_on and rec.joined_on.month == today.month and rec.joined_on.year < today.year:
            birthdays.append(PoliticalBirthday(rec.id, rec.name, rec.joined_on, today.year - rec.joined_on.year))
        missing = missing_required(rec)
        if missing:
            incomplete.append(Incomplete(rec.id, rec.name, [field_label(f) for f in missing]))

    conversion.sort(key=lambda c: c.due_on)
    birthdays.sort(key=lambda b: (b.joined_on.day, b.name))
    groups = Counter(rec.group for rec in records if rec.group)
    headcount = Headcount(
        total=len(records),
        full=sum(1 for r in records if r.category is MemberCategory.FULL),
        probationary=sum(1 for r in records if r.category is MemberCategory.PROBATIONARY),
        by_group=dict(groups),
    )
    from desktop.services.sync import SyncService
    return HomeReminders(conversion, birthdays, incomplete, headcount, dues_reminders(ctx), SyncService(ctx).notices())
