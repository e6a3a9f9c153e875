"""The add/edit form: typed in as a secretary would, checked by the same rules as the service."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from core.i18n import translate
from core.members import EventKind, Gender, MemberCategory
from desktop.ui.member_dialog import MemberDialog
from desktop.ui.roster_model import COL_NAME
from tests.desktop.ui.conftest import make_id, type_text


def _names(page) -> list[str]:
    return [page.model.index(r, COL_NAME).data() for r in range(page.model.rowCount())]


def test_add_a_member_through_the_form(window, ctx, qtbot):
    page = window.show_page("roster")
    qtbot.mouseClick(page.add_button, Qt.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, MemberDialog) and dialog.isVisible()
    type_text(qtbot, dialog.name_edit, "刘洋")
    number = make_id(date(1988, 5, 17), 7, male=False)
    qtbot.keyClicks(dialog.id_edit, number.lower())  # a lower-case x is fine
    # Birth date and gender come from the number as it is typed.
    assert dialog.birth_edit.text() == "1988-05-17"
    assert dialog.gender_combo.currentData() == Gender.FEMALE.value
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(MemberCategory.FULL.value))
    qtbot.keyClicks(dialog.joined_edit, "2012.7")
    qtbot.keyClicks(dialog.full_edit, "2013-07-01")
    type_text(qtbot, dialog.ethnicity_combo, "回族")
    type_text(qtbot, dialog.post_edit, "会计")
    qtbot.keyClicks(dialog.phone_edit, "13912345678")
    type_text(qtbot, dialog.group_combo, "第三党小组")
    qtbot.keyClicks(dialog.base_edit, "4,500.50")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    assert not dialog.isVisible()
    assert "刘洋" in _names(page)
    assert page.selected_row().name == "刘洋"
    rec = ctx.members.get(page.selected_row().id)
    assert rec.id_number == number
    assert rec.birth_date == date(1988, 5, 17) and rec.gender is Gender.FEMALE
    assert rec.joined_on == date(2012, 7, 1) and rec.full_member_on == date(2013, 7, 1)
    assert (rec.ethnicity, rec.post, rec.group, rec.dues_base_fen) == ("回族", "会计", "第三党小组", 450050)
    # The new group is offered in the group filter at once.
    assert page.group_combo.findData("第三党小组") >= 0


def test_edit_with_a_wrong_id_shows_the_error_and_saves_nothing(window, ctx, add, qtbot):
    member_id = add("张伟", date(1980, 3, 1))
    before = ctx.members.get(member_id)
    page = window.show_page("roster")
    dialog = page.open_member(member_id)
    # Masked until asked.
    assert dialog.id_edit.text() == before.id_number[:6] + "********" + before.id_number[-4:]
    assert dialog.id_edit.isReadOnly()
    qtbot.mouseClick(dialog.reveal_button, Qt.LeftButton)
    assert dialog.id_edit.text() == before.id_number and not dialog.id_edit.isReadOnly()
    dialog.id_edit.clear()
    qtbot.keyClicks(dialog.id_edit, "360426199101010072")  # check digit wrong (DOMAIN §4)
    message = dialog.messages["id_number"]
    assert message.isVisible() and message.kind == "error"  # said while typing
    dialog.name_edit.clear()
    type_text(qtbot, dialog.name_edit, "张卫")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    assert dialog.isVisible()
    assert message.isVisible()
    assert message.text() == translate("idnumber", "The check digit of the ID number is wrong; please check each digit")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message.text())  # said in Chinese
    assert dialog.summary.isVisible()
    assert ctx.members.get(member_id) == before  # nothing saved, not even the name
    assert "张伟" in _names(page) and "张卫" not in _names(page)


def test_unreadable_date_and_money_are_errors_at_their_fields(window, ctx, add, qtbot):
    member_id = add("王芳", date(1985, 6, 2), male=False)
    dialog = window.show_page("roster").open_member(member_id)
    dialog.joined_edit.setText("2010-13-01")
    dialog.base_edit.setText("三千")
    assert not dialog.try_save()
    assert dialog.messages["joined_on"].kind == "error"
    assert dialog.messages["dues_base_fen"].kind == "error"
    assert ctx.members.get(member_id).joined_on == date(2010, 7, 1)


def test_a_duplicate_id_is_refused(window, ctx, add, qtbot):
    add("张伟", date(1980, 3, 1), seq=1)
    dialog = window.show_page("roster").add_member()
    type_text(qtbot, dialog.name_edit, "张卫")
    qtbot.keyClicks(dialog.id_edit, make_id(date(1980, 3, 1), 1))
    assert not dialog.try_save()
    assert "张伟" in dialog.messages["id_number"].text()
    assert len(ctx.members.roster()) == 1


def test_warnings_can_be_saved_past_on_a_second_press(window, ctx, add, qtbot):
    member_id = add("李强", date(1990, 1, 15))
    dialog = window.show_page("roster").open_member(member_id)
    dialog.joined_edit.setText("2007-01-01")  # aged 16: a warning (党章第一条), not an error
    dialog.full_edit.setText("2008-01-01")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.isVisible()
    assert dialog.messages["joined_on"].kind == "warning"
    assert dialog.ok_button.text() == "Save anyway"
    assert ctx.members.get(member_id).joined_on == date(2015, 7, 1)
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert not dialog.isVisible()
    assert ctx.members.get(member_id).joined_on == date(2007, 1, 1)


def test_saving_without_revealing_keeps_the_full_id(window, ctx, add, qtbot):
    member_id = add("赵敏", date(1979, 12, 31), male=False)
    number = ctx.members.get(member_id).id_number
    dialog = window.show_page("roster").open_member(member_id)
    dialog.post_edit.setText("支部书记")
    assert dialog.try_save()
    rec = ctx.members.get(member_id)
    assert rec.id_number == number and rec.post == "支部书记"


def test_history_tab_lists_status_changes(window, ctx, add):
    member_id = add("周杰", date(1970, 2, 2))
    ctx.members.record_event(member_id, EventKind.MOBILE_OUT, date(2026, 3, 1), "西安")
    ctx.members.record_event(member_id, EventKind.MOBILE_BACK, date(2026, 9, 1))
    dialog = window.show_page("roster").open_member(member_id)
    tree = dialog.history_tree
    assert tree.topLevelItemCount() == 2
    first = tree.topLevelItem(0)
    assert [first.text(i) for i in range(3)] == ["2026-03-01", EventKind.MOBILE_OUT.label, "西安"]
    # The flag set by the event shows in the form, and the destination with it.
    assert not dialog.mobile_check.isChecked()
    dialog.reject()


def test_probationary_member_has_no_full_membership_date_field(window, add):
    member_id = add("吴磊", date(1995, 5, 5), category=MemberCategory.PROBATIONARY, joined=date(2026, 3, 1))
    dialog = window.show_page("roster").open_member(member_id)
    assert not dialog.full_edit.isEnabled()
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(MemberCategory.FULL.value))
    assert dialog.full_edit.isEnabled()
    dialog.reject()
