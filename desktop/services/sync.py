"""同步: summaries up to the central server, notices down (DESIGN: Sync).

The outbox is a table in the branch database. A packet goes into it in the same transaction
that closes the month it summarises (or when the secretary asks for one now), so a closed
month always has its packet and a packet never exists for a month that was not closed.
Packets leave in sequence order, each marked sent in its own transaction when the server
answers — a sync cut off half-way (the server killed, the network gone, the PC switched off)
sends the rest next time, and a packet whose answer was lost is sent again and answered as
a repeat (the server stores it once). Failures wait longer each time (exponential, with
jitter, at most an hour) and the queue survives restarts and weeks offline; "sync now" tries
at once. A packet the server refuses for good (a bug, never a network problem) is marked
refused, with the server's reason, so it does not block the others; it is kept.
"""
from __future__ import annotations

import base64
import json
import os
import random
import re
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select

from core import signing, syncfile
from core.i18n import translate
from core.summary import PacketKind, new_packet_id, utc_stamp
from db.models import SyncNotice, SyncOutbox, SyncPeriod, SyncState
from desktop.services.errors import KnownError
from desktop.services.summary_builder import build_summary, period_of
from desktop.services.sync_http import HttpTransport, SignedClient, Transport, TransportError, check_server_url

RETRY_FIRST_SECONDS = 30
RETRY_MAX_SECONDS = 3600
# A revoked or unknown key does not mend itself: try again rarely until the branch enrolls.
KEY_REFUSED_RETRY_SECONDS = 6 * 3600
PERIOD = re.compile(r"^(20[0-9]{2})-(0[1-9]|1[0-2])$")


class SyncRefused(KnownError):
    pass


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str
    branch_code: str
    branch_name: str
    waiting: int
    refused: int
    sent: int
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str
    next_attempt_at: datetime | None
    closed_periods: tuple[str, ...]


@dataclass(frozen=True)
class SyncResult:
    sent: int
    pending: int
    notices: int = 0
    error: str = ""
    tried: bool = True


@dataclass(frozen=True)
class NoticeRow:
    id: int
    kind: str        # notice | requirement
    title: str
    body: str
    month: str | None
    unit: str
    published_at: str


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    packet_id: str
    kind: str
    period: str
    created_at: datetime
    sent_at: datetime | None
    refused: str


def backoff_seconds(failures: int, rng: random.Random) -> float:
    """Exponential back-off with jitter: 30 s, 1 min, 2 min … at most an hour, each time
    between half and all of that (PCs that failed together do not retry together)."""
    ceiling = min(RETRY_MAX_SECONDS, RETRY_FIRST_SECONDS * 2 ** max(failures - 1, 0))
    return ceiling * rng.uniform(0.5, 1.0)


