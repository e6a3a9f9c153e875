"""The roster model: a plain list behind QAbstractTableModel, filtered and sorted in Python."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from core.members import EventKind, MemberCategory
from desktop.ui.roster_model import (COL_BIRTH, COL_FULL, COL_ID, COL_NAME, COL_STATUS, MEMBER_ID_ROLE, SORT_ROLE,
                                     STATUS_LOST, RosterFilter, RosterModel)


def _names(model: RosterModel) -> list[str]:
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def _roster(ctx, add):
    ids = {
        "张伟": add("张伟", date(1980, 3, 1), seq=1),
        "王芳": add("王芳", date(1985, 6, 2), male=False, seq=2, group="第二党小组"),
        "李强": add("李强", date(1990, 1, 15), seq=3, category=MemberCategory.PROBATIONARY, joined=date(2026, 1, 5)),
        "艾力": add("艾力", date(1975, 9, 9), seq=4, group=""),
    }
    return ids


def test_model_passes_qtmodeltester(qtmodeltester, ctx, add):
    _roster(ctx, add)
    model = RosterModel()
    model.set_rows(ctx.members.roster())
    qtmodeltester.check(model)
    model.set_filter(RosterFilter(query="zw"))
    qtmodeltester.check(model)
    model.sort(COL_BIRTH, Qt.DescendingOrder)
    qtmodeltester.check(model)


def test_id_number_column_is_masked_and_full_number_is_nowhere_in_the_model(ctx, add):
    _roster(ctx, add)
    model = RosterModel()
    rows = ctx.members.roster()
    model.set_rows(rows)
    full = {r.id_number for r in rows}
    for r in range(model.rowCount()):
        shown = model.index(r, COL_ID).data()
        assert "********" in shown
        for c in range(model.columnCount()):
            for role in (Qt.DisplayRole, Qt.ToolTipRole, SORT_ROLE):
                assert model.index(r, c).data(role) not in full


def test_filter_by_initials_by_id_tail_category_and_group(ctx, add):
    ids = _roster(ctx, add)
    model = RosterModel()
    rows = ctx.members.roster()
    model.set_rows(rows)
    assert model.rowCount() == 4
    model.set_filter(RosterFilter(query="zw"))
    assert _names(model) == ["张伟"]
    tail = next(r.id_number for r in rows if r.id == ids["王芳"])[-4:]
    model.set_filter(RosterFilter(query=tail))
    assert _names(model) == ["王芳"]
    model.set_filter(RosterFilter(category=MemberCategory.PROBATIONARY.value))
    assert _names(model) == ["李强"]
    model.set_filter(RosterFilter(group="第二党小组"))
    assert _names(model) == ["王芳"]
    model.set_filter(RosterFilter(group=""))  # members in no group
    assert _names(model) == ["艾力"]


def test_sort_by_pinyin_and_dates_with_empty_last(ctx, add):
    _roster(ctx, add)
    model = RosterModel()
    model.set_rows(ctx.members.roster())
    model.sort(COL_NAME, Qt.AscendingOrder)
    # ai li, li qiang, wang fang, zhang wei — pinyin order, not code-point order.
    assert _names(model) == ["艾力", "李强", "王芳", "张伟"]
    model.sort(COL_NAME, Qt.DescendingOrder)
    assert _names(model) == ["张伟", "王芳", "李强", "艾力"]
    model.sort(COL_FULL, Qt.AscendingOrder)
    assert _names(model)[-1] == "李强"  # probationary: no date, last
    model.sort(COL_FULL, Qt.DescendingOrder)
    assert _names(model)[-1] == "李强"  # still last the other way round
    model.sort(-1)
    assert _names(model) == [r.name for r in ctx.members.roster()]  # the service's order again


def test_former_members_hidden_greyed_and_shown_on_request(ctx, add):
    ids = _roster(ctx, add)
    ctx.members.record_event(ids["王芳"], EventKind.TRANSFER_OUT, date(2026, 10, 1))
    ctx.members.record_event(ids["张伟"], EventKind.LOST_CONTACT, date(2026, 9, 1))
    model = RosterModel()
    model.set_rows(ctx.members.roster())
    assert "王芳" not in _names(model)
    assert model.total_in_scope() == 3
    model.set_filter(RosterFilter(show_former=True))
    assert model.total_in_scope() == 4
    row = _names(model).index("王芳")
    assert model.index(row, COL_STATUS).data() == "已转出"
    assert model.index(row, COL_NAME).data(Qt.ForegroundRole) is not None
    assert model.index(row, COL_NAME).data(MEMBER_ID_ROLE) == ids["王芳"]
    row = _names(model).index("张伟")
    assert model.index(row, COL_NAME).data(Qt.ForegroundRole) is None
    assert "在册" in model.index(row, COL_STATUS).data()
    model.set_filter(RosterFilter(status=STATUS_LOST))
    assert _names(model) == ["张伟"]
    # Asking for transferred-out members shows them even with former members hidden.
    model.set_filter(RosterFilter(status="transferred_out"))
    assert _names(model) == ["王芳"]
