"""The settings page's 安全 section: change the password, the idle lock's minutes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from desktop.context import AppContext
from desktop.ui.idle_lock import DEFAULT_MINUTES, SETTING
from desktop.ui.password_dialogs import NewPasswordForm, _password_field
from desktop.ui.widgets import FieldMessage


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Change the password"))
        self.setModal(True)
        self.current = _password_field()
        self.current_message = FieldMessage()
        self.form = NewPasswordForm()
        top = QFormLayout()
        top.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        top.addRow(self.tr("Current password"), self.current)
        top.addRow("", self.current_message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("The recovery key stays the same. Backups made before today still open with the old password (or the recovery key)."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 34)

    def save(self) -> bool:
        from db import keyring
        self.current_message.clear_message()
        new = self.form.check()
        if new is None:
            return False
        try:
            keyring.change_password(self.ctx.db, self.current.text(), new)
        except keyring.WrongPassword as err:
            self.current_message.show_error(str(err))
            return False
        self.accept()
        return True


class SecuritySection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Password and lock"))
        self.ctx = ctx
        self.dialog: ChangePasswordDialog | None = None
        from db.keyring import has_password
        self.change_button = QPushButton(self.tr("Change the password…"))
        self.change_button.clicked.connect(self.open_change)
        self.change_button.setEnabled(has_password(ctx.db))
        self.done = QLabel()
        self.done.setStyleSheet("color: #2e7d32;")
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 240)
        self.minutes.setSpecialValueText(self.tr("never"))
        self.minutes.setSuffix(" " + self.tr("minutes"))
        value = ctx.settings.get(SETTING)
        self.minutes.setValue(int(DEFAULT_MINUTES if value is None else value))
        self.minutes.valueChanged.connect(self.save_minutes)
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addWidget(self.done, 1)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.minutes)
        minutes_row.addStretch(1)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.addRow(self.tr("Password"), row)
        form.addRow(self.tr("Lock after no use for"), minutes_row)

    def open_change(self) -> ChangePasswordDialog:
        self.done.clear()
        self.dialog = ChangePasswordDialog(self.ctx, self)
        self.dialog.accepted.connect(lambda: self.done.setText(self.tr("The password was changed")))
        self.dialog.open()
        return self.dialog

    def save_minutes(self, minutes: int) -> None:
        self.ctx.settings.set(SETTING, minutes)
        window = self.window()
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            lock.set_minutes(minutes)
