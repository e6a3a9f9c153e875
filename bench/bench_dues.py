"""The year's dues ledger of a branch of 10,000 members, from the database to the table shown.

Goal (issue): the whole view — loading bases, events and payments, computing every member's
twelve months with arrears, filling the model, the summary, the chart and the payment lists,
and painting the table — takes at most 4 × the bare computation of the same 120,000 monthly
amounts with core alone (core.dues.monthly_amount per member and month), measured in the same
run. Each figure is the best of a few rounds (a busy machine counts as little as possible).

    .venv/bin/python -m bench.bench_dues [--members N] [--rounds R]
"""
from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

GOAL = 4.0
TODAY = datetime(2026, 11, 20, 9, 30)
YEAR = 2026


def populate_dues(ctx, seed: int = 20261120) -> int:
    """A year of dues straight into the database (the service's per-payment checks are not
    what is measured): each member's base fixed in January, ~90% paying quarterly up to this
    month, some behind, a pay rise from July for one in twenty. Returns the payment lines."""
    from db.models import DuesBase, DuesPayment, DuesPaymentMonth, Member

    rng = random.Random(seed)
    now = TODAY
    with ctx.db.session.begin() as s:
        members = s.execute(Member.__table__.select().with_only_columns(
            Member.id, Member.dues_category, Member.dues_base_fen, Member.joined_on, Member.roll_status)).all()
        bases, payments, lines = [], [], []
        pid = 0
        for mid, category, base, joined, status in members:
            bases.append(dict(member_id=mid, year=YEAR, from_month=1, category=category, base_fen=base, approved_fen=None,
                              approved_by="", approved_on=None, source="set", note="", recorded_at=now))
            if rng.random() < 0.05:
                bases.append(dict(member_id=mid, year=YEAR, from_month=7, category=category, base_fen=base + 50000,
                                  approved_fen=None, approved_by="", approved_on=None, source="set", note="",
                                  recorded_at=now))
            if status != "active":
                continue
            paid_to = 11 if rng.random() < 0.9 else rng.choice((5, 8, 9))
            first = joined.month if joined and joined.year == YEAR else 1
            for quarter_start in range(first, paid_to + 1, 3):
                months = list(range(quarter_start, min(quarter_start + 3, paid_to + 1)))
                pid += 1
                amount = 0
                for m in months:
                    fen = 3000 + (mid % 200) * 50
                    amount += fen
                    lines.append(dict(payment_id=pid, member_id=mid, year=YEAR, month=m, amount_fen=fen))
                payments.append(dict(id=pid, member_id=mid, kind="dues", paid_on=date(YEAR, quarter_start, 5),
                                     amount_fen=amount, method="cash", receipt_no=f"DF{pid:06d}", paid_by="", note="",
                                     reverses_id=None, recorded_at=now))
        s.execute(DuesBase.__table__.insert(), bases)
        s.execute(DuesPayment.__table__.insert(), payments)
        s.execute(DuesPaymentMonth.__table__.insert(), lines)
    return len(lines)


def bare(rows) -> float:
    """The same 120,000 amounts with core alone: each member's category and base, each month."""
    from core.dues import DuesCategory, DuesRules, monthly_amount
    rules = DuesRules()
    started = time.perf_counter()
    for category, base_fen in rows:
        c = DuesCategory(category)
        base = Decimal(base_fen) / 100
        for _month in range(12):
            monthly_amount(c, base, rules)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="bench.bench_dues")
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv if argv is not None else [])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from core.clock import FixedClock
    from desktop.context import open_context
    from bench.bench_filter import populate

    with tempfile.TemporaryDirectory(prefix="branchdesk-bench-dues-") as tmp:
        ctx = open_context(Path(tmp), clock=FixedClock(TODAY), branch_name="基准测试党支部")
        try:
            populate(ctx, args.members)
            lines = populate_dues(ctx)
            from desktop.ui.app import create_application
            from desktop.ui.dues_page import DuesPage

            app = create_application()
            from desktop.ui import worker
            view_s: list[float] = []
            # The page as the secretary opens it: built, the ledger computed (in the background
            # at this size), the table filled and painted.
            started = time.perf_counter()
            page = DuesPage(ctx)
            page.resize(1200, 720)
            page.show()
            while page.ledger is None:
                worker.wait_idle()
                app.processEvents()
            app.processEvents()
            first = time.perf_counter() - started
            from db.models import Member
            with ctx.db.session() as s:
                rows = s.execute(Member.__table__.select().with_only_columns(Member.dues_category, Member.dues_base_fen)).all()
            amounts = len(rows) * 12
            bare_runs: list[float] = []
            for _ in range(args.rounds):
                # Interleaved, so that a busy machine weighs on both figures alike.
                started = time.perf_counter()
                page.reload(background=False)   # every query, every computation, model, summary
                app.processEvents()             # layout and paint of the table
                view_s.append(time.perf_counter() - started)
                bare_runs.append(bare(rows))
            shown = page.model.rowCount()
            bare_s = min(bare_runs)
            page.close()
        finally:
            ctx.close()
    best = min(view_s)
    ratio = best / bare_s
    print(f"dues ledger view of {shown:,} members ({lines:,} payment lines): best {best * 1000:.0f} ms "
          f"(first, building the page, {first * 1000:.0f} ms); bare core computation of {amounts:,} amounts "
          f"{bare_s * 1000:.0f} ms; ratio {ratio:.2f} (goal ≤ {GOAL:.0f}: {'met' if ratio <= GOAL else 'NOT met'})", flush=True)
    return {"view_s": best, "first_s": first, "bare_s": bare_s, "ratio": ratio}


if __name__ == "__main__":
    main(__import__("sys").argv[1:])
