"""Record dues handed up to the superior committee (上缴): date, amount, to whom, receipt."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.dates import DateError
from core.values import ValueProblem, parse_money_fen
from desktop.context import AppContext
from desktop.services.dues import fen_text
from desktop.services.errors import KnownError
from desktop.ui.widgets import DateField, FieldMessage


class RemittanceDialog(QDialog):
    recorded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Hand dues up to the superior committee"))
        self.setModal(True)
        held = ctx.dues.held()
        self.held_label = QLabel(self.tr("The branch holds {amount} yuan of dues.").format(amount=fen_text(held)))
        self.date_edit = DateField()
        self.date_edit.set_value(ctx.clock.today())
        self.amount_edit = QLineEdit(fen_text(held) if held > 0 else "")
        self.amount_edit.setPlaceholderText(self.tr("yuan"))
        self.recipient_edit = QLineEdit(ctx.dues.config().remit_to)
        self.recipient_edit.setMaxLength(100)
        self.recipient_edit.setPlaceholderText(self.tr("e.g. the street Party working committee"))
        self.receipt_edit = QLineEdit()
        self.receipt_edit.setMaxLength(50)
        self.note_edit = QLineEdit()
        self.error = FieldMessage()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Amount (yuan)"), self.amount_edit)
        form.addRow(self.tr("Handed to"), self.recipient_edit)
        form.addRow(self.tr("Receipt no."), self.receipt_edit)
        form.addRow(self.tr("Note"), self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Record"))
        self.buttons.accepted.connect(self.try_record)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.held_label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def try_record(self) -> bool:
        self.error.clear_message()
        try:
            on = self.date_edit.value()
            amount = parse_money_fen(self.amount_edit.text())
        except (DateError, ValueProblem) as err:
            self.error.show_error(str(err))
            return False
        if on is None or amount is None:
            self.error.show_error(self.tr("Please enter the date and the amount"))
            return False
        try:
            self.ctx.dues.record_remittance(on, amount, self.receipt_edit.text(), self.recipient_edit.text(), self.note_edit.text())
        except KnownError as err:
            self.error.show_error(str(err))
            return False
        if self.recipient_edit.text().strip() and not self.ctx.dues.config().remit_to:
            self.ctx.dues.set_remit_to(self.recipient_edit.text())  # remembered for next time
        self.recorded.emit()
        self.accept()
        return True
