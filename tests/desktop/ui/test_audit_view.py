"""The audit log in the window: the member dialog's reveal and the roster's export in full
each write one line; the settings page opens the log, newest first, and checks it."""
from __future__ import annotations

import json
import sqlite3
from datetime import date

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.services import audit as audit_service
from desktop.ui.audit_model import COL_ACTION, COL_DETAIL, COL_NUMBER, COL_SUBJECT
from desktop.ui.audit_view import AuditDialog

PHONE = "13800138000"  # the conftest member's phone


def _dump(ctx) -> str:
    con = sqlite3.connect(ctx.db.path)
    try:
        rows = con.execute("SELECT * FROM audit_log").fetchall()
        head = con.execute("SELECT value FROM setting WHERE key = 'audit.head'").fetchone()
    finally:
        con.close()
    return json.dumps([list(map(str, r)) for r in rows], ensure_ascii=False) + (head[0] if head else "")


def test_revealing_in_the_member_dialog_writes_one_line(window, ctx, add, qtbot):
    member_id = add("张伟", date(1980, 3, 1))
    number = ctx.members.get(member_id).id_number
    page = window.show_page("roster")
    dialog = page.open_member(member_id)
    assert audit_service.lines(ctx) == []  # opening shows the masked number: nothing to record
    qtbot.mouseClick(dialog.reveal_button, Qt.LeftButton)
    assert dialog.id_edit.text() == number
    [line] = audit_service.lines(ctx)
    assert (line.action, line.subject, line.detail["member_id"]) == ("reveal_id_number", f"member:{member_id}", member_id)
    dump = _dump(ctx)
    assert number not in dump and PHONE not in dump and "张伟" not in dump
    dialog.reject()


def test_a_reveal_the_log_cannot_record_shows_nothing(window, ctx, add, qtbot, boxes, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from db import audit

    def busy(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(audit, "append", busy)
    member_id = add("王芳", date(1985, 6, 2), male=False)
    number = ctx.members.get(member_id).id_number
    dialog = window.show_page("roster").open_member(member_id)
    qtbot.mouseClick(dialog.reveal_button, Qt.LeftButton)
    assert dialog.id_edit.text() != number and dialog.id_edit.isReadOnly()
    [text] = boxes.texts("warning")
    assert "审计日志" in text and "database is locked" in text
    dialog.reject()


def test_an_export_in_full_writes_one_line_a_partly_hidden_one_none(window, ctx, add, qtbot, tmp_path, monkeypatch):
    from desktop.ui import roster_page
    ids = [add("孙丽", date(1990, 4, 4), male=False, seq=11), add("周强", date(1982, 8, 9), seq=12)]
    answers = iter([False, True])
    monkeypatch.setattr(roster_page, "ask_unmasked", lambda parent: next(answers))
    names = iter([tmp_path / "hidden.xlsx", tmp_path / "full.xlsx"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, caption, suggested, filters, *a, **k: (str(next(names)), filters)))
    page = window.show_page("roster")
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "hidden.xlsx").exists() and page.notice.isVisible(), timeout=10000)
    assert audit_service.lines(ctx) == []
    page.notice.hide()
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "full.xlsx").exists() and page.notice.isVisible(), timeout=10000)
    [line] = audit_service.lines(ctx)
    assert line.action == "export_unmasked" and line.detail["members"] == 2
    numbers = [ctx.members.get(i).id_number for i in ids]
    cells = [str(c) for row in openpyxl.load_workbook(tmp_path / "full.xlsx").active.iter_rows(values_only=True) for c in row if c]
    assert all(n in cells for n in numbers)
    dump = _dump(ctx)
    assert not any(n in dump for n in numbers) and PHONE not in dump and "孙丽" not in dump


