"""One window per data folder (issue 8). The first start holds the instance lock (an OS file lock,
gone with the process however it ends) and listens on a local socket named after the data
folder; a second start finds the lock taken, asks the first to come to the front, says so
briefly, and ends. Two windows on one database would each show records the other is changing,
and a restore in one would pull the file from under the other.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.instance import InstanceLock, server_name

log = logging.getLogger(__name__)

RAISE = b"raise\n"
CONNECT_MS = 2000
# The second start's message closes by itself: it only explains why no new window appeared.
MESSAGE_MS = 4000


class SingleInstance(QObject):
    raiseRequested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock = InstanceLock(data_dir)
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        """True: this is the first start (the lock held, the socket listening)."""
        try:
            ok = self.lock.acquire()
        except OSError as err:
            # A folder we cannot write in: the start reports that itself (ensure_writable).
            log.warning("no instance lock in %s: %s", self.data_dir, err)
            return True
        if not ok:
            return False
        name = server_name(self.data_dir)
        # A socket file left by a first start that was killed (Unix): the lock says it is dead.
        QLocalServer.removeServer(name)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.UserAccessOption)
        if not self.server.listen(name):
            log.warning("single instance: cannot listen on %s: %s", name, self.server.errorString())
        self.server.newConnection.connect(self._connection)
        return True

    def _connection(self) -> None:
        # A second start connecting is the whole request: it has nothing else to say.
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.abort()
            socket.deleteLater()
            self.raiseRequested.emit()

    def ask_first_to_raise(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(server_name(self.data_dir))
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(RAISE)
        socket.waitForBytesWritten(CONNECT_MS)
        socket.abort()
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
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
