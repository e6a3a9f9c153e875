"""The year ledger (党费台账): one row per member, one column per month, due and paid.

Built for 10,000 members (bench/bench_dues.py): five set-based queries load everything, then
plain Python computes each member's year; each distinct assessment's amount is computed once
(members of one tier share it). The same per-member computation serves a single payment
(``member_year``), so the payment dialog and the table can never disagree.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.dues import (APPROVED_CATEGORIES, RATE_CATEGORIES, Approval, DuesCategory, DuesRuleError, DuesRules,
                       monthly_amount, rate_for)
from core.members import PartyStanding, RollStatus
from core.dues_months import ROLL_EVENT_KINDS, MemberSpan, arrears_flag, due_months, month_index, unpaid_streak
from db.models import DuesPaymentMonth

# Why a month's amount cannot be computed (shown in the ledger's note, and refused on payment).
PROBLEM_NO_CATEGORY = "no_category"
PROBLEM_NO_BASE = "no_base"
PROBLEM_NO_APPROVAL = "no_approval"
# How far back an arrears run is followed across New Year (six months is what matters).
_LOOKBACK_YEARS = 2


@dataclass(slots=True)
class Assessment:
    """What a month's amount is computed from: a dues_base row, or the roster's own
    category and base when the year has none (``from_roster``)."""
    category: str | None
    base_fen: int | None
    approved_fen: int | None = None
    approved_by: str = ""
    approved_on: date | None = None
    from_roster: bool = False


class AmountBook:
    """Each distinct assessment's monthly amount in fen, computed once (core.dues)."""

    def __init__(self, rules: DuesRules):
        self.rules = rules
        self._memo: dict[tuple, tuple[int | None, str, Decimal | None]] = {}

    def amount(self, a: Assessment) -> tuple[int | None, str, Decimal | None]:
        """(fen or None, problem, rate or None)."""
        key = (a.category, a.base_fen, a.approved_fen, bool(a.approved_by.strip()) and a.approved_on is not None)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._compute(a)
        return found

    def _compute(self, a: Assessment) -> tuple[int | None, str, Decimal | None]:
        if not a.category:
            return None, PROBLEM_NO_CATEGORY, None
        category = DuesCategory(a.category)
        base = Decimal(a.base_fen) / 100 if a.base_fen is not None else None
        approval = None
        if category in APPROVED_CATEGORIES and a.approved_by.strip() and a.approved_on is not None:
            approval = Approval(a.approved_by, a.approved_on, Decimal(a.approved_fen or 0) / 100)
        try:
            amount = monthly_amount(category, base, self.rules, approval)
        except DuesRuleError:
            return None, (PROBLEM_NO_APPROVAL if category in APPROVED_CATEGORIES else PROBLEM_NO_BASE), None
        rate = rate_for(category, base) if category in RATE_CATEGORIES else None
        return int(amount * 100), "", rate


@dataclass(slots=True)
class MemberYear:
    """One member's twelve months of one year."""
    owed: tuple[bool, ...]               # is the month due at all (joined, on the roll, not suspended)
    due: tuple[int | None, ...]          # fen; None where owed but not computable (see problem)
    paid: tuple[int, ...]                # fen, reversals netted
    assessments: tuple[Assessment, ...]
    rates: tuple[Decimal | None, ...]
    problem: str                         # the first month's problem, "" when every owed month is known


def member_year(year: int, span: MemberSpan, rows: list[Assessment | tuple[int, Assessment]] | list,
                roster: Assessment, paid: dict[int, int] | list[int], book: AmountBook) -> MemberYear:
    """``rows``: (from_month, Assessment) of that year, in order of from_month then recording;
    ``paid``: fen by month number, or a list of the twelve months."""
    owed = due_months(span, month_index(year, 1), month_index(year, 12))
    if not rows:
        assessments = [roster] * 12
    else:
        assessments = []
        current = roster
        i = 0
        for month in range(1, 13):
            while i < len(rows) and rows[i][0] <= month:
                current = rows[i][1]
                i += 1
            assessments.append(current)
    due: list[int | None] = []
    rates: list[Decimal | None] = []
    problem = ""
    last = None
    for month in range(12):
        a = assessments[month]
        if a is not last:  # a year has one or two assessments: each is looked up once
            fen, why, rate = book.amount(a)
            last = a
        rates.append(rate)
        if not owed[month]:
            due.append(0)
            continue
        due.append(fen)
        if fen is None and not problem:
            problem = why
    if not paid:
        paid_months = _NOTHING_PAID
    elif isinstance(paid, list):
        paid_months = tuple(paid)
    else:
        paid_months = tuple([paid.get(m, 0) for m in range(1, 13)])
    return MemberYear(tuple(owed), tuple(due), paid_months, tuple(assessments), tuple(rates), problem)


