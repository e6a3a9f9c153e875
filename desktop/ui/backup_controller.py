"""Backups while the window runs: one a day (at start when the newest is a day old, and on an
hourly look), one when the program closes — after the last write has finished — and the state
in the status bar, in warning colours when the newest backup is old or the second location
(the USB stick) failed (issue 8).

Backups go through the database-write lane (STYLE): no write of the program's own is in the
middle of its transaction when the copy is taken, and two backups never run at once.
One controller per open branch (``BackupController.of(ctx)``), like the sync controller.
"""
from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.services.backups import OVERDUE_DAYS, BackupService, BackupStatus
from desktop.ui.sync_controller import SEPARATOR, when_text
from desktop.ui.worker import Task, run_write

log = logging.getLogger(__name__)

FIRST_LOOK_MS = 10_000   # after the start settles: the home page first
LOOK_MS = 60 * 60_000    # then hourly: a PC left on for days still backs up daily


class BackupStatusLabel(QLabel):
    """备份：今天 09:30 · or, in red, 备份：上次 11-14 09:30，已超过 3 天 · 第二备份位置失败."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backupStatus")
        self.setTextFormat(Qt.PlainText)

    def show_status(self, status: BackupStatus, today, running: bool = False) -> None:
        if running:
            parts = [self.tr("Backup: backing up…")]
        elif status.last_at is None:
            parts = [self.tr("Backup: none yet")]
        elif status.overdue:
            parts = [self.tr("Backup: last {when}, more than {days} days ago").format(
                when=when_text(status.last_at, today), days=OVERDUE_DAYS)]
        else:
            parts = [self.tr("Backup: {when}").format(when=when_text(status.last_at, today))]
        if status.second_error:
            parts.append(self.tr("second location failed"))
        warn = not running and (status.overdue or bool(status.second_error))
        self.setText(SEPARATOR.join(parts))
        self.setStyleSheet("QLabel#backupStatus { color: #b71c1c; }" if warn else "")
        self.setToolTip(status.second_error or "")

    def show_read_only(self) -> None:
        self.setText(self.tr("Read-only: the database is damaged — restore a backup (Settings → Backups)"))
        self.setStyleSheet("QLabel#backupStatus { color: #b71c1c; font-weight: bold; }")


class BackupController(QObject):
    changed = Signal(object)  # BackupStatus

    def __init__(self, ctx, service: BackupService | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = service or BackupService(ctx.data_dir, ctx.clock)
        self.label = BackupStatusLabel()
        self.status: BackupStatus | None = None
        self.running = False
        # After a restore the program closes on the restored file: no backup of it on the way out.
        # A damaged file opened to be looked at is not backed up either (the checks would refuse it).
        self.read_only = bool(getattr(getattr(ctx, "guard", None), "read_only", False))
        self.enabled = not self.read_only
        self.timer = QTimer(self)
        self.timer.setInterval(LOOK_MS)
        self.timer.timeout.connect(self.look)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.backup_on_exit)

    @classmethod
    def of(cls, ctx, parent: QObject | None = None) -> "BackupController":
        controller = getattr(ctx, "_backup_controller", None)
        if controller is None:
            controller = cls(ctx, parent=parent)
            ctx._backup_controller = controller
        return controller

    def start(self) -> None:
        self.refresh()
        self.timer.start()
        QTimer.singleShot(FIRST_LOOK_MS, self.look)

    def refresh(self) -> BackupStatus:
        self.status = self.service.status()
        if self.read_only:
            self.label.show_read_only()
        else:
            self.label.show_status(self.status, self.ctx.clock.today(), self.running)
        self.changed.emit(self.status)
        return self.status

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and shiboken6.isValid(self.label)

    # -- backing up ------------------------------------------------------------------------
    def look(self) -> None:
        """The daily backup, when the newest is a day old."""
        if not self._alive() or self.running or not self.enabled or not self.timer.isActive():
            return
        try:
            due = self.service.due()
        except Exception:  # noqa: BLE001 — a folder gone missing; the next look tries again
            log.exception("backup: could not look at the backup folder")
            return
        if due:
            self.backup_now(quiet=True)

    def backup_now(self, *, quiet: bool = False) -> Task | None:
        if self.running or not self.enabled:
            return None
        self.running = True
        self.label.show_status(self.status or self.service.status(), self.ctx.clock.today(), True)
        task = run_write(self.service.backup_now).on_success(self._done)
        task.on_failure(self._failed_quietly if quiet else self._failed)
        return task

    def _done(self, _result) -> None:
        if self._alive():
            self.running = False
            self.refresh()

    def _failed_quietly(self, err: BaseException) -> None:
        # The daily backup failing (a full disk) must not interrupt the work with a dialog:
        # the status bar turns red and says why in its tooltip.
        log.warning("backup failed: %s", err)
        if self._alive():
            self.running = False
            self.refresh()
            self.label.setToolTip(str(err))
            self.label.setStyleSheet("QLabel#backupStatus { color: #b71c1c; }")

    def _failed(self, err: BaseException) -> None:
        if not self._alive():
            return
        self.running = False
        self.refresh()
        import sys
        sys.excepthook(type(err), err, err.__traceback__)  # a message box for a KnownError

    def backup_on_exit(self) -> None:
        """The program is closing: after the writes still running, one last backup."""
        if not self.enabled or not self._alive():
            return
        from desktop.ui import worker
        self.timer.stop()
        worker.wait_idle()
        try:
            result = self.service.backup_now()
            log.info("backup on exit: %s in %.2f s", result.path.name, result.seconds)
        except Exception:  # noqa: BLE001 — closing: nobody to tell but the log
            log.exception("backup on exit failed")
