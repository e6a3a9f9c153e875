"""The meetings page, the meeting record dialog, the calendar and the committee, with real
widgets on a real branch database; the table models pass qtmodeltester."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog

from core import i18n
from core.meetings import Audience, AttendanceStatus, CommitteeRole, MeetingType, PeriodKind, State, ThemeDayItem
from desktop.services.meetings import AttendanceEntry, MeetingService
from desktop.ui.attendance_model import COL_REASON, COL_STATUS, AttendanceModel
from desktop.ui.calendar_model import COLOURS, STATUS_ROLE, CalendarModel
from desktop.ui.meeting_dialog import TAB_ITEMS, MeetingDialog
from desktop.ui.meetings_model import COL_TITLE, MeetingFilter, MeetingsModel
from desktop.ui.meetings_page import TAB_CALENDAR, MeetingsPage
from tests.helpers.meetings import meeting, small_branch

T = MeetingType
P, L, A = AttendanceStatus.PRESENT, AttendanceStatus.LEAVE, AttendanceStatus.ABSENT


@pytest.fixture
def svc(ctx) -> MeetingService:
    return MeetingService(ctx.db, ctx.clock, ctx.data_dir)


@pytest.fixture
def ids(ctx, svc):
    ctx.settings.set("meetings.tracking_from", "2026-01-01")
    return small_branch(ctx, svc)


@pytest.fixture
def page(ctx, ids, qtbot) -> MeetingsPage:
    p = MeetingsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    return p


def titles(model) -> list[str]:
    return [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]


# -- the models ---------------------------------------------------------------------------

def test_models_pass_qtmodeltester(qtmodeltester, ctx, svc, ids):
    mid = svc.add(meeting(T.COMMITTEE, datetime(2026, 11, 3, 9), "十一月支委会"))
    svc.add(meeting(T.THEME_DAY, datetime(2026, 10, 15, 14), "十月主题党日"))
    svc.set_attendance(mid, [AttendanceEntry(ids["王书记"], P), AttendanceEntry(ids["李委员"], L, "出差")], by="")
    meetings = MeetingsModel()
    meetings.set_rows(svc.list())
    qtmodeltester.check(meetings)
    meetings.set_filter(MeetingFilter(kind=T.COMMITTEE))
    qtmodeltester.check(meetings)
    attendance = AttendanceModel()
    attendance.set_rows(svc.attendance(mid))
    qtmodeltester.check(attendance)
    from desktop.services.compliance import ComplianceService
    calendar = CalendarModel()
    calendar.set_year(ComplianceService(ctx, svc).year(2026))
    qtmodeltester.check(calendar)


def test_the_attendance_model_edits_and_reports_what_changed(ctx, svc, ids):
    mid = svc.add(meeting(T.COMMITTEE, datetime(2026, 11, 3, 9)))
    svc.set_attendance(mid, [AttendanceEntry(ids["王书记"], P)], by="")
    model = AttendanceModel()
    model.set_rows(svc.attendance(mid))
    assert model.entries() == []
    li = 1
    assert not (model.flags(model.index(li, COL_REASON)) & Qt.ItemIsEditable)  # no reason without leave/absence
    assert model.setData(model.index(li, COL_STATUS), "leave")
    assert model.setData(model.index(li, COL_REASON), "外出培训")
    assert not model.setData(model.index(li, COL_STATUS), "maybe")
    assert model.index(li, COL_STATUS).data(Qt.BackgroundRole) == QColor("#fff8e1")
    assert model.entries() == [AttendanceEntry(ids["李委员"], L, "外出培训")]
    assert model.counts() == (2, 1, 1, 0)
    model.set_status(li, P)  # the reason goes with the leave
    assert model.entries() == [AttendanceEntry(ids["李委员"], P, "")]


# -- the record dialog --------------------------------------------------------------------

def test_recording_a_new_meeting_with_attendance(ctx, svc, ids, qtbot):
    i18n.install("en", None)
    dialog = MeetingDialog(ctx, None, kind=T.COMMITTEE, start=datetime(2026, 11, 3, 9, 0))
    qtbot.addWidget(dialog)
    # The committee of that day is expected; the minutes start from the 支委会 template.
    assert [dialog.attendance.index(r, 0).data() for r in range(dialog.attendance.rowCount())] == ["王书记", "李委员"]
    assert "Matters decided" in dialog.minutes_edit.toPlainText()
    assert dialog.host_combo.currentText() == "王书记"  # the secretary hosts by default
    dialog.title_edit.setText("研究十一月工作")
    dialog.place_edit.setText("党员活动室")
    dialog.attendance.mark_rest(P)
    dialog.attendance.set_status(1, L, "出差")
    saved = []
    dialog.saved.connect(saved.append)
    assert dialog.try_save()
    rec = svc.get(saved[0])
    assert (rec.type, rec.title, rec.place, rec.start, rec.host) == (T.COMMITTEE, "研究十一月工作", "党员活动室",
                                                                     datetime(2026, 11, 3, 9, 0), "王书记")
    assert "Matters decided" in rec.minutes
    assert [(r.name, r.status, r.reason) for r in svc.attendance(rec.id)] == [("王书记", P, ""), ("李委员", L, "出差")]
    assert len(svc.attendance_changes(rec.id)) == 2


def test_problems_are_shown_by_their_fields(ctx, ids, qtbot):
    dialog = MeetingDialog(ctx, None, kind=T.TALK, start=datetime(2026, 11, 3, 9, 0))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.try_save()
    assert dialog.messages["title"].isVisible() and dialog.messages["talk_pair"].isVisible()
    assert dialog.isVisible()
    dialog.title_edit.setText("谈心谈话")
    dialog.talk_a.setCurrentIndex(dialog.talk_a.findData(ids["王书记"]))
    dialog.talk_b.setCurrentIndex(dialog.talk_b.findData(ids["张伟"]))
    assert [dialog.attendance.index(r, 0).data() for r in range(dialog.attendance.rowCount())] == ["王书记", "张伟"]
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(13 * 3600))
    assert not dialog.try_save()  # a warning first …
    assert dialog.ok_button.text() != "Save" and dialog.messages["end"].kind == "warning"
    assert dialog.try_save()      # … then saved as it is


def test_the_template_follows_the_type_until_written_in(ctx, ids, qtbot):
    i18n.install("en", None)
    dialog = MeetingDialog(ctx, None, kind=T.COMMITTEE)
    qtbot.addWidget(dialog)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(T.THEME_DAY.value))
    assert "This month's theme" in dialog.minutes_edit.toPlainText()
    assert dialog.tabs.isTabVisible(TAB_ITEMS)  # the six items show for a 主题党日
    dialog.minutes_edit.append("全体党员重温入党誓词。")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(T.LECTURE.value))
    assert "重温入党誓词" in dialog.minutes_edit.toPlainText()  # what was written stays
    assert not dialog.tabs.isTabVisible(TAB_ITEMS)


def test_editing_attendance_leaves_a_visible_history(ctx, svc, ids, qtbot):
    mid = svc.add(meeting(T.THEME_DAY, datetime(2026, 11, 15, 14, 30), "主题党日"))
    svc.set_attendance(mid, [AttendanceEntry(ids["张伟"], A)], source="signin", by="")
    dialog = MeetingDialog(ctx, mid)
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.attendance.rowCount()) if dialog.attendance.index(r, 0).data() == "张伟")
    dialog.attendance.setData(dialog.attendance.index(row, COL_STATUS), "leave")
    dialog.attendance.setData(dialog.attendance.index(row, COL_REASON), "临时出差，已书面请假")
    dialog.item_checks[ThemeDayItem.PAY_DUES].setChecked(True)
    assert dialog.save()
    assert dialog.history.topLevelItemCount() == 2
    newest = dialog.history.topLevelItem(0)
    assert newest.text(2) == "张伟" and "临时出差" in newest.text(3)
    changes = svc.attendance_changes(mid)
    assert [(c.old, c.new, c.source) for c in changes] == [(None, A, "signin"), (A, L, "hand")]
    assert svc.get(mid).theme_items == {ThemeDayItem.PAY_DUES}


def test_photos_are_attached_on_save_with_thumbnails(ctx, svc, ids, qtbot, tmp_path):
    photo = tmp_path / "合影.png"
    image = QImage(800, 600, QImage.Format_RGB32)
    image.fill(QColor("#c62828"))
    assert image.save(str(photo))
    dialog = MeetingDialog(ctx, None, kind=T.THEME_DAY, start=datetime(2026, 11, 15, 14, 30))
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("主题党日")
    assert dialog.files.add_files([photo, photo]) == 1
    saved = []
    dialog.saved.connect(saved.append)
    assert dialog.try_save()
    # The files are copied on the write lane; the dialog closes when they are in.
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert dialog.result() == QDialog.Accepted
    rows = svc.attachments(saved[0])
    assert [r.name for r in rows] == ["合影.png"] and rows[0].is_photo and rows[0].path.exists()
    thumbs = list((ctx.data_dir / "attachments" / "thumbs").glob("*.png"))
    assert len(thumbs) == 1 and max(QImage(str(thumbs[0])).width(), QImage(str(thumbs[0])).height()) == 160


def test_minutes_export_from_the_dialog(ctx, svc, ids, qtbot, tmp_path):
    mid = svc.add(meeting(T.LECTURE, datetime(2026, 10, 20, 15), "从党史中汲取奋进力量"))
    dialog = MeetingDialog(ctx, mid)
    qtbot.addWidget(dialog)
    target = dialog.export_pdf(tmp_path / "党课记录")
    assert target == tmp_path / "党课记录.pdf" and target.read_bytes().startswith(b"%PDF")


def test_print_preview_opens_on_the_minutes(ctx, svc, ids, qtbot):
    mid = svc.add(meeting(T.LECTURE, datetime(2026, 10, 20, 15), "从党史中汲取奋进力量"))
    dialog = MeetingDialog(ctx, mid)
    qtbot.addWidget(dialog)
    preview = dialog.print_preview()
    assert preview is not None and preview.isVisible()
    preview.close()


# -- the page, the calendar, the committee ---------------------------------------------------

def test_the_page_lists_filters_and_deletes(ctx, svc, ids, page, boxes):
    svc.add(meeting(T.COMMITTEE, datetime(2026, 11, 3, 9), "十一月支委会"))
    svc.add(meeting(T.THEME_DAY, datetime(2025, 10, 15, 14), "去年主题党日", place="红色教育基地"))
    page.reload()
    assert titles(page.model) == ["十一月支委会", "去年主题党日"]
    page.type_combo.setCurrentIndex(page.type_combo.findData(T.THEME_DAY.value))
    assert titles(page.model) == ["去年主题党日"]
    page.type_combo.setCurrentIndex(0)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2026))
    assert titles(page.model) == ["十一月支委会"]
    page.year_combo.setCurrentIndex(0)
    page.search_edit.setText("红色")
    assert titles(page.model) == ["去年主题党日"]
    page.search_edit.setText("没有这个会")
    assert page.table_stack.currentWidget() is page.empty_label
    page.search_edit.clear()
    page.select_meeting(svc.list()[0].id)
    boxes.answer = boxes.answer.__class__.No
    assert not page.delete_selected() and len(svc.list()) == 2
    boxes.answer = boxes.answer.__class__.Yes
    assert page.delete_selected()
    assert titles(page.model) == ["去年主题党日"]


def test_the_calendar_shows_overdue_in_red_and_quarters_spanning_three_months(ctx, svc, ids, page, qtbot):
    svc.add(meeting(T.BRANCH_ASSEMBLY, datetime(2026, 3, 31, 23, 30), hours=1))
    page.calendar.reload_years()
    view = page.show_calendar(2026)
    assert page.tabs.currentIndex() == TAB_CALENDAR
    model = view.model
    assembly = next(r for r in range(model.rowCount()) if model.row_at(r).type is T.BRANCH_ASSEMBLY)
    assert view.view.columnSpan(assembly, 0) == 3 and view.view.columnSpan(assembly, 9) == 3
    q1, q2 = model.index(assembly, 0), model.index(assembly, 3)
    assert q1.data(STATUS_ROLE).state is State.SATISFIED and q1.data() == "1/1"
    assert q2.data(STATUS_ROLE).state is State.OVERDUE and q2.data(Qt.BackgroundRole) == COLOURS[State.OVERDUE]
    org_life = next(r for r in range(model.rowCount()) if model.row_at(r).type is T.ORG_LIFE)
    assert view.view.columnSpan(org_life, 0) == 12
    assert "#8e0000" in view.summary.styleSheet()  # the year's summary says there is something overdue
    # Double-clicking the overdue quarter records a 支部党员大会.
    view._activated(q2)
    assert isinstance(page.dialog, MeetingDialog) and page.dialog.current_type() is T.BRANCH_ASSEMBLY
    assert page.dialog.start_edit.dateTime().date().toPython() == date(2026, 4, 1)
    page.dialog.reject()


def test_changing_a_requirement_redraws_the_calendar(ctx, ids, page):
    dialog = page.calendar.edit_requirements()
    count, period = dialog.rows[T.COMMITTEE]
    period.setCurrentIndex(period.findData(PeriodKind.QUARTER.value))
    assert dialog.save()
    model = page.calendar.model
    committee = next(r for r in range(model.rowCount()) if model.row_at(r).type is T.COMMITTEE)
    assert model.row_at(committee).requirement.period is PeriodKind.QUARTER
    assert page.calendar.view.columnSpan(committee, 0) == 3


def test_the_committee_tab_appoints_and_records_departures(ctx, svc, ids, page):
    committee = page.committee
    assert committee.tree.topLevelItemCount() == 2
    dialog = committee.appoint()
    dialog.member_combo.setCurrentIndex(dialog.member_combo.findData(ids["张伟"]))
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(CommitteeRole.DISCIPLINE.value))
    assert dialog.save()
    assert [committee.tree.topLevelItem(i).text(1) for i in range(3)] == ["王书记", "李委员", "张伟"]
    committee.tree.setCurrentItem(committee.tree.topLevelItem(2))
    leaving = committee.leave()
    leaving.date_edit.setText("2030-01-01")
    assert not leaving.save() and leaving.message.isVisible()  # not in the future
    leaving.date_edit.set_value(date(2026, 11, 20))
    assert leaving.save()
    assert committee.tree.topLevelItemCount() == 2
    assert svc.expected(Audience.COMMITTEE, date(2026, 11, 20)) and svc.committee_role(ids["张伟"]) is None


# -- the home page and the navigation ----------------------------------------------------------

def test_home_lists_overdue_meetings_and_the_risk_list_and_opens_them(ctx, svc, ids, window, qtbot):
    i18n.install("en", None)
    for month in range(4, 12):
        mid = svc.add(meeting(T.THEME_DAY, datetime(2026, month, 5, 9), f"{month}月主题党日"))
        svc.set_attendance(mid, [AttendanceEntry(ids["张伟"], A)], by="")
    window.pages["home"].refresh()
    home = window.pages["home"]
    texts = [home.meetings_due.list.item(i).text() for i in range(home.meetings_due.list.count())]
    assert any(t.startswith("Branch committee meeting, 2026-10: overdue") for t in texts)
    assert home.meetings_due.list.item(0).foreground().color() == QColor("#b71c1c")  # overdue first, in red
    risks = [home.risks.list.item(i).text() for i in range(home.risks.list.count())]
    assert risks == ["张伟 — no Party life since 2026-04-05 (6 absences in six months)"]

    rect = home.meetings_due.list.visualItemRect(home.meetings_due.list.item(0))
    qtbot.mouseClick(home.meetings_due.list.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.current_page() == "meetings"
    page = window.pages["meetings"]
    assert page.tabs.currentIndex() == TAB_CALENDAR and page.calendar.year_combo.currentData() == 2026

    window.show_page("home")
    rect = home.risks.list.visualItemRect(home.risks.list.item(0))
    qtbot.mouseClick(home.risks.list.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.current_page() == "roster" and window.pages["roster"].dialog.member_id == ids["张伟"]
    window.pages["roster"].dialog.reject()


def test_recording_a_meeting_refreshes_the_home_page(ctx, svc, ids, window):
    page = window.show_page("meetings")
    home = window.pages["home"]
    before = home.meetings_due.list.count()
    dialog = page.new_meeting(T.COMMITTEE, datetime(2026, 10, 5, 9))
    dialog.title_edit.setText("补记十月支委会")
    assert dialog.try_save()
    assert home.stale
    window.show_page("home")
    assert home.meetings_due.list.count() == before - 1
