"""The dues use cases on a real branch database: bases and overrides, which months are due,
payments over several months within the 6-month window, reversals, arrears flags at 3 and 6,
remittances and a balance that always adds up (DOMAIN §1). Today is 2026-11-20."""
from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from core.clock import FixedClock
from core.dues import DuesCategory, Rounding
from core.members import EventKind, Gender, MemberCategory, MemberRecord
from desktop.services.dues import BaseEntry, DuesRefused, PaymentRequest, fen_text, months_text

Y = 2026


def add_member(ctx, name, *, joined=date(2000, 7, 1), category=DuesCategory.IN_SERVICE, base=510000,
               probationary=False) -> int:
    return ctx.members.add(MemberRecord(
        name=name, gender=Gender.MALE, joined_on=joined,
        category=MemberCategory.PROBATIONARY if probationary else MemberCategory.FULL,
        full_member_on=None if probationary else date(joined.year + 1, joined.month, joined.day),
        dues_category=category, dues_base_fen=base))


def pay(ctx, member_id, months, paid_on=date(Y, 11, 20), **kw):
    return ctx.dues.record_payment(PaymentRequest(member_id, tuple((Y, m) if isinstance(m, int) else m for m in months), paid_on, **kw))


def row(ctx, member_id, year=Y):
    return ctx.dues.ledger(year).row_of(member_id)


# -- bases ---------------------------------------------------------------------------------

def test_year_base_and_a_dated_override_keep_their_history(ctx):
    a = add_member(ctx, "甲", base=300000)
    ctx.dues.set_base(BaseEntry(a, Y, 1, DuesCategory.IN_SERVICE, 510000))
    ctx.dues.set_base(BaseEntry(a, Y, 7, DuesCategory.IN_SERVICE, 1000001, note="提职"))
    r = row(ctx, a)
    assert r.due[:6] == (7650,) * 6 and r.due[6:] == (20000,) * 6  # 5100 → 76.50; 10000.01 → 200.00
    assert r.base_fen == 1000001 and r.monthly_fen == 20000 and r.base_changes and not r.from_roster
    # Set again from July: the newer record wins, the older stays in the history.
    ctx.dues.set_base(BaseEntry(a, Y, 7, DuesCategory.IN_SERVICE, 490000))
    assert row(ctx, a).due[6:] == (4900,) * 6
    history = ctx.dues.base_history(a, Y)
    assert [(h.from_month, h.base_fen, h.superseded) for h in history] == [
        (1, 510000, False), (7, 1000001, True), (7, 490000, False)]
    assert history[1].note == "提职" and history[2].monthly_fen == 4900
    # The base in force today is the roster's 缴费基数 too.
    assert ctx.members.get(a).dues_base_fen == 490000


def test_without_a_base_of_its_own_the_year_uses_the_roster_and_says_so(ctx):
    a = add_member(ctx, "甲", base=480000, category=DuesCategory.RETIRED)
    r = row(ctx, a)
    assert r.from_roster and r.due == (2400,) * 12
    assert ctx.dues.fix_year_bases(Y) == 1
    assert not row(ctx, a).from_roster
    # Later roster edits no longer change the fixed year.
    rec = ctx.members.get(a)
    ctx.members.update(a, rec.with_changes(dues_base_fen=600000))
    assert row(ctx, a).due == (2400,) * 12


def test_a_payment_pins_the_roster_base_for_the_months_it_paid(ctx):
    a = add_member(ctx, "甲", base=510000)
    pay(ctx, a, [10, 11])
    rec = ctx.members.get(a)
    ctx.members.update(a, rec.with_changes(dues_base_fen=1200000))
    r = row(ctx, a)
    assert r.due[9:11] == (7650, 7650) and r.paid[9:11] == (7650, 7650) and not r.shortfall


