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
