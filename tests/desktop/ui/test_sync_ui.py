"""The sync screens against a real server process: the settings page's sync section (enroll,
close a month, sync now, the file for a USB stick), the status bar's sync state, notices on
the home page."""
from __future__ import annotations

import json

import pytest

from desktop.services.sync import SyncService
from desktop.ui import worker
from server import store
from tests.helpers.sync_server import ServerProcess

_codes = iter(range(1, 10**6))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sync-ui-server")
    srv = ServerProcess(f"sqlite:///{tmp / 'server.sqlite'}", log=tmp / "server.log").start()
    srv.admin(store.add_unit, "CITY", "滨江市委", "committee", None)
    yield srv
    srv.stop()


@pytest.fixture
def code(server):
    branch = f"U{next(_codes):03d}"
    return branch, server.admin(store.issue_enrollment, branch, f"界面测试{branch}党支部", "CITY")


def settle(qtbot, controller=None):
    """Until the pools are idle, the results delivered, and no send is running (a task starts
    on the next event-loop turn: idle pools alone do not mean nothing is coming)."""
    for _ in range(3):
        qtbot.wait(20)
        assert worker.wait_idle(20000)
    qtbot.wait(20)
    if controller is not None:
        qtbot.waitUntil(lambda: not controller.running, timeout=20000)
        assert worker.wait_idle(20000)
        qtbot.wait(20)


def enroll_through_the_page(qtbot, section, server, code):
    section.server_edit.setText(server.url)
    section.code_edit.setText(code[1])
    section.enroll_button.click()
    settle(qtbot, section.controller)  # the enrollment, then the sync it starts


def stored(server, branch) -> int:
    with server.db.read() as conn:
        return {r.code: r.packets for r in store.report(conn)}.get(branch, 0)


def test_the_section_enrolls_closes_a_month_and_sends_it(qtbot, window, server, code, boxes):
    settings = window.show_page("settings")
    section = settings.sync
    assert not section.sync_button.isEnabled() and not section.close_button.isEnabled()
    assert "Not enrolled" in section.branch_label.text()
    assert window.sync.label.text().startswith("Sync: not enrolled")

    enroll_through_the_page(qtbot, section, server, code)
    assert section.branch_label.text() == f"界面测试{code[0]}党支部 ({code[0]})"
    assert section.enroll_button.text() == "Enroll again" and section.code_edit.text() == ""
    assert section.month_combo.itemText(0) == "2026-10"  # the last month that has ended
    assert section.month_combo.count() == 12

    section.month_combo.setCurrentText("2026-10")
    section.close_button.click()
    assert "Close 2026-10?" in boxes.texts("question")[0]
    settle(qtbot, section.controller)
    assert stored(server, code[0]) == 1
    assert "2026-10" not in [section.month_combo.itemText(i) for i in range(section.month_combo.count())]
    assert "0 waiting, 1 sent" in section.state_label.text()
    assert window.sync.label.text().startswith("Sync: last success 09:30")
    assert "0 waiting" in window.sync.label.text()


def test_a_refused_month_close_asks_first_and_does_nothing_on_no(qtbot, window, server, code, boxes):
    section = window.show_page("settings").sync
    enroll_through_the_page(qtbot, section, server, code)
    boxes.answer = boxes.answer.__class__.No
    section.close_button.click()
    settle(qtbot)
    assert SyncService(window.ctx).status().closed_periods == ()


def test_a_wrong_code_is_said_under_the_field(qtbot, window, server):
    section = window.show_page("settings").sync
    section.server_edit.setText(server.url)
    section.code_edit.setText("AAAA-BBBB-CCCC-DDDD")
    section.enroll_button.click()
    settle(qtbot)
    assert section.enroll_message.isVisible() or section.enroll_message.text()
    assert "登记码不正确" in section.enroll_message.text()
    section.code_edit.clear()
    section.enroll_button.click()
    assert section.enroll_message.text() == "Enter the enrollment code from the superior organisation"


def test_when_the_server_is_gone_the_error_shows_in_chinese_and_the_summary_waits(qtbot, window, code, tmp_path):
    server = ServerProcess(f"sqlite:///{tmp_path / 'gone.sqlite'}").start()
    server.admin(store.add_unit, "CITY", "滨江市委", "committee", None)
    enrollment = server.admin(store.issue_enrollment, "GONE1", "将要停机的党支部", "CITY")
    section = window.show_page("settings").sync
    enroll_through_the_page(qtbot, section, server, ("GONE1", enrollment))
    server.stop()
    section.snapshot_button.click()
    settle(qtbot, section.controller)
    status = SyncService(window.ctx).status()
    assert status.waiting == 1 and status.last_error
    assert section.error_label.isVisible() and section.error_label.text() == status.last_error
    assert "error:" in window.sync.label.text() and window.sync.label.toolTip() == status.last_error
    assert "next try" in section.state_label.text()


def test_the_waiting_summaries_go_to_a_file_for_a_usb_stick(qtbot, window, server, code, tmp_path, boxes):
    section = window.show_page("settings").sync
    enroll_through_the_page(qtbot, section, server, code)
    server.admin(store.revoke, code[0])  # so that the summary stays waiting
    section.snapshot_button.click()
    settle(qtbot, section.controller)
    assert section.export_button.isEnabled()
    target = tmp_path / "支部汇总.json"
    assert section.export_file(str(target)) == 1
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["branch"] == code[0] and len(data["packets"]) == 1
    assert "1 summaries saved" in boxes.texts("information")[0]


def test_notices_appear_on_the_home_page_and_can_be_put_away(qtbot, window, server, code):
    server.admin(store.publish_notice, "CITY", "requirement", "十一月主题党日：重温入党誓词", "请于 11 月 25 日前开展。", "2026-11")
    home = window.pages["home"]
    assert not home.notices.isVisible()
    section = window.show_page("settings").sync
    enroll_through_the_page(qtbot, section, server, code)
    window.show_page("home")
    qtbot.waitUntil(lambda: home.notices.isVisible(), timeout=5000)
    assert home.notices.list.count() == 1
    assert home.notices.list.item(0).text() == "[Requirement] 十一月主题党日：重温入党誓词 — 滨江市委 (2026-11)"
    dialog = home.notices.open(home.notices.list.item(0))
    assert dialog.body.toPlainText() == "请于 11 月 25 日前开展。"
    dialog.put_away.click()
    qtbot.waitUntil(lambda: not home.notices.isVisible(), timeout=5000)
    assert SyncService(window.ctx).notices() == []


def test_the_background_sender_sends_when_due(qtbot, window, server, code):
    section = window.show_page("settings").sync
    enroll_through_the_page(qtbot, section, server, code)
    service = window.sync.service
    service.close_month("2026-09")  # made elsewhere (the command line): the timer finds it
    assert service.due()
    window.sync.tick()
    settle(qtbot, window.sync)
    assert not service.due() and stored(server, code[0]) == 1
