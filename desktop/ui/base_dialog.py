"""Set a member's dues base for a year, or change it from a month on (a dated override), with
the monthly amount shown as it is typed and the year's history of bases below.

少交 / 免交 are recorded here with the approving body and date (required by DOMAIN §1)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from core.dates import DateError
from core.dues import APPROVED_CATEGORIES, FIXED_CATEGORIES, DuesCategory, DuesRuleError, parse_base
from core.values import ValueProblem, parse_money_fen
from desktop.context import AppContext
from desktop.services.dues import SOURCE_IMPORT, SOURCE_ROSTER, BaseEntry, fen_text
from desktop.services.dues_ledger import LedgerRow
from desktop.services.errors import KnownError
from desktop.ui.widgets import DateField, FieldMessage


class BaseDialog(QDialog):
    saved = Signal(int)  # member id

    def __init__(self, ctx: AppContext, year: int, row: LedgerRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.row = row
        self.setWindowTitle(self.tr("Dues base — {name}, {year}").format(name=row.name, year=year))
        self.setModal(True)

        self.category_combo = QComboBox()
        for c in DuesCategory:
            self.category_combo.addItem(c.label, c.value)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(row.category or DuesCategory.IN_SERVICE.value)))
        self.month_combo = QComboBox()
        self.month_combo.addItem(self.tr("The whole year (from January)"), 1)
        for m in range(2, 13):
            self.month_combo.addItem(self.tr("From month {n}").format(n=m), m)
        today = ctx.clock.today()
        if year == today.year and row.base_fen is not None and not row.from_roster:
            # A base already set for this year: a change is usually from this month on.
            self.month_combo.setCurrentIndex(today.month - 1)
        self.base_edit = QLineEdit(fen_text(row.base_fen))
        self.base_edit.setPlaceholderText(self.tr("yuan a month, after personal income tax"))
        self.base_hint = QLabel()
        self.base_hint.setWordWrap(True)
        self.base_hint.setStyleSheet("color: #555;")
        self.approved_edit = QLineEdit()
        self.approved_edit.setPlaceholderText(self.tr("yuan a month, as approved"))
        self.approved_by_edit = QLineEdit(row.approved_by)
        self.approved_by_edit.setMaxLength(100)
        self.approved_by_edit.setPlaceholderText(self.tr("e.g. the street Party working committee"))
        self.approved_on_edit = DateField()
        self.approved_on_edit.set_value(row.approved_on)
        self.note_edit = QLineEdit()
        self.amount_label = QLabel()
        font = self.amount_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.amount_label.setFont(font)
        self.error = FieldMessage()

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.form.addRow(self.tr("Dues category"), self.category_combo)
        self.form.addRow(self.tr("Applies"), self.month_combo)
        self.form.addRow(self.tr("Monthly base"), self.base_edit)
        self.form.addRow("", self.base_hint)
        self.form.addRow(self.tr("Approved amount"), self.approved_edit)
        self.form.addRow(self.tr("Approved by"), self.approved_by_edit)
        self.form.addRow(self.tr("Date approved"), self.approved_on_edit)
        self.form.addRow(self.tr("Note"), self.note_edit)
        self.form.addRow(self.tr("Monthly dues"), self.amount_label)

        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("From"), self.tr("Category"), self.tr("Base"), self.tr("Monthly"),
                                      self.tr("Recorded"), self.tr("Source"), self.tr("Note")])
        self.history.setMinimumHeight(120)
        history_label = QLabel(self.tr("Bases recorded for {year} (a later record for the same month replaces an earlier one, which stays here):").format(year=year))
        history_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(history_label)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.buttons)

        for w in (self.base_edit, self.approved_edit, self.approved_by_edit):
            w.textChanged.connect(self.update_amount)
        self.approved_on_edit.textChanged.connect(self.update_amount)
        self.category_combo.currentIndexChanged.connect(self._category_changed)
        self._category_changed()
        self._fill_history()
        self.resize(640, 600)

    def category(self) -> DuesCategory:
        return DuesCategory(self.category_combo.currentData())

    def _category_changed(self) -> None:
        c = self.category()
        needs_base = c not in FIXED_CATEGORIES and c not in APPROVED_CATEGORIES
        approved = c in APPROVED_CATEGORIES
        for w in (self.base_edit, self.base_hint):
            self.form.setRowVisible(w, needs_base)
        for w in (self.approved_by_edit, self.approved_on_edit):
            self.form.setRowVisible(w, approved)
        self.form.setRowVisible(self.approved_edit, c is DuesCategory.REDUCED)
        self.base_hint.setText({
            DuesCategory.ANNUAL_SALARY: self.tr("年薪制: the pay actually received that month; set each month that differs with “From month”."),
            DuesCategory.SELF_EMPLOYED: self.tr("个体经营: the average monthly net income of the previous quarter."),
            DuesCategory.RETIRED: self.tr("离退休: the pension actually received, without special allowances such as 护理费."),
        }.get(c, self.tr("在职: the regular monthly wage after personal income tax.")))
        self.update_amount()

    def _values(self):
        c = self.category()
        base = approved = None
        if c not in FIXED_CATEGORIES and c not in APPROVED_CATEGORIES:
            base = int(parse_base(self.base_edit.text()) * 100) if self.base_edit.text().strip() else None
        if c is DuesCategory.REDUCED:
            approved = parse_money_fen(self.approved_edit.text())
        on = self.approved_on_edit.value() if c in APPROVED_CATEGORIES else None
        return c, base, approved, self.approved_by_edit.text() if c in APPROVED_CATEGORIES else "", on

    def update_amount(self) -> bool:
        self.error.clear_message()
        try:
            c, base, approved, by, on = self._values()
            fen = self.ctx.dues.preview_amount(c, base, approved, by, on)
        except (DuesRuleError, ValueProblem, DateError, KnownError) as err:
            self.amount_label.setText("—")
            self.error.show_error(str(err))
            self.ok_button.setEnabled(False)
            return False
        self.amount_label.setText(self.tr("{amount} yuan").format(amount=fen_text(fen)))
        self.ok_button.setEnabled(True)
        return True

    def _fill_history(self) -> None:
        self.history.clear()
        sources = {SOURCE_IMPORT: self.tr("payroll import"), SOURCE_ROSTER: self.tr("from the roster")}
        for h in self.ctx.dues.base_history(self.row.member_id, self.year):
            item = QTreeWidgetItem([
                self.tr("Month {n}").format(n=h.from_month), DuesCategory(h.category).label, fen_text(h.base_fen),
                fen_text(h.monthly_fen), h.recorded_at.strftime("%Y-%m-%d %H:%M"), sources.get(h.source, self.tr("set by hand")),
                h.note + ((" " if h.note else "") + self.tr("(replaced)") if h.superseded else "")])
            if h.superseded:
                for c in range(7):
                    item.setForeground(c, QColor(150, 150, 150))
            self.history.addTopLevelItem(item)
        for c in range(7):
            self.history.resizeColumnToContents(c)

    def try_save(self) -> bool:
        if not self.update_amount():
            return False
        c, base, approved, by, on = self._values()
        entry = BaseEntry(self.row.member_id, self.year, self.month_combo.currentData(), c, base, approved, by, on,
                          self.note_edit.text())
        try:
            self.ctx.dues.set_base(entry)
        except KnownError as err:
            self.error.show_error(str(err))
            return False
        self.saved.emit(self.row.member_id)
        self.accept()
        return True
