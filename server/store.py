"""What the server keeps and how: the organisation tree, enrollment, keys, packets, notices.

Every function takes an open connection (``ServerDatabase.read()`` / ``.write()``), so a
request is one transaction, and nothing is remembered between requests in the process
(several worker processes can serve one PostgreSQL). Messages are Chinese: the server's
administrators and the branches' secretaries read them (README: the server speaks Chinese
directly, it has no translation catalogue).
"""
from __future__ import annotations

import functools
import hashlib
import json
import random
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable

from sqlalchemy import Connection, and_, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from core.signing import MAX_SKEW_SECONDS, new_secret
from core.summary import BRANCH_CODE, SummaryPacket
from server.models import BranchKey, EnrollmentCode, Nonce, Notice, OrgUnit, Packet, Setting

Clock = Callable[[], float]  # Unix seconds

UNIT_KINDS = {"committee": "党委", "general_branch": "党总支", "branch": "党支部"}
ENROLLMENT_DAYS = 30
# Unambiguous on paper and on the phone: no 0/O, 1/I/L.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_NONCE_CLEANUP_CHANCE = 0.01

_unit = OrgUnit.__table__
_key = BranchKey.__table__
_code = EnrollmentCode.__table__
_packet = Packet.__table__
_nonce = Nonce.__table__
_notice = Notice.__table__
_setting = Setting.__table__


class StoreError(Exception):
    """Refused for a reason the administrator or the branch can act on; ``code`` for machines."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def utc(clock: Clock) -> datetime:
    return datetime.fromtimestamp(clock(), timezone.utc).replace(tzinfo=None, microsecond=0)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@functools.cache
def _insert_ignoring_statement(dialect_name: str, table, keys: tuple[str, ...]):
    # Built once per table and dialect, values bound at execution: building a statement
    # costs more than running it (bench/bench_sync.py).
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing(index_elements=list(keys)).returning(table.c[keys[0]])


def _insert_ignoring(conn: Connection, table, values: dict, keys: list[str]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING; True if the row went in. Waits for a concurrent
    insert of the same key to finish (PostgreSQL) or runs after it (SQLite's one writer)."""
    stmt = _insert_ignoring_statement(conn.dialect.name, table, tuple(keys))
    return conn.execute(stmt, values).first() is not None


# -- the organisation tree -----------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    superior_score: int | None = None
    comments_score: int | None = None


def _unit_of(row) -> Unit:
    return Unit(row.id, row.code, row.name, row.kind, row.parent_id, row.superior_score, row.comments_score)


def units(conn: Connection) -> list[Unit]:
    return [_unit_of(r) for r in conn.execute(select(_unit).order_by(_unit.c.id))]


def unit_by_code(conn: Connection, code: str) -> Unit | None:
    row = conn.execute(select(_unit).where(_unit.c.code == code)).first()
    return _unit_of(row) if row else None


def _check_code(code: str) -> str:
    code = (code or "").strip()
    if not re.fullmatch(BRANCH_CODE, code):
        raise StoreError("bad_code", f"单位代码“{code}”不合规：只能用字母、数字、- 和 _，最长 40 个字符")
    return code


def add_unit(conn: Connection, code: str, name: str, kind: str, parent: str | None, clock: Clock) -> Unit:
    code = _check_code(code)
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise StoreError("bad_name", "单位名称不能为空，最长 100 个字")
    if kind not in UNIT_KINDS:
        raise StoreError("bad_kind", "单位类别只能是 committee（党委）、general_branch（党总支）或 branch（党支部）")
    parent_id = None
    if parent:
        p = unit_by_code(conn, parent)
        if p is None:
            raise StoreError("no_parent", f"上级单位“{parent}”不存在，请先添加它")
        if p.kind == "branch":
            raise StoreError("bad_parent", f"“{p.name}”是党支部，下面不能再设单位")
        if kind == "committee" and p.kind != "committee":
            raise StoreError("bad_parent", "党委只能设在党委之下")
        parent_id = p.id
    if unit_by_code(conn, code) is not None:
        raise StoreError("code_taken", f"单位代码“{code}”已被使用")
    new_id = conn.execute(_unit.insert().values(code=code, name=name, kind=kind, parent_id=parent_id,
                                                created_at=utc(clock))).inserted_primary_key[0]
    return Unit(new_id, code, name, kind, parent_id)


