"""Reading roster cells: 男/女, 正式/预备, 是/否, 党籍状态, 党费类别, money."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation, ROUND_HALF_UP

import pytest
from hypothesis import given, strategies as st

from core import i18n
from core.dues import DUES_CATEGORY_WORDS, DuesCategory
from core.members import Gender, MemberCategory, PartyStanding
from core.values import (ValueProblem, parse_category, parse_dues_category, parse_gender, parse_money_fen,
                         parse_standing, parse_yes_no)


@pytest.fixture
def english():
    i18n.install("en", None)


@pytest.mark.parametrize("cell, gender", [
    ("男", Gender.MALE), ("男性", Gender.MALE), (" 男 ", Gender.MALE), ("M", Gender.MALE),
    ("女", Gender.FEMALE), ("女性", Gender.FEMALE), ("F", Gender.FEMALE),
    ("", None), (None, None),
])
def test_gender(cell, gender):
    assert parse_gender(cell) == gender


@pytest.mark.parametrize("cell", ["未知", "1", "男女", "X"])
def test_gender_that_is_neither(cell):
    with pytest.raises(ValueProblem, match="男"):
        parse_gender(cell)


@pytest.mark.parametrize("cell, category", [
    ("正式党员", MemberCategory.FULL), ("正式", MemberCategory.FULL), ("  正式党员 ", MemberCategory.FULL),
    ("预备党员", MemberCategory.PROBATIONARY), ("预备", MemberCategory.PROBATIONARY),
    ("", None), (None, None),
])
def test_member_category(cell, category):
    assert parse_category(cell) == category


@pytest.mark.parametrize("cell", ["中共党员", "积极分子", "群众"])
def test_a_category_that_is_neither_full_nor_probationary_is_refused(cell):
    # 中共党员 does not say whether the probation is over: the secretary must say.
    with pytest.raises(ValueProblem):
        parse_category(cell)


@pytest.mark.parametrize("cell, standing", [
    ("", PartyStanding.NORMAL), (None, PartyStanding.NORMAL), ("正常", PartyStanding.NORMAL),
    ("正常党籍", PartyStanding.NORMAL), ("停止党籍", PartyStanding.SUSPENDED), ("已停止党籍", PartyStanding.SUSPENDED),
])
def test_party_standing(cell, standing):
    assert parse_standing(cell) == standing


def test_unknown_standing_is_refused():
    with pytest.raises(ValueProblem):
        parse_standing("开除")


@pytest.mark.parametrize("cell, answer", [
    ("是", True), ("否", False), ("", False), (None, False), ("有", True), ("无", False),
    ("√", True), ("×", False), ("Y", True), ("N", False), ("失联", True), ("流动", True),
    ("1", True), ("0", False), (1, True), (0, False), (1.0, True), (0.0, False),
    (True, True), (False, False),  # Excel's TRUE/FALSE cells
])
def test_yes_no(cell, answer):
    assert parse_yes_no(cell) is answer


@pytest.mark.parametrize("cell", ["不知道", "2", 2, "是否"])
def test_yes_no_refuses_what_is_neither(cell):
    with pytest.raises(ValueProblem):
        parse_yes_no(cell)


@pytest.mark.parametrize("word, category", sorted(DUES_CATEGORY_WORDS.items()))
def test_every_dues_category_word(word, category):
    assert parse_dues_category(word) is category
    assert parse_dues_category(f" {word} ") is category


@pytest.mark.parametrize("category", list(DuesCategory))
def test_dues_category_by_its_identifier(category):
    assert parse_dues_category(category.value) is category


def test_dues_category_empty_and_unknown():
    assert parse_dues_category("") is None
    with pytest.raises(ValueProblem):
        parse_dues_category("公务员")


@pytest.mark.parametrize("cell, fen", [
    ("3,000.00元", 300000), ("3000", 300000), ("３０００", 300000), ("￥3,000.00", 300000), ("¥3000.5", 300050),
    ("３，０００．００元", 300000), (3000, 300000), (3000.0, 300000), (4900.5, 490050), (Decimal("5100.00"), 510000),
    ("0", 0), ("0.005", 1), ("0.004", 0), ("", None), (None, None), ("  ", None),
])
def test_money_in_fen(cell, fen):
    assert parse_money_fen(cell) == fen


@pytest.mark.parametrize("cell", ["-3000", "-0.01", -1, -0.5, "－100元"])
def test_negative_money_is_refused(cell, english):
    with pytest.raises(ValueProblem, match="negative"):
        parse_money_fen(cell)


@pytest.mark.parametrize("cell", ["三千元", "abc", "NaN", "Infinity", float("nan"), float("inf"), "3000元/月"])
def test_what_is_not_money_is_refused(cell):
    with pytest.raises(ValueProblem):
        parse_money_fen(cell)


@pytest.mark.parametrize("cell", [1e26, "1e30", 1.10105194912310e17, "99999999999999999999", 10**20, "92233720368547758.08"])
def test_amounts_too_large_to_keep_are_refused_not_a_crash(cell):
    # Once a Decimal error (not a ValueError) escaped and the import failed as a bug; beyond
    # an SQLite integer of fen the save would fail instead.
    with pytest.raises(ValueProblem):
        parse_money_fen(cell)


def test_the_largest_amount_kept_is_the_largest_sqlite_integer_of_fen():
    assert parse_money_fen("92233720368547758.07") == 2**63 - 1


@given(st.integers(0, 10**9))
def test_money_written_with_separators_reads_back(fen):
    yuan, cents = divmod(fen, 100)
    assert parse_money_fen(f"{yuan:,}.{cents:02d}元") == fen
    assert parse_money_fen(Decimal(fen) / 100) == fen


@given(st.one_of(st.integers(-10, 2**64), st.floats(allow_nan=True, allow_infinity=True),
                 st.integers(0, 2**60).map(float)))
def test_whole_numbers_read_as_the_decimal_reading_gives(number):
    # parse_money_fen takes whole yuan in a number cell straight to fen; the Decimal way must agree.
    def by_decimal(value):
        amount = Decimal(str(value))
        if not amount.is_finite() or amount < 0:
            raise ValueProblem("")
        fen = int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
        if fen > 2**63 - 1:
            raise ValueProblem("")
        return fen
    try:
        expected = by_decimal(number)
    except (ValueProblem, InvalidOperation):
        with pytest.raises(ValueProblem):
            parse_money_fen(number)
    else:
        assert parse_money_fen(number) == expected
