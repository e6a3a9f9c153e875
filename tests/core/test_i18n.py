"""The Qt-free translation: reading a Qt Linguist .ts, translating, placeholders."""
from __future__ import annotations

import pytest

from core import i18n

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>members</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>{name} is no longer on the roll ({status})</source>
        <translation>{name}已不在册（{status}）</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation type="unfinished">还没</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation type="vanished">走了</translation>
    </message>
    <message>
        <source>Old</source>
        <translation type="obsolete">旧</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation></translation>
    </message>
    <message>
        <source>Exported {n} members to {file}</source>
        <translation>已导出 {count} 名党员到 {file}</translation>
    </message>
    <message>
        <source>Broken {n}</source>
        <translation>坏的 {n</translation>
    </message>
</context>
<context>
    <name>dues</name>
    <message>
        <source>Name</source>
        <translation>户名</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def ts(tmp_path):
    path = tmp_path / "test_zh_CN.ts"
    path.write_text(TS, encoding="utf-8")
    return path


def test_load_ts_reads_finished_translations_by_context(ts):
    catalog = i18n.load_ts(ts)
    assert catalog[("members", "Name")] == "姓名"
    assert catalog[("dues", "Name")] == "户名"  # the same source means different things in two places
    assert catalog[("members", "{name} is no longer on the roll ({status})")] == "{name}已不在册（{status}）"


@pytest.mark.parametrize("source", ["Not done yet", "Gone", "Old", "Empty"])
def test_unfinished_obsolete_and_empty_translations_are_left_out(ts, source):
    assert ("members", source) not in i18n.load_ts(ts)


def test_a_translation_with_other_placeholders_is_left_out(ts):
    # {count} instead of {n} would crash .format() in front of the user: English instead.
    catalog = i18n.load_ts(ts)
    assert ("members", "Exported {n} members to {file}") not in catalog
    assert ("members", "Broken {n}") not in catalog
    i18n.install("zh_CN", ts)
    text = i18n.translate("members", "Exported {n} members to {file}").format(n=3, file="a.xlsx")
    assert text == "Exported 3 members to a.xlsx"


def test_translate_answers_in_the_installed_language(ts):
    i18n.install("zh_CN", ts)
    assert i18n.language() == "zh_CN"
    assert i18n.translate("members", "Name") == "姓名"
    assert i18n.translate("dues", "Name") == "户名"
    assert i18n.translate("members", "Not done yet") == "Not done yet"  # falls back to the source
    assert i18n.translate("nowhere", "Name") == "Name"
    i18n.install("en", ts)
    assert i18n.language() == "en"
    assert i18n.translate("members", "Name") == "Name"


def test_a_missing_catalog_falls_back_to_english(tmp_path):
    i18n.install("zh_CN", tmp_path / "absent.ts")
    assert i18n.translate("members", "Name") == "Name"
    i18n.install("zh_CN", None)
    assert i18n.translate("members", "Name") == "Name"


@pytest.mark.parametrize("text, names", [
    ("plain", set()),
    ("{name} is no longer on the roll ({status})", {"name", "status"}),
    ("{n:>3} of {n}", {"n"}),
    ("{{literal}} {x}", {"x"}),
    ("{0} and {1}", {"0", "1"}),
])
def test_placeholders(text, names):
    assert i18n.placeholders(text) == names


def test_chinese_is_the_default():
    assert i18n.DEFAULT_LANGUAGE == "zh_CN"
    assert set(i18n.LANGUAGES) == {"zh_CN", "en"}
