"""The summary packet a branch sends up (DOMAIN §6), shared by the desktop and the server.

A packet is a fact about a branch at a moment: what its roll, dues and meetings added up to
for a period (a month). It carries aggregates only — counts and sums of money — and *no free
text at all*: every string in it is an identifier from a fixed list (a meeting type, a dues
category) or has a fixed shape (a month, a UUID, the branch's code). A name, an ID number, a
phone or an address cannot travel in it because the schema has nowhere to put one, and
``from_json`` refuses anything the schema does not list. Ballots never leave the branch;
only vote outcomes (counts) do.

Versioned: ``schema`` says which version of this module wrote it. A server refuses a newer
version than it knows (the branch keeps the packet and sends it after the server's upgrade).

Identity: ``packet_id`` is a UUID the branch makes once; the server stores a packet once per
(branch, packet_id) and answers a repeat with its first answer, so a packet can be sent any
number of times — again after a timeout, again from a USB file. ``seq`` numbers a branch's
packets 1, 2, 3 … so the server can tell a gap (a packet still on its way) from an end.

The dataclasses are the schema: ``from_json`` validates against them and ``json_schema``
describes them for the server's OpenAPI document, so the two cannot drift apart.
"""
from __future__ import annotations

import functools
import json
import re
import uuid
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass
from datetime import datetime, timezone
from enum import StrEnum
from typing import Any, Callable, get_args, get_origin, get_type_hints

from core.dues import DuesCategory
from core.meetings import MeetingType
from core.members import RollStatus

SCHEMA_VERSION = 1
MAX_PACKET_BYTES = 64 * 1024
MAX_COUNT = 10_000_000
MAX_FEN = 10**12  # ten billion yuan: far above any branch, far below where JSON numbers round

BRANCH_CODE = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$"
PERIOD = r"^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$"
UTC_TIME = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
UUID4 = r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"


class PacketKind(StrEnum):
    MONTH = "month"        # made when the secretary closes a month: the month's figures
    SNAPSHOT = "snapshot"  # made when the secretary asks: the figures so far this month


class Grade(StrEnum):
    """民主评议党员 grades (DOMAIN §2)."""
    EXCELLENT = "excellent"        # 优秀
    QUALIFIED = "qualified"        # 合格
    BASIC = "basic"                # 基本合格
    UNQUALIFIED = "unqualified"    # 不合格


class VoteKind(StrEnum):
    ELECTION = "election"            # 选举
    ADMISSION = "admission"          # 接收预备党员
    CONVERSION = "conversion"        # 转正
    RESOLUTION = "resolution"        # 决议
    APPRAISAL = "appraisal"          # 民主评议


class PacketError(ValueError):
    """The text is not a valid packet of a schema this module knows. ``path`` says where."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


# -- field helpers (metadata drives both validation and the JSON Schema) -----------------------

def _count(doc: str = ""):
    return field(metadata={"min": 0, "max": MAX_COUNT, "doc": doc})


def _fen(doc: str = ""):
    # Signed: a month's payments can be net negative after a reversal of an earlier payment.
    return field(metadata={"min": -MAX_FEN, "max": MAX_FEN, "doc": doc})


def _keyed(keys: type[StrEnum], doc: str = ""):
    return field(default_factory=dict, metadata={"keys": keys, "min": 0, "max": MAX_COUNT, "doc": doc})


def _text(pattern: str, doc: str = ""):
    return field(metadata={"pattern": pattern, "doc": doc})


def _choice(enum: type[StrEnum], doc: str = ""):
    return field(metadata={"enum": enum, "doc": doc})


def _items(max_items: int, doc: str = ""):
    return field(default_factory=tuple, metadata={"max_items": max_items, "doc": doc})


# -- the schema ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Headcount:
    """The roll at the moment the packet was made."""
    total: int = _count("members on the roll")
    full: int = _count("正式党员")
    probationary: int = _count("预备党员")
    suspended: int = _count("停止党籍")
    lost_contact: int = _count("失联党员")
    mobile: int = _count("流动党员")
    by_dues_category: dict[str, int] = _keyed(DuesCategory, "members on the roll by dues category")
    by_roll_status: dict[str, int] = _keyed(RollStatus, "everyone the branch has records of, by roll status")


@dataclass(frozen=True)
class Changes:
    """Additions to and removals from the roll during the period."""
    joined: int = _count("joined the Party in the period (发展)")
    transferred_in: int = _count("转入")
    transferred_out: int = _count("转出")
    left_party: int = _count("出党")
    deceased: int = _count("去世")
    converted: int = _count("转为正式党员")


@dataclass(frozen=True)
class Pipeline:
    probationary: int = _count("预备党员 on the roll")
    conversion_due: int = _count("probation year ended by the period's end without 转正")


@dataclass(frozen=True)
class Dues:
    """党费 in fen (DOMAIN §1): the period's month and the year up to it."""
    year: int = field(metadata={"min": 2000, "max": 2100})
    month_due_fen: int = _fen()
    month_paid_fen: int = _fen("paid for the month")
    year_due_fen: int = _fen("January to the period's month")
    year_paid_fen: int = _fen()
    arrears_warning: int = _count("members 3–5 months behind")
    arrears_alert: int = _count("members 6 months or more behind")
    remitted_fen: int = _fen("上缴 during the period")


