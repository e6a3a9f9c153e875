"""The password in the window: the first run, the unlock dialog and its recovery form, the
idle lock, changing the password and making a new recovery key on the settings page."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from db import keyring
from db.engine import open_database
from desktop.ui.app import open_gui
from desktop.ui.idle_lock import LockScreen
from desktop.ui.main_window import MainWindow
from desktop.ui.password_dialogs import NewPasswordDialog, RecoveryKeyDialog, UnlockDialog
from desktop.ui.security_section import ChangePasswordDialog, NewRecoveryKeyDialog
from tests.conftest import TEST_PASSWORD


@pytest.fixture
def chinese(qapp):
    """Qt translators for zh_CN for the widgets built in the test (open_gui installs its own)."""
    from desktop.ui.app import install_translators
    before = QLocale()
    installed = install_translators(qapp, "zh_CN")
    yield installed
    for t in installed:
        qapp.removeTranslator(t)
    QLocale.setDefault(before)


def _top(kind):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


# -- the idle lock -----------------------------------------------------------------------

def test_the_window_locks_when_left_alone_and_opens_with_the_password(chinese, window, qtbot):
    lock = window.idle_lock
    member_form = QDialog()  # another window of the program: it may show personal data too
    qtbot.addWidget(member_form)
    member_form.show()
    lock.set_minutes(0.3 / 60)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    screen = lock.screen
    assert isinstance(screen, LockScreen) and screen.isVisible()
    assert not window.centralWidget().isVisible() and not member_form.isVisible()
    screen.password.setText("不对的密码")
    assert not screen.try_unlock()
    assert screen.message.text() == "密码不对。请检查键盘的输入法和大写锁定，然后再试。" and lock.locked
    screen.password.setText(TEST_PASSWORD)
    with qtbot.waitSignal(lock.locked_changed):
        qtbot.keyClick(screen.password, Qt.Key_Return)
    assert not lock.locked and window.centralWidget().isVisible() and member_form.isVisible()
    lock.set_minutes(0)


def test_input_keeps_the_window_open(window, qtbot):
    lock = window.idle_lock
    lock.set_minutes(0.6 / 60)
    for _ in range(12):  # 1.2 s of moving the mouse, twice the period
        qtbot.mouseMove(window.nav, QPoint(10, 10))
        qtbot.mouseMove(window.nav, QPoint(20, 20))
        qtbot.wait(100)
    assert not lock.locked
    lock.set_minutes(0)


def test_the_setting_changes_the_lock_and_zero_never_locks(chinese, window, ctx, qtbot):
    page = window.show_page("settings")
    assert page.security.minutes.value() == 10 and page.security.minutes.specialValueText() == "从不"
    page.security.minutes.setValue(0)
    assert ctx.settings.get("security.idle_lock_minutes") == 0 and window.idle_lock.seconds == 0
    window.idle_lock.last_input -= 3600
    window.idle_lock._check()
    assert not window.idle_lock.locked


def test_the_demo_branch_has_no_lock(tmp_path, qtbot):
    from core.clock import FixedClock
    from desktop.context import open_context
    from tests.conftest import TODAY
    ctx = open_context(tmp_path / "demo", clock=FixedClock(TODAY), keys=keyring.NoPassword())
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.idle_lock.lock()
        assert not w.idle_lock.locked
        security = w.show_page("settings").security
        assert not security.change_button.isEnabled() and not security.recovery_button.isEnabled()
    finally:
        ctx.close()


# -- changing the password -------------------------------------------------------------

def test_changing_the_password_on_the_settings_page(chinese, window, ctx, qtbot):
    page = window.show_page("settings")
    dialog = page.security.open_change()
    assert isinstance(dialog, ChangePasswordDialog)
    dialog.current.setText("不对的密码")
    dialog.form.first.setText("新的密码-2027")
    dialog.form.second.setText("新的密码-2027")
    assert not dialog.save()
    assert dialog.current_message.text() == "当前密码不对"
    dialog.current.setText(TEST_PASSWORD)
    dialog.form.second.setText("新的密码-2028")
    assert not dialog.save() and dialog.form.message.text() == "两次输入的密码不一致"
    dialog.form.second.setText("新的密码-2027")
    assert dialog.save()
    assert page.security.done.text() == "密码已更改"
    assert keyring.check_password(ctx.db, "新的密码-2027")


# -- a new recovery key ----------------------------------------------------------------

def _envelopes(ctx) -> dict:
    with ctx.db.engine.connect() as conn:
        return {r[0]: bytes(r[1]) for r in conn.exec_driver_sql("SELECT kind, wrapped FROM key_envelope")}


def test_a_new_recovery_key_on_the_settings_page(chinese, window, ctx, qtbot):
    page = window.show_page("settings")
    assert page.security.recovery_button.isEnabled()
    page.security.recovery_button.click()
    dialog = page.security.recovery_dialog
    assert isinstance(dialog, NewRecoveryKeyDialog) and dialog.isVisible()
    before = _envelopes(ctx)
    dialog.current.setText("不对的密码")
    assert not dialog.save()
    assert dialog.current_message.text() == "当前密码不对" and dialog.isVisible()
    assert _envelopes(ctx) == before and page.security.key_dialog is None
    dialog.current.setText(TEST_PASSWORD)
    qtbot.keyClick(dialog.current, Qt.Key_Return)  # the default button, as a secretary presses it
    qtbot.waitUntil(lambda: page.security.key_dialog is not None and page.security.key_dialog.isVisible())
    shown = page.security.key_dialog
    assert isinstance(shown, RecoveryKeyDialog) and not dialog.isVisible()
    assert shown.key_text == dialog.key_text and [len(g) for g in shown.key_text.split("-")] == [4] * 8
    assert page.security.recovery_done.text() == page.security.tr("A new recovery key was made; the old one no longer works")
    after = _envelopes(ctx)
    assert after["password"] == before["password"] and after["recovery"] != before["recovery"]
    shown.done_box.setChecked(True)
    shown.continue_button.click()
    assert not shown.isVisible()
    # The key shown is the one that now unwraps the branch's data key.
    from db import crypto
    with ctx.db.engine.connect() as conn:
        envelope = keyring._envelopes(conn)["recovery"]
    assert crypto.unwrap(envelope, crypto.parse_recovery(shown.key_text)) == ctx.db.cipher.data_key()


# -- the first run and the unlock dialog -------------------------------------------------

def _answer(steps: list) -> QTimer:
    """Every 50 ms: if the dialog the next step waits for is up, act on it."""
    timer = QTimer()

    def poll():
        if not steps:
            timer.stop()
            return
        kind, act = steps[0]
        dialog = _top(kind)
        if dialog is not None:
            steps.pop(0)
            act(dialog)
    timer.timeout.connect(poll)
    timer.start(50)
    return timer


def test_first_run_chooses_a_password_and_shows_the_recovery_key(data_dir, qapp, monkeypatch):
    monkeypatch.delenv("BRANCHDESK_PASSWORD")
    seen = {}

    def choose(d: NewPasswordDialog):
        d.form.first.setText("123")
        d._accept()
        seen["short"] = d.form.message.text()
        d.form.first.setText("我们支部的密码-2026")
        seen["strength"] = d.form.strength.text()
        d.form.second.setText("我们支部的密码-2026")
        d._accept()

    def recovery(d: RecoveryKeyDialog):
        seen["key"] = d.key_text
        d.reject()  # Escape does not skip it
        seen["still_open"] = d.isVisible()
        seen["continue_enabled"] = d.continue_button.isEnabled()
        d.done_box.setChecked(True)
        d.continue_button.click()

    def attached(w: MainWindow):
        if w.ctx is not None:
            seen["title"] = w.windowTitle()
            w.close()
        else:
            steps.append((MainWindow, attached))

    steps = [(NewPasswordDialog, choose), (RecoveryKeyDialog, recovery), (MainWindow, attached)]
    timer = _answer(steps)
    from desktop.context import open_context
    assert open_gui(data_dir, lambda keys: open_context(data_dir, keys=keys), ask_keys=True) == 0
    timer.stop()
    assert seen["short"] == "密码至少需要 8 个字符"
    assert seen["strength"].startswith("强度：")
    assert seen["still_open"] and not seen["continue_enabled"]
    assert seen["title"].startswith("支部工作台")
    # The key shown opens the branch.
    db = open_database(data_dir, keys=_Recover(seen["key"]))
    db.close()


class _Recover:
    def __init__(self, key):
        self.key = key

    def new_password(self, *, upgrading):
        raise AssertionError("not a new branch")

    def credentials(self, *, failures, wait_seconds, error):
        assert not failures, error
        return keyring.Credentials(recovery_key=self.key, new_password="恢复后的密码-1")


def test_the_unlock_dialog_retries_and_offers_the_recovery_key(data_dir, qapp, monkeypatch):
    open_database(data_dir).close()
    monkeypatch.delenv("BRANCHDESK_PASSWORD")
    seen = {}

    def wrong(d: UnlockDialog):
        d.password.setText("错的密码")
        d._accept()

    def right(d: UnlockDialog):
        seen["error"] = d.message.text()
        d.password.setText(TEST_PASSWORD)
        d.buttons.button(QDialogButtonBox.Ok).click()

    def attached(w: MainWindow):
        if w.ctx is not None:
            w.close()
        else:
            steps.append((MainWindow, attached))

    steps = [(UnlockDialog, wrong), (UnlockDialog, right), (MainWindow, attached)]
    timer = _answer(steps)
    from desktop.context import open_context
    assert open_gui(data_dir, lambda keys: open_context(data_dir, keys=keys), ask_keys=True) == 0
    timer.stop()
    assert seen["error"] == "密码不对。请检查键盘的输入法和大写锁定，然后再试。"


def test_closing_the_unlock_dialog_ends_the_program_quietly(data_dir, qapp, monkeypatch, boxes):
    open_database(data_dir).close()
    monkeypatch.delenv("BRANCHDESK_PASSWORD")
    timer = _answer([(UnlockDialog, lambda d: d.reject())])
    from desktop.context import open_context
    assert open_gui(data_dir, lambda keys: open_context(data_dir, keys=keys), ask_keys=True) == 0
    timer.stop()
    assert boxes.shown == []
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            w.close()


def test_the_recovery_form_checks_before_asking(chinese, qtbot):
    d = UnlockDialog()
    qtbot.addWidget(d)
    d.forgot_button.click()
    assert d.pages.currentIndex() == 1
    d._accept()
    assert d.recovery_message.text() == "请输入恢复密钥" and d.credentials is None
    d.recovery.setText("ABCD")
    d.new_password.first.setText("新密码-恢复用的")
    d.new_password.second.setText("新密码-恢复用的")
    d._accept()
    assert d.credentials == keyring.Credentials(recovery_key="ABCD", new_password="新密码-恢复用的")
    d.show_failure("恢复密钥不对。", 2)
    assert d.recovery_message.text() == "恢复密钥不对。"
    assert not d.buttons.button(QDialogButtonBox.Ok).isEnabled()
    assert d.buttons.button(QDialogButtonBox.Ok).text() == "请等 2 秒"
    qtbot.waitUntil(lambda: d.buttons.button(QDialogButtonBox.Ok).isEnabled(), timeout=4000)
