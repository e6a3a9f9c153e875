"""The password in the window: choosing it at first run, the recovery key shown once, the
unlock dialog at start (with "forgot the password" → the recovery key), and ``DialogKeys``,
the key provider (db/keyring.py) made of them.

Nothing here imports the database side at import time (the window paints first).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from desktop.ui.widgets import FieldMessage

STRENGTH_COLOURS = ("#c62828", "#ef6c00", "#2e7d32", "#1b5e20")


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


def _password_field() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.Password)
    edit.setMaxLength(200)
    return edit


class NewPasswordForm(QWidget):
    """Two fields, a strength hint, the reason it cannot be used yet."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.first = _password_field()
        self.second = _password_field()
        self.strength = QLabel()
        self.message = FieldMessage()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.addRow(self.tr("New password"), self.first)
        form.addRow("", self.strength)
        form.addRow(self.tr("Type it again"), self.second)
        form.addRow("", self.message)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        from db.crypto import password_strength
        text = self.first.text()
        if not text:
            self.strength.setText(self.tr("At least 8 characters; a short sentence is easy to remember and hard to guess."))
            self.strength.setStyleSheet("color: #555;")
        else:
            level = password_strength(text)
            names = (self.tr("Strength: too weak"), self.tr("Strength: fair"), self.tr("Strength: good"), self.tr("Strength: strong"))
            self.strength.setText(names[level])
            self.strength.setStyleSheet(f"color: {STRENGTH_COLOURS[level]};")
        self.message.clear_message()

    def problem(self) -> str | None:
        from db.crypto import password_problem
        problem = password_problem(self.first.text())
        if problem:
            return problem
        if self.first.text() != self.second.text():
            return self.tr("The two passwords differ")
        return None

    def check(self) -> str | None:
        """The password, or None after showing why not."""
        problem = self.problem()
        if problem:
            self.message.show_error(problem)
            return None
        return self.first.text()


class NewPasswordDialog(QDialog):
    def __init__(self, upgrading: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a password"))
        self.setModal(True)
        self.password: str | None = None
        if upgrading:
            intro = self.tr("From this version on, BranchDesk encrypts ID numbers, phones and addresses. Choose the password that will open the program. The records are encrypted right after; this takes a moment.")
        else:
            intro = self.tr("Choose the password that will open the program. ID numbers, phones and addresses are encrypted with it: whoever takes this computer or a copy of its files cannot read them.")
        self.form = NewPasswordForm()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(_note(intro))
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 34)

    def _accept(self) -> None:
        self.password = self.form.check()
        if self.password is not None:
            self.accept()


class RecoveryKeyDialog(QDialog):
    """Shown once: the key, a print button, and a tick before going on."""

    def __init__(self, key_text: str, branch_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key_text, self.branch_name = key_text, branch_name
        self.setWindowTitle(self.tr("Recovery key"))
        self.setModal(True)
        self.setWindowFlag(Qt.WindowCloseButtonHint, False)
        self.preview = None
        self.key_label = QLabel(key_text)
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), self.font().pointSizeF()) * 1.5)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.key_label.setStyleSheet("background: #fff8e1; border: 1px solid #e0c97f; padding: 14px;")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_key)
        self.done_box = QCheckBox(self.tr("I have written it down or printed it, and put it away safely"))
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setDefault(True)
        self.continue_button.setEnabled(False)
        self.done_box.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(_note(self.tr("If the password is ever forgotten, this recovery key is the only way to set a new one; without both, nobody — not even the program's makers — can read the encrypted records. It is shown only now.")))
        layout.addWidget(self.key_label)
        layout.addWidget(_note(self.tr("Keep it on paper, locked away from the computer — not in a file on it.")))
        layout.addWidget(self.done_box)
        layout.addLayout(row)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 36)

    def reject(self) -> None:
        # Escape does not skip it: the key is never shown again.
        if self.done_box.isChecked():
            super().reject()

    def paint(self, printer) -> None:
        from desktop.ui.app import cjk_family
        from desktop.ui.pdf_output import begin_painter, make_font
        from desktop.services.errors import KnownError
        painter = begin_painter(printer, KnownError)
        try:
            family = cjk_family() or self.font().family()
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            y = page.top()
            painter.setFont(make_font(family, 18, bold=True))
            line = painter.fontMetrics().height()
            painter.drawText(page.left(), y + line, self.tr("BranchDesk recovery key"))
            y += line * 2
            painter.setFont(make_font(family, 12))
            small = painter.fontMetrics().height()
            painter.drawText(page.left(), y + small, self.tr("Branch: {name}").format(name=self.branch_name))
            y += small * 3
            mono = QFont("DejaVu Sans Mono")
            mono.setStyleHint(QFont.Monospace)
            mono.setPointSizeF(20)
            mono.setBold(True)
            painter.setFont(mono)
            big = painter.fontMetrics().height()
            painter.drawText(page.left(), y + big, self.key_text)
            y += big * 3
            painter.setFont(make_font(family, 11))
            rect = page.adjusted(0, y - page.top(), 0, 0)
            painter.drawText(rect, Qt.TextWordWrap, self.tr("With this key a new password can be set when the password is forgotten (the “Forgot the password?” button when BranchDesk starts). Keep this page locked away, apart from the computer."))
        finally:
            painter.end()

    def print_key(self):
        from desktop.ui.pdf_output import a4_on_grid, open_print_preview
        self.preview = open_print_preview(self.paint, self.tr("Recovery key"), a4_on_grid(), self)
        return self.preview


