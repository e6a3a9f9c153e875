"""Record a dues payment for one or several months (补交 / 预交 within the window the rules
allow, 代缴 by someone else), and correct a mistaken entry by reversing it (DOMAIN §1).

The dialog asks the service for a quote whenever anything changes, so the amounts shown are
the amounts recorded — including the rest of any month paid before the base rose."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from core.dates import DateError
from core.dues import VOLUNTARY_TO_CENTRE
from core.dues_months import month_index, month_label, month_of
from core.members import RollStatus
from core.values import ValueProblem, parse_money_fen
from desktop.context import AppContext
from desktop.services.dues import PaymentMethod, PaymentQuote, PaymentRequest, fen_text, to_fen
from desktop.services.dues_ledger import LedgerRow
from desktop.services.errors import KnownError
from desktop.ui.widgets import WARNING_COLOUR, DateField, FieldMessage


class PaymentDialog(QDialog):
    """``rows``: the ledger's rows (for choosing the member); emits ``recorded(member_id)``."""

    recorded = Signal(int)

    def __init__(self, ctx: AppContext, rows: list[LedgerRow], member_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.quote: PaymentQuote | None = None
        self.setWindowTitle(self.tr("Record a dues payment"))
        self.setModal(True)
        config = ctx.dues.config()
        self.max_back, self.max_ahead = config.max_back, config.max_ahead

        self.member_combo = QComboBox()
        for r in rows:
            if r.roll_status == RollStatus.ACTIVE.value or any(r.owed):
                self.member_combo.addItem(r.name + (f"  ·  {r.group}" if r.group else ""), r.member_id)
        if member_id is not None:
            self.member_combo.setCurrentIndex(max(0, self.member_combo.findData(member_id)))
        self.date_edit = DateField()
        self.date_edit.set_value(ctx.clock.today())
        self.from_combo = QComboBox()
        self.to_combo = QComboBox()
        self.method_combo = QComboBox()
        for m in PaymentMethod:
            self.method_combo.addItem(m.label, m.value)
        self.receipt_edit = QLineEdit()
        self.receipt_edit.setMaxLength(50)
        self.paid_by_edit = QLineEdit()
        self.paid_by_edit.setMaxLength(40)
        self.paid_by_edit.setPlaceholderText(self.tr("Leave empty when the member pays in person"))
        self.voluntary_edit = QLineEdit()
        self.voluntary_edit.setPlaceholderText(self.tr("optional, yuan"))
        self.voluntary_note = QLabel()
        self.voluntary_note.setWordWrap(True)
        self.voluntary_note.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.voluntary_note.hide()
        self.note_edit = QLineEdit()

        months_row = QHBoxLayout()
        months_row.addWidget(self.from_combo, 1)
        months_row.addWidget(QLabel(self.tr("to")))
        months_row.addWidget(self.to_combo, 1)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.addRow(self.tr("Member"), self.member_combo)
        form.addRow(self.tr("Date paid"), self.date_edit)
        form.addRow(self.tr("Months paid for"), months_row)
        form.addRow(self.tr("Method"), self.method_combo)
        form.addRow(self.tr("Receipt no."), self.receipt_edit)
        form.addRow(self.tr("Paid by (代缴)"), self.paid_by_edit)
        form.addRow(self.tr("Voluntary extra"), self.voluntary_edit)
        form.addRow("", self.voluntary_note)
        form.addRow(self.tr("Note"), self.note_edit)

        self.lines = QTreeWidget()
        self.lines.setRootIsDecorated(False)
        self.lines.setHeaderLabels([self.tr("Month"), self.tr("Due"), self.tr("Paid before"), self.tr("This payment")])
        self.lines.setSelectionMode(QAbstractItemView.NoSelection)
        self.lines.header().setSectionResizeMode(QHeaderView.Stretch)
        self.lines.header().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        for c in (1, 2, 3):
            self.lines.headerItem().setTextAlignment(c, Qt.AlignRight | Qt.AlignVCenter)
        self.lines.setMinimumHeight(150)
        self.total_label = QLabel()
        font = self.total_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.total_label.setFont(font)
        self.error = FieldMessage()

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Record payment"))
        self.buttons.accepted.connect(self.try_record)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.member_combo.currentIndexChanged.connect(self._member_changed)
        self.date_edit.editingFinished.connect(self._date_changed)
        self.from_combo.currentIndexChanged.connect(self._from_changed)
        self.to_combo.currentIndexChanged.connect(self.update_quote)
        self.voluntary_edit.textChanged.connect(self.update_quote)
        self._fill_months()
        self.resize(560, 640)

    # -- months --------------------------------------------------------------------------
    def member_id(self) -> int | None:
        return self.member_combo.currentData()

    def _paid_on(self) -> date | None:
        try:
            return self.date_edit.value()
        except DateError:
            return None

    def _fill_months(self) -> None:
        """The months a payment made on the chosen date may cover; from the first unpaid one."""
        paid_on = self._paid_on() or self.ctx.clock.today()
        here = month_index(paid_on.year, paid_on.month)
        months = list(range(here - self.max_back, here + self.max_ahead + 1))
        first = self._first_unpaid(months) or here
        for combo in (self.from_combo, self.to_combo):
            combo.blockSignals(True)
            combo.clear()
            for m in months:
                combo.addItem(month_label(m), m)
            combo.blockSignals(False)
        self.from_combo.setCurrentIndex(self.from_combo.findData(first))
        self.to_combo.setCurrentIndex(self.to_combo.findData(max(first, here)))
        self.update_quote()

    def _first_unpaid(self, months: list[int]) -> int | None:
        mid = self.member_id()
        if mid is None:
            return None
        years = sorted({month_of(m)[0] for m in months})
        for y in years:
            row = self.ctx.dues.ledger(y, [mid]).row_of(mid)
            if row is None:
                continue
            for i in range(12):
                m = month_index(y, i + 1)
                if m in months and row.owed[i] and row.due[i] and row.paid[i] == 0:
                    return m
        return None

    def set_months(self, first: tuple[int, int], last: tuple[int, int]) -> None:
        self.from_combo.setCurrentIndex(self.from_combo.findData(month_index(*first)))
        self.to_combo.setCurrentIndex(self.to_combo.findData(month_index(*last)))
        self.update_quote()

    def _member_changed(self) -> None:
        self._fill_months()

    def _date_changed(self) -> None:
        self._fill_months()

    def _from_changed(self) -> None:
        if (self.to_combo.currentData() or 0) < (self.from_combo.currentData() or 0):
            self.to_combo.blockSignals(True)
            self.to_combo.setCurrentIndex(self.from_combo.currentIndex())
            self.to_combo.blockSignals(False)
        self.update_quote()

    def chosen_months(self) -> list[tuple[int, int]]:
        first, last = self.from_combo.currentData(), self.to_combo.currentData()
        if first is None or last is None or last < first:
            return []
        return [month_of(m) for m in range(first, last + 1)]

    def _voluntary_fen(self) -> int:
        return parse_money_fen(self.voluntary_edit.text()) or 0

    # -- the quote -------------------------------------------------------------------------
    def update_quote(self) -> None:
        self.error.clear_message()
        self.lines.clear()
        self.quote = None
        ok = False
        try:
            voluntary = self._voluntary_fen()
        except ValueProblem as err:
            self.error.show_error(str(err))
            voluntary = 0
            bad_voluntary = True
        else:
            bad_voluntary = False
        self.voluntary_note.setVisible(voluntary >= to_fen(VOLUNTARY_TO_CENTRE))
        self.voluntary_note.setText(self.tr("A single voluntary payment of 1000 yuan or more goes entirely to the Central Committee (第十一条)."))
        paid_on = self._paid_on()
        mid = self.member_id()
        if paid_on is None:
            self.error.show_error(self.tr("The date of payment is not a date"))
        elif mid is not None and not bad_voluntary:
            try:
                self.quote = self.ctx.dues.quote(mid, self.chosen_months(), paid_on)
                ok = True
            except KnownError as err:
                self.error.show_error(str(err))
        total = 0
        if self.quote is not None:
            for line in self.quote.lines:
                item = QTreeWidgetItem([line.label + (self.tr(" (difference)") if line.difference else ""),
                                        fen_text(line.due_fen), fen_text(line.paid_before_fen), fen_text(line.amount_fen)])
                for c in (1, 2, 3):
                    item.setTextAlignment(c, Qt.AlignRight | Qt.AlignVCenter)
                if line.difference:
                    item.setToolTip(0, self.tr("Paid before the base rose: the difference is due with this payment"))
                self.lines.addTopLevelItem(item)
            total = self.quote.total_fen
        self.total_label.setText(self.tr("Total: {amount} yuan").format(amount=fen_text(total + voluntary)) +
                                 (self.tr(" (of which voluntary {amount})").format(amount=fen_text(voluntary)) if voluntary else ""))
        self.ok_button.setEnabled(ok)

    def try_record(self) -> bool:
        self.update_quote()
        if self.quote is None:
            return False
        request = PaymentRequest(self.member_id(), tuple(self.chosen_months()), self._paid_on(),
                                 self.method_combo.currentData(), self.receipt_edit.text(), self.paid_by_edit.text(),
                                 self.note_edit.text(), self._voluntary_fen())
        try:
            self.ctx.dues.record_payment(request)
        except KnownError as err:
            self.error.show_error(str(err))
            return False
        self.recorded.emit(request.member_id)
        self.accept()
        return True


class ReversalDialog(QDialog):
    """Why and when a payment (or remittance) is reversed. ``reverse(on, reason)`` does it and
    raises KnownError with the reason it was refused."""

    reversed = Signal()

    def __init__(self, ctx: AppContext, description: str, reverse, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._reverse = reverse
        self.setWindowTitle(self.tr("Reverse an entry"))
        self.setModal(True)
        what = QLabel(description)
        what.setWordWrap(True)
        explain = QLabel(self.tr("The entry stays in the records; a reversing entry of the opposite amount is added "
                                 "and points at it. Enter the right one afterwards if needed."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")
        self.date_edit = DateField()
        self.date_edit.set_value(ctx.clock.today())
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. entered for the wrong member"))
        self.error = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Reverse"))
        self.buttons.accepted.connect(self.try_reverse)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def try_reverse(self) -> bool:
        self.error.clear_message()
        try:
            on = self.date_edit.value()
        except DateError as err:
            self.error.show_error(str(err))
            return False
        if on is None:
            self.error.show_error(self.tr("Please enter the date"))
            return False
        try:
            self._reverse(on, self.reason_edit.text())
        except KnownError as err:
            self.error.show_error(str(err))
            return False
        self.reversed.emit()
        self.accept()
        return True
