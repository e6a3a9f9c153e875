"""Backups of the branch database: made, verified, rotated, restored.

A backup is written by ``VACUUM INTO`` to a ``.tmp`` name in the backup folder, flushed to the
disk, opened again and checked (integrity, our schema, the same rows as the branch), and only
then renamed to ``branch-YYYY-MM-DD-HHMM.sqlite``: a name of that shape is always a whole,
checked backup (issue 8). ``VACUUM INTO`` also leaves no free pages behind, so rows deleted
under ``secure_delete`` stay gone in the copy (DESIGN: ballot secrecy).

The backup is self-contained: the key envelopes live in the database, so a restored file
opens with the password (or recovery key) of the day it was made.

Qt-free: the command line and the window use the same functions.
"""
from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from core.i18n import translate
from db.engine import StorageError, _known_revision, copy_aside
from db.migrations import HEAD

log = logging.getLogger(__name__)

PREFIX = "branch-"
SUFFIX = ".sqlite"
TMP_SUFFIX = ".tmp"
_NAME = re.compile(r"^branch-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})\.sqlite$")
_TMP = re.compile(r"^branch-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite\.tmp$")
# A .tmp older than this was left by a program that died mid-backup.
STALE_TMP = timedelta(hours=1)


class BackupError(StorageError):
    """A backup or a restore could not be done; the message says what to do."""


@dataclass(frozen=True)
class Retention:
    """Grandfather-father-son: the newest backup of each of the last ``daily`` days, then of
    ``weekly`` more weeks, then of ``monthly`` more months (issue 8: 7, 4, 12)."""
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    size: int


@dataclass(frozen=True)
class Verified:
    revision: str
    counts: dict[str, int]
    branch_name: str


@dataclass
class BackupResult:
    path: Path
    seconds: float = 0.0
    removed: list[Path] = field(default_factory=list)
    second_copy: Path | None = None
    second_error: str | None = None  # the second location could not be written (a warning)


def backup_name(moment: datetime) -> str:
    return f"{PREFIX}{moment:%Y-%m-%d-%H%M}{SUFFIX}"


def taken_at(path: Path) -> datetime | None:
    """The moment in a backup's name; None for files that are not our backups."""
    m = _NAME.match(path.name)
    if not m:
        return None
    try:
        return datetime(*(int(g) for g in m.groups()))
    except ValueError:
        return None


def list_backups(folder: Path) -> list[Backup]:
    """Our backups in ``folder``, newest first. A missing folder has none."""
    out = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        moment = taken_at(path)
        if moment is None or not path.is_file():
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        out.append(Backup(path, moment, size))
    out.sort(key=lambda b: b.taken_at, reverse=True)
    return out


# -- reading a database file ---------------------------------------------------------

def _connect_ro(path: Path) -> sqlite3.Connection:
    # immutable: a backup is never written while we read it, and the stick may be read-only
    # (no -shm can be made beside it).
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _tables(con: sqlite3.Connection) -> list[str]:
    return sorted(r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))


def _counts(con: sqlite3.Connection) -> dict[str, int]:
    return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(con)}


def verify(path: Path, *, shown: Path | None = None) -> Verified:
    """The file is a whole BranchDesk database this program can open; else BackupError (naming
    ``shown``, the file the user chose, when ``path`` is a working copy of it)."""
    def bad(reason: str) -> BackupError:
        return BackupError(translate("backup", "{path} cannot be used as a backup: {reason}").format(path=shown or path, reason=reason))

    if not path.is_file():
        raise bad(translate("backup", "the file does not exist"))
    try:
        con = _connect_ro(path)
    except sqlite3.Error as err:
        raise bad(str(err)) from err
    try:
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check(20)")]
            tables = set(_tables(con))
        except sqlite3.DatabaseError as err:
            raise bad(translate("backup", "the file is damaged or is not a database ({error})").format(error=err)) from err
        if result != ["ok"]:
            raise bad(translate("backup", "the file is damaged ({error})").format(error="; ".join(result[:3])))
        if "alembic_version" not in tables or "branch" not in tables:
            raise bad(translate("backup", "it is not a BranchDesk database"))
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise bad(translate("backup", "it is not a BranchDesk database"))
        revision = row[0]
        if revision != HEAD and not _known_revision(revision):
            raise bad(translate("backup", "it was made by a newer version of BranchDesk; install that version to restore it"))
        name = con.execute("SELECT name FROM branch WHERE id = 1").fetchone()
        return Verified(revision, _counts(con), name[0] if name else "")
    finally:
        con.close()


# -- making a backup -----------------------------------------------------------------

