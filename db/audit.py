"""The append-only, hash-chained audit log (DESIGN, Personal data; issue 8).

Every reveal or export of members' personal data in full, and the other acts the branch may
have to answer for (an import undone, a backup restored, the password changed), writes one
line here *in the same transaction* as the act, so neither commits without the other.

Each line's ``hash`` is HMAC-SHA256 under the branch's audit key (``Database.keys.audit``) of
the line before it (its ``hash``, or 64 zeros for the first line) followed by the canonical
JSON of ``[id, at, action, subject, detail]``. Someone with the file but without the key can
neither change a line, nor insert, remove or reorder lines, without ``verify`` saying at
which line the chain breaks. Triggers (migration 0007) refuse UPDATE and DELETE, so the
program itself cannot change the past either.

The end of the log: the count and the last hash are kept in the ``setting`` table
(``audit.head``) with their own HMAC, written with every line. Removing the last lines is
caught because the head names more lines than there are and a head for the shorter log
cannot be made without the key. Its limit: putting back an *older copy* of the whole file (or
of both the log and the head together) gives a consistent, shorter log that the file alone
cannot tell from the real one, and a log erased together with its head looks unused. The
remedy is outside the file: ``head()`` is what a backup records, and ``verify(expect=…)``
checks that a later file still holds that line with that hash.

No line may carry personal data: ``detail`` takes only the keys of ``DETAIL_KEYS`` with
numbers, flags and short ASCII words (no names, no ID numbers, no phones, no addresses);
members appear by their internal id only.
"""
from __future__ import annotations

import getpass
import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from core.i18n import translate
from db.models import AuditEntry, Setting

GENESIS = "0" * 64
HEAD_KEY = "audit.head"

# The acts on record. Another part of the program recording a new kind of act adds it here
# and in action_label() (a line nobody can name is of no use to an inspector).
ACTIONS = frozenset({
    "reveal_id_number", "reveal_phone", "reveal_address", "export_unmasked", "print_unmasked", "undo_import",
    "restore_backup", "change_password", "recover_password", "new_recovery_key",
})

# What a line's detail may say. Values: None, bool, int, short ASCII words, or lists of them.
DETAIL_KEYS = frozenset({
    "member_id", "member_ids", "members", "field", "fields", "include_former", "format",
    "batch_id", "removed", "restored", "pages", "reason", "kind", "count", "backup", "os_user",
})
_SAFE_TEXT = re.compile(r"[A-Za-z0-9_.:,+\- ]{0,120}")
_LONG_DIGITS = re.compile(r"\d{11,}")  # a phone (11) or an ID number (15, 18) would be one
_SUBJECT = re.compile(r"[a-z_]{1,30}(:\d{1,9})?")


class AuditError(Exception):
    """A line that may not be written: unknown act, personal data in it, no key."""


def action_label(action: str) -> str:
    labels = {
        "reveal_id_number": translate("audit", "Showed a member's full ID number"),
        "reveal_phone": translate("audit", "Showed a member's full phone number"),
        "reveal_address": translate("audit", "Showed a member's full home address"),
        "export_unmasked": translate("audit", "Exported the roster with full ID numbers, phones and addresses"),
        "print_unmasked": translate("audit", "Printed with full ID numbers, phones and addresses"),
        "undo_import": translate("audit", "Undid a spreadsheet import"),
        "restore_backup": translate("audit", "Restored a backup"),
        "change_password": translate("audit", "Changed the password"),
        "recover_password": translate("audit", "Set a new password with the recovery key"),
        "new_recovery_key": translate("audit", "Made a new recovery key"),
    }
    return labels.get(action, action)


def subject_label(subject: str) -> str:
    kind, _, number = subject.partition(":")
    if kind == "member" and number:
        return translate("audit", "member no. {id}").format(id=number)
    if kind == "import" and number:
        return translate("audit", "import no. {id}").format(id=number)
    if kind == "roster":
        return translate("audit", "the roster")
    if kind == "branch":
        return translate("audit", "the branch")
    return subject


def compact_ids(ids) -> str:
    """``1-3,7,9-10``: which members, short enough for a line even for a whole roster."""
    runs: list[str] = []
    ordered = sorted(set(int(i) for i in ids))
    start = prev = None
    for i in ordered + [None]:
        if start is not None and (i is None or i != prev + 1):
            runs.append(str(start) if start == prev else f"{start}-{prev}")
            start = None
        if i is not None and start is None:
            start = i
        prev = i
    return ",".join(runs)


def os_user() -> str:
    """The operating-system account that did it, when the system says (a shared office PC
    often has one account for everyone: then it tells little, but costs nothing)."""
    try:
        name = getpass.getuser()
    except Exception:  # no USERNAME/LOGNAME and no passwd entry
        return ""
    return name[:64]


