"""Starting the program: the window first, the branch after its first paint; the language
remembered beside the database so the first paint already speaks it."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

from desktop.services.errors import KnownError
from desktop.ui.app import WINDOW_SETTINGS, open_gui, remember_language, remembered_language, run_gui
from desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _restore_locale():
    before = QLocale()
    yield
    QLocale.setDefault(before)


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_window_paints_before_the_branch_opens(ctx, data_dir, qapp):
    seen = {}
    hook = sys.excepthook

    def open_branch():
        windows = _main_windows()
        seen["shown_before_open"] = len(windows) == 1 and windows[0]._painted and windows[0].ctx is None
        seen["title_before"] = windows[0].windowTitle()
        QTimer.singleShot(0, lambda: (seen.update(attached=_main_windows()[0].ctx is ctx,
                                                 title_after=_main_windows()[0].windowTitle()),
                                      [w.close() for w in _main_windows()]))
        return ctx

    assert open_gui(data_dir, open_branch) == 0
    # Chinese from the first paint: the .qm is built by `make` before the tests run.
    assert seen == {"shown_before_open": True, "title_before": "支部工作台", "attached": True,
                    "title_after": "支部工作台 — 测试党支部"}
    assert sys.excepthook is hook  # the crash handler is removed when the program ends
    assert (data_dir / "logs" / "branchdesk.log").exists()


def test_a_branch_that_cannot_be_opened_is_explained_and_the_program_ends(data_dir, qapp, boxes):
    def open_branch():
        raise KnownError("无法创建数据文件夹")

    assert open_gui(data_dir, open_branch) == 2
    assert boxes.texts("warning") == ["无法创建数据文件夹"]
    for w in _main_windows():
        w.close()


def test_run_gui_on_an_open_branch(ctx, qapp):
    QTimer.singleShot(0, lambda: [w.close() for w in _main_windows()])
    assert run_gui(ctx) == 0
    assert (ctx.data_dir / WINDOW_SETTINGS).exists()
    assert remembered_language(ctx.data_dir) == "zh_CN"


def test_language_remembered_beside_the_database(window, ctx):
    assert remembered_language(ctx.data_dir) == "zh_CN"  # nothing stored yet: the default
    page = window.show_page("settings")
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    assert remembered_language(ctx.data_dir) == "en"
    remember_language(ctx.data_dir, "xx")  # a stray value falls back to the default
    assert remembered_language(ctx.data_dir) == "zh_CN"
