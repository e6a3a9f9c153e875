"""Personal data (ID numbers, phones, addresses) goes through one column type.

Today the type stores the text as it is; encryption at rest replaces ``_seal``/``_open``
and adds a migration that rewrites the three columns — no caller changes. Look-ups by
ID number never read the column: they use ``lookup_hash``, a keyed hash, so they keep
working once the column is encrypted.
"""
from __future__ import annotations

import hashlib
import hmac

from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator


def _seal(value: str) -> str:
    return value


def _open(value: str) -> str:
    return value


class PersonalText(TypeDecorator):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None or value == "":
            return None
        return _seal(value)

    def process_result_value(self, value, dialect):
        if value is None:
            return ""
        return _open(value)


def lookup_hash(secret: bytes, value: str) -> str | None:
    """HMAC-SHA256 of a normalised personal value under the branch secret."""
    if not value:
        return None
    return hmac.new(secret, value.upper().encode(), hashlib.sha256).hexdigest()
