"""Settings: the branch name (shown in the title), the language, the data folder."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices


def test_renaming_the_branch_updates_the_title(window, ctx, qtbot):
    page = window.show_page("settings")
    assert page.branch_edit.text() == "测试党支部"
    page.branch_edit.clear()
    qtbot.mouseClick(page.branch_save, Qt.LeftButton)
    assert page.branch_message.kind == "error"  # an empty name is refused, in the page
    assert ctx.members.branch_name() == "测试党支部"
    page.branch_edit.setText("  汉台区机关第一党支部 ")
    qtbot.mouseClick(page.branch_save, Qt.LeftButton)
    assert ctx.members.branch_name() == "汉台区机关第一党支部"
    assert window.windowTitle() == "BranchDesk — 汉台区机关第一党支部"
    assert not page.branch_message.isVisible()


def test_language_is_stored_and_takes_effect_after_restart(window, ctx):
    page = window.show_page("settings")
    assert page.language_combo.currentData() == "zh_CN"
    assert page.language_combo.currentText() == "简体中文"
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    assert ctx.settings.get("language") == "en"
    assert page.language_note.isVisible()


def test_reminder_window_is_a_setting_the_home_page_follows(window, ctx):
    page = window.show_page("settings")
    page.days_spin.setValue(60)
    assert ctx.settings.get("reminders.conversion_days") == 60
    window.show_page("home")
    assert "60" in window.pages["home"].conversion.title.text()


def test_data_folder_shown_and_opened(window, ctx, qtbot, monkeypatch):
    page = window.show_page("settings")
    assert page.folder_label.text() == str(ctx.data_dir)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    qtbot.mouseClick(page.folder_button, Qt.LeftButton)
    assert opened == [str(ctx.data_dir)]


def test_the_page_scrolls_on_a_small_screen_instead_of_growing_the_window(window, qtbot):
    # 1366×768 is the office PC's screen: with the password, sync and backup sections the page
    # is taller than that, and the window must not grow past the screen to show it all.
    window.resize(1280, 700)
    window.show()
    page = window.show_page("settings")
    qtbot.wait(50)
    assert window.height() <= 720
    bar = page.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    page.scroll.ensureWidgetVisible(page.backup)
    qtbot.wait(20)
    assert bar.value() > 0
    top = page.backup.mapTo(page.scroll.viewport(), page.backup.rect().topLeft()).y()
    assert 0 <= top < page.scroll.viewport().height()
