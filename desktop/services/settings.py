"""Branch settings kept in the database (JSON values with defaults)."""
from __future__ import annotations

import json
from typing import Any

from core.i18n import DEFAULT_LANGUAGE
from db.engine import Database
from db.models import Setting

DEFAULTS: dict[str, Any] = {
    "language": DEFAULT_LANGUAGE,
    # Reminders on the home page.
    "reminders.conversion_days": 30,
    # Dues (DOMAIN §1): what the superior organisation decides. Read through
    # desktop.services.dues.DuesService.config(), which checks each value.
    "dues.rounding": "fen_half_up",      # core.dues.Rounding: to the fen, half up (or "yuan_up")
    "dues.farmer_monthly": "0.20",       # yuan a month, 0.20–1.00: the branch's decision (第六条)
    "dues.deductions": ["income_tax"],   # core.dues.Deduction values taken off the wage (第一条)
    "dues.max_back_months": 6,           # 补交 and 预交 "generally ≤ 6 months" (第十二条)
    "dues.max_ahead_months": 6,
    "dues.remit_to": "",                 # who receives the 上缴 (the superior committee)
    # The window locks after this many minutes without input; 0 = never (desktop/ui/idle_lock.py).
    "security.idle_lock_minutes": 10,
}


class SettingsService:
    def __init__(self, db: Database):
        self.db = db

    def get(self, key: str) -> Any:
        with self.db.session() as s:
            row = s.get(Setting, key)
            return json.loads(row.value) if row else DEFAULTS.get(key)

    def set(self, key: str, value: Any) -> None:
        with self.db.session.begin() as s:
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
            else:
                row.value = json.dumps(value, ensure_ascii=False)