def _check_value(key: str, value: Any) -> None:
    if isinstance(value, (list, tuple)):
        if len(value) > 1000:
            raise AuditError(f"audit detail {key!r}: too many values")
        for v in value:
            _check_value(key, v)
        return
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if abs(value) >= 10 ** 9:  # ids and counts; a phone or an ID number is far longer
            raise AuditError(f"audit detail {key!r}: number too large to be an id or a count")
        return
    if isinstance(value, str):
        if not _SAFE_TEXT.fullmatch(value) or _LONG_DIGITS.search(value):
            raise AuditError(f"audit detail {key!r}: only short ASCII words, ids and counts")
        return
    raise AuditError(f"audit detail {key!r}: {type(value).__name__} is not allowed")


def check_detail(detail: dict[str, Any]) -> None:
    """Refuse anything that could be personal data (DESIGN: logs never contain it)."""
    for key, value in detail.items():
        if key not in DETAIL_KEYS:
            raise AuditError(f"audit detail key {key!r} is not on the allow-list (db/audit.py DETAIL_KEYS)")
        if key != "os_user":
            _check_value(key, value)


def _key(keys) -> bytes:
    key = getattr(keys, "audit", keys)
    if not isinstance(key, bytes) or len(key) < 16:
        raise AuditError("the audit log needs the branch's audit key (is the branch unlocked?)")
    return key


def _at_text(at: datetime) -> str:
    return at.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")


def line_hash(key: bytes, prev_hash: str, id: int, at: str, action: str, subject: str, detail: str) -> str:
    payload = json.dumps([id, at, action, subject, detail], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, (prev_hash + payload).encode("utf-8"), hashlib.sha256).hexdigest()


