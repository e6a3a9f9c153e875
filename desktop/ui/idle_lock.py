"""The idle lock: after N minutes without a key press or a mouse click, the window's content
hides behind a lock screen until the password is typed again.

The data key stays in memory while locked (the program is still running and a background
import may still be writing); what the lock protects is the screen: every page and every
other window of the program (a member dialog showing an ID number …) is hidden, and comes
back only after the password opens the branch's envelope again (db/keyring.py).

Input is watched with one application-wide event filter that only notes the time; a timer
looks at that time a few times per period, so moving the mouse costs nothing more.
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget


if TYPE_CHECKING:
    from desktop.context import AppContext

SETTING = "security.idle_lock_minutes"
DEFAULT_MINUTES = 10
INPUT_EVENTS = frozenset({QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel,
                          QEvent.TouchBegin, QEvent.TabletPress})


class LockScreen(QWidget):
    unlocked = Signal()

    def __init__(self, ctx: "AppContext", parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#lockScreen { background: #f3f1ee; }")
        title = QLabel(self.tr("BranchDesk is locked"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignCenter)
        note = QLabel(self.tr("It was left alone for a while. Type the password to go on."))
        note.setAlignment(Qt.AlignCenter)
        note.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setMaxLength(200)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        # A plain label, not a FieldMessage: in this fixed-width box it wraps to its full height.
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignCenter)
        self.message.setStyleSheet("color: #c62828;")
        # Room for two lines from the start: the centred box does not grow with a wrapped label.
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2 + 4)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.clicked.connect(self.try_unlock)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setSpacing(12)
        for w in (title, note, self.password, self.message, self.button):
            inner.addWidget(w)
        box.setFixedWidth(self.fontMetrics().horizontalAdvance("汉") * 30)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignHCenter)
        outer.addStretch(2)
        self.failures = 0

    def try_unlock(self) -> bool:
        from db.keyring import check_password
        if check_password(self.ctx.db, self.password.text()):
            self.password.clear()
            self.message.clear()
            self.failures = 0
            self.unlocked.emit()
            return True
        self.failures += 1
        self.password.clear()
        self.message.setText(self.tr("The password is wrong. Check the keyboard's language and Caps Lock, then try again."))
        if self.failures % 5 == 0:
            # Five wrong tries in a row: a pause before the next.
            self.button.setEnabled(False)
            self.password.setEnabled(False)
            QTimer.singleShot(10_000, lambda: (self.button.setEnabled(True), self.password.setEnabled(True)))
        return False


class IdleLock(QObject):
    """Locks ``window`` after ``minutes`` without input; 0 = never."""
    locked_changed = Signal(bool)

    def __init__(self, window: QWidget, ctx: "AppContext", minutes: float | None = None):
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self.last_input = time.monotonic()
        self.screen: LockScreen | None = None
        self.hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._check)
        QApplication.instance().installEventFilter(self)
        window.installEventFilter(self)
        self.set_minutes(float(ctx.settings.get(SETTING) if minutes is None else minutes))

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def set_minutes(self, minutes: float) -> None:
        self.seconds = max(0.0, minutes * 60)
        self.last_input = time.monotonic()
        if self.seconds:
            # Looked at about ten times per period, at most every 15 s.
            self.timer.start(int(min(15.0, self.seconds / 10) * 1000) or 1)
        else:
            self.timer.stop()

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            self.last_input = time.monotonic()
        elif kind == QEvent.Resize and obj is self.window and self.screen is not None:
            self.screen.setGeometry(self.window.rect())
        return False

    def _check(self) -> None:
        if not self.locked and self.seconds and time.monotonic() - self.last_input >= self.seconds:
            self.lock()

    def lock(self) -> None:
        from db.keyring import has_password
        if self.locked or not has_password(self.ctx.db):
            return  # the demo branch has no password to ask for
        # Every other window of the program: dialogs can show personal data too. Message boxes
        # stay: they hold a question, not a member's data, and hiding one in its exec() would
        # answer it (Cancel) behind the user's back.
        self.hidden = [w for w in QApplication.topLevelWidgets()
                       if w is not self.window and w.isVisible() and not isinstance(w, QMessageBox)]
        for w in self.hidden:
            w.hide()
        self.screen = LockScreen(self.ctx, self.window)
        self.screen.unlocked.connect(self.unlock)
        self.screen.setGeometry(self.window.rect())
        self.window.centralWidget().hide()
        self.screen.show()
        self.screen.raise_()
        self.screen.password.setFocus()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        if self.screen is None:
            return
        self.screen.hide()
        self.screen.deleteLater()
        self.screen = None
        self.window.centralWidget().show()
        for w in self.hidden:
            w.show()
        self.hidden = []
        self.last_input = time.monotonic()
        self.locked_changed.emit(False)

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
