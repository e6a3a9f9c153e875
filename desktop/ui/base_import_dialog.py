"""The preview of bases read from a payroll spreadsheet: which member each row matched, the
base and the monthly amount, and why any row was not taken — by its row number in the file."""
from __future__ import annotations

import sys

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from core.dues import DuesCategory
from desktop.context import AppContext
from desktop.services.dues import fen_text
from desktop.services.dues_files import BaseImportPlan
from desktop.ui import worker
from desktop.ui.dues_model import RowsModel
from desktop.ui.messages import is_known
from desktop.ui.widgets import ERROR_COLOUR, FieldMessage


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.Interactive)
    return view


class BaseImportDialog(QDialog):
    imported = Signal(int)  # how many bases were recorded

    def __init__(self, ctx: AppContext, plan: BaseImportPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.plan = plan
        self.busy = False
        self.setWindowTitle(self.tr("Import dues bases — {file}").format(file=plan.source.name))
        self.setModal(True)
        applies = (self.tr("the whole of {year}").format(year=plan.year) if plan.from_month == 1
                   else self.tr("{year} from month {month}").format(year=plan.year, month=plan.from_month))
        source = QLabel(self.tr("File: {file}; headings in row {row}: {columns}. The bases apply to {applies}.").format(
            file=plan.source.name, row=plan.header_row, columns=self.tr(", ").join(plan.columns), applies=applies))
        source.setWordWrap(True)
        counts = QLabel(self.tr("{ok} bases to record; {bad} rows with problems; {skipped} skipped").format(
            ok=len(plan.rows), bad=len(plan.rejected), skipped=len(plan.skipped)))
        font = counts.font()
        font.setBold(True)
        counts.setFont(font)

        self.rows_model = RowsModel([self.tr("Row"), self.tr("Member"), self.tr("Category"), self.tr("Base"),
                                     self.tr("Monthly dues"), self.tr("Warnings")], self, right=frozenset({3, 4}))
        self.rows_model.set_rows([(r.row, r.name, DuesCategory(r.category).label, fen_text(r.base_fen), fen_text(r.monthly_fen),
                                   self.tr("; ").join(r.warnings)) for r in plan.rows])
        self.rejected_model = RowsModel([self.tr("Row"), self.tr("Name"), self.tr("Problem")], self)
        self.rejected_model.set_rows([(p.row, p.name, p.message) for p in plan.rejected])
        self.skipped_model = RowsModel([self.tr("Row"), self.tr("Name"), self.tr("Why")], self)
        self.skipped_model.set_rows([(p.row, p.name, p.message) for p in plan.skipped])
        self.tabs = QTabWidget()
        for model, title in ((self.rows_model, self.tr("To record ({n})").format(n=len(plan.rows))),
                             (self.rejected_model, self.tr("Rows with problems ({n})").format(n=len(plan.rejected))),
                             (self.skipped_model, self.tr("Skipped ({n})").format(n=len(plan.skipped)))):
            view = _table(model)
            view.setColumnWidth(0, 56)
            view.setColumnWidth(1, 110)
            for c in range(2, model.columnCount() - 1):
                view.setColumnWidth(c, 100)
            self.tabs.addTab(view, title)
        if plan.rejected:
            self.tabs.tabBar().setTabTextColor(1, QColor(ERROR_COLOUR))
        self.error = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.import_button = self.buttons.button(QDialogButtonBox.Ok)
        self.import_button.setText(self.tr("Record {n} bases").format(n=len(plan.rows)))
        self.import_button.setEnabled(bool(plan.rows))
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addWidget(counts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(860, 560)

    def commit(self) -> None:
        if self.busy or not self.plan.rows:
            return
        from desktop.services import dues_files
        self.busy = True
        self.import_button.setEnabled(False)
        (worker.run_write(dues_files.commit_base_plan, self.ctx, self.plan)
         .on_success(self._done)
         .on_failure(self._failed))

    def _done(self, count: int) -> None:
        self.busy = False
        self.imported.emit(count)
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self.busy = False
        self.import_button.setEnabled(True)
        if is_known(err):
            self.error.show_error(str(err))
        else:
            sys.excepthook(type(err), err, err.__traceback__)
