"""姓氏笔画: stroke counts from Unihan, ties by the strokes' order (横竖撇点折), then the next
characters."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from core import stroke_table
from core.strokes import (by_surname_strokes, char_key, first_stroke, is_sorted, name_key, stroke_order, strokes_label,
                          total_strokes)


@pytest.mark.parametrize("char, count", [
    ("丁", 2), ("王", 4), ("李", 7), ("张", 7), ("張", 11), ("刘", 6), ("陈", 7), ("欧", 8), ("马", 3),
    ("于", 3), ("万", 3), ("一", 1), ("黄", 11), ("赵", 9), ("周", 8), ("吴", 7), ("孙", 6), ("郑", 8),
    ("达", 6), ("龘", 48), ("叶", 5), ("葉", 12),
])
def test_well_known_counts(char, count):
    assert total_strokes(char) == count


def test_first_strokes():
    assert [first_stroke(c) for c in "王丨丿文马"] == ["横", "竖", "撇", "点", "折"]
    assert stroke_order("王") == "1121"
    assert stroke_order("張") is None  # orders are kept for GB 2312 only
    assert first_stroke("張") is None


def test_no_count_for_what_is_not_a_han_character():
    assert total_strokes("A") is None
    assert total_strokes("·") is None
    with pytest.raises(ValueError):
        total_strokes("王五")


def test_fewest_strokes_first():
    assert by_surname_strokes(["李四", "王五", "丁一", "欧阳明", "马力"]) == ["丁一", "马力", "王五", "李四", "欧阳明"]


def test_equal_counts_by_the_strokes_in_order():
    # 于 (横横竖) 万 (横折撇) 马 (折折横): all 3 strokes.
    assert by_surname_strokes(["马云", "万里", "于海"]) == ["于海", "万里", "马云"]
    # 王 (起笔横) before 贝 (起笔竖), 4 strokes each; 李 (横) 张 (折) 陈 (折; 5153… < 5215…), 7 each.
    assert by_surname_strokes(["贝多", "王五"]) == ["王五", "贝多"]
    assert by_surname_strokes(["陈平", "张三", "李四"]) == ["李四", "张三", "陈平"]


def test_the_same_surname_goes_by_the_given_name():
    assert by_surname_strokes(["张小", "张三丰", "张三", "张一"]) == ["张一", "张三", "张三丰", "张小"]


def test_compound_surname_is_its_first_character_then_the_next():
    # 欧阳 sorts as 欧 (8) then 阳 (6); 欧 with a given name of fewer strokes comes first.
    assert by_surname_strokes(["欧阳明", "欧小", "林一"]) == ["林一", "欧小", "欧阳明"]
    assert strokes_label("欧阳明") == "欧 8"


def test_traditional_form_counts_its_own_strokes():
    assert by_surname_strokes(["張飞", "张飞"]) == ["张飞", "張飞"]


def test_spaces_and_middle_dots_are_ignored_and_unknown_characters_go_last():
    assert name_key("阿不都·热合曼") == name_key("阿不都热合曼")
    assert by_surname_strokes(["Smith", "王五"]) == ["王五", "Smith"]


def test_different_characters_never_tie():
    # 己 已 巳: three strokes, the same kind of strokes in the same order.
    keys = {char_key(c) for c in "己已巳"}
    assert len(keys) == 3


def test_the_table_covers_the_common_characters():
    blocks = dict(stroke_table.BLOCKS)
    assert set(blocks) == {0x3400, 0x4E00, 0xF900}
    common = [bytes((hi, lo)).decode("gb2312") for hi in range(0xB0, 0xF8) for lo in range(0xA1, 0xFF)
              if not (hi == 0xD7 and lo > 0xF9)]
    assert len(common) == 6763
    assert all(total_strokes(c) for c in common)
    assert all(stroke_order(c) for c in common)


@given(st.lists(st.text(alphabet="丁王李张張刘陈欧阳马于万贝三小一二·A", min_size=1, max_size=4), max_size=12))
def test_sorting_is_a_total_order(names):
    ordered = by_surname_strokes(names)
    assert is_sorted(ordered)
    assert sorted(ordered) == sorted(names)
    assert by_surname_strokes(list(reversed(names))) == ordered or len({name_key(n) for n in names}) < len(set(names))
