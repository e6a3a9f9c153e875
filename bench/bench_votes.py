"""Votes: counting 10,000 election ballots by the rules, against a bare count of the same marks;
and what one ballot costs at the booth or from a phone (the code used, the ballot written into
its place, the write-ahead log truncated) on a real branch file.

Not a goal of issue 6; printed so that a change that slows either shows up.

    .venv/bin/python -m bench.bench_votes [--ballots N] [--cast N]
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

CANDIDATES = ("丁一", "王二", "李三", "张四", "陈五", "赵六")


def ballots(n: int, seed: int = 6):
    from core.votes import ElectionBallot, Mark
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        marks = {c: rng.choice((Mark.FOR, Mark.AGAINST, Mark.ABSTAIN)) for c in CANDIDATES if rng.random() < 0.9}
        against = [c for c, m in marks.items() if m is Mark.AGAINST]
        out.append(ElectionBallot(marks, ("孙七",) if against and rng.random() < 0.2 else ()))
    return out


def bare(bs) -> Counter:
    count = Counter()
    for b in bs:
        for c, m in b.marks.items():
            count[(c, m)] += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench.bench_votes")
    parser.add_argument("--ballots", type=int, default=10_000)
    parser.add_argument("--cast", type=int, default=200)
    args = parser.parse_args()
    from core.votes import tally_election
    bs = ballots(args.ballots)
    rules, plain = [], []
    for _ in range(5):
        t = time.perf_counter()
        tally_election(seats=4, candidates=CANDIDATES, due=args.ballots, present=args.ballots, issued=args.ballots, ballots=bs)
        rules.append(time.perf_counter() - t)
        t = time.perf_counter()
        bare(bs)
        plain.append(time.perf_counter() - t)
    r, p = statistics.median(rules), statistics.median(plain)
    print(f"tally of {args.ballots:,} ballots: {r * 1000:.1f} ms (bare count {p * 1000:.1f} ms, {r / p:.1f} ×)")

    from core.clock import FixedClock
    from core.members import Gender, MemberCategory, MemberRecord
    from core.votes import PollKind
    from desktop.context import open_context
    from desktop.services.votes import PollSetup, VoteService
    ctx = open_context(Path(tempfile.mkdtemp(prefix="bench-votes-")), clock=FixedClock(datetime(2026, 11, 20, 9, 30)))
    try:
        ids = [ctx.members.add(MemberRecord(name=f"党员{i:04d}", gender=Gender.MALE, category=MemberCategory.FULL,
                                            joined_on=date(1990, 1, 1), full_member_on=date(1991, 1, 1))) for i in range(args.cast)]
        service = VoteService(ctx.db, ctx.clock)
        poll = service.create(PollSetup(PollKind.ELECTION, "bench", CANDIDATES, seats=4, ways=("booth",)))
        service.set_present(poll, ids)
        service.open(poll)
        codes = service.make_codes(poll, args.cast)
        times = []
        for code, b in zip(codes, ballots(args.cast)):
            t = time.perf_counter()
            service.cast(poll, code, b, "booth")
            times.append(time.perf_counter() - t)
        times.sort()
        print(f"one ballot cast (code used, slot written, log truncated): median {statistics.median(times) * 1000:.1f} ms, "
              f"p95 {times[int(len(times) * 0.95)] * 1000:.1f} ms over {args.cast}")
        t = time.perf_counter()
        service.tally(poll)
        print(f"the page's count of {args.cast} stored ballots: {(time.perf_counter() - t) * 1000:.1f} ms")
    finally:
        ctx.close()


if __name__ == "__main__":
    main()
