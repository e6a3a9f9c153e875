"""The settings page's 安全 section: change the password, make a new recovery key, the idle
lock's minutes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from desktop.context import AppContext
from desktop.ui.idle_lock import DEFAULT_MINUTES, SETTING
from desktop.ui.password_dialogs import NewPasswordForm, RecoveryKeyDialog, _note, _password_field
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


class NewRecoveryKeyDialog(QDialog):
    """The password, then a new recovery key in place of a lost or seen sheet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.key_text: str | None = None
        self.setWindowTitle(self.tr("Make a new recovery key"))
        self.setModal(True)
        self.current = _password_field()
        self.current_message = FieldMessage()
        top = QFormLayout()
        top.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        top.addRow(self.tr("Current password"), self.current)
        top.addRow("", self.current_message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Make the new key"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.notes = [
            _note(self.tr("For a recovery key sheet that was lost or that someone else may have seen. The new key is shown once, to write down or print; from then on the old key no longer opens this branch. The password stays the same.")),
            # A backup is a copy of the database with the key envelopes of its day
            # (db/backup.py), and the data key does not change: the old key keeps opening it.
            _note(self.tr("Backups made before now still open with the old recovery key (or the password of their day), not with the new one. Keep the old sheet as long as you keep those backups; whoever has the old key and one of them can read it.")),
        ]
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.notes[0])
        layout.addLayout(top)
        layout.addWidget(self.notes[1])
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 34)
        self._fit_notes(self.minimumWidth())

    def _fit_notes(self, width: int) -> None:
        # A dialog does not ask a wrapped label how tall it is at the dialog's width, and a
        # three-line note would lose its last line: reserve the height each needs.
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        for note in self.notes:
            note.setMinimumHeight(note.heightForWidth(inner))

    def resizeEvent(self, event) -> None:
        self._fit_notes(event.size().width())
        super().resizeEvent(event)

    def save(self) -> bool:
        from db import keyring
        self.current_message.clear_message()
        try:
            self.key_text = keyring.new_recovery_key(self.ctx.db, self.current.text())
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
        self.recovery_button = QPushButton(self.tr("Make a new recovery key…"))
        self.recovery_button.clicked.connect(self.open_new_recovery_key)
        self.recovery_button.setEnabled(self.change_button.isEnabled())
        self.recovery_done = QLabel()
        self.recovery_done.setWordWrap(True)
        self.recovery_done.setStyleSheet("color: #2e7d32;")
        self.recovery_dialog: NewRecoveryKeyDialog | None = None
        self.key_dialog: RecoveryKeyDialog | None = None
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
        recovery_row = QHBoxLayout()
        recovery_row.addWidget(self.recovery_button)
        recovery_row.addWidget(self.recovery_done, 1)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.minutes)
        minutes_row.addStretch(1)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.addRow(self.tr("Password"), row)
        form.addRow(self.tr("Recovery key"), recovery_row)
        form.addRow(self.tr("Lock after no use for"), minutes_row)

    def open_change(self) -> ChangePasswordDialog:
        self.done.clear()
        self.dialog = ChangePasswordDialog(self.ctx, self)
        self.dialog.accepted.connect(lambda: self.done.setText(self.tr("The password was changed")))
        self.dialog.open()
        return self.dialog

    def open_new_recovery_key(self) -> NewRecoveryKeyDialog:
        self.recovery_done.clear()
        self.recovery_dialog = NewRecoveryKeyDialog(self.ctx, self)
        self.recovery_dialog.accepted.connect(self._show_new_recovery_key)
        self.recovery_dialog.open()
        return self.recovery_dialog

    def _show_new_recovery_key(self) -> None:
        # The new envelope is already stored: say so now, and show the key, once.
        self.recovery_done.setText(self.tr("A new recovery key was made; the old one no longer works"))
        self.key_dialog = RecoveryKeyDialog(self.recovery_dialog.key_text, self.ctx.members.branch_name(), self)
        self.key_dialog.open()

    def save_minutes(self, minutes: int) -> None:
        self.ctx.settings.set(SETTING, minutes)
        window = self.window()
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            lock.set_minutes(minutes)
