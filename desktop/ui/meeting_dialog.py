"""Record one meeting: the basics, who was due and who came, the minutes (rich text, from the
type's template), the resolutions, the 主题党日 items, and photos and files. Print preview
and PDF of the minutes from here too."""
from __future__ import annotations

import logging
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QDateTime, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont, QTextListFormat
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QTableView, QTabWidget, QTextEdit, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from core.meetings import Audience, AttendanceStatus, MeetingRecord, MeetingType, ThemeDayItem, pair_of
from core.minutes import template_html
from desktop.context import AppContext
from desktop.services.errors import KnownError
from desktop.services.meetings import MeetingInvalid, MeetingService
from desktop.ui import worker
from desktop.ui.attachments_view import AttachmentsView
from desktop.ui.attendance_model import COL_GROUP, COL_NAME, COL_REASON, COL_STATUS, AttendanceModel, StatusDelegate
from desktop.ui.messages import is_known
from desktop.ui.widgets import ERROR_COLOUR, WARNING_COLOUR, FieldMessage

log = logging.getLogger(__name__)

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
TAB_BASICS, TAB_ATTENDANCE, TAB_MINUTES, TAB_RESOLUTIONS, TAB_ITEMS, TAB_FILES = range(6)


def _qdt(value: datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def _py(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class MeetingDialog(QDialog):
    """``meeting_id`` None records a new meeting (of ``kind``, starting ``start``)."""

    saved = Signal(int)
    signinRequested = Signal(int)  # saved, closed: open the meeting's sign-in desk

    def __init__(self, ctx: AppContext, meeting_id: int | None = None, parent: QWidget | None = None, *,
                 kind: MeetingType = MeetingType.BRANCH_ASSEMBLY, start: datetime | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = MeetingService(ctx.db, ctx.clock, ctx.data_dir)
        self.meeting_id = meeting_id
        self.original = self.service.get(meeting_id) if meeting_id is not None else None
        self._acknowledged: tuple | None = None
        self._template_of: MeetingType | None = None  # the type whose untouched template the editor holds
        self._loading = True
        self._setting_template = False
        self.copying: worker.Task | None = None  # files being copied after a save
        self.messages: dict[str, FieldMessage] = {}
        self.setModal(True)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_basics(), self.tr("Basics"))
        self.tabs.addTab(self._build_attendance(), self.tr("Attendance"))
        self.tabs.addTab(self._build_minutes(), self.tr("Minutes"))
        self.resolutions_edit = QPlainTextEdit()
        self.resolutions_edit.setPlaceholderText(self.tr("What the meeting decided, one item per line"))
        self.tabs.addTab(self.resolutions_edit, self.tr("Resolutions"))
        self.tabs.addTab(self._build_items(), self.tr("Six items"))
        self.files = AttachmentsView(ctx.data_dir)
        self.tabs.addTab(self.files, self.tr("Photos and files"))
        self.votes_label: QLabel | None = None
        if meeting_id is not None:
            self._add_votes(ctx, meeting_id)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Save)
        self.ok_button.setText(self.tr("Save"))
        self.preview_button = self.buttons.addButton(self.tr("Print preview…"), QDialogButtonBox.ActionRole)
        self.pdf_button = self.buttons.addButton(self.tr("Export PDF…"), QDialogButtonBox.ActionRole)
        self.preview_button.clicked.connect(lambda: self.print_preview())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.signin_button = self.buttons.addButton(self.tr("Sign-in…"), QDialogButtonBox.ActionRole)
        self.signin_button.setToolTip(self.tr("Save, close the record and open the meeting's sign-in desk"))
        self.signin_button.clicked.connect(lambda: self.open_signin())
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        if self.original is not None:
            self._load(self.original)
        else:
            self._new(kind, start)
        self._loading = False
        self._type_changed()
        self.refresh_expected()
        self._update_title()
        self.resize(980, 680)

    # -- building ------------------------------------------------------------------------
    def _field(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        message = FieldMessage(box)
        v.addWidget(message)
        self.messages[name] = message
        form.addRow(label, box)
        setattr(self, f"_{name}_row", box)

    def _build_basics(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form = form
        self.type_combo = QComboBox()
        for t in MeetingType:
            self.type_combo.addItem(t.label, t.value)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(self.tr("e.g. Studying the spirit of the Fourth Plenary Session"))
        self.start_edit = QDateTimeEdit()
        self.end_edit = QDateTimeEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat(DATETIME_FORMAT)
            edit.setCalendarPopup(True)
        self.start_edit.dateTimeChanged.connect(self._start_changed)
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(200)
        people = [r.name for r in self.ctx.members.roster() if r.roll_status == "active"]
        self.host_combo = QComboBox()
        self.recorder_combo = QComboBox()
        for combo in (self.host_combo, self.recorder_combo):
            combo.setEditable(True)
            combo.addItem("")
            combo.addItems(people)
            combo.lineEdit().setMaxLength(40)
        self.audience_combo = QComboBox()
        for a in (Audience.ALL, Audience.COMMITTEE, Audience.GROUP):
            self.audience_combo.addItem(a.label, a.value)
        self.audience_combo.currentIndexChanged.connect(self._audience_changed)
        self.group_combo = QComboBox()
        self._group_ids = self._groups()
        for gid, name in self._group_ids:
            self.group_combo.addItem(name, gid)
        self.group_combo.currentIndexChanged.connect(lambda _i: self.refresh_expected())
        self.talk_a = QComboBox()
        self.talk_b = QComboBox()
        for combo in (self.talk_a, self.talk_b):
            combo.addItem(self.tr("(choose)"), None)
            for r in self.ctx.members.roster():
                if r.roll_status == "active":
                    combo.addItem(r.name, r.id)
            combo.currentIndexChanged.connect(lambda _i: self.refresh_expected())

        self._field(form, "type", self.tr("Type"), self.type_combo)
        self._field(form, "title", self.tr("Topic"), self.title_edit)
        self._field(form, "start", self.tr("Starts"), self.start_edit)
        self._field(form, "end", self.tr("Ends"), self.end_edit)
        self._field(form, "place", self.tr("Place"), self.place_edit)
        self._field(form, "host", self.tr("Host"), self.host_combo)
        self._field(form, "recorder", self.tr("Recorder"), self.recorder_combo)
        self._field(form, "audience", self.tr("Who attends"), self.audience_combo)
        self._field(form, "group", self.tr("Party group"), self.group_combo)
        self._field(form, "talk_a", self.tr("Talking"), self.talk_a)
        self._field(form, "talk_pair", self.tr("With"), self.talk_b)
        return page

    def _groups(self) -> list[tuple[int, str]]:
        from sqlalchemy import select
        from db.models import PartyGroup
        with self.ctx.db.session() as s:
            return list(s.execute(select(PartyGroup.id, PartyGroup.name).order_by(PartyGroup.position)).all())

    def _build_attendance(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.expected_label = QLabel()
        self.expected_label.setWordWrap(True)
        self.attendance = AttendanceModel(self)
        self.attendance.dataChanged.connect(lambda *a: self._update_counts())
        self.attendance.modelReset.connect(self._update_counts)
        self.attendance_view = QTableView()
        self.attendance_view.setModel(self.attendance)
        self.attendance_view.setItemDelegateForColumn(COL_STATUS, StatusDelegate(self.attendance_view))
        self.attendance_view.setEditTriggers(QAbstractItemView.AllEditTriggers)
        self.attendance_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.attendance_view.verticalHeader().hide()
        self.attendance_view.setAlternatingRowColors(True)
        header = self.attendance_view.horizontalHeader()
        header.setStretchLastSection(True)
        fm = self.fontMetrics()
        self.attendance_view.setColumnWidth(COL_NAME, fm.horizontalAdvance("欧阳晓明明") + 24)
        self.attendance_view.setColumnWidth(COL_GROUP, fm.horizontalAdvance("第一党小组（机关）") + 16)
        self.attendance_view.setColumnWidth(COL_STATUS, fm.horizontalAdvance("（未记录）") + 48)
        header.setSectionResizeMode(COL_REASON, QHeaderView.Stretch)
        self.rest_present = QPushButton(self.tr("Mark the rest present"))
        self.rest_absent = QPushButton(self.tr("Mark the rest absent"))
        self.rest_present.clicked.connect(lambda: self.attendance.mark_rest(AttendanceStatus.PRESENT))
        self.rest_absent.clicked.connect(lambda: self.attendance.mark_rest(AttendanceStatus.ABSENT))
        buttons = QHBoxLayout()
        buttons.addWidget(self.rest_present)
        buttons.addWidget(self.rest_absent)
        buttons.addStretch(1)
        self.history = QTreeWidget()
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who changed it"), self.tr("Member"), self.tr("Change")])
        self.history.setRootIsDecorated(False)
        self.history.setMaximumHeight(fm.lineSpacing() * 7)
        self.history.setColumnWidth(0, fm.horizontalAdvance("0000-00-00 00:00") + 28)
        self.history.setColumnWidth(1, fm.horizontalAdvance("administrator") + 16)
        self.history.setColumnWidth(2, fm.horizontalAdvance("欧阳晓明明") + 16)
        self.history_label = QLabel(self.tr("Changes to the attendance record"))
        v.addWidget(self.expected_label)
        v.addWidget(self.attendance_view, 1)
        v.addLayout(buttons)
        v.addWidget(self.history_label)
        v.addWidget(self.history)
        return page

    def _build_minutes(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.minutes_edit = QTextEdit()
        self.minutes_edit.setAcceptRichText(True)
        # Paragraphs close together, as a written record is (Qt's default leaves 12 px).
        self.minutes_edit.document().setDefaultStyleSheet("p { margin-top: 2px; margin-bottom: 4px; }")
        self.minutes_edit.textChanged.connect(self._minutes_edited)
        bar = QHBoxLayout()
        self.bold_button = QPushButton(self.tr("Bold"))
        self.bold_button.setCheckable(True)
        self.bold_button.clicked.connect(lambda on: self.minutes_edit.setFontWeight(QFont.Bold if on else QFont.Normal))
        self.minutes_edit.currentCharFormatChanged.connect(lambda f: self.bold_button.setChecked(f.fontWeight() >= QFont.Bold))
        self.list_button = QPushButton(self.tr("Numbered list"))
        self.list_button.clicked.connect(lambda: self.minutes_edit.textCursor().createList(QTextListFormat.ListDecimal))
        self.template_button = QPushButton(self.tr("Start from the template"))
        self.template_button.clicked.connect(self.use_template)
        for b in (self.bold_button, self.list_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.template_button)
        v.addLayout(bar)
        v.addWidget(self.minutes_edit, 1)
        return page

    def _build_items(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(QLabel(self.tr("The items this theme Party day covered:")))
        self.item_checks: dict[ThemeDayItem, QCheckBox] = {}
        for item in ThemeDayItem:
            check = QCheckBox(item.label)
            self.item_checks[item] = check
            v.addWidget(check)
        v.addStretch(1)
        return page

    # -- values in -------------------------------------------------------------------------
    def _new(self, kind: MeetingType, start: datetime | None) -> None:
        now = self.ctx.clock.now()
        start = start or datetime.combine(now.date(), datetime.min.time()).replace(hour=14, minute=30)
        self.type_combo.setCurrentIndex(self.type_combo.findData(kind.value))
        self.start_edit.setDateTime(_qdt(start))
        self.end_edit.setDateTime(_qdt(start + timedelta(hours=1, minutes=30)))
        secretary = next((r.name for r in self.service.committee() if r.role.value == "secretary"), "")
        self.host_combo.setEditText(secretary)
        self._set_template(kind)
        self.files.set_rows([])
        self.pdf_button.setEnabled(True)

    def _load(self, rec: MeetingRecord) -> None:
        self.type_combo.setCurrentIndex(self.type_combo.findData(rec.type.value))
        self.title_edit.setText(rec.title)
        self.start_edit.setDateTime(_qdt(rec.start))
        self.end_edit.setDateTime(_qdt(rec.end))
        self.place_edit.setText(rec.place)
        self.host_combo.setEditText(rec.host)
        self.recorder_combo.setEditText(rec.recorder)
        if rec.who in (Audience.ALL, Audience.COMMITTEE, Audience.GROUP):
            self.audience_combo.setCurrentIndex(self.audience_combo.findData(rec.who.value))
        if rec.group_id is not None:
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(rec.group_id)))
        if rec.talk_pair:
            self.talk_a.setCurrentIndex(max(0, self.talk_a.findData(rec.talk_pair[0])))
            self.talk_b.setCurrentIndex(max(0, self.talk_b.findData(rec.talk_pair[1])))
        self.minutes_edit.setHtml(rec.minutes)
        self.resolutions_edit.setPlainText(rec.resolutions)
        for item, check in self.item_checks.items():
            check.setChecked(item in rec.theme_items)
        self.attendance.set_rows(self.service.attendance(rec.id))
        self.files.set_rows(self.service.attachments(rec.id))
        self._load_history()

    def _add_votes(self, ctx: AppContext, meeting_id: int) -> None:
        """The votes held at this meeting and their results (kept with the poll: 投票)."""
        from desktop.services.votes import VoteService, state_label
        polls = VoteService(ctx.db, ctx.clock).list(meeting_id=meeting_id)
        if not polls:
            return
        lines = [self.tr("{kind}: {title} — {state}").format(kind=p.kind.label, title=p.title, state=state_label(p.state))
                 + (f"\n    {p.outcome}" if p.outcome else "") for p in reversed(polls)]
        self.votes_label = QLabel("\n".join(lines))
        self.votes_label.setWordWrap(True)
        self.votes_label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.votes_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.votes_label.setMargin(10)
        self.tabs.addTab(self.votes_label, self.tr("Votes"))

    def _load_history(self) -> None:
        self.history.clear()
        changes = self.service.attendance_changes(self.meeting_id) if self.meeting_id else []
        not_set = self.tr("(not recorded)")
        for c in reversed(changes):
            old = c.old.label if c.old else not_set
            new = c.new.label if c.new else not_set
            if c.new_reason:
                new = self.tr("{status} ({reason})").format(status=new, reason=c.new_reason)
            source = c.changed_by if c.source == "hand" else self.tr("sign-in")
            QTreeWidgetItem(self.history, [c.changed_at.strftime("%Y-%m-%d %H:%M"), source, c.name,
                                           f"{old} → {new}"])
        self.history.setVisible(bool(changes))
        self.history_label.setVisible(bool(changes))

    # -- reacting ------------------------------------------------------------------------
    def current_type(self) -> MeetingType:
        return MeetingType(self.type_combo.currentData())

    def _type_changed(self) -> None:
        kind = self.current_type()
        talk, group_type = kind is MeetingType.TALK, kind is MeetingType.GROUP
        if not self._loading and self.original is None:
            self.audience_combo.setCurrentIndex(self.audience_combo.findData(kind.audience.value)
                                                if kind.audience in (Audience.ALL, Audience.COMMITTEE, Audience.GROUP) else 0)
        self.form.setRowVisible(self._audience_row, not talk and not group_type)
        for row in (self._talk_a_row, self._talk_pair_row):
            self.form.setRowVisible(row, talk)
        self.form.setRowVisible(self._recorder_row, not talk)
        self.tabs.setTabVisible(TAB_ITEMS, kind is MeetingType.THEME_DAY)
        if self._template_of is not None and self._template_of is not kind:
            # Still the untouched template of another type: follow the type.
            self._set_template(kind)
        self._audience_changed()

    def _audience_changed(self) -> None:
        self.form.setRowVisible(self._group_row, self.current_who() is Audience.GROUP)
        self.refresh_expected()

    def _start_changed(self, value: QDateTime) -> None:
        # Keep the meeting's length when its start moves (as calendars do).
        if not self._loading:
            length = self._last_start.secsTo(self.end_edit.dateTime()) if hasattr(self, "_last_start") else 5400
            self.end_edit.setDateTime(value.addSecs(max(length, 60)))
        self._last_start = QDateTime(value)
        self.refresh_expected()

    def _minutes_edited(self) -> None:
        if not self._setting_template and self._template_of is not None:
            self._template_of = None  # the secretary wrote in it: it is the minutes now

    def _set_template(self, kind: MeetingType) -> None:
        self._setting_template = True
        try:
            self.minutes_edit.setHtml(template_html(kind))
        finally:
            self._setting_template = False
        self._template_of = kind

    def use_template(self) -> None:
        kind = self.current_type()
        if self.minutes_edit.toPlainText().strip():
            self.minutes_edit.moveCursor(self.minutes_edit.textCursor().MoveOperation.End)
            self.minutes_edit.insertHtml(template_html(kind))
        else:
            self.minutes_edit.setHtml(template_html(kind))

    def current_who(self) -> Audience:
        kind = self.current_type()
        if kind is MeetingType.TALK:
            return Audience.PAIR
        if kind is MeetingType.GROUP:
            return Audience.GROUP
        return Audience(self.audience_combo.currentData())

    def _pair(self) -> tuple | None:
        a, b = self.talk_a.currentData(), self.talk_b.currentData()
        return (a, b) if a is not None and b is not None else None

    def refresh_expected(self) -> None:
        if self._loading:
            return
        day = _py(self.start_edit.dateTime()).date()
        who = self.current_who()
        pair = self._pair()
        people = self.service.expected(who, day, group_id=self.group_combo.currentData(),
                                       pair=pair_of(*pair) if pair and pair[0] != pair[1] else None)
        self.attendance.set_expected(people)

    def _update_counts(self) -> None:
        expected, present, leave, absent = self.attendance.counts()
        day = _py(self.start_edit.dateTime()).date()
        self.expected_label.setText(self.tr(
            "Due to attend on {day} (the roll as it was that day): {expected}. Present {present}, on leave {leave}, "
            "absent {absent}.").format(day=day.isoformat(), expected=expected, present=present, leave=leave, absent=absent))
        self.tabs.setTabText(TAB_ATTENDANCE, self.tr("Attendance ({present}/{expected})").format(present=present, expected=expected))

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Record a meeting") if self.meeting_id is None
                            else self.tr("Meeting record — {title}").format(title=self.original.title if self.original else ""))

    # -- values out and saving ----------------------------------------------------------------
    def collect(self) -> MeetingRecord:
        kind = self.current_type()
        pair = self._pair()
        return MeetingRecord(
            type=kind, title=self.title_edit.text().strip(),
            start=_py(self.start_edit.dateTime()), end=_py(self.end_edit.dateTime()),
            place=self.place_edit.text().strip(), host=self.host_combo.currentText().strip(),
            recorder=self.recorder_combo.currentText().strip() if kind is not MeetingType.TALK else "",
            audience=self.current_who(), group_id=self.group_combo.currentData() if self.current_who() is Audience.GROUP else None,
            talk_pair=pair if kind is MeetingType.TALK else None,
            minutes=self.minutes_edit.toHtml() if self.minutes_edit.toPlainText().strip() else "",
            resolutions=self.resolutions_edit.toPlainText().strip(),
            theme_items=frozenset(i for i, c in self.item_checks.items() if c.isChecked()) if kind is MeetingType.THEME_DAY else frozenset(),
            id=self.meeting_id)

    def clear_messages(self) -> None:
        for m in self.messages.values():
            m.clear_message()
        self.summary.hide()

    def show_problems(self, errors: list[tuple[str, str]], warnings: list[tuple[str, str]]) -> None:
        elsewhere = []
        for field, text in errors:
            (self.messages[field].show_error(text) if field in self.messages else elsewhere.append(text))
        for field, text in warnings:
            (self.messages[field].show_warning(text) if field in self.messages else elsewhere.append(text))
        if errors:
            summary, colour = self.tr("Please correct the {n} item(s) marked in red; the meeting has not been saved.").format(n=len(errors)), ERROR_COLOUR
        else:
            summary, colour = self.tr("{n} item(s) look wrong (in orange). Check them; if they are right, press “Save anyway”.").format(n=len(warnings)), WARNING_COLOUR
        self.summary.setText("\n".join([summary] + elsewhere))
        self.summary.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.summary.show()
        if any(f in self.messages for f, _ in errors + warnings):
            self.tabs.setCurrentIndex(TAB_BASICS)

    def save(self, then: Callable[[], object] | None = None) -> bool:
        """Write the meeting, its attendance and its files; the dialog stays open. ``then``
        runs once everything is written: at once, or — when files are to be copied into the
        data folder (a video can take a while) — after the copy on the write lane, under a
        progress dialog. Returns False when the meeting could not be saved."""
        self.clear_messages()
        rec = self.collect()
        problems = self.service.check(rec)
        if not problems.ok:
            self.show_problems(problems.errors, problems.warnings)
            self.ok_button.setText(self.tr("Save"))
            return False
        key = tuple(problems.warnings)
        if problems.warnings and self._acknowledged != key:
            self._acknowledged = key
            self.show_problems([], problems.warnings)
            self.ok_button.setText(self.tr("Save anyway"))
            return False
        try:
            if self.meeting_id is None:
                self.meeting_id = self.service.add(rec)
            else:
                self.service.update(self.meeting_id, rec)
            self.service.set_attendance(self.meeting_id, self.attendance.entries())
            for attachment_id in self.files.removed:
                self.service.remove_attachment(attachment_id)
        except MeetingInvalid as err:
            self.show_problems(err.problems.errors, err.problems.warnings)
            return False
        except KnownError as err:
            self.show_problems([("", str(err))], [])
            return False
        pending, self.files.pending = list(self.files.pending), []
        if not pending:
            self._written()
            if then is not None:
                then()
            return True
        self.copying = (worker.run_write(self._attach_all, self.meeting_id, pending)
                        .with_progress(self, self.tr("Copying the files into the branch's data folder…"))
                        .on_success(lambda _n: (self._written(), then() if then is not None else None))
                        .on_failure(self._copy_failed))
        return True

    def _attach_all(self, meeting_id: int, paths: list[Path], progress=None) -> int:
        """On the write lane: copy and attach each file."""
        for n, path in enumerate(paths, start=1):
            self.service.attach(meeting_id, path)
            if progress is not None:
                progress(n, len(paths))
        return len(paths)

    def _copy_failed(self, err: BaseException) -> None:
        self._written()  # the meeting itself was saved; the files that were copied are attached
        if is_known(err):
            self.show_problems([("", str(err))], [])
        else:
            sys.excepthook(type(err), err, err.__traceback__)

    def _written(self) -> None:
        self.copying = None
        self.original = self.service.get(self.meeting_id)
        self.attendance.set_rows(self.service.attendance(self.meeting_id))
        self.files.set_rows(self.service.attachments(self.meeting_id))
        self._load_history()
        self._update_title()
        self.saved.emit(self.meeting_id)

    def try_save(self) -> bool:
        """What Save does: write and close (once the files are copied, if there are any)."""
        return self.save(then=self.accept)

    def open_signin(self) -> bool:
        """Saves, closes the record, and asks for the sign-in desk (who is expected follows the
        saved date and audience; the attendance it fills in would make this dialog stale)."""
        def then() -> None:
            meeting_id = self.meeting_id
            self.accept()
            self.signinRequested.emit(meeting_id)
        return self.save(then=then)

    # -- printing ------------------------------------------------------------------------
    def print_preview(self):
        """Saves first (the printout is what is recorded), then opens the preview. Returns the
        preview when it opened at once (no files still being copied)."""
        from desktop.ui.minutes_print import print_preview
        opened: list = []
        self.save(then=lambda: opened.append(print_preview(self.service.minutes_sheet(self.meeting_id), self)))
        return opened[0] if opened else None

    def export_pdf(self, path: str | Path | None = None) -> Path | None:
        """Saves first, asks where (unless told), writes the PDF. Returns the file when it was
        written at once (no files still being copied)."""
        written: list[Path] = []
        self.save(then=lambda: written.append(self._export_pdf(path)))
        return written[0] if written else None

    def _export_pdf(self, path: str | Path | None) -> Path | None:
        if path is None:
            folder = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))
            rec = self.original
            suggested = folder / self.tr("{date} {type} minutes.pdf").format(date=rec.start.date().isoformat(), type=rec.type.label)
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the minutes"), str(suggested), self.tr("PDF (*.pdf)"))
            if not path:
                return None
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        from desktop.ui.minutes_print import write_pdf
        try:
            write_pdf(self.service.minutes_sheet(self.meeting_id), path)
        except KnownError as err:
            self.show_problems([("", str(err))], [])
            return None
        self.summary.setText(self.tr("The minutes were written to {file}").format(file=str(path)))
        self.summary.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.summary.show()
        return path

