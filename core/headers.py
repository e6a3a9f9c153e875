"""Finding the roster's columns in the spreadsheets secretaries already keep.

Headers come in any order, with synonyms (身份证号 / 公民身份号码), decorations (*必填,
line breaks, full-width brackets) and title rows above them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from core.text import clean

# field -> the words people put in the header cell; the first is the standard (党员基本信息采集表).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "党员姓名", "名字"),
    "gender": ("性别",),
    "ethnicity": ("民族",),
    "id_number": ("公民身份号码", "身份证号码", "身份证号", "身份证", "证件号码", "身份号码"),
    "birth_date": ("出生日期", "出生年月日", "出生年月", "出生时间", "生日"),
    "education": ("学历", "文化程度", "最高学历"),
    "category": ("人员类别", "党员类别", "党员身份", "正式/预备", "正式或预备", "类别"),
    "branch": ("所在党支部", "所在支部", "党支部", "支部名称"),
    "joined_on": ("加入党组织日期", "加入党组织时间", "入党时间", "入党日期", "入党年月", "入党年月日"),
    "full_member_on": ("转为正式党员日期", "转为正式党员时间", "转正时间", "转正日期", "转正年月"),
    "post": ("工作岗位", "岗位", "职务", "工作单位及职务", "单位及职务", "现任职务"),
    "phone": ("联系电话", "手机号码", "手机号", "手机", "联系方式", "电话号码", "电话"),
    "address": ("家庭住址", "家庭地址", "住址", "居住地址", "现居住地", "现住址"),
    "party_standing": ("党籍状态",),
    "lost_contact": ("失联党员", "是否失联", "失联情况", "是否失联党员"),
    "lost_contact_on": ("失去联系日期", "失联日期", "失联时间"),
    "mobile": ("流动党员", "是否流动党员", "是否流动"),
    "mobile_destination": ("外出流向", "流向", "流动去向"),
    "group": ("党小组", "所在党小组", "所属党小组", "小组"),
    "dues_category": ("党费类别", "缴费类别", "党费缴纳类别"),
    "dues_base": ("缴费基数", "党费基数", "月缴费基数", "党费计算基数"),
    "note": ("备注",),
    "seq": ("序号", "编号", "No.", "NO"),
}

_DECORATION = re.compile(r"[\s*＊:：]|（[^）]*）|\([^)]*\)|必填|选填")
_LOOKUP = {word: field for field, words in SYNONYMS.items() for word in words}
_BY_LENGTH = sorted(_LOOKUP.items(), key=lambda kv: -len(kv[0]))


def header_key(cell: object) -> str:
    text = clean(cell)
    stripped = _DECORATION.sub("", text)
    return stripped or text.replace(" ", "")


def _match(cell: object) -> tuple[str, bool] | None:
    """(field, whether the cell names it exactly) or None."""
    key = header_key(cell)
    if not key:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key], True
    if len(key) > 12:  # a title or a note, not a header
        return None
    for word, field in _BY_LENGTH:
        if len(word) >= 2 and word in key:
            return field, False
    return None


def field_for(cell: object) -> str | None:
    """Which field a header cell names, or None."""
    match = _match(cell)
    return match[0] if match else None


def map_header(row: Sequence[object]) -> dict[str, int]:
    """{field: column index} for one header row. The first column wins for a repeated field,
    but a cell naming a field exactly wins over one that merely contains a word of it
    (身份证号码 over 身份证地址, 联系电话 over 紧急联系人电话)."""
    matches = [(index, _match(cell)) for index, cell in enumerate(row)]
    mapping: dict[str, int] = {}
    for exact_pass in (True, False):
        for index, match in matches:
            if match and match[1] is exact_pass and match[0] not in mapping:
                mapping[match[0]] = index
    return mapping


def find_header(rows: Sequence[Sequence[object]], look_at: int = 15) -> tuple[int, dict[str, int]] | None:
    """The header row among the first ``look_at`` rows: the one naming most fields,
    which must include 姓名 and at least one other. Returns (row index, mapping)."""
    best: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(rows[:look_at]):
        mapping = map_header(row)
        if "name" not in mapping or len(mapping) < 2:
            continue
        if best is None or len(mapping) > len(best[1]):
            best = (index, mapping)
    return best