def test_fixed_categories_and_approved_reductions(ctx):
    student = add_member(ctx, "学", category=DuesCategory.STUDENT, base=None)
    farmer = add_member(ctx, "农", category=DuesCategory.FARMER, base=None)
    assert row(ctx, student).due[0] == 20 and row(ctx, farmer).due[0] == 20
    ctx.dues.set_farmer_monthly("0.80")
    assert row(ctx, farmer).due[0] == 80
    for bad in ("0.10", "1.50", "abc"):
        with pytest.raises(DuesRefused):
            ctx.dues.set_farmer_monthly(bad)
    poor = add_member(ctx, "减", base=500000)
    with pytest.raises(DuesRefused, match="approv|批准"):
        ctx.dues.set_base(BaseEntry(poor, Y, 1, DuesCategory.REDUCED, approved_fen=500))
    with pytest.raises(DuesRefused):
        ctx.dues.set_base(BaseEntry(poor, Y, 1, DuesCategory.EXEMPT, approved_by="街道党工委"))
    ctx.dues.set_base(BaseEntry(poor, Y, 1, DuesCategory.REDUCED, approved_fen=500, approved_by="街道党工委",
                                approved_on=date(2026, 1, 8)))
    r = row(ctx, poor)
    assert r.due == (500,) * 12 and r.approved_by == "街道党工委"
    ctx.dues.set_base(BaseEntry(poor, Y, 4, DuesCategory.EXEMPT, approved_by="街道党工委", approved_on=date(2026, 3, 20)))
    pay(ctx, student, [1], paid_on=date(2026, 1, 10))  # the branch's dues records begin in January
    r = row(ctx, poor)
    assert r.due[3:] == (0,) * 9 and r.unpaid_months == 3  # exempt months are not unpaid
    with pytest.raises(DuesRefused, match="exempt|免"):
        pay(ctx, poor, [5])


def test_reduced_on_the_roster_without_approval_cannot_be_computed(ctx):
    a = add_member(ctx, "甲", category=DuesCategory.REDUCED, base=None)
    r = row(ctx, a)
    assert r.problem == "no_approval" and r.monthly_fen is None and r.due_total == 0
    with pytest.raises(DuesRefused, match="cannot be computed|无法计算"):
        pay(ctx, a, [11])


def test_rounding_setting_applies_to_the_ledger(ctx):
    a = add_member(ctx, "甲", base=510000)
    assert row(ctx, a).monthly_fen == 7650
    ctx.dues.set_rounding(Rounding.YUAN_UP)
    assert row(ctx, a).monthly_fen == 7700


# -- which months are due ------------------------------------------------------------------

def test_probationary_member_pays_from_the_month_of_admission(ctx):
    a = add_member(ctx, "预", joined=date(2026, 3, 28), probationary=True)
    r = row(ctx, a)
    assert r.owed == (False, False) + (True,) * 10
    assert r.due_total == 10 * 7650
    with pytest.raises(DuesRefused, match="owes nothing|无需"):
        pay(ctx, a, [2], paid_on=date(2026, 6, 1))
    pay(ctx, a, [3, 4, 5], paid_on=date(2026, 6, 1))
    assert row(ctx, a).paid[2:5] == (7650,) * 3


def test_nothing_due_after_leaving_the_roll_or_before_a_transfer_in(ctx):
    a = add_member(ctx, "出", base=510000)
    ctx.members.record_event(a, EventKind.TRANSFER_OUT, date(2026, 5, 10))
    assert row(ctx, a).owed == (True,) * 5 + (False,) * 7
    b = ctx.members.add(MemberRecord(name="入", joined_on=date(2001, 1, 1), dues_category=DuesCategory.RETIRED,
                                     dues_base_fen=400000), transferred_in_on=date(2026, 8, 3))
    assert row(ctx, b).owed == (False,) * 8 + (True,) * 4
    s = add_member(ctx, "停")
    ctx.members.record_event(s, EventKind.SUSPENDED, date(2026, 4, 2))
    assert row(ctx, s).owed == (True,) * 4 + (False,) * 8


# -- payments ------------------------------------------------------------------------------

def test_multi_month_payment_with_method_receipt_and_payer(ctx):
    a = add_member(ctx, "甲")
    result = pay(ctx, a, [9, 10, 11], method="wechat", receipt_no="DF0001", paid_by="其妻李梅")
    assert result.total_fen == 3 * 7650 and result.payment_id
    r = row(ctx, a)
    assert r.paid[8:11] == (7650,) * 3 and r.paid_total == 22950
    (p,) = ctx.dues.payments(Y)
    assert (p.method, p.receipt_no, p.paid_by, p.amount_fen) == ("wechat", "DF0001", "其妻李梅", 22950)
    assert p.months == ((Y, 9), (Y, 10), (Y, 11))
    with pytest.raises(DuesRefused, match="已经交过"):
        pay(ctx, a, [10])


