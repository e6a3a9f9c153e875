"""The writer the crash test kills (tests/test_crash.py), and the spawner that forks it.

``python -m tests.helpers.crash_writer`` starts a spawner: one process that imports the
program once, writes a scratch branch to load everything lazy, says ``ready`` and then
obeys lines on stdin:

    spawn DATA_DIR SEED   fork a writer on DATA_DIR; answers ``pid N``
    reap PID              wait for that writer; answers ``reaped PID STATUS``
    quit

The spawner has no threads, so forking it is safe (the pytest process may have Qt's).
A writer inherits the spawner's stdout — a pipe to the test — and reports on it, one
``os.write`` of one short line (atomic on a pipe), *after* each commit has returned:

    opened                       the branch opened (the program's own open path)
    meeting ID
    member ID                    a member and their 转入 event
    payment ID MEMBER MONTHS     a dues payment covering MONTHS months
    signin MEETING MEMBER
    import BATCH CREATED         a spreadsheet import of CREATED new members
    closing                      about to close the branch (checkpoint the WAL into the file)
    closed                       the branch closed
    error TEXT                   anything raised: the writer stops (a test failure)

It writes through the real services, as the window does, until it is killed.
"""
from __future__ import annotations

import gc
import os
import random
import sys
import tempfile
import traceback
from datetime import date, datetime, timedelta
from pathlib import Path

from core.clock import FixedClock
from core.dues import DuesCategory
from core.meetings import MeetingRecord, MeetingType
from core.members import Gender, MemberCategory, MemberRecord
from desktop.context import open_context
from desktop.services import importer
from desktop.services.dues import PaymentRequest
from desktop.services.signin import SigninService
from tests.helpers.spreadsheets import make_id, write_csv

NOW = datetime(2026, 11, 20, 15, 0)
TRANSFERRED_IN = date(2026, 1, 5)
PAYABLE = [(2026, m) for m in range(6, 12)]   # June–November, within the back-payment window
GROUPS = ["第一党小组", "第二党小组", "第三党小组"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红"
IMPORT_HEADER = ["姓名", "性别", "身份证号码", "入党时间", "转正时间", "所属党小组", "人员类别", "党费类别", "缴费基数"]


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


class Writer:
    def __init__(self, data_dir: Path, seed: int):
        self.data_dir = data_dir
        self.rng = random.Random(seed)
        self.clock = FixedClock(NOW)
        self.ctx = None
        self.signin: SigninService | None = None
        self.meeting_id: int | None = None
        self.meeting_size = 0

    def open(self) -> None:
        self.ctx = open_context(self.data_dir, clock=self.clock)
        self.signin = SigninService.of(self.ctx)
        _say("opened")

    def close(self) -> None:
        _say("closing")  # a kill from here to "closed" lands in the closing checkpoint
        self.ctx.close()
        self.ctx = None
        _say("closed")

    def new_meeting(self) -> None:
        start = NOW.replace(hour=14, minute=0) - timedelta(minutes=self.rng.randint(0, 120))
        kind = self.rng.choice([MeetingType.BRANCH_ASSEMBLY, MeetingType.LECTURE, MeetingType.THEME_DAY])
        self.meeting_id = self.signin.meetings.add(MeetingRecord(
            type=kind, title="学习" + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.randint(2, 40))),
            start=start, end=start + timedelta(hours=2), place="党员活动室", host="王书记"))
        self.meeting_size = 0
        _say(f"meeting {self.meeting_id}")

    def member_paying_and_signing(self) -> None:
        rng = self.rng
        category = rng.choice([DuesCategory.IN_SERVICE, DuesCategory.RETIRED])
        member_id = self.ctx.members.add(MemberRecord(
            name=_name(rng), gender=rng.choice(list(Gender)), joined_on=date(2000, 7, 1),
            category=MemberCategory.FULL, full_member_on=date(2001, 7, 1), group=rng.choice(GROUPS),
            dues_category=category, dues_base_fen=rng.randint(1000, 15000) * 100,
            note="备注" * rng.randint(0, 300)), transferred_in_on=TRANSFERRED_IN)
        _say(f"member {member_id}")
        n = rng.randint(1, 4)
        first = rng.randint(0, len(PAYABLE) - n)
        months = tuple(PAYABLE[first:first + n])
        paid = self.ctx.dues.record_payment(PaymentRequest(member_id=member_id, months=months, paid_on=NOW.date(),
                                                           receipt_no=f"R{member_id:06d}"))
        _say(f"payment {paid.payment_id} {member_id} {n}")
        if self.meeting_id is None or self.meeting_size >= 25:
            self.new_meeting()
        result = self.signin.sign_by_hand(self.meeting_id, member_id, at=NOW.replace(minute=0) - timedelta(minutes=30))
        if result.member_id != member_id or result.at is None:
            raise AssertionError(f"sign-in refused: {result}")
        self.meeting_size += 1
        _say(f"signin {self.meeting_id} {member_id}")

    def an_import(self) -> None:
        rng = self.rng
        rows = [IMPORT_HEADER]
        for _ in range(rng.randint(20, 150)):
            born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 18000))
            rows.append([_name(rng), "男", make_id(born, rng.randint(0, 49)), "2005-07-01", "2006-07-01",
                         rng.choice(GROUPS), "正式党员", "在职", rng.randint(1000, 15000)])
        fd, name = tempfile.mkstemp(suffix=".csv", prefix="roster-")
        os.close(fd)
        path = write_csv(Path(name), rows)
        try:
            plan = importer.read_plan(self.ctx, path)
            if not plan.accepted:
                return
            result = importer.commit(self.ctx, plan)
        finally:
            path.unlink(missing_ok=True)
        _say(f"import {result.batch_id} {result.created}")

    def run(self, steps: int | None = None) -> None:
        self.open()
        done = 0
        while steps is None or done < steps:
            roll = self.rng.random()
            if roll < 0.08:
                self.close()
                self.open()
                self.meeting_id = None
            elif roll < 0.12:
                self.an_import()
            else:
                self.member_paying_and_signing()
            done += 1


