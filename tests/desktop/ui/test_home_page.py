"""The home page lists what needs doing and opens the member behind each entry."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from core.members import MemberCategory
from desktop.ui.member_dialog import MemberDialog


def _texts(section) -> list[str]:
    return [section.list.item(i).text() for i in range(section.list.count())]


def test_empty_branch_says_so_kindly(window):
    home = window.pages["home"]
    for section in (home.conversion, home.birthdays, home.incomplete):
        assert not section.list.isVisible() and section.empty.isVisible()
    assert home.conversion.empty.text() == "No probationary member is due to become a full member in the next 30 days."
    assert home.headcount_label.text() == "0 members on the roll: 0 full members, 0 probationary"


def test_reminders_and_click_opens_the_member(ctx, add, qtbot):
    # Today is 2026-11-20 (tests/conftest.py). Probation ends 2026-12-05: 15 days left.
    due = add("李强", date(1995, 1, 15), category=MemberCategory.PROBATIONARY, joined=date(2025, 12, 5))
    add("王芳", date(1970, 6, 2), male=False, joined=date(1996, 11, 12), group="第二党小组")
    incomplete = add("赵敏", date(1979, 12, 31), male=False, joined=date(2005, 3, 1), phone="", address="")
    from desktop.ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    home = window.pages["home"]
    assert _texts(home.conversion) == ["李强 — joined 2025-12-05, probation ends 2026-12-05 (15 days left)"]
    assert _texts(home.birthdays) == ["11/12 — 王芳, 30 years since joining the Party"]
    assert len(_texts(home.incomplete)) == 1 and _texts(home.incomplete)[0].startswith("赵敏 — missing: ")
    assert "联系电话" in _texts(home.incomplete)[0]
    assert home.headcount_label.text() == "3 members on the roll: 2 full members, 1 probationary"
    assert "第二党小组: 1" in home.groups_label.text()

    item = home.conversion.list.item(0)
    rect = home.conversion.list.visualItemRect(item)
    qtbot.mouseClick(home.conversion.list.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.current_page() == "roster"
    roster = window.pages["roster"]
    assert isinstance(roster.dialog, MemberDialog) and roster.dialog.member_id == due
    assert roster.selected_row().id == due

    # Completing the record from that dialog takes the reminder away when home is shown again.
    roster.dialog.reject()
    dialog = window.open_member(incomplete)
    dialog.phone_edit.setText("13800000000")
    dialog.address_edit.setText("汉中市汉台区")
    assert dialog.try_save()
    window.show_page("home")
    assert home.incomplete.empty.isVisible()
    assert _texts(home.incomplete) == []


def test_overdue_conversion_says_how_late(ctx, add, qtbot):
    add("吴磊", date(1995, 5, 5), category=MemberCategory.PROBATIONARY, joined=date(2025, 11, 10))
    from desktop.ui.home_page import HomePage
    home = HomePage(ctx)
    qtbot.addWidget(home)
    assert _texts(home.conversion) == ["吴磊 — joined 2025-11-10, probation ends 2026-11-10 (10 days overdue)"]