def test_back_and_prepayment_are_limited_to_six_months(ctx):
    a = add_member(ctx, "甲")
    with pytest.raises(DuesRefused, match="2026-04|2026年4月"):
        pay(ctx, a, [4, 5])                      # April is seven months before November
    with pytest.raises(DuesRefused, match="2027-06|2027年6月"):
        pay(ctx, a, [(2027, 6)])                 # June next year is seven ahead
    pay(ctx, a, [5, 6, 7, 8, 9, 10, 11, 12] + [(2027, m) for m in range(1, 6)])  # May … May: allowed
    # Within the limit but paid on a later date: the limit counts from the month of payment.
    b = add_member(ctx, "乙")
    pay(ctx, b, [1, 2, 3], paid_on=date(2026, 2, 5))
    ctx.dues.set_window(3, 3)
    with pytest.raises(DuesRefused):
        pay(ctx, b, [4, 5, 6, 7, 8, 9], paid_on=date(2026, 4, 1))
    with pytest.raises(DuesRefused):
        ctx.dues.set_window(7, 6)
    with pytest.raises(DuesRefused, match="不能晚于今天"):
        pay(ctx, b, [11], paid_on=date(2026, 11, 21))


def test_base_rise_after_a_prepayment_is_paid_with_the_next_payment(ctx):
    a = add_member(ctx, "甲")
    ctx.dues.set_base(BaseEntry(a, Y, 1, DuesCategory.IN_SERVICE, 510000))
    pay(ctx, a, [11, 12, (2027, 1)], paid_on=date(2026, 11, 2))
    ctx.dues.set_base(BaseEntry(a, Y, 12, DuesCategory.IN_SERVICE, 1100000))
    r = row(ctx, a)
    assert r.shortfall == 22000 - 7650 and r.paid[11] == 7650
    ctx.dues.set_base(BaseEntry(a, 2027, 1, DuesCategory.IN_SERVICE, 1100000))
    quote = ctx.dues.quote(a, [(2027, 2)], date(2026, 11, 20))
    assert [(line.year, line.month, line.amount_fen, line.difference) for line in quote.lines] == [
        (2026, 12, 22000 - 7650, True), (2027, 1, 22000 - 7650, True), (2027, 2, 22000, False)]
    pay(ctx, a, [(2027, 2)])
    assert row(ctx, a).shortfall == 0 and row(ctx, a, 2027).shortfall == 0
    assert row(ctx, a, 2027).paid[:2] == (22000, 22000)


def test_a_reversal_corrects_without_editing_history(ctx):
    a = add_member(ctx, "甲")
    first = pay(ctx, a, [10, 11]).payment_id
    with pytest.raises(DuesRefused):
        ctx.dues.reverse_payment(first, date(2026, 11, 20), "  ")
    rev = ctx.dues.reverse_payment(first, date(2026, 11, 20), "记错了人")
    r = row(ctx, a)
    assert r.paid[9:11] == (0, 0) and r.paid_total == 0
    rows = {p.id: p for p in ctx.dues.payments(Y)}
    assert rows[first].amount_fen == 15300 and rows[first].reversed_by == rev
    assert rows[rev].amount_fen == -15300 and rows[rev].reverses_id == first and rows[rev].note == "记错了人"
    with pytest.raises(DuesRefused, match="already|已经"):
        ctx.dues.reverse_payment(first, date(2026, 11, 20), "again")
    with pytest.raises(DuesRefused):
        ctx.dues.reverse_payment(rev, date(2026, 11, 20), "reverse the reversal")
    # The months can be paid again, and the money held nets to the one payment.
    pay(ctx, a, [10, 11])
    assert row(ctx, a).paid[9:11] == (7650, 7650)
    assert ctx.dues.held() == 15300