class SyncService:
    """``transport`` makes the HTTP transport for a server address; ``wallclock`` is this PC's
    clock in Unix seconds (default: the context's clock); ``rng`` draws the jitter."""

    def __init__(self, ctx, *, transport: Callable[[str], Transport] = HttpTransport,
                 wallclock: Callable[[], float] | None = None, rng: random.Random | None = None):
        self.ctx = ctx
        self.transport = transport
        self.wallclock = wallclock or (lambda: ctx.clock.now().timestamp())
        self.rng = rng or random.Random()
        self._sending = threading.Lock()

    # -- state ---------------------------------------------------------------------------
    @staticmethod
    def _state(s) -> SyncState:
        state = s.get(SyncState, 1)
        if state is None:
            state = SyncState(id=1, server_url="", branch_code="", branch_name="", key_id="", key_secret=None,
                              clock_offset=0.0, failures=0, last_error="", last_notice_id=0)
            s.add(state)
            s.flush()
        return state

    def status(self) -> SyncStatus:
        with self.ctx.db.session() as s:
            state = s.get(SyncState, 1)
            count = select(func.count()).select_from(SyncOutbox)
            waiting = s.scalar(count.where(SyncOutbox.sent_at.is_(None), SyncOutbox.refused == ""))
            refused = s.scalar(count.where(SyncOutbox.refused != ""))
            sent = s.scalar(count.where(SyncOutbox.sent_at.is_not(None)))
            closed = tuple(s.scalars(select(SyncPeriod.period).order_by(SyncPeriod.period.desc())))
        if state is None:
            return SyncStatus(False, "", "", "", waiting, refused, sent, None, None, "", None, closed)
        return SyncStatus(bool(state.key_id), state.server_url, state.branch_code, state.branch_name, waiting, refused,
                          sent, state.last_success_at, state.last_attempt_at, state.last_error, state.next_attempt_at,
                          closed)

    def outbox(self) -> list[OutboxRow]:
        with self.ctx.db.session() as s:
            return [OutboxRow(o.seq, o.packet_id, o.kind, o.period, o.created_at, o.sent_at, o.refused)
                    for o in s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq))]

    def _key(self) -> tuple[SyncState, bytes]:
        with self.ctx.db.session() as s:
            state = s.get(SyncState, 1)
            if state is None or not state.key_id:
                raise SyncRefused(translate("sync", "This branch is not enrolled with a server yet: enter the server's address and the enrollment code from the superior organisation in Settings → Sync"))
            s.expunge(state)
        return state, base64.urlsafe_b64decode(state.key_secret)

    # -- enrollment ----------------------------------------------------------------------
    def enroll(self, server_url: str, code: str) -> SyncStatus:
        url = check_server_url(server_url)
        code = (code or "").strip()
        if not code:
            raise SyncRefused(translate("sync", "Enter the enrollment code from the superior organisation"))
        sent = self.wallclock()
        answer = self.transport(url).request("POST", "/api/v1/enroll", json.dumps({"code": code}).encode(), {})
        data = answer.json()
        if answer.status != 200 or not isinstance(data, dict) or "secret" not in data:
            raise SyncRefused(answer.message or translate("sync", "The server refused the enrollment (HTTP {status})").format(status=answer.status))
        now = self.ctx.clock.now()
        with self.ctx.db.session.begin() as s:
            state = self._state(s)
            state.server_url, state.branch_code, state.branch_name = url, data["branch"], data["name"]
            state.key_id, state.key_secret, state.enrolled_at = data["key_id"], data["secret"], now
            if answer.server_time is not None:
                state.clock_offset = signing.ClockOffset().observe(answer.server_time, sent, self.wallclock())
            state.failures, state.next_attempt_at, state.last_error, state.last_error_at = 0, None, "", None
        return self.status()

    def set_server(self, server_url: str) -> None:
        """The server moved (a new address, the same server and key)."""
        url = check_server_url(server_url)
        self._key()
        with self.ctx.db.session.begin() as s:
            self._state(s).server_url = url

    # -- making packets ------------------------------------------------------------------
    def close_month(self, period: str) -> OutboxRow:
        """Close a month that has ended: its packet goes into the outbox in the same transaction."""
        if not PERIOD.match(period or ""):
            raise SyncRefused(translate("sync", "“{month}” is not a month; write it like 2026-10").format(month=period))
        if period >= period_of(self.ctx.clock.today()):
            raise SyncRefused(translate("sync", "{month} has not ended yet; a month is closed after its last day").format(month=period))
        return self._make(period, PacketKind.MONTH)

    def snapshot_now(self) -> OutboxRow:
        """A summary of this month so far, to send now (the month stays open)."""
        return self._make(period_of(self.ctx.clock.today()), PacketKind.SNAPSHOT)

    def _make(self, period: str, kind: PacketKind) -> OutboxRow:
        state, _ = self._key()
        now = self.ctx.clock.now()
        packet_id = new_packet_id()
        with self.ctx.db.session.begin() as s:
            if kind is PacketKind.MONTH:
                if s.get(SyncPeriod, period) is not None:
                    raise SyncRefused(translate("sync", "{month} is already closed; its summary is in the outbox").format(month=period))
                # Written first: this transaction now holds the database's write lock, so the
                # records the summary reads below cannot change before it commits.
                s.add(SyncPeriod(period=period, closed_at=now, packet_id=packet_id))
                s.flush()
            seq = (s.scalar(select(func.max(SyncOutbox.seq))) or 0) + 1
            made_at = datetime.fromtimestamp(self.wallclock() + state.clock_offset).astimezone()
            packet = build_summary(self.ctx, branch=state.branch_code, seq=seq, packet_id=packet_id, period=period,
                                   kind=kind, made_at=made_at)
            row = SyncOutbox(seq=seq, packet_id=packet_id, kind=kind.value, period=period, body=packet.to_json(),
                             created_at=now, attempts=0, sent_at=None, answer="", refused="")
            s.add(row)
        return OutboxRow(seq, packet_id, kind.value, period, now, None, "")

    # -- sending -------------------------------------------------------------------------
    def due(self) -> bool:
        """Whether the background sender should try now (something waits and the back-off allows)."""
        status = self.status()
        return status.enrolled and status.waiting > 0 and (
            status.next_attempt_at is None or status.next_attempt_at <= self.ctx.clock.now())

    def sync_now(self) -> SyncResult:
        return self.send(force=True)

    def send(self, *, force: bool = False, notices: bool = True) -> SyncResult:
        """Send what waits, in order; then fetch notices. ``force``: ignore the back-off."""
        if not self._sending.acquire(blocking=False):
            return SyncResult(0, self.status().waiting, tried=False)  # a sync is already running
        try:
            return self._send(force, notices)
        finally:
            self._sending.release()

    def _send(self, force: bool, notices: bool) -> SyncResult:
        state, secret = self._key()
        now = self.ctx.clock.now()
        if not force and state.next_attempt_at is not None and state.next_attempt_at > now:
            return SyncResult(0, self.status().waiting, tried=False)
        offset = signing.ClockOffset(state.clock_offset)
        client = SignedClient(self.transport(state.server_url), state.key_id, secret, offset, self.wallclock)
        with self.ctx.db.session() as s:
            waiting = s.execute(select(SyncOutbox.id, SyncOutbox.body).where(
                SyncOutbox.sent_at.is_(None), SyncOutbox.refused == "").order_by(SyncOutbox.seq)).all()
        sent, error, key_refused = 0, "", False
        for outbox_id, body in waiting:
            try:
                answer = client.call("POST", "/api/v1/packets", body.encode("utf-8"))
            except TransportError as err:
                error = str(err)
                break
            if answer.status == 200:
                self._mark(outbox_id, sent_at=self.ctx.clock.now(), answer=answer.body.decode("utf-8", "replace"))
                sent += 1
            elif answer.error in ("invalid_packet", "wrong_branch"):
                # Never a passing problem: keep the packet, out of the queue, with the reason.
                self._mark(outbox_id, refused=answer.message or answer.error)
            elif answer.error in ("revoked_key", "unknown_key"):
                error, key_refused = answer.message or answer.error, True
                break
            else:
                error = answer.message or translate("sync", "The server answered HTTP {status}; the summaries stay waiting and are sent later").format(status=answer.status)
                break
        fetched = 0
        if not error and notices:
            try:
                fetched = self._fetch_notices(client)
            except TransportError as err:
                error = str(err)
        self._record(offset.seconds, error, key_refused)
        return SyncResult(sent, self.status().waiting, fetched, error)

    def _mark(self, outbox_id: int, *, sent_at: datetime | None = None, answer: str = "", refused: str = "") -> None:
        with self.ctx.db.session.begin() as s:
            row = s.get(SyncOutbox, outbox_id)
            row.attempts += 1
            if sent_at is not None:
                row.sent_at, row.answer = sent_at, answer
            if refused:
                row.refused = refused

    def _record(self, offset: float, error: str, key_refused: bool) -> None:
        now = self.ctx.clock.now()
        with self.ctx.db.session.begin() as s:
            state = self._state(s)
            state.clock_offset, state.last_attempt_at = offset, now
            if not error:
                state.failures, state.next_attempt_at, state.last_success_at = 0, None, now
                state.last_error, state.last_error_at = "", None
                return
            state.failures += 1
            state.last_error, state.last_error_at = error, now
            delay = KEY_REFUSED_RETRY_SECONDS if key_refused else backoff_seconds(state.failures, self.rng)
            state.next_attempt_at = now + timedelta(seconds=round(delay))

    # -- notices -------------------------------------------------------------------------
    def _fetch_notices(self, client: SignedClient) -> int:
        with self.ctx.db.session() as s:
            after = s.get(SyncState, 1).last_notice_id
        answer = client.call("GET", f"/api/v1/notices?after={after}")
        items = answer.json() if answer.status == 200 else None
        if not isinstance(items, list):
            return 0
        now = self.ctx.clock.now()
        added = 0
        with self.ctx.db.session.begin() as s:
            known = set(s.scalars(select(SyncNotice.server_id)))
            for n in items:
                if not isinstance(n, dict) or not isinstance(n.get("id"), int) or n["id"] in known:
                    continue
                s.add(SyncNotice(server_id=n["id"], kind=str(n.get("kind", "notice"))[:12], title=str(n.get("title", ""))[:200],
                                 body=str(n.get("body") or ""), month=n.get("month") or None, unit=str(n.get("unit", ""))[:100],
                                 published_at=str(n.get("published_at", ""))[:20], received_at=now))
                added += 1
            if items:
                state = self._state(s)
                state.last_notice_id = max([state.last_notice_id] + [n["id"] for n in items if isinstance(n, dict) and isinstance(n.get("id"), int)])
        return added

    def notices(self, *, include_dismissed: bool = False) -> list[NoticeRow]:
        with self.ctx.db.session() as s:
            q = select(SyncNotice).order_by(SyncNotice.server_id.desc())
            if not include_dismissed:
                q = q.where(SyncNotice.dismissed_at.is_(None))
            return [NoticeRow(n.id, n.kind, n.title, n.body, n.month, n.unit, n.published_at) for n in s.scalars(q)]

    def dismiss_notice(self, notice_id: int) -> None:
        with self.ctx.db.session.begin() as s:
            notice = s.get(SyncNotice, notice_id)
            if notice is not None:
                notice.dismissed_at = self.ctx.clock.now()

    # -- by file (USB) -------------------------------------------------------------------
    def export_file(self, path: Path) -> int:
        """Write the waiting packets to ``path`` for the server's ``import``. They stay waiting:
        when the PC next reaches the server they are answered as repeats and marked sent."""
        state, secret = self._key()
        with self.ctx.db.session() as s:
            bodies = [b.encode("utf-8") for b in s.scalars(select(SyncOutbox.body).where(
                SyncOutbox.sent_at.is_(None), SyncOutbox.refused == "").order_by(SyncOutbox.seq))]
        if not bodies:
            raise SyncRefused(translate("sync", "No summary is waiting to be sent; no file was written"))
        data = syncfile.dump(state.branch_code, state.key_id, secret, bodies,
                             utc_stamp(self.ctx.clock.now().astimezone()))
        path = Path(path)
        tmp = None
        try:
            # Whole or not at all: a USB stick pulled out half-way leaves no half file.
            handle, tmp = tempfile.mkstemp(prefix=".branchdesk-", dir=path.parent)
            with os.fdopen(handle, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except OSError as err:
            if tmp and os.path.exists(tmp):
                os.unlink(tmp)
            raise SyncRefused(translate("sync", "Cannot write {path}: {error}").format(path=path, error=err.strerror or err)) from err
        return len(bodies)
