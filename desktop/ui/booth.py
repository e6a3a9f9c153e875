"""投票机: the PC as a voting booth, full screen. A voter types the code from the slip they drew,
marks the ballot, checks it on a summary and casts it; the screen thanks them and clears — the
ballot's widgets are thrown away and built anew for the next voter, so nothing of one vote is
left for the next person to see. The secretary leaves the booth with Esc (and a confirmation).

``BallotForm`` (the marks of one ballot) is also what the phone page shows, in HTML.
"""
from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget)

from core.ballot_codes import MAX_WRITE_IN
from core.votes import AppraisalBallot, DecisionBallot, ElectionBallot, Mark, PollKind, Rating
from desktop.services.ballot_box import Cast
from desktop.services.votes import PollDetail, VoteService, cast_text
from desktop.ui.worker import run_write

PAGE_CODE, PAGE_BALLOT, PAGE_REVIEW, PAGE_DONE = range(4)
THANKS_MS = 4000


def _big(widget: QWidget, factor: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


class BallotForm(QWidget):
    """One ballot's marks: for each name a row of choices (a second press on a choice clears it),
    and for an election beside a 不赞成 a field for another person."""

    def __init__(self, detail: PollDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.detail = detail
        self.kind = detail.kind
        self.groups: dict[str, QButtonGroup] = {}
        self.write_ins: dict[str, QLineEdit] = {}
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        choices = ([(r.value, r.label) for r in Rating] if self.kind is PollKind.APPRAISAL
                   else [(m.value, m.label(self.kind)) for m in Mark])
        names = detail.candidates
        for row, name in enumerate(names):
            label = QLabel(name)
            _big(label, 1.6, bold=True)
            grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            group.setExclusive(False)
            self.groups[name] = group
            for col, (value, text) in enumerate(choices, 1):
                button = QPushButton(text)
                button.setCheckable(True)
                button.setMinimumHeight(52)
                button.setMinimumWidth(120)
                _big(button, 1.3)
                button.setStyleSheet("QPushButton:checked { background: #b71c1c; color: white; font-weight: bold; }")
                button.setProperty("value", value)
                group.addButton(button)
                self.buttons[(name, value)] = button
                grid.addWidget(button, row, col)
            group.buttonClicked.connect(lambda b, n=name: self._picked(n, b))
            if self.kind is PollKind.ELECTION and not detail.runoff:
                edit = QLineEdit()
                edit.setMaxLength(MAX_WRITE_IN)
                edit.setPlaceholderText(self.tr("Another person (optional)"))
                edit.setEnabled(False)
                _big(edit, 1.3)
                edit.setMinimumHeight(48)
                edit.setMinimumWidth(300)
                self.write_ins[name] = edit
                grid.addWidget(edit, row, len(choices) + 1)
        grid.setColumnStretch(len(choices) + 2, 1)

    def _picked(self, name: str, button: QPushButton) -> None:
        for other in self.groups[name].buttons():
            if other is not button:
                other.setChecked(False)
        edit = self.write_ins.get(name)
        if edit is not None:
            against = button.isChecked() and button.property("value") == Mark.AGAINST.value
            edit.setEnabled(against)
            if not against:
                edit.clear()

    def pick(self, name: str, value: str) -> None:
        """As a voter's press (tests and the keyboard)."""
        self.buttons[(name, value)].click()

    def choice(self, name: str) -> str | None:
        checked = self.groups[name].checkedButton()
        return checked.property("value") if checked is not None else None

    def ballot(self):
        names = self.detail.candidates
        if self.kind is PollKind.DECISION:
            value = self.choice(names[0])
            return DecisionBallot(Mark(value) if value else None)
        if self.kind is PollKind.APPRAISAL:
            return AppraisalBallot({n: Rating(v) for n in names if (v := self.choice(n))})
        marks = {n: Mark(v) for n in names if (v := self.choice(n))}
        written = tuple(self.write_ins[n].text().strip() for n in names
                        if n in self.write_ins and marks.get(n) is Mark.AGAINST and self.write_ins[n].text().strip())
        return ElectionBallot(marks, written)

    def summary(self) -> tuple[list[str], bool]:
        """The lines of the review, and whether the ballot names more people for than seats."""
        lines, in_favour = [], 0
        labels = {b.property("value"): b.text() for b in next(iter(self.groups.values())).buttons()} if self.groups else {}
        for name in self.detail.candidates:
            value = self.choice(name)
            text = labels.get(value) if value else (self.tr("(not rated)") if self.kind is PollKind.APPRAISAL
                                                    else self.tr("(left blank: abstain)"))
            line = f"{name}：{text}"
            in_favour += value == Mark.FOR.value
            edit = self.write_ins.get(name)
            if edit is not None and value == Mark.AGAINST.value and edit.text().strip():
                line += " → " + self.tr("{name} (written in)").format(name=edit.text().strip())
                in_favour += 1
            lines.append(line)
        return lines, self.kind is PollKind.ELECTION and in_favour > self.detail.seats


class BoothWindow(QWidget):
    """The booth for one poll. ``cast`` is emitted after each ballot (for the page's counts)."""

    cast = Signal()

    def __init__(self, service: VoteService, poll_id: int, parent: QWidget | None = None):
        super().__init__(parent, Qt.Window)
        self.service = service
        self.poll_id = poll_id
        self.detail = service.detail(poll_id)
        self.code = ""
        self.form: BallotForm | None = None
        self.busy = False
        self.closing = False  # a ballot still on the write lane must not touch closed widgets
        self.setWindowTitle(self.tr("Voting booth — {title}").format(title=self.detail.title))
        self.setStyleSheet("QWidget#booth { background: #faf7f2; }")
        self.setObjectName("booth")

        header = QLabel(self.detail.title)
        header.setAlignment(Qt.AlignCenter)
        header.setWordWrap(True)
        _big(header, 2.0, bold=True)
        secret = QLabel(self.tr("Secret ballot: the code on your slip is not linked to your name."))
        secret.setAlignment(Qt.AlignCenter)
        _big(secret, 1.2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._code_page())
        self.stack.addWidget(self._ballot_page())
        self.stack.addWidget(self._review_page())
        self.stack.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(header)
        layout.addWidget(secret)
        layout.addWidget(self.stack, 1)
        self.thanks = QTimer(self)
        self.thanks.setSingleShot(True)
        self.thanks.setInterval(THANKS_MS)
        self.thanks.timeout.connect(self.reset)
        QShortcut(QKeySequence(Qt.Key_Escape), self, activated=self.ask_to_leave)
        self.reset()

    # -- pages ---------------------------------------------------------------------------------
    def _code_page(self) -> QWidget:
        page = QWidget()
        prompt = QLabel(self.tr("Type the 8 digits on the slip you drew"))
        prompt.setAlignment(Qt.AlignCenter)
        _big(prompt, 1.6)
        self.code_edit = QLineEdit()
        self.code_edit.setAlignment(Qt.AlignCenter)
        self.code_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ]{0,9}"), self))
        self.code_edit.setMaxLength(9)
        self.code_edit.setMinimumHeight(80)
        self.code_edit.setMaximumWidth(420)
        _big(self.code_edit, 3.0, bold=True)
        self.code_edit.returnPressed.connect(self.check_code)
        self.code_message = QLabel()
        self.code_message.setAlignment(Qt.AlignCenter)
        self.code_message.setStyleSheet("color: #c62828;")
        _big(self.code_message, 1.4)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setMinimumHeight(64)
        self.next_button.setMinimumWidth(300)
        self.next_button.setMaximumWidth(420)
        _big(self.next_button, 1.6, bold=True)
        self.next_button.clicked.connect(self.check_code)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(prompt)
        layout.addWidget(self.code_edit, 0, Qt.AlignHCenter)
        layout.addWidget(self.code_message)
        layout.addWidget(self.next_button, 0, Qt.AlignHCenter)
        layout.addStretch(2)
        return page

    def _ballot_page(self) -> QWidget:
        page = QWidget()
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        _big(self.instructions, 1.2)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.review_button = QPushButton(self.tr("Review my vote"))
        self.review_button.setMinimumHeight(64)
        _big(self.review_button, 1.6, bold=True)
        self.review_button.clicked.connect(self.review)
        layout = QVBoxLayout(page)
        layout.addWidget(self.instructions)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.review_button)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Check your vote, then cast it"))
        _big(title, 1.6, bold=True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.PlainText)
        _big(self.summary, 1.5)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: white; background: #c62828; padding: 10px;")
        _big(self.warning, 1.3)
        self.cast_button = QPushButton(self.tr("Cast my vote"))
        self.cast_button.setMinimumHeight(64)
        _big(self.cast_button, 1.6, bold=True)
        self.cast_button.clicked.connect(self.cast_vote)
        self.back_button = QPushButton(self.tr("Change it"))
        self.back_button.setMinimumHeight(64)
        _big(self.back_button, 1.4)
        self.back_button.clicked.connect(lambda: self.stack.setCurrentIndex(PAGE_BALLOT))
        self.cast_message = QLabel()
        self.cast_message.setStyleSheet("color: #c62828;")
        _big(self.cast_message, 1.3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.cast_button, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(self.summary)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.cast_message)
        layout.addLayout(buttons)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel(self.tr("✓ Your vote has been recorded. Thank you."))
        self.done_label.setAlignment(Qt.AlignCenter)
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet("color: white; background: #2e7d32; padding: 40px;")
        _big(self.done_label, 2.4, bold=True)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        return page

    # -- the voter's way through ---------------------------------------------------------------
    def reset(self) -> None:
        """Ready for the next voter: nothing of the last ballot is kept."""
        self.thanks.stop()
        self.code = ""
        self.code_edit.clear()
        self.code_message.clear()
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = None
        self.summary.clear()
        self.cast_message.clear()
        self.stack.setCurrentIndex(PAGE_CODE)
        self.code_edit.setFocus()

    def check_code(self) -> None:
        typed = self.code_edit.text().replace(" ", "")
        if len(typed) != 8:
            self.code_message.setText(self.tr("Type all 8 digits"))
            return
        outcome = self.service.box.check_code(self.poll_id, typed)
        if outcome is not Cast.ACCEPTED:
            self.code_message.setText(cast_text(outcome))
            self.code_edit.selectAll()
            return
        detail = self.service.detail(self.poll_id)
        if detail.state != "open" or "booth" not in detail.ways:
            self.code_message.setText(cast_text(Cast.NOT_OPEN))
            return
        self.code = typed
        self.form = BallotForm(self.detail)
        self.scroll.setWidget(self.form)
        from desktop.lan.ballot_page import instructions
        self.instructions.setText(instructions(self.detail.kind, self.detail.seats, self.detail.runoff))
        self.stack.setCurrentIndex(PAGE_BALLOT)

    def review(self) -> None:
        lines, over = self.form.summary()
        self.summary.setText("\n".join(lines))
        self.warning.setVisible(over)
        self.warning.setText(self.tr("You marked more people in favour than there are seats ({seats}): this ballot will be INVALID. "
                                     "Change it, or cast it as it is.").format(seats=self.detail.seats) if over else "")
        self.stack.setCurrentIndex(PAGE_REVIEW)
        self.cast_button.setFocus()

    def cast_vote(self) -> None:
        if self.busy or self.form is None:
            return
        self.busy = True
        self.cast_button.setEnabled(False)
        ballot = self.form.ballot()
        run_write(self.service.cast, self.poll_id, self.code, ballot, "booth").on_success(self._cast_done).on_failure(self._cast_failed)

    def _cast_done(self, outcome: Cast) -> None:
        self.busy = False
        if self.closing:
            return
        self.cast_button.setEnabled(True)
        if outcome is not Cast.ACCEPTED:
            self.cast_message.setText(cast_text(outcome))
            return
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = None
        self.code = ""
        self.summary.clear()
        self.stack.setCurrentIndex(PAGE_DONE)
        self.thanks.start()
        self.cast.emit()

    def _cast_failed(self, err: BaseException) -> None:
        self.busy = False
        if self.closing:
            return
        self.cast_button.setEnabled(True)
        self.cast_message.setText(self.tr("The vote could not be recorded: {error}").format(error=err))

    def ask_to_leave(self) -> None:
        answer = QMessageBox.question(self, self.tr("Voting booth"), self.tr("Close the voting booth?"))
        if answer == QMessageBox.Yes:
            self.close()

    def closeEvent(self, event) -> None:
        self.closing = True
        self.thanks.stop()
        super().closeEvent(event)
