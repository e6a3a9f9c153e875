"""党费 use cases: the settings the superior decides, yearly bases with dated overrides,
payments (one or several months, 补交/预交 within the window, 代缴), reversals, remittances
(上缴) and the money held (DOMAIN §1).

Nothing is edited or deleted: a new base supersedes an older one for the months it covers
(both stay in the history), and a mistaken payment or remittance is corrected by a reversing
entry that points at it. The views get plain dataclasses.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.clock import Clock
from core.dues import (APPROVED_CATEGORIES, FIXED_CATEGORIES, VOLUNTARY_TO_CENTRE, Approval,
                       Deduction, DuesCategory, DuesRuleError, DuesRules, Rounding, check_farmer_monthly,
                       monthly_amount)
from core.dues_months import MAX_WINDOW_MONTHS, MemberSpan, WindowError, check_window, month_index, month_label, month_of
from core.i18n import translate
from db.engine import Database
from db.models import DuesBase, DuesPayment, DuesPaymentMonth, DuesRemittance, Member, MemberEvent
from desktop.services.dues_config import (S_DEDUCTIONS, S_FARMER, S_MAX_AHEAD, S_MAX_BACK, S_REMIT_TO, S_ROUNDING,
                                          DuesConfig, config_from_values)
from desktop.services.dues_ledger import (PROBLEM_NO_APPROVAL, PROBLEM_NO_BASE, PROBLEM_NO_CATEGORY, AmountBook,
                                          Assessment, Ledger, MemberYear, build_ledger, member_year)
from desktop.services.errors import KnownError
from desktop.services.settings import SettingsService

log = logging.getLogger(__name__)

KIND_DUES = "dues"
KIND_VOLUNTARY = "voluntary"
SOURCE_SET, SOURCE_IMPORT, SOURCE_ROSTER = "set", "import", "roster"


class DuesRefused(KnownError):
    """A dues request the rules or the records do not allow; ``str(err)`` says why."""


class PaymentMethod(StrEnum):
    CASH = "cash"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    BANK = "bank"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "cash": translate("dues_service", "Cash"),
            "wechat": translate("dues_service", "WeChat Pay"),
            "alipay": translate("dues_service", "Alipay"),
            "bank": translate("dues_service", "Bank transfer"),
            "other": translate("dues_service", "Other"),
        }[self.value]


def method_label(value: str) -> str:
    try:
        return PaymentMethod(value).label
    except ValueError:
        return value


def problem_text(problem: str) -> str:
    return {
        PROBLEM_NO_CATEGORY: translate("dues_service", "No dues category: set it in the member's record or with “Set base”"),
        PROBLEM_NO_BASE: translate("dues_service", "No monthly base: set the base for this year"),
        PROBLEM_NO_APPROVAL: translate("dues_service", "Reduced or exempt without the approval recorded"),
        "": "",
    }[problem]


def fen_text(fen: int | None) -> str:
    """12345 → "123.45" (the ledger's and the dialogs' way of writing money)."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def to_fen(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


# -- what the views get ---------------------------------------------------------------------

@dataclass(frozen=True)
class BaseEntry:
    """A base to record: from ``from_month`` of ``year`` on (1 = the year's base)."""
    member_id: int
    year: int
    from_month: int
    category: DuesCategory
    base_fen: int | None = None
    approved_fen: int | None = None
    approved_by: str = ""
    approved_on: date | None = None
    note: str = ""
    source: str = SOURCE_SET


@dataclass(frozen=True)
class BaseRecord:
    id: int
    year: int
    from_month: int
    category: str
    base_fen: int | None
    monthly_fen: int | None
    approved_fen: int | None
    approved_by: str
    approved_on: date | None
    source: str
    note: str
    recorded_at: datetime
    superseded: bool   # a later record for the same from_month replaced it


