"""The sign-in desk of a meeting: from the meetings page, the table following the kiosk, leave,
signing in by hand, closing with the counts confirmed, the sheet, the cards, the statistics, and
the phones' window with the server it keeps open."""
from __future__ import annotations

import socket

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.meetings import AttendanceStatus
from core.signin import State
from desktop.services.signin import Counts
from desktop.ui.signin_dialog import SigninDialog
from tests.helpers.phone_client import Phone
from tests.helpers.signin import at, branch


@pytest.fixture
def b(ctx):
    ctx.clock.at = at(-5)
    return branch(ctx)


@pytest.fixture
def desk(qtbot, ctx, b):
    d = SigninDialog(ctx, b.meeting_id)
    qtbot.addWidget(d)
    d.show()
    return d


def states(desk) -> dict[str, State]:
    return {r.name: r.state for r in desk.board.rows}


def test_opened_from_the_meetings_page(qtbot, ctx, b):
    from desktop.ui.meetings_page import MeetingsPage
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    assert not page.signin_button.isEnabled()
    page.select_meeting(b.meeting_id)
    assert page.signin_button.isEnabled()
    dialog = page.signin_selected()
    qtbot.addWidget(dialog)
    assert dialog.meeting_id == b.meeting_id and dialog.model.rowCount() == 6
    dialog.select_member(b.ids["赵敏"])
    assert dialog.record_leave("出差")
    listed = page.model.row_at(page.model.row_of_meeting(b.meeting_id))
    assert listed.leave == 1  # the list follows


def test_opened_from_a_meeting_s_record_after_saving_it(qtbot, ctx, b):
    from desktop.ui.meetings_page import MeetingsPage
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    record = page.open_meeting(b.meeting_id)
    record.place_edit.setText("社区会议室")
    assert record.open_signin()
    assert not record.isVisible()
    desk = page.signin_dialog
    qtbot.addWidget(desk)
    assert desk.meeting_id == b.meeting_id and desk.roll.place == "社区会议室"


def test_the_table_follows_the_kiosk(qtbot, desk, b):
    kiosk = desk.start_kiosk(full_screen=False)
    qtbot.addWidget(kiosk)
    qtbot.keyClicks(kiosk.scan_line, b.payload("张伟"))
    qtbot.keyClick(kiosk.scan_line, Qt.Key_Return)
    assert states(desk)["张伟"] is State.SIGNED_IN
    assert "张伟" in [desk.model.row_at(r).name for r in range(desk.model.rowCount()) if desk.model.row_at(r).signed_in_at]


def test_leave_by_hand_and_closing_with_the_counts(qtbot, ctx, desk, b, boxes):
    b.signin.scan(b.meeting_id, b.payload("王书记"), at=at(-10))
    desk.refresh()
    desk.select_member(b.ids["赵敏"])
    assert desk.leave_button.isEnabled() and desk.record_leave("在外地出差")
    desk.select_member(b.ids["刘洋"])
    assert desk.sign_by_hand()
    assert states(desk)["刘洋"] is State.SIGNED_IN and states(desk)["赵敏"] is State.LEAVE
    boxes.answer = QMessageBox.No
    assert desk.close_meeting() is None and desk.board.closed_at is None
    boxes.answer = QMessageBox.Yes
    counts = desk.close_meeting()
    assert counts == Counts(present=2, late=0, leave=1, absent=3)
    question = boxes.texts("question")[-1]
    assert "3" in question and "1" in question
    assert boxes.texts("information")
    assert not desk.kiosk_button.isEnabled() and desk.reopen_button.isVisible()
    assert states(desk)["张伟"] is State.ABSENT
    status = {r.name: r.status for r in b.meetings.attendance(b.meeting_id)}
    assert status["张伟"] is AttendanceStatus.ABSENT and status["刘洋"] is AttendanceStatus.PRESENT


