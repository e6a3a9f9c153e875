"""Roster search: by name, by pinyin initials (``zw`` finds 张伟), by the tail of the ID number."""
from __future__ import annotations

import itertools
from functools import lru_cache

from core.text import clean

_MAX_READINGS = 8  # heteronym combinations kept per name (曾, 单, 解 … as surnames)


@lru_cache(maxsize=1)
def _pinyin():
    # pypinyin loads its dictionaries on import (~0.2 s): only when a key is first needed.
    import pypinyin
    return pypinyin


def pinyin_key(name: str) -> str:
    """``zw|zhangwei`` — initials and full spelling, with the alternative readings of
    characters that have several, joined by ``|``. Stored with the member."""
    name = "".join(ch for ch in clean(name) if ch.isalnum())
    if not name:
        return ""
    p = _pinyin()
    readings = p.pinyin(name, style=p.Style.NORMAL, heteronym=True, errors=lambda s: [c.lower() for c in s])
    choices = [list(dict.fromkeys(r or [""]))[:3] for r in readings]
    keys: list[str] = []
    for combo in itertools.islice(itertools.product(*choices), _MAX_READINGS):
        initials = "".join(s[:1] for s in combo)
        full = "".join(combo)
        for k in (initials, full):
            if k and k not in keys:
                keys.append(k)
    return "|".join(keys)


def normalise_query(text: str) -> str:
    return clean(text).replace(" ", "").lower()


def matches(query: str, name: str, key: str, id_number: str | None) -> bool:
    """Whether a roster row matches a normalised query."""
    if not query:
        return True
    if query in name:
        return True
    if query.isascii() and query.isalpha() and query in key:
        return True
    if id_number and len(query) >= 3 and id_number.lower().endswith(query):
        return True
    return False
