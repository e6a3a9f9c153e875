"""Party dues (中组发〔2008〕3号《关于中国共产党党费收缴、使用和管理的规定》, DOMAIN §1): the
categories, with identifiers that never change, and the monthly amount of each.

Money is ``Decimal`` here; the database keeps integer fen. The amount is rounded, never the
base. What the superior organisation decides (rounding, the farmers' amount, the deductions
counted in the base) comes in as ``DuesRules`` and settings, never as a guess in the code."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from core.i18n import translate
from core.text import clean


class DuesCategory(StrEnum):
    IN_SERVICE = "in_service"        # 在职 (第二条)
    ANNUAL_SALARY = "annual_salary"  # 年薪制 (第三条)
    SELF_EMPLOYED = "self_employed"  # 个体经营 (第四条)
    RETIRED = "retired"              # 离退休 (第五条)
    FARMER = "farmer"                # 农民 (第六条)
    STUDENT = "student"              # 学生 (第六条)
    UNEMPLOYED = "unemployed"        # 下岗失业 (第六条)
    RELIEF = "relief"                # 依靠抚恤、救济或低保 (第六条)
    REDUCED = "reduced"              # 少交, with the superior's approval
    EXEMPT = "exempt"                # 免交, with the superior's approval

    @property
    def label(self) -> str:
        return {
            "in_service": translate("dues", "In service"),
            "annual_salary": translate("dues", "Annual salary"),
            "self_employed": translate("dues", "Self-employed"),
            "retired": translate("dues", "Retired"),
            "farmer": translate("dues", "Farmer"),
            "student": translate("dues", "Student"),
            "unemployed": translate("dues", "Laid off or unemployed"),
            "relief": translate("dues", "On relief or subsistence allowance"),
            "reduced": translate("dues", "Reduced (approved)"),
            "exempt": translate("dues", "Exempt (approved)"),
        }[self.value]


# What secretaries write in a 党费类别 column.
DUES_CATEGORY_WORDS: dict[str, DuesCategory] = {
    "在职": DuesCategory.IN_SERVICE, "在职党员": DuesCategory.IN_SERVICE, "在岗": DuesCategory.IN_SERVICE,
    "年薪制": DuesCategory.ANNUAL_SALARY, "年薪": DuesCategory.ANNUAL_SALARY,
    "个体经营": DuesCategory.SELF_EMPLOYED, "个体": DuesCategory.SELF_EMPLOYED, "个体经营者": DuesCategory.SELF_EMPLOYED,
    "离退休": DuesCategory.RETIRED, "退休": DuesCategory.RETIRED, "离休": DuesCategory.RETIRED, "离退休党员": DuesCategory.RETIRED,
    "农民": DuesCategory.FARMER, "农民党员": DuesCategory.FARMER,
    "学生": DuesCategory.STUDENT, "学生党员": DuesCategory.STUDENT,
    "下岗失业": DuesCategory.UNEMPLOYED, "下岗": DuesCategory.UNEMPLOYED, "失业": DuesCategory.UNEMPLOYED,
    "低保": DuesCategory.RELIEF, "救济": DuesCategory.RELIEF, "抚恤": DuesCategory.RELIEF,
    "依靠抚恤、救济或低保": DuesCategory.RELIEF,
    "少交": DuesCategory.REDUCED, "免交": DuesCategory.EXEMPT,
}


# -- the amounts (中组发〔2008〕3号) ------------------------------------------------------

# Rate categories: a percentage of the monthly base, applied to the *whole* base (全额, not
# progressive). Each tier is (upper bound inclusive, rate); None is "above the last bound".
IN_SERVICE_TIERS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (Decimal("3000"), Decimal("0.005")),    # ≤ 3000: 0.5% (第二条)
    (Decimal("5000"), Decimal("0.01")),     # 3000 < base ≤ 5000: 1%
    (Decimal("10000"), Decimal("0.015")),   # 5000 < base ≤ 10000: 1.5%
    (None, Decimal("0.02")),                # > 10000: 2%
)
RETIRED_TIERS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (Decimal("5000"), Decimal("0.005")),    # pension ≤ 5000: 0.5% (第五条)
    (None, Decimal("0.01")),                # > 5000: 1%
)
RATE_CATEGORIES = frozenset({DuesCategory.IN_SERVICE, DuesCategory.ANNUAL_SALARY,
                             DuesCategory.SELF_EMPLOYED, DuesCategory.RETIRED})
FIXED_CATEGORIES = frozenset({DuesCategory.FARMER, DuesCategory.STUDENT,
                              DuesCategory.UNEMPLOYED, DuesCategory.RELIEF})
APPROVED_CATEGORIES = frozenset({DuesCategory.REDUCED, DuesCategory.EXEMPT})

# 第六条: students, the laid-off or unemployed and those living on relief or 低保 pay 0.20 a month.
FIXED_MONTHLY = Decimal("0.20")
# 第六条: farmers pay 0.20–1.00 a month, the amount within that range being the branch's
# decision. The default is the lowest figure the rules allow, so that a branch which has not
# decided never asks a farmer for more than the rules require; 党费设置 changes it.
FARMER_RANGE = (Decimal("0.20"), Decimal("1.00"))
DEFAULT_FARMER_MONTHLY = Decimal("0.20")
# A single voluntary payment (第十一条) of this much or more goes entirely to the Centre.
VOLUNTARY_TO_CENTRE = Decimal("1000")

_FEN = Decimal("0.01")
_YUAN = Decimal("1")


class Rounding(StrEnum):
    """How a computed amount is rounded. No national rule exists (DOMAIN §1): the default is
    to the fen, half-up; some localities round up to whole yuan. Never the base."""
    FEN_HALF_UP = "fen_half_up"
    YUAN_UP = "yuan_up"

    @property
    def label(self) -> str:
        return {
            "fen_half_up": translate("dues", "To the fen, half up"),
            "yuan_up": translate("dues", "Up to whole yuan"),
        }[self.value]


class Deduction(StrEnum):
    """What is taken off the wage to give the base (第一条: after personal income tax; some
    localities also deduct the member's own social-insurance and housing-fund payments)."""
    INCOME_TAX = "income_tax"                          # 个人所得税
    PENSION_INSURANCE = "pension_insurance"            # 养老保险（个人缴纳）
    MEDICAL_INSURANCE = "medical_insurance"            # 医疗保险（个人缴纳）
    UNEMPLOYMENT_INSURANCE = "unemployment_insurance"  # 失业保险（个人缴纳）
    HOUSING_FUND = "housing_fund"                      # 住房公积金（个人缴纳）

    @property
    def label(self) -> str:
        return {
            "income_tax": translate("dues", "Personal income tax"),
            "pension_insurance": translate("dues", "Pension insurance (own share)"),
            "medical_insurance": translate("dues", "Medical insurance (own share)"),
            "unemployment_insurance": translate("dues", "Unemployment insurance (own share)"),
            "housing_fund": translate("dues", "Housing fund (own share)"),
        }[self.value]


DEFAULT_DEDUCTIONS: tuple[Deduction, ...] = (Deduction.INCOME_TAX,)


class DuesRuleError(ValueError):
    """An amount the rules cannot give; ``str(err)`` says why, in the user's language."""


@dataclass(frozen=True)
class Approval:
    """少交 / 免交: who approved it (the superior committee) and when, and the monthly amount
    approved (免交: zero). The amount is whatever was approved: no rate applies."""
    by: str
    on: date
    amount: Decimal = Decimal("0")


@dataclass(frozen=True)
class DuesRules:
    """The choices the national text leaves to the superior organisation."""
    rounding: Rounding = Rounding.FEN_HALF_UP
    farmer_monthly: Decimal = DEFAULT_FARMER_MONTHLY

    def __post_init__(self) -> None:
        check_farmer_monthly(self.farmer_monthly)


def check_farmer_monthly(amount: Decimal) -> Decimal:
    low, high = FARMER_RANGE
    if not isinstance(amount, Decimal) or not amount.is_finite() or not low <= amount <= high:
        raise DuesRuleError(translate("dues", "The farmers' monthly amount must be between {low} and {high} yuan").format(
            low=f"{low:.2f}", high=f"{high:.2f}"))
    return amount


def rate_for(category: DuesCategory, base: Decimal) -> Decimal:
    """The rate of a rate category for a monthly base (the whole base, DOMAIN §1)."""
    tiers = RETIRED_TIERS if category is DuesCategory.RETIRED else IN_SERVICE_TIERS
    for bound, rate in tiers:
        if bound is None or base <= bound:
            return rate
    raise AssertionError("the last tier has no bound")


def round_amount(amount: Decimal, rounding: Rounding) -> Decimal:
    if rounding is Rounding.YUAN_UP:
        return amount.quantize(_YUAN, rounding=ROUND_CEILING).quantize(_FEN)
    return amount.quantize(_FEN, rounding=ROUND_HALF_UP)


def check_base(base: Decimal | None) -> Decimal:
    """A monthly base as given: present, finite, not negative, whole fen (never rounded)."""
    if base is None:
        raise DuesRuleError(translate("dues", "This category needs the monthly base (月工资收入)"))
    if not isinstance(base, Decimal) or not base.is_finite():
        raise DuesRuleError(translate("dues", "The base is not an amount of money"))
    if base < 0:
        raise DuesRuleError(translate("dues", "The base cannot be negative"))
    if base != base.quantize(_FEN, rounding=ROUND_HALF_UP):
        raise DuesRuleError(translate("dues", "The base has fractions of a fen; give it in yuan with at most two decimals"))
    return base


def monthly_amount(category: DuesCategory, base: Decimal | None = None, rules: DuesRules = DuesRules(),
                   approval: Approval | None = None) -> Decimal:
    """What a member pays for one month.

    Rate categories need the base (年薪制: the pay actually received that month; 个体经营:
    last quarter's average monthly net income; 离退休: the pension). Fixed categories ignore
    it. 少交 / 免交 need the approval (who and when), without which nothing is computed."""
    if category in RATE_CATEGORIES:
        base = check_base(base)
        return round_amount(base * rate_for(category, base), rules.rounding)
    if category is DuesCategory.FARMER:
        return rules.farmer_monthly
    if category in FIXED_CATEGORIES:
        return FIXED_MONTHLY
    if approval is None or not approval.by.strip() or approval.on is None:
        raise DuesRuleError(translate("dues", "Reduced or exempt dues need the approving body and the date of approval"))
    if category is DuesCategory.EXEMPT:
        return Decimal("0.00")
    amount = approval.amount
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount < 0 or amount != amount.quantize(_FEN):
        raise DuesRuleError(translate("dues", "The approved amount is not an amount of money"))
    return amount.quantize(_FEN)


def parse_base(text: str) -> Decimal:
    """A base typed on the command line or in a form: 5100, 5,100.00, ５１００元."""
    cleaned = clean(text).replace(",", "").replace("元", "").replace("¥", "").replace("￥", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise DuesRuleError(translate("dues", "“{text}” is not an amount of money").format(text=text))
    return check_base(value)


def base_from_pay(*, gross: Decimal | None = None, after_tax: Decimal | None = None,
                  deductions: dict[Deduction, Decimal] | None = None,
                  counted: tuple[Deduction, ...] | frozenset[Deduction] = DEFAULT_DEDUCTIONS) -> tuple[Decimal, list[Deduction]]:
    """The base from a payroll line (第一条): the wage after the deductions the superior
    counts. ``after_tax`` (税后) already has the income tax taken off. Returns the base and
    the counted deductions the line did not give (the caller warns: the base may be high)."""
    deductions = deductions or {}
    if after_tax is not None:
        start, taken = after_tax, {Deduction.INCOME_TAX}
    elif gross is not None:
        start, taken = gross, set()
    else:
        raise DuesRuleError(translate("dues", "No wage is given"))
    missing: list[Deduction] = []
    base = start
    for d in counted:
        if d in taken:
            continue
        if d in deductions:
            base -= deductions[d]
        else:
            missing.append(d)
    if base < 0:
        raise DuesRuleError(translate("dues", "The deductions are larger than the wage"))
    return base, missing
