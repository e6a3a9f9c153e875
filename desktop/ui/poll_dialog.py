"""Setting up a vote: an election (seats, candidates — put in 姓氏笔画 order as they are typed —,
whether it is a committee election and so competitive), a decision on one subject (接收预备党员,
转正, a resolution) or the yearly 民主评议; the meeting it belongs to; how members vote."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget)

from core.strokes import by_surname_strokes, strokes_label
from core.votes import DecisionSubject, PollKind, competitive_shortfall
from desktop.services.errors import KnownError
from desktop.services.votes import WAYS, PollSetup, VoteService, way_label
from desktop.ui.widgets import FieldMessage

_SPLIT = re.compile(r"[\n,，、;；\s]+")


def split_names(text: str) -> list[str]:
    return [n for n in _SPLIT.split(text) if n]


class PollDialog(QDialog):
    created = Signal(int)

    def __init__(self, service: VoteService, kind: PollKind, meetings: list[tuple[int, str]], names: list[str],
                 parent: QWidget | None = None, *, meeting_id: int | None = None, year: int = 0):
        super().__init__(parent)
        self.service = service
        self.kind = kind
        self.setWindowTitle(self.tr("New vote — {kind}").format(kind=kind.label))
        self.setModal(True)
        self.title_edit = QLineEdit({PollKind.ELECTION: self.tr("Election of the branch committee"),
                                     PollKind.DECISION: "",
                                     PollKind.APPRAISAL: self.tr("Democratic appraisal of members, {year}").format(year=year)}[kind])
        self.title_edit.setMaxLength(200)
        self.meeting_combo = QComboBox()
        self.meeting_combo.addItem(self.tr("(no meeting)"), None)
        for mid, label in meetings:
            self.meeting_combo.addItem(label, mid)
        if meeting_id is not None:
            self.meeting_combo.setCurrentIndex(max(0, self.meeting_combo.findData(meeting_id)))
        self.way_boxes = {w: QCheckBox(way_label(w)) for w in WAYS}
        self.way_boxes["paper"].setChecked(True)
        ways = QHBoxLayout()
        for box in self.way_boxes.values():
            ways.addWidget(box)
        ways.addStretch(1)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Meeting"), self.meeting_combo)

        self.seats = QSpinBox()
        self.seats.setRange(1, 50)
        self.seats.setValue(3)
        self.committee = QCheckBox(self.tr("Election of the branch committee (competitive: 20% more candidates than seats)"))
        self.committee.setChecked(True)
        self.candidates = QPlainTextEdit()
        self.candidates.setPlaceholderText(self.tr("One name per line (or separated by commas)"))
        self.candidates.setTabChangesFocus(True)
        self.order_label = QLabel()
        self.order_label.setWordWrap(True)
        self.order_label.setStyleSheet("color: #555;")
        self.subject_combo = QComboBox()
        for s in DecisionSubject:
            self.subject_combo.addItem(s.label, s.value)
        self.subject_edit = QLineEdit()
        self.subject_edit.setMaxLength(40)
        self.subject_edit.setPlaceholderText(self.tr("The person's name, or the resolution in a few words"))
        from PySide6.QtWidgets import QCompleter
        completer = QCompleter(names, self)
        completer.setFilterMode(Qt.MatchContains)
        self.subject_edit.setCompleter(completer)
        self.subject_edit.textChanged.connect(self._suggest_title)
        self.subject_combo.currentIndexChanged.connect(self._suggest_title)

        if kind is PollKind.ELECTION:
            form.addRow(self.tr("Seats"), self.seats)
            form.addRow("", self.committee)
            form.addRow(self.tr("Candidates"), self.candidates)
            form.addRow("", self.order_label)
        elif kind is PollKind.DECISION:
            form.addRow(self.tr("The decision"), self.subject_combo)
            form.addRow(self.tr("On"), self.subject_edit)
        else:
            note = QLabel(self.tr("Every member on the roll is rated; full members vote."))
            note.setWordWrap(True)
            form.addRow("", note)
        form.addRow(self.tr("Ways of voting"), ways)
        self.candidates.textChanged.connect(self._show_order)
        self.seats.valueChanged.connect(self._show_order)
        self.committee.toggled.connect(self._show_order)

        self.error = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Set up"))
        self.buttons.accepted.connect(self.try_create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._show_order()

    def _suggest_title(self) -> None:
        name = self.subject_edit.text().strip()
        subject = DecisionSubject(self.subject_combo.currentData())
        if subject is DecisionSubject.RESOLUTION:
            return
        template = {DecisionSubject.ADMISSION: self.tr("Admitting {name} as a probationary member"),
                    DecisionSubject.FULL_MEMBERSHIP: self.tr("Full membership of probationary member {name}")}[subject]
        self.title_edit.setText(template.format(name=name) if name else "")

    def _show_order(self) -> None:
        if self.kind is not PollKind.ELECTION:
            return
        names = split_names(self.candidates.toPlainText())
        if not names:
            self.order_label.setText(self.tr("Candidates are listed on the ballot by surname strokes."))
            return
        ordered = by_surname_strokes(names)
        text = self.tr("On the ballot: {names}").format(names="　".join(f"{n}（{strokes_label(n).split(' ')[-1]}）" if strokes_label(n) else n
                                                                       for n in ordered))
        short = competitive_shortfall(self.seats.value(), len(names)) if self.committee.isChecked() else 0
        if short:
            text += "\n" + self.tr("A committee election needs at least {n} candidates for {seats} seats.").format(
                n=len(names) + short, seats=self.seats.value())
        self.order_label.setText(text)

    def setup(self) -> PollSetup:
        ways = tuple(w for w, box in self.way_boxes.items() if box.isChecked())
        common = dict(title=self.title_edit.text(), ways=ways, meeting_id=self.meeting_combo.currentData())
        if self.kind is PollKind.ELECTION:
            return PollSetup(PollKind.ELECTION, candidates=tuple(split_names(self.candidates.toPlainText())),
                             seats=self.seats.value(), committee=self.committee.isChecked(), **common)
        if self.kind is PollKind.DECISION:
            subject = self.subject_edit.text().strip()
            return PollSetup(PollKind.DECISION, candidates=(subject,) if subject else (),
                             subject=DecisionSubject(self.subject_combo.currentData()), **common)
        return PollSetup(PollKind.APPRAISAL, **common)

    def try_create(self) -> bool:
        self.error.clear_message()
        try:
            poll_id = self.service.create(self.setup())
        except KnownError as err:
            self.error.show_error(str(err))
            return False
        self.created.emit(poll_id)
        self.accept()
        return True
