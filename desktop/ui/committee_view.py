"""支部委员会: who sits on the branch committee and in which post, since when. Appointments and
departures are dated and kept, so that a past 支委会 and the 谈心谈话 pairs of a past year
are judged against the committee of that time."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from core.dates import DateError
from core.meetings import CommitteeRole
from desktop.context import AppContext
from desktop.services.errors import KnownError
from desktop.services.meetings import MeetingService
from desktop.ui.widgets import DateField, FieldMessage

MEMBER_ROLE = Qt.UserRole + 1


class CommitteeDialog(QDialog):
    """Appoint a member to a post (or change the post), or record that they left the committee."""
    changed = Signal()

    def __init__(self, ctx: AppContext, service: MeetingService, parent: QWidget | None = None, *,
                 member_id: int | None = None, leaving: bool = False):
        super().__init__(parent)
        self.ctx, self.service, self.leaving = ctx, service, leaving
        self.setWindowTitle(self.tr("Leaves the committee") if leaving else self.tr("Committee post"))
        self.setModal(True)
        self.member_combo = QComboBox()
        for r in ctx.members.roster():
            if r.roll_status == "active":
                self.member_combo.addItem(r.name, r.id)
        if member_id is not None:
            self.member_combo.setCurrentIndex(max(0, self.member_combo.findData(member_id)))
        self.role_combo = QComboBox()
        for role in CommitteeRole:
            self.role_combo.addItem(role.label, role.value)
        if member_id is not None and not leaving:
            current = service.committee_role(member_id)
            if current is not None:
                self.role_combo.setCurrentIndex(self.role_combo.findData(current.value))
        self.date_edit = DateField()
        self.date_edit.set_value(ctx.clock.today())
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("Member"), self.member_combo)
        if not leaving:
            form.addRow(self.tr("Post"), self.role_combo)
        form.addRow(self.tr("From") if not leaving else self.tr("On"), self.date_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> bool:
        self.message.clear_message()
        try:
            on = self.date_edit.value()
        except DateError as err:
            self.message.show_error(str(err))
            return False
        role = None if self.leaving else CommitteeRole(self.role_combo.currentData())
        try:
            self.service.set_committee_role(self.member_combo.currentData(), role, on)
        except KnownError as err:
            self.message.show_error(str(err))
            return False
        self.changed.emit()
        self.accept()
        return True


class CommitteeView(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = MeetingService(ctx.db, ctx.clock, ctx.data_dir)
        self.dialog: CommitteeDialog | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Post"), self.tr("Name"), self.tr("Since")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 4px 2px; }")
        fm = self.fontMetrics()
        self.tree.setColumnWidth(0, fm.horizontalAdvance("纪检委员（兼）") + 40)
        self.tree.setColumnWidth(1, fm.horizontalAdvance("欧阳晓明明") + 40)
        self.tree.itemSelectionChanged.connect(self._sync)
        self.appoint_button = QPushButton(self.tr("Appoint or change post…"))
        self.leave_button = QPushButton(self.tr("Leaves the committee…"))
        self.appoint_button.clicked.connect(lambda: self.appoint())
        self.leave_button.clicked.connect(lambda: self.leave())
        self.empty = QLabel(self.tr("No committee members are recorded. The committee's posts decide who is due at "
                                    "committee meetings and which heart-to-heart talks are required."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.appoint_button)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        note = QLabel(self.tr("Posts are kept with their dates: a committee meeting of the past expects the committee "
                              "of its day, and the heart-to-heart talks of a year are those of that year's committee."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        rows = self.service.committee()
        for r in rows:
            item = QTreeWidgetItem(self.tree, [r.role.label, r.name, r.since.isoformat()])
            item.setData(0, MEMBER_ROLE, r.member_id)
        self.empty.setVisible(not rows)
        self._sync()

    def _sync(self) -> None:
        self.leave_button.setEnabled(bool(self.tree.selectedItems()))

    def selected_member(self) -> int | None:
        items = self.tree.selectedItems()
        return items[0].data(0, MEMBER_ROLE) if items else None

    def _open(self, dialog: CommitteeDialog) -> CommitteeDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.changed.connect(self._changed)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def appoint(self) -> CommitteeDialog:
        return self._open(CommitteeDialog(self.ctx, self.service, self, member_id=self.selected_member()))

    def leave(self) -> CommitteeDialog | None:
        member = self.selected_member()
        if member is None:
            return None
        return self._open(CommitteeDialog(self.ctx, self.service, self, member_id=member, leaving=True))

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()
