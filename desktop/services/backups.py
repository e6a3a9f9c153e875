"""Backups as the secretary sees them: where they go (and a second place, a USB stick), when the
last one was made, one daily and one at every exit, a restore from any of them; and the checks
at every start (issue 8).

Where the backups go is kept in ``backup.json`` beside the database, not in it: the folders
are this PC's (a drive letter, a stick), and they must be known when the database is damaged
or has just been replaced by a restore.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from core.clock import Clock, SystemClock
from core.i18n import translate
from db import backup as db_backup
from db.backup import Backup, BackupError, BackupResult
from db.engine import DB_FILENAME
from db.integrity import CheckResult, check_database
from desktop.instance import RunningMarker, StartGuard, ensure_local
from desktop.services.errors import KnownError, disk_trouble

log = logging.getLogger(__name__)

CONFIG_FILE = "backup.json"
DEFAULT_FOLDER = "backups"
# A daily backup is due when the newest is older than this.
DAILY = timedelta(hours=24)
# The window warns when the newest backup is older than this.
OVERDUE_DAYS = 3


class DamagedDatabase(KnownError):
    """The start-up check found the database damaged. ``check`` says how; a backup restores it."""

    def __init__(self, check: CheckResult, data_dir: Path):
        self.check = check
        self.data_dir = data_dir
        super().__init__(translate("backup", "The branch database {path} is damaged ({problem}). Nothing has been changed. Restore the newest backup: in the window, or with “branchdesk restore FILE” (the backups are listed by “branchdesk check”).").format(
            path=check.path, problem=check.problems[0] if check.problems else "?"))


@dataclass(frozen=True)
class BackupConfig:
    folder: Path
    second: Path | None
    custom_folder: bool


@dataclass(frozen=True)
class BackupStatus:
    last_at: datetime | None
    overdue: bool
    second_error: str | None
    count: int


@dataclass(frozen=True)
class ListedBackup:
    path: Path
    taken_at: datetime
    size: int
    second: bool  # in the second location


class BackupService:
    def __init__(self, data_dir: Path, clock: Clock | None = None):
        self.data_dir = data_dir
        self.clock = clock or SystemClock()

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    # -- configuration -------------------------------------------------------------
    def _state(self) -> dict:
        try:
            value = json.loads((self.data_dir / CONFIG_FILE).read_text(encoding="utf-8"))
            return value if isinstance(value, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save(self, **changes) -> None:
        state = self._state()
        state.update(changes)
        target = self.data_dir / CONFIG_FILE
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, target)

    def config(self) -> BackupConfig:
        state = self._state()
        folder = state.get("folder")
        second = state.get("second")
        return BackupConfig(Path(folder) if folder else self.data_dir / DEFAULT_FOLDER,
                            Path(second) if second else None, bool(folder))

    def set_folder(self, folder: Path | None) -> None:
        if folder is not None:
            folder = Path(folder)
            if folder.resolve() == self.data_dir.resolve():
                raise KnownError(translate("backup", "Choose a folder for the backups other than the data folder itself."))
        self._save(folder=str(folder) if folder else None)

    def set_second(self, folder: Path | None) -> None:
        self._save(second=str(folder) if folder else None, second_error=None)

    # -- what there is -------------------------------------------------------------
    def backups(self) -> list[ListedBackup]:
        """Backups in both locations, newest first (one in both places is listed once, from
        the backup folder)."""
        config = self.config()
        seen: set[str] = set()
        out = []
        for second, folder in ((False, config.folder), (True, config.second)):
            if folder is None:
                continue
            for b in db_backup.list_backups(folder):
                if b.path.name not in seen:
                    seen.add(b.path.name)
                    out.append(ListedBackup(b.path, b.taken_at, b.size, second))
        out.sort(key=lambda b: b.taken_at, reverse=True)
        return out

    def last_backup(self) -> datetime | None:
        listed = db_backup.list_backups(self.config().folder)
        return listed[0].taken_at if listed else None

    def due(self) -> bool:
        last = self.last_backup()
        return self.db_path.exists() and (last is None or self.clock.now() - last >= DAILY)

    def status(self) -> BackupStatus:
        last = self.last_backup()
        overdue = last is None or self.clock.now() - last > timedelta(days=OVERDUE_DAYS)
        return BackupStatus(last, overdue, self._state().get("second_error"), len(db_backup.list_backups(self.config().folder)))

    # -- doing ---------------------------------------------------------------------
    def backup_now(self, to: Path | None = None) -> BackupResult:
        """One verified backup into the backup folder (or ``to``), rotated, copied to the
        second location when one is set."""
        config = self.config()
        dest = Path(to) if to else config.folder
        second = None if to else config.second
        result = db_backup.make_backup(self.db_path, dest, self.clock.now(), second_dir=second)
        if second is not None:
            self._save(second_error=result.second_error)
        return result

    def restore(self, candidate: Path) -> Path | None:
        """Put ``candidate`` in place of the database (its connections closed). Returns the
        copy of the database as it was (restoring that undoes this)."""
        from desktop.services import restore_record
        now = self.clock.now()
        aside = db_backup.restore(self.db_path, Path(candidate), now=now)
        _READ_ONLY.discard(_same_file(self.db_path))  # the restored file is whole: writable again
        try:
            # The restored file's audit log gets its line at the next open (the key is needed).
            restore_record.note(self.data_dir, self.db_path, Path(candidate), now)
        except (OSError, sqlite3.Error) as err:
            # The restore is done and cannot be taken back for this: say so where it is kept.
            log.error("the restore could not be noted for the audit log: %s", getattr(err, "strerror", None) or err)
        return aside

    def verify(self, candidate: Path) -> db_backup.Verified:
        return db_backup.verify(Path(candidate))


def start_checks(data_dir: Path) -> StartGuard:
    """Before the database opens: refuse a network share; place the running marker; check the
    file — quickly every time, fully (integrity and foreign keys) after an unclean exit.
    A damaged file raises DamagedDatabase (nothing is written to it)."""
    ensure_local(data_dir)
    _READ_ONLY.discard(_same_file(data_dir / DB_FILENAME))  # decided afresh at every start
    marker = RunningMarker(data_dir)
    unclean = marker.acquire()
    try:
        result = check_database(data_dir / DB_FILENAME, full=unclean)
    except BaseException as err:
        # A full or failing disk (check_database raises for those): let go of the marker, an
        # open file that keeps the folder from being retried or unmounted — and if the last
        # session ended uncleanly, leave a marker saying so, for the next start's full check.
        marker.release()
        if unclean:
            try:
                marker.folder.joinpath("unclean.run").touch()
            except OSError:
                pass
        trouble = disk_trouble(err, data_dir)
        if trouble is not None:
            raise trouble from err
        raise
    if unclean:
        log.warning("the last session ended without closing the branch: full check %s",
                    "passed" if result.ok else "FAILED")
    wants_view = _take_read_only_request(data_dir)
    if not result.ok:
        log.error("database check failed: %s", "; ".join(result.problems[:5]))
        if wants_view:
            # Asked for in the restore wizard: look, change nothing (every connection to the
            # file refuses writes — SQLite writing into a damaged b-tree can spread the damage).
            _READ_ONLY.add(_same_file(data_dir / DB_FILENAME))
            log.warning("damaged database opened read-only on request")
            return StartGuard(marker, unclean, read_only=True, problems=tuple(result.problems))
        marker.release()
        # An unlocked marker: the next start checks fully again.
        marker.folder.joinpath("damaged.run").touch()
        raise DamagedDatabase(result, data_dir)
    return StartGuard(marker, unclean)


# -- a damaged database, looked at ------------------------------------------------------

READ_ONLY_REQUEST = "read-only.request"
_READ_ONLY: set[str] = set()


def _same_file(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def request_read_only(data_dir: Path) -> None:
    """The next start on ``data_dir`` opens a damaged database read-only instead of refusing
    it (the restore wizard's 只读打开). One start only; a healthy file ignores it."""
    folder = RunningMarker(data_dir).folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / READ_ONLY_REQUEST).write_text("1", encoding="ascii")


