"""设置: the branch's name, the language, where the data lives, the version."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from core.i18n import LANGUAGES
from desktop import __version__
from desktop.context import AppContext
from desktop.services.errors import KnownError
from desktop.ui.sync_section import SyncSection
from desktop.ui.widgets import FieldMessage


class SettingsPage(QWidget):
    branchRenamed = Signal(str)
    remindersChanged = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx

        heading = QLabel(self.tr("Settings"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)

        self.branch_edit = QLineEdit(ctx.members.branch_name())
        self.branch_edit.setMaxLength(100)
        self.branch_save = QPushButton(self.tr("Save name"))
        self.branch_save.clicked.connect(self.save_branch_name)
        self.branch_edit.returnPressed.connect(self.save_branch_name)
        self.branch_message = FieldMessage()
        branch_row = QHBoxLayout()
        branch_row.addWidget(self.branch_edit, 1)
        branch_row.addWidget(self.branch_save)

        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language named in itself
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(ctx.settings.get("language"))))
        self.language_combo.currentIndexChanged.connect(self.save_language)
        self.language_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.language_note = QLabel(self.tr("The new language takes effect the next time the program starts."))
        self.language_note.setStyleSheet("color: #555;")
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)

        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 180)
        self.days_spin.setValue(int(ctx.settings.get("reminders.conversion_days")))
        self.days_spin.setSuffix(" " + self.tr("days"))
        self.days_spin.valueChanged.connect(self.save_reminder_days)

        self.folder_label = QLabel(str(ctx.data_dir))
        self.folder_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.folder_button.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.setVerticalSpacing(14)
        form.addRow(self.tr("Branch name"), branch_row)
        form.addRow("", self.branch_message)
        form.addRow(self.tr("Language"), self._left(self.language_combo))
        form.addRow("", self.language_note)
        form.addRow(self.tr("Remind of probation ending"), self._left(self.days_spin))
        form.addRow(self.tr("Data folder"), folder_row)
        self.audit_button = QPushButton(self.tr("Open the audit log"))  # reveals and exports on record
        self.audit_button.clicked.connect(self.open_audit_log)
        self.audit_dialog: QWidget | None = None
        form.addRow(self.tr("Audit log"), self._left(self.audit_button))
        form.addRow(self.tr("Version"), QLabel(__version__))

        # The sections are taller than a 1366×768 screen: the page scrolls instead of
        # pushing the window past the screen's edge.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addLayout(form)
        from desktop.ui.security_section import SecuritySection  # the password, the idle lock
        self.security = SecuritySection(ctx)
        layout.addWidget(self.security)
        self.sync = SyncSection(ctx)  # 同步: enrollment, state, month-end, USB
        layout.addWidget(self.sync)
        from desktop.ui.backup_section import BackupSection  # 备份: folders, back up now, restore, the list
        self.backup = BackupSection(ctx)
        layout.addWidget(self.backup)
        layout.addStretch(1)
        self.branch_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 24)
        content.setMaximumWidth(self.fontMetrics().horizontalAdvance("汉") * 60)
        self.scroll = QScrollArea()
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    @staticmethod
    def _left(widget: QWidget) -> QHBoxLayout:
        """A short field (a language, a number of days) keeps its size instead of stretching."""
        row = QHBoxLayout()
        row.addWidget(widget)
        row.addStretch(1)
        return row

    def save_branch_name(self) -> None:
        self.branch_message.clear_message()
        try:
            self.ctx.members.set_branch_name(self.branch_edit.text())
        except KnownError as err:
            self.branch_message.show_error(str(err))
            return
        name = self.ctx.members.branch_name()
        self.branch_edit.setText(name)
        self.branchRenamed.emit(name)

    def save_language(self) -> None:
        from desktop.ui.app import remember_language
        language = self.language_combo.currentData()
        self.ctx.settings.set("language", language)
        remember_language(self.ctx.data_dir, language)  # the next start shows it from the first paint
        self.language_note.setVisible(True)

    def save_reminder_days(self, days: int) -> None:
        self.ctx.settings.set("reminders.conversion_days", days)
        self.remindersChanged.emit()

    def open_audit_log(self) -> QWidget:
        from desktop.ui.audit_view import open_audit_log
        self.audit_dialog = open_audit_log(self.ctx, self)
        return self.audit_dialog

    def open_data_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))