def test_the_settings_page_opens_the_log_newest_first_and_checks_it(window, ctx, add, qtbot):
    first, second = add("张伟", date(1980, 3, 1)), add("李娜", date(1981, 4, 2), male=False, seq=2)
    audit_service.reveal_id_number(ctx, first)
    audit_service.reveal_id_number(ctx, second)
    page = window.show_page("settings")
    qtbot.mouseClick(page.audit_button, Qt.LeftButton)
    dialog = page.audit_dialog
    assert isinstance(dialog, AuditDialog) and dialog.isVisible()
    assert dialog.windowTitle() == dialog.tr("Audit log")  # Qt's catalogue is not loaded in these tests
    model = dialog.model
    assert model.rowCount() == 2 and not dialog.empty_label.isVisible()
    assert [model.index(r, COL_NUMBER).data() for r in range(2)] == ["2", "1"]
    assert model.index(0, COL_ACTION).data() == "查看党员的完整身份证号"
    assert model.index(0, COL_SUBJECT).data() == f"党员（编号 {second}）"
    assert "公民身份号码" in model.index(0, COL_DETAIL).data()

    qtbot.mouseClick(dialog.verify_button, Qt.LeftButton)
    qtbot.waitUntil(dialog.result_label.isVisible, timeout=10000)
    assert dialog.result_label.text() == "审计日志完整，共 2 条。"
    assert dialog.result.ok

    con = sqlite3.connect(ctx.db.path)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET subject = 'member:999' WHERE id = 1")
    con.commit()
    con.close()
    qtbot.mouseClick(dialog.verify_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.result.ok, timeout=10000)
    assert dialog.result_label.text() == "审计日志已被篡改：第 1 条已被改动，或不是支部工作台写入的"
    assert [i.row() for i in dialog.table.selectionModel().selectedRows()] == [1]  # line 1, shown last
    dialog.close()


def test_an_empty_log_says_so(window, ctx, qtbot):
    page = window.show_page("settings")
    dialog = page.open_audit_log()
    assert dialog.model.rowCount() == 0 and dialog.empty_label.text() == dialog.tr("Nothing has been recorded yet.")
    dialog.close()


def test_phone_and_address_are_masked_until_shown_and_each_showing_is_recorded(window, ctx, add, qtbot):
    member_id = add("赵敏", date(1979, 12, 31), male=False)
    rec = ctx.members.get(member_id)
    dialog = window.show_page("roster").open_member(member_id)
    assert (dialog.phone_edit.text(), dialog.address_edit.text()) == ("138****8000", "陕西省汉中市****")
    assert dialog.phone_edit.isReadOnly() and dialog.address_edit.isReadOnly()
    dialog.post_edit.setText("支部书记")
    assert dialog.try_save()  # saving what was never shown keeps it as it was
    saved = ctx.members.get(member_id)
    assert (saved.phone, saved.address, saved.post) == (rec.phone, rec.address, "支部书记")
    assert audit_service.lines(ctx) == []

    dialog = window.show_page("roster").open_member(member_id)
    qtbot.mouseClick(dialog.reveal_phone_button, Qt.LeftButton)
    assert dialog.phone_edit.text() == rec.phone and not dialog.phone_edit.isReadOnly()
    assert dialog.address_edit.isReadOnly()
    qtbot.mouseClick(dialog.reveal_address_button, Qt.LeftButton)
    assert dialog.address_edit.text() == rec.address
    dialog.phone_edit.setText("13912345678")
    assert dialog.try_save()
    assert ctx.members.get(member_id).phone == "13912345678"
    lines = audit_service.lines(ctx)
    assert [(line.action, line.detail["field"]) for line in lines] == [("reveal_address", "address"), ("reveal_phone", "phone")]
    assert lines[1].label == "查看党员的完整电话号码"
    dump = _dump(ctx)
    assert rec.phone not in dump and "13912345678" not in dump and "汉台区" not in dump and "赵敏" not in dump


def test_an_empty_phone_or_address_is_simply_typed_in(window, ctx, add):
    member_id = add("钱进", date(1970, 1, 1), phone="", address="")
    dialog = window.show_page("roster").open_member(member_id)
    assert not dialog.phone_edit.isReadOnly() and not dialog.address_edit.isReadOnly()
    assert not dialog.reveal_phone_button.isVisible() and not dialog.reveal_address_button.isVisible()
    assert dialog.reveal_button.isVisible()  # the ID number is on record: masked
    dialog.reject()