@dataclass(frozen=True)
class QuoteLine:
    year: int
    month: int
    due_fen: int
    paid_before_fen: int
    amount_fen: int
    difference: bool   # the rest of a month paid before at a lower base (第十二条)

    @property
    def label(self) -> str:
        return month_label(month_index(self.year, self.month))


@dataclass(frozen=True)
class PaymentQuote:
    member_id: int
    name: str
    lines: tuple[QuoteLine, ...]

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)


@dataclass(frozen=True)
class PaymentRequest:
    member_id: int
    months: tuple[tuple[int, int], ...]   # (year, month)
    paid_on: date
    method: str = PaymentMethod.CASH.value
    receipt_no: str = ""
    paid_by: str = ""                     # 代缴: who paid, when not the member
    note: str = ""
    voluntary_fen: int = 0                # 第十一条: an extra the member chose to pay


@dataclass(frozen=True)
class PaymentResult:
    payment_id: int | None
    voluntary_id: int | None
    total_fen: int
    voluntary_fen: int
    voluntary_to_centre: bool   # a single voluntary payment ≥ 1000 goes entirely to the Centre


@dataclass(frozen=True)
class PaymentRow:
    id: int
    member_id: int
    name: str
    kind: str
    paid_on: date
    amount_fen: int
    months: tuple[tuple[int, int], ...]
    method: str
    receipt_no: str
    paid_by: str
    note: str
    reverses_id: int | None
    reversed_by: int | None

    @property
    def months_text(self) -> str:
        return months_text(self.months)


@dataclass(frozen=True)
class RemittanceRow:
    id: int
    remitted_on: date
    amount_fen: int
    receipt_no: str
    recipient: str
    note: str
    reverses_id: int | None
    reversed_by: int | None


@dataclass(frozen=True)
class MoneySummary:
    """The money of one year: what the branch held at its start, received, handed up, and
    holds at its end (closing = opening + received − remitted, always)."""
    year: int
    opening: int
    received: int       # dues and voluntary payments (reversals netted) dated in the year
    voluntary: int
    to_centre: int      # voluntary payments of 1000 yuan or more: entirely for the Centre
    remitted: int
    closing: int


def months_text(months) -> str:
    """(2026,1),(2026,2),(2026,3) → "2026-01—2026-03"; gaps listed."""
    indexes = sorted(month_index(y, m) for y, m in months)
    if not indexes:
        return ""
    runs, start, prev = [], indexes[0], indexes[0]
    for i in indexes[1:] + [None]:
        if i is not None and i == prev + 1:
            prev = i
            continue
        runs.append(month_label(start) if start == prev else translate("dues_service", "{first} to {last}").format(
            first=month_label(start), last=month_label(prev)))
        if i is not None:
            start = prev = i
    return translate("dues_service", ", ").join(runs)


