"""Normalising what people type: full-width forms, names padded with spaces, minority-name dots."""
from __future__ import annotations

import pytest

from core.text import clean, clean_name, is_blank


@pytest.mark.parametrize("typed", ["张  伟", "张 伟", " 张伟 ", "张\u3000伟", "张\t伟", "\u3000张伟\u3000"])
def test_spaces_that_line_up_printed_names_are_not_part_of_the_name(typed):
    assert clean_name(typed) == "张伟"


def test_three_character_names_lose_their_spaces_too():
    assert clean_name("欧 阳 娜 娜") == "欧阳娜娜"


@pytest.mark.parametrize("typed", [
    "阿卜杜拉·艾尼", "阿卜杜拉・艾尼", "阿卜杜拉•艾尼", "阿卜杜拉．艾尼", "阿卜杜拉.艾尼",
    "阿卜杜拉‧艾尼", "阿卜杜拉∙艾尼", "阿卜杜拉･艾尼", "阿卜杜拉⋅艾尼", "阿卜杜拉 · 艾尼",
])
def test_the_dot_in_a_minority_name_is_always_the_same_character(typed):
    assert clean_name(typed) == "阿卜杜拉·艾尼"


def test_latin_names_keep_single_spaces_and_their_full_stops():
    assert clean_name("  John   Smith ") == "John Smith"
    assert clean_name("Ｊｏｈｎ　Ｓｍｉｔｈ") == "John Smith"
    # An initial's full stop is not a minority-name separator.
    assert clean_name("Mary J. Blige") == "Mary J. Blige"


def test_full_width_forms_become_ordinary_ones():
    assert clean("ＡＢＣ１２３") == "ABC123"
    assert clean("（手机）") == "(手机)"
    assert clean("３，０００．００") == "3,000.00"


def test_clean_folds_inner_whitespace_and_trims():
    assert clean("  a \n\t b  ") == "a b"
    assert clean(None) == ""
    assert clean(12) == "12"


@pytest.mark.parametrize("value, blank", [(None, True), ("", True), ("  \u3000\n", True), ("0", False), (0, False)])
def test_is_blank(value, blank):
    assert is_blank(value) is blank
