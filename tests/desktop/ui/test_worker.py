"""The background helper: work on a pool thread, results and failures back on the UI thread."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services.errors import KnownError
from desktop.ui import worker


def _ui_thread():
    return QApplication.instance().thread()


def test_result_is_delivered_on_the_ui_thread(qtbot):
    seen = {}

    def work(a, b, *, c):
        seen["work_thread"] = threading.current_thread()
        return a + b + c

    got = []

    def done(value):
        got.append(value)
        seen["callback_on_ui_thread"] = QThread.currentThread() == _ui_thread()

    task = worker.run(work, 1, 2, c=3).on_success(done)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [6]
    assert seen["work_thread"] is not threading.main_thread()
    assert seen["callback_on_ui_thread"]
    assert task.finished


def test_failure_is_reported_with_its_traceback(qtbot):
    def work():
        raise KnownError("文件已损坏")

    failures = []
    worker.run(work).on_success(lambda _: pytest.fail("no success")).on_failure(failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], KnownError) and str(failures[0]) == "文件已损坏"
    assert "raise KnownError" in failures[0].__traceback_text__


def test_failure_without_a_handler_goes_to_the_excepthook(qtbot, monkeypatch):
    hooked = []
    monkeypatch.setattr("sys.excepthook", lambda t, e, tb: hooked.append(e))
    worker.run(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(hooked), timeout=5000)
    assert isinstance(hooked[0], ZeroDivisionError)


def test_progress_reaches_the_dialog_from_the_worker_thread(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    values = []
    release = threading.Event()

    def work(*, progress):
        for done in range(0, 11):
            progress(done, 10)
            time.sleep(0.06)  # above the throttle, so each report is sent
        release.wait(5)
        return "ok"

    task = worker.run(work).with_progress(parent, "正在读取…")
    dialog = task._dialog

    def seen():
        if not values or values[-1] != dialog.value():
            values.append(dialog.value())
        return values[-1] == 10

    qtbot.waitUntil(seen, timeout=5000)
    assert dialog.maximum() == 10
    assert values == sorted(values)
    results = []
    task.on_success(results.append)
    release.set()
    qtbot.waitUntil(lambda: results == ["ok"], timeout=5000)
    assert task._dialog is None  # closed and gone once the work is done


def test_writes_run_one_at_a_time_in_order(qtbot):
    running = []
    overlap = []
    order = []
    lock = threading.Lock()

    def write(n):
        with lock:
            running.append(n)
            if len(running) > 1:
                overlap.append(tuple(running))
        time.sleep(0.02)
        with lock:
            running.remove(n)
        order.append(n)
        return n

    done = []
    for n in range(6):
        worker.run_write(write, n).on_success(done.append)
    qtbot.waitUntil(lambda: len(done) == 6, timeout=5000)
    assert overlap == []
    assert order == list(range(6)) and done == list(range(6))
