"""Ranking branches (DOMAIN §7): five figures between 0 and 1, weighted.

- 签到率 sign_in: present ÷ attendance entries at the period's meetings (0 with no meeting).
- 流动党员参与 mobile: the same for 流动党员; a branch without mobile members scores 1.
- 记录上传 records: meetings held in the period with minutes written ÷ meetings held.
- 评论 comments and 上级评分 superior: set per branch by the superior organisation
  (``branchdesk-server score``), 0–100; not set counts 0.

Weights are a server setting (seed 70/10/10/5/5); the score is the weighted mean × 100.
"""
from __future__ import annotations

from dataclasses import dataclass

WEIGHTS_KEY = "ranking.weights"
FIGURES = ("sign_in", "mobile", "records", "comments", "superior")
LABELS = {"sign_in": "签到率", "mobile": "流动党员参与", "records": "记录上传", "comments": "评论", "superior": "上级评分"}
SEED_WEIGHTS = {"sign_in": 70, "mobile": 10, "records": 10, "comments": 5, "superior": 5}


class WeightsError(ValueError):
    pass


def check_weights(values: dict) -> dict[str, int]:
    out = {}
    for name in FIGURES:
        value = values.get(name, 0)
        try:
            number = int(str(value).strip())
        except ValueError:
            raise WeightsError(f"“{LABELS[name]}”的权重必须是整数") from None
        if not 0 <= number <= 100:
            raise WeightsError(f"“{LABELS[name]}”的权重在 0 到 100 之间")
        out[name] = number
    if sum(out.values()) == 0:
        raise WeightsError("权重不能全为 0")
    return out


@dataclass(frozen=True)
class Figures:
    sign_in: float
    mobile: float
    records: float
    comments: float
    superior: float


def figures(body: dict, superior_score: int | None, comments_score: int | None) -> Figures:
    a = body.get("attendance") or {}
    expected, present = a.get("expected", 0), a.get("present", 0)
    sign_in = present / expected if expected else 0.0
    if a.get("mobile_expected"):
        mobile = a.get("mobile_present", 0) / a["mobile_expected"]
    else:
        mobile = 1.0 if not (body.get("headcount") or {}).get("mobile") else 0.0
    held = a.get("meetings", 0)
    records = min(1.0, a.get("with_minutes", 0) / held) if held else 0.0
    return Figures(sign_in, mobile, records, (comments_score or 0) / 100, (superior_score or 0) / 100)


def score(f: Figures, weights: dict[str, int]) -> float:
    total = sum(weights.values()) or 1
    return round(100 * sum(getattr(f, name) * weights.get(name, 0) for name in FIGURES) / total, 1)
