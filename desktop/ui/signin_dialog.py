"""签到: one meeting's sign-in desk — print the sheet and the cards, open the kiosk and phone
sign-in, record leave, sign a member in by hand, close the meeting (缺勤 marked, attendance
filled), export the attendance statistics. The table shows where everyone stands and follows
the kiosk and the phones as they sign members in."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget)

from core.signin import State, hhmm
from desktop.context import AppContext
from desktop.services.errors import KnownError
from desktop.services.minutes import time_span_text
from desktop.services.signin import Board, Counts, SigninService
from desktop.ui.messages import show_known_error
from desktop.ui.signin_model import (COL_GROUP, COL_HOW, COL_IN, COL_NAME, COL_NUMBER, COL_OUT, COL_REASON, COL_STATE,
                                     MEMBER_ROLE, SORT_ROLE, BoardModel)

REFRESH_MS = 2000


class SigninDialog(QDialog):
    """``changed``: the attendance changed (the meetings list shows the counts)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.service = SigninService.of(ctx)
        self.roll = self.service.roll(meeting_id)
        self.kiosk = None
        self.phone = None
        self.board: Board | None = None
        self.setWindowTitle(self.tr("Sign-in — {title}").format(title=self.roll.title))

        heading = QLabel(f"<b>{self.roll.title}</b>")
        heading.setTextFormat(Qt.RichText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        heading.setWordWrap(True)
        self.info_label = info = QLabel(self._info_text())
        info.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)

        def button(text: str, slot, tip: str = "") -> QPushButton:
            b = QPushButton(text)
            b.clicked.connect(lambda: slot())
            if tip:
                b.setToolTip(tip)
            return b

        self.sheet_button = button(self.tr("Print the sign-in sheet…"), self.print_sheet)
        self.sheet_pdf_button = button(self.tr("Sign-in sheet as PDF…"), self.export_sheet_pdf)
        self.badges_button = button(self.tr("Print sign-in cards…"), self.print_badges,
                                    self.tr("Cards for members without a phone: for the members selected, or everyone expected"))
        self.kiosk_button = button(self.tr("Start the scanner screen"), self.start_kiosk)
        self.phone_button = button(self.tr("Sign in by phone…"), self.start_phone)
        self.leave_button = button(self.tr("Leave…"), self.record_leave)
        self.cancel_leave_button = button(self.tr("Cancel the leave"), self.cancel_leave)
        self.hand_button = button(self.tr("Sign in by hand"), self.sign_by_hand,
                                  self.tr("For a member who is here without their code"))
        self.pin_button = button(self.tr("Set a PIN…"), self.set_pin,
                                 self.tr("A PIN for phone sign-in, for a member with no phone number on file"))
        self.close_button = button(self.tr("Close the meeting"), self.close_meeting)
        self.reopen_button = button(self.tr("Reopen sign-in"), self.reopen)
        self.stats_button = button(self.tr("Attendance statistics…"), self.export_stats)
        self.settings_button = button(self.tr("Sign-in settings…"), self.edit_settings)
        self.close_button.setStyleSheet("QPushButton { font-weight: bold; }")
        printing = QHBoxLayout()
        for b in (self.sheet_button, self.sheet_pdf_button, self.badges_button):
            printing.addWidget(b)
        printing.addStretch(1)
        printing.addWidget(self.stats_button)
        printing.addWidget(self.settings_button)
        signing = QHBoxLayout()
        for b in (self.kiosk_button, self.phone_button, self.leave_button, self.cancel_leave_button, self.hand_button,
                  self.pin_button):
            signing.addWidget(b)
        signing.addStretch(1)
        signing.addWidget(self.reopen_button)
        signing.addWidget(self.close_button)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a member"))
        self.search.setClearButtonEnabled(True)
        self.model = BoardModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(COL_NAME)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_NUMBER, Qt.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        fm = self.view.fontMetrics()
        for column, sample in ((COL_NUMBER, "000"), (COL_NAME, "阿卜杜拉·艾尼"), (COL_GROUP, "第一党小组（机关）"),
                               (COL_STATE, "未签到未"), (COL_IN, "00:00"), (COL_OUT, "00:00"), (COL_HOW, "书记代签到")):
            header_text = self.model.headerData(column, Qt.Horizontal)
            self.view.setColumnWidth(column, max(fm.horizontalAdvance(sample), fm.horizontalAdvance(header_text)) + 28)
        self.view.horizontalHeader().setSectionResizeMode(COL_REASON, QHeaderView.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *a: self._update_buttons())
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(info)
        layout.addWidget(self.state_label)
        layout.addLayout(printing)
        layout.addLayout(signing)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.counts_label)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()
        self.resize(1040, 680)

    def _info_text(self) -> str:
        rules, r = self.service.rules(), self.roll
        return self.tr("{type} · {time} · {place}. Sign in {opens}–{closes} (late after {start}); sign out from {signout}.").format(
            type=r.type.label, time=time_span_text(r.start, r.end), place=r.place or "—", opens=hhmm(rules.opens(r.start)),
            closes=hhmm(rules.closes(r.start)), start=hhmm(r.start), signout=hhmm(rules.signout_opens(r.start, r.end)))

    def edit_settings(self):
        """签到设置 (window-modal, opened); the windows shown here follow when it is saved."""
        from desktop.ui.signin_settings import SigninSettingsDialog
        dialog = SigninSettingsDialog(self.service, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.info_label.setText(self._info_text()))
        dialog.open()
        return dialog

    # -- the table -------------------------------------------------------------------------
    def refresh(self) -> None:
        self.board = self.service.board(self.meeting_id)
        self.model.set_rows(list(self.board.rows))
        c, b = self.board.counts, self.board
        signed = b.count(State.SIGNED_IN) + b.count(State.LATE) + b.count(State.SIGNED_OUT)
        if b.closed_at is None:
            self.counts_label.setText(self.tr("Expected {expected}: signed in {signed} (late {late}, signed out {out}), "
                                              "on leave {leave}, not yet signed in {none}.").format(
                expected=len(b.rows), signed=signed, late=b.count(State.LATE), out=b.count(State.SIGNED_OUT),
                leave=c.leave, none=b.count(State.NONE)))
            self.state_label.setText(self.tr("Sign-in is open."))
            self.state_label.setStyleSheet("color: #1b5e20;")
        else:
            self.counts_label.setText(self._counts_text(c))
            self.state_label.setText(self.tr("The meeting was closed at {time}: who had not signed in is marked absent, "
                                             "and the attendance is in the meeting's record.").format(
                time=b.closed_at.strftime("%Y-%m-%d %H:%M")))
            self.state_label.setStyleSheet("color: #b71c1c;")
        self._update_buttons()

    def _counts_text(self, c: Counts) -> str:
        return self.tr("Expected {expected}: present {present}, late {late}, on leave {leave}, absent {absent}.").format(
            expected=c.expected, present=c.present, late=c.late, leave=c.leave, absent=c.absent)

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return [self.proxy.data(r, MEMBER_ROLE) for r in rows]

    def select_member(self, member_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), MEMBER_ROLE) == member_id:
                self.view.selectRow(row)
                return

    def _state_of(self, member_id: int) -> State | None:
        return next((r.state for r in self.board.rows if r.member_id == member_id), None) if self.board else None

    def _update_buttons(self) -> None:
        closed = self.board is not None and self.board.closed_at is not None
        selected = self.selected_ids()
        one = len(selected) == 1
        state = self._state_of(selected[0]) if one else None
        for b in (self.kiosk_button, self.phone_button, self.close_button):
            b.setEnabled(not closed)
        self.leave_button.setEnabled(not closed and one and state in (State.NONE, State.LEAVE))
        self.cancel_leave_button.setEnabled(not closed and one and state is State.LEAVE)
        self.hand_button.setEnabled(not closed and one and state in (State.NONE, State.LEAVE))
        self.pin_button.setEnabled(one)
        self.reopen_button.setVisible(closed)

    def _done(self, fn, *args) -> bool:
        try:
            fn(*args)
        except KnownError as err:
            show_known_error(self, err)
            return False
        self.refresh()
        self.changed.emit()
        return True

    # -- printing ----------------------------------------------------------------------------
    def print_sheet(self):
        from desktop.ui.signin_print import preview_sheet
        return preview_sheet(self.service.sheet(self.meeting_id), self)

    def export_sheet_pdf(self, path: str | Path | None = None) -> Path | None:
        from desktop.ui.signin_print import write_sheet_pdf
        if path is None:
            folder = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))
            suggested = folder / self.tr("{date} sign-in sheet.pdf").format(date=self.roll.start.date().isoformat())
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the sign-in sheet"), str(suggested), self.tr("PDF (*.pdf)"))
            if not path:
                return None
        path = Path(path)
        path = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
        try:
            write_sheet_pdf(self.service.sheet(self.meeting_id), path)
        except KnownError as err:
            show_known_error(self, err)
            return None
        return path

    def _badges(self):
        ids = self.selected_ids() or [m.member_id for m in self.roll.members]
        return self.service.badges(ids)

    def print_badges(self):
        from desktop.ui.signin_print import preview_badges
        return preview_badges(self._badges(), self.ctx.members.branch_name(), self)

    # -- signing in --------------------------------------------------------------------------
    def start_kiosk(self, full_screen: bool = True):
        from desktop.ui.kiosk import KioskWindow
        if self.kiosk is not None and self.kiosk.isVisible():
            self.kiosk.activateWindow()
            return self.kiosk
        self.kiosk = KioskWindow(self.service, self.meeting_id, self, roll=self.roll)
        self.kiosk.setAttribute(Qt.WA_DeleteOnClose)
        self.kiosk.changed.connect(self.refresh)
        self.kiosk.destroyed.connect(lambda *_: setattr(self, "kiosk", None))
        self.kiosk.showFullScreen() if full_screen else self.kiosk.show()
        self.kiosk.activateWindow()
        return self.kiosk

    def start_phone(self):
        from desktop.ui.phone_signin import open_phone_signin
        if self.phone is not None and self.phone.isVisible():
            self.phone.activateWindow()
            return self.phone
        self.phone = open_phone_signin(self.service, self.meeting_id, self)
        if self.phone is not None:
            self.phone.changed.connect(self.refresh)
            self.phone.destroyed.connect(lambda *_: setattr(self, "phone", None))
        return self.phone

    def record_leave(self, reason: str | None = None) -> bool:
        ids = self.selected_ids()
        if len(ids) != 1:
            return False
        if reason is None:
            name = next(r.name for r in self.board.rows if r.member_id == ids[0])
            reason, ok = QInputDialog.getText(self, self.tr("Leave"), self.tr("Why is {name} on leave?").format(name=name))
            if not ok:
                return False
        return self._done(self.service.record_leave, self.meeting_id, ids[0], reason)

    def cancel_leave(self) -> bool:
        ids = self.selected_ids()
        return len(ids) == 1 and self._done(self.service.cancel_leave, self.meeting_id, ids[0])

    def sign_by_hand(self) -> bool:
        ids = self.selected_ids()
        if len(ids) != 1:
            return False
        result = self.service.sign_by_hand(self.meeting_id, ids[0])
        if not result.accepted:
            QMessageBox.warning(self, self.tr("Sign in by hand"), result.reason or "")
            return False
        self.refresh()
        self.changed.emit()
        return True

    def set_pin(self, pin: str | None = None) -> bool:
        ids = self.selected_ids()
        if len(ids) != 1:
            return False
        if pin is None:
            pin, ok = QInputDialog.getText(self, self.tr("Sign-in PIN"),
                                           self.tr("A PIN of 4 to 6 digits, for phone sign-in (empty: remove the PIN):"),
                                           QLineEdit.Password)
            if not ok:
                return False
        return self._done(self.service.set_pin, ids[0], pin.strip() or None)

    def close_meeting(self) -> Counts | None:
        """Confirm with the counts closing will record, then close."""
        board = self.service.board(self.meeting_id)
        early = self.ctx.clock.now() < self.roll.end
        question = self._counts_text(board.counts) + "\n\n" + self.tr(
            "Close the meeting? Who has not signed in and has no leave is marked absent, the meeting's attendance is "
            "filled in, and no more scans are taken.")
        if early:
            question += "\n\n" + self.tr("The meeting has not ended yet (it ends at {end}).").format(end=hhmm(self.roll.end))
        if QMessageBox.question(self, self.tr("Close the meeting"), question, QMessageBox.Yes | QMessageBox.No,
                                QMessageBox.No) != QMessageBox.Yes:
            return None
        for window in (self.kiosk, self.phone):
            if window is not None:
                window.close()
        try:
            counts = self.service.close(self.meeting_id)
        except KnownError as err:
            show_known_error(self, err)
            return None
        self.refresh()
        self.changed.emit()
        QMessageBox.information(self, self.tr("Meeting closed"), self._counts_text(counts))
        return counts

    def reopen(self) -> bool:
        if QMessageBox.question(self, self.tr("Reopen sign-in"),
                                self.tr("Take scans again for this meeting? The attendance written at closing stays until it is closed again."),
                                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            return False
        return self._done(self.service.reopen, self.meeting_id)

    def export_stats(self, path: str | Path | None = None) -> Path | None:
        from desktop.services.signin_stats import export_stats
        if path is None:
            folder = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))
            suggested = folder / self.tr("{year} attendance.xlsx").format(year=self.roll.start.year)
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the attendance statistics"), str(suggested),
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return None
        path = Path(path)
        path = path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
        try:
            export_stats(self.ctx, path, year=self.roll.start.year)
        except KnownError as err:
            show_known_error(self, err)
            return None
        return path

    def done(self, result: int) -> None:
        self.timer.stop()
        for window in (self.kiosk, self.phone):
            if window is not None:
                window.close()
        super().done(result)
