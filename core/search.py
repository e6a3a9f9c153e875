"""Roster search: by name, by pinyin initials (``zw`` finds 张伟), by the tail of the ID number."""
from __future__ import annotations

import itertools
from functools import lru_cache

from core.text import clean, clean_name

_MAX_READINGS = 8  # heteronym combinations kept per name (曾, 单, 解 … as surnames)


@lru_cache(maxsize=1)
def _pinyin():
    # pypinyin loads its dictionaries on import (~0.2 s): only when a key is first needed.
    import pypinyin
    return pypinyin


@lru_cache(maxsize=8192)
def _readings(text: str) -> tuple[tuple[str, ...], ...]:
    # Remembered: surnames and given names repeat across a roster, and a pypinyin call costs
    # ~15 µs (importing 20,000 members spent more on pinyin than on reading the file).
    p = _pinyin()
    readings = p.pinyin(text, style=p.Style.NORMAL, heteronym=True, errors=lambda s: [c.lower() for c in s])
    return tuple(tuple(dict.fromkeys(r or [""]))[:3] for r in readings)


def _combinations(choices: list[list[str]]):
    """The usual reading, then every reading of the surname, then each other character's
    alternatives one at a time (with every surname reading). The full product of a long
    name's readings is too many; the surname is where heteronyms matter (曾 Zēng, 单 Shàn)."""
    base = [c[0] for c in choices]
    for surname in choices[0]:
        yield (surname, *base[1:])
    for i in range(1, len(choices)):
        for alternative in choices[i][1:]:
            for surname in choices[0]:
                yield (surname, *base[1:i], alternative, *base[i + 1:])


def pinyin_key(name: str) -> str:
    """``zw|zhangwei`` — initials and full spelling, with the alternative readings of
    characters that have several, joined by ``|``. Stored with the member."""
    name = "".join(ch for ch in clean(name) if ch.isalnum())
    if not name:
        return ""
    # The surname is read on its own: as a name 解放 is Xiè Fàng, while the word 解放 is
    # jiěfàng and pypinyin would give only that.
    choices = _readings(name[0]) + (_readings(name[1:]) if len(name) > 1 else ())
    keys: list[str] = []
    for combo in itertools.islice(dict.fromkeys(_combinations(choices)), _MAX_READINGS):
        initials = "".join(s[:1] for s in combo)
        full = "".join(combo)
        for k in (initials, full):
            if k and k not in keys:
                keys.append(k)
    return "|".join(keys)


def normalise_query(text: str) -> str:
    # The same middle dot as the stored name (阿卜杜拉·艾尼 typed with • or ・).
    return clean_name(text).replace(" ", "").lower()


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
