"""Finding the roster's columns: synonyms, decorations, title rows, any order."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from core.headers import SYNONYMS, field_for, find_header, header_key, map_header

STANDARD = ["序号", "姓名", "性别", "民族", "公民身份号码", "出生日期", "学历", "人员类别", "所在党支部",
            "加入党组织日期", "转为正式党员日期", "工作岗位", "联系电话", "家庭住址", "党籍状态",
            "失联党员", "失去联系日期", "流动党员", "外出流向"]
DATA = ["1", "张伟", "男", "汉族", "11010519491231002X", "1949-12-31", "大学", "正式党员", "第一党支部",
        "1975-07-01", "1976-07-01", "退休", "13800000000", "北京市", "正常", "否", "", "否", ""]


@pytest.mark.parametrize("field, word", [(f, w) for f, words in SYNONYMS.items() for w in words])
def test_every_synonym_names_its_field(field, word):
    assert field_for(word) == field


def test_no_synonym_is_claimed_by_two_fields():
    words = [w for ws in SYNONYMS.values() for w in ws]
    assert len(words) == len(set(words))


@pytest.mark.parametrize("cell, field", [
    ("*姓名", "name"), ("＊姓名", "name"), ("姓名*", "name"), ("姓 名", "name"), ("姓　　名", "name"),
    ("身份证号码\n(18位)", "id_number"), ("身份证号码（18位）", "id_number"),
    ("联系电话（手机）", "phone"), ("联系电话(手机)", "phone"), ("联系电话/手机", "phone"),
    ("姓名(必填)", "name"), ("入党时间：", "joined_on"), ("出生年月\n（年.月）", "birth_date"),
    ("是否失联党员（是/否）", "lost_contact"), ("现工作单位及职务", "post"),
])
def test_decorated_headers(cell, field):
    assert field_for(cell) == field


@pytest.mark.parametrize("cell", ["", None, "   ", "入党介绍人", "年龄", "党龄", "某某公司第一党支部党员基本信息花名册"])
def test_cells_that_name_no_field(cell):
    assert field_for(cell) is None


def test_header_key_strips_decorations():
    assert header_key("*身份证号码\n（必填）") == "身份证号码"


def test_the_standard_header_maps_every_column():
    mapping = map_header(STANDARD)
    assert mapping == {field: STANDARD.index(word) for field, words in SYNONYMS.items()
                       for word in words if word in STANDARD}
    assert len(mapping) == len(STANDARD)


def test_an_exact_header_wins_over_one_that_only_contains_the_word():
    # "身份证地址" contains 身份证, "紧急联系人电话" contains 电话: the real columns come later.
    row = ["姓名", "身份证地址", "紧急联系人电话", "身份证号码", "联系电话"]
    mapping = map_header(row)
    assert mapping["id_number"] == 3
    assert mapping["phone"] == 4


def test_a_repeated_field_keeps_its_first_column():
    assert map_header(["姓名", "手机", "联系电话"])["phone"] == 1


def test_header_below_title_rows_with_merged_cells():
    width = len(STANDARD)
    title = ["某某社区党委第一党支部党员花名册"] + [""] * (width - 1)  # merged: the rest show as ""
    subtitle = ["填报单位：第一党支部", "", "", "", "", "", "", "", "", "", "", "", "填报日期：2026年11月"] + [""] * (width - 13)
    blank = [None] * width
    for titles in ([title], [title, blank], [title, subtitle, blank]):
        rows = titles + [STANDARD, DATA, DATA]
        index, mapping = find_header(rows)
        assert index == len(titles)
        assert mapping["name"] == 1 and mapping["id_number"] == 4


def test_a_long_title_naming_the_columns_is_not_the_header():
    rows = [
        ["2026年党员基本信息统计表（姓名、性别、身份证号码、入党时间）", "", "", "", "联系电话："],
        ["党员姓名及身份证号码登记表", "", "", "", ""],
        ["姓名", "性别", "身份证号", "入党时间", "联系电话"],
        ["张伟", "男", "11010519491231002X", "1975.07", "13800000000"],
    ]
    index, mapping = find_header(rows)
    assert index == 2
    assert mapping == {"name": 0, "gender": 1, "id_number": 2, "joined_on": 3, "phone": 4}


def test_no_header_without_a_name_column():
    assert find_header([["性别", "身份证号", "入党时间"], ["男", "1", "2"]]) is None
    assert find_header([["姓名"], ["张伟"]]) is None  # a name alone could be anything
    assert find_header([]) is None


def test_the_header_is_looked_for_in_the_first_rows_only():
    rows = [[""] * 3 for _ in range(20)] + [["姓名", "性别", "民族"]]
    assert find_header(rows) is None
    assert find_header(rows, look_at=25)[0] == 20


# -- any order ---------------------------------------------------------------------

DECORATIONS = [lambda w: w, lambda w: "*" + w, lambda w: w + "\n(必填)", lambda w: w + "（选填）", lambda w: " " + w + "："]


@st.composite
def headers(draw):
    fields = draw(st.lists(st.sampled_from(sorted(SYNONYMS)), min_size=2, max_size=len(SYNONYMS), unique=True))
    if "name" not in fields:
        fields.append("name")
    cells = [draw(st.sampled_from(DECORATIONS))(draw(st.sampled_from(SYNONYMS[f]))) for f in fields]
    return fields, cells


@given(headers(), st.randoms(use_true_random=False))
def test_shuffled_columns_map_to_the_same_fields(header, rnd):
    fields, cells = header
    order = list(range(len(cells)))
    rnd.shuffle(order)
    shuffled = [cells[i] for i in order]
    rows = [["党员花名册"] + [""] * (len(cells) - 1), shuffled]
    index, mapping = find_header(rows)
    assert index == 1
    assert mapping == {fields[i]: order.index(i) for i in range(len(fields))}
