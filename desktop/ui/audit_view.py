"""审计日志: the audit log, read-only, newest first, with a button that checks the chain
(DESIGN, Personal data; the log: db/audit.py). Opened from the settings page."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from db.audit import VerifyResult
from desktop.context import AppContext
from desktop.services import audit
from desktop.ui import worker
from desktop.ui.audit_model import COL_ACTION, COL_AT, COL_DETAIL, COL_NUMBER, COL_SUBJECT, AuditModel
from desktop.ui.messages import is_known, show_known_error
from desktop.ui.widgets import ERROR_COLOUR

OK_COLOUR = "#2e7d32"


class AuditDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Audit log"))
        self.result: VerifyResult | None = None

        # One literal: pyside6-lupdate does not join adjacent strings.
        intro = QLabel(self.tr("Every time full ID numbers, phones or addresses are shown or exported, and every other act that cannot be taken back, is written here. Entries cannot be changed or removed; “Check the log” finds any that were."))
        intro.setWordWrap(True)

        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in (COL_NUMBER, COL_AT, COL_ACTION, COL_SUBJECT):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.Stretch)
        self.empty_label = QLabel(self.tr("Nothing has been recorded yet."))
        self.empty_label.setStyleSheet("color: #555;")

        self.verify_button = QPushButton(self.tr("Check the log"))
        self.verify_button.clicked.connect(self.verify)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.result_label, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(960, 560)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(audit.lines(self.ctx))
        self.empty_label.setVisible(self.model.rowCount() == 0)

    def verify(self) -> worker.Task:
        self.verify_button.setEnabled(False)
        self.result_label.hide()
        return (worker.run(audit.verify, self.ctx)
                .on_success(self._verified)
                .on_failure(self._failed))

    def _verified(self, result: VerifyResult) -> None:
        self.result = result
        self.verify_button.setEnabled(True)
        self.refresh()
        self.result_label.setText(result.message)
        self.result_label.setStyleSheet(f"color: {OK_COLOUR if result.ok else ERROR_COLOUR}; font-weight: bold;")
        self.result_label.show()
        if not result.ok and result.broken_at is not None:
            for r in range(self.model.rowCount()):
                if self.model.line(r).number == result.broken_at:
                    self.table.selectRow(r)
                    self.table.scrollTo(self.model.index(r, 0))
                    break

    def _failed(self, err: BaseException) -> None:
        self.verify_button.setEnabled(True)
        if is_known(err):
            show_known_error(self, err)
        else:
            sys.excepthook(type(err), err, err.__traceback__)


def open_audit_log(ctx: AppContext, parent: QWidget | None = None) -> AuditDialog:
    dialog = AuditDialog(ctx, parent)
    dialog.show()
    return dialog
