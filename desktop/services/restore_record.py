"""A restore, put on the restored database's audit log (db/audit.py, "restore_backup").

A restore happens with every connection closed and often before anyone has unlocked the
branch (the restore wizard on a damaged file at start, ``branchdesk restore`` without a
password), and the audit line needs the data key. So the restore leaves a small note in the
data folder (``restore-pending.json``: when, which backup, and what identifies the restored
file — nothing personal), and the next writable open of the branch, once unlocked, writes the
line in its own transaction and removes the note. A program killed in between writes it at
the next open.

The note belongs to one file. What identifies it survives what an open does before the
line is written (a migration, a failed password, a recovery key): a hash of the branch's
secret as the restored file stores it — sealed, or plain in a file from before encryption,
and then compared with the secret the unlocked branch opens — and the end of the file's audit
log at the restore. The current log must still hold that line, and no line after it may be
older than the restore: an older copy of the same branch put back by hand has its own later
lines, from before the restore. A note that does not match is removed without a line.

Left open: between the restored file's rename and the note's (milliseconds) a killed program
leaves no note; and a file of the same branch whose log ends exactly where the restored one
did, put in place by hand before the next open, would take the note.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from db import audit
from db.audit import AuditError
from db.backup import fsync_dir, fsync_file, remove_file
from db.models import AuditEntry, Branch
from desktop.services.errors import KnownError

log = logging.getLogger(__name__)

MARKER = "restore-pending.json"
VERSION = 1


@dataclass(frozen=True)
class PendingRestore:
    restored_at: datetime
    backup: str | None      # the backup's file name (or its time), as the line says it
    kind: str               # backup | undo (the copy a restore kept aside, put back)
    branch: str             # _fingerprint() of the branch secret as the restored file held it
    audit_count: int        # the restored file's log: how many lines,
    audit_hash: str         # and the last one's hash

    def detail(self) -> dict:
        return {"backup": self.backup, "kind": self.kind}


def marker_path(data_dir: Path) -> Path:
    return data_dir / MARKER


def _fingerprint(secret: bytes) -> str:
    # The secret itself keys QR codes and look-up hashes: only a one-way digest leaves the file.
    return hashlib.sha256(b"branchdesk restore record\0" + bytes(secret)).hexdigest()[:32]


def _safe(value: str) -> str | None:
    try:
        audit.check_detail({"backup": value})
    except AuditError:
        return None
    return value


def describe_backup(candidate: Path) -> str | None:
    """How the line names the backup: its file name when that is short ASCII (ours are), else
    the time the file was last written — a name the user typed may be a person's. (Stored
    words, not shown through translation: a bare time reads the same in either language.)"""
    named = _safe(candidate.name)
    if named is not None:
        return named
    try:
        return _safe(datetime.fromtimestamp(candidate.stat().st_mtime).strftime("%Y-%m-%d %H:%M"))
    except OSError:
        return None


def note(data_dir: Path, db_path: Path, candidate: Path, restored_at: datetime) -> PendingRestore:
    """Right after ``db_path`` was restored from ``candidate`` (nothing connected to it): write
    the note for the next open (tmp, flushed, renamed)."""
    # immutable: nothing else has the file open now, and it is not to be touched by the reading.
    con = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        row = con.execute("SELECT secret FROM branch WHERE id = 1").fetchone()
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        last = con.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone() \
            if "audit_log" in tables else None
    finally:
        con.close()
    kind = "undo" if ".before-restore-" in candidate.name else "backup"
    pending = PendingRestore(restored_at.replace(microsecond=0, tzinfo=None), describe_backup(candidate), kind,
                             _fingerprint(row[0] if row and row[0] is not None else b""),
                             last[0] if last else 0, last[1] if last else audit.GENESIS)
    target = marker_path(data_dir)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps({
        "version": VERSION, "restored_at": pending.restored_at.isoformat(sep=" "), "backup": pending.backup,
        "kind": pending.kind, "branch": pending.branch, "audit_count": pending.audit_count,
        "audit_hash": pending.audit_hash}), encoding="ascii")
    fsync_file(tmp)
    os.replace(tmp, target)
    fsync_dir(data_dir)
    log.info("restore noted for the audit log (written at the next open)")
    return pending


def read(data_dir: Path) -> PendingRestore | None:
    """The note, if there is one; an unreadable note is removed (it can name no file)."""
    path = marker_path(data_dir)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:  # kept: it may be readable at the next open
        log.warning("the restore note cannot be read: %s", err.strerror or err)
        return None
    try:
        value = json.loads(raw.decode("ascii"))
        if value.get("version") != VERSION:
            raise ValueError("version")
        backup, kind = value["backup"], value["kind"]
        if (backup is not None and (not isinstance(backup, str) or _safe(backup) is None)) or kind not in ("backup", "undo"):
            raise ValueError("detail")  # not what note() writes: the line could not say it
        return PendingRestore(datetime.fromisoformat(value["restored_at"]), backup, kind,
                              str(value["branch"]), int(value["audit_count"]), str(value["audit_hash"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        log.warning("an unreadable restore note was removed")
        remove_file(path)
        return None


def _belongs(s, pending: PendingRestore) -> tuple[bool, bool]:
    """(the note is this file's, its line is already written)."""
    raw = s.execute(text("SELECT secret FROM branch WHERE id = 1")).scalar()
    if raw is None or _fingerprint(raw) != pending.branch:
        # A file from before encryption: sealed at its first open. The unlocked branch opens it.
        branch = s.get(Branch, 1)
        if branch is None or branch.secret is None or _fingerprint(branch.secret) != pending.branch:
            return False, False
    if pending.audit_count:
        at_end = s.execute(text("SELECT hash FROM audit_log WHERE id = :id"), {"id": pending.audit_count}).scalar()
        if at_end != pending.audit_hash:
            return False, False
    later = s.execute(select(AuditEntry.at, AuditEntry.action).where(AuditEntry.id > pending.audit_count)).all()
    if any(at < pending.restored_at for at, _action in later):
        return False, False
    done = any(action == "restore_backup" and at == pending.restored_at for at, action in later)
    return True, done


def record_pending(db, data_dir: Path, *, read_only: bool = False) -> int | None:
    """At an open, unlocked: the noted restore's line on this database's log (its number),
    the note removed. A read-only open writes nothing and keeps the note for the next."""
    pending = read(data_dir)
    if pending is None:
        return None
    if read_only:
        log.info("a restore waits to be recorded in the audit log: not in a read-only session")
        return None
    number = None
    try:
        with db.session.begin() as s:
            belongs, done = _belongs(s, pending)
            if belongs and not done:
                number = audit.append(s, db.keys, "restore_backup", "branch", pending.detail(), pending.restored_at)
    except (SQLAlchemyError, KnownError) as err:
        # A busy file, a full or read-only disk: the branch still opens, and the note stays
        # for the next open (the restore is not forgotten, only recorded later).
        log.warning("the restore could not be recorded in the audit log yet: %s", type(err).__name__)
        return None
    if not belongs:
        log.warning("a restore note for another database file was removed (restored %s)", pending.restored_at)
    elif number is not None:
        log.info("restore of %s recorded in the audit log (entry %d)", pending.restored_at, number)
    # A note that cannot be removed is met again at the next open, which finds its line written.
    remove_file(marker_path(data_dir))
    return number
