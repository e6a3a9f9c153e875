"""Record a status change (转入/转出/出党/去世/停止党籍/失联/流动/转正) with its date and a note."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.dates import DateError
from core.members import EventKind, MemberCategory, PartyStanding, RollStatus
from desktop.context import AppContext
from desktop.services.errors import KnownError
from desktop.services.members import RosterRow
from desktop.ui.widgets import WARNING_COLOUR, DateField, FieldMessage


def kinds_for(row: RosterRow) -> list[EventKind]:
    """The changes that make sense for the member as they stand now (the service refuses
    the rest anyway; offering them would only produce refusals)."""
    if row.roll_status != RollStatus.ACTIVE.value:
        return [EventKind.TRANSFER_IN]
    kinds = [EventKind.TRANSFER_OUT, EventKind.LEFT_PARTY, EventKind.DECEASED,
             EventKind.RESTORED if row.party_standing == PartyStanding.SUSPENDED.value else EventKind.SUSPENDED,
             EventKind.CONTACT_RESTORED if row.lost_contact else EventKind.LOST_CONTACT,
             EventKind.MOBILE_BACK if row.mobile else EventKind.MOBILE_OUT]
    if row.category == MemberCategory.PROBATIONARY.value:
        kinds.append(EventKind.CONVERTED)
    return kinds


class StatusChangeDialog(QDialog):
    recorded = Signal(int)  # member id

    def __init__(self, ctx: AppContext, row: RosterRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(self.tr("Status change — {name}").format(name=row.name))
        self.setModal(True)

        name = QLabel(row.name)
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        self.kind_combo = QComboBox()
        for kind in kinds_for(row):
            self.kind_combo.addItem(kind.label, kind.value)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.date_edit = DateField()
        self.date_edit.set_value(ctx.clock.today())
        self.date_message = FieldMessage()
        self.note_label = QLabel()
        self.note_edit = QLineEdit()
        self.note_message = FieldMessage()
        self.consequence = QLabel()
        self.consequence.setWordWrap(True)
        self.consequence.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.error = FieldMessage()

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.addRow(self.tr("Member"), name)
        form.addRow(self.tr("Change"), self.kind_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow("", self.date_message)
        form.addRow(self.note_label, self.note_edit)
        form.addRow("", self.note_message)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Record"))
        self.buttons.accepted.connect(self.try_record)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.consequence)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._kind_changed()
        self.setMinimumWidth(520)

    def kind(self) -> EventKind:
        return EventKind(self.kind_combo.currentData())

    def select_kind(self, kind: EventKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def _kind_changed(self) -> None:
        kind = self.kind()
        if kind is EventKind.MOBILE_OUT:
            self.note_label.setText(self.tr("Where they went"))
            self.note_edit.setPlaceholderText(self.tr("e.g. Shenzhen, Guangdong"))
        elif kind is EventKind.TRANSFER_OUT:
            self.note_label.setText(self.tr("Note"))
            self.note_edit.setPlaceholderText(self.tr("Which branch the membership went to"))
        elif kind is EventKind.TRANSFER_IN:
            self.note_label.setText(self.tr("Note"))
            self.note_edit.setPlaceholderText(self.tr("Which branch the membership came from"))
        else:
            self.note_label.setText(self.tr("Note"))
            self.note_edit.setPlaceholderText(self.tr("May be left empty"))
        if kind.leaves_roll:
            self.consequence.setText(self.tr("{name} will leave the roll. Former members stay on record: "
                                             "tick “Show former members” on the roster to see them.").format(name=self.row.name))
            self.consequence.show()
        else:
            self.consequence.hide()

    def try_record(self) -> bool:
        for message in (self.date_message, self.note_message, self.error):
            message.clear_message()
        kind = self.kind()
        try:
            on = self.date_edit.value()
        except DateError as err:
            self.date_message.show_error(str(err))
            return False
        if on is None:
            self.date_message.show_error(self.tr("Please enter the date of the change"))
            return False
        note = self.note_edit.text().strip()
        if kind is EventKind.MOBILE_OUT and not note:
            # 外出流向 is one of the 16 items for a mobile member (DOMAIN §4).
            self.note_message.show_error(self.tr("Please enter where the member went"))
            return False
        try:
            self.ctx.members.record_event(self.row.id, kind, on, note)
        except KnownError as err:
            self.error.show_error(str(err))
            return False
        self.recorded.emit(self.row.id)
        self.accept()
        return True
