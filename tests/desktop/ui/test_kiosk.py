"""The kiosk with the keyboard only, as a USB scanner (a keyboard wedge) drives it: type the code,
Enter → the member's name in green; a forged code → red with the reason; Esc asks first."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.signin import Outcome, Refusal, refusal_text
from desktop.ui.kiosk import GREEN, RED, KioskWindow
from tests.helpers.signin import at, branch


@pytest.fixture
def b(ctx):
    ctx.clock.at = at(-5)
    return branch(ctx)


@pytest.fixture
def kiosk(qtbot, b):
    k = KioskWindow(b.signin, b.meeting_id)
    qtbot.addWidget(k)
    k.show()
    qtbot.waitExposed(k)
    k.activateWindow()
    return k


def scan(qtbot, kiosk, text):
    qtbot.keyClicks(kiosk.scan_line, text)
    qtbot.keyClick(kiosk.scan_line, Qt.Key_Return)


def test_a_scan_shows_the_name_in_green(qtbot, kiosk, b):
    assert kiosk.scan_line.hasFocus()
    scan(qtbot, kiosk, b.payload("张伟"))
    assert kiosk.last.outcome is Outcome.SIGNED_IN
    assert kiosk.name_label.text() == "张伟"
    assert GREEN in kiosk.panel.styleSheet()
    assert "14:25" in kiosk.status_label.text()
    assert kiosk.scan_line.text() == ""            # ready for the next member
    assert kiosk.count_label.text().count("1") >= 1 and "6" in kiosk.count_label.text()
    assert kiosk.recent.count() == 1 and "张伟" in kiosk.recent.item(0).text()


def test_a_forged_code_shows_red_with_the_reason(qtbot, kiosk, b):
    payload = b.payload("赵敏")
    forged = payload[:10] + ("0" if payload[10] != "0" else "1") + payload[11:]
    scan(qtbot, kiosk, forged)
    assert kiosk.last.outcome is Outcome.REJECTED
    assert RED in kiosk.panel.styleSheet()
    assert kiosk.status_label.text() == "✗ " + refusal_text(Refusal.FORGED)
    assert b.signin.signed_in_count(b.meeting_id) == 0


def test_a_repeat_is_green_and_says_when(qtbot, kiosk, b):
    scan(qtbot, kiosk, b.payload("刘洋"))
    scan(qtbot, kiosk, b.payload("刘洋"))
    assert kiosk.last.outcome is Outcome.SIGNED_IN and kiosk.last.note
    assert GREEN in kiosk.panel.styleSheet() and kiosk.detail_label.text() == kiosk.last.note
    assert b.signin.signed_in_count(b.meeting_id) == 1


def test_refused_by_name_when_not_expected(qtbot, ctx, b, kiosk):
    from core.meetings import Audience
    from tests.helpers.signin import add_meeting
    committee = add_meeting(b.meetings, title="支委会", audience=Audience.COMMITTEE)
    k = KioskWindow(b.signin, committee)
    qtbot.addWidget(k)
    k.show()
    scan(qtbot, k, b.payload("张伟"))
    assert k.name_label.text() == "张伟" and k.status_label.text() == "✗ " + refusal_text(Refusal.NOT_EXPECTED)


def test_esc_asks_before_leaving(qtbot, kiosk, boxes):
    boxes.answer = QMessageBox.No
    qtbot.keyClick(kiosk.scan_line, Qt.Key_Escape)
    assert kiosk.isVisible() and boxes.texts("question")
    boxes.answer = QMessageBox.Yes
    qtbot.keyClick(kiosk.scan_line, Qt.Key_Escape)
    assert not kiosk.isVisible()


def test_the_screen_returns_to_idle(qtbot, kiosk, b, monkeypatch):
    scan(qtbot, kiosk, b.payload("张伟"))
    kiosk.idle_timer.setInterval(10)
    kiosk.idle_timer.start()
    qtbot.waitUntil(lambda: "#37474f" in kiosk.panel.styleSheet(), timeout=2000)
