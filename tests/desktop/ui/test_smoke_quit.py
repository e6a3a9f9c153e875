"""The undocumented switch installer/smoke_test.py starts the frozen program with: the window
paints, opens the branch, says so, and closes itself with exit code 0."""
from __future__ import annotations

import logging

from desktop.ui.app import SMOKE_QUIT_ENV, open_gui


def test_the_window_opens_the_branch_and_closes_by_itself(ctx, data_dir, qapp, monkeypatch, capsys, caplog):
    monkeypatch.setenv(SMOKE_QUIT_ENV, "50")
    with caplog.at_level(logging.INFO, logger="desktop.ui.app"):
        assert open_gui(data_dir, lambda: ctx) == 0
    line = "smoke: window painted, branch open: 支部工作台 — 测试党支部; translators: 2"
    assert capsys.readouterr().out.strip() == line
    assert line in caplog.messages  # the Windows window program has no console: the log has it


def test_without_the_switch_nothing_is_said(ctx, data_dir, qapp, monkeypatch, capsys):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    monkeypatch.delenv(SMOKE_QUIT_ENV, raising=False)

    def open_and_close():
        QTimer.singleShot(50, lambda: [w.close() for w in QApplication.topLevelWidgets() if w.isVisible()])
        return ctx

    assert open_gui(data_dir, open_and_close) == 0
    assert "smoke" not in capsys.readouterr().out