def _take_read_only_request(data_dir: Path) -> bool:
    try:
        (RunningMarker(data_dir).folder / READ_ONLY_REQUEST).unlink()
        return True
    except OSError:
        return False


def is_read_only(path: Path) -> bool:
    return _same_file(path) in _READ_ONLY


def watch_read_only(engine) -> None:
    """When the branch database of ``engine`` was opened read-only on request (is_read_only),
    every connection refuses writes (an authorizer, ``PRAGMA query_only`` behind it) and what
    it refuses, or cannot read in the damaged part, is a plain message. Else nothing."""
    database = engine.url.database
    if not database or not is_read_only(Path(database)):
        return
    import sqlite3

    from sqlalchemy import event

    writes = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}

    def deny_writes(action, _arg1, _arg2, database, _trigger):
        # Refused when the statement is prepared, as "not authorized": not an error of the disk
        # (errors.watch_disk would call a refused write a read-only disk), so ``explain`` names it.
        return sqlite3.SQLITE_DENY if action in writes and database == "main" else sqlite3.SQLITE_OK

    def query_only(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA query_only=ON")  # whatever the authorizer lets through
        dbapi_conn.set_authorizer(deny_writes)

    def explain(context) -> None:
        # A write refused by query_only would otherwise read as a read-only disk (errors.watch_disk).
        text = str(context.original_exception)
        if "not authorized" in text or "readonly" in text:
            raise KnownError(translate("backup", "The branch database is damaged and was opened only to be looked at: nothing can be changed. Restore a backup (Settings → Backups).")) from context.original_exception
        if "malformed" in text:
            # What a page reads lies in the damaged part: a message, not the crash dialog.
            raise KnownError(translate("backup", "These records lie in the damaged part of the database and cannot be read. Restore a backup (Settings → Backups).")) from context.original_exception

    # After the engine's own set-up pragmas, which write nothing to a file already in WAL mode
    # (the test compares the bytes).
    event.listen(engine, "connect", query_only)
    event.listen(engine, "handle_error", explain)


__all__ = ["BackupService", "BackupStatus", "BackupConfig", "DamagedDatabase", "start_checks", "request_read_only",
           "is_read_only", "watch_read_only", "BackupError", "Backup"]