@dataclass(frozen=True)
class MeetingCount:
    """One meeting type (DOMAIN §2) for the whole branch: held in the period against required."""
    type: str = _choice(MeetingType)
    held: int = _count("held (ended) in the period")
    required: int = _count("required per unit in its compliance period (0: not required)")
    units: int = _count("units judged: 1 for the branch, one per party group, one per required talk pair")
    units_met: int = _count("units whose compliance period containing the period's end is satisfied")
    units_overdue: int = _count("units whose compliance period ended short")


@dataclass(frozen=True)
class Attendance:
    """Attendance at the meetings held in the period (sign-in or entered by hand)."""
    meetings: int = _count("meetings held in the period")
    expected: int = _count("attendance entries (member × meeting)")
    present: int = _count()
    leave: int = _count("请假")
    absent: int = _count("缺勤")
    mobile_expected: int = _count("entries of 流动党员")
    mobile_present: int = _count()
    with_minutes: int = _count("meetings held in the period with minutes written")
    with_attachments: int = _count("meetings held in the period with photos or files")


@dataclass(frozen=True)
class VoteOutcome:
    """A vote's result: counts only, never a ballot."""
    kind: str = _choice(VoteKind)
    eligible: int = _count()
    present: int = _count()
    cast: int = _count()
    yes: int = _count()
    no: int = _count()
    abstain: int = _count()
    invalid: int = _count()
    passed: bool = field(default=False, metadata={})


@dataclass(frozen=True)
class SummaryPacket:
    packet_id: str = _text(UUID4, "made once by the branch (uuid4)")
    branch: str = _text(BRANCH_CODE, "the branch's code on the server")
    seq: int = field(metadata={"min": 1, "max": 2**31 - 1, "doc": "the branch's packets numbered 1, 2, 3 …"})
    kind: str = _choice(PacketKind)
    period: str = _text(PERIOD, "YYYY-MM")
    created_at: str = _text(UTC_TIME, "when the branch made it, UTC")
    headcount: Headcount
    changes: Changes
    pipeline: Pipeline
    attendance: Attendance
    dues: Dues | None = None  # None: the branch keeps no dues records here
    meetings: tuple[MeetingCount, ...] = _items(len(MeetingType))
    appraisal: dict[str, int] = _keyed(Grade, "民主评议 grades given in the period")
    votes: tuple[VoteOutcome, ...] = _items(200, "votes closed in the period")
    schema: int = field(default=SCHEMA_VERSION, metadata={"min": 1, "max": SCHEMA_VERSION})

    def to_json(self) -> str:
        """Compact, keys sorted: the same packet is always the same bytes."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def to_bytes(self) -> bytes:
        return self.to_json().encode("utf-8")


def new_packet_id() -> str:
    return str(uuid.uuid4())


def utc_stamp(moment: datetime) -> str:
    """``created_at`` from an aware datetime (or a naive one in local time)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- reading ------------------------------------------------------------------------------------