def writer_main(data_dir: Path, seed: int) -> None:
    """The forked writer's life: write until killed; never return into the spawner."""
    try:
        Writer(data_dir, seed).run()
    except BaseException as err:  # noqa: BLE001 — reported to the test, which fails
        text = "".join(traceback.format_exception(err)).replace("\n", " | ")
        _say(f"error {text}"[:3800])
    finally:
        os._exit(3)


def warm_up() -> None:
    """Load everything the writer loads lazily (pinyin, translations, the CSV reader …) once,
    in the spawner, so that each forked writer starts as fast as a running program writes."""
    with tempfile.TemporaryDirectory(prefix="crash-warm-up-") as scratch:
        saved = os.dup(1)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        try:
            writer = Writer(Path(scratch) / "branch", 1)
            writer.run(steps=3)
            writer.an_import()
            writer.ctx.close()
        finally:
            os.dup2(saved, 1)
            os.close(null)
            os.close(saved)


def _cheap_keys() -> None:
    """The password's key derivation at its smallest cost, as in tests/conftest.py: a new
    branch and every unlock pay it, and the writers open a thousand times."""
    try:
        from db import crypto
        from tests.conftest import CHEAP_KDF
    except ImportError:
        return
    crypto.PASSWORD_KDF, crypto.RECOVERY_KDF = CHEAP_KDF, CHEAP_KDF


def spawner() -> None:
    _cheap_keys()
    warm_up()
    # Objects made so far stay out of the collector's reach: a collection in a writer would
    # otherwise touch, and so copy, every page it shares with the spawner (halves the time
    # a writer takes to open the branch, ~40 → ~20 ms).
    gc.collect()
    gc.freeze()
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    for line in sys.stdin:
        word, *rest = line.split()
        if word == "spawn":
            data_dir, seed = Path(rest[0]), int(rest[1])
            pid = os.fork()
            if pid == 0:
                writer_main(data_dir, seed)
            out.write(f"pid {pid}\n")
        elif word == "reap":
            pid = int(rest[0])
            _, status = os.waitpid(pid, 0)
            out.write(f"reaped {pid} {status}\n")
        elif word == "quit":
            return
        out.flush()


if __name__ == "__main__":
    spawner()