def set_scores(conn: Connection, code: str, *, superior: int | None = None, comments: int | None = None) -> None:
    unit = unit_by_code(conn, code)
    if unit is None or unit.kind != "branch":
        raise StoreError("no_branch", f"没有代码为“{code}”的党支部")
    values = {}
    for name, value in (("superior_score", superior), ("comments_score", comments)):
        if value is not None:
            if not 0 <= value <= 100:
                raise StoreError("bad_score", "分数在 0 到 100 之间")
            values[name] = value
    if values:
        conn.execute(update(_unit).where(_unit.c.id == unit.id).values(**values))


def subtree_ids(all_units: list[Unit], root_id: int | None) -> set[int]:
    """The unit and every unit below it (all units for None)."""
    if root_id is None:
        return {u.id for u in all_units}
    children: dict[int | None, list[int]] = {}
    for u in all_units:
        children.setdefault(u.parent_id, []).append(u.id)
    out, todo = set(), [root_id]
    while todo:
        uid = todo.pop()
        if uid not in out:
            out.add(uid)
            todo += children.get(uid, [])
    return out


def ancestor_ids(all_units: list[Unit], unit_id: int) -> list[int]:
    by_id = {u.id: u for u in all_units}
    out, current = [], by_id.get(unit_id)
    while current is not None and current.id not in out:
        out.append(current.id)
        current = by_id.get(current.parent_id) if current.parent_id else None
    return out


# -- enrollment and keys --------------------------------------------------------------------------

def _code_hash(code: str) -> str:
    normal = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normal.encode()).hexdigest()


def issue_enrollment(conn: Connection, branch: str, name: str | None, parent: str | None, clock: Clock) -> str:
    """A one-time code for ``branch`` (made as a 党支部 under ``parent`` if it is new)."""
    unit = unit_by_code(conn, _check_code(branch))
    if unit is None:
        if not name:
            raise StoreError("no_name", f"党支部“{branch}”是新的：请用 --name 给出它的名称")
        unit = add_unit(conn, branch, name, "branch", parent, clock)
    elif unit.kind != "branch":
        raise StoreError("not_branch", f"“{unit.name}”不是党支部，只有党支部登记同步")
    code = "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(4)) for _ in range(4))
    now = utc(clock)
    conn.execute(_code.insert().values(unit_id=unit.id, code_hash=_code_hash(code), issued_at=now,
                                       expires_at=now + timedelta(days=ENROLLMENT_DAYS)))
    return code


@dataclass(frozen=True)
class Enrollment:
    branch: str
    name: str
    key_id: str
    secret: bytes


def enroll(conn: Connection, code: str, clock: Clock) -> Enrollment:
    """Exchange a one-time code for the branch's key. A used or expired code is refused."""
    now = utc(clock)
    row = conn.execute(select(_code).where(_code.c.code_hash == _code_hash(code or ""))).first()
    if row is None:
        raise StoreError("bad_enrollment_code", "登记码不正确，请核对后重新输入（登记码由上级组织提供）")
    if row.used_at is not None:
        raise StoreError("used_enrollment_code", "这个登记码已经用过了，请向上级组织申请新的登记码")
    if row.expires_at < now:
        raise StoreError("expired_enrollment_code", "这个登记码已过期，请向上级组织申请新的登记码")
    # Only the first of two simultaneous uses gets the key.
    taken = conn.execute(update(_code).where(and_(_code.c.id == row.id, _code.c.used_at.is_(None)))
                         .values(used_at=now)).rowcount
    if taken != 1:
        raise StoreError("used_enrollment_code", "这个登记码已经用过了，请向上级组织申请新的登记码")
    unit = conn.execute(select(_unit).where(_unit.c.id == row.unit_id)).one()
    key_id, secret = "k" + secrets.token_hex(12), new_secret()
    conn.execute(_key.insert().values(key_id=key_id, unit_id=unit.id, secret=secret, created_at=now))
    return Enrollment(unit.code, unit.name, key_id, secret)


def revoke(conn: Connection, branch: str, clock: Clock) -> int:
    unit = unit_by_code(conn, branch)
    if unit is None:
        raise StoreError("no_branch", f"没有代码为“{branch}”的党支部")
    return conn.execute(update(_key).where(and_(_key.c.unit_id == unit.id, _key.c.revoked_at.is_(None)))
                        .values(revoked_at=utc(clock))).rowcount


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    unit_id: int
    branch: str
    secret: bytes
    revoked: bool


# The three statements of every packet received, run on the driver's own cursor: through
# SQLAlchemy's execution layer they cost more than the database work itself (bench_sync.py:
# the goal is at least half the throughput of a bare insert). Named parameters; psycopg
# spells them %(name)s. Times are bound as SQLAlchemy stores them, so the ORM reads them back.
class _Sql:
    def __init__(self, text: str):
        self.sqlite = text
        self.postgresql = re.sub(r":([a-z_]+)", r"%(\1)s", text)

    def run(self, conn: Connection, params: dict):
        pg = conn.dialect.name == "postgresql"
        cursor = conn.connection.driver_connection.cursor()
        cursor.execute(self.postgresql if pg else self.sqlite, params)
        return cursor


