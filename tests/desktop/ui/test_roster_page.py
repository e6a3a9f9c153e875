"""The roster page as a secretary uses it: typing filters at once, combos narrow, headers sort,
a status change takes a member off the roll."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt

from core.members import EventKind, MemberCategory
from desktop.ui.event_dialog import StatusChangeDialog
from desktop.ui.member_dialog import MemberDialog
from desktop.ui.roster_model import COL_BIRTH, COL_NAME
from tests.desktop.ui.conftest import type_text


def _names(page) -> list[str]:
    return [page.model.index(r, COL_NAME).data() for r in range(page.model.rowCount())]


def _page(window):
    return window.show_page("roster")


def _seed(add):
    return {
        "张伟": add("张伟", date(1980, 3, 1), seq=1),
        "张薇": add("张薇", date(1986, 4, 2), male=False, seq=2, group="第二党小组"),
        "王芳": add("王芳", date(1985, 6, 2), male=False, seq=3, group="第二党小组"),
        "李强": add("李强", date(1990, 1, 15), seq=4, category=MemberCategory.PROBATIONARY, joined=date(2026, 1, 5)),
    }


def test_typing_filters_at_once(window, add, ctx, qtbot):
    _seed(add)
    page = _page(window)
    assert page.model.rowCount() == 4
    qtbot.keyClicks(page.search_edit, "zw")
    assert sorted(_names(page)) == sorted(["张伟", "张薇"])
    assert page.count_label.text() == "4 members, 2 shown"  # (no Qt translator in the tests)
    page.search_edit.clear()
    wang = next(r for r in ctx.members.roster() if r.name == "王芳")
    qtbot.keyClicks(page.search_edit, wang.id_number[-6:])
    assert _names(page) == ["王芳"]
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "张伟")
    assert _names(page) == ["张伟"]


def test_category_and_group_combos_narrow_the_table(window, add, qtbot):
    _seed(add)
    page = _page(window)
    page.category_combo.setCurrentIndex(page.category_combo.findData(MemberCategory.PROBATIONARY.value))
    assert _names(page) == ["李强"]
    page.category_combo.setCurrentIndex(0)
    page.group_combo.setCurrentIndex(page.group_combo.findData("第二党小组"))
    assert sorted(_names(page)) == sorted(["张薇", "王芳"])
    qtbot.keyClicks(page.search_edit, "wf")
    assert _names(page) == ["王芳"]
    assert page.count_label.text() == "4 members, 1 shown"


def test_header_click_sorts_with_indicator(window, add, qtbot):
    _seed(add)
    page = _page(window)
    header = page.view.horizontalHeader()
    roster_order = _names(page)
    assert roster_order == ["张伟", "李强", "张薇", "王芳"]  # by group, then as entered

    def click(column):
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))

    click(COL_NAME)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (COL_NAME, Qt.AscendingOrder)
    # li qiang, wang fang, zhang wei ×2 (equal keys keep the roster's order).
    assert _names(page) == ["李强", "王芳", "张伟", "张薇"]
    click(COL_NAME)
    assert header.sortIndicatorOrder() == Qt.DescendingOrder
    assert _names(page) == ["张伟", "张薇", "王芳", "李强"]
    click(COL_NAME)  # third click: back to the roster's own order
    assert header.sortIndicatorSection() == -1
    assert _names(page) == roster_order
    click(COL_BIRTH)
    births = [page.model.row_at(r).birth_date for r in range(page.model.rowCount())]
    assert births == sorted(births)


def test_status_change_transfer_out_hides_member_unless_former_shown(window, add, ctx, qtbot):
    ids = _seed(add)
    page = _page(window)
    assert page.select_member(ids["王芳"])
    dialog = page.change_status()
    assert isinstance(dialog, StatusChangeDialog)
    dialog.select_kind(EventKind.TRANSFER_OUT)
    assert dialog.consequence.isVisible()
    dialog.date_edit.clear()
    qtbot.keyClicks(dialog.date_edit, "2026.10")
    type_text(qtbot, dialog.note_edit, "转往市教育局机关党委")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert "王芳" not in _names(page)
    assert [e.kind for e in ctx.members.history(ids["王芳"])] == [EventKind.TRANSFER_OUT]
    assert ctx.members.history(ids["王芳"])[0].on == date(2026, 10, 1)
    page.former_check.setChecked(True)
    assert "王芳" in _names(page)
    # A former member can only be transferred back in.
    page.select_member(ids["王芳"])
    dialog = page.change_status()
    assert [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())] == [EventKind.TRANSFER_IN.value]
    dialog.reject()


def test_status_change_refused_by_the_rules_is_shown_in_the_dialog(window, add, ctx, qtbot):
    ids = _seed(add)
    page = _page(window)
    page.select_member(ids["李强"])
    dialog = page.change_status()
    dialog.select_kind(EventKind.LOST_CONTACT)
    dialog.date_edit.setText("2025-01-01")  # before 李强 joined (2026-01-05)
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and dialog.error.text()
    assert ctx.members.history(ids["李强"]) == []
    dialog.select_kind(EventKind.MOBILE_OUT)
    dialog.date_edit.setText("2026-06-01")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.note_message.isVisible()  # 外出流向 is required
    type_text(qtbot, dialog.note_edit, "广东省深圳市")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert not dialog.isVisible()
    row = next(r for r in ctx.members.roster() if r.id == ids["李强"])
    assert row.mobile
    assert page.model.status_text(row) == "在册 (Mobile)"  # core labels Chinese; no Qt translator in tests


def test_double_click_opens_the_edit_form(window, add, qtbot):
    ids = _seed(add)
    page = _page(window)
    row = page.model.row_of_member(ids["张薇"])
    rect = page.view.visualRect(page.model.index(row, COL_NAME))
    qtbot.mouseClick(page.view.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.LeftButton, pos=rect.center())
    assert isinstance(page.dialog, MemberDialog)
    assert page.dialog.member_id == ids["张薇"]
    assert page.dialog.name_edit.text() == "张薇"
    page.dialog.reject()
    assert page.dialog is None


def test_edit_and_status_buttons_need_a_selection(window, add):
    ids = _seed(add)
    page = _page(window)
    page.view.clearSelection()
    assert not page.edit_button.isEnabled() and not page.status_button.isEnabled()
    page.select_member(ids["张伟"])
    assert page.edit_button.isEnabled() and page.status_button.isEnabled()
