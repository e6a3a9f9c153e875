"""Backup and restore of a branch with ten years of records, and the start-up checks.

The branch: 45 members, ten years of meetings with attendance (bench_meetings.populate, ≈1,500
meetings) and ten years of dues paid by the quarter (bases, payments, their month lines).
Each figure is the median of several rounds, against a baseline measured in the same run,
interleaved:
- backup: db.backup.make_backup (VACUUM INTO a .tmp, flush, integrity_check of the copy, row
  counts of every table on both sides, rename, rotation) against a plain copy of the same file
  with its flush (shutil.copyfile + fsync) — what any backup has to pay;
- restore: db.backup.restore (check the backup, copy it in and check the copy, the current
  file copied aside through SQLite's backup API, swap) against the same plain copy;
- quick_check at every start, and the full check after an unclean exit (integrity_check and
  foreign_key_check), as time alone: they are what a start pays before the database opens.

    .venv/bin/python -m bench.bench_backup [--years N] [--rounds R]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

TODAY = datetime(2026, 11, 20, 9, 30)


def populate_dues(ctx, years: int, seed: int = 20261120) -> int:
    """``years`` years of dues straight into the database: a base each January, payments by the
    quarter, each with its month lines. Returns the month lines."""
    from db.models import DuesBase, DuesPayment, DuesPaymentMonth, Member
    rng = random.Random(seed)
    with ctx.db.session.begin() as s:
        members = [r[0] for r in s.execute(Member.__table__.select().with_only_columns(Member.id))]
        bases, payments, lines = [], [], []
        pid = 0
        for year in range(TODAY.year - years + 1, TODAY.year + 1):
            last_month = TODAY.month if year == TODAY.year else 12
            for mid in members:
                bases.append(dict(member_id=mid, year=year, from_month=1, category="in_service",
                                  base_fen=400000 + rng.randrange(0, 400000, 100), approved_fen=None, approved_by="",
                                  approved_on=None, source="set", note="", recorded_at=TODAY))
                for quarter_start in range(1, last_month + 1, 3):
                    months = list(range(quarter_start, min(quarter_start + 3, last_month + 1)))
                    pid += 1
                    fen = 4000 + (mid % 50) * 100
                    lines.extend(dict(payment_id=pid, member_id=mid, year=year, month=m, amount_fen=fen) for m in months)
                    payments.append(dict(id=pid, member_id=mid, kind="dues", paid_on=date(year, quarter_start, 5),
                                         amount_fen=fen * len(months), method="cash", receipt_no=f"DF{pid:06d}",
                                         paid_by="", note="", reverses_id=None, recorded_at=TODAY))
        s.execute(DuesBase.__table__.insert(), bases)
        s.execute(DuesPayment.__table__.insert(), payments)
        s.execute(DuesPaymentMonth.__table__.insert(), lines)
    return len(lines)


def make_branch(folder: Path, years: int) -> Path:
    from core.clock import FixedClock
    from desktop.context import open_context
    from bench.bench_meetings import populate
    ctx = open_context(folder, clock=FixedClock(TODAY), branch_name="十年党支部")
    try:
        meetings = populate(ctx, years)
        lines = populate_dues(ctx, years)
        print(f"   branch: {meetings} meetings, {lines} dues month lines over {years} years")
    finally:
        ctx.close()
    return folder / "branch.sqlite"


def plain_copy(src: Path, dest: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(src, dest)
    fd = os.open(dest, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="bench.bench_backup")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    os.environ.setdefault("BRANCHDESK_PASSWORD", "bench-password-2026")
    from core import i18n
    from desktop import paths
    i18n.install("zh_CN", paths.translation_source("zh_CN"))
    from db.backup import make_backup, restore
    from db.integrity import check_database

    work = Path(tempfile.mkdtemp(prefix="branchdesk-bench-backup-"))
    try:
        db = make_branch(work / "branch", args.years)
        size = db.stat().st_size + (db.with_name(db.name + "-wal").stat().st_size if db.with_name(db.name + "-wal").exists() else 0)
        print(f"   database: {size / 1024 / 1024:.1f} MB")
        backups, copies, restores, rcopies, quick, full = [], [], [], [], [], []
        made = None
        for n in range(args.rounds):
            copies.append(plain_copy(db, work / f"copy-{n}.sqlite"))
            started = time.perf_counter()
            made = make_backup(db, work / "backups", TODAY + timedelta(days=n)).path
            backups.append(time.perf_counter() - started)
            rcopies.append(plain_copy(made, work / f"rcopy-{n}.sqlite"))
            started = time.perf_counter()
            aside = restore(db, made, now=TODAY + timedelta(days=n, hours=1))
            restores.append(time.perf_counter() - started)
            aside.unlink()
            started = time.perf_counter()
            assert check_database(db).ok
            quick.append(time.perf_counter() - started)
            started = time.perf_counter()
            assert check_database(db, full=True).ok
            full.append(time.perf_counter() - started)
        out = {
            "backup_ms": statistics.median(backups) * 1000, "copy_ms": statistics.median(copies) * 1000,
            "restore_ms": statistics.median(restores) * 1000, "restore_copy_ms": statistics.median(rcopies) * 1000,
            "quick_check_ms": statistics.median(quick) * 1000, "full_check_ms": statistics.median(full) * 1000,
            "backup_mb": made.stat().st_size / 1024 / 1024,
        }
        out["backup_ratio"] = out["backup_ms"] / out["copy_ms"]
        out["restore_ratio"] = out["restore_ms"] / out["restore_copy_ms"]
        print(f"   backup (checked, rotated): {out['backup_ms']:.0f} ms for {out['backup_mb']:.1f} MB"
              f" = {out['backup_ratio']:.1f} × a plain copy with flush ({out['copy_ms']:.1f} ms)")
        print(f"   restore (checked, the current file aside): {out['restore_ms']:.0f} ms"
              f" = {out['restore_ratio']:.1f} × a plain copy with flush ({out['restore_copy_ms']:.1f} ms)")
        print(f"   start-up check: quick_check {out['quick_check_ms']:.0f} ms; after an unclean exit"
              f" integrity_check + foreign_key_check {out['full_check_ms']:.0f} ms")
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