def _when(conn: Connection, moment: datetime):
    return moment if conn.dialect.name == "postgresql" else moment.strftime("%Y-%m-%d %H:%M:%S.%f")


_KEY_LOOKUP = _Sql("SELECT k.unit_id, u.code, k.secret, k.revoked_at FROM branch_key k "
                   "JOIN org_unit u ON u.id = k.unit_id WHERE k.key_id = :key_id")
_NONCE_INSERT = _Sql("INSERT INTO request_nonce (key_id, nonce, expires_at) VALUES (:key_id, :nonce, :expires_at) "
                     "ON CONFLICT (key_id, nonce) DO NOTHING RETURNING key_id")
_NONCE_CLEANUP = _Sql("DELETE FROM request_nonce WHERE expires_at < :now")
_PACKET_INSERT = _Sql("INSERT INTO packet (unit_id, packet_id, seq, schema, kind, period, created_at, received_at, via, "
                      "body, answer) VALUES (:unit_id, :packet_id, :seq, :schema, :kind, :period, :created_at, "
                      ":received_at, :via, :body, :answer) ON CONFLICT (unit_id, packet_id) DO NOTHING RETURNING id")
_PACKET_ANSWER = _Sql("SELECT answer FROM packet WHERE unit_id = :unit_id AND packet_id = :packet_id")


def key_info(conn: Connection, key_id: str) -> KeyInfo | None:
    row = _KEY_LOOKUP.run(conn, {"key_id": key_id}).fetchone()
    if row is None:
        return None
    unit_id, code, secret, revoked_at = row
    return KeyInfo(key_id, unit_id, code, bytes(secret), revoked_at is not None)


def remember_nonce(conn: Connection, key_id: str, nonce: str, clock: Clock) -> bool:
    """False if this key used this nonce before (a replay)."""
    now = utc(clock)
    expires = now + timedelta(seconds=2 * MAX_SKEW_SECONDS + 60)
    fresh = _NONCE_INSERT.run(conn, {"key_id": key_id, "nonce": nonce, "expires_at": _when(conn, expires)}).fetchone() is not None
    if fresh and random.random() < _NONCE_CLEANUP_CHANCE:
        _NONCE_CLEANUP.run(conn, {"now": _when(conn, now)})
    return fresh


# -- packets -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Stored:
    answer: str      # the JSON answer, the same bytes every time this packet arrives
    repeated: bool


def store_packet(conn: Connection, unit_id: int, branch: str, packet: SummaryPacket, body: str,
                 clock: Clock, via: str = "api") -> Stored:
    """Store the packet once per (branch, packet id); a repeat gets the first answer.

    A packet for an old period, or with a lower ``seq`` than one already here, is stored all
    the same: packets are facts, and the order they arrive in says nothing about them."""
    if packet.branch != branch:
        raise StoreError("wrong_branch", f"汇总包属于“{packet.branch}”，而不是本密钥所属的“{branch}”")
    now = utc(clock)
    answer = json.dumps({"status": "stored", "branch": branch, "packet_id": packet.packet_id, "seq": packet.seq,
                         "period": packet.period, "received_at": iso(now)}, ensure_ascii=False, sort_keys=True)
    inserted = _PACKET_INSERT.run(conn, {
        "unit_id": unit_id, "packet_id": packet.packet_id, "seq": packet.seq, "schema": packet.schema,
        "kind": packet.kind, "period": packet.period, "created_at": packet.created_at,
        "received_at": _when(conn, now), "via": via, "body": body, "answer": answer}).fetchone()
    if inserted is not None:
        return Stored(answer, False)
    first = _PACKET_ANSWER.run(conn, {"unit_id": unit_id, "packet_id": packet.packet_id}).fetchone()
    return Stored(first[0], True)


@dataclass(frozen=True)
class BranchReport:
    code: str
    name: str
    parent: str | None
    packets: int
    latest_period: str | None
    last_received: str | None
    highest_seq: int
    missing: int  # sequence numbers below the highest not received (on their way, or lost)


