"""Roster search: the name, its pinyin initials or spelling (heteronym surnames too), the ID tail."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from core.search import matches, normalise_query, pinyin_key
from core.text import clean_name


def finds(query: str, name: str, id_number: str | None = None) -> bool:
    name = clean_name(name)
    return matches(normalise_query(query), name, pinyin_key(name), id_number)


def test_pinyin_key_holds_initials_and_full_spelling():
    keys = pinyin_key("张伟").split("|")
    assert "zw" in keys and "zhangwei" in keys


@pytest.mark.parametrize("query", ["zw", "ZW", "zhangwei", "zhang", "wei", "zhang wei", "张", "伟", "张伟", "张 伟"])
def test_zhang_wei_is_found(query):
    assert finds(query, "张伟")


@pytest.mark.parametrize("query", ["ll", "lina", "wf", "李", "zx"])
def test_zhang_wei_is_not_found_by_other_names(query):
    assert not finds(query, "张伟")


@pytest.mark.parametrize("name, queries", [
    ("曾志伟", ["zzw", "czw", "zengzhiwei", "cengzhiwei"]),
    ("单田芳", ["stf", "dtf", "shantianfang", "dantianfang"]),
    ("解放", ["xf", "xiefang", "jf"]),           # surname 解 (Xiè), not the word 解放 (jiěfàng)
    ("仇晓", ["qx", "qiuxiao"]),
    ("区永华", ["oyh", "ouyonghua"]),
    ("朴正", ["pz", "piaozheng"]),
    ("乐乐", ["yl", "yuele"]),
])
def test_heteronym_surnames_are_found_by_every_reading(name, queries):
    for query in queries:
        assert finds(query, name), query


@pytest.mark.parametrize("name, query", [
    ("曾乐行", "zengyuexing"),   # surname and given name both heteronyms
    ("曾乐行", "zyx"),
    ("单和行", "shanhexing"),
    ("单和行", "shx"),
])
def test_a_surname_reading_is_not_crowded_out_by_the_given_name(name, query):
    assert finds(query, name)


def test_names_with_a_middle_dot():
    name = "阿卜杜拉·艾尼"
    for query in ["阿卜杜拉", "艾尼", "阿卜杜拉·艾尼", "阿卜杜拉•艾尼", "阿卜杜拉・艾尼", "abdl"]:
        assert finds(query, name), query


def test_latin_names():
    assert finds("john", "John Smith")
    assert finds("smith", "John Smith")


@pytest.mark.parametrize("query, found", [
    ("002X", True), ("002x", True), ("02x", True), ("2x", False), ("x", False),
    ("1231002x", True), ("1949", False), ("0071", False),
])
def test_id_number_tail(query, found):
    assert finds(query, "王芳", "11010519491231002X") is found


def test_the_id_number_is_not_searched_when_there_is_none():
    assert not finds("002x", "王芳", None)
    assert not finds("002x", "王芳", "")


def test_an_empty_query_matches_everyone():
    assert finds("", "张伟") and finds("   ", "张伟")


def test_key_of_nothing():
    assert pinyin_key("") == "" and pinyin_key("  ·") == ""


@given(st.text(alphabet="张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华",
               min_size=2, max_size=4))
def test_every_name_is_found_by_itself_its_initials_and_its_surname(name):
    key = pinyin_key(name)
    initials = key.split("|")[0]
    assert len(initials) == len(name)
    assert finds(name, name)
    assert finds(initials, name)
    assert finds(name[0], name)
