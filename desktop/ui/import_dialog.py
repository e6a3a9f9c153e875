"""The import preview: what a spreadsheet will add or change, row by row, before anything
is written — and why each rejected row was rejected, by its row number in the file."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QRadioButton, QTableView, QTabWidget, QVBoxLayout, QWidget)

from desktop.context import AppContext
from desktop.ui import worker
from desktop.ui.import_model import PlanRowsModel, ProblemsModel, field_text
from desktop.ui.messages import is_known
from desktop.ui.widgets import ERROR_COLOUR, WARNING_COLOUR, FieldMessage

if TYPE_CHECKING:
    from desktop.services.importer import ImportPlan, ImportResult

SKIP, UPDATE = "skip", "update"


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


class ImportDialog(QDialog):
    """Shown after ``importer.read_plan`` finished in the background. ``imported`` carries
    the ImportResult once the commit (on the write lane) is done."""

    imported = Signal(object)

    def __init__(self, ctx: AppContext, path: Path, plan: "ImportPlan", parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.plan = plan
        self.busy = False
        self.setWindowTitle(self.tr("Import members — {file}").format(file=self.path.name))
        self.setModal(True)

        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.counts_label = QLabel()
        font = self.counts_label.font()
        font.setBold(True)
        self.counts_label.setFont(font)
        self.unknown_label = QLabel()
        self.unknown_label.setWordWrap(True)
        self.unknown_label.setStyleSheet(f"color: {WARNING_COLOUR};")

        self.duplicates_box = QGroupBox(self.tr("Members already on the roster (same ID number)"))
        self.skip_radio = QRadioButton(self.tr("Skip them: keep the roster as it is"))
        self.update_radio = QRadioButton(self.tr("Update them with the values in the file"))
        self.duplicate_choice = QButtonGroup(self)
        self.duplicate_choice.addButton(self.skip_radio)
        self.duplicate_choice.addButton(self.update_radio)
        h = QHBoxLayout(self.duplicates_box)
        h.addWidget(self.skip_radio)
        h.addWidget(self.update_radio)
        h.addStretch(1)

        self.rows_model = PlanRowsModel([], self)
        self.rejected_model = ProblemsModel([], self)
        self.skipped_model = ProblemsModel([], self)
        self.rows_view = _table(self.rows_model)
        self.rejected_view = _table(self.rejected_model)
        self.skipped_view = _table(self.skipped_model)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rows_view, "")
        self.tabs.addTab(self.rejected_view, "")
        self.tabs.addTab(self.skipped_view, "")

        self.error = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.import_button = self.buttons.button(QDialogButtonBox.Ok)
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.unknown_label)
        layout.addWidget(self.duplicates_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.set_plan(plan)
        # Connected after set_plan checked the right radio button: that is not a choice.
        self.update_radio.toggled.connect(self._duplicates_choice_changed)
        self.resize(900, 600)

    # -- showing a plan -----------------------------------------------------------------
    def set_plan(self, plan: "ImportPlan") -> None:
        self.plan = plan
        self.rows_model.set_rows(plan.rows)
        self.rejected_model.set_rows(plan.rejected)
        self.skipped_model.set_rows(plan.skipped)
        for view, widths in ((self.rows_view, (60, 110, 190, 70)), (self.rejected_view, (60,)),
                             (self.skipped_view, (60,))):
            for column, width in enumerate(widths):
                view.setColumnWidth(column, max(width, view.horizontalHeader().sectionSizeHint(column)))

        sheet = self.tr("worksheet “{sheet}”, ").format(sheet=plan.sheet) if plan.sheet else ""
        self.source_label.setText(self.tr("File: {file}; {sheet}headings found in row {row}: {columns}").format(
            file=self.path.name, sheet=sheet, row=plan.header_row,
            columns=self.tr(", ").join(t for t in map(field_text, plan.columns) if t)))
        created = sum(1 for r in plan.rows if r.action == "create")
        updated = sum(1 for r in plan.rows if r.action == "update")
        self.counts_label.setText(self.tr("{accepted} to import ({created} new, {updated} updated); "
                                          "{rejected} rows with problems; {skipped} skipped").format(
            accepted=plan.accepted, created=created, updated=updated,
            rejected=len(plan.rejected), skipped=len(plan.skipped)))
        if plan.unknown_headers:
            self.unknown_label.setText(self.tr("These columns were not recognised and will not be imported: {names}").format(
                names=self.tr(", ").join(plan.unknown_headers)))
            self.unknown_label.show()
        else:
            self.unknown_label.hide()

        self.skip_radio.setChecked(plan.on_duplicate != UPDATE)
        self.update_radio.setChecked(plan.on_duplicate == UPDATE)
        self.tabs.setTabText(0, self.tr("To import ({n})").format(n=plan.accepted))
        self.tabs.setTabText(1, self.tr("Rows with problems ({n})").format(n=len(plan.rejected)))
        self.tabs.setTabText(2, self.tr("Skipped ({n})").format(n=len(plan.skipped)))
        bar = self.tabs.tabBar()
        bar.setTabTextColor(1, QColor(ERROR_COLOUR) if plan.rejected else bar.tabTextColor(0))
        self.import_button.setText(self.tr("Import {n} members").format(n=plan.accepted))
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.import_button.setEnabled(not busy and self.plan.accepted > 0)
        self.duplicates_box.setEnabled(not busy)

    # -- re-planning and committing ------------------------------------------------------
    def set_duplicates(self, mode: str) -> None:
        (self.update_radio if mode == UPDATE else self.skip_radio).setChecked(True)

    def _duplicates_choice_changed(self) -> None:
        mode = UPDATE if self.update_radio.isChecked() else SKIP
        if mode == self.plan.on_duplicate or self.busy:
            return
        from desktop.services import importer
        self._set_busy(True)
        self.error.clear_message()
        (worker.run(importer.read_plan, self.ctx, self.path, on_duplicate=mode)
         .with_progress(self, self.tr("Reading {file} again…").format(file=self.path.name))
         .on_success(self.set_plan)
         .on_failure(self._failed))

    def commit(self) -> None:
        if self.busy or not self.plan.accepted:
            return
        from desktop.services import importer
        self._set_busy(True)
        self.error.clear_message()
        (worker.run_write(importer.commit, self.ctx, self.plan)
         .with_progress(self, self.tr("Importing {n} members…").format(n=self.plan.accepted))
         .on_success(self._committed)
         .on_failure(self._failed))

    def _committed(self, result: "ImportResult") -> None:
        self.busy = False
        self.imported.emit(result)
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self._set_busy(False)
        self.set_duplicates(self.plan.on_duplicate)  # the choice did not take effect
        if is_known(err):
            self.error.show_error(str(err))
        else:
            sys.excepthook(type(err), err, err.__traceback__)
