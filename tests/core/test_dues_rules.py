"""The dues rules of DOMAIN §1 (中组发〔2008〕3号): every vector, and the shape of the tiers as
properties — monotone within a tier, a jump at each boundary, rounding on the amount only."""
from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, Decimal

import pytest
from hypothesis import given, strategies as st

from core.dues import (APPROVED_CATEGORIES, FIXED_CATEGORIES, IN_SERVICE_TIERS, RATE_CATEGORIES, RETIRED_TIERS,
                       Approval, Deduction, DuesCategory, DuesRuleError, DuesRules, Rounding, base_from_pay,
                       check_farmer_monthly, monthly_amount, parse_base, rate_for)

D = Decimal
FEN = D("0.01")


# -- DOMAIN §1 vectors ------------------------------------------------------------------

@pytest.mark.parametrize("base,amount", [
    ("3000.00", "15.00"), ("3000.01", "30.00"), ("4900", "49.00"), ("5100", "76.50"),
    ("10000", "150.00"), ("10000.01", "200.00"),
])
def test_in_service_vectors(base, amount):
    assert monthly_amount(DuesCategory.IN_SERVICE, D(base)) == D(amount)
    assert str(monthly_amount(DuesCategory.IN_SERVICE, D(base))) == amount  # two decimals, as printed


@pytest.mark.parametrize("base,amount", [("4800", "24.00"), ("6000", "60.00")])
def test_retired_vectors(base, amount):
    assert monthly_amount(DuesCategory.RETIRED, D(base)) == D(amount)


@pytest.mark.parametrize("base,amount", [("5000", "50.00"), ("245000", "4900.00")])
def test_annual_salary_vectors_use_the_pay_of_that_month(base, amount):
    assert monthly_amount(DuesCategory.ANNUAL_SALARY, D(base)) == D(amount)


@pytest.mark.parametrize("category", [DuesCategory.STUDENT, DuesCategory.UNEMPLOYED, DuesCategory.RELIEF])
def test_fixed_amount_ignores_the_base(category):
    assert monthly_amount(category) == D("0.20")
    assert monthly_amount(category, D("99999")) == D("0.20")


def test_farmers_pay_what_the_branch_decided_within_the_range():
    assert monthly_amount(DuesCategory.FARMER) == D("0.20")  # default: the lowest allowed
    assert monthly_amount(DuesCategory.FARMER, D("3000"), DuesRules(farmer_monthly=D("1.00"))) == D("1.00")
    for bad in (D("0.19"), D("1.01"), D("0"), D("-1"), D("NaN")):
        with pytest.raises(DuesRuleError, match="0.20"):
            DuesRules(farmer_monthly=bad)
    assert check_farmer_monthly(D("0.50")) == D("0.50")


def test_self_employed_uses_the_in_service_rates():
    assert monthly_amount(DuesCategory.SELF_EMPLOYED, D("5100")) == D("76.50")


def test_reduced_and_exempt_need_the_approval():
    for category in APPROVED_CATEGORIES:
        with pytest.raises(DuesRuleError, match="批准机关和批准日期"):
            monthly_amount(category, D("5000"))
        with pytest.raises(DuesRuleError):
            monthly_amount(category, approval=Approval(by="  ", on=date(2026, 1, 5), amount=D("1")))
    approval = Approval(by="中共某街道工委", on=date(2026, 1, 5), amount=D("5.00"))
    assert monthly_amount(DuesCategory.REDUCED, D("9000"), approval=approval) == D("5.00")
    assert monthly_amount(DuesCategory.EXEMPT, approval=approval) == D("0.00")
    with pytest.raises(DuesRuleError):
        monthly_amount(DuesCategory.REDUCED, approval=Approval("工委", date(2026, 1, 5), D("-1")))


def test_the_base_is_never_rounded_and_never_negative():
    with pytest.raises(DuesRuleError):
        monthly_amount(DuesCategory.IN_SERVICE, D("-0.01"))
    with pytest.raises(DuesRuleError):
        monthly_amount(DuesCategory.IN_SERVICE, None)
    # 3000.004 is not an amount of money: refused rather than rounded into the lower tier.
    with pytest.raises(DuesRuleError, match="不足一分"):
        monthly_amount(DuesCategory.IN_SERVICE, D("3000.004"))
    assert monthly_amount(DuesCategory.IN_SERVICE, D("0")) == D("0.00")


@pytest.mark.parametrize("text,value", [("5100", "5100"), ("5,100.00", "5100.00"), ("５１００元", "5100"), (" 3000.5 ", "3000.5")])
def test_parse_base(text, value):
    assert parse_base(text) == D(value)


@pytest.mark.parametrize("text", ["abc", "", "-5", "NaN", "Infinity", "1e400x", "3000.001"])
def test_parse_base_refuses(text):
    with pytest.raises(DuesRuleError):
        parse_base(text)


