"""计票: the tellers' screen for paper ballots, after the box is opened. Keyboard only, fast:

    scan the ballot's code (or type its serial) → Enter
    key the marks, one digit per name in ballot order → Enter
    (an election with a 不赞成: the names written in, separated by 、 → Enter)

Digits: 1 赞成 · 2 不赞成/反对 · 3 弃权 · 0 left blank; a 民主评议: 1 优秀 · 2 合格 · 3 基本合格 ·
4 不合格 · 0 not rated; ``*`` alone: marks that cannot be made out (an invalid ballot). The ballot
is shown as keyed before it is counted. A serial counted before, or not printed for this poll,
is refused with a sound and a red line; the count so far is on the right.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QRegularExpressionValidator
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QTableView, QVBoxLayout, QWidget)

from core.votes import AppraisalBallot, DecisionBallot, ElectionBallot, Mark, PollKind, Rating
from desktop.services.ballot_box import Cast
from desktop.services.votes import VoteService, cast_text
from desktop.ui.votes_model import ResultModel
from desktop.ui.worker import run_write

MARK_KEYS = {"1": Mark.FOR, "2": Mark.AGAINST, "3": Mark.ABSTAIN}
RATING_KEYS = {"1": Rating.EXCELLENT, "2": Rating.COMPETENT, "3": Rating.BASIC, "4": Rating.INCOMPETENT}
_WRITE_IN_SPLIT = re.compile(r"[、,，;；\s]+")


def keyed_ballot(kind: PollKind, names: tuple[str, ...], keys: str, written: str = ""):
    """The ballot a teller keyed (``keys`` one digit per name, or ``*``); None while incomplete."""
    if keys == "*":
        return {PollKind.ELECTION: ElectionBallot, PollKind.DECISION: DecisionBallot,
                PollKind.APPRAISAL: AppraisalBallot}[kind](unreadable=True)
    if len(keys) != len(names):
        return None
    if kind is PollKind.APPRAISAL:
        return AppraisalBallot({n: RATING_KEYS[k] for n, k in zip(names, keys) if k in RATING_KEYS})
    marks = {n: MARK_KEYS[k] for n, k in zip(names, keys) if k in MARK_KEYS}
    if kind is PollKind.DECISION:
        return DecisionBallot(marks.get(names[0]))
    return ElectionBallot(marks, tuple(w for w in _WRITE_IN_SPLIT.split(written.strip()) if w))


class CountingWindow(QWidget):
    counted = Signal()

    def __init__(self, service: VoteService, poll_id: int, parent: QWidget | None = None):
        super().__init__(parent, Qt.Window)
        self.service = service
        self.poll_id = poll_id
        self.detail = service.detail(poll_id)
        self.serial = ""
        self.busy = False
        self.closing = False  # a count still on the write lane must not touch closed widgets
        self.setWindowTitle(self.tr("Counting paper ballots — {title}").format(title=self.detail.title))
        d = self.detail
        names = d.candidates
        appraisal = d.kind is PollKind.APPRAISAL
        legend = (self.tr("Keys: 1 excellent · 2 competent · 3 basically competent · 4 incompetent · 0 not rated · * cannot be made out")
                  if appraisal else
                  self.tr("Keys: 1 for · 2 {against} · 3 abstain · 0 left blank · * cannot be made out").format(
                      against=Mark.AGAINST.label(d.kind)))
        title = QLabel(d.title)
        bold = QFont(title.font())
        bold.setPointSizeF(bold.pointSizeF() * 1.5)
        bold.setBold(True)
        title.setFont(bold)
        self.legend = QLabel(legend + "\n" + self.tr("Order on the ballot: {names}").format(names="　".join(
            f"{i}. {n}" for i, n in enumerate(names, 1))))
        self.legend.setWordWrap(True)

        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.serial_edit = QLineEdit()
        self.serial_edit.setFont(big)
        self.serial_edit.setPlaceholderText(self.tr("Scan the code on the ballot"))
        self.serial_edit.returnPressed.connect(self.take_serial)
        self.marks_edit = QLineEdit()
        self.marks_edit.setFont(big)
        self.marks_edit.setEnabled(False)
        digits = "0-4" if appraisal else "0-3"
        self.marks_edit.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\*|[{digits}]{{0,{len(names)}}}"), self))
        self.marks_edit.setPlaceholderText(self.tr("{n} digits").format(n=len(names)))
        self.marks_edit.textChanged.connect(self.show_ballot)
        self.marks_edit.returnPressed.connect(self.marks_done)
        self.write_edit = QLineEdit()
        self.write_edit.setFont(big)
        self.write_edit.setEnabled(False)
        self.write_edit.setPlaceholderText(self.tr("Names written in, separated by commas (Enter: none)"))
        self.write_edit.textChanged.connect(self.show_ballot)
        self.write_edit.returnPressed.connect(self.commit)
        form = QFormLayout()
        form.addRow(self.tr("Ballot code"), self.serial_edit)
        form.addRow(self.tr("Marks"), self.marks_edit)
        if d.kind is PollKind.ELECTION and not d.runoff:
            form.addRow(self.tr("Written in"), self.write_edit)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.PlainText)
        self.preview.setFont(big)
        self.preview.setMinimumHeight(self.fontMetrics().height() * 6)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setFont(big)
        self.count_label = QLabel()
        self.count_label.setFont(big)

        self.model = ResultModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.legend)
        left.addLayout(form)
        left.addWidget(self.preview)
        left.addWidget(self.message)
        left.addStretch(1)
        left.addWidget(self.count_label)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("The count so far (provisional)")))
        right.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.refresh()
        self.resize(1180, 680)
        self.serial_edit.setFocus()

    # -- the tellers' keys ---------------------------------------------------------------------------
    def _say(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828;")
        if not ok:
            QApplication.beep()

    def take_serial(self) -> None:
        text = self.serial_edit.text().strip()
        if not text:
            return
        outcome = self.service.box.serial_counted(self.poll_id, text)
        if outcome is not Cast.ACCEPTED:
            self._say(cast_text(outcome), False)
            self.serial_edit.selectAll()
            return
        self.serial = text
        self.serial_edit.setEnabled(False)
        self.marks_edit.setEnabled(True)
        self.marks_edit.clear()
        self.marks_edit.setFocus()
        self._say(self.tr("Key the marks"), True)

    def ballot(self):
        return keyed_ballot(self.detail.kind, self.detail.candidates, self.marks_edit.text(), self.write_edit.text())

    def show_ballot(self) -> None:
        keys = self.marks_edit.text()
        if keys == "*":
            self.preview.setText(self.tr("Marks that cannot be made out: an INVALID ballot"))
            return
        d = self.detail
        labels = ({k: r.label for k, r in RATING_KEYS.items()} if d.kind is PollKind.APPRAISAL
                  else {k: m.label(d.kind) for k, m in MARK_KEYS.items()})
        blank = self.tr("not rated") if d.kind is PollKind.APPRAISAL else self.tr("blank")
        parts = [f"{n} {labels.get(k, blank)}" for n, k in zip(d.candidates, keys)]
        missing = len(d.candidates) - len(keys)
        text = "　".join(parts)
        if missing:
            text += "\n" + self.tr("{n} more to key").format(n=missing)
        ballot = self.ballot()
        if isinstance(ballot, ElectionBallot) and ballot.write_ins:
            text += "\n" + self.tr("Written in: {names}").format(names="、".join(ballot.write_ins))
        if isinstance(ballot, ElectionBallot):
            from core.votes import read_election_ballot
            read = read_election_ballot(ballot, d.candidates, d.seats, write_ins=not d.runoff)
            if not read.valid:
                text += "\n" + self.tr("More than {seats} for: this ballot is INVALID").format(seats=d.seats)
            if read.void_write_ins:
                text += "\n" + self.tr("Not counted (not beside a “not in favour”): {names}").format(names="、".join(read.void_write_ins))
        self.preview.setText(text)

    def marks_done(self) -> None:
        if self.ballot() is None:
            self._say(self.tr("{n} more to key").format(n=len(self.detail.candidates) - len(self.marks_edit.text())), False)
            return
        wants_names = (self.detail.kind is PollKind.ELECTION and not self.detail.runoff
                       and Mark.AGAINST in getattr(self.ballot(), "marks", {}).values())
        if wants_names and not self.write_edit.isEnabled():
            self.write_edit.setEnabled(True)
            self.write_edit.setFocus()
            return
        self.commit()

    def commit(self) -> None:
        ballot = self.ballot()
        if ballot is None or self.busy or not self.serial:
            return
        self.busy = True
        self.marks_edit.setEnabled(False)
        self.write_edit.setEnabled(False)
        run_write(self.service.count_paper, self.poll_id, self.serial, ballot).on_success(self._counted).on_failure(self._failed)

    def _counted(self, outcome: Cast) -> None:
        self.busy = False
        if self.closing:
            return
        if outcome is Cast.ACCEPTED:
            self._say(self.tr("Counted."), True)
            self.counted.emit()
        else:
            self._say(cast_text(outcome), False)
        self.next_ballot()
        self.refresh()

    def _failed(self, err: BaseException) -> None:
        self.busy = False
        if self.closing:
            return
        self._say(self.tr("The ballot could not be counted: {error}").format(error=err), False)
        self.next_ballot()

    def next_ballot(self) -> None:
        self.serial = ""
        for edit in (self.marks_edit, self.write_edit):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
            edit.setEnabled(False)
        self.preview.clear()
        self.serial_edit.setEnabled(True)
        self.serial_edit.clear()
        self.serial_edit.setFocus()

    def refresh(self) -> None:
        counts = self.service.counts(self.poll_id)
        self.count_label.setText(self.tr("Ballots in: {collected} · issued: {issued}").format(
            collected=counts.collected, issued=counts.issued))
        self.model.set_result(self.service.tally(self.poll_id))

    def closeEvent(self, event) -> None:
        self.closing = True
        super().closeEvent(event)
