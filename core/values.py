"""Reading roster cell values: 男/女, 正式/预备, 是/否, 党籍状态, 党费类别, money."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation, ROUND_HALF_UP

from core.dues import DUES_CATEGORY_WORDS, DuesCategory
from core.i18n import translate
from core.members import Gender, MemberCategory, PartyStanding
from core.text import clean


class ValueProblem(ValueError):
    pass


def parse_gender(value: object) -> Gender | None:
    text = clean(value)
    if not text:
        return None
    if text in ("男", "男性", "M", "m", "male", "Male"):
        return Gender.MALE
    if text in ("女", "女性", "F", "f", "female", "Female"):
        return Gender.FEMALE
    raise ValueProblem(translate("values", "The gender “{text}” is neither 男 nor 女").format(text=text))


def parse_category(value: object) -> MemberCategory | None:
    text = clean(value)
    if not text:
        return None
    if text.startswith("正式"):
        return MemberCategory.FULL
    if text.startswith("预备"):
        return MemberCategory.PROBATIONARY
    raise ValueProblem(translate("values", "The member category “{text}” is neither 正式党员 nor 预备党员").format(text=text))


def parse_standing(value: object) -> PartyStanding:
    text = clean(value)
    if not text or text in ("正常", "正常党籍"):
        return PartyStanding.NORMAL
    if "停止" in text:
        return PartyStanding.SUSPENDED
    raise ValueProblem(translate("values", "The membership standing “{text}” is neither 正常 nor 停止党籍").format(text=text))


_YES = {"是", "有", "Y", "y", "yes", "Yes", "√", "✓", "1", "失联", "流动"}
_NO = {"否", "无", "N", "n", "no", "No", "×", "0", "", "-", "/"}


def parse_yes_no(value: object) -> bool:
    if isinstance(value, bool):  # an Excel TRUE/FALSE cell
        return value
    if isinstance(value, (int, float)) and value in (0, 1):  # 1/0 in a number cell, read as 1.0
        return bool(value)
    text = clean(value)
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueProblem(translate("values", "“{text}” should be 是 or 否").format(text=text))


def parse_dues_category(value: object) -> DuesCategory | None:
    text = clean(value)
    if not text:
        return None
    if text in DUES_CATEGORY_WORDS:
        return DUES_CATEGORY_WORDS[text]
    try:
        return DuesCategory(text)
    except ValueError:
        raise ValueProblem(translate("values", "The dues category “{text}” is not one of the categories of the dues rules").format(text=text)) from None


def parse_money_fen(value: object) -> int | None:
    """Yuan as typed (3,000.00 / ３０００ / 3000元) to integer fen, half-up."""
    if value is None:
        return None
    if (value.__class__ is int or value.__class__ is float and value.is_integer()) and 0 <= value <= _MAX_WHOLE_YUAN:
        return int(value) * 100  # whole yuan in a number cell, as most bases are: what the Decimals below give
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        text = clean(value).replace(",", "").replace("元", "").replace("¥", "").replace("￥", "").strip()
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueProblem(translate("values", "“{text}” is not an amount of money").format(text=text)) from None
    if not amount.is_finite():
        raise ValueProblem(translate("values", "“{text}” is not an amount of money").format(text=value))
    if amount < 0:
        raise ValueProblem(translate("values", "An amount cannot be negative"))
    try:
        fen = int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    except InvalidOperation:  # more digits than a Decimal holds (1e26): no amount anyone pays
        fen = _MAX_FEN + 1
    if fen > _MAX_FEN:
        # Beyond what an SQLite integer holds, the save itself would fail (an ID number pasted
        # as a number into 缴费基数 is 1.1e17 yuan): it is refused here, with the others.
        raise ValueProblem(translate("values", "“{text}” is not an amount of money").format(text=value))
    return fen


_MAX_FEN = 2**63 - 1
_MAX_WHOLE_YUAN = min(_MAX_FEN // 100, 2**53)  # (every whole float up to 2**53 is exact)
