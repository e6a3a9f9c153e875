"""党费设置: what the superior organisation decides (DOMAIN §1) — rounding, the farmers'
amount, the deductions counted in the base, the back-/prepayment window, who receives the
remittances. Each change is saved at once and the ledger recomputed."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from core.dues import FARMER_RANGE, Deduction, Rounding
from core.dues_months import MAX_WINDOW_MONTHS
from desktop.context import AppContext
from desktop.services.errors import KnownError
from desktop.ui.widgets import FieldMessage


class DuesSettings(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        config = ctx.dues.config()
        intro = QLabel(self.tr("These follow the decisions of the superior Party committee. The defaults are those of "
                               "the 2008 regulations where they decide, and the most cautious choice where they leave it open."))
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555;")

        self.rounding_combo = QComboBox()
        for r in Rounding:
            self.rounding_combo.addItem(r.label, r.value)
        self.rounding_combo.setCurrentIndex(self.rounding_combo.findData(config.rules.rounding.value))
        self.farmer_spin = QDoubleSpinBox()
        self.farmer_spin.setDecimals(2)
        self.farmer_spin.setRange(float(FARMER_RANGE[0]), float(FARMER_RANGE[1]))
        self.farmer_spin.setSingleStep(0.10)
        self.farmer_spin.setSuffix(" " + self.tr("yuan a month"))
        self.farmer_spin.setValue(float(config.rules.farmer_monthly))
        self.deduction_checks: dict[Deduction, QCheckBox] = {}
        deductions = QVBoxLayout()
        deductions.setSpacing(2)
        for d in Deduction:
            check = QCheckBox(d.label)
            check.setChecked(d in config.deductions)
            check.toggled.connect(self._save_deductions)
            self.deduction_checks[d] = check
            deductions.addWidget(check)
        self.back_spin = QSpinBox()
        self.back_spin.setRange(1, MAX_WINDOW_MONTHS)
        self.back_spin.setValue(config.max_back)
        self.ahead_spin = QSpinBox()
        self.ahead_spin.setRange(1, MAX_WINDOW_MONTHS)
        self.ahead_spin.setValue(config.max_ahead)
        for spin in (self.back_spin, self.ahead_spin):
            spin.setSuffix(" " + self.tr("months"))
        self.remit_edit = QLineEdit(config.remit_to)
        self.remit_edit.setMaxLength(100)
        self.remit_edit.setPlaceholderText(self.tr("e.g. the street Party working committee"))
        self.message = FieldMessage()

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignTop)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Rounding of the monthly amount"), self._left(self.rounding_combo))
        form.addRow(self.tr("Farmers pay (第六条: 0.20–1.00)"), self._left(self.farmer_spin))
        form.addRow(self.tr("Taken off the wage for the base"), deductions)
        form.addRow(self.tr("Back-payment at most"), self._left(self.back_spin))
        form.addRow(self.tr("Prepayment at most"), self._left(self.ahead_spin))
        form.addRow(self.tr("Dues are handed up to"), self.remit_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("汉") * 56)

        self.rounding_combo.currentIndexChanged.connect(self._save_rounding)
        self.farmer_spin.valueChanged.connect(self._save_farmer)
        self.back_spin.valueChanged.connect(self._save_window)
        self.ahead_spin.valueChanged.connect(self._save_window)
        self.remit_edit.editingFinished.connect(self._save_remit_to)

    @staticmethod
    def _left(widget: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(widget)
        row.addStretch(1)
        return row

    def _run(self, action) -> None:
        self.message.clear_message()
        try:
            action()
        except KnownError as err:
            self.message.show_error(str(err))
            return
        self.changed.emit()

    def _save_rounding(self) -> None:
        self._run(lambda: self.ctx.dues.set_rounding(Rounding(self.rounding_combo.currentData())))

    def _save_farmer(self, value: float) -> None:
        self._run(lambda: self.ctx.dues.set_farmer_monthly(Decimal(f"{value:.2f}")))

    def _save_deductions(self) -> None:
        self._run(lambda: self.ctx.dues.set_deductions([d for d, c in self.deduction_checks.items() if c.isChecked()]))

    def _save_window(self) -> None:
        self._run(lambda: self.ctx.dues.set_window(self.back_spin.value(), self.ahead_spin.value()))

    def _save_remit_to(self) -> None:
        if self.remit_edit.text().strip() != self.ctx.dues.config().remit_to:
            self._run(lambda: self.ctx.dues.set_remit_to(self.remit_edit.text()))
