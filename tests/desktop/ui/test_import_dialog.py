"""Import from the roster page: read in the background, preview with every rejected row by its
row number and reason, commit, and undo — on a real .xlsx made with openpyxl."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from core.i18n import translate
from desktop.ui.import_dialog import ImportDialog
from desktop.ui.import_model import PROBLEM_COL_REASON, PROBLEM_COL_ROW
from desktop.ui.roster_model import COL_NAME
from tests.desktop.ui.conftest import make_id

openpyxl = pytest.importorskip("openpyxl")
importer = pytest.importorskip("desktop.services.importer")

BAD_ID = "360426199101010072"  # check digit wrong (DOMAIN §4)


def _workbook(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["城关社区党支部党员花名册"])
    ws.merge_cells("A1:F1")
    ws.append(["姓名", "性别", "公民身份号码", "人员类别", "入党时间", "籍贯"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _names(page) -> list[str]:
    return [page.model.index(r, COL_NAME).data() for r in range(page.model.rowCount())]


def _open_preview(page, qtbot, path) -> ImportDialog:
    page.import_file(path)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ImportDialog), timeout=10000)
    return page.dialog


@pytest.fixture
def sheet(tmp_path):
    return _workbook(tmp_path / "名册.xlsx", [
        ["孙丽", "女", make_id(date(1990, 4, 4), 11, male=False), "正式党员", "2015-07-01", "陕西汉中"],
        ["钱进", "男", BAD_ID, "正式党员", "2012.06", "四川广元"],           # row 4: rejected
        ["周磊", "男", make_id(date(1992, 8, 8), 12), "预备党员", "2026-03-01", ""],
    ])


def test_preview_shows_rejected_row_then_commit_and_undo(window, ctx, qtbot, boxes, sheet):
    page = window.show_page("roster")
    dialog = _open_preview(page, qtbot, sheet)
    assert dialog.plan.accepted == 2
    assert dialog.rows_model.rowCount() == 2
    assert dialog.import_button.text() == "Import 2 members"
    # The bad row, by its row number in the file, with the reason.
    assert dialog.rejected_model.rowCount() == 1
    assert dialog.rejected_model.index(0, PROBLEM_COL_ROW).data() == "4"
    reason = dialog.rejected_model.index(0, PROBLEM_COL_REASON).data()
    assert translate("idnumber", "The check digit of the ID number is wrong; please check each digit") in reason
    assert "籍贯" in dialog.unknown_label.text() and dialog.unknown_label.isVisible()
    assert "2" in dialog.source_label.text()  # the header row found
    # The full ID number is not in the preview either.
    for r in range(dialog.rows_model.rowCount()):
        for c in range(dialog.rows_model.columnCount()):
            assert (dialog.rows_model.index(r, c).data() or "") not in {make_id(date(1990, 4, 4), 11, male=False)}

    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10000)
    assert {"孙丽", "周磊"} <= set(_names(page)) and "钱进" not in _names(page)
    assert page.notice.isVisible() and "名册.xlsx" in page.notice.text()

    qtbot.mouseClick(page.undo_button, Qt.LeftButton)
    question = boxes.texts("question")
    assert len(question) == 1 and "名册.xlsx" in question[0] and "2" in question[0]
    qtbot.waitUntil(lambda: "孙丽" not in _names(page), timeout=10000)
    assert ctx.members.roster() == []
    assert "名册.xlsx" in page.notice.text()


def test_undo_declined_changes_nothing_and_nothing_to_undo_is_said(window, ctx, qtbot, boxes, sheet):
    page = window.show_page("roster")
    page.undo_import()
    assert boxes.texts("information") == ["There is no import to undo."]
    dialog = _open_preview(page, qtbot, sheet)
    dialog.commit()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10000)
    boxes.answer = boxes.answer.No
    assert page.undo_import() is None
    assert len(ctx.members.roster()) == 2


def test_duplicates_can_be_updated_instead_of_skipped(window, ctx, add, qtbot, sheet):
    existing = add("孙丽", date(1990, 4, 4), male=False, seq=11, post="护士")
    page = window.show_page("roster")
    dialog = _open_preview(page, qtbot, sheet)
    assert dialog.plan.on_duplicate == "skip"
    assert dialog.skipped_model.rowCount() == 1 and dialog.plan.accepted == 1
    assert dialog.skip_radio.isChecked()
    qtbot.mouseClick(dialog.update_radio, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan.on_duplicate == "update", timeout=10000)
    assert dialog.plan.accepted == 2 and dialog.skipped_model.rowCount() == 0
    actions = {dialog.rows_model.index(r, 1).data(): dialog.rows_model.index(r, 3).data()
               for r in range(dialog.rows_model.rowCount())}
    assert actions == {"孙丽": "Update", "周磊": "New"}
    dialog.commit()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10000)
    assert ctx.members.get(existing).joined_on == date(2015, 7, 1)


def test_import_button_asks_for_a_file_and_a_bad_file_gets_a_plain_message(window, qtbot, boxes, tmp_path, monkeypatch):
    bad = tmp_path / "不是表格.xlsx"
    bad.write_bytes(b"this is not a workbook")
    asked = []

    def choose(parent, caption, folder, filters, *args, **kwargs):
        asked.append(filters)
        return str(bad), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    page = window.show_page("roster")
    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes.texts("warning")), timeout=10000)
    assert "*.xlsx *.xls *.ods *.csv" in asked[0]
    assert page.dialog is None
    assert any("\u4e00" <= ch <= "\u9fff" for ch in boxes.texts("warning")[0])


def test_export_is_masked_by_default_and_reports_the_count(window, ctx, add, qtbot, tmp_path, monkeypatch):
    from desktop.ui import roster_page
    member_id = add("孙丽", date(1990, 4, 4), male=False, seq=11)
    number = ctx.members.get(member_id).id_number
    asked = []
    monkeypatch.setattr(roster_page, "ask_unmasked", lambda parent: asked.append(True) or False)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, caption, suggested, filters, *a, **k: (str(tmp_path / "花名册"), filters)))
    page = window.show_page("roster")
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    qtbot.waitUntil(page.notice.isVisible, timeout=10000)
    assert asked == [True]
    written = tmp_path / "花名册.xlsx"  # the suffix added when the name had none
    assert written.exists() and str(written) in page.notice.text()
    cells = [str(c) for row in openpyxl.load_workbook(written).active.iter_rows(values_only=True) for c in row if c]
    assert number not in cells and number[:6] + "********" + number[-4:] in cells