def fsync_file(path: Path) -> None:
    """Flush ``path``'s contents to the disk (before a rename puts it in place)."""
    # Windows flushes only a handle opened for writing (_commit); POSIX takes any.
    fd = os.open(path, (os.O_RDWR if os.name == "nt" else os.O_RDONLY) | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Flush ``folder``'s entries: what makes a rename in it survive a power cut."""
    # A rename reaches the disk with its folder (POSIX); Windows cannot open a folder this way.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_failed(folder: Path, err: BaseException) -> BackupError:
    full = (isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)) or \
        (isinstance(err, sqlite3.Error) and ("full" in str(err).lower() or "disk i/o" in str(err).lower()))
    if full:
        return BackupError(translate("backup", "The backup could not be written to {folder}: the disk is full (or the USB stick was removed). Nothing was left half-written. Free some space there or choose another backup folder.").format(folder=folder))
    return BackupError(translate("backup", "The backup could not be written to {folder}: {error}. Nothing was left half-written. Check that the folder exists and that you may write there, or choose another backup folder.").format(folder=folder, error=getattr(err, "strerror", None) or err))


def _damaged(db_path: Path, err: BaseException) -> BackupError:
    return BackupError(translate("backup", "The branch database {path} is damaged and cannot be backed up ({error}). Restore a backup instead; “branchdesk check” lists them.").format(path=db_path, error=err))


