"""The backup section, the restore wizard (from the settings and at a damaged start), the backup
on exit, the status bar's warning, and a second start on the same data folder (issue 8)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.services.backups import BackupService, DamagedDatabase
from desktop.ui import worker
from desktop.ui.backup_section import BackupSection
from desktop.ui.restore_wizard import RestoreWizard, offer_restore
from tests.db.test_backup import flip_page

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def filled(ctx):
    from desktop.services.demo import create_demo_branch
    create_demo_branch(ctx)
    return ctx


def settle(qtbot) -> None:
    for _ in range(5):
        worker.wait_idle()
        qtbot.wait(5)


def test_backup_now_from_the_settings_lists_it_with_time_and_size(filled, qtbot):
    section = BackupSection(filled)
    qtbot.addWidget(section)
    assert section.title() == "Backups"  # widgets speak English without the .qm (services: Chinese)
    assert section.last_label.text().startswith("none yet")
    assert section.folder_label.text() == str(filled.data_dir / "backups")
    section.backup_now()
    settle(qtbot)
    assert section.model.rowCount() == 1
    assert section.model.index(0, 0).data() == "2026-11-20 09:30"
    assert section.model.index(0, 1).data().endswith(("KB", "MB"))
    assert section.last_label.text() == "today at 09:30"
    assert (filled.data_dir / "backups" / "branch-2026-11-20-0930.sqlite").exists()


def test_the_status_bar_warns_of_an_old_backup_and_a_missing_stick(filled, window, qtbot, tmp_path):
    label = window.backups.label
    assert label.text() == "Backup: none yet" and "#b71c1c" in label.styleSheet()  # none yet
    BackupService(filled.data_dir, filled.clock).set_second(tmp_path / "no-stick")
    window.backups.backup_now()
    settle(qtbot)
    assert "second location failed" in label.text() and "U盘" in label.toolTip()
    (tmp_path / "no-stick").mkdir()
    window.backups.backup_now()
    settle(qtbot)
    assert label.text() == "Backup: 09:30" and label.styleSheet() == ""
    filled.clock.at += timedelta(days=4)
    try:
        window.backups.refresh()
        assert "more than 3 days" in label.text() and "#b71c1c" in label.styleSheet()
    finally:
        filled.clock.at -= timedelta(days=4)


def test_backup_on_exit_after_the_last_write(filled, window, qtbot):
    window.backups.backup_on_exit()
    assert [b.path.name for b in BackupService(filled.data_dir).backups()] == ["branch-2026-11-20-0930.sqlite"]


def test_restore_from_the_settings_puts_the_backup_back_and_closes_the_window(filled, window, qtbot, boxes, clock):
    page = window.show_page("settings")
    section = page.backup
    section.backup_now()
    settle(qtbot)
    names = sorted(r.name for r in filled.members.roster())
    with filled.db.engine.begin() as con:
        con.exec_driver_sql("DELETE FROM member_event")
        con.exec_driver_sql("DELETE FROM dues_payment_month")
        con.exec_driver_sql("DELETE FROM dues_payment")
    wizard = section.open_restore()
    qtbot.waitUntil(lambda: wizard.restore_button.isEnabled(), timeout=5000)
    assert "whole" in wizard.check_label.text() and "测试党支部" in wizard.check_label.text()
    assert wizard.restore_selected()
    assert any("The backup is in place" in t for t in boxes.texts("information"))
    assert not window.isVisible()
    filled.close()
    from desktop.context import open_context
    again = open_context(filled.data_dir, clock=clock)
    try:
        assert sorted(r.name for r in again.members.roster()) == names
        with again.db.engine.connect() as con:
            assert con.exec_driver_sql("SELECT count(*) FROM dues_payment").scalar() > 0
    finally:
        again.close()


def _damage(data_dir: Path) -> None:
    con = sqlite3.connect(data_dir / "branch.sqlite")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'member'").fetchone()[0]
    con.close()
    flip_page(data_dir / "branch.sqlite", root)


def test_a_damaged_start_shows_the_wizard_and_opens_the_restored_file(filled, data_dir, qapp, boxes, clock):
    BackupService(data_dir, clock).backup_now()
    older = BackupService(data_dir, clock)
    clock.at += timedelta(days=1)
    older.backup_now()
    clock.at -= timedelta(days=1)
    filled.close()
    _damage(data_dir)
    from desktop.context import open_context
    from desktop.ui.app import open_gui
    seen: dict = {"opens": 0}

    def open_branch():
        seen["opens"] += 1
        return open_context(data_dir, clock=clock)

    def drive():
        wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, RestoreWizard) and w.isVisible()]
        if not wizards:
            windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and getattr(w, "ctx", None) is not None]
            if windows:
                seen["attached"] = windows[0].ctx.members.branch_name()
                windows[0].ctx.close()
                windows[0].close()
                return
            QTimer.singleShot(50, drive)
            return
        wizard = wizards[0]
        seen["heading"] = wizard.findChildren(type(wizard.check_label))[0].text()
        seen["rows"] = wizard.model.rowCount()
        if wizard.restore_button.isEnabled():
            wizard.restore_selected()
        QTimer.singleShot(50, drive)

    QTimer.singleShot(100, drive)
    assert open_gui(data_dir, open_branch) == 0
    assert seen["heading"] == "支部数据库已损坏"
    assert seen["rows"] == 2
    assert seen["opens"] == 2 and seen["attached"] == "测试党支部"
    assert list(data_dir.glob("branch.before-restore-*.sqlite"))  # the damaged file, kept for IT staff


def test_the_wizard_at_a_damaged_start_can_be_left(filled, data_dir, qtbot):
    filled.close()
    _damage(data_dir)
    from desktop.services.backups import start_checks
    with pytest.raises(DamagedDatabase) as caught:
        start_checks(data_dir)
    outcome = []
    wizard = offer_restore(None, caught.value, outcome.append)
    qtbot.addWidget(wizard)
    assert not wizard.empty.isHidden() and "Another file" in wizard.empty.text()
    assert wizard.close_button.text() == "Quit BranchDesk"
    wizard.reject()
    assert outcome == [False]
    assert offer_restore(None, ValueError("a bug"), outcome.append) is None


def test_a_bad_backup_in_the_list_is_not_offered(filled, qtbot, tmp_path, clock):
    service = BackupService(filled.data_dir, clock)
    made = service.backup_now().path
    made.write_bytes(made.read_bytes()[:4096])  # cut short (a stick pulled out by another program)
    wizard = RestoreWizard(service)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: "不能用作备份" in wizard.check_label.text(), timeout=5000)
    assert not wizard.restore_button.isEnabled()


def test_a_second_start_on_the_same_folder_raises_the_first_and_ends(data_dir, qtbot):
    from desktop.ui.single_instance import SingleInstance
    data_dir.mkdir(parents=True)
    first = SingleInstance(data_dir)
    assert first.claim()
    try:
        env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "BRANCHDESK_DATA": str(data_dir)}
        started = time.monotonic()
        with qtbot.waitSignal(first.raiseRequested, timeout=20000):
            proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir)], cwd=ROOT, env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        assert "已经打开" in err and "前面" in err
        assert time.monotonic() - started < 20
        assert not (data_dir / "branch.sqlite").exists()  # the second start opened nothing
    finally:
        first.release()
    # The first gone, a start is a first start again.
    again = SingleInstance(data_dir)
    assert again.claim()
    again.release()


def test_a_damaged_start_can_open_read_only_to_look(filled, data_dir, qapp, boxes, clock):
    names = sorted(r.name for r in filled.members.roster())
    filled.db.engine.dispose()
    con = sqlite3.connect(data_dir / "branch.sqlite")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # The dues handed up: a table the home page does not read.
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'dues_remittance'").fetchone()[0]
    con.close()
    filled.close()
    flip_page(data_dir / "branch.sqlite", root)
    before = (data_dir / "branch.sqlite").read_bytes()
    from desktop.context import open_context
    from desktop.ui.app import open_gui
    seen: dict = {}

    def drive():
        wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, RestoreWizard) and w.isVisible()]
        if wizards:
            seen["view_button"] = wizards[0].view_button.text()
            wizards[0].view_button.click()
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and getattr(w, "ctx", None) is not None]
        if windows:
            window = windows[0]
            seen["status"] = window.backups.label.text()
            seen["names"] = sorted(r.name for r in window.ctx.members.roster())
            settings = window.show_page("settings")
            seen["backup_enabled"] = settings.backup.backup_button.isEnabled()
            window.ctx.close()
            window.close()
            return
        QTimer.singleShot(50, drive)

    QTimer.singleShot(100, drive)
    assert open_gui(data_dir, lambda: open_context(data_dir, clock=clock)) == 0
    assert seen["view_button"] == "只读打开"
    assert seen["status"].startswith("只读：数据库已损坏")
    assert seen["names"] == names
    assert seen["backup_enabled"] is False
    assert (data_dir / "branch.sqlite").read_bytes() == before
