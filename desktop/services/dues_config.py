"""The dues settings as the rules need them, read without SQLAlchemy: ``branchdesk dues calc``
answers in a tenth of a second, reading a branch's choices (rounding, the farmers' amount)
straight from its file when there is one. DuesService reads the same keys through
SettingsService, whose DEFAULTS hold the defaults."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from core.dues import DEFAULT_DEDUCTIONS, Deduction, DuesRuleError, DuesRules, Rounding, check_farmer_monthly
from core.dues_months import MAX_WINDOW_MONTHS

# The branch file's name (db.engine.DB_FILENAME; importing db.engine would bring SQLAlchemy,
# a quarter of a second. A test keeps the two equal).
DB_FILENAME = "branch.sqlite"

# Settings (desktop/services/settings.py holds the defaults).
S_ROUNDING = "dues.rounding"
S_FARMER = "dues.farmer_monthly"
S_DEDUCTIONS = "dues.deductions"
S_MAX_BACK = "dues.max_back_months"
S_MAX_AHEAD = "dues.max_ahead_months"
S_REMIT_TO = "dues.remit_to"

@dataclass(frozen=True)
class DuesConfig:
    rules: DuesRules = DuesRules()
    deductions: tuple[Deduction, ...] = DEFAULT_DEDUCTIONS
    max_back: int = MAX_WINDOW_MONTHS
    max_ahead: int = MAX_WINDOW_MONTHS
    remit_to: str = ""


def config_from_values(values: dict) -> DuesConfig:
    """From the stored settings (JSON values), falling back to the defaults for anything
    unreadable rather than stopping the ledger."""
    def get(key, default):
        return values.get(key, default)
    try:
        rounding = Rounding(get(S_ROUNDING, Rounding.FEN_HALF_UP.value))
    except ValueError:
        rounding = Rounding.FEN_HALF_UP
    try:
        farmer = check_farmer_monthly(Decimal(str(get(S_FARMER, "0.20"))))
    except (DuesRuleError, InvalidOperation):
        farmer = DuesRules().farmer_monthly
    deductions = []
    for d in get(S_DEDUCTIONS, [d.value for d in DEFAULT_DEDUCTIONS]) or []:
        try:
            deductions.append(Deduction(d))
        except ValueError:
            continue

    def window(key):
        try:
            return min(max(int(get(key, MAX_WINDOW_MONTHS)), 1), MAX_WINDOW_MONTHS)
        except (TypeError, ValueError):
            return MAX_WINDOW_MONTHS
    return DuesConfig(DuesRules(rounding, farmer), tuple(deductions), window(S_MAX_BACK), window(S_MAX_AHEAD),
                      str(get(S_REMIT_TO, "") or ""))



def peek(db_path: Path, prefix: str = "dues.") -> dict[str, Any]:
    """Settings whose key starts with ``prefix``, read straight from a branch file without
    opening (or creating, or migrating) it. An absent or unreadable file gives no values
    (the defaults then apply)."""
    if not db_path.is_file():
        return {}
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        rows = con.execute("SELECT key, value FROM setting WHERE key LIKE ? ESCAPE '\\'",
                           (prefix.replace("_", "\\_").replace("%", "\\%") + "%",)).fetchall()
        return {k: json.loads(v) for k, v in rows}
    except (sqlite3.Error, ValueError):
        return {}
    finally:
        con.close()
