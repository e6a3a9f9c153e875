"""Sign-in use cases (签到, DOMAIN §7): reading a scanned code or a phone's confirmation,
recording sign-ins and sign-outs, leave (请假), closing a meeting (缺勤 marked, attendance filled),
and the values of the printed sheet and badges. Qt-free; views get plain dataclasses.

Every sign-in write in this process goes through one lock, so that the kiosk (the UI thread)
and the phones (the LAN server's thread) never decide on the same member at once; across
processes (a command line run beside the window) the unique constraints keep one sign-in and
one sign-out per member and meeting. Phones' confirmations arrive in bursts and are written in
batches, one transaction each (``phone_sign_many``).
"""
from __future__ import annotations

import hashlib
import json
import hmac
import ipaddress
import logging
import socket
import threading
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.clock import Clock
from core.i18n import translate
from core.meetings import AttendanceStatus, MeetingType
from core.members import RollStatus
from core.signin import (Decision, Outcome, Recorded, Refusal, SETTING_KEYS, SigninRules, State, decide,
                         meeting_token, member_payload, phone_digits, pin_hash, read_meeting_token, read_payload,
                         refusal_text, repeat_text, rules_from_settings, valid_pin)
from db.engine import Database
from db.models import (Attendance, Branch, Meeting, Member, PartyGroup, Setting, SigninClose, SigninPhone, SigninPin,
                       SigninScan)
from desktop.services.errors import KnownError
from desktop.services.meetings import AttendanceEntry, MeetingService, operator_name
from desktop.services.settings import SettingsService

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
PHONE_SETTINGS = {"signin.phone_enabled": True, "signin.lan_host": "", "signin.port": DEFAULT_PORT}

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _write_lock(db: Database) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(str(db.path), threading.Lock())


class SigninRefused(KnownError):
    """A request the sign-in rules or the records do not allow; ``str(err)`` says why."""


@dataclass(frozen=True)
class RollMember:
    member_id: int
    public_id: str
    name: str
    group: str
    name_key: str = ""


@dataclass(frozen=True)
class MeetingRoll:
    """A meeting and who is expected at it, read once for a kiosk or a phone session."""
    meeting_id: int
    type: MeetingType
    title: str
    start: datetime
    end: datetime
    place: str
    members: tuple[RollMember, ...]
    by_public: dict[str, RollMember] = field(repr=False)
    # Phones only: the last four digits of each expected member's phone and their PIN hashes.
    codes: dict[int, str] = field(default_factory=dict, repr=False)
    pins: dict[int, str] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class ScanResult:
    """What a scan or a phone confirmation did, as shown on the kiosk and the phone."""
    outcome: Outcome
    member: str | None = None
    reason: str | None = None      # why it was refused
    note: str = ""                 # for a repeat: what was recorded before
    member_id: int | None = None
    at: datetime | None = None
    refusal: Refusal | None = None

    @property
    def accepted(self) -> bool:
        return self.outcome is not Outcome.REJECTED

    def as_json(self) -> dict:
        return {"status": self.outcome.value, "member": self.member, "reason": self.reason}


@dataclass(frozen=True)
class PhoneAttempt:
    """One confirmation from the phone page."""
    public_id: str
    code: str          # the last four digits of the phone, or the PIN
    device: str        # SHA-256 (hex) of the phone's cookie
    at: datetime


@dataclass(frozen=True)
class _Item:
    """One sign-in to decide: who, when, from where (kiosk | phone | hand), which phone."""
    member: RollMember
    now: datetime
    source: str
    device: str | None = None


@dataclass(frozen=True)
class BoardRow:
    member_id: int
    name: str
    group: str
    state: State
    signed_in_at: datetime | None = None
    signed_out_at: datetime | None = None
    source: str = ""           # how they signed in: kiosk | phone | hand
    reason: str = ""           # the leave's reason


@dataclass(frozen=True)
class Counts:
    """At closing: present on time, late, on leave, absent — together everyone expected."""
    present: int = 0
    late: int = 0
    leave: int = 0
    absent: int = 0

    @property
    def expected(self) -> int:
        return self.present + self.late + self.leave + self.absent

    def as_json(self) -> dict:
        return {"present": self.present, "late": self.late, "leave": self.leave, "absent": self.absent}


@dataclass(frozen=True)
class Board:
    """Where a meeting's sign-in stands."""
    rows: tuple[BoardRow, ...]
    closed_at: datetime | None
    counts: Counts

    def count(self, state: State) -> int:
        return sum(1 for r in self.rows if r.state is state)


