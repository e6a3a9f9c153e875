"""The ballot box: where ballots are written, and how the file is kept from telling who voted what
(DESIGN: Ballot secrecy). Qt-free; every write of a ballot goes through here.

What could link a ballot to a voter, and what is done about each:

- **A key or a time in the row.** A ballot is (random 128-bit id, poll, choice): no timestamp,
  and the table is WITHOUT ROWID, so there is no rowid that grows with each insert.
- **Where the row sits in the file.** Even a random key gives the order away: SQLite stores a
  new cell at the top of its page's free space, so the bytes' positions tell which ballot came
  after which (and the booth is in full view: whoever watched the queue knows the voters' order).
  So ballots are never *inserted* while a poll is open. When codes or paper serials are made,
  as many empty places ("slots": random ids, the choice all spaces, of the poll's fixed size)
  are made in the same transaction, inserted in key order. A ballot is written into a slot drawn
  uniformly at random, and its choice has exactly the slot's size, so SQLite overwrites the
  cell where it is (tested: no cell moves). Positions therefore say only when the slot was
  made, which is the same for all of them.
- **The write-ahead log.** Every commit appends the pages it changed to branch.sqlite-wal, in
  order: diffing consecutive images of a page shows which slot was filled in which commit. After
  each ballot the log is checkpointed and truncated (``PRAGMA wal_checkpoint(TRUNCATE)``), so it
  never holds more than the write in progress; likewise when a poll closes. (What the file
  system keeps of overwritten disk blocks is beyond what a program can clean.)
- **Deleted rows.** secure_delete is on (db/engine.py): the empty slots removed when the poll
  closes, and anything else deleted, are overwritten with zeros.
- **Codes and serials.** A one-time code is stored as an HMAC with a used flag and no member;
  the voter draws the slip at random and the secretary records only *that* the member received
  one (BallotReceived, also WITHOUT ROWID and without a time). A paper serial's HMAC is written
  only when the ballot is counted, to refuse it a second time.
- **Logs.** Nothing here logs a code, a serial, a choice or a member.

Writes are serialised by one lock (the booth on the window's write lane and the phones on the
LAN server's thread share this process), so that two ballots never draw the same slot.
"""
from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from core import ballot_codes
from core.ballot_codes import EMPTY
from db.engine import Database
from db.models import Ballot, CountedSerial, OneTimeCode, Poll

log = logging.getLogger(__name__)

_write_lock = threading.Lock()


class Cast(StrEnum):
    """What became of a ballot handed to the box."""
    ACCEPTED = "accepted"
    UNKNOWN_CODE = "unknown_code"      # no such code for this poll
    USED_CODE = "used_code"            # the code has voted already
    NOT_OPEN = "not_open"              # the poll is not open for this way of voting
    DUPLICATE = "duplicate"            # a paper ballot counted already
    FORGED = "forged"                  # not a serial this branch printed
    WRONG_POLL = "wrong_poll"          # a genuine serial of another poll


def new_ballot_id() -> str:
    return secrets.token_hex(16)


def empty_choice(size: int) -> str:
    return EMPTY * size


def add_slots(s: Session, poll_id: int, size: int, n: int) -> None:
    """``n`` empty places for ballots, made in the caller's transaction, inserted in key order."""
    if n <= 0:
        return
    empty = empty_choice(size)
    ids = sorted({new_ballot_id() for _ in range(n)})
    while len(ids) < n:  # 128 random bits do not collide; the loop is for form's sake
        ids = sorted(set(ids) | {new_ballot_id()})
    s.execute(insert(Ballot), [{"id": i, "poll_id": poll_id, "choice": empty} for i in ids])