def report(conn: Connection) -> list[BranchReport]:
    stats = {r.unit_id: r for r in conn.execute(
        select(_packet.c.unit_id, func.count().label("n"), func.max(_packet.c.period).label("period"),
               func.max(_packet.c.received_at).label("received"), func.max(_packet.c.seq).label("seq"),
               func.count(_packet.c.seq.distinct()).label("distinct_seq"))
        .group_by(_packet.c.unit_id))}
    all_units = units(conn)
    codes = {u.id: u.code for u in all_units}
    out = []
    for u in all_units:
        if u.kind != "branch":
            continue
        s = stats.get(u.id)
        out.append(BranchReport(u.code, u.name, codes.get(u.parent_id), s.n if s else 0, s.period if s else None,
                                iso(s.received) if s else None, s.seq if s else 0,
                                (s.seq - s.distinct_seq) if s else 0))
    return out


def latest_packets(conn: Connection, unit_ids: set[int] | None = None, period: str | None = None) -> dict[int, dict]:
    """Each branch's newest packet (highest seq), or its newest for ``period``: {unit id: body}."""
    q = select(_packet.c.unit_id, func.max(_packet.c.seq).label("seq")).group_by(_packet.c.unit_id)
    if period:
        q = q.where(_packet.c.period == period)
    newest = q.subquery()
    rows = conn.execute(select(_packet.c.unit_id, _packet.c.body)
                        .join(newest, and_(newest.c.unit_id == _packet.c.unit_id, newest.c.seq == _packet.c.seq)))
    out = {}
    for unit_id, body in rows:
        if unit_ids is None or unit_id in unit_ids:
            out[unit_id] = json.loads(body)
    return out


def periods(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute(select(_packet.c.period).distinct().order_by(_packet.c.period.desc()))]


def reported_units(conn: Connection, period: str) -> set[int]:
    return {r[0] for r in conn.execute(select(_packet.c.unit_id).where(_packet.c.period == period).distinct())}


# -- notices -------------------------------------------------------------------------------------

NOTICE_KINDS = {"notice": "通知", "requirement": "工作要求"}


def publish_notice(conn: Connection, unit: str, kind: str, title: str, body: str, month: str | None,
                   clock: Clock) -> int:
    u = unit_by_code(conn, unit)
    if u is None:
        raise StoreError("no_unit", f"没有代码为“{unit}”的单位")
    if kind not in NOTICE_KINDS:
        raise StoreError("bad_kind", "类别只能是 notice（通知）或 requirement（工作要求）")
    title, body = (title or "").strip(), (body or "").strip()
    if not title or len(title) > 200:
        raise StoreError("bad_title", "标题不能为空，最长 200 个字")
    if len(body) > 20000:
        raise StoreError("bad_body", "正文太长（最多 20000 个字）")
    if month and not re.fullmatch(r"20[0-9]{2}-(0[1-9]|1[0-2])", month):
        raise StoreError("bad_month", "月份的格式是 YYYY-MM，例如 2026-11")
    return conn.execute(_notice.insert().values(unit_id=u.id, kind=kind, title=title, body=body, month=month or None,
                                                published_at=utc(clock))).inserted_primary_key[0]


def notices_for(conn: Connection, unit_id: int, after: int = 0, limit: int = 100) -> list[dict]:
    """Notices published by the branch's own unit or any unit above it, newer than ``after``."""
    above = ancestor_ids(units(conn), unit_id)
    rows = conn.execute(select(_notice, _unit.c.name.label("unit_name"))
                        .join(_unit, _unit.c.id == _notice.c.unit_id)
                        .where(and_(_notice.c.unit_id.in_(above), _notice.c.id > after))
                        .order_by(_notice.c.id).limit(limit))
    return [{"id": r.id, "kind": r.kind, "title": r.title, "body": r.body, "month": r.month,
             "unit": r.unit_name, "published_at": iso(r.published_at)} for r in rows]


def all_notices(conn: Connection, limit: int = 50) -> list[dict]:
    rows = conn.execute(select(_notice, _unit.c.name.label("unit_name"))
                        .join(_unit, _unit.c.id == _notice.c.unit_id).order_by(_notice.c.id.desc()).limit(limit))
    return [{"id": r.id, "kind": r.kind, "title": r.title, "month": r.month, "unit": r.unit_name,
             "published_at": iso(r.published_at)} for r in rows]


# -- settings ------------------------------------------------------------------------------------

def get_setting(conn: Connection, key: str, default=None):
    row = conn.execute(select(_setting.c.value).where(_setting.c.key == key)).first()
    return json.loads(row[0]) if row else default


def set_setting(conn: Connection, key: str, value) -> None:
    text = json.dumps(value, ensure_ascii=False)
    if not _insert_ignoring(conn, _setting, {"key": key, "value": text}, ["key"]):
        conn.execute(update(_setting).where(_setting.c.key == key).values(value=text))
