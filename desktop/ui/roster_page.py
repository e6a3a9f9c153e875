"""党员花名册: the roster table, its search and filters, and the actions on members."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QFrame, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QStackedWidget, QTableView,
                               QVBoxLayout, QWidget)

from core.dues import DuesCategory
from core.members import Gender, MemberCategory, RollStatus
from desktop.context import AppContext
from desktop.services.members import RosterRow
from desktop.ui import worker
from desktop.ui.event_dialog import StatusChangeDialog
from desktop.ui.import_dialog import ImportDialog
from desktop.ui.member_dialog import MemberDialog
from desktop.ui.messages import is_known, show_known_error
from desktop.ui.roster_model import (COL_BIRTH, COL_CATEGORY, COL_DUES, COL_EDUCATION, COL_FULL, COL_GENDER,
                                     COL_GROUP, COL_ID, COL_JOINED, COL_NAME, COL_POST, COL_STATUS, STATUS_ALL,
                                     STATUS_LOST, STATUS_MOBILE, STATUS_SUSPENDED, RosterFilter, RosterModel)

NO_GROUP = ""  # the group filter's value for members in no 党小组 (None means every group)
IMPORT_SUFFIXES = "*.xlsx *.xls *.ods *.csv"


def ask_unmasked(parent: QWidget) -> bool | None:
    """Whether an export carries full ID numbers and phones; None when the user cancels.
    Partly hidden is the default (DESIGN, Personal data)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Question)
    box.setWindowTitle(QCoreApplication.translate("RosterPage", "Export the roster"))
    box.setText(QCoreApplication.translate("RosterPage", "How should ID numbers and phone numbers appear in the exported file?"))
    box.setInformativeText(QCoreApplication.translate("RosterPage", "Partly hidden is safer if the file will be sent or printed. "
                               "Exports with full numbers are recorded."))
    masked = box.addButton(QCoreApplication.translate("RosterPage", "Partly hidden (recommended)"), QMessageBox.AcceptRole)
    full = box.addButton(QCoreApplication.translate("RosterPage", "In full"), QMessageBox.ActionRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(masked)
    box.exec()
    clicked = box.clickedButton()
    return False if clicked is masked else True if clicked is full else None


class RosterPage(QWidget):
    membersChanged = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None  # the dialog open over the page, if any

        # -- actions --
        self.add_button = QPushButton(self.tr("Add member"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.status_button = QPushButton(self.tr("Status change"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.undo_button = QPushButton(self.tr("Undo last import"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.status_button.clicked.connect(self.change_status)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.undo_button.clicked.connect(self.undo_import)
        self.export_button.clicked.connect(lambda: self.export())
        self.add_button.setDefault(False)
        actions = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.status_button):
            actions.addWidget(b)
        separator = QFrame()
        separator.setFrameShape(QFrame.VLine)
        separator.setFrameShadow(QFrame.Sunken)
        actions.addWidget(separator)
        for b in (self.import_button, self.undo_button, self.export_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.count_label = QLabel()
        actions.addWidget(self.count_label)

        # -- search and filters --
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin initials or the last digits of the ID number"))
        self.search_edit.setClearButtonEnabled(True)
        # Wide enough for the hint in Chinese; it shares the row with the filters.
        self.search_edit.setMinimumWidth(min(self.fontMetrics().horizontalAdvance(self.search_edit.placeholderText()) + 40, 360))
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("All categories"), "")
        for c in MemberCategory:
            self.category_combo.addItem(c.label, c.value)
        self.group_combo = QComboBox()
        self.group_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), STATUS_ALL)
        self.status_combo.addItem(self.tr("Suspended"), STATUS_SUSPENDED)
        self.status_combo.addItem(self.tr("Lost contact"), STATUS_LOST)
        self.status_combo.addItem(self.tr("Mobile"), STATUS_MOBILE)
        for s in (RollStatus.TRANSFERRED_OUT, RollStatus.LEFT_PARTY, RollStatus.DECEASED):
            self.status_combo.addItem(s.label, s.value)
        self.former_check = QCheckBox(self.tr("Show former members"))
        self.search_edit.textChanged.connect(self.apply_filter)
        for combo in (self.category_combo, self.group_combo, self.status_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.former_check.toggled.connect(self.apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.category_combo)
        filters.addWidget(self.group_combo)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.former_check)

        # -- what just happened (import done, export written) --
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #e8f5e9; color: #1b5e20; padding: 6px; border-radius: 3px;")
        self.notice.hide()

        # -- the table --
        self.model = RosterModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)  # a third click returns to the roster's own order
        header.setSortIndicator(-1, Qt.AscendingOrder)
        self.view.setSortingEnabled(True)  # header clicks call RosterModel.sort
        self.view.activated.connect(lambda index: self.edit_selected())  # double-click or Enter
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        # When nothing shows, say why instead of an empty white table.
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #666; font-size: 12pt; background: white; border: 1px solid #ccc;")
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.view)
        self.table_stack.addWidget(self.empty_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.table_stack, 1)

        self._fit_columns()
        self.reload()

    # -- loading and filtering -------------------------------------------------------------
    def _fit_columns(self) -> None:
        """Widths from the font, not from the rows: ResizeToContents measures every row,
        which at 10,000 members costs seconds."""
        fm = self.view.fontMetrics()
        samples = {
            COL_NAME: ["欧阳晓明明"],
            COL_GENDER: [g.label for g in Gender],
            COL_CATEGORY: [c.label for c in MemberCategory],
            COL_GROUP: ["第一党小组（机关）"],  # longer names are elided, with a tooltip
            COL_ID: ["110105********002X"],
            COL_BIRTH: ["0000-00-00"], COL_JOINED: ["0000-00-00"], COL_FULL: ["0000-00-00"],
            COL_EDUCATION: ["大学本科"],
            COL_POST: ["社区网格员"],
            COL_DUES: [d.label for d in DuesCategory][:4],
            # The usual statuses; rarer combinations are elided, with the whole text as tooltip.
            COL_STATUS: ["在册（停止党籍）", "已转出"],
        }
        for column, texts in samples.items():
            header = fm.horizontalAdvance(self.model.headerData(column, Qt.Horizontal)) + 22  # + the sort arrow
            width = max(fm.horizontalAdvance(t) for t in texts) + 12
            self.view.setColumnWidth(column, min(max(width, header), 320))

    def reload(self) -> None:
        selected = self.selected_row()
        self.model.set_rows(self.ctx.members.roster())
        self._refresh_groups()
        self._after_filter(selected.id if selected else None)

    def _refresh_groups(self) -> None:
        current = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("All party groups"), None)
        for g in self.model.groups():
            self.group_combo.addItem(g, g)
        self.group_combo.addItem(self.tr("(no party group)"), NO_GROUP)
        index = self.group_combo.findData(current) if current is not None else 0
        self.group_combo.setCurrentIndex(max(index, 0))
        self.group_combo.blockSignals(False)
        if index < 0:  # the group it showed is gone
            self.apply_filter()

    def current_filter(self) -> RosterFilter:
        return RosterFilter(
            query=self.search_edit.text(),
            category=self.category_combo.currentData() or "",
            group=self.group_combo.currentData(),
            status=self.status_combo.currentData() or STATUS_ALL,
            show_former=self.former_check.isChecked(),
        )

    def apply_filter(self) -> None:
        selected = self.selected_row()
        self.model.set_filter(self.current_filter())
        self._after_filter(selected.id if selected else None)

    def _after_filter(self, keep_member: int | None) -> None:
        total, shown = self.model.total_in_scope(), self.model.rowCount()
        self.count_label.setText(self.tr("{total} members, {shown} shown").format(total=total, shown=shown))
        if shown:
            self.table_stack.setCurrentWidget(self.view)
        else:
            self.empty_label.setText(
                self.tr("No member matches. Try fewer letters, or set the filters back to “All”.") if total
                else self.tr("The roster is empty. Use “Add member” to enter members one by one, "
                             "or “Import…” to bring in the spreadsheet you already keep."))
            self.table_stack.setCurrentWidget(self.empty_label)
        if keep_member is not None:
            self.select_member(keep_member)
        self._selection_changed()

    # -- selection ---------------------------------------------------------------------
    def selected_row(self) -> RosterRow | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of_member(member_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.selectRow(row)
        self.view.scrollTo(index)
        return True

    def _selection_changed(self, *args) -> None:
        has = self.selected_row() is not None
        self.edit_button.setEnabled(has)
        self.status_button.setEnabled(has)

    # -- member actions ----------------------------------------------------------------
    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.finished.connect(lambda _: setattr(self, "dialog", None))
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _changed(self, member_id: int | None = None) -> None:
        self.reload()
        if member_id is not None:
            self.select_member(member_id)
        self.membersChanged.emit()

    def add_member(self) -> MemberDialog:
        dialog = MemberDialog(self.ctx, None, self)
        dialog.saved.connect(self._saved)
        return self._open(dialog)

    def open_member(self, member_id: int) -> MemberDialog:
        self.select_member(member_id)
        dialog = MemberDialog(self.ctx, member_id, self)
        dialog.saved.connect(self._saved)
        return self._open(dialog)

    def edit_selected(self) -> MemberDialog | None:
        row = self.selected_row()
        return self.open_member(row.id) if row else None

    def _saved(self, member_id: int) -> None:
        # A new member hidden by the current search would look lost: clear the search.
        self._changed(member_id)
        if not self.select_member(member_id) and self.search_edit.text():
            self.search_edit.clear()
            self.select_member(member_id)

    def change_status(self) -> StatusChangeDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = StatusChangeDialog(self.ctx, row, self)
        dialog.recorded.connect(self._changed)
        return self._open(dialog)

    # -- files ---------------------------------------------------------------------------
    def _failed(self, err: BaseException) -> None:
        if is_known(err):
            show_known_error(self, err)
        else:
            sys.excepthook(type(err), err, err.__traceback__)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def import_file(self, path: str | Path | None = None) -> worker.Task | None:
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import members from a spreadsheet"), folder,
                                                  self.tr("Spreadsheets ({patterns})").format(patterns=IMPORT_SUFFIXES))
            if not path:
                return None
        from desktop.services import importer
        path = Path(path)
        self.notice.hide()
        return (worker.run(importer.read_plan, self.ctx, path, on_duplicate="skip")
                .with_progress(self, self.tr("Reading {file}…").format(file=path.name))
                .on_success(lambda plan: self._show_plan(path, plan))
                .on_failure(self._failed))

    def _show_plan(self, path: Path, plan) -> ImportDialog:
        dialog = ImportDialog(self.ctx, path, plan, self)
        dialog.imported.connect(lambda result: self._imported(path, result))
        return self._open(dialog)

    def _imported(self, path: Path, result) -> None:
        self._changed()
        self.show_notice(self.tr("Imported from {file}: {created} new members, {updated} updated. "
                                 "If something is wrong, “Undo last import” puts the roster back.").format(
            file=path.name, created=result.created, updated=result.updated))

    def undo_import(self) -> worker.Task | None:
        from desktop.services import importer
        batch = importer.last_batch(self.ctx)
        title = self.tr("Undo last import")
        if batch is None:
            QMessageBox.information(self, title, self.tr("There is no import to undo."))
            return None
        answer = QMessageBox.question(
            self, title,
            self.tr("Undo the import of {file} made on {time}? "
                    "The {created} members it added will be removed, and the {updated} members it changed "
                    "will get their earlier values back.").format(
                file=batch.source_name, time=batch.imported_at.strftime("%Y-%m-%d %H:%M"),
                created=batch.created, updated=batch.updated),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return None
        return (worker.run_write(importer.undo_last, self.ctx)
                .on_success(self._undone)
                .on_failure(self._failed))

    def _undone(self, result) -> None:
        self._changed()
        self.show_notice(self.tr("Undid the import of {file}: {removed} members removed, {restored} restored.").format(
            file=result.source_name, removed=result.removed, restored=result.restored))

    def export(self, path: str | Path | None = None, unmasked: bool | None = None) -> worker.Task | None:
        if unmasked is None:
            unmasked = ask_unmasked(self)
            if unmasked is None:
                return None
        if path is None:
            folder = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))
            suggested = folder / "{}-{}.xlsx".format(self.tr("Party member roster"), self.ctx.clock.today().isoformat())
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the roster"), str(suggested),
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return None
        from desktop.services import exporter
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        # The write lane: an export with full numbers writes its audit record. Former members
        # go into the file when the roster shows them.
        return (worker.run_write(exporter.export_roster, self.ctx, path, unmasked=unmasked,
                                 include_former=self.former_check.isChecked())
                .on_success(lambda n: self.show_notice(
                    self.tr("Exported {n} members to {file}").format(n=n, file=str(path))))
                .on_failure(self._failed))
