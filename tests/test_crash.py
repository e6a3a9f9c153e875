"""Killed at any moment, the branch loses nothing it said was saved (issue 8).

A writer (tests/helpers/crash_writer.py) adds members with their 转入 event, records dues
payments covering several months, signs members in and imports rosters — through the real
services — and is killed with SIGKILL at random points: while opening (a new branch's
migrations included), mid-transaction, mid-checkpoint (it closes and reopens the branch now
and then), or after a given number of commits. After each kill:

- ``PRAGMA integrity_check`` says ok and ``foreign_key_check`` finds nothing;
- every record the writer reported *after its commit returned* is there, and whole;
- nothing is half-written: every dues payment has its months and they add up to it, every
  member added by hand has their 转入 event, every import holds the members it counts;
- the next writer opens the branch through the program's own open path (and, now and then,
  so does this process, on a copy).

One data folder is reused across points — the realistic case, the file grows — and now and
then a new one is started. The writers are forked by a long-lived spawner with no threads
(forking this process, which may hold Qt's threads, could deadlock). The seed is printed;
``BRANCHDESK_CRASH_SEED`` repeats a run, ``BRANCHDESK_CRASH_POINTS`` changes its length.
"""
from __future__ import annotations

import os
import random
import secrets
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from db.engine import DB_FILENAME

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")

ROOT = Path(__file__).resolve().parent.parent
POINTS = int(os.environ.get("BRANCHDESK_CRASH_POINTS", "1000"))
SEED = int(os.environ.get("BRANCHDESK_CRASH_SEED") or secrets.randbits(32))
FRESH_EVERY = 100        # on average, points between two new data folders
OPEN_CHECK_EVERY = 50    # points between two opens of a copy by this process
STALL = 20.0             # seconds a writer may take to report what it was asked for


class Spawner:
    """The long-lived process that forks writers; its stdout carries theirs too."""

    def __init__(self, log: Path):
        self._log = log.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.helpers.crash_writer"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log)
        self._fd = self.proc.stdout.fileno()
        self._buffer = b""
        self.expect("ready", timeout=60)

    def send(self, line: str) -> None:
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def line(self, timeout: float) -> str | None:
        """The next line, or None when ``timeout`` seconds pass without one."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._fd], [], [], left)[0]:
                return None
            chunk = os.read(self._fd, 65536)
            if not chunk:
                raise AssertionError(f"the spawner exited ({self.proc.poll()}); see {self._log.name}")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def expect(self, word: str, timeout: float = STALL, into: list[str] | None = None) -> str:
        """Read up to the line starting with ``word``; the writer's lines met on the way go ``into``."""
        deadline = time.monotonic() + timeout
        while True:
            line = self.line(max(0.0, deadline - time.monotonic()))
            if line is None:
                raise AssertionError(f"no “{word}” from the spawner in {timeout} s")
            if line.split(" ", 1)[0] == word:
                return line
            if into is None:
                raise AssertionError(f"unexpected line from the spawner: {line}")
            into.append(line)

    def close(self) -> None:
        try:
            self.send("quit")
            self.proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self._log.close()


@dataclass
class Reported:
    """What the writers said they saved in one data folder, since it was new."""
    members: set[int] = field(default_factory=set)
    payments: dict[int, tuple[int, int]] = field(default_factory=dict)   # id → (member, months)
    signins: set[tuple[int, int]] = field(default_factory=set)
    meetings: set[int] = field(default_factory=set)
    imports: dict[int, int] = field(default_factory=dict)                 # batch → created
    commits: int = 0

    def copy(self) -> "Reported":
        return Reported(set(self.members), dict(self.payments), set(self.signins), set(self.meetings),
                        dict(self.imports), self.commits)

    def take(self, line: str) -> bool:
        """Record one line of a writer; True when it reports a commit."""
        word, *rest = line.split(" ")
        if word == "error":
            raise AssertionError(f"the writer failed: {line[6:].replace(' | ', chr(10))}")
        n = [int(x) for x in rest]
        if word == "member":
            self.members.add(n[0])
        elif word == "payment":
            self.payments[n[0]] = (n[1], n[2])
        elif word == "signin":
            self.signins.add((n[0], n[1]))
        elif word == "meeting":
            self.meetings.add(n[0])
        elif word == "import":
            self.imports[n[0]] = n[1]
        elif word in ("opened", "closing", "closed"):
            return False
        else:
            raise AssertionError(f"unknown line from the writer: {line}")
        self.commits += 1
        return True


