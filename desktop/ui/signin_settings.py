"""签到设置: the sign-in windows (DOMAIN §7: settings with the seed platform's defaults), phone
sign-in on or off, and the port the phones' page listens on."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from core.signin import MAX_SETTING_MINUTES, SigninRules
from desktop.services.signin import DEFAULT_PORT, SigninService


class SigninSettingsDialog(QDialog):
    def __init__(self, service: SigninService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Sign-in settings"))
        rules = service.rules()

        def minutes(value: timedelta, maximum: int = MAX_SETTING_MINUTES) -> QSpinBox:
            box = QSpinBox()
            box.setRange(0, maximum)
            box.setSuffix(self.tr(" min"))
            box.setValue(int(value.total_seconds() // 60))
            return box

        self.open_before = minutes(rules.open_before)
        self.close_after = minutes(rules.close_after)
        self.signout_before_end = minutes(rules.signout_before_end)
        self.link_after_end = minutes(rules.phone_link_after_end)
        self.phone_enabled = QCheckBox(self.tr("Print the meeting's phone code on the sign-in sheet"))
        self.phone_enabled.setChecked(bool(service.phone_setting("signin.phone_enabled")))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(service.phone_port())
        form = QFormLayout()
        form.addRow(self.tr("Sign-in opens before the start"), self.open_before)
        form.addRow(self.tr("Sign-in closes after the start (late meanwhile)"), self.close_after)
        form.addRow(self.tr("Sign-out opens before the end"), self.signout_before_end)
        form.addRow(self.tr("Phone link valid after the end"), self.link_after_end)
        form.addRow("", self.phone_enabled)
        form.addRow(self.tr("Port of the phones' page"), self.port)
        note = QLabel(self.tr("Defaults: sign-in from 30 minutes before the start until 15 minutes after it; sign-out "
                              "from 15 minutes before the end; port {port}. Sheets already printed carry the old port.").format(
            port=DEFAULT_PORT))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel | QDialogButtonBox.RestoreDefaults)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def restore_defaults(self) -> None:
        d = SigninRules()
        for box, value in ((self.open_before, d.open_before), (self.close_after, d.close_after),
                           (self.signout_before_end, d.signout_before_end), (self.link_after_end, d.phone_link_after_end)):
            box.setValue(int(value.total_seconds() // 60))
        self.phone_enabled.setChecked(True)
        self.port.setValue(DEFAULT_PORT)

    def accept(self) -> None:
        self.service.set_rules(SigninRules(
            open_before=timedelta(minutes=self.open_before.value()), close_after=timedelta(minutes=self.close_after.value()),
            signout_before_end=timedelta(minutes=self.signout_before_end.value()),
            phone_link_after_end=timedelta(minutes=self.link_after_end.value())))
        self.service.settings.set("signin.phone_enabled", self.phone_enabled.isChecked())
        self.service.settings.set("signin.port", self.port.value())
        super().accept()