@dataclass(frozen=True)
class SheetRow:
    number: int
    name: str
    group: str
    payload: str


@dataclass(frozen=True)
class SigninSheet:
    """Plain values of a printed sign-in sheet (签到表)."""
    branch: str
    type: MeetingType
    title: str
    start: datetime
    end: datetime
    place: str
    host: str
    rows: tuple[SheetRow, ...]
    phone_url: str | None
    opens: datetime
    closes: datetime
    signout_opens: datetime


@dataclass(frozen=True)
class Badge:
    name: str
    group: str
    payload: str


def device_hash(cookie: str) -> str:
    """What is stored of a phone's cookie: its SHA-256 (the cookie is the phone's key)."""
    return hashlib.sha256(cookie.encode("utf-8")).hexdigest()


def lan_addresses() -> list[str]:
    """This PC's IPv4 addresses other than loopback, as the system's resolver knows them
    (no packet is sent). The secretary picks one when the PC has several."""
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = info[4][0]
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            continue
        if not ip.is_loopback and not ip.is_link_local and address not in found:
            found.append(address)
    return found


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class SigninService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService, meetings: MeetingService):
        self.db = db
        self.clock = clock
        self.settings = settings
        self.meetings = meetings
        self._lock = _write_lock(db)
        self._secret: bytes | None = None

    @classmethod
    def of(cls, ctx) -> "SigninService":
        return cls(ctx.db, ctx.clock, ctx.settings, MeetingService(ctx.db, ctx.clock, ctx.data_dir))

    @property
    def secret(self) -> bytes:
        if self._secret is None:
            with self.db.session() as s:
                self._secret = s.get(Branch, 1).secret
        return self._secret

    # -- settings --------------------------------------------------------------------------
    def rules(self) -> SigninRules:
        """The windows as set (read at every scan, in one query: the secretary may change them
        while the kiosk is open)."""
        with self.db.session() as s:
            values = {k: json.loads(v) for k, v in s.execute(
                select(Setting.key, Setting.value).where(Setting.key.in_(list(SETTING_KEYS.values()))))}
        return rules_from_settings(values)

    def set_rules(self, rules: SigninRules) -> None:
        for name, key in SETTING_KEYS.items():
            self.settings.set(key, int(getattr(rules, name).total_seconds() // 60))

    def phone_setting(self, key: str):
        value = self.settings.get(key)
        return PHONE_SETTINGS[key] if value is None else value

    def phone_host(self) -> str:
        """The address printed in the meeting's phone code: the one chosen, else the first the
        system knows ("" when the PC has none but loopback)."""
        chosen = str(self.phone_setting("signin.lan_host") or "").strip()
        if chosen:
            return chosen
        found = lan_addresses()
        return found[0] if found else ""

    def phone_port(self) -> int:
        port = self.phone_setting("signin.port")
        return port if isinstance(port, int) and 1 <= port <= 65535 else DEFAULT_PORT

    # -- codes -----------------------------------------------------------------------------
    def payload_of(self, member_id: int) -> str:
        with self.db.session() as s:
            public_id = s.scalar(select(Member.public_id).where(Member.id == member_id))
        if public_id is None:
            raise SigninRefused(translate("members", "That member no longer exists"))
        return member_payload(self.secret, public_id)

    def phone_token(self, meeting_id: int) -> str:
        with self.db.session() as s:
            end = s.scalar(select(Meeting.end).where(Meeting.id == meeting_id))
        if end is None:
            raise SigninRefused(refusal_text(Refusal.NO_MEETING))
        return meeting_token(self.secret, meeting_id, self.rules().link_expires(end))

    def phone_url(self, meeting_id: int, host: str | None = None, port: int | None = None) -> str | None:
        host = self.phone_host() if host is None else host
        if not host:
            return None
        return f"http://{url_host(host)}:{port or self.phone_port()}/m/{self.phone_token(meeting_id)}"

    def meeting_of_token(self, token: str, now: datetime | None = None) -> int | None:
        return read_meeting_token(self.secret, token, now or self.clock.now())

    # -- who is expected ---------------------------------------------------------------------
    def roll(self, meeting_id: int, *, with_codes: bool = False) -> MeetingRoll:
        """The meeting and its expected members (the roll as it was that day), in roll order."""
        with self.db.session() as s:
            if s.get(Meeting, meeting_id) is None:
                raise SigninRefused(refusal_text(Refusal.NO_MEETING))
        rows = [r for r in self.meetings.attendance(meeting_id) if r.expected]
        with self.db.session() as s:
            m = s.get(Meeting, meeting_id)
            if m is None:
                raise SigninRefused(refusal_text(Refusal.NO_MEETING))
            ids = [r.member_id for r in rows]
            info = {i: (p, k, ph) for i, p, k, ph in s.execute(
                select(Member.id, Member.public_id, Member.name_key, Member.phone if with_codes else Member.id)
                .where(Member.id.in_(ids)))} if ids else {}
            pins = dict(s.execute(select(SigninPin.member_id, SigninPin.pin_hash).where(SigninPin.member_id.in_(ids))).all()) \
                if with_codes and ids else {}
            head = (MeetingType(m.type), m.title, m.start, m.end, m.place)
        members = tuple(RollMember(r.member_id, info[r.member_id][0], r.name, r.group, info[r.member_id][1] or "")
                        for r in rows if r.member_id in info)
        codes = {i: phone_digits(v[2] or "") for i, v in info.items()} if with_codes else {}
        return MeetingRoll(meeting_id, *head, members=members, by_public={m.public_id: m for m in members},
                           codes={i: c for i, c in codes.items() if c}, pins=pins)

    # -- scanning ----------------------------------------------------------------------------
    def _rejected(self, refusal: Refusal, member: str | None = None, member_id: int | None = None,
                  when: datetime | None = None) -> ScanResult:
        return ScanResult(Outcome.REJECTED, member, refusal_text(refusal, when), member_id=member_id, refusal=refusal)

    def scan(self, meeting_id: int, payload: str, *, at: datetime | None = None, source: str = "kiosk",
             roll: MeetingRoll | None = None) -> ScanResult:
        """What the kiosk does with one scanned code (and ``signin scan`` on the command line).
        Pass the kiosk's ``roll`` to spare reading who is expected at every scan."""
        now = (at or self.clock.now()).replace(microsecond=0)
        read = read_payload(self.secret, payload)
        if read.refusal is not None:
            return self._rejected(read.refusal)
        if roll is None:
            try:
                roll = self.roll(meeting_id)
            except SigninRefused:
                return self._rejected(Refusal.NO_MEETING)
        member = roll.by_public.get(read.public_id)
        if member is None:
            with self.db.session() as s:
                known = s.execute(select(Member.id, Member.name).where(Member.public_id == read.public_id)).first()
            return self._rejected(Refusal.NOT_EXPECTED, known[1], known[0]) if known else self._rejected(Refusal.UNKNOWN_MEMBER)
        return self._write(roll, [_Item(member, now, source)])[0]

    def _write(self, roll: MeetingRoll, items: list["_Item"]) -> list[ScanResult]:
        """Decide and record ``items`` in one transaction, under the process's sign-in lock. If
        another process wrote one of the same sign-ins meanwhile (the unique constraint), each
        is decided again in a transaction of its own."""
        with self._lock:
            rules = self.rules()
            try:
                with self.db.session.begin() as s:
                    return self._sign(s, roll, items, rules)
            except IntegrityError:
                out = []
                for item in items:
                    with self.db.session.begin() as s:
                        out += self._sign(s, roll, [item], rules)
                return out

    def _sign(self, s: Session, roll: MeetingRoll, items: list["_Item"], rules: SigninRules) -> list[ScanResult]:
        """Decide and record each item in order inside the caller's transaction: what is
        recorded is read once for all of them, and each decision sees the ones before it."""
        mid = roll.meeting_id
        if s.get(SigninClose, mid) is not None:
            return [self._rejected(Refusal.MEETING_CLOSED, i.member.name, i.member.member_id) for i in items]
        ids = {i.member.member_id for i in items}
        recorded: dict[int, Recorded] = {}
        for member_id, kind, at, late in s.execute(
                select(SigninScan.member_id, SigninScan.kind, SigninScan.at, SigninScan.late)
                .where(SigninScan.meeting_id == mid, SigninScan.member_id.in_(ids))):
            r = recorded.get(member_id, Recorded())
            recorded[member_id] = Recorded(at, bool(late), r.signed_out_at) if kind == "in" else Recorded(r.signed_in_at, r.late, at)
        devices = {i.device for i in items if i.device is not None}
        phone_of: dict[int, str] = {}
        member_of: dict[str, int] = {}
        if devices:
            for member_id, device in s.execute(select(SigninPhone.member_id, SigninPhone.device).where(
                    SigninPhone.meeting_id == mid, SigninPhone.device.in_(devices) | SigninPhone.member_id.in_(ids))):
                phone_of[member_id], member_of[device] = device, member_id
        scans, phones, out = [], [], []
        for item in items:
            member, now, device = item.member, item.now, item.device
            me = member.member_id
            if device is not None:
                if member_of.get(device, me) != me:
                    out.append(self._rejected(Refusal.PHONE_USED, member.name, me))
                    continue
                if phone_of.get(me, device) != device:
                    out.append(self._rejected(Refusal.OTHER_PHONE, member.name, me))
                    continue
            before = recorded.get(me, Recorded())
            if item.source == "hand" and before.signed_in_at is None:
                # The secretary saw the member come in: no window applies (the meeting is open).
                d = Decision(Outcome.LATE if now > roll.start else Outcome.SIGNED_IN, record="in", at=now)
            else:
                d = decide(now, roll.start, roll.end, before, rules)
            if d.outcome is Outcome.REJECTED:
                out.append(self._rejected(d.refusal, member.name, me, d.when))
                continue
            if d.record is None:
                out.append(ScanResult(d.outcome, member.name, note=repeat_text(d), member_id=me, at=d.at))
                continue
            if device is not None and me not in phone_of:
                phones.append({"meeting_id": mid, "member_id": me, "device": device, "bound_at": now})
                phone_of[me], member_of[device] = device, me
            late = d.outcome is Outcome.LATE
            scans.append({"meeting_id": mid, "member_id": me, "kind": d.record, "at": now, "late": late,
                          "source": item.source, "device": device})
            recorded[me] = Recorded(now, late, None) if d.record == "in" else Recorded(before.signed_in_at, before.late, now)
            out.append(ScanResult(d.outcome, member.name, member_id=me, at=now))
        if phones:
            s.execute(insert(SigninPhone), phones)
        if scans:
            s.execute(insert(SigninScan), scans)
        return out

    def sign_by_hand(self, meeting_id: int, member_id: int, *, at: datetime | None = None) -> ScanResult:
        """The secretary signs in a member who is there without their code (or signs them out
        in the sign-out window)."""
        roll = self.roll(meeting_id)
        member = next((m for m in roll.members if m.member_id == member_id), None)
        if member is None:
            return self._rejected(Refusal.NOT_EXPECTED)
        now = (at or self.clock.now()).replace(microsecond=0)
        return self._write(roll, [_Item(member, now, "hand")])[0]

    # -- phones ------------------------------------------------------------------------------
    def check_code(self, roll: MeetingRoll, member: RollMember, code: str) -> Refusal | None:
        """The last four digits of the member's phone, or their PIN, compared in constant time."""
        code = code.strip()
        digits, pin = roll.codes.get(member.member_id), roll.pins.get(member.member_id)
        if not digits and not pin:
            return Refusal.NO_CODE
        ok = False
        if digits:
            ok |= hmac.compare_digest(code.encode(), digits.encode())
        if pin:
            ok |= hmac.compare_digest(pin_hash(self.secret, member.public_id, code), pin)
        return None if ok else Refusal.WRONG_CODE

    def phone_sign_many(self, roll: MeetingRoll, attempts: list[PhoneAttempt]) -> list[ScanResult]:
        """Confirmations from phones, in arrival order, written in one transaction (a burst of
        200 phones at the start of a meeting is one commit, not 200)."""
        results: list[ScanResult | None] = []
        todo: list[tuple[int, RollMember, PhoneAttempt]] = []
        for n, a in enumerate(attempts):
            member = roll.by_public.get(a.public_id)
            if member is None:
                results.append(self._rejected(Refusal.NOT_EXPECTED))
                continue
            refusal = self.check_code(roll, member, a.code)
            if refusal is not None:
                results.append(self._rejected(refusal, member.name, member.member_id))
                continue
            results.append(None)
            todo.append((n, member, a))
        if todo:
            written = self._write(roll, [_Item(member, a.at.replace(microsecond=0), "phone", a.device) for _, member, a in todo])
            for (n, _, _), result in zip(todo, written):
                results[n] = result
        return results  # type: ignore[return-value]

    def set_pin(self, member_id: int, pin: str | None) -> None:
        """Set (or with None remove) a member's sign-in PIN: 4 to 6 digits."""
        if pin is not None and not valid_pin(pin):
            raise SigninRefused(translate("signin", "A PIN is 4 to 6 digits"))
        with self.db.session.begin() as s:
            m = s.get(Member, member_id)
            if m is None:
                raise SigninRefused(translate("members", "That member no longer exists"))
            row = s.get(SigninPin, member_id)
            if pin is None:
                if row is not None:
                    s.delete(row)
                return
            value = pin_hash(self.secret, m.public_id, pin)
            if row is None:
                s.add(SigninPin(member_id=member_id, pin_hash=value, set_at=self.clock.now()))
            else:
                row.pin_hash, row.set_at = value, self.clock.now()

    def has_pin(self, member_id: int) -> bool:
        with self.db.session() as s:
            return s.get(SigninPin, member_id) is not None

    # -- leave, the board, closing -------------------------------------------------------------
    def closed_at(self, meeting_id: int) -> datetime | None:
        with self.db.session() as s:
            row = s.get(SigninClose, meeting_id)
            return row.closed_at if row else None

    def signed_in_count(self, meeting_id: int) -> int:
        """How many have signed in (late or not, signed out since or not)."""
        with self.db.session() as s:
            return s.scalar(select(func.count()).select_from(SigninScan).where(
                SigninScan.meeting_id == meeting_id, SigninScan.kind == "in")) or 0

    def record_leave(self, meeting_id: int, member_id: int, reason: str) -> None:
        """请假, before or during the meeting: the meeting's attendance says so at once."""
        reason = reason.strip()
        if not reason:
            raise SigninRefused(translate("signin", "Write the reason for the leave"))
        with self._lock:
            self._check_open(meeting_id)
            with self.db.session() as s:
                if s.execute(select(SigninScan.id).where(SigninScan.meeting_id == meeting_id, SigninScan.member_id == member_id,
                                                         SigninScan.kind == "in")).first():
                    raise SigninRefused(translate("signin", "This member has already signed in"))
            if member_id not in {m.member_id for m in self.roll(meeting_id).members}:
                raise SigninRefused(refusal_text(Refusal.NOT_EXPECTED))
            self.meetings.set_attendance(meeting_id, [AttendanceEntry(member_id, AttendanceStatus.LEAVE, reason)],
                                         source="signin")

    def cancel_leave(self, meeting_id: int, member_id: int) -> None:
        with self._lock:
            self._check_open(meeting_id)
            with self.db.session() as s:
                status = s.scalar(select(Attendance.status).where(Attendance.meeting_id == meeting_id,
                                                                  Attendance.member_id == member_id))
            if status == AttendanceStatus.LEAVE.value:
                self.meetings.set_attendance(meeting_id, [AttendanceEntry(member_id, None)], source="signin")

    def _check_open(self, meeting_id: int) -> None:
        with self.db.session() as s:
            if s.get(Meeting, meeting_id) is None:
                raise SigninRefused(refusal_text(Refusal.NO_MEETING))
            if s.get(SigninClose, meeting_id) is not None:
                raise SigninRefused(translate("signin", "Sign-in for this meeting has been closed; change the attendance in the meeting's record"))

    def board(self, meeting_id: int) -> Board:
        rows = self.meetings.attendance(meeting_id)
        with self.db.session() as s:
            scans: dict[int, dict[str, tuple]] = {}
            for member_id, kind, at, late, source in s.execute(
                    select(SigninScan.member_id, SigninScan.kind, SigninScan.at, SigninScan.late, SigninScan.source)
                    .where(SigninScan.meeting_id == meeting_id)):
                scans.setdefault(member_id, {})[kind] = (at, late, source)
            closed = s.get(SigninClose, meeting_id)
            closed_at = closed.closed_at if closed else None
        out = []
        present = late = leave = absent = 0
        for r in rows:
            if not r.expected:
                continue
            mine = scans.get(r.member_id, {})
            signed_in, signed_out = mine.get("in"), mine.get("out")
            if signed_in:
                state = State.SIGNED_OUT if signed_out else State.LATE if signed_in[1] else State.SIGNED_IN
                late += signed_in[1]
                present += not signed_in[1]
            elif r.status is AttendanceStatus.LEAVE:
                state, leave = State.LEAVE, leave + 1
            elif r.status is AttendanceStatus.PRESENT:
                state, present = State.SIGNED_IN, present + 1   # marked present by hand in the record
            elif closed_at is not None:
                state, absent = State.ABSENT, absent + 1
            else:
                state = State.NONE
                absent += 1  # what closing now would mark
            out.append(BoardRow(r.member_id, r.name, r.group, state, signed_in[0] if signed_in else None,
                                signed_out[0] if signed_out else None,
                                signed_in[2] if signed_in else ("hand" if r.status is AttendanceStatus.PRESENT else ""),
                                r.reason if r.status is AttendanceStatus.LEAVE else ""))
        return Board(tuple(out), closed_at, Counts(present, late, leave, absent))

    def close(self, meeting_id: int, *, by: str | None = None) -> Counts:
        """结束会议: everyone expected who neither signed in nor has leave is marked 缺勤, and the
        meeting's attendance is filled in (出席 for everyone who signed in, late or not). Closing
        again answers with the counts of the first closing."""
        by = operator_name() if by is None else by
        with self._lock:
            with self.db.session() as s:
                if s.get(Meeting, meeting_id) is None:
                    raise SigninRefused(refusal_text(Refusal.NO_MEETING))
                done = s.get(SigninClose, meeting_id)
                if done is not None:
                    return Counts(done.present, done.late, done.leave, done.absent)
            board = self.board(meeting_id)
            entries = []
            for r in board.rows:
                if r.state in (State.SIGNED_IN, State.LATE, State.SIGNED_OUT):
                    entries.append(AttendanceEntry(r.member_id, AttendanceStatus.PRESENT))
                elif r.state is State.LEAVE:
                    entries.append(AttendanceEntry(r.member_id, AttendanceStatus.LEAVE, r.reason))
                else:
                    entries.append(AttendanceEntry(r.member_id, AttendanceStatus.ABSENT))
            self.meetings.set_attendance(meeting_id, entries, source="signin", by=by)
            c = board.counts
            with self.db.session.begin() as s:
                s.add(SigninClose(meeting_id=meeting_id, closed_at=self.clock.now(), closed_by=by[:60],
                                  present=c.present, late=c.late, leave=c.leave, absent=c.absent))
            log.info("meeting %s closed for sign-in: %s", meeting_id, c.as_json())
            return c

    def reopen(self, meeting_id: int) -> None:
        """Undo a closing made by mistake: sign-in takes scans again (the attendance written at
        closing stays until the meeting is closed again)."""
        with self._lock, self.db.session.begin() as s:
            row = s.get(SigninClose, meeting_id)
            if row is not None:
                s.delete(row)

    # -- what is printed -----------------------------------------------------------------------
    def sheet(self, meeting_id: int, *, phone_url: str | None = None) -> SigninSheet:
        """The sign-in sheet's values. The phone code is printed when phone sign-in is on and the
        PC has an address on the office network (``phone_url`` overrides it)."""
        roll = self.roll(meeting_id)
        with self.db.session() as s:
            branch = s.get(Branch, 1).name
            host = s.get(Meeting, meeting_id).host
        secret = self.secret
        rows = tuple(SheetRow(n, m.name, m.group, member_payload(secret, m.public_id))
                     for n, m in enumerate(roll.members, start=1))
        if phone_url is None and self.phone_setting("signin.phone_enabled"):
            phone_url = self.phone_url(meeting_id)
        rules = self.rules()
        return SigninSheet(branch, roll.type, roll.title, roll.start, roll.end, roll.place, host, rows, phone_url,
                           rules.opens(roll.start), rules.closes(roll.start), rules.signout_opens(roll.start, roll.end))

    def badges(self, member_ids: list[int] | None = None) -> list[Badge]:
        """Sign-in cards (党员签到卡) of the members on the roll (or of those named), in roster order."""
        stmt = (select(Member.id, Member.name, Member.public_id, PartyGroup.name)
                .outerjoin(PartyGroup, Member.group_id == PartyGroup.id)
                .order_by(PartyGroup.position.is_(None), PartyGroup.position, Member.id))
        if member_ids is None:
            stmt = stmt.where(Member.roll_status == RollStatus.ACTIVE.value)
        else:
            stmt = stmt.where(Member.id.in_(member_ids))
        with self.db.session() as s:
            rows = s.execute(stmt).all()
        secret = self.secret
        return [Badge(name, group or "", member_payload(secret, public_id)) for _, name, public_id, group in rows]