def check_database(path: Path, reported: Reported) -> None:
    """Everything reported is there and whole, and nothing is half there. ``path`` is a copy."""
    con = sqlite3.connect(path)
    try:
        # A scratch copy: its closing checkpoint need not wait for the disk.
        con.execute("PRAGMA synchronous=OFF")
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'member'").fetchone():
            # Killed before the first migration committed: nothing may have been reported.
            assert reported.commits == 0
            assert not con.execute("SELECT name FROM sqlite_master").fetchall(), "a half-made schema"
            return
        members = {r[0] for r in con.execute("SELECT id FROM member")}
        assert reported.members <= members, f"members lost: {sorted(reported.members - members)[:10]}"
        by_hand = {r[0] for r in con.execute("SELECT id FROM member WHERE import_batch_id IS NULL")}
        with_event = {r[0] for r in con.execute("SELECT member_id FROM member_event WHERE kind = 'transfer_in'")}
        assert by_hand <= with_event, f"members without their 转入 event: {sorted(by_hand - with_event)[:10]}"

        payments = {pid: (member, months, amount, total) for pid, member, months, amount, total in con.execute(
            "SELECT p.id, p.member_id, count(m.id), p.amount_fen, coalesce(sum(m.amount_fen), 0) FROM dues_payment p "
            "LEFT JOIN dues_payment_month m ON m.payment_id = p.id WHERE p.kind = 'dues' GROUP BY p.id")}
        half = {pid: v for pid, v in payments.items() if v[1] == 0 or v[2] != v[3]}
        assert not half, f"payments without all their months: {half}"
        for pid, (member, months) in reported.payments.items():
            assert pid in payments, f"payment {pid} lost"
            assert payments[pid][:2] == (member, months), f"payment {pid}: {payments[pid]}, reported {(member, months)}"
        orphans = con.execute("SELECT count(*) FROM dues_payment_month m LEFT JOIN dues_payment p ON p.id = m.payment_id "
                              "WHERE p.id IS NULL").fetchone()[0]
        assert orphans == 0

        signins = set(con.execute("SELECT meeting_id, member_id FROM signin_scan WHERE kind = 'in'").fetchall())
        assert reported.signins <= signins, f"sign-ins lost: {sorted(reported.signins - signins)[:10]}"
        meetings = {r[0] for r in con.execute("SELECT id FROM meeting")}
        assert reported.meetings <= meetings, f"meetings lost: {sorted(reported.meetings - meetings)}"

        batches = {b: (counted, held) for b, counted, held in con.execute(
            "SELECT b.id, b.created_count, count(m.id) FROM import_batch b "
            "LEFT JOIN member m ON m.import_batch_id = b.id GROUP BY b.id")}
        assert all(counted == held for counted, held in batches.values()), f"imports half there: {batches}"
        for batch, created in reported.imports.items():
            assert batches.get(batch, (None,))[0] == created, f"import {batch}: {batches.get(batch)}, reported {created}"
    finally:
        con.close()


def copy_branch(data_dir: Path, into: Path) -> Path:
    """The database file and its WAL as the kill left them (not the shared-memory index: the
    copy rebuilds it, as the first program to open a file after a crash does)."""
    into.mkdir(parents=True, exist_ok=True)
    for name in (DB_FILENAME, DB_FILENAME + "-wal", DB_FILENAME + "-shm"):
        (into / name).unlink(missing_ok=True)
        if name != DB_FILENAME + "-shm" and (data_dir / name).exists():
            shutil.copyfile(data_dir / name, into / name)
    return into / DB_FILENAME


def open_like_the_program(data_dir: Path, reported: Reported) -> None:
    from core.clock import FixedClock
    from desktop.context import open_context
    from tests.helpers.crash_writer import NOW
    ctx = open_context(data_dir, clock=FixedClock(NOW))
    try:
        roster = {r.id for r in ctx.members.roster()}
        assert reported.members <= roster
    finally:
        ctx.close()


def check_point(data_dir: Path, copy_dir: Path, reported: Reported, open_too: bool) -> None:
    check_database(copy_dir / DB_FILENAME, reported)
    if open_too:
        open_like_the_program(copy_dir, reported)


