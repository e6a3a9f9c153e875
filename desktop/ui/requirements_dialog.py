"""The required frequencies (DOMAIN §2's defaults; a superior organisation may ask for more),
when "due soon" begins, and from which day the branch's records here are judged."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from core.dates import DateError
from core.meetings import DEFAULT_REQUIREMENTS, MAX_COUNT, MeetingType, PeriodKind, Requirement
from desktop.services.compliance import ComplianceService
from desktop.services.errors import KnownError
from desktop.ui.widgets import DateField, FieldMessage


class RequirementsDialog(QDialog):
    changed = Signal()

    def __init__(self, service: ComplianceService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Required meetings"))
        self.setModal(True)
        self.rows: dict[MeetingType, tuple[QSpinBox, QComboBox]] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        current = service.requirements()
        for kind in MeetingType:
            count = QSpinBox()
            count.setRange(0, MAX_COUNT)
            count.setSpecialValueText(self.tr("not required"))
            period = QComboBox()
            for p in PeriodKind:
                period.addItem(p.label, p.value)
            count.setValue(current[kind].count)
            period.setCurrentIndex(period.findData(current[kind].period.value))
            row = QHBoxLayout()
            row.addWidget(period)
            row.addWidget(count)
            row.addWidget(QLabel(self.tr("time(s)")))
            row.addStretch(1)
            suffix = {MeetingType.GROUP: self.tr("(each party group)"), MeetingType.TALK: self.tr("(each pair)")}.get(kind)
            if suffix:
                row.addWidget(QLabel(suffix))
            form.addRow(kind.label, row)
            self.rows[kind] = (count, period)
        self.soon = QSpinBox()
        self.soon.setRange(0, 92)
        self.soon.setSuffix(self.tr(" days"))
        self.soon.setValue(service.due_soon_days())
        form.addRow(self.tr("“Due soon” from"), self.soon)
        self.since = DateField()
        self.since.set_value(service.tracking_since())
        self.since_message = FieldMessage()
        since_box = QVBoxLayout()
        since_box.addWidget(self.since)
        since_box.addWidget(self.since_message)
        form.addRow(self.tr("Records kept here from"), since_box)
        note = QLabel(self.tr("Defaults follow the Regulations on the Work of Party Branches (2018). Periods that ended "
                              "before the records kept here began are not marked overdue."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.reset_button = QPushButton(self.tr("Back to the defaults"))
        self.reset_button.clicked.connect(self.reset)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.addButton(self.reset_button, QDialogButtonBox.ResetRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def reset(self) -> None:
        for kind, (count, period) in self.rows.items():
            count.setValue(DEFAULT_REQUIREMENTS[kind].count)
            period.setCurrentIndex(period.findData(DEFAULT_REQUIREMENTS[kind].period.value))

    def save(self) -> bool:
        self.since_message.clear_message()
        try:
            since = self.since.value()
        except DateError as err:
            self.since_message.show_error(str(err))
            return False
        try:
            for kind, (count, period) in self.rows.items():
                self.service.set_requirement(kind, Requirement(PeriodKind(period.currentData()), count.value()))
            self.service.set_due_soon_days(self.soon.value())
            self.service.set_tracking_from(since)
        except KnownError as err:
            self.since_message.show_error(str(err))
            return False
        self.changed.emit()
        self.accept()
        return True