def test_voluntary_extra_of_1000_or_more_goes_to_the_centre(ctx):
    a = add_member(ctx, "甲")
    small = pay(ctx, a, [11], voluntary_fen=50000)
    assert not small.voluntary_to_centre and small.voluntary_id
    big = ctx.dues.record_payment(PaymentRequest(a, (), date(2026, 7, 1), voluntary_fen=100000))
    assert big.voluntary_to_centre and big.payment_id is None
    money = ctx.dues.money(Y)
    assert money.voluntary == 150000 and money.to_centre == 100000
    assert money.received == 7650 + 150000


# -- arrears -------------------------------------------------------------------------------

def test_arrears_flags_at_three_and_six_consecutive_months(ctx):
    ok = add_member(ctx, "好")
    three = add_member(ctx, "三")
    six = add_member(ctx, "六")
    pay(ctx, ok, range(5, 12), paid_on=date(2026, 11, 1))
    pay(ctx, three, range(5, 9), paid_on=date(2026, 8, 1))   # Sep, Oct, Nov unpaid
    pay(ctx, six, [5], paid_on=date(2026, 5, 1))             # Jun … Nov unpaid
    ledger = ctx.dues.ledger(Y)
    assert ledger.row_of(ok).flag == "" and ledger.row_of(ok).streak == 0
    assert (ledger.row_of(three).streak, ledger.row_of(three).flag) == (3, "warning")
    assert (ledger.row_of(six).streak, ledger.row_of(six).flag) == (6, "alert")
    # Arrears are counted from the first month a payment recorded here covers (May): not before.
    assert ledger.row_of(ok).unpaid_months == 0 and ledger.row_of(six).unpaid_months == 6
    # Nothing automatic happens to the member: still on the roll, standing unchanged.
    rec = ctx.members.get(six)
    assert rec.roll_status.value == "active" and rec.party_standing.value == "normal"


def test_no_dues_records_means_no_arrears_flags(ctx):
    a = add_member(ctx, "甲")
    assert row(ctx, a).flag == "" and row(ctx, a).streak == 0


def test_arrears_run_across_new_year(tmp_path):
    from desktop.context import open_context
    ctx = open_context(tmp_path / "b", clock=FixedClock(datetime(2027, 2, 10, 9, 0)))
    try:
        a = add_member(ctx, "甲")
        ctx.dues.record_payment(PaymentRequest(a, ((2026, 8),), date(2026, 8, 5)))
        r = row(ctx, a, 2027)
        assert r.streak == 6 and r.flag == "alert"  # Sep … Feb
        assert r.unpaid_months == 2
    finally:
        ctx.close()


# -- remittances and the balance -------------------------------------------------------------

