"""The main window, the application set-up, and what the user sees when something breaks."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop import paths
from desktop.services.errors import KnownError
from desktop.ui.main_window import MainWindow


def test_navigation_lists_only_working_pages_and_builds_them_lazily(window, ctx, qtbot):
    assert window.nav_labels() == ["Home", "Member roster", "Party dues", "Meetings", "Votes", "Settings"]
    assert list(window.pages) == ["home"]  # the roster is built on first visit
    assert window.current_page() == "home"
    rect = window.nav.visualItemRect(window.nav.item(1))
    qtbot.mouseClick(window.nav.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.current_page() == "roster"
    assert window.stack.currentWidget() is window.pages["roster"]
    assert set(window.pages) == {"home", "roster"}
    assert window.windowTitle() == "BranchDesk — 测试党支部"
    assert str(ctx.data_dir) in window.folder_label.text()
    assert window.width() >= 1000 and window.height() >= 700


@pytest.fixture
def chinese(qapp, tmp_path):
    """Qt translators for zh_CN installed for one test, removed after."""
    from desktop.ui.app import install_translators
    before = QLocale()
    installed = install_translators(qapp, "zh_CN")
    yield installed
    for t in installed:
        qapp.removeTranslator(t)
    QLocale.setDefault(before)


def test_standard_buttons_read_in_chinese(chinese, qtbot):
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.Cancel).text() == "取消"


def test_navigation_in_chinese_with_the_built_translation(chinese, ctx, qtbot):
    # The .qm is built by `make` before the tests run; a missing one is a failure, not a skip.
    assert paths.translation_binary("zh_CN").exists()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.nav_labels() == ["首页", "党员花名册", "党费", "会议", "投票", "设置"]
    assert window.windowTitle() == "支部工作台 — 测试党支部"


def test_application_prefers_a_cjk_font(qapp):
    from desktop.ui.app import CJK_FAMILIES, MIN_POINT_SIZE, cjk_family, create_application
    before = qapp.font()
    try:
        app = create_application()
        assert app is qapp and app.applicationName() == "BranchDesk"
        installed = [f for f in CJK_FAMILIES if f in QFontDatabase.families()]
        if installed:
            assert app.font().family() == installed[0] == cjk_family()
        assert app.font().pointSizeF() >= MIN_POINT_SIZE
    finally:
        qapp.setFont(before)


def test_known_error_gets_a_plain_message_and_a_bug_the_crash_dialog(boxes, monkeypatch, tmp_path):
    from desktop.ui.messages import CrashHandler
    shown = []

    def fake_exec(box):
        shown.append((box.windowTitle(), box.text(), box.informativeText(), box.detailedText()))
        return QMessageBox.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    log_file = tmp_path / "logs" / "branchdesk.log"
    handler = CrashHandler(log_file)
    handler(KnownError, KnownError("磁盘已满，请清理后再试"), None)
    assert boxes.texts("warning") == ["磁盘已满，请清理后再试"]
    assert shown == []
    try:
        raise RuntimeError("a bug")
    except RuntimeError as err:
        handler(RuntimeError, err, err.__traceback__)
    assert len(shown) == 1
    title, text, informative, details = shown[0]
    assert str(log_file) in informative
    assert "RuntimeError: a bug" in details and "raise RuntimeError" in details


def test_crash_handler_installs_and_restores_the_excepthook(tmp_path):
    import sys
    from desktop.ui.messages import CrashHandler
    previous = sys.excepthook
    handler = CrashHandler(tmp_path / "x.log").install()
    try:
        assert sys.excepthook is handler
    finally:
        handler.uninstall()
    assert sys.excepthook is previous
