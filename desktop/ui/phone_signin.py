"""手机签到: the window that keeps the LAN server open for one meeting and shows its code large
(for a projector or the screen by the door). The server listens while this window is open and
stops when it closes, when the meeting is closed, or when the link expires.

The address in the code is this PC's on the office network: chosen from those the system
knows (or typed, when it knows none), kept in the settings so that a sheet printed later
carries the same one.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.signin import hhmm
from desktop.services.errors import KnownError
from desktop.services.signin import SigninService, lan_addresses
from desktop.ui.messages import show_known_error
from desktop.ui.qr_paint import QrWidget

log = logging.getLogger(__name__)

BIND_SETTING = "signin.bind"  # where the server listens: all interfaces unless IT says otherwise


class _Bridge(QObject):
    """Carries the server thread's 'someone signed in' to the UI thread (a queued signal)."""
    changed = Signal()


class PhoneSigninWindow(QWidget):
    """Starts the server for ``meeting_id`` on construction (a KnownError if it cannot)."""

    changed = Signal()

    def __init__(self, service: SigninService, meeting_id: int, parent: QWidget | None = None, *,
                 bind: str | None = None, port: int | None = None):
        super().__init__(parent, Qt.Window)
        from desktop.lan.signin_routes import PhoneServer
        self.service = service
        self.meeting_id = meeting_id
        self.roll = service.roll(meeting_id)
        self.setWindowTitle(self.tr("Sign in by phone — {title}").format(title=self.roll.title))
        self._bridge = _Bridge()
        self._bridge.changed.connect(self._on_change, Qt.QueuedConnection)
        bind = bind or service.settings.get(BIND_SETTING) or "0.0.0.0"
        self.server = PhoneServer(service, meeting_id, service.clock, host=bind,
                                  port=service.phone_port() if port is None else port,
                                  on_change=self._bridge.changed.emit)

        title = QLabel(self.roll.title)
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        steps = QLabel("\n".join((self.tr("1. Join the office Wi-Fi"),
                                   self.tr("2. Scan this code with the phone's camera or WeChat"),
                                   self.tr("3. Tap your name and type the last 4 digits of your phone"))))
        steps.setWordWrap(True)
        steps.setAlignment(Qt.AlignCenter)
        big = steps.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        steps.setFont(big)
        self.code = QrWidget()
        self.code.setMinimumSize(320, 320)
        self.url_label = QLabel()
        self.url_label.setAlignment(Qt.AlignCenter)
        self.url_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignCenter)
        self.count_label.setFont(big)

        self.address = QComboBox()
        self.address.setEditable(True)
        self.address.setMinimumContentsLength(16)
        known = lan_addresses()
        chosen = service.phone_host()
        for a in ([chosen] if chosen and chosen not in known else []) + known:
            self.address.addItem(a)
        self.address.setCurrentText(chosen)
        self.address.lineEdit().setPlaceholderText(self.tr("e.g. 192.168.1.20"))
        self.address.currentTextChanged.connect(lambda _text: self._show_url())
        self.address.lineEdit().editingFinished.connect(self._remember_address)
        self.address.activated.connect(lambda _index: self._remember_address())
        self.stop_button = QPushButton(self.tr("Stop sign-in by phone"))
        self.stop_button.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("This PC's address on the office network:")))
        bar.addWidget(self.address)
        bar.addWidget(QLabel(self.tr("port {port}").format(port=self.server.port)))
        bar.addStretch(1)
        bar.addWidget(self.stop_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(steps)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.url_label)
        layout.addWidget(self.count_label)
        layout.addLayout(bar)

        # The link's end: the server stops by itself then.
        expires = service.rules().link_expires(self.roll.end)
        self.expiry = QTimer(self)
        self.expiry.setInterval(30000)
        self.expiry.timeout.connect(lambda: self.close() if service.clock.now() > expires else None)
        self.expiry.start()
        self._show_url()
        self._on_change(emit=False)
        self.resize(760, 820)

    @property
    def url(self) -> str | None:
        return self.server.url(self.address.currentText().strip())

    def _show_url(self) -> None:
        url = self.url
        self.code.set_text(url or "")
        self.url_label.setText(url or self.tr("This PC has no address on a network: connect it to the office Wi-Fi or network, "
                                              "or type its address"))

    def _remember_address(self) -> None:
        """The address chosen is kept: a sheet printed later carries the same one."""
        text = self.address.currentText().strip()
        if text and text != self.service.phone_setting("signin.lan_host"):
            self.service.settings.set("signin.lan_host", text)

    def _on_change(self, emit: bool = True) -> None:
        self.count_label.setText(self.tr("Signed in by phone: {phones}    All signed in: {signed} / {expected}    "
                                         "Sign-in closes at {closes}").format(
            phones=self.server.phone.signed, signed=self.service.signed_in_count(self.meeting_id),
            expected=len(self.roll.members), closes=hhmm(self.service.rules().closes(self.roll.start))))
        if emit:
            self.changed.emit()

    def closeEvent(self, event) -> None:
        self.expiry.stop()
        self.server.stop()
        self._remember_address()
        super().closeEvent(event)


def open_phone_signin(service: SigninService, meeting_id: int, parent: QWidget | None = None) -> PhoneSigninWindow | None:
    """The window, started; a message instead when the server cannot start."""
    try:
        window = PhoneSigninWindow(service, meeting_id, parent)
    except KnownError as err:
        show_known_error(parent, err)
        return None
    window.setAttribute(Qt.WA_DeleteOnClose)
    window.show()
    return window