def test_rounding_setting_rounds_the_amount_up_to_whole_yuan():
    up = DuesRules(rounding=Rounding.YUAN_UP)
    assert monthly_amount(DuesCategory.IN_SERVICE, D("5100"), up) == D("77.00")
    assert monthly_amount(DuesCategory.IN_SERVICE, D("3000"), up) == D("15.00")
    assert monthly_amount(DuesCategory.IN_SERVICE, D("3001"), up) == D("31.00")  # 30.01 → 31
    # Fixed amounts are amounts, not computations: never rounded up to a yuan.
    assert monthly_amount(DuesCategory.STUDENT, rules=up) == D("0.20")
    # Half-up to the fen: 0.5% of 1234.50 = 6.1725 → 6.17; of 1234.90 = 6.1745 → 6.17; of 1235.00 = 6.175 → 6.18.
    assert monthly_amount(DuesCategory.IN_SERVICE, D("1234.50")) == D("6.17")
    assert monthly_amount(DuesCategory.IN_SERVICE, D("1235.00")) == D("6.18")


def test_base_from_pay_counts_the_set_deductions():
    assert base_from_pay(after_tax=D("5100")) == (D("5100"), [])
    assert base_from_pay(gross=D("6000"), deductions={Deduction.INCOME_TAX: D("90")}) == (D("5910"), [])
    # The tax column is missing: the base is the gross, and the caller is told.
    assert base_from_pay(gross=D("6000")) == (D("6000"), [Deduction.INCOME_TAX])
    counted = (Deduction.INCOME_TAX, Deduction.PENSION_INSURANCE, Deduction.HOUSING_FUND)
    assert base_from_pay(after_tax=D("5000"), deductions={Deduction.PENSION_INSURANCE: D("400")}, counted=counted) == (
        D("4600"), [Deduction.HOUSING_FUND])
    with pytest.raises(DuesRuleError):
        base_from_pay(gross=D("100"), deductions={Deduction.INCOME_TAX: D("200")})
    with pytest.raises(DuesRuleError):
        base_from_pay()


# -- properties ---------------------------------------------------------------------------

money = st.integers(min_value=0, max_value=50_000_000).map(lambda fen: D(fen) / 100)
rate_categories = st.sampled_from(sorted(RATE_CATEGORIES))
roundings = st.sampled_from(list(Rounding))


def _tiers(category):
    return RETIRED_TIERS if category is DuesCategory.RETIRED else IN_SERVICE_TIERS


def _tier_index(category, base):
    for i, (bound, _) in enumerate(_tiers(category)):
        if bound is None or base <= bound:
            return i
    raise AssertionError


@given(rate_categories, money, money, roundings)
def test_monotone_within_a_tier(category, a, b, rounding):
    low, high = sorted((a, b))
    rules = DuesRules(rounding=rounding)
    if _tier_index(category, low) == _tier_index(category, high):
        assert monthly_amount(category, low, rules) <= monthly_amount(category, high, rules)


@given(rate_categories, money, roundings)
def test_never_decreases_overall(category, base, rounding):
    # Whole-base rates with rising tiers: one fen more never costs less (the jump goes up).
    rules = DuesRules(rounding=rounding)
    assert monthly_amount(category, base, rules) <= monthly_amount(category, base + FEN, rules)


@pytest.mark.parametrize("category", sorted(RATE_CATEGORIES))
def test_the_jump_at_each_boundary(category):
    tiers = _tiers(category)
    for (bound, rate), (_, next_rate) in zip(tiers, tiers[1:]):
        at = monthly_amount(category, bound)
        above = monthly_amount(category, bound + FEN)
        assert at == (bound * rate).quantize(FEN)
        assert above == ((bound + FEN) * next_rate).quantize(FEN)
        # The whole base moves to the next rate: the jump is the rate difference on the whole bound.
        assert above - at >= (bound * (next_rate - rate)).quantize(FEN)
        assert rate_for(category, bound) == rate and rate_for(category, bound + FEN) == next_rate


@given(rate_categories, money)
def test_amount_is_the_whole_base_times_its_rate_rounded_half_up(category, base):
    expected = base * rate_for(category, base)
    amount = monthly_amount(category, base)
    assert amount == amount.quantize(FEN)
    assert abs(amount - expected) <= D("0.005")


@given(rate_categories, money)
def test_rounding_up_to_yuan_is_the_ceiling_of_the_exact_amount(category, base):
    exact = base * rate_for(category, base)
    up = monthly_amount(category, base, DuesRules(rounding=Rounding.YUAN_UP))
    assert up == exact.quantize(D("1"), rounding=ROUND_CEILING)
    assert up >= monthly_amount(category, base)
    assert up - exact < 1


@given(st.sampled_from(sorted(FIXED_CATEGORIES)), money, roundings)
def test_fixed_categories_never_depend_on_the_base(category, base, rounding):
    rules = DuesRules(rounding=rounding)
    assert monthly_amount(category, base, rules) == monthly_amount(category, None, rules)


def test_labels_are_chinese():
    assert DuesCategory.RETIRED.label == "离退休"
    assert Rounding.YUAN_UP.label != Rounding.YUAN_UP.value