def test_remittance_and_its_reversal(ctx):
    a = add_member(ctx, "甲")
    pay(ctx, a, [9, 10, 11])
    with pytest.raises(DuesRefused, match="结存党费只有"):
        ctx.dues.record_remittance(date(2026, 11, 20), 30000)
    with pytest.raises(DuesRefused):
        ctx.dues.record_remittance(date(2026, 11, 20), 0)
    rid = ctx.dues.record_remittance(date(2026, 11, 20), 20000, "SJ01", "街道党工委")
    assert ctx.dues.held() == 22950 - 20000
    back = ctx.dues.reverse_remittance(rid, date(2026, 11, 20), "金额有误")
    assert ctx.dues.held() == 22950
    rows = ctx.dues.remittances(Y)
    assert [(r.amount_fen, r.reverses_id, r.reversed_by) for r in rows] == [(20000, None, back), (-20000, rid, None)]
    with pytest.raises(DuesRefused):
        ctx.dues.reverse_remittance(rid, date(2026, 11, 20), "again")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A branch with three members, copied for each Hypothesis example (opening it again
    needs no migration)."""
    from desktop.context import open_context
    folder = tmp_path_factory.mktemp("template")
    ctx = open_context(folder, clock=FixedClock(datetime(2026, 11, 20, 9, 30)))
    for name, base in (("甲", 510000), ("乙", 300000), ("丙", 1200000)):
        add_member(ctx, name, base=base)
    ctx.dues.fix_year_bases(2025)
    ctx.dues.fix_year_bases(Y)
    ctx.close()
    return folder / "branch.sqlite"


operations = st.lists(st.one_of(
    st.tuples(st.just("pay"), st.integers(1, 3), st.integers(0, 23), st.integers(1, 3), st.integers(0, 8)),
    st.tuples(st.just("reverse"), st.integers(0, 30)),
    st.tuples(st.just("remit"), st.integers(1, 60000), st.integers(0, 500)),
    st.tuples(st.just("unremit"), st.integers(0, 30)),
    st.tuples(st.just("voluntary"), st.integers(1, 3), st.integers(1, 200000), st.integers(0, 600)),
), max_size=25)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations)
def test_the_balance_always_adds_up(template, ops):
    """Whatever sequence of payments, reversals and remittances — accepted or refused — the
    money held is exactly what was received less what was handed up, each year's closing is the
    next one's opening, and no year's figures contradict the entries."""
    from desktop.context import open_context
    folder = Path(tempfile.mkdtemp(prefix="branchdesk-balance-"))
    shutil.copy(template, folder / "branch.sqlite")
    ctx = open_context(folder, clock=FixedClock(datetime(2026, 11, 20, 9, 30)))
    payments, remittances = [], []
    start = date(2025, 1, 1)
    try:
        for op in ops:
            try:
                if op[0] == "pay":
                    _, member, first, count, day = op
                    months = [((2025 * 12 + first + k) // 12, (2025 * 12 + first + k) % 12 + 1) for k in range(count)]
                    on = date(months[0][0], months[0][1], 1 + day)
                    r = ctx.dues.record_payment(PaymentRequest(member, tuple(months), on))
                    payments.append(r.payment_id)
                elif op[0] == "voluntary":
                    _, member, amount, day = op
                    ctx.dues.record_payment(PaymentRequest(member, (), date.fromordinal(start.toordinal() + day), voluntary_fen=amount))
                elif op[0] == "reverse" and payments:
                    pid = payments[op[1] % len(payments)]
                    ctx.dues.reverse_payment(pid, date(2026, 11, 20), "更正")
                elif op[0] == "remit":
                    remittances.append(ctx.dues.record_remittance(date.fromordinal(start.toordinal() + op[2]), op[1]))
                elif op[0] == "unremit" and remittances:
                    ctx.dues.reverse_remittance(remittances[op[1] % len(remittances)], date(2026, 11, 20), "更正")
            except DuesRefused:
                pass
            rows = ctx.dues.payments()
            sent = ctx.dues.remittances()
            assert ctx.dues.held() == sum(p.amount_fen for p in rows) - sum(r.amount_fen for r in sent)
        y25, y26 = ctx.dues.money(2025), ctx.dues.money(2026)
        assert y25.opening == 0 and y25.closing == y26.opening
        assert y26.closing == ctx.dues.held() == ctx.dues.held(date(2026, 12, 31))
        for m in (y25, y26):
            assert m.closing == m.opening + m.received - m.remitted
        # Each payment's months add up to the payment, and the ledger's paid to the lines.
        paid_lines = sum(ctx.dues.ledger(y).paid_total for y in (2025, 2026, 2027))
        assert paid_lines == sum(p.amount_fen for p in ctx.dues.payments() if p.kind == "dues")
        # A reversal nets a payment to nothing: no month is ever paid negatively.
        for y in (2025, 2026, 2027):
            assert all(p >= 0 for row in ctx.dues.ledger(y).rows for p in row.paid)
    finally:
        ctx.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_months_text_and_money_text():
    assert months_text([(2026, 1), (2026, 2), (2026, 3), (2026, 5)]) in ("2026-01 to 2026-03, 2026-05", "2026年1月至2026年3月、2026年5月")
    assert fen_text(7650) == "76.50" and fen_text(-5) == "-0.05" and fen_text(0) == "0.00" and fen_text(None) == ""
    assert Decimal(fen_text(123456)) == Decimal("1234.56")


def test_the_ledgers_shortcut_for_plain_members_gives_what_member_year_gives(ctx):
    """build_ledger computes members with no history and one base from January without
    member_year's loops; both must agree for every kind of member."""
    import random
    from core.dues_months import MemberSpan
    from core.dues_months import unpaid_streak
    from desktop.services.dues_ledger import AmountBook, Assessment, _streak_months, _years, member_year, records_since
    rng = random.Random(7)
    categories = [DuesCategory.IN_SERVICE, DuesCategory.RETIRED, DuesCategory.STUDENT, DuesCategory.REDUCED, None]
    for n in range(60):
        joined = rng.choice([date(2001, 3, 4), date(2026, 5, 9), date(2026, 1, 1), date(2026, 11, 20)])
        category = rng.choice(categories)
        base = rng.choice([None, 300000, 300001, 1000001])
        mid = ctx.members.add(MemberRecord(name=f"成员{n}", joined_on=joined, dues_category=category, dues_base_fen=base))
        kind = rng.randrange(5)
        if kind == 1 and category and category in (DuesCategory.IN_SERVICE, DuesCategory.RETIRED):
            ctx.dues.set_base(BaseEntry(mid, Y, 1, category, 510000))
        elif kind == 2 and category and category in (DuesCategory.IN_SERVICE, DuesCategory.RETIRED):
            ctx.dues.set_base(BaseEntry(mid, Y, 6, category, 610000))
        elif kind == 3 and joined.year < 2026:
            ctx.members.record_event(mid, EventKind.SUSPENDED, date(2026, 4, 2))
        if category is DuesCategory.IN_SERVICE and joined <= date(2026, 5, 9) and kind != 3 and rng.random() < 0.5:
            ctx.dues.record_payment(PaymentRequest(mid, ((Y, 6),), date(Y, 6, 10)))
    book = AmountBook(ctx.dues.config().rules)
    with ctx.db.session() as s:
        computed = _years(s, Y, None, book)
        since = records_since(s)
    ledger = ctx.dues.ledger(Y)
    for mid, (m, fast) in computed.items():
        rec = ctx.members.get(mid)
        events = tuple((e.kind.value, e.on) for e in ctx.members.history(mid))
        rows = [(b.from_month, Assessment(b.category, b.base_fen, b.approved_fen, b.approved_by, b.approved_on))
                for b in ctx.dues.base_history(mid, Y)]
        paid = {i + 1: p for i, p in enumerate(fast.paid) if p}
        slow = member_year(Y, MemberSpan(rec.joined_on, events, rec.roll_status.value, rec.party_standing.value), rows,
                           Assessment(m[4], m[5], from_roster=True), paid, book)
        assert (fast.owed, fast.due, fast.paid, fast.rates, fast.problem) == (slow.owed, slow.due, slow.paid, slow.rates, slow.problem), rec.name
        assert [(a.category, a.base_fen, a.from_roster) for a in fast.assessments] == [
            (a.category, a.base_fen, a.from_roster) for a in slow.assessments], rec.name
        # The ledger's quick streak is core's rule (unpaid_streak) over the same months.
        row = ledger.row_of(mid)
        if row is not None:
            assert row.streak == unpaid_streak(_streak_months(slow, Y, 11, since)), rec.name


