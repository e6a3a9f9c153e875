"""设置 → 同步: enroll with the central server, see how sending goes, sync now, close a month,
send a summary now, write the waiting summaries to a file for a USB stick."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from desktop.services.errors import KnownError
from desktop.services.summary_builder import period_of
from desktop.services.sync import SyncStatus
from desktop.ui.messages import is_known
from desktop.ui.sync_controller import SyncController, when_text
from desktop.ui.widgets import ERROR_COLOUR, FieldMessage
from desktop.ui.worker import run

MONTHS_OFFERED = 12


def ended_months(today: date, closed: tuple[str, ...], count: int = MONTHS_OFFERED) -> list[str]:
    """The last ``count`` months that have ended and are not closed yet, newest first."""
    out, year, month = [], today.year, today.month
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        period = f"{year:04d}-{month:02d}"
        if period not in closed:
            out.append(period)
    return out


class SyncSection(QGroupBox):
    changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None, controller: SyncController | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Sync with the superior organisation"))
        self.ctx = ctx
        self.controller = controller or SyncController.of(ctx)
        self.controller.changed.connect(self.show_status)

        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("http://192.168.1.10:8600")
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("e.g. K7QM-3XPA-9RTC-WD4E"))
        self.enroll_button = QPushButton(self.tr("Enroll"))
        self.enroll_button.clicked.connect(self.enroll)
        self.code_edit.returnPressed.connect(self.enroll)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.enroll_button)
        self.enroll_message = FieldMessage()

        self.branch_label = QLabel()
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.PlainText)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")

        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_now)
        self.snapshot_button = QPushButton(self.tr("Send a summary now"))
        self.snapshot_button.setToolTip(self.tr("A summary of this month so far, sent at once; the month stays open"))
        self.snapshot_button.clicked.connect(self.snapshot_now)
        self.export_button = QPushButton(self.tr("Save for a USB stick…"))
        self.export_button.setToolTip(self.tr("Write the waiting summaries to a file the superior organisation imports"))
        self.export_button.clicked.connect(self.export_file)
        actions = QHBoxLayout()
        for button in (self.sync_button, self.snapshot_button, self.export_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.month_combo = QComboBox()
        self.close_button = QPushButton(self.tr("Close and send"))
        self.close_button.setToolTip(self.tr("The month's summary goes into the outbox and is sent; a month is closed once"))
        self.close_button.clicked.connect(self.close_month)
        close_row = QHBoxLayout()
        close_row.addWidget(self.month_combo)
        close_row.addWidget(self.close_button)
        close_row.addStretch(1)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.addRow(self.tr("Server address"), self.server_edit)
        form.addRow(self.tr("Enrollment code"), code_row)
        form.addRow("", self.enroll_message)
        form.addRow(self.tr("Enrolled as"), self.branch_label)
        form.addRow(self.tr("State"), self.state_label)
        form.addRow("", self.error_label)
        form.addRow(self.tr("Month-end"), close_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        self.show_status(self.controller.refresh())

    # -- showing -------------------------------------------------------------------------
    def show_status(self, status: SyncStatus) -> None:
        today = self.ctx.clock.today()
        if status.server_url and not self.server_edit.text():
            self.server_edit.setText(status.server_url)
        if status.enrolled:
            self.branch_label.setText(self.tr("{name} ({code})").format(name=status.branch_name, code=status.branch_code))
            self.enroll_button.setText(self.tr("Enroll again"))
        else:
            self.branch_label.setText(self.tr("Not enrolled: ask the superior organisation for an enrollment code"))
            self.enroll_button.setText(self.tr("Enroll"))
        last = (self.tr("last success {when}").format(when=when_text(status.last_success_at, today))
                if status.last_success_at else self.tr("nothing sent yet"))
        text = self.tr("{waiting} waiting, {sent} sent, {last}").format(waiting=status.waiting, sent=status.sent, last=last)
        if status.refused:
            text += self.tr("; {n} refused by the server (kept)").format(n=status.refused)
        if status.last_error and status.next_attempt_at:
            text += self.tr("; next try {when}").format(when=when_text(status.next_attempt_at, today))
        self.state_label.setText(text)
        self.error_label.setText(status.last_error)
        self.error_label.setVisible(bool(status.last_error))
        months = ended_months(today, status.closed_periods)
        current = self.month_combo.currentText()
        self.month_combo.clear()
        self.month_combo.addItems(months)
        if current in months:
            self.month_combo.setCurrentText(current)
        for widget in (self.sync_button, self.snapshot_button, self.export_button, self.close_button, self.month_combo):
            widget.setEnabled(status.enrolled)
        self.close_button.setEnabled(status.enrolled and bool(months))
        self.export_button.setEnabled(status.enrolled and status.waiting > 0)
        self.sync_button.setEnabled(status.enrolled and not self.controller.running)

    def _refused(self, err: BaseException) -> None:
        if is_known(err):
            QMessageBox.warning(self, self.tr("Sync"), str(err))
        else:
            import sys
            sys.excepthook(type(err), err, err.__traceback__)
        self.controller.refresh()

    # -- doing ---------------------------------------------------------------------------
    def enroll(self) -> None:
        self.enroll_message.clear_message()
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        if not code:
            self.enroll_message.show_error(self.tr("Enter the enrollment code from the superior organisation"))
            return
        self.enroll_button.setEnabled(False)

        def done(status: SyncStatus) -> None:
            self.enroll_button.setEnabled(True)
            self.code_edit.clear()
            self.controller.refresh()
            self.changed.emit()
            self.controller.sync_now()  # anything already waiting goes now

        def failed(err: BaseException) -> None:
            self.enroll_button.setEnabled(True)
            if is_known(err):
                self.enroll_message.show_error(str(err))
            else:
                self._refused(err)

        run(self.controller.service.enroll, server, code).on_success(done).on_failure(failed)

    def sync_now(self):
        task = self.controller.sync_now()
        if task is not None:
            self.sync_button.setEnabled(False)
            task.on_success(lambda result: self.changed.emit())
        return task

    def close_month(self) -> None:
        period = self.month_combo.currentText()
        if not period:
            return
        # One literal: pyside6-lupdate does not join adjacent strings.
        answer = QMessageBox.question(self, self.tr("Close the month"), self.tr("Close {month}? Its summary (figures only: no names, ID numbers or phones) goes to the superior organisation. A month is closed once; later changes go up with next month's summary.").format(month=period))
        if answer != QMessageBox.Yes:
            return
        try:
            self.controller.service.close_month(period)
        except KnownError as err:
            self._refused(err)
            return
        self.controller.refresh()
        self.changed.emit()
        self.sync_now()

    def snapshot_now(self) -> None:
        try:
            self.controller.service.snapshot_now()
        except KnownError as err:
            self._refused(err)
            return
        self.controller.refresh()
        self.sync_now()

    def export_file(self, path: str | None = None) -> int | None:
        if path is None:
            default = Path.home() / self.tr("summaries-{code}-{month}.json").format(
                code=(self.controller.status.branch_code if self.controller.status else ""), month=period_of(self.ctx.clock.today()))
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the waiting summaries"), str(default),
                                                  self.tr("Summary files (*.json)"))
            if not path:
                return None
        try:
            n = self.controller.service.export_file(Path(path))
        except KnownError as err:
            self._refused(err)
            return None
        QMessageBox.information(self, self.tr("Sync"), self.tr("{n} summaries saved to {file}. Take the file to the superior organisation; the summaries stay waiting here and are sent again when this PC reaches the server (the server keeps each once).").format(n=n, file=path))
        return n
