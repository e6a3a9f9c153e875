"""恢复备份: choose a backup (newest first, each checked before it is offered as good), or any
backup file, and put it in place of the branch database (issue 8).

Two ways in: from the settings page's backup section (the branch is open: it is closed first,
and the program closes after the restore — every page held the old records), and at start when
the check found the database damaged (``offer_restore``: nothing is open; after the restore the
start goes on with the restored file).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from db.backup import BackupError
from desktop.services.backups import BackupService, DamagedDatabase
from desktop.ui.backups_model import BackupsModel, backups_table
from desktop.ui.widgets import ERROR_COLOUR
from desktop.ui.worker import run

log = logging.getLogger(__name__)
OK_COLOUR = "#2e7d32"


class RestoreWizard(QDialog):
    restored = Signal(object)  # the copy of the records as they were (Path or None)
    readOnlyChosen = Signal()  # at a damaged start: look at the records first

    def __init__(self, service: BackupService, parent: QWidget | None = None, *, damaged: list[str] | None = None,
                 before_restore: Callable[[], None] | None = None):
        super().__init__(parent)
        self.service = service
        self.damaged = damaged
        self.before_restore = before_restore
        self.checked: dict[Path, str | None] = {}  # path → None when good, else why not
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setModal(True)

        heading = QLabel(self.tr("The branch database is damaged") if damaged is not None else self.tr("Restore a backup"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        if damaged is not None:
            heading.setStyleSheet(f"color: {ERROR_COLOUR};")
            text = self.tr("The check at start found damage in {path}. Nothing has been changed and nothing was opened. Restore the newest good backup below; the damaged file is kept aside, for IT staff.").format(path=service.db_path)
        else:
            text = self.tr("The branch's records are replaced by those of the backup. The records as they are now are kept aside first, so the restore can be undone. BranchDesk closes after the restore; when it starts again, it asks for the password the branch had on the day of the backup.")
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.details = QLabel("\n".join((damaged or [])[:3]))
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #555;")
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details.setVisible(bool(damaged))

        self.model = BackupsModel(self)
        self.model.set_rows(service.backups())
        self.table = backups_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self.check_selected())
        self.empty = QLabel(self.tr("There are no backups in {folder}. Choose a backup file (“Another file…”), for example from a USB stick.").format(folder=service.config().folder))
        self.empty.setWordWrap(True)
        self.empty.setVisible(self.model.rowCount() == 0)
        self.table.setVisible(self.model.rowCount() > 0)

        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.PlainText)

        self.restore_button = QPushButton(self.tr("Restore this backup"))
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(self.tr("Another file…"))
        self.file_button.clicked.connect(self.choose_file)
        self.close_button = QPushButton(self.tr("Quit BranchDesk") if damaged is not None else self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        self.view_button = QPushButton(self.tr("Open read-only"))
        self.view_button.setToolTip(self.tr("Look at the records without changing anything — for example to note what was entered since the last backup. Some may not be readable. Restore a backup afterwards."))
        self.view_button.clicked.connect(self.open_read_only)
        self.view_button.setVisible(damaged is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.details)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.check_label)
        layout.addLayout(buttons)
        em = self.fontMetrics().horizontalAdvance("汉")
        self.resize(em * 46, em * 32)
        if self.model.rowCount():
            self.table.selectRow(0)

    # -- checking ------------------------------------------------------------------------
    def selected(self) -> Path | None:
        index = self.table.currentIndex()
        b = self.model.backup(index.row()) if index.isValid() else None
        return b.path if b else None

    def check_selected(self) -> None:
        path = self.selected()
        if path is None:
            return
        if path in self.checked:
            self._show_check(path)
            return
        self.restore_button.setEnabled(False)
        self.check_label.setStyleSheet("")
        self.check_label.setText(self.tr("Checking {name}…").format(name=path.name))
        run(self.service.verify, path).on_success(lambda v, p=path: self._checked(p, None, v)) \
            .on_failure(lambda err, p=path: self._checked(p, str(err), None))

    def _checked(self, path: Path, problem: str | None, verified) -> None:
        self.checked[path] = problem
        if verified is not None:
            self._counts = getattr(self, "_counts", {})
            self._counts[path] = verified
        if path == self.selected():
            self._show_check(path)

    def _show_check(self, path: Path) -> None:
        problem = self.checked[path]
        if problem:
            self.check_label.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.check_label.setText(problem + "\n" + self.tr("Choose an older backup."))
            self.restore_button.setEnabled(False)
            return
        verified = getattr(self, "_counts", {}).get(path)
        members = verified.counts.get("member", 0) if verified else 0
        self.check_label.setStyleSheet(f"color: {OK_COLOUR};")
        self.check_label.setText(self.tr("Checked: the backup is whole — “{branch}”, {n} members on record.").format(
            branch=verified.branch_name if verified else "", n=members))
        self.restore_button.setEnabled(True)

    # -- restoring -----------------------------------------------------------------------
    def choose_file(self) -> bool:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"), str(self.service.config().folder),
                                              self.tr("BranchDesk backups (*.sqlite);;All files (*)"))
        return bool(name) and self.restore_file(Path(name))

    def restore_selected(self) -> bool:
        path = self.selected()
        return path is not None and self.restore_file(path)

    def restore_file(self, path: Path) -> bool:
        try:
            verified = self.service.verify(path)
        except BackupError as err:
            QMessageBox.warning(self, self.tr("Restore a backup"), str(err))
            return False
        taken = path.stem.removeprefix("branch-")
        if QMessageBox.question(self, self.tr("Restore a backup"), self.tr("Replace the records of “{branch}” with the backup {name}? The current records are kept aside.").format(
                branch=verified.branch_name, name=path.name)) != QMessageBox.Yes:
            return False
        if self.before_restore is not None:
            self.before_restore()
        try:
            aside = self.service.restore(path)
        except BackupError as err:
            QMessageBox.warning(self, self.tr("Restore a backup"), str(err))
            return False
        log.info("restored from %s (%s)", path, taken)
        self.restored.emit(aside)
        self.accept()
        return True


    def open_read_only(self) -> None:
        from desktop.services.backups import request_read_only
        request_read_only(self.service.data_dir)
        self.readOnlyChosen.emit()
        self.accept()


def offer_restore(window: QWidget, err: BaseException, done: Callable[[bool], None]) -> RestoreWizard | None:
    """At start, for a damaged database: the wizard, window-modal over the empty window; ``done``
    gets True after a restore or when the user asked to look read-only (open the branch again),
    False when the user quits."""
    if not isinstance(err, DamagedDatabase):
        return None
    wizard = RestoreWizard(BackupService(err.data_dir), window, damaged=err.check.problems)
    outcome = {"again": False}
    wizard.restored.connect(lambda _aside: outcome.update(again=True))
    wizard.readOnlyChosen.connect(lambda: outcome.update(again=True))
    wizard.finished.connect(lambda _code: done(outcome["again"]))
    wizard.open()
    return wizard