def _fill(s: Session, poll_id: int, size: int, choice: str) -> None:
    """Write ``choice`` into a slot drawn uniformly at random (or, with none left — more ballots
    than were made ready, which voids the vote anyway — a new row at a random key)."""
    empty = empty_choice(size)
    if len(choice) != size or not choice.isascii():
        raise ValueError("a choice must have its poll's size exactly")
    free = s.scalar(select(func.count()).select_from(Ballot).where(Ballot.poll_id == poll_id, Ballot.choice == empty))
    if free:
        slot = s.scalar(select(Ballot.id).where(Ballot.poll_id == poll_id, Ballot.choice == empty)
                        .order_by(Ballot.id).offset(secrets.randbelow(free)).limit(1))
        done = s.execute(update(Ballot).where(Ballot.id == slot, Ballot.choice == empty).values(choice=choice))
        if done.rowcount != 1:
            raise RuntimeError("a ballot slot was taken under the lock")
    else:
        s.execute(insert(Ballot).values(id=new_ballot_id(), poll_id=poll_id, choice=choice))


@dataclass(frozen=True)
class Checkpoint:
    busy: bool
    wal_frames: int
    checkpointed: int


class BallotBox:
    def __init__(self, db: Database, secret: bytes):
        self.db = db
        self.secret = secret

    # -- the write-ahead log ---------------------------------------------------------------
    def checkpoint(self) -> Checkpoint:
        """Copy the log into the file and truncate it to nothing (see the module's note)."""
        with self.db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            busy, frames, done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            # A reader still holds an old snapshot; the next checkpoint will finish the job.
            log.warning("the log could not be truncated: the database was busy")
        return Checkpoint(bool(busy), frames, done)

    # -- codes and serials -----------------------------------------------------------------
    def make_codes(self, poll_id: int, n: int) -> list[str]:
        """``n`` new one-time codes for the poll and as many slots, in one transaction. The digits
        are returned once, to be printed; only their HMACs are kept."""
        codes: set[str] = set()
        with _write_lock, self.db.session.begin() as s:
            poll = s.get(Poll, poll_id)
            known = set(s.scalars(select(OneTimeCode.code_hash).where(OneTimeCode.poll_id == poll_id)))
            while len(codes) < n:
                code = ballot_codes.new_code()
                if ballot_codes.code_hash(self.secret, poll_id, code) not in known:
                    codes.add(code)
            # Shuffled, and written in hash order: the printed sheet's order says nothing either.
            hashes = sorted(ballot_codes.code_hash(self.secret, poll_id, c) for c in codes)
            s.execute(insert(OneTimeCode), [{"code_hash": h, "poll_id": poll_id, "used": False} for h in hashes])
            add_slots(s, poll_id, poll.choice_size, n)
        printed = list(codes)
        secrets.SystemRandom().shuffle(printed)
        return printed

    def new_serials(self, poll_id: int, n: int) -> list[str]:
        """Serials for ``n`` paper ballots, and as many slots. No list of them is kept."""
        with _write_lock, self.db.session.begin() as s:
            poll = s.get(Poll, poll_id)
            add_slots(s, poll_id, poll.choice_size, n)
        return [ballot_codes.new_serial(self.secret, poll_id) for _ in range(n)]

    def codes_made(self, poll_id: int) -> tuple[int, int]:
        """(codes made, codes used)."""
        with self.db.session() as s:
            made = s.scalar(select(func.count()).select_from(OneTimeCode).where(OneTimeCode.poll_id == poll_id))
            used = s.scalar(select(func.count()).select_from(OneTimeCode).where(OneTimeCode.poll_id == poll_id,
                                                                               OneTimeCode.used.is_(True)))
        return made or 0, used or 0

    # -- casting -----------------------------------------------------------------------------
    def cast_with_code(self, poll_id: int, code: str, choice: str, way: str) -> Cast:
        """A ballot from the booth or a phone: the code is used and the ballot written in one
        transaction, then the log is truncated. ``choice`` is the encoded ballot."""
        digits = ballot_codes.normalise_code(code)
        if digits is None:
            return Cast.UNKNOWN_CODE
        digest = ballot_codes.code_hash(self.secret, poll_id, digits)
        with _write_lock:
            with self.db.session.begin() as s:
                poll = s.get(Poll, poll_id)
                if poll is None or poll.state != "open" or way not in poll.ways.split(","):
                    return Cast.NOT_OPEN
                done = s.execute(update(OneTimeCode).where(OneTimeCode.code_hash == digest, OneTimeCode.poll_id == poll_id,
                                                           OneTimeCode.used.is_(False)).values(used=True))
                if done.rowcount != 1:
                    known = s.scalar(select(func.count()).select_from(OneTimeCode)
                                     .where(OneTimeCode.code_hash == digest, OneTimeCode.poll_id == poll_id))
                    return Cast.USED_CODE if known else Cast.UNKNOWN_CODE
                _fill(s, poll_id, poll.choice_size, choice)
            self.checkpoint()
        return Cast.ACCEPTED

    def check_code(self, poll_id: int, code: str) -> Cast:
        """Whether a code would be accepted now (the booth asks before showing the ballot)."""
        digits = ballot_codes.normalise_code(code)
        if digits is None:
            return Cast.UNKNOWN_CODE
        digest = ballot_codes.code_hash(self.secret, poll_id, digits)
        with self.db.session() as s:
            used = s.scalar(select(OneTimeCode.used).where(OneTimeCode.code_hash == digest, OneTimeCode.poll_id == poll_id))
        if used is None:
            return Cast.UNKNOWN_CODE
        return Cast.USED_CODE if used else Cast.ACCEPTED

    def count_paper(self, poll_id: int, serial_text: str, choice: str) -> Cast:
        """A paper ballot from the box, keyed in by the tellers."""
        read = ballot_codes.read_serial(self.secret, poll_id, serial_text)
        if not read.ok:
            return Cast.WRONG_POLL if read.wrong_poll else Cast.FORGED
        digest = ballot_codes.serial_hash(self.secret, poll_id, read.key)
        with _write_lock:
            with self.db.session.begin() as s:
                poll = s.get(Poll, poll_id)
                if poll is None or poll.state != "open" or "paper" not in poll.ways.split(","):
                    return Cast.NOT_OPEN
                if s.get(CountedSerial, digest) is not None:
                    return Cast.DUPLICATE
                s.add(CountedSerial(serial_hash=digest, poll_id=poll_id))
                _fill(s, poll_id, poll.choice_size, choice)
            self.checkpoint()
        return Cast.ACCEPTED

    def serial_counted(self, poll_id: int, serial_text: str) -> Cast:
        """Whether a scanned serial can be counted (the counting screen asks before the marks)."""
        read = ballot_codes.read_serial(self.secret, poll_id, serial_text)
        if not read.ok:
            return Cast.WRONG_POLL if read.wrong_poll else Cast.FORGED
        with self.db.session() as s:
            seen = s.get(CountedSerial, ballot_codes.serial_hash(self.secret, poll_id, read.key))
        return Cast.DUPLICATE if seen is not None else Cast.ACCEPTED

    # -- reading and closing --------------------------------------------------------------------
    def choices(self, poll_id: int) -> list[str]:
        """Every ballot cast in the poll, in key order (which is random)."""
        with self.db.session() as s:
            poll = s.get(Poll, poll_id)
            empty = empty_choice(poll.choice_size)
            return list(s.scalars(select(Ballot.choice).where(Ballot.poll_id == poll_id, Ballot.choice != empty)
                                  .order_by(Ballot.id)))

    def collected(self, s: Session, poll_id: int, size: int) -> int:
        return s.scalar(select(func.count()).select_from(Ballot).where(Ballot.poll_id == poll_id,
                                                                       Ballot.choice != empty_choice(size))) or 0

    def seal(self, s: Session, poll_id: int, size: int) -> None:
        """When the poll closes (in the caller's transaction): the empty slots go (zeroed)."""
        s.execute(delete(Ballot).where(Ballot.poll_id == poll_id, Ballot.choice == empty_choice(size)))