def from_json(data: bytes | str) -> SummaryPacket:
    """The packet in ``data``, or PacketError. Unknown fields are refused, not ignored: what
    the schema does not list (a name, a phone) must not pass through unnoticed."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_PACKET_BYTES:
        raise PacketError("", f"larger than {MAX_PACKET_BYTES} bytes")
    try:
        # UTF-8 only (json.loads would also take UTF-16 and UTF-32): the server keeps the text.
        obj = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as err:
        raise PacketError("", f"not JSON ({err})") from None
    if isinstance(obj, dict):
        version = obj.get("schema")
        if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
            raise PacketError("schema", f"version {version} is newer than this program knows ({SCHEMA_VERSION})")
    return from_dict(obj)


def from_dict(obj: Any) -> SummaryPacket:
    packet = _load(SummaryPacket, obj, "")
    _check_packet(packet)
    return packet


def _check_packet(p: SummaryPacket) -> None:
    kinds = [m.type for m in p.meetings]
    if len(set(kinds)) != len(kinds):
        raise PacketError("meetings", "a meeting type appears twice")
    h = p.headcount
    if h.full + h.probationary > h.total:
        raise PacketError("headcount", "full and probationary members are more than the total")
    a = p.attendance
    if a.present + a.leave + a.absent != a.expected:
        raise PacketError("attendance", "present, leave and absent do not add up to expected")
    if a.mobile_present > a.mobile_expected or a.mobile_expected > a.expected:
        raise PacketError("attendance", "mobile members' figures exceed the totals")


@functools.cache
def _plan(cls) -> tuple[frozenset[str], tuple[tuple[str, Callable[[Any, str], Any], bool], ...]]:
    """(field names, (name, reader, required) per field) of a schema class, worked out once:
    the server reads every packet through here, and type hints are slow to look at."""
    hints = get_type_hints(cls)
    rows = tuple((f.name, _reader(hints[f.name], f.metadata), f.default is MISSING and f.default_factory is MISSING)
                 for f in fields(cls))
    return frozenset(r[0] for r in rows), rows


def _load(cls, obj: Any, path: str):
    if not isinstance(obj, dict):
        raise PacketError(path, "must be an object")
    known, rows = _plan(cls)
    if not known.issuperset(obj):
        unknown = sorted(str(k) for k in obj if k not in known)
        raise PacketError(path, f"unknown field {unknown[0]!r}")
    values = {}
    for name, read, required in rows:
        if name not in obj:
            if required:
                raise PacketError(f"{path}.{name}" if path else name, "missing")
            continue
        values[name] = read(obj[name], f"{path}.{name}" if path else name)
    return cls(**values)


def _reader(kind, meta) -> Callable[[Any, str], Any]:
    """A function (value, path) → the checked value, for a field of type ``kind``."""
    args = get_args(kind)
    if get_origin(kind) is not None and type(None) in args:  # Optional[X]
        inner = _reader(next(a for a in args if a is not type(None)), meta)
        return lambda value, path: None if value is None else inner(value, path)
    if is_dataclass(kind):
        return lambda value, path: _load(kind, value, path)
    if kind is bool:
        def read_bool(value, path):
            if not isinstance(value, bool):
                raise PacketError(path, "must be true or false")
            return value
        return read_bool
    if kind is int:
        low, high = meta.get("min", -MAX_FEN), meta.get("max", MAX_FEN)

        def read_int(value, path):
            if value.__class__ is not int or not low <= value <= high:  # bool is not int here
                raise PacketError(path, "must be a whole number" if value.__class__ is not int else "out of range")
            return value
        return read_int
    if kind is str:
        allowed = _values(meta["enum"]) if "enum" in meta else None
        shape = re.compile(meta["pattern"]) if "pattern" in meta else None

        def read_str(value, path):
            if not isinstance(value, str):
                raise PacketError(path, "must be a string")
            if allowed is not None and value not in allowed:
                raise PacketError(path, f"unknown value {value[:40]!r}")
            if shape is not None and not shape.fullmatch(value):
                raise PacketError(path, "has the wrong form")
            return value
        return read_str
    if get_origin(kind) is dict:
        keys = _values(meta["keys"])
        count = _reader(int, meta)

        def read_dict(value, path):
            if not isinstance(value, dict):
                raise PacketError(path, "must be an object")
            for k, v in value.items():
                if k not in keys:
                    raise PacketError(path, f"unknown key {str(k)[:40]!r}")
                count(v, f"{path}.{k}")
            return dict(value)
        return read_dict
    if get_origin(kind) is tuple:
        item, most = _reader(args[0], {}), meta.get("max_items", 1000)

        def read_tuple(value, path):
            if not isinstance(value, list):
                raise PacketError(path, "must be a list")
            if len(value) > most:
                raise PacketError(path, "too many items")
            return tuple(item(v, f"{path}[{i}]") for i, v in enumerate(value))
        return read_tuple
    raise TypeError(f"no rule for {kind!r}")  # a bug in the schema above


@functools.cache
def _values(enum: type[StrEnum]) -> frozenset[str]:
    return frozenset(e.value for e in enum)


# -- describing (for the server's OpenAPI document) -------------------------------------------

def json_schema() -> dict:
    """JSON Schema of a packet, from the dataclasses above."""
    return _schema_of(SummaryPacket)


def _schema_of(cls) -> dict:
    hints = get_type_hints(cls)
    props, required = {}, []
    for f in fields(cls):
        props[f.name] = _field_schema(hints[f.name], f.metadata)
        if f.metadata.get("doc"):
            props[f.name]["description"] = f.metadata["doc"]
        if f.default is MISSING and f.default_factory is MISSING:
            required.append(f.name)
    out = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["required"] = required
    if cls.__doc__:
        out["description"] = " ".join(cls.__doc__.split())
    return out


def _field_schema(kind, meta) -> dict:
    if get_origin(kind) is not None and type(None) in get_args(kind):
        inner = next(a for a in get_args(kind) if a is not type(None))
        return {"anyOf": [_field_schema(inner, meta), {"type": "null"}]}
    if is_dataclass(kind):
        return _schema_of(kind)
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer", "minimum": meta.get("min", -MAX_FEN), "maximum": meta.get("max", MAX_FEN)}
    if kind is str:
        if "enum" in meta:
            return {"type": "string", "enum": [e.value for e in meta["enum"]]}
        return {"type": "string", "pattern": meta["pattern"]}
    if get_origin(kind) is dict:
        keys = [e.value for e in meta["keys"]]
        value = {"type": "integer", "minimum": meta["min"], "maximum": meta["max"]}
        return {"type": "object", "properties": {k: value for k in keys}, "additionalProperties": False}
    if get_origin(kind) is tuple:
        return {"type": "array", "items": _field_schema(get_args(kind)[0], {}), "maxItems": meta.get("max_items", 1000)}
    raise TypeError(f"no rule for {kind!r}")
