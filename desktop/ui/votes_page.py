"""投票: the branch's secret-ballot votes — elections, decisions (接收预备党员, 转正, resolutions) and
民主评议 — from setting one up to the printed result.

Left, the votes; right, the chosen one: what it is and how far it has got, the counts (due,
present, ballots issued and in), what still stops it from opening, and the buttons for the step
it is at — calling the roll and opening it; printing ballots and code slips, the booth, phones,
the tellers' count, closing it; then the 计票单, the result report and the next round.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QLineEdit, QMenu, QMessageBox, QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from core.votes import PollKind
from desktop.context import AppContext
from desktop.services.errors import KnownError
from desktop.services.votes import EXCLUDED, NO_VOTE, VOTER, PollDetail, VoteService, state_label, way_label
from desktop.services.votes_report import ResultSheet
from desktop.ui.messages import show_known_error
from desktop.ui.votes_model import COL_NAME, COL_PRESENT, ID_ROLE, PollsModel, ResultModel, VotersModel

TAB_ROLL, TAB_COUNT = range(2)


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class VotesPage(QWidget):
    votesChanged = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = VoteService(ctx.db, ctx.clock)
        self.poll_id: int | None = None
        self.detail: PollDetail | None = None
        self.windows: list[QWidget] = []   # booth, counting screen, phones: kept alive here
        self.stale = False

        self.new_button = QPushButton(self.tr("New vote"))
        menu = QMenu(self.new_button)
        for kind in PollKind:
            menu.addAction(kind.label, lambda k=kind: self.new_poll(k))
        self.new_button.setMenu(menu)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_poll)
        self.polls = PollsModel(self)
        self.poll_view = _table(self.polls)
        self.poll_view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.poll_view.selectionModel().selectionChanged.connect(self._poll_chosen)
        header = self.poll_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        for column in (2, 4):  # the title and the result share what is left (their tooltips hold the whole text)
            header.setSectionResizeMode(column, QHeaderView.Stretch)
        left = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        top.addStretch(1)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(top)
        lv.addWidget(self.poll_view, 1)

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.reload()

    # -- building ---------------------------------------------------------------------------------
    def _build_detail(self) -> QWidget:
        panel = QWidget()
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.empty_label = QLabel(self.tr("Choose a vote on the left, or set up a new one."))
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setStyleSheet("color: #666;")

        def button(text: str, slot, tip: str = "") -> QPushButton:
            b = QPushButton(text)
            b.clicked.connect(lambda _=False: slot())
            if tip:
                b.setToolTip(tip)
            return b

        self.open_button = button(self.tr("Open the vote"), self.open_poll, self.tr("Check the quorum and start voting"))
        self.candidates_button = button(self.tr("Candidates…"), self.edit_candidates)
        self.ballots_button = button(self.tr("Print ballots…"), self.print_ballots)
        self.codes_button = button(self.tr("Make code slips…"), self.make_codes)
        self.booth_button = button(self.tr("Voting booth"), self.open_booth, self.tr("This PC as a booth, full screen"))
        self.phone_button = button(self.tr("Voting by phone"), self.open_phones)
        self.count_button = button(self.tr("Count paper ballots"), self.open_counting)
        self.written_button = button(self.tr("Written opinions…"), self.edit_written)
        self.close_button = button(self.tr("Close the vote…"), self.close_poll)
        self.tally_button = button(self.tr("Tally sheet…"), lambda: self.preview(False))
        self.report_button = button(self.tr("Result report…"), lambda: self.preview(True))
        self.pdf_button = button(self.tr("Save as PDF…"), self.save_pdfs)
        self.next_button = button(self.tr("Next round…"), self.next_round,
                                  self.tr("A re-vote among the tied, or a further round for the vacancies"))
        self.actions = [self.open_button, self.candidates_button, self.ballots_button, self.codes_button, self.booth_button,
                        self.phone_button, self.count_button, self.written_button, self.close_button, self.tally_button,
                        self.report_button, self.pdf_button, self.next_button]
        # Two rows that close up around the buttons hidden at the poll's step.
        grid = QVBoxLayout()
        for group in ((self.open_button, self.candidates_button, self.written_button, self.close_button, self.tally_button,
                       self.report_button, self.pdf_button, self.next_button),
                      (self.ballots_button, self.count_button, self.codes_button, self.booth_button, self.phone_button)):
            row = QHBoxLayout()
            for b in group:
                row.addWidget(b)
            row.addStretch(1)
            grid.addLayout(row)

        self.scrutineers = QLineEdit()
        self.scrutineers.setPlaceholderText(self.tr("Names"))
        self.tellers = QLineEdit()
        self.tellers.setPlaceholderText(self.tr("Names"))
        for edit in (self.scrutineers, self.tellers):
            edit.setMaxLength(200)
            edit.editingFinished.connect(self._save_signers)
        signers = QHBoxLayout()
        signers.addWidget(QLabel(self.tr("Scrutineers")))
        signers.addWidget(self.scrutineers, 1)
        signers.addWidget(QLabel(self.tr("Tellers")))
        signers.addWidget(self.tellers, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_roll(), self.tr("Roll and attendance"))
        self.result_model = ResultModel(self)
        self.result_view = _table(self.result_model)
        self.result_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        count_tab = QWidget()
        cv = QVBoxLayout(count_tab)
        cv.addWidget(self.result_label)
        cv.addWidget(self.result_view, 1)
        self.tabs.addTab(count_tab, self.tr("Count"))

        self.detail_widget = QWidget()
        dv = QVBoxLayout(self.detail_widget)
        dv.setContentsMargins(8, 0, 0, 0)
        for w in (self.title_label, self.info_label, self.counts_label, self.problems_label):
            dv.addWidget(w)
        dv.addLayout(grid)
        dv.addLayout(signers)
        dv.addWidget(self.tabs, 1)
        outer = QVBoxLayout(panel)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.empty_label, 1)
        outer.addWidget(self.detail_widget, 1)
        return panel

    def _build_roll(self) -> QWidget:
        page = QWidget()
        self.voters = VotersModel(self)
        self.voters.on_present = self._present_toggled
        self.voter_view = _table(self.voters)
        self.voter_view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.voter_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.all_present_button = QPushButton(self.tr("All present"))
        self.all_present_button.clicked.connect(self.all_present)
        self.received_button = QPushButton(self.tr("Received a ballot"))
        self.received_button.setToolTip(self.tr("Record that the chosen members received a paper ballot or drew a code slip"))
        self.received_button.clicked.connect(self.mark_received)
        self.no_vote_button = QPushButton(self.tr("No vote…"))
        self.no_vote_button.clicked.connect(lambda: self.set_status(NO_VOTE))
        self.exclude_button = QPushButton(self.tr("Not counted as due…"))
        self.exclude_button.setToolTip(self.tr("One of the five groups, with the superior committee's approval"))
        self.exclude_button.clicked.connect(lambda: self.set_status(EXCLUDED))
        self.restore_button = QPushButton(self.tr("Votes again"))
        self.restore_button.clicked.connect(lambda: self.set_status(VOTER))
        bar = QHBoxLayout()
        for b in (self.all_present_button, self.received_button, self.no_vote_button, self.exclude_button, self.restore_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.voter_view, 1)
        return page

    # -- loading ------------------------------------------------------------------------------------
    def mark_stale(self) -> None:
        self.stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        if self.stale:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self.stale = False
        keep = self.poll_id
        self.polls.set_rows(self.service.list())
        self.select(keep if keep is not None and self.polls.row_of(keep) >= 0 else None)

    def select(self, poll_id: int | None) -> None:
        row = self.polls.row_of(poll_id) if poll_id is not None else -1
        if row >= 0:
            self.poll_view.selectRow(row)
        else:
            self.poll_view.clearSelection()
        self.show_poll(poll_id if row >= 0 else None)

    def _poll_chosen(self) -> None:
        rows = self.poll_view.selectionModel().selectedRows()
        poll_id = self.polls.data(rows[0], ID_ROLE) if rows else None
        if poll_id != self.poll_id:
            self.show_poll(poll_id)

    def show_poll(self, poll_id: int | None) -> None:
        self.poll_id = poll_id
        self.empty_label.setVisible(poll_id is None)
        self.detail_widget.setVisible(poll_id is not None)
        self.delete_button.setEnabled(False)
        if poll_id is None:
            self.detail = None
            return
        self.refresh_detail()

    def refresh_detail(self) -> None:
        d = self.detail = self.service.detail(self.poll_id)
        counts = self.service.counts(self.poll_id)
        self.title_label.setText(d.title if d.round == 1 else self.tr("{title} (round {n})").format(title=d.title, n=d.round))
        parts = [d.kind.label, state_label(d.state), "、".join(way_label(w) for w in d.ways)]
        if d.kind is PollKind.ELECTION:
            parts.insert(1, self.tr("{n} seats").format(n=d.seats))
        if d.subject is not None:
            parts.insert(1, d.subject.label)
        if d.meeting_title:
            parts.append(self.tr("Meeting: {title}").format(title=d.meeting_title))
        self.info_label.setText(" · ".join(parts))
        text = self.tr("Due to attend with a vote: {due} (no vote: {no_vote}; not counted with approval: {excluded}) · present: {present} · "
                       "ballots issued: {issued} · ballots in: {collected}").format(
            due=counts.due, no_vote=counts.no_vote, excluded=counts.excluded, present=counts.present, issued=counts.issued,
            collected=counts.collected)
        if d.kind is PollKind.DECISION and d.written.total:
            text += " · " + self.tr("written opinions: {n}").format(n=d.written.total)
        self.counts_label.setText(text)
        errors, warnings = self.service.problems(self.poll_id) if d.state == "draft" else ([], [])
        if d.state == "open" and counts.collected > counts.issued:
            errors = [self.tr("More ballots are in than were issued: the vote will be void")]
        self.problems_label.setText("\n".join(errors + warnings))
        self.problems_label.setStyleSheet("color: #c62828;" if errors else "color: #b45309;")
        self.problems_label.setVisible(bool(errors or warnings))
        draft, open_, closed = d.state == "draft", d.state == "open", d.state == "closed"
        visible = {
            self.open_button: draft, self.candidates_button: draft and d.kind is PollKind.ELECTION,
            self.ballots_button: open_ and "paper" in d.ways, self.codes_button: open_ and bool({"booth", "phone"} & set(d.ways)),
            self.booth_button: open_ and "booth" in d.ways, self.phone_button: open_ and "phone" in d.ways,
            self.count_button: open_ and "paper" in d.ways, self.written_button: d.kind is PollKind.DECISION and not closed,
            self.close_button: open_, self.tally_button: not draft, self.report_button: closed, self.pdf_button: closed,
            self.next_button: closed and d.kind is PollKind.ELECTION,
        }
        for b, shown in visible.items():
            b.setVisible(shown)
        self.open_button.setEnabled(not errors)
        self.delete_button.setEnabled(draft)
        for edit, value in ((self.scrutineers, d.scrutineers), (self.tellers, d.tellers)):
            if not edit.hasFocus():
                edit.setText(value)
        self.voters.editable = not closed
        self.voters.set_rows(self.service.voters(self.poll_id))
        self.received_button.setEnabled(open_)
        for b in (self.no_vote_button, self.exclude_button, self.restore_button):
            b.setEnabled(draft)
        self.all_present_button.setEnabled(not closed)
        result = self.service.tally(self.poll_id) if not draft else None
        self.result_model.set_result(result)
        self.result_label.setText(self._result_text(d, result))

    def _result_text(self, d: PollDetail, result) -> str:
        if result is None:
            return self.tr("The count appears here once voting has started.")
        from desktop.services.votes_report import report_lines
        return "\n".join(report_lines(ResultSheet(d, self.service.counts(self.poll_id), result, self.ctx.clock.now())))

    def _changed(self) -> None:
        self.reload()
        self.votesChanged.emit()

    def _try(self, fn, *args) -> bool:
        try:
            fn(*args)
        except KnownError as err:
            show_known_error(self, err)
            return False
        return True

    # -- setting up ---------------------------------------------------------------------------------
    def new_poll(self, kind: PollKind, meeting_id: int | None = None):
        from desktop.services.meetings import MeetingService
        from desktop.ui.poll_dialog import PollDialog
        meetings = [(m.id, f"{m.start:%Y-%m-%d} {m.title}") for m in MeetingService(self.ctx.db, self.ctx.clock, self.ctx.data_dir).list()][:50]
        names = [r.name for r in self.ctx.members.roster() if r.roll_status == "active"]
        dialog = PollDialog(self.service, kind, meetings, names, self, meeting_id=meeting_id, year=self.ctx.clock.today().year)
        dialog.created.connect(self._created)
        dialog.open()
        return dialog

    def _created(self, poll_id: int) -> None:
        self.poll_id = poll_id
        self._changed()

    def delete_poll(self) -> None:
        if self.poll_id is None:
            return
        if QMessageBox.question(self, self.tr("Delete the vote"), self.tr("Delete “{title}”? It has not been opened.").format(
                title=self.detail.title)) != QMessageBox.Yes:
            return
        if self._try(self.service.delete, self.poll_id):
            self.poll_id = None
            self._changed()

    def edit_candidates(self) -> None:
        from desktop.ui.votes_dialogs import CandidatesDialog
        dialog = CandidatesDialog(self.service, self.poll_id, self)
        dialog.accepted.connect(self.refresh_detail)
        dialog.open()

    def _chosen_members(self) -> list[tuple[int, str]]:
        rows = sorted({i.row() for i in self.voter_view.selectionModel().selectedRows()})
        return [(self.voters.row_at(r).member_id, self.voters.row_at(r).name) for r in rows]

    def set_status(self, status: str) -> None:
        chosen = self._chosen_members()
        if not chosen:
            return
        if status == VOTER:
            for member_id, _ in chosen:
                if not self._try(self.service.set_voter, self.poll_id, member_id, VOTER):
                    break
            self.refresh_detail()
            return
        from desktop.ui.votes_dialogs import VoterStatusDialog
        member_id, name = chosen[0]
        dialog = VoterStatusDialog(self.service, self.poll_id, member_id, name, status, self)
        dialog.accepted.connect(self.refresh_detail)
        dialog.open()

    def _present_toggled(self, member_id: int, present: bool) -> None:
        self._try(self.service.set_present, self.poll_id, [member_id], present)
        self.refresh_detail()

    def all_present(self) -> None:
        ids = [v.member_id for v in self.service.voters(self.poll_id) if v.status == VOTER]
        self._try(self.service.set_present, self.poll_id, ids, True)
        self.refresh_detail()

    def open_poll(self) -> None:
        if self._try(self.service.open, self.poll_id):
            self._changed()

    # -- voting --------------------------------------------------------------------------------------
    def mark_received(self) -> None:
        for member_id, _ in self._chosen_members():
            if not self._try(self.service.receive, self.poll_id, member_id):
                break
        self.refresh_detail()

    def _count(self, title: str, label: str) -> int | None:
        counts = self.service.counts(self.poll_id)
        n, ok = QInputDialog.getInt(self, title, label, max(1, counts.present), 1, 2000)
        return n if ok else None

    def _save_path(self, title: str, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), self.tr("PDF (*.pdf)"))
        return Path(path) if path else None

    def print_ballots(self, n: int | None = None, path: Path | None = None) -> Path | None:
        from desktop.ui.votes_print import write_ballots_pdf
        n = n or self._count(self.tr("Print ballots"), self.tr("How many ballots? (one for each member present; a few spare)"))
        path = path or (self._save_path(self.tr("Save the ballots"), self.tr("ballots.pdf")) if n else None)
        if not n or not path:
            return None
        try:
            serials = self.service.new_serials(self.poll_id, n)
            write_ballots_pdf(self.detail, serials, path)
        except KnownError as err:
            show_known_error(self, err)
            return None
        self.refresh_detail()
        return path

    def make_codes(self, n: int | None = None, path: Path | None = None) -> Path | None:
        from desktop.ui.phone_voting import phone_address, phone_url
        from desktop.ui.votes_print import write_slips_pdf
        n = n or self._count(self.tr("Make code slips"), self.tr("How many codes? (one for each member present; a few spare)"))
        path = path or (self._save_path(self.tr("Save the code slips"), self.tr("voting codes.pdf")) if n else None)
        if not n or not path:
            return None
        url = None
        if "phone" in self.detail.ways:
            host, port = phone_address(self.ctx.settings)
            url = phone_url(host, port, f"/v/{self.service.token(self.poll_id)}")
        try:
            codes = self.service.make_codes(self.poll_id, n)
            write_slips_pdf(self.detail, codes, url, path)
        except KnownError as err:
            show_known_error(self, err)
            return None
        finally:
            codes = None  # the digits live only in the printed file
        self.refresh_detail()
        return path

    def _keep(self, window: QWidget) -> QWidget:
        self.windows = [w for w in self.windows if w.isVisible()]
        self.windows.append(window)
        window.setAttribute(Qt.WA_DeleteOnClose)
        window.destroyed.connect(self._window_gone)
        return window

    def _window_gone(self, *_args) -> None:
        if self.poll_id is not None:
            self.refresh_detail()

    def open_booth(self, fullscreen: bool = True):
        from desktop.ui.booth import BoothWindow
        booth = self._keep(BoothWindow(self.service, self.poll_id, self))
        booth.cast.connect(self.refresh_detail)
        booth.showFullScreen() if fullscreen else booth.show()
        return booth

    def open_counting(self):
        from desktop.ui.counting import CountingWindow
        window = self._keep(CountingWindow(self.service, self.poll_id, self))
        window.counted.connect(self.refresh_detail)
        window.show()
        return window

    def open_phones(self):
        from desktop.ui.phone_voting import PhoneVotingWindow
        try:
            window = PhoneVotingWindow(self.service, self.poll_id, self.ctx.settings, self)
        except KnownError as err:
            show_known_error(self, err)
            return None
        self._keep(window).changed.connect(self.refresh_detail)
        window.show()
        return window

    def edit_written(self) -> None:
        from desktop.ui.votes_dialogs import WrittenOpinionsDialog
        dialog = WrittenOpinionsDialog(self.service, self.poll_id, self)
        dialog.accepted.connect(self.refresh_detail)
        dialog.open()

    def close_poll(self, confirm: bool = True) -> None:
        if confirm and QMessageBox.question(self, self.tr("Close the vote"), self.tr(
                "Close “{title}” and count it? No ballot can be added afterwards.").format(title=self.detail.title)) != QMessageBox.Yes:
            return
        for w in self.windows:
            if w.isVisible():
                w.close()
        if self._try(self.service.close, self.poll_id):
            self._changed()
            self.tabs.setCurrentIndex(TAB_COUNT)

    def _save_signers(self) -> None:
        if self.poll_id is not None:
            self._try(self.service.set_signers, self.poll_id, self.scrutineers.text(), self.tellers.text())

    # -- results ---------------------------------------------------------------------------------------
    def sheet(self) -> ResultSheet:
        self._save_signers()
        return ResultSheet(self.service.detail(self.poll_id), self.service.counts(self.poll_id),
                           self.service.tally(self.poll_id), self.ctx.clock.now())

    def preview(self, report: bool):
        from desktop.ui.votes_print import preview_sheet
        return preview_sheet(self.sheet(), report, self)

    def save_pdfs(self, folder: Path | None = None) -> list[Path]:
        from desktop.ui.votes_print import write_sheet_pdf
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Save the tally sheet and the result report in"), str(Path.home()))
            if not chosen:
                return []
            folder = Path(chosen)
        sheet = self.sheet()
        out = [folder / self.tr("{title} tally sheet.pdf").format(title=sheet.detail.title),
               folder / self.tr("{title} result report.pdf").format(title=sheet.detail.title)]
        try:
            write_sheet_pdf(sheet, False, out[0])
            write_sheet_pdf(sheet, True, out[1])
        except KnownError as err:
            show_known_error(self, err)
            return []
        return out

    def next_round(self) -> None:
        try:
            poll_id = self.service.follow_up(self.poll_id)
        except KnownError as err:
            show_known_error(self, err)
            return
        if poll_id is None:
            QMessageBox.information(self, self.tr("Next round"), self.tr("Every seat is filled: no further round is needed."))
            return
        self.poll_id = poll_id
        self._changed()
