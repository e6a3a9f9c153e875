"""手机投票: the window that keeps the LAN server open for one poll and shows the ballot page's
address large (for a projector or the screen by the door). The server listens while this
window is open and stops when it closes. While it runs, nothing is logged per request (the LAN
server's access log is off: DESIGN, Ballot secrecy).

The address is this PC's on the office network — the one chosen for sign-in by phone when there
is one (setting ``signin.lan_host``) — on its own port (``votes.port``, 8766 by default), so that
sign-in by phone and voting by phone can run at the same meeting.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.votes import VoteService
from desktop.ui.qr_paint import QrWidget

HOST_SETTING = "signin.lan_host"
PORT_SETTING = "votes.port"
DEFAULT_PORT = 8766


def phone_address(settings) -> tuple[str, int]:
    from desktop.services.signin import lan_addresses
    host = str(settings.get(HOST_SETTING) or "").strip()
    if not host:
        found = lan_addresses()
        host = found[0] if found else ""
    port = settings.get(PORT_SETTING)
    return host, port if isinstance(port, int) and 1 <= port <= 65535 else DEFAULT_PORT


def phone_url(host: str, port: int, path: str) -> str | None:
    if not host:
        return None
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


class _Bridge(QObject):
    """Carries the server thread's 'a ballot came in' to the UI thread (a queued signal)."""
    changed = Signal()


class PhoneVotingWindow(QWidget):
    """Starts the server for ``poll_id`` on construction (a KnownError if it cannot)."""

    changed = Signal()

    def __init__(self, service: VoteService, poll_id: int, settings, parent: QWidget | None = None, *,
                 bind: str = "0.0.0.0", port: int | None = None):
        super().__init__(parent, Qt.Window)
        from desktop.lan.vote_routes import PhoneVoting
        self.service = service
        self.poll_id = poll_id
        self.settings = settings
        detail = service.detail(poll_id)
        self.setWindowTitle(self.tr("Voting by phone — {title}").format(title=detail.title))
        self._bridge = _Bridge()
        self._bridge.changed.connect(self._on_change, Qt.QueuedConnection)
        host, default_port = phone_address(settings)
        self.phones = PhoneVoting(service, poll_id, on_change=self._bridge.changed.emit)
        self.server = self.phones.start(bind, default_port if port is None else port)

        title = QLabel(detail.title)
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        steps = QLabel("\n".join((self.tr("1. Join the office Wi-Fi"),
                                   self.tr("2. Scan this code with the phone's camera or WeChat"),
                                   self.tr("3. Type the code on your slip and vote"))))
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
        from desktop.services.signin import lan_addresses
        for a in ([host] if host and host not in lan_addresses() else []) + lan_addresses():
            self.address.addItem(a)
        self.address.setCurrentText(host)
        self.address.lineEdit().setPlaceholderText(self.tr("e.g. 192.168.1.20"))
        self.address.currentTextChanged.connect(self._address_changed)
        self.stop_button = QPushButton(self.tr("Stop voting by phone"))
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
        self._show_url()
        self._on_change(emit=False)
        self.resize(760, 820)

    @property
    def url(self) -> str | None:
        return phone_url(self.address.currentText().strip(), self.server.port, self.phones.path())

    def _show_url(self) -> None:
        url = self.url
        self.code.set_text(url or "")
        self.url_label.setText(url or self.tr("This PC has no address on a network: connect it to the office Wi-Fi or network, "
                                              "or type its address"))

    def _address_changed(self, text: str) -> None:
        self.settings.set(HOST_SETTING, text.strip())
        self._show_url()

    def _on_change(self, emit: bool = True) -> None:
        counts = self.service.counts(self.poll_id)
        made, used = self.service.box.codes_made(self.poll_id)
        self.count_label.setText(self.tr("Ballots in: {collected}    Codes used: {used} of {made}").format(
            collected=counts.collected, used=used, made=made))
        if emit:
            self.changed.emit()

    def closeEvent(self, event) -> None:
        self.phones.stop()
        super().closeEvent(event)
