"""会议: the branch's meetings (三会一课 and more) — the records with their filters, the
compliance calendar, and the branch committee."""
from __future__ import annotations

import sys
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu,
                               QMessageBox, QPushButton, QStackedWidget, QTableView, QTabWidget, QVBoxLayout, QWidget)

from core.meetings import MeetingType
from desktop.context import AppContext
from desktop.services.meetings import MeetingService
from desktop.ui.calendar_view import CalendarView, record_start
from desktop.ui.committee_view import CommitteeView
from desktop.ui.meeting_dialog import MeetingDialog
from desktop.ui.meetings_model import (COL_ATTENDANCE, COL_FILES, COL_HOST, COL_PLACE, COL_START, COL_TITLE, COL_TYPE,
                                       COL_WHO, MeetingFilter, MeetingsModel)
from desktop.ui.messages import is_known, show_known_error

TAB_RECORDS, TAB_CALENDAR, TAB_COMMITTEE = range(3)


class MeetingsPage(QWidget):
    meetingsChanged = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = MeetingService(ctx.db, ctx.clock, ctx.data_dir)
        self.dialog: QWidget | None = None

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_records(), self.tr("Meeting records"))
        self.calendar = CalendarView(ctx)
        self.calendar.recordMeeting.connect(self._record_from_calendar)
        self.calendar.requirementsChanged.connect(self.meetingsChanged)
        self.tabs.addTab(self.calendar, self.tr("Calendar"))
        self.committee = CommitteeView(ctx)
        self.committee.changed.connect(self._committee_changed)
        self.tabs.addTab(self.committee, self.tr("Branch committee"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.stale = False
        self.reload_list()  # the calendar and the committee loaded themselves

    def _build_records(self) -> QWidget:
        page = QWidget()
        self.new_button = QPushButton(self.tr("Record a meeting"))
        menu = QMenu(self.new_button)
        for kind in MeetingType:
            menu.addAction(kind.label, lambda k=kind: self.new_meeting(k))
        self.new_button.setMenu(menu)
        self.open_button = QPushButton(self.tr("Open"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.preview_button = QPushButton(self.tr("Print minutes…"))
        self.signin_button = QPushButton(self.tr("Sign-in…"))
        self.signin_button.setToolTip(self.tr("Sign-in sheet, cards, the scanner screen, phones, leave, closing the meeting"))
        self.signin_button.clicked.connect(self.signin_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.preview_button.clicked.connect(self.preview_selected)
        actions = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.signin_button, self.preview_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.count_label = QLabel()
        actions.addWidget(self.count_label)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Topic, place, host or party group"))
        self.search_edit.setClearButtonEnabled(True)
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All types"), None)
        for kind in MeetingType:
            self.type_combo.addItem(kind.label, kind.value)
        self.year_combo = QComboBox()
        self.search_edit.textChanged.connect(self.apply_filter)
        self.type_combo.currentIndexChanged.connect(self.apply_filter)
        self.year_combo.currentIndexChanged.connect(self.apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.type_combo)
        filters.addWidget(self.year_combo)

        self.model = MeetingsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.AscendingOrder)
        self.view.setSortingEnabled(True)
        fm = self.view.fontMetrics()
        for column, sample in ((COL_START, "0000-00-00 00:00"), (COL_TYPE, "民主评议党员"), (COL_TITLE, "学习贯彻党的二十届四中全会精神专题"),
                               (COL_WHO, "第一党小组（机关）"), (COL_PLACE, "党群服务中心会议室"), (COL_HOST, "欧阳晓明"),
                               (COL_ATTENDANCE, "出席 30，请假 2，缺席 1"), (COL_FILES, "附件")):
            self.view.setColumnWidth(column, max(fm.horizontalAdvance(sample),
                                                 fm.horizontalAdvance(self.model.headerData(column, Qt.Horizontal))) + 24)
        self.view.activated.connect(lambda _i: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #666; font-size: 12pt; background: white; border: 1px solid #ccc;")
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.view)
        self.table_stack.addWidget(self.empty_label)

        layout = QVBoxLayout(page)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.table_stack, 1)
        return page

    # -- loading -------------------------------------------------------------------------
    def mark_stale(self) -> None:
        """The roster changed (who is expected, the groups, the talk pairs): reload now if
        visible, else when next shown."""
        self.stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        if self.stale:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Everything on the page: the list, the calendar, the committee."""
        self.stale = False
        self.reload_list()
        self.calendar.reload_years()
        self.committee.reload()

    def reload_list(self) -> None:
        selected = self.selected_id()
        self.model.set_rows(self.service.list())
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("All years"), None)
        for year in self.model.years():
            self.year_combo.addItem(self.tr("{year}").format(year=year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(current)) if current else 0)
        self.year_combo.blockSignals(False)
        self.apply_filter()
        if selected is not None:
            self.select_meeting(selected)

    def apply_filter(self) -> None:
        kind = self.type_combo.currentData()
        self.model.set_filter(MeetingFilter(kind=MeetingType(kind) if kind else None, year=self.year_combo.currentData(),
                                            query=self.search_edit.text()))
        shown, total = self.model.rowCount(), self.model.total()
        self.count_label.setText(self.tr("{total} meetings, {shown} shown").format(total=total, shown=shown))
        if shown:
            self.table_stack.setCurrentWidget(self.view)
        else:
            self.empty_label.setText(
                self.tr("No meeting matches. Set the filters back to “All”.") if total
                else self.tr("No meetings recorded yet. Use “Record a meeting” to keep the record of each branch "
                             "meeting, committee meeting, party group meeting, lecture and theme day as it happens."))
            self.table_stack.setCurrentWidget(self.empty_label)
        self._selection_changed()

    # -- selection -----------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0].row()).id if rows else None

    def select_meeting(self, meeting_id: int) -> bool:
        row = self.model.row_of_meeting(meeting_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, *args) -> None:
        has = self.selected_id() is not None
        for b in (self.open_button, self.delete_button, self.preview_button, self.signin_button):
            b.setEnabled(has)

    # -- actions -------------------------------------------------------------------------
    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def new_meeting(self, kind: MeetingType = MeetingType.BRANCH_ASSEMBLY, start: datetime | None = None,
                    group_id: int | None = None) -> MeetingDialog:
        dialog = MeetingDialog(self.ctx, None, self, kind=kind, start=start)
        if group_id is not None:
            dialog.group_combo.setCurrentIndex(max(0, dialog.group_combo.findData(group_id)))
        dialog.saved.connect(self._saved)
        dialog.signinRequested.connect(self.open_signin)
        return self._open(dialog)

    def open_meeting(self, meeting_id: int) -> MeetingDialog:
        self.select_meeting(meeting_id)
        dialog = MeetingDialog(self.ctx, meeting_id, self)
        dialog.saved.connect(self._saved)
        dialog.signinRequested.connect(self.open_signin)
        return self._open(dialog)

    def open_selected(self) -> MeetingDialog | None:
        meeting_id = self.selected_id()
        return self.open_meeting(meeting_id) if meeting_id is not None else None

    def _saved(self, meeting_id: int) -> None:
        self.reload_list()
        if not self.select_meeting(meeting_id):
            self.search_edit.clear()
            self.type_combo.setCurrentIndex(0)
            self.year_combo.setCurrentIndex(0)
            self.select_meeting(meeting_id)
        self.calendar.reload_years()
        self.meetingsChanged.emit()

    def delete_selected(self) -> bool:
        meeting_id = self.selected_id()
        if meeting_id is None:
            return False
        row = self.model.row_at(self.model.row_of_meeting(meeting_id))
        answer = QMessageBox.question(
            self, self.tr("Delete a meeting"),
            self.tr("Delete the record of “{title}” ({date}) with its attendance, minutes and files? "
                    "This cannot be undone.").format(title=row.title, date=f"{row.start:%Y-%m-%d}"),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return False
        try:
            self.service.delete(meeting_id)
        except Exception as err:  # noqa: BLE001 — a KnownError is a message, anything else the crash dialog
            if is_known(err):
                show_known_error(self, err)
                return False
            sys.excepthook(type(err), err, err.__traceback__)
            return False
        self.reload_list()
        self.calendar.reload_years()
        self.meetingsChanged.emit()
        return True

    def preview_selected(self):
        meeting_id = self.selected_id()
        if meeting_id is None:
            return None
        from desktop.ui.minutes_print import print_preview
        return print_preview(self.service.minutes_sheet(meeting_id), self)

    def signin_selected(self):
        meeting_id = self.selected_id()
        return self.open_signin(meeting_id) if meeting_id is not None else None

    def open_signin(self, meeting_id: int):
        """The sign-in desk of a meeting (not modal: the kiosk and the phones' window stay
        usable beside it)."""
        from desktop.ui.signin_dialog import SigninDialog
        dialog = SigninDialog(self.ctx, meeting_id, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.changed.connect(self._signin_changed)
        dialog.show()
        self.signin_dialog = dialog
        return dialog

    def _signin_changed(self) -> None:
        self.reload_list()
        self.meetingsChanged.emit()

    def show_calendar(self, year: int | None = None) -> CalendarView:
        self.tabs.setCurrentIndex(TAB_CALENDAR)
        if year is not None:
            self.calendar.show_year(year)
        return self.calendar

    def _record_from_calendar(self, kind: MeetingType, group_id: int | None, day: date) -> None:
        self.tabs.setCurrentIndex(TAB_RECORDS)
        self.new_meeting(kind, record_start(day), group_id)

    def _committee_changed(self) -> None:
        self.calendar.load()
        self.meetingsChanged.emit()