def remove_file(path: Path) -> None:
    """Remove ``path`` if it is there; a file that cannot be removed is logged, not raised."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as err:
        log.warning("could not remove %s: %s", path.name, err)


def make_backup(db_path: Path, dest_dir: Path, now: datetime, *, retention: Retention | None = Retention(),
                second_dir: Path | None = None) -> BackupResult:
    """Back ``db_path`` up into ``dest_dir`` as ``branch-<now>.sqlite``; rotate; copy to
    ``second_dir`` when given (a failure there is a warning in the result, not an error)."""
    import time
    started = time.perf_counter()
    if not db_path.is_file():
        raise BackupError(translate("backup", "There is no branch database at {path} to back up.").format(path=db_path))
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _write_failed(dest_dir, err) from err
    final = dest_dir / backup_name(now)
    tmp = final.with_name(final.name + TMP_SUFFIX)
    remove_file(tmp)
    src = sqlite3.connect(db_path, timeout=10)
    try:
        try:
            before = _counts(src)
        except sqlite3.DatabaseError as err:
            raise _damaged(db_path, err) from err
        try:
            # VACUUM INTO reads one consistent snapshot (the WAL included) and writes a compact
            # file; the branch may go on being written meanwhile.
            src.execute("VACUUM INTO ?", (str(tmp),))
            fsync_file(tmp)
        except (sqlite3.Error, OSError) as err:
            remove_file(tmp)
            if isinstance(err, sqlite3.DatabaseError) and ("malformed" in str(err) or "not a database" in str(err)):
                raise _damaged(db_path, err) from err
            raise _write_failed(dest_dir, err) from err
        after = _counts(src)
    finally:
        src.close()
    try:
        checked = verify(tmp)
        # A write between the two counts changes a table; the copy matches one side or the other.
        wrong = [t for t in set(before) | set(checked.counts)
                 if checked.counts.get(t) not in (before.get(t), after.get(t))]
        if wrong:
            raise BackupError(translate("backup", "The backup does not hold the same rows as the branch ({tables}); it was not kept. Try again; if it happens again, run “branchdesk check”.").format(tables=", ".join(sorted(wrong)[:5])))
        os.replace(tmp, final)
        fsync_dir(dest_dir)
    except BaseException:
        remove_file(tmp)
        raise
    result = BackupResult(final)
    log.info("backup written: %s (%d bytes)", final, final.stat().st_size)
    if retention is not None:
        result.removed = rotate(dest_dir, retention, now=now)
    if second_dir is not None:
        try:
            result.second_copy = copy_backup(final, second_dir)
            if retention is not None:
                rotate(second_dir, retention, now=now)
        except BackupError as err:
            result.second_error = str(err)
            log.warning("second backup location failed: %s", err)
    result.seconds = time.perf_counter() - started
    return result


def copy_backup(backup: Path, dest_dir: Path) -> Path:
    """A checked backup copied to another folder (a USB stick), the same way: .tmp, flush,
    check, rename."""
    if not dest_dir.is_dir():
        raise BackupError(translate("backup", "The second backup location {folder} is not there (is the USB stick plugged in?).").format(folder=dest_dir))
    final = dest_dir / backup.name
    tmp = final.with_name(final.name + TMP_SUFFIX)
    try:
        shutil.copyfile(backup, tmp)
        fsync_file(tmp)
        verify(tmp)
        os.replace(tmp, final)
        fsync_dir(dest_dir)
    except BackupError:
        remove_file(tmp)
        raise
    except OSError as err:
        remove_file(tmp)
        raise _write_failed(dest_dir, err) from err
    return final


# -- rotation ------------------------------------------------------------------------

def _week(moment: datetime) -> tuple[int, int]:
    iso = moment.isocalendar()
    return iso[0], iso[1]


def plan_rotation(moments: list[datetime], retention: Retention = Retention()) -> set[datetime]:
    """Which backups to keep, by the moments in their names.

    Each rule walks from the newest backup back and keeps the newest one of each period it has
    not seen yet; a period whose newest backup an earlier rule already keeps does not count
    (borg's prune): 7 daily, 4 weekly and 12 monthly are 23 different files. The newest
    backup is always kept."""
    ordered = sorted(set(moments), reverse=True)
    keep: set[datetime] = set()
    rules = ((retention.daily, lambda m: m.date()), (retention.weekly, _week),
             (retention.monthly, lambda m: (m.year, m.month)))
    for count, period_of in rules:
        kept, last = 0, None
        for moment in ordered:
            if kept >= count:
                break
            period = period_of(moment)
            if period == last:
                continue
            last = period
            if moment not in keep:
                keep.add(moment)
                kept += 1
    return keep | set(ordered[:1])


def rotate(folder: Path, retention: Retention = Retention(), *, now: datetime | None = None) -> list[Path]:
    """Delete our backups that ``plan_rotation`` does not keep, and .tmp files left by a
    program that died mid-backup. Files that are not ours are never touched."""
    backups = list_backups(folder)
    keep = plan_rotation([b.taken_at for b in backups], retention)
    removed = []
    for b in backups:
        if b.taken_at not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError as err:
                log.warning("could not remove the old backup %s: %s", b.path.name, err)
    if now is not None:
        for path in folder.glob("branch-*.sqlite.tmp"):
            try:
                if _TMP.match(path.name) and datetime.fromtimestamp(path.stat().st_mtime) < now - STALE_TMP:
                    path.unlink()
            except OSError:
                pass
    return removed


# -- restoring -----------------------------------------------------------------------

def _companions(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal")]


def _aside_raw(db_path: Path, stamp: str) -> Path:
    """The current files moved aside as they are (a damaged database cannot be read whole)."""
    target = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}.sqlite")
    n = 1
    while target.exists():
        target = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}-{n}.sqlite")
        n += 1
    shutil.copyfile(db_path, target)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    fsync_file(target)
    return target


def restore(db_path: Path, candidate: Path, *, now: datetime) -> Path | None:
    """Put ``candidate`` in place of the branch database. Every connection to ``db_path`` must be
    closed (the window's, the command line's). The current database is kept aside first — that
    file is returned (None when there was none) and restoring it undoes this restore.

    The restored file may be of an older schema: the next open upgrades it (after its own copy
    aside). It opens with the password of the day it was made."""
    if not candidate.is_file():
        verify(candidate)  # says the file is not there
    data_dir = db_path.parent
    stamp = now.strftime("%Y%m%d-%H%M%S")
    incoming = data_dir / f".restore-{stamp}{TMP_SUFFIX}"
    try:
        shutil.copyfile(candidate, incoming)
        fsync_file(incoming)
        # The copy is what goes in place, so the copy is what is checked (once: ~40 ms for ten
        # years of records, bench/bench_backup.py).
        verify(incoming, shown=candidate)
    except BackupError:
        remove_file(incoming)
        raise
    except OSError as err:
        remove_file(incoming)
        raise _write_failed(data_dir, err) from err
    aside = None
    try:
        if db_path.exists():
            from db.integrity import check_database
            healthy = check_database(db_path).ok
            try:
                if healthy:
                    # One consistent file, its WAL folded in; then the WAL is emptied so that
                    # nothing of the old database can be replayed into the restored one.
                    aside = copy_aside(db_path, "restore")
                    con = sqlite3.connect(db_path)
                    try:
                        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    finally:
                        con.close()
            except sqlite3.DatabaseError:
                healthy = False
            if not healthy:
                # Damaged: the files as they are, byte for byte, for whoever looks into it.
                if aside is not None:
                    remove_file(aside)
                aside = _aside_raw(db_path, stamp)
            log.info("database copied aside to %s before the restore", aside.name)
        # The old WAL and shared memory go before the new file arrives: SQLite would otherwise
        # apply the old database's WAL to the restored one.
        for extra in _companions(db_path):
            if extra.exists():
                extra.unlink()
        os.replace(incoming, db_path)
        fsync_dir(data_dir)
    except OSError as err:
        remove_file(incoming)
        raise _write_failed(data_dir, err) from err
    finally:
        remove_file(incoming)
    log.info("restored %s from %s", db_path, candidate)
    return aside
