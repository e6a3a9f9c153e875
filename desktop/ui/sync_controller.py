"""The background sender and the sync state in the status bar.

Every minute the controller asks the sync service whether something waits and the back-off
allows a try (``SyncService.due``); if so it sends on a pool thread. The send runs on the
read pool, not on the single database-write lane (STYLE): it spends its time waiting for the
network — up to the transport's timeout — and would hold up every other write meanwhile; its
own writes (a packet marked sent, the state) are short transactions that SQLite's busy
timeout covers. One send at a time (the service's own lock).

One controller per open branch (``SyncController.of(ctx)``): the status bar, the settings
page's sync section and the home page see the same state.
"""
from __future__ import annotations

import logging
from datetime import datetime

import shiboken6

from PySide6.QtCore import QObject, QTimer, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.services.sync import SyncResult, SyncService, SyncStatus
from desktop.ui.worker import Task, run

log = logging.getLogger(__name__)

TICK_MS = 60_000
FIRST_TICK_MS = 5_000
MAX_ERROR_CHARS = 36
SEPARATOR = " · "  # the same in both languages


def when_text(moment: datetime | None, today) -> str:
    if moment is None:
        return ""
    return moment.strftime("%H:%M") if moment.date() == today else moment.strftime("%m-%d %H:%M")


class SyncStatusLabel(QLabel):
    """同步：上次成功 11-20 09:30 · 待发送 2 · 无法连接服务器… (the whole error in the tooltip)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setTextFormat(Qt.PlainText)

    def show_status(self, status: SyncStatus, today, running: bool = False) -> None:
        if not status.enrolled:
            parts = [self.tr("Sync: not enrolled")]
            if status.waiting:
                parts.append(self.tr("{n} waiting").format(n=status.waiting))
        else:
            parts = [self.tr("Sync: sending…") if running else (
                self.tr("Sync: last success {when}").format(when=when_text(status.last_success_at, today))
                if status.last_success_at else self.tr("Sync: not yet sent"))]
            parts.append(self.tr("{n} waiting").format(n=status.waiting))
            if status.refused:
                parts.append(self.tr("{n} refused by the server").format(n=status.refused))
        error = status.last_error
        if error:
            short = error if len(error) <= MAX_ERROR_CHARS else error[:MAX_ERROR_CHARS - 1] + "…"
            parts.append(self.tr("error: {message}").format(message=short))
        self.setText(SEPARATOR.join(parts))
        self.setStyleSheet("QLabel#syncStatus { color: #b71c1c; }" if error else "")
        self.setToolTip(error)


class SyncController(QObject):
    changed = Signal(object)      # SyncStatus
    noticesArrived = Signal(int)  # how many new ones

    def __init__(self, ctx, service: SyncService | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = service or SyncService(ctx)
        self.label = SyncStatusLabel()
        self.status: SyncStatus | None = None
        self.running = False
        self._again = False
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    @classmethod
    def of(cls, ctx, parent: QObject | None = None) -> "SyncController":
        """The branch's controller, made on first use (the main window makes it, as its child:
        its timer ends with the window)."""
        controller = getattr(ctx, "_sync_controller", None)
        if controller is None:
            controller = cls(ctx, parent=parent)
            ctx._sync_controller = controller
        return controller

    def start(self) -> None:
        self.refresh()
        self.timer.start()
        QTimer.singleShot(FIRST_TICK_MS, self.tick)

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> SyncStatus:
        self.status = self.service.status()
        self.label.show_status(self.status, self.ctx.clock.today(), self.running)
        self.changed.emit(self.status)
        return self.status

    # -- sending -------------------------------------------------------------------------
    def tick(self) -> None:
        """The background sender's turn: send if something waits and the back-off allows."""
        if self.running or not self.timer.isActive():
            return
        try:
            due = self.service.due()
        except Exception:  # noqa: BLE001 — the branch may be closing; the next tick tries again
            log.exception("sync: could not read the outbox")
            return
        if not due:
            return
        self._start(lambda: self.service.send())

    def sync_now(self) -> Task | None:
        """立即同步: send what waits and fetch notices, whatever the back-off says. While a
        send is running, one more follows it (a month closed meanwhile goes at once)."""
        if self.running:
            self._again = True
            return None
        return self._start(self.service.sync_now)

    def _start(self, fn) -> Task:
        self.running, self._again = True, False
        self.label.show_status(self.status or self.service.status(), self.ctx.clock.today(), True)
        return run(fn).on_success(self._done).on_failure(self._failed)

    def _alive(self) -> bool:
        # The window (and with it this controller) may have closed while the send ran.
        return shiboken6.isValid(self) and shiboken6.isValid(self.label)

    def _done(self, result: SyncResult) -> None:
        if not self._alive():
            return
        self.running = False
        if result.notices:
            self.noticesArrived.emit(result.notices)
        self.refresh()
        if self._again:
            self.sync_now()

    def _failed(self, err: BaseException) -> None:
        if not self._alive():
            return
        self.running = False
        self.refresh()
        from desktop.ui.messages import is_known
        if is_known(err):
            log.warning("sync: %s", err)  # not enrolled, a file not written …: the caller says so
        else:
            import sys
            sys.excepthook(type(err), err, err.__traceback__)  # a bug: the crash dialog
