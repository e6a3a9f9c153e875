"""The sign-in kiosk (签到屏): a full-screen page on the secretary's PC. A USB scanner types the
code and Enter into it like a keyboard; each scan shows the member's name large — green when
signed in or out, red with the reason otherwise — with a beep (two for a refusal). It never
needs the mouse: the scanner's line keeps the keyboard focus, and Esc (confirmed) leaves.

A scan is decided and written at once on the UI thread (a few milliseconds: one small
transaction; bench/bench_signin.py measures scan-to-screen), with the roll of who is expected
read once when the kiosk opens.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QMessageBox,
                               QVBoxLayout, QWidget)

from core.signin import Outcome, State, hhmm
from desktop.services.signin import MeetingRoll, ScanResult, SigninService

IDLE_AFTER_MS = 6000
MAX_SCAN_LENGTH = 200
GREEN, RED, IDLE = "#1b5e20", "#b71c1c", "#37474f"


class ScanLine(QLineEdit):
    """Where the scanner types. Keeps the focus: nothing else on the kiosk takes it."""

    escapePressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key_Escape:
            self.escapePressed.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.window().isActiveWindow():
            QTimer.singleShot(0, self.setFocus)


class KioskWindow(QWidget):
    """``service`` and ``meeting_id``: what is signed in. ``changed`` is emitted after each
    recorded sign-in or sign-out (the sign-in desk refreshes its table)."""

    changed = Signal()
    scanned = Signal(object)  # the ScanResult, after the screen shows it

    def __init__(self, service: SigninService, meeting_id: int, parent: QWidget | None = None, *,
                 roll: MeetingRoll | None = None, now=None):
        super().__init__(parent, Qt.Window)
        self.service = service
        self.meeting_id = meeting_id
        self.roll = roll or service.roll(meeting_id)
        self._now = now  # tests: the scan time; None: the clock
        self.last: ScanResult | None = None
        self.setWindowTitle(self.tr("Sign-in — {title}").format(title=self.roll.title))
        self.setObjectName("kiosk")
        self.setStyleSheet("QWidget#kiosk { background: #fafafa; }")

        title = QLabel(self.roll.title)
        title.setWordWrap(True)
        title.setFont(self._font(2.0, bold=True))
        rules = service.rules()
        info = QLabel(self.tr("{type} · {start}–{end} · {place}    Sign in {opens}–{closes} (late after {start}); sign out from {signout}").format(
            type=self.roll.type.label, start=hhmm(self.roll.start), end=hhmm(self.roll.end), place=self.roll.place or "—",
            opens=hhmm(rules.opens(self.roll.start)), closes=hhmm(rules.closes(self.roll.start)),
            signout=hhmm(rules.signout_opens(self.roll.start, self.roll.end))))
        info.setWordWrap(True)
        info.setFont(self._font(1.15))
        info.setStyleSheet("color: #455a64;")
        self.count_label = QLabel()
        self.count_label.setFont(self._font(1.6, bold=True))
        self.count_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        head = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(info)
        head.addLayout(left, 1)
        head.addWidget(self.count_label)

        self.panel = QFrame()
        self.panel.setObjectName("panel")
        self.name_label = QLabel()
        self.name_label.setAlignment(Qt.AlignCenter)
        self.name_label.setFont(self._font(6.0, bold=True))
        self.status_label = QLabel()
        self.status_label.setAlignment(Qt.AlignCenter)
        self.status_label.setWordWrap(True)
        self.status_label.setFont(self._font(2.6, bold=True))
        self.detail_label = QLabel()
        self.detail_label.setAlignment(Qt.AlignCenter)
        self.detail_label.setWordWrap(True)
        self.detail_label.setFont(self._font(1.6))
        panel_layout = QVBoxLayout(self.panel)
        panel_layout.setContentsMargins(32, 32, 32, 32)
        panel_layout.addStretch(1)
        for label in (self.name_label, self.status_label, self.detail_label):
            label.setStyleSheet("color: white; background: transparent;")
            panel_layout.addWidget(label)
        panel_layout.addStretch(1)

        self.scan_line = ScanLine()
        self.scan_line.setMaxLength(MAX_SCAN_LENGTH)
        self.scan_line.setFont(self._font(1.3))
        self.scan_line.setPlaceholderText(self.tr("Scanner input: hold the member's code under the scanner"))
        self.scan_line.returnPressed.connect(self.submit)
        self.scan_line.escapePressed.connect(self.ask_to_leave)
        self.recent = QListWidget()
        self.recent.setFocusPolicy(Qt.NoFocus)
        self.recent.setFont(self._font(1.15))
        self.recent.setMaximumHeight(self.recent.fontMetrics().lineSpacing() * 5 + 12)
        hint = QLabel(self.tr("Esc: leave the sign-in screen"))
        hint.setStyleSheet("color: #78909c;")
        foot = QHBoxLayout()
        foot.addWidget(self.scan_line, 1)
        foot.addWidget(hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.recent)
        layout.addLayout(foot)
        for w in (title, info, self.count_label, self.panel, self.name_label, self.status_label, self.detail_label, hint):
            w.setFocusPolicy(Qt.NoFocus)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.show_idle)
        self.count_timer = QTimer(self)
        self.count_timer.setInterval(3000)  # phones sign in beside the kiosk
        self.count_timer.timeout.connect(self.refresh_count)
        self.count_timer.start()
        self.show_idle()
        self.refresh_count()
        self.scan_line.setFocus()

    def _font(self, scale: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9) * scale)
        font.setBold(bold)
        return font

    # -- showing ---------------------------------------------------------------------------
    def _paint_panel(self, colour: str) -> None:
        self.panel.setStyleSheet(f"QFrame#panel {{ background: {colour}; border-radius: 18px; }}")

    def show_idle(self) -> None:
        self._paint_panel(IDLE)
        self.name_label.setText(self.tr("Welcome"))
        self.status_label.setText(self.tr("Show your sign-in code to the scanner"))
        self.detail_label.setText("")

    def refresh_count(self) -> None:
        signed = self.service.signed_in_count(self.meeting_id)
        self.count_label.setText(self.tr("Signed in {signed} / expected {expected}").format(
            signed=signed, expected=len(self.roll.members)))

    def show_result(self, result: ScanResult) -> None:
        self.last = result
        if result.accepted:
            self._paint_panel(GREEN)
            verb = {Outcome.SIGNED_IN: self.tr("Signed in"), Outcome.LATE: self.tr("Signed in — late"),
                    Outcome.SIGNED_OUT: self.tr("Signed out")}[result.outcome]
            self.name_label.setText(result.member or "")
            self.status_label.setText(f"✓ {verb}  {hhmm(result.at)}" if not result.note else f"✓ {verb}")
            self.detail_label.setText(result.note)
        else:
            self._paint_panel(RED)
            self.name_label.setText(result.member or self.tr("Not accepted"))
            self.status_label.setText("✗ " + (result.reason or ""))
            self.detail_label.setText(self.tr("Please see the secretary") if result.member else "")
        line = f"{hhmm(result.at or self._scan_time())}  {result.member or '—'}  " + (
            State(result.outcome.value).label if result.accepted else result.reason or "")
        self.recent.insertItem(0, line)
        while self.recent.count() > 50:
            self.recent.takeItem(self.recent.count() - 1)
        self.idle_timer.start(IDLE_AFTER_MS)

    def _beep(self, refused: bool) -> None:
        QApplication.beep()
        if refused:
            QTimer.singleShot(220, QApplication.beep)

    # -- scanning --------------------------------------------------------------------------
    def _scan_time(self) -> datetime:
        return self._now() if callable(self._now) else self.service.clock.now()

    def submit(self) -> ScanResult | None:
        text = self.scan_line.text()
        self.scan_line.clear()
        if not text.strip():
            return None
        result = self.service.scan(self.meeting_id, text, at=self._scan_time(), source="kiosk", roll=self.roll)
        self.show_result(result)
        self._beep(not result.accepted)
        if result.accepted and not result.note:
            self.refresh_count()
            self.changed.emit()
        self.scanned.emit(result)
        return result

    def ask_to_leave(self) -> None:
        answer = QMessageBox.question(self, self.tr("Leave the sign-in screen"),
                                      self.tr("Leave the sign-in screen? Scans are no longer taken until it is opened again."),
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer == QMessageBox.Yes:
            self.close()
        else:
            self.scan_line.setFocus()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.WindowActivate:
            QTimer.singleShot(0, self.scan_line.setFocus)
        return super().event(event)

    def closeEvent(self, event) -> None:
        self.idle_timer.stop()
        self.count_timer.stop()
        super().closeEvent(event)