_NOTHING_PAID = (0,) * 12


def _value(a: Assessment) -> tuple:
    return (a.category, a.base_fen, a.approved_fen, a.approved_by, a.approved_on)


@dataclass(slots=True, eq=False)
class LedgerRow:
    """One member's year. Not frozen only because a frozen dataclass takes twice as long to
    make (10,000 per ledger); nothing changes one after it is made."""
    member_id: int
    name: str
    name_key: str
    group: str
    roll_status: str
    category: str              # DuesCategory value in force in the reference month, "" if none
    base_fen: int | None       # the base in force in the reference month
    monthly_fen: int | None    # that month's amount (None: not computable)
    rate: Decimal | None
    owed: tuple[bool, ...]
    due: tuple[int | None, ...]
    paid: tuple[int, ...]
    due_total: int             # fen, months that can be computed
    paid_total: int
    unpaid_months: int         # owed months up to the reference month with nothing paid
    streak: int                # consecutive unpaid months up to the reference month
    flag: str                  # ArrearsFlag value
    shortfall: int             # fen still owed on months paid in part (a base rose after a prepayment)
    problem: str
    from_roster: bool          # some month's base is the roster's, not yet fixed for the year
    base_changes: bool         # more than one assessment during the year
    approved_by: str = ""
    approved_on: date | None = None


@dataclass(frozen=True)
class Ledger:
    year: int
    reference_month: int       # 1–12: today's month in the current year, December for past years, 0 for future
    rows: list[LedgerRow]
    records_since: int | None  # month index of the first dues record (arrears count from there)
    due_by_month: tuple[int, ...]
    paid_by_month: tuple[int, ...]

    @property
    def due_total(self) -> int:
        return sum(self.due_by_month)

    @property
    def paid_total(self) -> int:
        return sum(self.paid_by_month)

    def row_of(self, member_id: int) -> LedgerRow | None:
        return next((r for r in self.rows if r.member_id == member_id), None)


