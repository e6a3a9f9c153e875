"""The window on a full disk (issue 8): the secretary is told what happened and what to do,
the window stays usable and shows what was saved, and the same action works once space is
freed — no restart. On a real small disk (a tmpfs, root only, see tests/helpers/small_disk.py)."""
from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt

from core.members import MemberCategory
from desktop.ui import worker
from desktop.ui.messages import CrashHandler
from desktop.ui.roster_model import COL_NAME
from tests.desktop.ui.conftest import member, type_text
from tests.helpers.small_disk import fill, free, needs_root, small_disk

pytestmark = needs_root


@pytest.fixture
def disk(tmp_path):
    with small_disk(tmp_path / "disk") as folder:
        yield folder


@pytest.fixture
def data_dir(disk):
    """The ``ctx`` (and so the ``window``) fixture's branch lives on the small disk."""
    return disk / "branch"


def _names(page) -> list[str]:
    return [page.model.index(r, COL_NAME).data() for r in range(page.model.rowCount())]


def _seed(ctx) -> list[str]:
    names = ["张伟", "王芳", "李强"]
    for i, name in enumerate(names):
        ctx.members.add(member(name, date(1970 + i, 3, 1), seq=i + 1, note="长期在社区服务。" * 40))
    return names


def test_saving_a_member_on_a_full_disk_keeps_the_form_open_and_the_roster_as_saved(window, ctx, disk, data_dir, qtbot):
    names = _seed(ctx)
    page = window.show_page("roster")
    assert sorted(_names(page)) == sorted(names)
    filler = fill(disk)
    dialog = page.add_member()
    type_text(qtbot, dialog.name_edit, "刘洋")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(MemberCategory.FULL.value))
    qtbot.keyClicks(dialog.joined_edit, "2012-07-01")
    qtbot.keyClicks(dialog.full_edit, "2013-07-01")
    dialog.note_edit.setPlainText("入党积极分子培养联系人。" * 200)
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    # The form stays open with what was typed, and says why it was not saved.
    assert dialog.isVisible() and dialog.name_edit.text() == "刘洋"
    assert str(data_dir) in dialog.summary.text()
    assert sorted(_names(page)) == sorted(names)
    assert [r.name for r in ctx.members.roster()] == names

    free(filler)
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)  # the same click, once there is room
    assert not dialog.isVisible()
    assert "刘洋" in _names(page)


def test_a_write_lane_failure_nobody_handles_is_a_message_box_not_a_crash(window, ctx, disk, data_dir, qtbot, boxes):
    names = _seed(ctx)
    page = window.show_page("roster")
    handler = CrashHandler(None).install()
    try:
        filler = fill(disk)
        done = []
        for i in range(200):  # until the disk refuses (a write can fit in the WAL's room)
            task = worker.run_write(ctx.members.add, member(f"新党员{i:03d}", date(1990, 1, 1), seq=i, note="备注" * 300))
            task.on_success(done.append)
            qtbot.waitUntil(lambda: task.finished, timeout=10000)
            if boxes.texts("warning"):
                break
        [text] = boxes.texts("warning")
        assert str(data_dir) in text
        assert not boxes.texts("critical")   # no crash dialog
        page.reload()
        assert sorted(_names(page)) == sorted(names + [r.name for r in ctx.members.roster()[3:]])
        assert len(ctx.members.roster()) == 3 + len(done)

        free(filler)
        task = worker.run_write(ctx.members.add, member("赵敏", date(1985, 1, 1), seq=77))
        qtbot.waitUntil(lambda: task.finished, timeout=10000)
        assert len(boxes.texts("warning")) == 1
        page.reload()
        assert "赵敏" in _names(page)
    finally:
        handler.uninstall()


# openpyxl leaves its zip writer and sheet generators open when a write fails; the collector
# closes them later, on the temporary file already closed and removed, and Python reports
# that as "Exception ignored". Harmless: the file is gone and the user has the message.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_export_to_a_full_folder_shows_a_message_and_leaves_no_file(window, ctx, qtbot, boxes, tmp_path):
    _seed(ctx)
    page = window.show_page("roster")
    with small_disk(tmp_path / "usb", size="1m") as usb:
        filler = fill(usb)
        task = page.export(usb / "花名册.xlsx", unmasked=False)
        qtbot.waitUntil(lambda: task.finished, timeout=10000)
        [text] = boxes.texts("warning")
        assert str(usb) in text
        assert os.listdir(usb) == ["filler.bin"]
        free(filler)
        task = page.export(usb / "花名册.xlsx", unmasked=False)
        qtbot.waitUntil(lambda: task.finished, timeout=10000)
        assert os.listdir(usb) == ["花名册.xlsx"]
        assert len(boxes.texts("warning")) == 1


def test_starting_on_a_full_disk_says_so_and_offers_no_restore(disk, data_dir, clock, qapp, boxes):
    """A full disk is not a damaged database: the message, not the restore wizard."""
    from PySide6.QtWidgets import QApplication

    from desktop.context import open_context
    from desktop.ui.app import open_gui
    from desktop.ui.main_window import MainWindow
    ctx = open_context(data_dir, clock=clock)
    ctx.members.add(member("张伟", date(1970, 3, 1)))
    ctx.close()
    filler = fill(disk)
    try:
        assert open_gui(data_dir, lambda: open_context(data_dir, clock=clock)) == 2
        [text] = boxes.texts("warning")
        assert str(data_dir) in text
    finally:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                w.close()
        free(filler)
    ctx = open_context(data_dir, clock=clock)
    assert [r.name for r in ctx.members.roster()] == ["张伟"]
    ctx.close()