class UnlockDialog(QDialog):
    """The password at start; "Forgot the password?" turns it into the recovery form."""

    def __init__(self, branch_hint: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unlock BranchDesk"))
        self.setModal(True)
        self.credentials = None
        self.pages = QStackedWidget()

        unlock = QWidget()
        self.password = _password_field()
        self.message = FieldMessage()
        self.forgot_button = QPushButton(self.tr("Forgot the password?"))
        self.forgot_button.setFlat(True)
        self.forgot_button.setStyleSheet("color: #1565c0; text-align: left;")
        self.forgot_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        form = QFormLayout(unlock)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.addRow(_note(branch_hint or self.tr("Enter the password of this branch.")))
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.message)
        form.addRow("", self.forgot_button)

        recover = QWidget()
        self.recovery = QLineEdit()
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery.setMaxLength(60)
        self.recovery_message = FieldMessage()
        self.new_password = NewPasswordForm()
        box = QVBoxLayout(recover)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(_note(self.tr("Type the recovery key printed when the password was chosen, then choose a new password.")))
        rform = QFormLayout()
        rform.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        rform.addRow(self.tr("Recovery key"), self.recovery)
        rform.addRow("", self.recovery_message)
        box.addLayout(rform)
        box.addWidget(self.new_password)

        self.pages.addWidget(unlock)
        self.pages.addWidget(recover)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Unlock"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 32)
        self._wait_left = 0
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)

    def show_failure(self, error: str | None, wait_seconds: int) -> None:
        if error:
            target = self.recovery_message if self.pages.currentIndex() == 1 else self.message
            target.clear_message()
            target.show_error(error)
        if wait_seconds:
            self._wait_left = wait_seconds
            self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
            self._tick()
            self._ticker.start()

    def _tick(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.Ok)
        if self._wait_left <= 0:
            self._ticker.stop()
            ok.setEnabled(True)
            ok.setText(self.tr("Unlock"))
            return
        ok.setText(self.tr("Wait {n} s").format(n=self._wait_left))
        self._wait_left -= 1

    def _accept(self) -> None:
        from db.keyring import Credentials
        self.message.clear_message()
        self.recovery_message.clear_message()
        if self.pages.currentIndex() == 0:
            if not self.password.text():
                return
            self.credentials = Credentials(password=self.password.text())
        else:
            if not self.recovery.text().strip():
                self.recovery_message.show_error(self.tr("Type the recovery key"))
                return
            new = self.new_password.check()
            if new is None:
                return
            self.credentials = Credentials(recovery_key=self.recovery.text(), new_password=new)
        self.accept()


class UnlockCancelled(Exception):
    """The user closed the unlock dialog: the program ends without a message."""


class DialogKeys:
    """The window's key provider (db/keyring.py KeyProvider)."""

    def __init__(self, parent: QWidget | None = None):
        import os
        self.parent = parent
        self.dialog: UnlockDialog | None = None
        # BRANCHDESK_PASSWORD opens the window too (the installer's smoke test, a kiosk PC);
        # a wrong one falls back to the dialog.
        self.env = os.environ.get("BRANCHDESK_PASSWORD") or None
        self.asked = False  # a dialog was shown: the recovery key is shown by dialog too

    def new_password(self, *, upgrading: bool) -> str | None:
        if self.env:
            return self.env
        self.asked = True
        dialog = NewPasswordDialog(upgrading, self.parent)
        if dialog.exec() != QDialog.Accepted:
            raise UnlockCancelled()
        return dialog.password

    def credentials(self, *, failures: int, wait_seconds: int, error: str | None):
        from db.keyring import Credentials
        if self.env and not failures:
            return Credentials(password=self.env)
        self.asked = True
        # One dialog across tries: what was typed in the recovery form stays.
        if self.dialog is None:
            self.dialog = UnlockDialog(parent=self.parent)
        self.dialog.password.clear()
        self.dialog.show_failure(error, wait_seconds)
        if self.dialog.exec() != QDialog.Accepted:
            raise UnlockCancelled()
        return self.dialog.credentials


def show_recovery_key(key_text: str, branch_name: str, parent: QWidget | None = None) -> None:
    RecoveryKeyDialog(key_text, branch_name, parent).exec()
