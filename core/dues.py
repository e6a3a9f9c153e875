"""Party dues categories (中组发〔2008〕3号). The rates and amounts arrive with the dues work;
the member roster needs the categories already, with identifiers that never change."""
from __future__ import annotations

from enum import StrEnum

from core.i18n import translate


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
