"""党费: the year's ledger (one row per member, one column per month), payments, remittances,
the settings the superior decides, and the outputs — 台账 .xlsx and the yearly 公示.

The ledger of a big branch is computed off the UI thread (desktop/ui/worker.py); after a
payment only that member's row is recomputed."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QFrame, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from core.dues import DuesCategory
from core.members import RollStatus
from desktop.context import AppContext
from desktop.services.dues import BaseEntry, fen_text
from desktop.services.dues_ledger import Ledger, month_totals
from desktop.services.errors import KnownError
from desktop.ui import worker
from desktop.ui.dues_chart import DuesChart
from desktop.ui.dues_model import (COL_ARREARS, COL_BASE, COL_CATEGORY, COL_DUE_TOTAL, COL_FIRST_MONTH, COL_GROUP,
                                   COL_MONTHLY, COL_NAME, COL_PAID_TOTAL, COL_STANDARD, LedgerFilter, LedgerModel,
                                   PaymentsModel, RemittancesModel)
from desktop.ui.dues_settings import DuesSettings
from desktop.ui.messages import is_known, show_known_error

# Above this many members the ledger is computed in the background (a few hundred ms).
BACKGROUND_FROM = 3000
SPREADSHEETS = "*.xlsx *.xls *.ods *.csv"


def _table(model, parent=None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(True)
    return view


class DuesPage(QWidget):
    duesChanged = Signal()
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        self.ledger: Ledger | None = None
        self.loading = False
        self.stale = False
        today = ctx.clock.today()

        # -- actions --
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, today.year + 1)
        self.year_spin.setValue(today.year)
        self.year_spin.setSuffix(self.tr(" (year)"))
        self.pay_button = QPushButton(self.tr("Record payment…"))
        self.base_button = QPushButton(self.tr("Set base…"))
        self.import_button = QPushButton(self.tr("Import payroll…"))
        self.fix_button = QPushButton(self.tr("Fix this year's bases"))
        self.fix_button.setToolTip(self.tr("Record the roster's base as this year's base for every member who has none yet, "
                                           "so that later changes on the roster do not change this year's amounts"))
        self.remit_button = QPushButton(self.tr("Hand up…"))
        self.export_button = QPushButton(self.tr("Export ledger…"))
        self.publish_button = QPushButton(self.tr("Publication…"))
        self.publish_button.setToolTip(self.tr("The yearly publication of dues (公示), in print preview"))
        self.pdf_button = QPushButton(self.tr("Publication as PDF…"))
        self.pay_button.clicked.connect(lambda: self.record_payment())
        self.base_button.clicked.connect(lambda: self.set_base())
        self.import_button.clicked.connect(lambda: self.import_payroll())
        self.fix_button.clicked.connect(self.fix_bases)
        self.remit_button.clicked.connect(lambda: self.record_remittance())
        self.export_button.clicked.connect(lambda: self.export_ledger())
        self.publish_button.clicked.connect(lambda: self.show_publication())
        self.pdf_button.clicked.connect(lambda: self.export_publication())
        actions = QHBoxLayout()
        actions.addWidget(self.year_spin)
        for b in (self.pay_button, self.base_button):
            actions.addWidget(b)
        actions.addWidget(self._separator())
        for b in (self.import_button, self.fix_button):
            actions.addWidget(b)
        actions.addWidget(self._separator())
        for b in (self.remit_button, self.export_button, self.publish_button, self.pdf_button):
            actions.addWidget(b)
        actions.addStretch(1)

        # -- the year at a glance --
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.RichText)  # short rows: sized to its text, never wrapped
        self.summary.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.chart = DuesChart()
        glance = QHBoxLayout()
        glance.addWidget(self.summary)
        glance.addWidget(self.chart, 1)

        # -- filters --
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name or pinyin initials"))
        self.search_edit.setClearButtonEnabled(True)
        self.group_combo = QComboBox()
        self.group_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.arrears_check = QCheckBox(self.tr("Only members with something unpaid"))
        self.count_label = QLabel()
        self.search_edit.textChanged.connect(self.apply_filter)
        self.group_combo.currentIndexChanged.connect(self.apply_filter)
        self.arrears_check.toggled.connect(self.apply_filter)
        self.filters = QWidget()
        filters = QHBoxLayout(self.filters)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.group_combo)
        filters.addWidget(self.arrears_check)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #e8f5e9; color: #1b5e20; padding: 6px; border-radius: 3px;")
        self.notice.hide()

        # -- the ledger --
        self.model = LedgerModel(self)
        self.model.baseEdited.connect(self._base_typed)
        self.model.editRefused.connect(lambda text: show_known_error(self, KnownError(text)))
        self.view = _table(self.model)
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.AscendingOrder)
        header.setStretchLastSection(False)
        self.view.setSortingEnabled(True)
        self.view.activated.connect(lambda index: self.record_payment())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._fit_columns()

        # -- payments and remittances --
        self.payments_model = PaymentsModel(self)
        self.payments_view = _table(self.payments_model)
        self.reverse_payment_button = QPushButton(self.tr("Reverse the selected payment…"))
        self.reverse_payment_button.clicked.connect(lambda: self.reverse_payment())
        self.remittances_model = RemittancesModel(self)
        self.remittances_view = _table(self.remittances_model)
        self.reverse_remittance_button = QPushButton(self.tr("Reverse the selected remittance…"))
        self.reverse_remittance_button.clicked.connect(lambda: self.reverse_remittance())
        for view, widths in ((self.payments_view, (100, 90, 190, 90, 90, 110, 110)), (self.remittances_view, (100, 100, 200, 120))):
            for c, w in enumerate(widths):
                view.setColumnWidth(c, w)
        self.payments_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.remittances_view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.settings_widget = DuesSettings(ctx)
        self.settings_widget.changed.connect(self._settings_changed)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.view, self.tr("Ledger"))
        self.tabs.addTab(self._with_button(self.payments_view, self.reverse_payment_button), self.tr("Payments"))
        self.tabs.addTab(self._with_button(self.remittances_view, self.reverse_remittance_button), self.tr("Handed up"))
        self.tabs.addTab(self.settings_widget, self.tr("Dues settings"))
        # The search and the group filter are the ledger's.
        self.tabs.currentChanged.connect(self._tab_changed)
        self.lists_stale = True

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(glance)
        layout.addWidget(self.filters)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

        self.year_spin.valueChanged.connect(lambda _: self.reload())
        self.reload()

    # -- building ------------------------------------------------------------------------------
    @staticmethod
    def _separator() -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.VLine)
        line.setFrameShadow(QFrame.Sunken)
        return line

    @staticmethod
    def _with_button(view: QTableView, button: QPushButton) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        v.addLayout(row)
        v.addWidget(view, 1)
        return box

    def _fit_columns(self) -> None:
        """Widths from the font (ResizeToContents would measure 10,000 rows)."""
        fm = self.view.fontMetrics()
        samples = {COL_NAME: "欧阳晓明明", COL_GROUP: "第一党小组", COL_CATEGORY: DuesCategory.RETIRED.label,
                   COL_BASE: "12345.00", COL_STANDARD: "1.5%", COL_MONTHLY: "246.90",
                   COL_DUE_TOTAL: "12345.00", COL_PAID_TOTAL: "12345.00", COL_ARREARS: self.model.arrears_text(12)}
        for m in range(12):
            samples[COL_FIRST_MONTH + m] = "246.90"
        for column, text in samples.items():
            head = fm.horizontalAdvance(self.model.headerData(column, Qt.Horizontal)) + 12
            self.view.setColumnWidth(column, min(max(fm.horizontalAdvance(text) + 10, head), 200))
        # The group filter says which group is shown; the column would push December and
        # the year's totals off a 1366-pixel screen (it is in the exported ledger).
        self.view.setColumnHidden(COL_GROUP, True)

    # -- loading ---------------------------------------------------------------------------------
    def year(self) -> int:
        return self.year_spin.value()

    def reload(self, background: bool | None = None) -> worker.Task | None:
        year = self.year()
        if background is None:
            size = len(self.ledger.rows) if self.ledger is not None else self.ctx.dues.member_count()
            background = size > BACKGROUND_FROM
        if not background:
            self._loaded(self.ctx.dues.ledger(year))
            return None
        self.loading = True
        self.count_label.setText(self.tr("Computing the {year} ledger…").format(year=year))
        return (worker.run(self.ctx.dues.ledger, year)
                .on_success(lambda ledger: self._loaded(ledger) if ledger.year == self.year() else None)
                .on_failure(self._failed))

    def mark_stale(self) -> None:
        """Members changed elsewhere: reload now if shown, else when next shown."""
        self.stale = True
        if self.isVisible():
            self.stale = False
            self.reload()

    def showEvent(self, event) -> None:
        if self.stale:
            self.stale = False
            self.reload()
        super().showEvent(event)

    def _loaded(self, ledger: Ledger) -> None:
        self.loading = False
        selected = self.selected_row()
        self.ledger = ledger
        self.model.set_ledger(ledger)
        self._refresh_groups()
        self._fill_lists()
        self._after_change(selected.member_id if selected else None)
        self.loaded.emit()

    def _fill_lists(self, force: bool = False) -> None:
        """Payments and remittances of the year, newest first — when their tab is shown: a
        big branch has tens of thousands of payments a year, which the ledger does not need."""
        self.lists_stale = True
        if force or self.tabs.currentIndex() in (1, 2):
            self.lists_stale = False
            self.payments_model.set_rows(self.ctx.dues.payments(self.year())[::-1])
            self.remittances_model.set_rows(self.ctx.dues.remittances(self.year())[::-1])

    def _tab_changed(self, index: int) -> None:
        self.filters.setVisible(index == 0)
        if index in (1, 2) and self.lists_stale:
            self._fill_lists(force=True)

    def _after_change(self, keep: int | None = None) -> None:
        self._update_summary()
        self._after_filter(keep)

    def _update_summary(self) -> None:
        ledger = self.ledger
        rows = self.model.all_rows()
        due, paid = month_totals(rows)
        upto = max(ledger.reference_month, 0)
        due_so_far, paid_so_far = sum(due[:upto]), sum(paid[:upto])
        active = [r for r in rows if r.roll_status == RollStatus.ACTIVE.value]
        warnings = sum(1 for r in active if r.flag == "warning")
        alerts = sum(1 for r in active if r.flag == "alert")
        shortfalls = sum(1 for r in active if r.shortfall)
        rows = [(self.tr("Due so far"), self.tr("{amount} yuan").format(amount=fen_text(due_so_far))),
                (self.tr("Collected"), self.tr("{amount} yuan").format(amount=fen_text(paid_so_far))),
                (self.tr("Due for the year"), self.tr("{amount} yuan").format(amount=fen_text(sum(due)))),
                (self.tr("Held by the branch"), self.tr("{amount} yuan").format(amount=fen_text(self.ctx.dues.held())))]
        if alerts or warnings:
            rows.append((self.tr("Behind 3–5 months"), self.tr("{n} member(s)").format(n=warnings)))
            rows.append((self.tr("Behind 6 months or more"), self.tr("{n} member(s)").format(n=alerts)))
        if shortfalls:
            rows.append((self.tr("Owe a difference"), self.tr("{n} member(s)").format(n=shortfalls)))
        red = {self.tr("Behind 3–5 months"), self.tr("Behind 6 months or more")}
        cells = "".join(
            f'<tr><td style="padding-right:10px;">{label}</td>'
            f'<td align="right" style="{"color:#b71c1c;" if label in red else ""}"><b>{value}</b></td></tr>'
            for label, value in rows)
        lines = [self.tr("<b>{year}</b> dues").format(year=ledger.year), f"<table>{cells}</table>"]
        if not (alerts or warnings):
            lines.append(self.tr("No member is 3 months or more behind"))
        if ledger.records_since is None:
            lines.append('<p style="color:#555;">' + self.tr("No payment recorded yet: arrears are counted from the first month paid here.") + "</p>")
        self.summary.setText("".join(lines))
        self.chart.set_data(due, paid, ledger.reference_month)

    def _refresh_groups(self) -> None:
        current = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("All party groups"), None)
        for g in self.model.groups():
            self.group_combo.addItem(g, g)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(current)) if current is not None else 0)
        self.group_combo.blockSignals(False)

    def apply_filter(self) -> None:
        selected = self.selected_row()
        self.model.set_filter(LedgerFilter(self.search_edit.text(), self.group_combo.currentData(), self.arrears_check.isChecked()))
        self._after_filter(selected.member_id if selected else None)

    def _after_filter(self, keep: int | None) -> None:
        self.count_label.setText(self.tr("{shown} of {total} members").format(shown=self.model.rowCount(), total=len(self.model.all_rows())))
        if keep is not None:
            self.select_member(keep)
        self._selection_changed()

    # -- selection -------------------------------------------------------------------------------
    def selected_row(self):
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of_member(member_id)
        if row < 0 and (self.search_edit.text() or self.arrears_check.isChecked() or self.group_combo.currentIndex() > 0):
            self.search_edit.clear()
            self.arrears_check.setChecked(False)
            self.group_combo.setCurrentIndex(0)
            row = self.model.row_of_member(member_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, *args) -> None:
        self.base_button.setEnabled(self.selected_row() is not None)
        self.reverse_payment_button.setEnabled(self._selected(self.payments_view, self.payments_model) is not None)
        self.reverse_remittance_button.setEnabled(self._selected(self.remittances_view, self.remittances_model) is not None)

    @staticmethod
    def _selected(view: QTableView, model):
        rows = view.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    # -- dialogs -----------------------------------------------------------------------------------
    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.finished.connect(lambda _: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _member_changed(self, member_id: int) -> None:
        """After a payment or a base for one member: recompute that row only (the first
        payment ever recorded changes where arrears are counted from: everything then)."""
        if self.ledger is None or self.ledger.records_since is None:
            self.reload()
        else:
            fresh = self.ctx.dues.ledger(self.year(), [member_id]).rows
            self.model.replace_rows(fresh)
            self._fill_lists()
            self._after_change(member_id)
        self.select_member(member_id)
        self.duesChanged.emit()

    def record_payment(self, member_id: int | None = None):
        from desktop.ui.payment_dialog import PaymentDialog
        if member_id is None:
            row = self.selected_row()
            member_id = row.member_id if row else None
        dialog = PaymentDialog(self.ctx, self.model.all_rows(), member_id, self)
        dialog.recorded.connect(self._paid)
        return self._open(dialog)

    def _paid(self, member_id: int) -> None:
        self._member_changed(member_id)
        self.show_notice(self.tr("Payment recorded for {name}.").format(name=self.model.member(member_id).name if self.model.member(member_id) else ""))

    def set_base(self, member_id: int | None = None):
        from desktop.ui.base_dialog import BaseDialog
        row = self.model.member(member_id) if member_id is not None else self.selected_row()
        if row is None:
            return None
        dialog = BaseDialog(self.ctx, self.year(), row, self)
        dialog.saved.connect(self._member_changed)
        return self._open(dialog)

    def _base_typed(self, member_id: int, fen: int) -> None:
        row = self.model.member(member_id)
        try:
            self.ctx.dues.set_base(BaseEntry(member_id, self.year(), 1, DuesCategory(row.category), fen))
        except KnownError as err:
            show_known_error(self, err)
            return
        self._member_changed(member_id)

    def fix_bases(self) -> int:
        count = self.ctx.dues.fix_year_bases(self.year())
        self.reload()
        self.show_notice(self.tr("{n} members' bases were fixed for {year} from the roster.").format(n=count, year=self.year()) if count
                         else self.tr("Every member already has a base for {year}.").format(year=self.year()))
        return count

    def reverse_payment(self):
        from desktop.ui.payment_dialog import ReversalDialog
        p = self._selected(self.payments_view, self.payments_model)
        if p is None:
            return None
        description = self.tr("Payment of {amount} yuan by {name} on {date} ({months})").format(
            amount=fen_text(p.amount_fen), name=p.name, date=p.paid_on.isoformat(), months=p.months_text or self.tr("voluntary extra"))
        dialog = ReversalDialog(self.ctx, description, lambda on, reason: self.ctx.dues.reverse_payment(p.id, on, reason), self)
        dialog.reversed.connect(lambda: self._member_changed(p.member_id))
        return self._open(dialog)

    def record_remittance(self):
        from desktop.ui.remittance_dialog import RemittanceDialog
        dialog = RemittanceDialog(self.ctx, self)
        dialog.recorded.connect(self._remittances_changed)
        return self._open(dialog)

    def reverse_remittance(self):
        from desktop.ui.payment_dialog import ReversalDialog
        r = self._selected(self.remittances_view, self.remittances_model)
        if r is None:
            return None
        description = self.tr("Handed up {amount} yuan to {recipient} on {date}").format(
            amount=fen_text(r.amount_fen), recipient=r.recipient, date=r.remitted_on.isoformat())
        dialog = ReversalDialog(self.ctx, description, lambda on, reason: self.ctx.dues.reverse_remittance(r.id, on, reason), self)
        dialog.reversed.connect(self._remittances_changed)
        return self._open(dialog)

    def _remittances_changed(self) -> None:
        self.tabs.setCurrentIndex(2)
        self._fill_lists(force=True)
        self._update_summary()
        self.duesChanged.emit()

    def _settings_changed(self) -> None:
        self.reload()
        self.duesChanged.emit()

    # -- files -------------------------------------------------------------------------------------
    def _failed(self, err: BaseException) -> None:
        self.loading = False
        if is_known(err):
            show_known_error(self, err)
        else:
            sys.excepthook(type(err), err, err.__traceback__)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def import_payroll(self, path: str | Path | None = None, from_month: int = 1) -> worker.Task | None:
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Bases from a payroll spreadsheet"), folder,
                                                  self.tr("Spreadsheets ({patterns})").format(patterns=SPREADSHEETS))
            if not path:
                return None
        from desktop.services import dues_files
        path = Path(path)
        self.notice.hide()
        return (worker.run(dues_files.read_base_plan, self.ctx, path, self.year(), from_month)
                .with_progress(self, self.tr("Reading {file}…").format(file=path.name))
                .on_success(self._show_base_plan)
                .on_failure(self._failed))

    def _show_base_plan(self, plan):
        from desktop.ui.base_import_dialog import BaseImportDialog
        dialog = BaseImportDialog(self.ctx, plan, self)
        dialog.imported.connect(self._bases_imported)
        return self._open(dialog)

    def _bases_imported(self, count: int) -> None:
        self.reload()
        self.show_notice(self.tr("Recorded {n} bases from the payroll.").format(n=count))
        self.duesChanged.emit()

    def export_ledger(self, path: str | Path | None = None) -> worker.Task | None:
        if path is None:
            folder = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))
            suggested = folder / self.tr("Party dues ledger {year}.xlsx").format(year=self.year())
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the dues ledger"), str(suggested), self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return None
        from desktop.services import dues_files
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        return (worker.run(dues_files.export_ledger, self.ctx, self.year(), path)
                .with_progress(self, self.tr("Writing {file}…").format(file=path.name))
                .on_success(lambda n: self.show_notice(self.tr("Exported the ledger of {n} members to {file}").format(n=n, file=str(path))))
                .on_failure(self._failed))

    def show_publication(self):
        from desktop.services import dues_files
        from desktop.ui.publication import PublicationPreview
        dialog = PublicationPreview(dues_files.publication(self.ctx, self.year()), self)
        return self._open(dialog)

    def export_publication(self, path: str | Path | None = None) -> int | None:
        from desktop.services import dues_files
        from desktop.ui.publication import export_pdf
        if path is None:
            folder = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))
            suggested = folder / self.tr("Party dues publication {year}.pdf").format(year=self.year())
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the publication as PDF"), str(suggested), self.tr("PDF (*.pdf)"))
            if not path:
                return None
        try:
            pages = export_pdf(dues_files.publication(self.ctx, self.year()), Path(path))
        except KnownError as err:
            show_known_error(self, err)
            return None
        self.show_notice(self.tr("Saved the publication ({pages} pages) to {file}").format(pages=pages, file=str(path)))
        return pages