def test_an_import_whose_members_have_paid_dues_cannot_be_undone(ctx, clock, tmp_path):
    """Undoing an import deletes the members it created; money recorded for them must not
    vanish with them (dues_payment has no ON DELETE): the undo is refused, nothing changes."""
    from datetime import timedelta
    from desktop.services import importer
    from desktop.services.members import ActionRefused
    from tests.helpers.spreadsheets import make_id, write_xlsx
    path = write_xlsx(tmp_path / "名册.xlsx", [["姓名", "公民身份号码", "党费类别", "缴费基数"],
                                               ["张伟", make_id(date(1980, 1, 1), 3), "在职", 5100]])
    importer.commit(ctx, importer.read_plan(ctx, path))
    (zhang,) = [r.id for r in ctx.members.roster()]
    ctx.dues.record_payment(PaymentRequest(zhang, ((Y, 11),), date(Y, 11, 20)))
    clock.at += timedelta(minutes=5)
    with pytest.raises(ActionRefused, match="other records|其他记录|已有"):
        importer.undo_last(ctx)
    assert row(ctx, zhang).paid[10] == 7650 and ctx.dues.held() == 7650


def test_a_remittance_cannot_hand_up_money_received_after_its_date(ctx):
    a = add_member(ctx, "甲")
    pay(ctx, a, [11], paid_on=date(2026, 11, 15))
    with pytest.raises(DuesRefused):
        ctx.dues.record_remittance(date(2026, 11, 10), 7650)
    ctx.dues.record_remittance(date(2026, 11, 16), 7650)
    assert ctx.dues.held() == 0