def _head_mac(key: bytes, count: int, last: str) -> str:
    return hmac.new(key, f"audit head {count} {last}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Head:
    """How long the log is and how it ends: what a backup keeps to check a later file by."""
    count: int
    hash: str


def append(session: Session, keys, action: str, subject: str, detail: dict[str, Any], at: datetime) -> int:
    """Write one line in the caller's transaction; returns its number.

    Call it inside ``with db.session.begin() as s:`` beside the act itself. The operating
    system's user name is added to ``detail``.
    """
    key = _key(keys)
    if action not in ACTIONS:
        raise AuditError(f"unknown audit action {action!r}: add it to ACTIONS and action_label() in db/audit.py")
    if not _SUBJECT.fullmatch(subject):
        raise AuditError(f"audit subject {subject!r}: a word, optionally ':' and an internal id")
    detail = dict(detail)
    check_detail(detail)
    detail.setdefault("os_user", os_user())
    detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # One writer: a write statement first takes SQLite's write lock (waiting behind another
    # writer), so the last line read below is still the last when this one is added; reading
    # first could let two writers chain onto the same line. (Harmless when the caller's
    # transaction already holds the lock.)
    session.execute(text("DELETE FROM setting WHERE 0"))
    last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    number = (last.id if last else 0) + 1
    prev = last.hash if last else GENESIS
    at_text = _at_text(at)
    digest = line_hash(key, prev, number, at_text, action, subject, detail_text)
    session.add(AuditEntry(id=number, at=datetime.fromisoformat(at_text), action=action, subject=subject,
                           detail=detail_text, prev_hash=prev, hash=digest))
    head = json.dumps({"count": number, "hash": digest, "mac": _head_mac(key, number, digest)})
    row = session.get(Setting, HEAD_KEY)
    if row is None:
        session.add(Setting(key=HEAD_KEY, value=head))
    else:
        row.value = head
    session.flush()
    return number


def head(session: Session) -> Head:
    last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return Head(last.id, last.hash) if last else Head(0, GENESIS)


# -- verifying -------------------------------------------------------------------------------

@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int                      # lines read
    broken_at: int | None = None    # the first line found wrong (1-based), when one is
    problem: str = ""               # what is wrong, in the user's language
    kind: str = ""                  # edited | missing | tail | head | unreadable | expect

    @property
    def message(self) -> str:
        if self.ok:
            return translate("audit", "The audit log is intact: {n} entries.").format(n=self.count)
        return translate("audit", "The audit log has been tampered with: {problem}").format(problem=self.problem)


def _broken(count: int, at: int | None, kind: str, problem: str) -> VerifyResult:
    return VerifyResult(False, count, at, problem, kind)


def verify(session: Session, keys, *, expect: Head | None = None) -> VerifyResult:
    """Walk the chain from the first line; say where it first breaks.

    Reads the stored values as they are (not through the model's types), so that whatever
    another program wrote into the file is what gets checked.
    """
    key = _key(keys)
    rows = session.execute(text("SELECT id, at, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY id")).all()
    prev = GENESIS
    expected = 1
    for row in rows:
        if row.id != expected:
            if row.id == expected + 1:
                problem = translate("audit", "entry {n} has been deleted").format(n=expected)
            else:
                problem = translate("audit", "entries {first} to {last} have been deleted").format(first=expected, last=row.id - 1)
            return _broken(len(rows), expected, "missing", problem)
        values = (row.at, row.action, row.subject, row.detail, row.prev_hash, row.hash)
        if not all(isinstance(v, str) for v in values):
            return _broken(len(rows), row.id, "unreadable", translate("audit", "entry {n} has been changed (a value of the wrong kind)").format(n=row.id))
        try:
            at_text = _at_text(datetime.fromisoformat(row.at))
        except ValueError:
            return _broken(len(rows), row.id, "unreadable", translate("audit", "entry {n} has been changed (its time is unreadable)").format(n=row.id))
        digest = line_hash(key, row.prev_hash, row.id, at_text, row.action, row.subject, row.detail)
        if not hmac.compare_digest(digest, row.hash):
            return _broken(len(rows), row.id, "edited", translate("audit", "entry {n} has been changed or was not written by BranchDesk").format(n=row.id))
        if not hmac.compare_digest(row.prev_hash, prev):
            # The line itself is sound but does not follow the one before it: that one was
            # replaced, or the lines were put in another order.
            return _broken(len(rows), row.id, "edited", translate("audit", "entry {n} does not follow entry {m}: entries were replaced or reordered").format(n=row.id, m=row.id - 1))
        prev = row.hash
        expected += 1
    count = len(rows)

    stored = session.get(Setting, HEAD_KEY)
    if stored is None:
        if count:
            return _broken(count, None, "head", translate("audit", "the record of the log's length has been deleted"))
    else:
        try:
            h = json.loads(stored.value)
            head_count, head_hash, head_mac = int(h["count"]), str(h["hash"]), str(h["mac"])
        except (ValueError, KeyError, TypeError):
            return _broken(count, None, "head", translate("audit", "the record of the log's length has been changed"))
        if not hmac.compare_digest(_head_mac(key, head_count, head_hash), head_mac):
            return _broken(count, None, "head", translate("audit", "the record of the log's length has been changed"))
        if head_count > count:
            return _broken(count, count + 1, "tail", translate("audit", "the last {k} entries (from entry {n}) have been deleted").format(k=head_count - count, n=count + 1))
        if head_count < count or not hmac.compare_digest(head_hash, prev):
            return _broken(count, None, "head", translate("audit", "the record of the log's length does not match the log (an older copy was put back)"))
    if expect is not None and expect.count:
        if count < expect.count:
            return _broken(count, count + 1, "expect", translate("audit", "the log ends at entry {n}, but a backup saw {k} entries").format(n=count, k=expect.count))
        if not hmac.compare_digest(rows[expect.count - 1].hash, expect.hash):
            return _broken(count, expect.count, "expect", translate("audit", "entry {n} differs from the one a backup saw").format(n=expect.count))
    return VerifyResult(True, count)


# -- reading ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class AuditLine:
    """One line as the audit view and ``audit list`` show it (plain values, no ORM row)."""
    number: int
    at: datetime
    action: str
    subject: str
    detail: dict[str, Any]

    @property
    def label(self) -> str:
        return action_label(self.action)

    @property
    def subject_text(self) -> str:
        return subject_label(self.subject)

    @property
    def detail_text(self) -> str:
        return describe_detail(self.detail, self.subject)


def describe_detail(detail: dict[str, Any], subject: str = "") -> str:
    parts: list[str] = []
    order = ("members", "member_id", "member_ids", "field", "fields", "include_former", "format")
    for key, value in sorted(detail.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0])):
        if key == "members":
            parts.append(translate("audit", "{n} members").format(n=value))
        elif key == "member_ids":
            parts.append(translate("audit", "member nos. {ids}").format(ids=value))
        elif key == "member_id":
            if subject == f"member:{value}":
                continue  # the subject says it already
            parts.append(translate("audit", "member no. {id}").format(id=value))
        elif key == "include_former":
            if value:
                parts.append(translate("audit", "with former members"))
        elif key == "format":
            parts.append(translate("audit", "{format} file").format(format=value))
        elif key == "os_user":
            if value:
                parts.append(translate("audit", "system user {name}").format(name=value))
        elif key in ("field", "fields"):
            from core.members import field_label
            names = value if isinstance(value, list) else [value]
            parts.append("、".join(field_label(str(n)) for n in names))
        elif key == "removed":
            parts.append(translate("audit", "{n} removed").format(n=value))
        elif key == "restored":
            parts.append(translate("audit", "{n} restored").format(n=value))
        elif key == "backup":
            if value:
                parts.append(translate("audit", "from {backup}").format(backup=value))
        elif key == "kind" and value in ("backup", "undo"):
            # A restore: of a backup, or of the copy an earlier restore kept aside (its undo).
            if value == "undo":
                parts.append(translate("audit", "undoing an earlier restore"))
        else:
            parts.append(f"{key}: {value}")
    return translate("audit", ", ").join(parts)


def lines(session: Session, *, newest_first: bool = True, limit: int | None = None) -> list[AuditLine]:
    # Stored values as they are: a line another program spoiled is still listed (verify
    # says what is wrong with it).
    sql = "SELECT id, at, action, subject, detail FROM audit_log ORDER BY id" + (" DESC" if newest_first else "")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    out = []
    for row in session.execute(text(sql)):
        try:
            at = datetime.fromisoformat(str(row.at))
        except ValueError:
            at = datetime.min
        try:
            detail = json.loads(row.detail)
            if not isinstance(detail, dict):
                detail = {"detail": row.detail}
        except (TypeError, ValueError):
            detail = {"detail": row.detail}
        out.append(AuditLine(row.id, at, str(row.action), str(row.subject), detail))
    return out