def month_totals(rows: Iterable[LedgerRow]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(due, paid) by month over ``rows``, in fen (the chart's figures). A month not owed has
    due 0 and one that cannot be computed None, so the column sums skip the Nones."""
    rows = list(rows)
    if not rows:
        return (0,) * 12, (0,) * 12
    due = tuple(sum(filter(None, column)) for column in zip(*(r.due for r in rows)))
    paid = tuple(sum(column) for column in zip(*(r.paid for r in rows)))
    return due, paid


def reference_month(year: int, today: date) -> int:
    if year < today.year:
        return 12
    if year > today.year:
        return 0
    return today.month


# -- loading -----------------------------------------------------------------------------

@dataclass
class _Loaded:
    members: list[tuple]                       # (id, name, name_key, group, category, base_fen, joined_on, roll_status, standing)
    events: dict[int, list[tuple[str, date]]]
    bases: dict[int, list[tuple[int, Assessment]]]
    paid: dict[int, list[int]]                 # twelve months of each member who paid anything


def _chunks(ids: list[int], size: int = 900) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


_MEMBERS = ('SELECT m.id, m.name, m.name_key, g.name, m.dues_category, m.dues_base_fen, m.joined_on, m.roll_status, '
            'm.party_standing FROM member m LEFT JOIN party_group g ON m.group_id = g.id{where} '
            'ORDER BY g.position IS NULL, g.position, m.id')
_EVENTS = 'SELECT member_id, kind, "on" FROM member_event WHERE kind IN ({kinds}){where}'
_BASES = ('SELECT member_id, from_month, category, base_fen, approved_fen, approved_by, approved_on FROM dues_base '
          'WHERE year = ?{where} ORDER BY member_id, from_month, id')
# Summed in Python: faster than SQLite's GROUP BY here (measured 72 against 90 ms for 97,000 lines).
_PAID = 'SELECT member_id, month, amount_fen FROM dues_payment_month WHERE year = ?{where}'


def _load(s: Session, year: int, member_ids: list[int] | None) -> _Loaded:
    """Four queries through the driver: at 10,000 members SQLAlchemy's per-row result
    processing cost more than the computation (dates arrive as the ISO text SQLite keeps)."""
    cursor = s.connection().connection.cursor()
    kinds = ", ".join("?" * len(ROLL_EVENT_KINDS))
    kind_values = sorted(ROLL_EVENT_KINDS)

    def run(sql: str, params: list, column: str) -> list[tuple]:
        if member_ids is None:
            return cursor.execute(sql.format(where="", kinds=kinds), params).fetchall()
        out: list[tuple] = []
        for part in _chunks(member_ids):
            where = (" WHERE " if "WHERE" not in sql.split("{where}")[0] else " AND ") + f"{column} IN ({', '.join('?' * len(part))})"
            out += cursor.execute(sql.format(where=where, kinds=kinds), params + part).fetchall()
        return out

    try:
        members = run(_MEMBERS, [], "m.id")
        event_rows = run(_EVENTS, kind_values, "member_id")
        base_rows = run(_BASES, [year], "member_id")
        paid_rows = run(_PAID, [year], "member_id")
    finally:
        cursor.close()
    iso = date.fromisoformat
    members = [(m[0], m[1], m[2], m[3], m[4], m[5], iso(m[6]) if m[6] else None, m[7], m[8]) for m in members]
    events: dict[int, list[tuple[str, date]]] = defaultdict(list)
    for mid, kind, on in event_rows:
        events[mid].append((kind, iso(on)))
    bases: dict[int, list[tuple[int, Assessment]]] = defaultdict(list)
    for mid, from_month, category, base_fen, approved_fen, approved_by, approved_on in base_rows:
        bases[mid].append((from_month, Assessment(category, base_fen, approved_fen, approved_by,
                                                  iso(approved_on) if approved_on else None)))
    paid: dict[int, list[int]] = {}
    for mid, month, amount in paid_rows:
        months = paid.get(mid)
        if months is None:
            months = paid[mid] = [0] * 12
        months[month - 1] += amount
    return _Loaded(members, events, bases, paid)


def _years(s: Session, year: int, member_ids: list[int] | None, book: AmountBook) -> dict[int, tuple[tuple, MemberYear]]:
    data = _load(s, year, member_ids)
    out: dict[int, tuple[tuple, MemberYear]] = {}
    empty: list[int] = []
    events, bases, paid = data.events, data.bases, data.paid
    first = month_index(year, 1)
    active, normal = RollStatus.ACTIVE.value, PartyStanding.NORMAL.value
    all_owed = (True,) * 12
    for m in data.members:
        mid = m[0]
        rows = bases.get(mid, ())
        if (mid not in events and m[7] == active and m[8] == normal
                and (not rows or (len(rows) == 1 and rows[0][0] == 1))):
            # Most members: on the roll all year, one assessment from January (member_year's
            # result, without its loops: this is most of the ledger's time at 10,000 members).
            a = rows[0][1] if rows else Assessment(m[4], m[5], from_roster=True)
            fen, why, rate = book.amount(a)
            joined = m[6]
            start = joined.year * 12 + joined.month - 1 - first if joined else 0
            owed = all_owed if start <= 0 else tuple(i >= start for i in range(12))
            due = tuple((fen if o else 0) for o in owed) if start > 0 else (fen,) * 12
            months = paid.get(mid)
            out[mid] = (m, MemberYear(owed, due, tuple(months) if months else _NOTHING_PAID, (a,) * 12, (rate,) * 12,
                                      why if fen is None and any(owed) else ""))
            continue
        span = MemberSpan(m[6], tuple(events.get(mid, ())), m[7], m[8])
        roster = Assessment(m[4], m[5], from_roster=True)
        out[mid] = (m, member_year(year, span, rows, roster, paid.get(mid, empty), book))
    return out


def records_since(s: Session) -> int | None:
    """The month index from which the branch keeps dues here: the first month any payment
    recorded in BranchDesk covers. Months before it were paid (or not) on paper, so they are
    never counted as arrears — otherwise a branch starting with BranchDesk would see every
    member flagged for the years before."""
    first = s.execute(select(DuesPaymentMonth.year, func.min(DuesPaymentMonth.month)).group_by(DuesPaymentMonth.year)
                      .order_by(DuesPaymentMonth.year).limit(1)).first()
    return month_index(first[0], first[1]) if first is not None else None


def _streak(my: MemberYear, year: int, upto: int, since: int) -> int:
    """unpaid_streak(_streak_months(...)) without building the list: most members paid last
    month, so the loop usually stops at once (a test checks the two agree)."""
    owed, due, paid = my.owed, my.due, my.paid
    start = since - month_index(year, 1)
    n = 0
    for i in range(upto - 1, -1, -1):
        if not owed[i] or i < start or due[i] == 0 or paid[i] > 0:
            break
        n += 1
    return n


def _streak_months(my: MemberYear, year: int, upto: int, since: int | None) -> list[tuple[int | None, int]]:
    """(due, paid) of months 1..upto for unpaid_streak; an owed month that cannot be computed
    still counts as owed, a month before the records began does not."""
    first = month_index(year, 1)
    return [((my.due[i] if my.due[i] is not None else 1) if my.owed[i] and since is not None and first + i >= since else None,
             my.paid[i]) for i in range(upto)]


def build_ledger(s: Session, year: int, today: date, rules: DuesRules, member_ids: list[int] | None = None) -> Ledger:
    book = AmountBook(rules)
    ref = reference_month(year, today)
    since = records_since(s)
    years = _years(s, year, member_ids, book)
    rows: list[LedgerRow] = []
    streaks: dict[int, int] = {}
    back: list[int] = []
    for mid, (m, my) in years.items():
        streak = _streak(my, year, ref, since) if since is not None else 0
        streaks[mid] = streak
        if streak == ref and ref > 0:
            back.append(mid)  # unpaid since January: follow the run into last year
    # Arrears run across New Year: add the previous years' unpaid run where January was unpaid.
    previous = year
    while back and previous > year - _LOOKBACK_YEARS:
        previous -= 1
        earlier = _years(s, previous, back, book)
        still = []
        for mid in back:
            _, my = earlier.get(mid, (None, None))
            if my is None:
                continue
            run = unpaid_streak(_streak_months(my, previous, 12, since))
            streaks[mid] += run
            if run == 12:
                still.append(mid)
        back = still

    counted_from = (since if since is not None else month_index(year + 1, 1)) - month_index(year, 1)
    for mid, (m, my) in years.items():
        if not any(my.owed) and not any(my.paid):
            continue  # not a member of this branch in that year
        ref_index = max(ref, 1) - 1
        if not my.owed[ref_index] and any(my.owed):
            # Left during the year (or joined later): describe the last (or first) owed month.
            owed_months = [i for i, o in enumerate(my.owed) if o]
            ref_index = max((i for i in owed_months if i <= ref_index), default=owed_months[0])
        a = my.assessments[ref_index]
        fen, _, rate = book.amount(a)
        due, paid, owed = my.due, my.paid, my.owed
        # A month not owed has due 0; one that cannot be computed has None.
        due_total = sum(filter(None, due))
        shortfall = sum(d - p for d, p in zip(due, paid) if p and d and p < d)
        unpaid = sum(1 for i in range(max(counted_from, 0), ref) if owed[i] and not paid[i] and due[i] != 0)
        streak = streaks[mid]
        distinct = {id(x): x for x, o in zip(my.assessments, my.owed) if o}.values()
        changes = len({_value(x) for x in distinct}) > 1 if len(distinct) > 1 else False
        rows.append(LedgerRow(
            member_id=mid, name=m[1], name_key=m[2] or "", group=m[3] or "", roll_status=m[7],
            category=a.category or "", base_fen=a.base_fen, monthly_fen=fen, rate=rate,
            owed=owed, due=due, paid=paid, due_total=due_total, paid_total=sum(paid),
            unpaid_months=unpaid, streak=streak,
            flag=arrears_flag(streak).value,
            shortfall=shortfall, problem=my.problem,
            from_roster=any(x.from_roster for x in distinct), base_changes=changes,
            approved_by=a.approved_by, approved_on=a.approved_on,
        ))
    due_by_month, paid_by_month = month_totals(rows)
    return Ledger(year, ref, rows, since, due_by_month, paid_by_month)