class DuesService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService):
        self.db = db
        self.clock = clock
        self.settings = settings

    # -- settings ----------------------------------------------------------------------------
    def config(self) -> DuesConfig:
        return config_from_values({k: self.settings.get(k) for k in (S_ROUNDING, S_FARMER, S_DEDUCTIONS, S_MAX_BACK, S_MAX_AHEAD, S_REMIT_TO)})

    def set_rounding(self, rounding: Rounding) -> None:
        self.settings.set(S_ROUNDING, Rounding(rounding).value)

    def set_farmer_monthly(self, amount: Decimal | str) -> None:
        try:
            value = check_farmer_monthly(Decimal(str(amount)))
        except InvalidOperation:
            raise DuesRefused(translate("dues", "“{text}” is not an amount of money").format(text=amount)) from None
        except DuesRuleError as err:
            raise DuesRefused(str(err)) from None
        self.settings.set(S_FARMER, f"{value:.2f}")

    def set_deductions(self, deductions) -> None:
        self.settings.set(S_DEDUCTIONS, [Deduction(d).value for d in deductions])

    def set_window(self, back: int, ahead: int) -> None:
        for n in (back, ahead):
            if not 1 <= int(n) <= MAX_WINDOW_MONTHS:
                raise DuesRefused(translate("dues_service", "Back-payment and prepayment are limited to between 1 and {n} months").format(n=MAX_WINDOW_MONTHS))
        self.settings.set(S_MAX_BACK, int(back))
        self.settings.set(S_MAX_AHEAD, int(ahead))

    def set_remit_to(self, name: str) -> None:
        self.settings.set(S_REMIT_TO, name.strip())

    # -- the ledger --------------------------------------------------------------------------
    def ledger(self, year: int, member_ids: list[int] | None = None) -> Ledger:
        with self.db.session() as s:
            return build_ledger(s, year, self.clock.today(), self.config().rules, member_ids)

    def member_count(self) -> int:
        with self.db.session() as s:
            return int(s.scalar(select(func.count()).select_from(Member)))

    def _member(self, s: Session, member_id: int) -> Member:
        m = s.get(Member, member_id)
        if m is None:
            raise DuesRefused(translate("dues_service", "That member no longer exists"))
        return m

    def _member_year(self, s: Session, m: Member, year: int, book: AmountBook) -> MemberYear:
        events = tuple((k, on) for k, on in s.execute(select(MemberEvent.kind, MemberEvent.on).where(MemberEvent.member_id == m.id)))
        rows = [(r.from_month, Assessment(r.category, r.base_fen, r.approved_fen, r.approved_by, r.approved_on))
                for r in s.scalars(select(DuesBase).where(DuesBase.member_id == m.id, DuesBase.year == year)
                                   .order_by(DuesBase.from_month, DuesBase.id))]
        paid = dict(s.execute(select(DuesPaymentMonth.month, func.sum(DuesPaymentMonth.amount_fen))
                              .where(DuesPaymentMonth.member_id == m.id, DuesPaymentMonth.year == year)
                              .group_by(DuesPaymentMonth.month)).all())
        span = MemberSpan(m.joined_on, events, m.roll_status, m.party_standing)
        return member_year(year, span, rows, Assessment(m.dues_category, m.dues_base_fen, from_roster=True),
                           {k: int(v) for k, v in paid.items()}, book)

    # -- bases ------------------------------------------------------------------------------
    def _check_entry(self, e: BaseEntry) -> BaseEntry:
        today = self.clock.today()
        if not 2000 <= e.year <= today.year + 1:
            raise DuesRefused(translate("dues_service", "Bases can be set for the years 2000 to {last}").format(last=today.year + 1))
        if not 1 <= e.from_month <= 12:
            raise DuesRefused(translate("dues_service", "The month must be between 1 and 12"))
        category = DuesCategory(e.category)
        base_fen = e.base_fen
        if category in FIXED_CATEGORIES:
            base_fen = None  # a fixed amount: the base plays no part (第六条)
        approval = None
        if category in APPROVED_CATEGORIES:
            if not e.approved_by.strip() or e.approved_on is None:
                raise DuesRefused(translate("dues", "Reduced or exempt dues need the approving body and the date of approval"))
            if e.approved_on > today:
                raise DuesRefused(translate("dues_service", "The date of approval cannot be in the future"))
            if category is DuesCategory.REDUCED and e.approved_fen is None:
                raise DuesRefused(translate("dues_service", "Give the monthly amount the superior committee approved"))
            approval = Approval(e.approved_by.strip(), e.approved_on, Decimal(e.approved_fen or 0) / 100)
        try:
            monthly_amount(category, Decimal(base_fen) / 100 if base_fen is not None else None, DuesRules(), approval)
        except DuesRuleError as err:
            raise DuesRefused(str(err)) from None
        return BaseEntry(e.member_id, e.year, e.from_month, category, base_fen,
                         0 if category is DuesCategory.EXEMPT else (e.approved_fen if category is DuesCategory.REDUCED else None),
                         e.approved_by.strip() if approval else "", e.approved_on if approval else None,
                         e.note.strip(), e.source)

    def set_base(self, entry: BaseEntry) -> None:
        self.set_bases([entry])

    def set_bases(self, entries: list[BaseEntry]) -> int:
        """Record bases in one transaction (all or none). A base in force today also becomes
        the member's 缴费基数 on the roster, so both screens show the same figure."""
        checked = [self._check_entry(e) for e in entries]
        now = self.clock.now()
        today = self.clock.today()
        with self.db.session.begin() as s:
            for e in checked:
                m = self._member(s, e.member_id)
                s.add(DuesBase(member_id=e.member_id, year=e.year, from_month=e.from_month, category=e.category.value,
                               base_fen=e.base_fen, approved_fen=e.approved_fen, approved_by=e.approved_by,
                               approved_on=e.approved_on, source=e.source, note=e.note, recorded_at=now))
                if e.year == today.year and e.from_month <= today.month:
                    later = s.scalar(select(func.count()).select_from(DuesBase).where(
                        DuesBase.member_id == e.member_id, DuesBase.year == e.year,
                        DuesBase.from_month > e.from_month, DuesBase.from_month <= today.month))
                    if not later:
                        m.dues_category = e.category.value
                        if e.base_fen is not None:
                            m.dues_base_fen = e.base_fen
                        m.updated_at = now
        return len(checked)

    def fix_year_bases(self, year: int) -> int:
        """Write the roster's category and base as the year's base (from January) for every
        member whose year has none yet: the practice is a base fixed at the start of the year,
        so that a later change on the roster does not silently rewrite paid months."""
        ledger = self.ledger(year)
        now = self.clock.now()
        count = 0
        with self.db.session.begin() as s:
            for row in ledger.rows:
                if not row.from_roster or not row.category:
                    continue
                m = s.get(Member, row.member_id)
                s.add(DuesBase(member_id=m.id, year=year, from_month=1, category=m.dues_category, base_fen=m.dues_base_fen,
                           approved_fen=None, approved_by="", approved_on=None, source=SOURCE_ROSTER, note="",
                           recorded_at=now))
                count += 1
        return count

    def _pin_roster_base(self, s: Session, m: Member, year: int, my: MemberYear, now: datetime) -> bool:
        """Money taken against the roster's base pins it as the year's base (see fix_year_bases)."""
        # Months before the year's first base of its own are assessed on the roster's figure:
        # a base from January pins that figure for them (later bases still take over).
        if m.dues_category and any(a.from_roster and o for a, o in zip(my.assessments, my.owed)):
            s.add(DuesBase(member_id=m.id, year=year, from_month=1, category=m.dues_category, base_fen=m.dues_base_fen,
                           approved_fen=None, approved_by="", approved_on=None, source=SOURCE_ROSTER, note="",
                           recorded_at=now))
            return True
        return False

    def base_history(self, member_id: int, year: int) -> list[BaseRecord]:
        book = AmountBook(self.config().rules)
        with self.db.session() as s:
            rows = list(s.scalars(select(DuesBase).where(DuesBase.member_id == member_id, DuesBase.year == year)
                                  .order_by(DuesBase.from_month, DuesBase.id)))
        out = []
        for i, r in enumerate(rows):
            fen, _, _ = book.amount(Assessment(r.category, r.base_fen, r.approved_fen, r.approved_by, r.approved_on))
            superseded = any(o.from_month == r.from_month for o in rows[i + 1:])
            out.append(BaseRecord(r.id, r.year, r.from_month, r.category, r.base_fen, fen, r.approved_fen, r.approved_by,
                                  r.approved_on, r.source, r.note, r.recorded_at, superseded))
        return out

    def preview_amount(self, category: DuesCategory, base_fen: int | None, approved_fen: int | None = None,
                       approved_by: str = "", approved_on: date | None = None) -> int:
        """The monthly amount a base would give under this branch's settings (the base dialog
        shows it as the secretary types). Raises DuesRefused with the reason."""
        approval = Approval(approved_by, approved_on, Decimal(approved_fen or 0) / 100) if approved_by.strip() and approved_on else None
        try:
            amount = monthly_amount(DuesCategory(category), Decimal(base_fen) / 100 if base_fen is not None else None,
                                    self.config().rules, approval)
        except DuesRuleError as err:
            raise DuesRefused(str(err)) from None
        return to_fen(amount)

    # -- payments ---------------------------------------------------------------------------
    def quote(self, member_id: int, months, paid_on: date) -> PaymentQuote:
        with self.db.session() as s:
            return self._quote(s, member_id, months, paid_on, self.config(), {})

    def _quote(self, s: Session, member_id: int, months, paid_on: date, config: DuesConfig,
               years: dict[int, MemberYear], member: Member | None = None) -> PaymentQuote:
        """``years`` holds the member's years already computed (reused), and receives those
        computed on the way."""
        m = member if member is not None else self._member(s, member_id)
        if paid_on > self.clock.today():
            raise DuesRefused(translate("dues_service", "The date of payment cannot be in the future"))
        wanted = sorted({month_index(y, mo) for y, mo in months})
        try:
            check_window(wanted, month_index(paid_on.year, paid_on.month), config.max_back, config.max_ahead)
        except WindowError as err:
            raise DuesRefused(str(err)) from None
        book = AmountBook(config.rules)

        def year_of(y: int) -> MemberYear:
            if y not in years:
                years[y] = self._member_year(s, m, y, book)
            return years[y]
        lines: list[QuoteLine] = []
        for index in wanted:
            y, mo = month_of(index)
            my = year_of(y)
            i = mo - 1
            if not my.owed[i]:
                raise DuesRefused(translate("dues_service", "{name} owes nothing for {month}: not yet a member of this branch then, no longer on its roll, or membership suspended").format(
                    name=m.name, month=month_label(index)))
            due = my.due[i]
            if due is None:
                raise DuesRefused(translate("dues_service", "{name}'s dues for {month} cannot be computed: {problem}").format(
                    name=m.name, month=month_label(index), problem=problem_text(my.problem)))
            if due == 0:
                raise DuesRefused(translate("dues_service", "{name} owes nothing for {month} (exempt)").format(name=m.name, month=month_label(index)))
            if my.paid[i] >= due:
                raise DuesRefused(translate("dues_service", "{name} has already paid for {month}").format(name=m.name, month=month_label(index)))
            lines.append(QuoteLine(y, mo, due, my.paid[i], due - my.paid[i], my.paid[i] > 0))
        # 第十二条: when the base rose after a prepayment, the difference comes with the next payment.
        chosen = set(wanted)
        for y in sorted({month_of(i)[0] for i in wanted} | {paid_on.year}):
            my = year_of(y)
            for i in range(12):
                index = month_index(y, i + 1)
                due, paid = my.due[i], my.paid[i]
                if index not in chosen and my.owed[i] and due and 0 < paid < due:
                    lines.append(QuoteLine(y, i + 1, due, paid, due - paid, True))
        lines.sort(key=lambda line: (line.year, line.month))
        return PaymentQuote(m.id, m.name, tuple(lines))

    def record_payment(self, request: PaymentRequest) -> PaymentResult:
        return self.record_payments([request])[0]

    def record_payments(self, requests: list[PaymentRequest]) -> list[PaymentResult]:
        """Record payments in one transaction: all of them, or (on any refusal) none."""
        config = self.config()
        now = self.clock.now()
        results = []
        # Several payments of one member in one batch (the demo, a meeting's collection)
        # reuse the member's computed years, kept up to date with what was just recorded.
        cache: dict[int, tuple[Member, dict[int, MemberYear]]] = {}
        with self.db.session.begin() as s:
            for r in requests:
                results.append(self._record(s, r, config, now, cache))
        for r, result in zip(requests, results):
            log.info("dues payment recorded: member %s, %s fen", r.member_id, result.total_fen)
        return results

    def _record(self, s: Session, r: PaymentRequest, config: DuesConfig, now: datetime,
                cache: dict[int, tuple[Member, dict[int, MemberYear]]]) -> PaymentResult:
        for text, limit in ((r.receipt_no, 50), (r.paid_by, 40), (r.method, 20)):
            if len(text.strip()) > limit:
                raise DuesRefused(translate("dues_service", "“{text}” is longer than {n} characters").format(text=text.strip(), n=limit))
        if r.voluntary_fen < 0:
            raise DuesRefused(translate("dues_service", "A voluntary payment cannot be negative"))
        payment_id = voluntary_id = None
        total = 0
        if r.months:
            if r.member_id not in cache:
                cache[r.member_id] = (self._member(s, r.member_id), {})
            m, years = cache[r.member_id]
            quote = self._quote(s, r.member_id, r.months, r.paid_on, config, years, m)
            for y in sorted({line.year for line in quote.lines}):
                if self._pin_roster_base(s, m, y, years[y], now):
                    years[y] = replace(years[y], assessments=tuple(replace(a, from_roster=False) for a in years[y].assessments))
            for line in quote.lines:
                my = years[line.year]
                paid = list(my.paid)
                paid[line.month - 1] += line.amount_fen
                years[line.year] = replace(my, paid=tuple(paid))
            total = quote.total_fen
            p = DuesPayment(member_id=r.member_id, kind=KIND_DUES, paid_on=r.paid_on, amount_fen=total,
                            method=r.method.strip(), receipt_no=r.receipt_no.strip(), paid_by=r.paid_by.strip(),
                            note=r.note.strip(), reverses_id=None, recorded_at=now)
            s.add(p)
            s.flush()
            s.add_all(DuesPaymentMonth(payment_id=p.id, member_id=r.member_id, year=line.year, month=line.month,
                                       amount_fen=line.amount_fen) for line in quote.lines)
            payment_id = p.id
        elif not r.voluntary_fen:
            raise DuesRefused(translate("dues", "Choose at least one month to pay for"))
        else:
            self._member(s, r.member_id)
            if r.paid_on > self.clock.today():
                raise DuesRefused(translate("dues_service", "The date of payment cannot be in the future"))
        if r.voluntary_fen:
            v = DuesPayment(member_id=r.member_id, kind=KIND_VOLUNTARY, paid_on=r.paid_on, amount_fen=r.voluntary_fen,
                            method=r.method.strip(), receipt_no=r.receipt_no.strip(), paid_by=r.paid_by.strip(),
                            note=r.note.strip(), reverses_id=None, recorded_at=now)
            s.add(v)
            s.flush()
            voluntary_id = v.id
        return PaymentResult(payment_id, voluntary_id, total, r.voluntary_fen,
                             r.voluntary_fen >= to_fen(VOLUNTARY_TO_CENTRE))

    def reverse_payment(self, payment_id: int, on: date, reason: str) -> int:
        """Correct a mistaken payment: a negative entry for the same months, pointing at it."""
        reason = reason.strip()
        if not reason:
            raise DuesRefused(translate("dues_service", "Say why the entry is being reversed"))
        if on > self.clock.today():
            raise DuesRefused(translate("dues_service", "The date of the reversal cannot be in the future"))
        now = self.clock.now()
        try:
            with self.db.session.begin() as s:
                p = s.get(DuesPayment, payment_id)
                if p is None:
                    raise DuesRefused(translate("dues_service", "That payment does not exist"))
                if p.reverses_id is not None:
                    raise DuesRefused(translate("dues_service", "A reversal cannot itself be reversed; enter the original again instead"))
                if s.scalar(select(DuesPayment.id).where(DuesPayment.reverses_id == p.id)) is not None:
                    raise DuesRefused(translate("dues_service", "That payment has already been reversed"))
                if on < p.paid_on:
                    raise DuesRefused(translate("dues_service", "The reversal cannot be dated before the payment it corrects"))
                rev = DuesPayment(member_id=p.member_id, kind=p.kind, paid_on=on, amount_fen=-p.amount_fen, method=p.method,
                                  receipt_no=p.receipt_no, paid_by=p.paid_by, note=reason, reverses_id=p.id, recorded_at=now)
                s.add(rev)
                s.flush()
                lines = s.scalars(select(DuesPaymentMonth).where(DuesPaymentMonth.payment_id == p.id)).all()
                s.add_all(DuesPaymentMonth(payment_id=rev.id, member_id=p.member_id, year=line.year, month=line.month,
                                           amount_fen=-line.amount_fen) for line in lines)
                return rev.id
        except IntegrityError as err:  # reversed meanwhile by another window
            raise DuesRefused(translate("dues_service", "That payment has already been reversed")) from err

    def payments(self, year: int | None = None, member_id: int | None = None) -> list[PaymentRow]:
        """Payments dated in ``year`` (or all), oldest first, with the months each covers and
        which reversal undid it. Plain columns, no ORM objects: a big branch has tens of
        thousands a year."""
        p = DuesPayment
        stmt = (select(p.id, p.member_id, Member.name, p.kind, p.paid_on, p.amount_fen, p.method, p.receipt_no, p.paid_by,
                       p.note, p.reverses_id).join(Member, p.member_id == Member.id).order_by(p.paid_on, p.id))
        lines = (select(DuesPaymentMonth.payment_id, DuesPaymentMonth.year, DuesPaymentMonth.month)
                 .join(p, DuesPaymentMonth.payment_id == p.id))
        reversals = select(p.reverses_id, p.id).where(p.reverses_id.is_not(None))
        if year is not None:
            dated = (p.paid_on >= date(year, 1, 1), p.paid_on <= date(year, 12, 31))
            stmt, lines = stmt.where(*dated), lines.where(*dated)
        if member_id is not None:
            stmt, lines = stmt.where(p.member_id == member_id), lines.where(p.member_id == member_id)
            reversals = reversals.where(p.member_id == member_id)
        with self.db.session() as s:
            rows = s.execute(stmt).all()
            months: dict[int, list[tuple[int, int]]] = {}
            for pid, y, mo in s.execute(lines):
                months.setdefault(pid, []).append((y, mo))
            reversed_by = dict(s.execute(reversals).all())
        return [PaymentRow(r[0], r[1], r[2], r[3], r[4], r[5], tuple(sorted(months.get(r[0], ()))), r[6], r[7], r[8], r[9],
                           r[10], reversed_by.get(r[0])) for r in rows]

    # -- remittances and the money held -----------------------------------------------------
    def held(self, on: date | None = None) -> int:
        """Collected − remitted, in fen, up to and including ``on`` (default: everything)."""
        with self.db.session() as s:
            return self._held(s, on)

    @staticmethod
    def _held(s: Session, on: date | None) -> int:
        paid = select(func.coalesce(func.sum(DuesPayment.amount_fen), 0))
        sent = select(func.coalesce(func.sum(DuesRemittance.amount_fen), 0))
        if on is not None:
            paid = paid.where(DuesPayment.paid_on <= on)
            sent = sent.where(DuesRemittance.remitted_on <= on)
        return int(s.scalar(paid)) - int(s.scalar(sent))

    def record_remittance(self, on: date, amount_fen: int, receipt_no: str = "", recipient: str = "", note: str = "") -> int:
        if amount_fen <= 0:
            raise DuesRefused(translate("dues_service", "The amount handed up must be more than zero"))
        if on > self.clock.today():
            raise DuesRefused(translate("dues_service", "The date cannot be in the future"))
        recipient = recipient.strip() or self.config().remit_to
        with self.db.session.begin() as s:
            # Neither more than was held that day, nor more than is held now (a later reversal
            # may have taken some back).
            held = min(self._held(s, on), self._held(s, None))
            if amount_fen > held:
                raise DuesRefused(translate("dues_service", "The branch holds only {held} yuan of dues; it cannot hand up {amount} yuan").format(
                    held=fen_text(held), amount=fen_text(amount_fen)))
            r = DuesRemittance(remitted_on=on, amount_fen=amount_fen, receipt_no=receipt_no.strip()[:50],
                               recipient=recipient[:100], note=note.strip(), reverses_id=None, recorded_at=self.clock.now())
            s.add(r)
            s.flush()
            return r.id

    def reverse_remittance(self, remittance_id: int, on: date, reason: str) -> int:
        reason = reason.strip()
        if not reason:
            raise DuesRefused(translate("dues_service", "Say why the entry is being reversed"))
        if on > self.clock.today():
            raise DuesRefused(translate("dues_service", "The date of the reversal cannot be in the future"))
        try:
            with self.db.session.begin() as s:
                r = s.get(DuesRemittance, remittance_id)
                if r is None:
                    raise DuesRefused(translate("dues_service", "That remittance does not exist"))
                if r.reverses_id is not None:
                    raise DuesRefused(translate("dues_service", "A reversal cannot itself be reversed; enter the original again instead"))
                if s.scalar(select(DuesRemittance.id).where(DuesRemittance.reverses_id == r.id)) is not None:
                    raise DuesRefused(translate("dues_service", "That remittance has already been reversed"))
                if on < r.remitted_on:
                    raise DuesRefused(translate("dues_service", "The reversal cannot be dated before the payment it corrects"))
                rev = DuesRemittance(remitted_on=on, amount_fen=-r.amount_fen, receipt_no=r.receipt_no, recipient=r.recipient,
                                     note=reason, reverses_id=r.id, recorded_at=self.clock.now())
                s.add(rev)
                s.flush()
                return rev.id
        except IntegrityError as err:
            raise DuesRefused(translate("dues_service", "That remittance has already been reversed")) from err

    def remittances(self, year: int | None = None) -> list[RemittanceRow]:
        stmt = select(DuesRemittance).order_by(DuesRemittance.remitted_on, DuesRemittance.id)
        if year is not None:
            stmt = stmt.where(DuesRemittance.remitted_on >= date(year, 1, 1), DuesRemittance.remitted_on <= date(year, 12, 31))
        with self.db.session() as s:
            rows = list(s.scalars(stmt))
            reversed_by = dict(s.execute(select(DuesRemittance.reverses_id, DuesRemittance.id)
                                         .where(DuesRemittance.reverses_id.is_not(None))).all())
        return [RemittanceRow(r.id, r.remitted_on, r.amount_fen, r.receipt_no, r.recipient, r.note, r.reverses_id,
                              reversed_by.get(r.id)) for r in rows]

    def money(self, year: int) -> MoneySummary:
        start, end = date(year, 1, 1), date(year, 12, 31)
        with self.db.session() as s:
            opening = self._held(s, date(year - 1, 12, 31))
            received = int(s.scalar(select(func.coalesce(func.sum(DuesPayment.amount_fen), 0))
                                    .where(DuesPayment.paid_on >= start, DuesPayment.paid_on <= end)))
            voluntary_rows = s.execute(select(DuesPayment.id, DuesPayment.amount_fen, DuesPayment.reverses_id)
                                       .where(DuesPayment.kind == KIND_VOLUNTARY, DuesPayment.paid_on >= start,
                                              DuesPayment.paid_on <= end)).all()
            remitted = int(s.scalar(select(func.coalesce(func.sum(DuesRemittance.amount_fen), 0))
                                    .where(DuesRemittance.remitted_on >= start, DuesRemittance.remitted_on <= end)))
        voluntary = sum(a for _, a, _ in voluntary_rows)
        reversed_ids = {rid for _, _, rid in voluntary_rows if rid is not None}
        big = to_fen(VOLUNTARY_TO_CENTRE)
        to_centre = sum(a for pid, a, rid in voluntary_rows if rid is None and a >= big and pid not in reversed_ids)
        return MoneySummary(year, opening, received, voluntary, to_centre, remitted, opening + received - remitted)

