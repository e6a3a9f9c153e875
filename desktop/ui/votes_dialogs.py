"""The small dialogs of the votes page: a member without a vote or excluded from those due (with
the reason and the approval), the written opinions of absent members, the candidates of a vote
not yet opened."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from core.votes import Exclusion, NoVote, WrittenOpinions
from desktop.services.errors import KnownError
from desktop.services.votes import EXCLUDED, NO_VOTE, VoteService
from desktop.ui.poll_dialog import split_names
from desktop.ui.widgets import FieldMessage


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.error = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def save(self) -> None:  # pragma: no cover — each dialog has its own
        raise NotImplementedError

    def try_save(self) -> bool:
        self.error.clear_message()
        try:
            self.save()
        except KnownError as err:
            self.error.show_error(str(err))
            return False
        self.accept()
        return True


class VoterStatusDialog(_Form):
    """No vote for this poll (留党察看, 留置/逮捕), or not counted among those due with the superior
    committee's approval (the five groups)."""

    def __init__(self, service: VoteService, poll_id: int, member_id: int, name: str, status: str,
                 parent: QWidget | None = None):
        title = (self.tr("{name}: excluded from those due") if status == EXCLUDED else self.tr("{name}: no vote")).format(name=name)
        super().__init__(title, parent)
        self.service, self.poll_id, self.member_id, self.status = service, poll_id, member_id, status
        self.reason = QComboBox()
        reasons = list(Exclusion) if status == EXCLUDED else [NoVote.ON_PROBATION, NoVote.DETAINED]
        for r in reasons:
            self.reason.addItem(r.label, r.value)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        if status == EXCLUDED:
            self.note.setPlaceholderText(self.tr("Who approved it and when, e.g. the street Party working committee, 2026-11-10"))
            self.form.addRow(QLabel(self.tr("With the superior committee's approval, a member of these groups is not counted among those due.")))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Approval") if status == EXCLUDED else self.tr("Note"), self.note)

    def save(self) -> None:
        self.service.set_voter(self.poll_id, self.member_id, self.status, self.reason.currentData(), self.note.text())


class WrittenOpinionsDialog(_Form):
    """Opinions handed in before the meeting by absent members with a vote (they count)."""

    def __init__(self, service: VoteService, poll_id: int, parent: QWidget | None = None):
        super().__init__(self.tr("Written opinions of absent members"), parent)
        self.service, self.poll_id = service, poll_id
        written = service.detail(poll_id).written
        self.spins = []
        for label, value in ((self.tr("For"), written.votes_for), (self.tr("Against"), written.votes_against),
                             (self.tr("Abstain"), written.abstain)):
            spin = QSpinBox()
            spin.setRange(0, 9999)
            spin.setValue(value)
            self.spins.append(spin)
            self.form.addRow(label, spin)

    def save(self) -> None:
        self.service.set_written(self.poll_id, WrittenOpinions(*(s.value() for s in self.spins)))


class CandidatesDialog(_Form):
    """The candidates (and seats) of an election not yet opened."""

    def __init__(self, service: VoteService, poll_id: int, parent: QWidget | None = None):
        detail = service.detail(poll_id)
        super().__init__(self.tr("Candidates — {title}").format(title=detail.title), parent)
        self.service, self.poll_id = service, poll_id
        self.seats = QSpinBox()
        self.seats.setRange(1, 50)
        self.seats.setValue(max(1, detail.seats))
        self.names = QPlainTextEdit("\n".join(detail.candidates))
        self.names.setTabChangesFocus(True)
        self.form.addRow(self.tr("Seats"), self.seats)
        self.form.addRow(self.tr("Candidates"), self.names)
        self.form.addRow("", QLabel(self.tr("They are put in surname-stroke order.")))

    def save(self) -> None:
        self.service.set_candidates(self.poll_id, split_names(self.names.toPlainText()), self.seats.value())