def kill_one(spawner: Spawner, rng: random.Random, data_dir: Path, reported: Reported) -> list[str]:
    """Start a writer on ``data_dir`` and kill it at a random point; what it said."""
    lines: list[str] = []
    spawner.send(f"spawn {data_dir} {rng.randrange(2**32)}")
    pid = int(spawner.expect("pid", into=lines).split()[1])
    # Where the kill lands: anywhere from the fork on (opening included), a while after the
    # branch opened (mid-transaction, mid-checkpoint), or right after a number of commits
    # (the moment a commit has just returned).
    mode = rng.choices(["from start", "after opening", "after commits"], [0.45, 0.3, 0.25])[0]
    delay = rng.uniform(0, 0.05) if mode == "from start" else rng.uniform(0, 0.02)
    after = rng.randint(1, 6) if mode == "after commits" else None
    commits = sum(reported.take(line) for line in lines)
    timed = mode == "from start" or (mode == "after opening" and "opened" in lines)
    deadline = time.monotonic() + (delay if timed else STALL)
    while after is None or commits < after:
        line = spawner.line(max(0.0, deadline - time.monotonic()))
        if line is None:
            assert timed, f"the writer stalled ({mode}): {lines[-3:]}"
            break
        lines.append(line)
        commits += reported.take(line)
        if line == "opened" and mode == "after opening" and not timed:
            timed, deadline = True, time.monotonic() + delay
    os.kill(pid, signal.SIGKILL)
    spawner.send(f"reap {pid}")
    tail: list[str] = []
    status = int(spawner.expect("reaped", into=tail).split()[2])
    for line in tail:
        reported.take(line)
    lines += tail
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, \
        f"the writer ended by itself ({status}): {lines[-3:]}"
    return lines


def test_sigkill_at_random_points_loses_nothing_committed(tmp_path, capsys):
    rng = random.Random(SEED)
    where = f"(seed {SEED}: BRANCHDESK_CRASH_SEED={SEED} repeats the run)"
    spawner = Spawner(tmp_path / "spawner.log")
    started = time.monotonic()
    survived = 0
    stats: Counter[str] = Counter()
    folders = 0
    data_dir = None
    reported = Reported()
    # Each point's copy is checked on a thread while the next writer runs (SQLite lets go of
    # the GIL): the check and the kill each use one of the machine's cores.
    checker = ThreadPoolExecutor(max_workers=1)
    pending = None

    def settle() -> None:
        nonlocal survived, pending
        if pending is not None:
            point, folder, future = pending
            pending = None
            try:
                future.result()
            except AssertionError as err:
                raise AssertionError(f"crash point {point} {where}, after {survived} survived ({folder}): {err}") from err
            survived += 1

    try:
        for point in range(POINTS):
            if data_dir is None or rng.random() < 1 / FRESH_EVERY:
                settle()
                if data_dir is not None:
                    shutil.rmtree(data_dir)
                folders += 1
                data_dir = tmp_path / f"branch-{folders}"
                reported = Reported()
            try:
                lines = kill_one(spawner, rng, data_dir, reported)
            except AssertionError as err:
                raise AssertionError(f"crash point {point} {where}, after {survived} survived ({data_dir}): {err}") from err
            # What the writer last said before the kill: where in its loop the kill landed.
            stats[f"after “{lines[-1].split(' ')[0]}”" if lines else "before opening"] += 1
            settle()
            copy_dir = tmp_path / f"check-{point % 2}"
            copy_branch(data_dir, copy_dir)
            open_too = point % OPEN_CHECK_EVERY == OPEN_CHECK_EVERY - 1 or point == POINTS - 1
            pending = (point, data_dir, checker.submit(check_point, data_dir, copy_dir, reported.copy(), open_too))
        settle()
    finally:
        checker.shutdown(wait=True, cancel_futures=True)
        spawner.close()
    elapsed = time.monotonic() - started
    size = (data_dir / DB_FILENAME).stat().st_size if (data_dir / DB_FILENAME).exists() else 0
    summary = (f"crash test: {survived} of {POINTS} SIGKILL points survived in {elapsed:.1f} s {where}; "
               f"{folders} data folders, the last {size // 1024} KiB with {len(reported.members)} members by hand; "
               + ", ".join(f"{k}: {v}" for k, v in sorted(stats.items())))
    with capsys.disabled():  # the figure belongs in the CI log, also when the test passes
        print("\n" + summary)
    assert survived == POINTS
