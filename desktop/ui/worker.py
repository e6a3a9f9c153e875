"""One background helper for long work (STYLE: Anki's CollectionOp, Picard's run_task).

    run(importer.read_plan, ctx, path).with_progress(self, label).on_success(show).on_failure(cb)

The work starts on the next turn of the event loop, so the chained calls above are all
in place before it begins. ``fn`` runs on a pool thread; its result or exception comes
back on the UI thread through a queued signal, so callbacks may touch widgets. Writes to
the branch database go through ``run_write``: one thread, one at a time, in order — SQLite
has one writer, and two imports racing would interleave their batches.
"""
from __future__ import annotations

import logging
import sys
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

# Progress reports closer together than this are dropped (except the last): an import
# of 5,000 rows must not queue 5,000 repaints.
_PROGRESS_INTERVAL = 0.05

_write_pool: QThreadPool | None = None
# Tasks hold themselves alive here until their callbacks have run: the caller usually
# keeps no reference to the object the fluent chain returns.
_alive: set["Task"] = set()


def _pool(write: bool) -> QThreadPool:
    global _write_pool
    if not write:
        return QThreadPool.globalInstance()
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
        _write_pool.setObjectName("branchdesk-write-lane")
    return _write_pool


class _Emitter(QObject):
    """Lives on the UI thread; the pool thread emits, Qt queues the delivery."""
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, task: "Task"):
        super().__init__()
        self.setAutoDelete(True)
        self._task = task

    def run(self) -> None:
        task = self._task
        kwargs = dict(task._kwargs)
        if task._wants_progress:
            kwargs["progress"] = task._report
        try:
            result = task._fn(*task._args, **kwargs)
        except BaseException as err:  # noqa: BLE001 — everything goes back to the UI thread
            # The traceback would be lost once the exception object crosses threads
            # without it; keep it for the crash dialog and the log.
            err.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            task._emitter.failed.emit(err)
        else:
            task._emitter.succeeded.emit(result)


class Task(QObject):
    """What ``run`` returns. Chain ``on_success``, ``on_failure``, ``with_progress``."""

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, *, write: bool):
        super().__init__()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._write = write
        self._success: list[Callable[[Any], None]] = []
        self._failure: list[Callable[[BaseException], None]] = []
        self._wants_progress = False
        self._dialog: QProgressDialog | None = None
        self._last_report = 0.0
        self._started = False
        self.finished = False
        self._emitter = _Emitter()
        # Bound slots of a QObject living on the UI thread: the connection is queued when
        # the pool thread emits (a plain lambda would run on the pool thread).
        self._emitter.succeeded.connect(self._on_succeeded, Qt.QueuedConnection)
        self._emitter.failed.connect(self._on_failed, Qt.QueuedConnection)
        self._emitter.progressed.connect(self._on_progressed, Qt.QueuedConnection)
        _alive.add(self)
        QTimer.singleShot(0, self.start)

    # -- the fluent part -----------------------------------------------------------
    def on_success(self, callback: Callable[[Any], None]) -> "Task":
        self._success.append(callback)
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> "Task":
        """Replaces the default handling (a message box for a KnownError, the crash dialog
        for anything else)."""
        self._failure.append(callback)
        return self

    def with_progress(self, parent: QWidget | None, label: str) -> "Task":
        """Show a progress dialog and pass ``progress=(done, total)`` to ``fn``.

        ``fn`` must accept that keyword (the importer's functions do)."""
        self._wants_progress = True
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setCancelButton(None)  # the work cannot be interrupted half-way
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(400)  # quick work does not flash a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        self._dialog = dialog
        return self

    # -- running -----------------------------------------------------------------
    def start(self) -> "Task":
        """Start now (normally it starts by itself on the next event-loop turn)."""
        if not self._started:
            self._started = True
            if self._dialog is not None:
                self._dialog.setValue(0)
            _pool(self._write).start(_Job(self))
        return self

    def _report(self, done: int, total: int) -> None:
        # Called on the pool thread by ``fn``.
        now = time.monotonic()
        if done >= total or now - self._last_report >= _PROGRESS_INTERVAL:
            self._last_report = now
            self._emitter.progressed.emit(int(done), int(total))

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._dialog is not None and not self.finished:
            self._dialog.setMaximum(max(total, 1))
            self._dialog.setValue(min(done, max(total, 1)))

    def _finish(self) -> None:
        self.finished = True
        if self._dialog is not None:
            self._dialog.reset()  # stops its show-after-delay timer as well
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        _alive.discard(self)

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self._finish()
        for callback in self._success:
            callback(result)

    @Slot(object)
    def _on_failed(self, err: BaseException) -> None:
        self._finish()
        log.error("background work %s failed:\n%s", getattr(self._fn, "__qualname__", self._fn),
                  getattr(err, "__traceback_text__", repr(err)))
        if self._failure:
            for callback in self._failure:
                callback(err)
        else:
            # No one asked to handle it: the same path as an exception anywhere in the UI
            # (message box for a KnownError, crash dialog for a bug).
            sys.excepthook(type(err), err, err.__traceback__)


def run(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
    """Run ``fn(*args, **kwargs)`` on a pool thread (reads, file parsing)."""
    return Task(fn, args, kwargs, write=False)


def run_write(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
    """Run ``fn`` on the single database-write lane, after any write queued before it."""
    return Task(fn, args, kwargs, write=True)


def wait_idle(timeout_ms: int = 30000) -> bool:
    """Wait for both lanes to drain (used when the window closes, and in tests)."""
    ok = QThreadPool.globalInstance().waitForDone(timeout_ms)
    if _write_pool is not None:
        ok = _write_pool.waitForDone(timeout_ms) and ok
    return ok
