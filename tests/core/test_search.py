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


# -- the fast path gives pypinyin's own answer -----------------------------------

def _reference_key(name: str) -> str:
    """The key as pypinyin reads it, phrase-aware, with no shortcut: the surname alone and
    the rest of the name whole, every combination spelled out (the algorithm before the
    per-character readings were remembered)."""
    import itertools

    import pypinyin
    from core.text import clean

    def readings(text):
        found = pypinyin.pinyin(text, style=pypinyin.Style.NORMAL, heteronym=True, errors=lambda s: [c.lower() for c in s])
        return tuple(tuple(dict.fromkeys(r or [""]))[:3] for r in found)

    def combinations(choices):
        base = [c[0] for c in choices]
        for surname in choices[0]:
            yield (surname, *base[1:])
        for i in range(1, len(choices)):
            for alternative in choices[i][1:]:
                for surname in choices[0]:
                    yield (surname, *base[1:i], alternative, *base[i + 1:])

    name = "".join(ch for ch in clean(name) if ch.isalnum())
    if not name:
        return ""
    choices = readings(name[0]) + (readings(name[1:]) if len(name) > 1 else ())
    keys: list[str] = []
    for combo in itertools.islice(dict.fromkeys(combinations(choices)), 8):
        for k in ("".join(s[:1] for s in combo), "".join(combo)):
            if k and k not in keys:
                keys.append(k)
    return "|".join(keys)


TRICKY = [
    "曾", "单", "解", "长", "乐", "重", "曾志伟", "单田芳", "解放", "解放军", "重庆", "长乐", "乐长", "曾长乐", "单重庆",
    "长江", "重阳", "解缙", "朝阳", "仇晓", "区永华", "朴正", "乐乐", "曾乐行", "单和行", "查良镛", "盖叫天", "缪可",
    "覃海", "尉迟恭", "万俟卨", "欧阳晓东", "司马相如", "诸葛亮亮", "阿卜杜拉·艾尼", "买买提·艾力", "热依拉·阿不都热合曼",
    "John Smith", "A1", "Ａ张", "张3", "㐀㐁", "〇", "王　伟", "张 伟", "", "·", "长长长长长长", "重重重重", "行行行",
]


def _generated_names(count: int, seed: int) -> list[str]:
    import random

    from pypinyin.constants import PHRASES_DICT

    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文斌辉鹏飞宇浩然子涵欣怡思雨晨阳佳琪俊博天佑瑞雪"
    rng = random.Random(seed)
    phrases = sorted(k for k in PHRASES_DICT if len(k) <= 3)
    han = [chr(c) for c in range(0x4E00, 0xA000)]
    names = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.35:    # as rosters have them
            name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2, 2, 3))))
        elif kind < 0.55:  # a heteronym surname before a phrase of the dictionary
            name = rng.choice("曾单解仇区朴乐长重查盖缪覃") + rng.choice(phrases)
        elif kind < 0.75:  # any characters, heteronyms and characters without pinyin too
            name = "".join(rng.choice(han) for _ in range(rng.randint(1, 5)))
        elif kind < 0.9:   # phrases next to each other, across the cut between them
            name = rng.choice(phrases) + rng.choice(phrases)
        else:              # a transliterated minority name
            name = "·".join("".join(rng.choice(han) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(2, 3)))
        names.append(name)
    return names


@pytest.mark.parametrize("name", TRICKY)
def test_tricky_names_get_pypinyins_own_key(name):
    assert pinyin_key(name) == _reference_key(name)


def test_thousands_of_names_get_pypinyins_own_key():
    names = _generated_names(4000, seed=20261120)
    assert [pinyin_key(n) for n in names] == [_reference_key(n) for n in names]


@given(st.text(alphabet=st.sampled_from("曾单解长乐重庆行和江阳放军张王李伟华国建东红·A1 "), max_size=7))
def test_any_mix_of_heteronyms_and_phrases_gets_pypinyins_own_key(name):
    assert pinyin_key(name) == _reference_key(name)
