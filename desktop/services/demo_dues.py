"""A year of plausible dues for the demo branch: bases fixed in January, most members paying
by the month or the quarter, one member three months behind and one (the member who lost
contact) six or more, a prepayment followed by a pay rise (the difference shows as still
due), a payment made by a relative (代缴), a mistaken entry reversed and entered again, a
voluntary extra for 七一, and the dues handed up after each quarter.

Everything goes through DuesService, so the demo's amounts obey the rules by construction;
the payments are written in one transaction (fast: the demo opens in well under a second).
"""
from __future__ import annotations

import random
from datetime import date

from core.dues import RATE_CATEGORIES, DuesCategory
from core.dues_months import month_index, month_of
from core.i18n import translate
from desktop.services.dues import BaseEntry, PaymentMethod, PaymentRequest


def _day(rng: random.Random, year: int, month: int, today: date, earliest: int = 3, latest: int = 20) -> date:
    d = date(year, month, rng.randint(earliest, latest))
    return min(d, today)


def create_demo_dues(ctx, seed: int = 20261120) -> None:
    rng = random.Random(seed)
    today = ctx.clock.today()
    now_index = month_index(today.year, today.month)
    first_index = now_index - 11  # the last twelve months, this one included
    years = sorted({month_of(i)[0] for i in range(first_index, now_index + 1)})

    # Bases fixed at the start of each year (DOMAIN §1): last year's a little lower.
    roster = [r for r in ctx.members.roster()]
    records = {r.id: ctx.members.get(r.id) for r in roster}
    entries = []
    for year in years:
        for rec in records.values():
            if rec.dues_category is None:
                continue
            base = rec.dues_base_fen
            if base is not None and year < today.year:
                base = int(base * 0.97) // 100 * 100
            entries.append(BaseEntry(rec.id, year, 1, rec.dues_category,
                                     base if rec.dues_category in RATE_CATEGORIES else None))
    ctx.dues.set_bases(entries)

    owed: dict[int, set[int]] = {}
    for year in years:
        for row in ctx.dues.ledger(year).rows:
            months = owed.setdefault(row.member_id, set())
            months.update(month_index(year, m + 1) for m in range(12) if row.owed[m] and row.due[m])
    active = [r.id for r in roster if r.roll_status == "active"]
    behind_3 = active[2] if len(active) > 2 else None
    lost = next((r.id for r in roster if r.lost_contact), None)
    behind_6 = lost if lost is not None else (active[5] if len(active) > 5 else None)
    prepaid = active[0] if active else None
    by_relative = next((r.id for r in roster if r.dues_category == DuesCategory.RETIRED.value and r.roll_status == "active"), None)

    requests: list[PaymentRequest] = []
    receipt = 1
    for k, r in enumerate(roster):
        months = sorted(m for m in owed.get(r.id, ()) if first_index <= m <= now_index)
        if r.id == behind_3:
            months = [m for m in months if m <= now_index - 3]
        elif r.id == behind_6:
            months = [m for m in months if m <= now_index - 6]
        quarterly = k % 3 != 0
        groups: list[list[int]] = []
        for m in months:
            y, mo = month_of(m)
            key = (y, (mo - 1) // 3) if quarterly else (y, mo)
            if groups and groups[-1] and ((month_of(groups[-1][0])[0], (month_of(groups[-1][0])[1] - 1) // 3) if quarterly else month_of(groups[-1][0])) == key:
                groups[-1].append(m)
            else:
                groups.append([m])
        for g in groups:
            y, mo = month_of(g[0])
            paid_on = _day(rng, y, mo, today)
            method = rng.choice([PaymentMethod.CASH, PaymentMethod.WECHAT, PaymentMethod.WECHAT, PaymentMethod.BANK]).value
            paid_by = translate("demo", "Spouse (paid on the member's behalf)") if r.id == by_relative and len(requests) % 2 == 0 else ""
            requests.append(PaymentRequest(r.id, tuple(month_of(m) for m in g), paid_on, method,
                                           f"DF{y}{receipt:04d}", paid_by))
            receipt += 1
    # A prepayment: two months ahead, paid this month.
    if prepaid is not None:
        ahead = [m for m in (now_index + 1, now_index + 2)]
        requests.append(PaymentRequest(prepaid, tuple(month_of(m) for m in ahead), _day(rng, today.year, today.month, today, 1, 5),
                                       PaymentMethod.WECHAT.value, f"DF{today.year}{receipt:04d}", "",
                                       translate("demo", "Prepaid before a long trip")))
        receipt += 1
    # A voluntary extra for 七一 (第十一条): 1000 yuan or more goes entirely to the Centre.
    july = date(today.year if today.month >= 7 else today.year - 1, 7, 1)
    if active and first_index <= month_index(july.year, 7) and july <= today:
        requests.append(PaymentRequest(active[1], (), july, PaymentMethod.BANK.value, f"ZY{july.year}0001", "",
                                       translate("demo", "Voluntary extra on 1 July"), voluntary_fen=100000))
    ctx.dues.record_payments(requests)

    # A mistaken entry, reversed and entered again for the right member.
    last_month = month_of(now_index - 1)
    wrong = next((r for r in reversed(requests) if r.months == (last_month,) and r.member_id not in (behind_3, behind_6)), None)
    if wrong is not None:
        payments = ctx.dues.payments(member_id=wrong.member_id)
        original = next(p for p in payments if p.months == (last_month,) and p.reverses_id is None)
        ctx.dues.reverse_payment(original.id, original.paid_on, translate("demo", "Entered for the wrong month; entered again"))
        ctx.dues.record_payment(PaymentRequest(wrong.member_id, (last_month,), original.paid_on, original.method,
                                               original.receipt_no, "", translate("demo", "Entered again after the reversal")))

    # A pay rise after the prepayment: the difference is due with the next payment.
    if prepaid is not None and records[prepaid].dues_base_fen and month_of(now_index + 1)[0] == today.year:
        rec = records[prepaid]
        ctx.dues.set_base(BaseEntry(prepaid, today.year, month_of(now_index + 1)[1], rec.dues_category,
                                    rec.dues_base_fen + 150000, note=translate("demo", "Pay rise")))

    # Handed up after each quarter, on the 10th of the next month.
    quarter_ends = [i for i in range(first_index, now_index) if month_of(i)[1] % 3 == 0]
    for end in quarter_ends:
        y, mo = month_of(end + 1)
        on = date(y, mo, 10)
        if on > today:
            continue
        held = ctx.dues.held(on)
        if held > 0:
            ctx.dues.record_remittance(on, held, f"SJ{y}{mo:02d}", translate("demo", "Street Party Working Committee"),
                                       translate("demo", "Dues of the quarter"))
