"""One window per data folder (issue 8). The first start holds the instance lock (an OS file lock,
gone with the process however it ends) and watches the ``.running/`` folder; a second start finds
the lock taken, drops a ``raise`` request there, waits a moment for the first to take it (and come
to the front), says so briefly, and ends. Two windows on one database would each show records the
other is changing, and a restore in one would pull the file from under the other.

A file and QFileSystemWatcher (QtCore), not a QLocalServer: the release bundle leaves QtNetwork
out (installer/bundle.py), and the data folder is on a local disk anyway (network shares are
refused), where the watcher is told at once.
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.instance import RUNNING_DIR, InstanceLock

log = logging.getLogger(__name__)

REQUEST = "raise.request"
ANSWER_WAIT_S = 3.0
# The second start's message closes by itself: it only explains why no new window appeared.
MESSAGE_MS = 4000


class SingleInstance(QObject):
    raiseRequested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.folder = data_dir / RUNNING_DIR
        self.lock = InstanceLock(data_dir)
        self.watcher: QFileSystemWatcher | None = None

    def claim(self) -> bool:
        """True: this is the first start (the lock held, the request folder watched)."""
        try:
            ok = self.lock.acquire()
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            # A folder we cannot write in: the start reports that itself (ensure_writable).
            log.warning("no instance lock in %s: %s", self.data_dir, err)
            return True
        if not ok:
            return False
        self._take_request()  # one left by a second start while no first was running
        self.watcher = QFileSystemWatcher([str(self.folder)], self)
        self.watcher.directoryChanged.connect(lambda _path: self._take_request() and self.raiseRequested.emit())
        return True

    def _take_request(self) -> bool:
        try:
            (self.folder / REQUEST).unlink()
            return True
        except OSError:
            return False

    def ask_first_to_raise(self) -> bool:
        """Leave the request; True when the first start took it in time."""
        request = self.folder / REQUEST
        try:
            request.write_text("raise", encoding="ascii")
        except OSError:
            return False
        deadline = time.monotonic() + ANSWER_WAIT_S
        while time.monotonic() < deadline:
            if not request.exists():
                return True
            time.sleep(0.05)
        self._take_request()
        return False

    def release(self) -> None:
        if self.watcher is not None:
            # Not deleteLater: the watcher is this object's child and goes with it, perhaps
            # before a deferred delete would run (a second delete crashes).
            self.watcher.removePaths(self.watcher.directories())
            self.watcher.blockSignals(True)
            self.watcher = None
        self.lock.release()


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def claim_or_tell(data_dir: Path, parent: QObject | None = None) -> SingleInstance | None:
    """The first start gets its SingleInstance (connect ``raiseRequested``); a second one
    raises the first, shows a brief message and gets None."""
    instance = SingleInstance(data_dir, parent)
    if instance.claim():
        return instance
    raised = instance.ask_first_to_raise()
    if raised:
        text = QCoreApplication.translate("SingleInstance", "BranchDesk is already open on this data folder ({path}); its window has been brought to the front.").format(path=data_dir)
    else:
        text = QCoreApplication.translate("SingleInstance", "BranchDesk is already open on this data folder ({path}). Switch to its window.").format(path=data_dir)
    print(text, file=sys.stderr, flush=True)
    box = QMessageBox(QMessageBox.Information, QCoreApplication.translate("Messages", "BranchDesk"), text)
    QTimer.singleShot(MESSAGE_MS, box.accept)
    box.exec()
    return None
