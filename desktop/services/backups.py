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
        return db_backup.restore(self.db_path, Path(candidate), now=self.clock.now())

    def verify(self, candidate: Path) -> db_backup.Verified:
        return db_backup.verify(Path(candidate))


def start_checks(data_dir: Path) -> StartGuard:
    """Before the database opens: refuse a network share; place the running marker; check the
    file — quickly every time, fully (integrity and foreign keys) after an unclean exit.
    A damaged file raises DamagedDatabase (nothing is written to it)."""
    ensure_local(data_dir)
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
    if not result.ok:
        log.error("database check failed: %s", "; ".join(result.problems[:5]))
        marker.release()
        # An unlocked marker: the next start checks fully again.
        marker.folder.joinpath("damaged.run").touch()
        raise DamagedDatabase(result, data_dir)
    return StartGuard(marker, unclean)


__all__ = ["BackupService", "BackupStatus", "BackupConfig", "DamagedDatabase", "start_checks", "BackupError", "Backup"]