def test_the_sheet_cards_and_statistics_are_written(qtbot, ctx, desk, b, tmp_path):
    sheet = desk.export_sheet_pdf(tmp_path / "sheet")
    assert sheet == tmp_path / "sheet.pdf" and sheet.read_bytes().startswith(b"%PDF")
    preview = desk.print_sheet()
    qtbot.addWidget(preview)
    preview.close()
    cards = desk.print_badges()
    qtbot.addWidget(cards)
    cards.close()
    b.signin.scan(b.meeting_id, b.payload("张伟"), at=at(3))
    b.signin.close(b.meeting_id)
    path = desk.export_stats(tmp_path / "stats.xlsx")
    wb = load_workbook(path)
    per_meeting, per_member = wb.worksheets
    rows = list(per_meeting.iter_rows(min_row=3, values_only=True))
    assert rows == [("2026-11-20 14:30", b.meetings.get(b.meeting_id).type.label, "学习贯彻全会精神", 6, 1, 1, 0, 5, pytest.approx(1 / 6))]
    members = {r[1]: r for r in per_member.iter_rows(min_row=3, values_only=True)}
    assert members["张伟"][3:] == (1, 1, 1, 0, 0, 1.0)
    assert members["刘洋"][3:] == (1, 0, 0, 0, 1, 0.0)


def test_a_formula_in_a_topic_stays_text_in_the_statistics(ctx, b, tmp_path):
    from dataclasses import replace
    from desktop.services.signin_stats import export_stats
    b.meetings.update(b.meeting_id, replace(b.meetings.get(b.meeting_id), title="=HYPERLINK(\"http://x\")"))
    b.signin.close(b.meeting_id)
    export_stats(ctx, tmp_path / "s.xlsx")
    ws = load_workbook(tmp_path / "s.xlsx").worksheets[0]
    cell = ws.cell(row=3, column=3)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_the_phone_window_keeps_the_server_open_while_it_is(qtbot, ctx, b):
    from desktop.ui.phone_signin import PhoneSigninWindow
    ctx.settings.set("signin.lan_host", "127.0.0.1")
    window = PhoneSigninWindow(b.signin, b.meeting_id, bind="127.0.0.1", port=0)
    qtbot.addWidget(window)
    window.show()
    assert window.url.startswith(f"http://127.0.0.1:{window.server.port}/m/")
    assert window.code.text() == window.url
    phone = Phone(window.url)
    phone.open()
    assert phone.sign(b.public_id("张伟"), "1234")[1]["ok"]
    qtbot.waitUntil(lambda: "1" in window.count_label.text().split()[0] or window.server.phone.signed == 1, timeout=3000)
    assert window.server.phone.signed == 1
    port = window.server.port
    window.close()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_the_windows_are_settings_of_the_desk(qtbot, ctx, desk, b):
    from datetime import timedelta
    settings = desk.edit_settings()
    assert settings.open_before.value() == 30 and settings.port.value() == 8765
    settings.open_before.setValue(60)
    settings.close_after.setValue(0)
    settings.phone_enabled.setChecked(False)
    settings.accept()
    rules = b.signin.rules()
    assert rules.open_before == timedelta(minutes=60) and rules.close_after == timedelta(0)
    assert "13:30" in desk.info_label.text()
    assert b.signin.sheet(b.meeting_id).phone_url is None
    assert b.signin.scan(b.meeting_id, b.payload("张伟"), at=at(1)).reason  # no late sign-in any more
    again = desk.edit_settings()
    again.restore_defaults()
    again.accept()
    assert b.signin.rules() == type(rules)()


def test_the_phone_window_remembers_the_address_typed(qtbot, ctx, b):
    from desktop.ui.phone_signin import PhoneSigninWindow
    window = PhoneSigninWindow(b.signin, b.meeting_id, bind="127.0.0.1", port=0)
    qtbot.addWidget(window)
    window.address.setCurrentText("10.0.0.8")
    assert window.url.startswith("http://10.0.0.8:")
    window.close()
    assert ctx.settings.get("signin.lan_host") == "10.0.0.8"
    assert b.signin.sheet(b.meeting_id).phone_url.startswith("http://10.0.0.8:8765/m/")
