"""设置 → 备份: where backups go, a second location (a USB stick), back up now, restore, the list
of backups with their time and size, and when the last one was made (issue 8)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from desktop.services.backups import OVERDUE_DAYS, BackupStatus
from desktop.ui.backup_controller import BackupController
from desktop.ui.backups_model import BackupsModel, backups_table
from desktop.ui.widgets import ERROR_COLOUR, FieldMessage

VISIBLE_ROWS = 4  # the page is long already; the restore wizard shows them all


class BackupSection(QGroupBox):
    def __init__(self, ctx, parent: QWidget | None = None, controller: BackupController | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Backups"))
        self.ctx = ctx
        self.controller = controller or BackupController.of(ctx)
        self.service = self.controller.service
        self.controller.changed.connect(self.show_status)

        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("Change…"))
        self.folder_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)

        self.second_label = QLabel()
        self.second_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.second_label.setWordWrap(True)
        self.second_button = QPushButton(self.tr("Choose…"))
        self.second_button.clicked.connect(self.choose_second)
        self.second_clear = QPushButton(self.tr("Stop copying"))
        self.second_clear.clicked.connect(lambda: self.set_second(None))
        second_row = QHBoxLayout()
        second_row.addWidget(self.second_label, 1)
        second_row.addWidget(self.second_button)
        second_row.addWidget(self.second_clear)

        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.last_label.setTextFormat(Qt.PlainText)
        self.second_error_label = QLabel()
        self.second_error_label.setWordWrap(True)
        self.second_error_label.setTextFormat(Qt.PlainText)
        self.second_error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.second_error_label.hide()
        self.message = FieldMessage()

        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setToolTip(self.tr("Replace the branch's records with a backup (the current ones are kept aside)"))
        self.restore_button.clicked.connect(self.open_restore)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)

        self.model = BackupsModel(self)
        self.table = backups_table(self.model)
        header = self.table.horizontalHeader()
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header.sizeHint().height() + rows * VISIBLE_ROWS + 4)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.addRow(self.tr("Backup folder"), folder_row)
        form.addRow(self.tr("Second location"), second_row)
        form.addRow(self.tr("Last backup"), self.last_label)
        form.addRow("", self.second_error_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(self.tr("A backup is made every day and whenever BranchDesk closes. Kept: one for each of the last 7 days, 4 weeks and 12 months. A backup opens with the password of its day."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        self.wizard = None
        self.show_status(self.controller.status or self.controller.refresh())

    # -- showing -------------------------------------------------------------------------
    def show_status(self, status: BackupStatus) -> None:
        config = self.service.config()
        self.folder_label.setText(str(config.folder))
        self.second_label.setText(str(config.second) if config.second else self.tr("none (for example a USB stick)"))
        self.second_clear.setVisible(config.second is not None)
        today = self.ctx.clock.today()
        if status.last_at is None:
            text = self.tr("none yet")
        elif status.last_at.date() == today:
            text = self.tr("today at {time}").format(time=status.last_at.strftime("%H:%M"))
        else:
            text = status.last_at.strftime("%Y-%m-%d %H:%M")
        if status.overdue:
            text += (" — " + self.tr("more than {days} days ago: back up now").format(days=OVERDUE_DAYS)) if status.last_at else ""
        self.last_label.setText(text)
        self.last_label.setStyleSheet(f"color: {ERROR_COLOUR};" if status.overdue else "")
        # The service's message names the location and what to do (plug the stick in).
        self.second_error_label.setText(status.second_error or "")
        self.second_error_label.setVisible(bool(status.second_error))
        self.model.set_rows(self.service.backups())
        self.backup_button.setEnabled(not self.controller.running and self.controller.enabled)

    # -- doing ---------------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), str(self.service.config().folder))
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path | None) -> None:
        from desktop.services.errors import KnownError
        self.message.clear_message()
        try:
            self.service.set_folder(folder)
        except KnownError as err:
            self.message.show_error(str(err))
            return
        self.controller.refresh()

    def choose_second(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Second location"), str(self.service.config().second or Path.home()))
        if folder:
            self.set_second(Path(folder))

    def set_second(self, folder: Path | None) -> None:
        self.service.set_second(folder)
        self.controller.refresh()

    def backup_now(self):
        self.message.clear_message()
        task = self.controller.backup_now()
        if task is not None:
            self.backup_button.setEnabled(False)
            task.on_success(lambda result: result.second_error and self.message.show_warning(
                self.tr("Backed up, but not to the second location: {message}").format(message=result.second_error)))
        return task

    def open_restore(self):
        from desktop.ui.restore_wizard import RestoreWizard
        self.wizard = RestoreWizard(self.service, self, before_restore=self._close_branch)
        self.wizard.restored.connect(self._restored)
        self.wizard.open()
        return self.wizard

    def _close_branch(self) -> None:
        """Every connection closed before the file is replaced; nothing backs it up on the way out."""
        from desktop.ui import worker
        self.controller.enabled = False
        worker.wait_idle()
        self.ctx.db.engine.dispose()

    def _restored(self, aside) -> None:
        from PySide6.QtWidgets import QMessageBox
        text = self.tr("The backup is in place. BranchDesk closes now; start it again and enter the password the branch had on the day of the backup.")
        if aside:
            text += "\n\n" + self.tr("The records as they were are kept in {file}.").format(file=aside)
        QMessageBox.information(self, self.tr("Restore a backup"), text)
        window = self.window()
        if window is not None:
            window.close()
