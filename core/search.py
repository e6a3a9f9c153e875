"""Roster search: by name, by pinyin initials (``zw`` finds 张伟), by the tail of the ID number."""
from __future__ import annotations

import re
from functools import lru_cache

from core.text import clean, clean_name

_MAX_READINGS = 8  # heteronym combinations kept per name (曾, 单, 解 … as surnames)
_IDEOGRAPHS = re.compile("[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _pinyin():
    # pypinyin loads its dictionaries on import (~0.2 s): only when a key is first needed.
    import pypinyin
    return pypinyin


def warm_up() -> None:
    """Load pypinyin now: an import calls this in a thread while calamine parses the sheet
    (which lets go of the GIL), so that the first import does not wait for it afterwards."""
    _phrases()


@lru_cache(maxsize=1)
def _phrases() -> tuple[dict, range]:
    """pypinyin's phrase dictionary and the lengths of its phrases."""
    from pypinyin.constants import PHRASES_DICT
    _pinyin()
    return PHRASES_DICT, range(2, max(map(len, PHRASES_DICT), default=1) + 1)


def _pypinyin_readings(text: str) -> tuple[tuple[str, ...], ...]:
    p = _pinyin()
    readings = p.pinyin(text, style=p.Style.NORMAL, heteronym=True, errors=lambda s: [c.lower() for c in s])
    return tuple(tuple(dict.fromkeys(r or [""]))[:3] for r in readings)


@lru_cache(maxsize=16384)
def _char_readings(ch: str) -> tuple[tuple[str, ...], ...]:
    # A roster uses a few thousand characters, however many names it holds.
    return _pypinyin_readings(ch)


def _has_phrase(text: str) -> bool:
    """Whether some run of two or more characters of ``text`` is in pypinyin's phrase
    dictionary: only then can its segmenter read a character otherwise than alone."""
    phrases, lengths = _phrases()
    n = len(text)
    return any(text[i:i + k] in phrases for k in lengths if k <= n for i in range(n - k + 1))


@lru_cache(maxsize=8192)
def _readings(text: str) -> tuple[tuple[str, ...], ...]:
    # Remembered: surnames and given names repeat across a roster. Without a phrase in the
    # text pypinyin reads each character as it reads it alone (its segmenter cuts the text
    # into phrases of its dictionary and single characters), so the characters' readings,
    # remembered once each, give the same answer at a tenth of the cost; names holding a
    # phrase (长乐, 重庆) still go through pypinyin whole. tests/core/test_search.py compares
    # the two on thousands of names.
    if len(text) > 1 and not _has_phrase(text):
        return tuple(r for ch in text for r in _char_readings(ch))
    return _pypinyin_readings(text)


def _variants(readings: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, str], ...]:
    """(initials, spelling) of the characters after the surname: their usual readings, then
    each character's alternatives one at a time, the others as usual."""
    base = [r[0] for r in readings]
    heads = [b[:1] for b in base]
    found = [("".join(heads), "".join(base))]
    for i, r in enumerate(readings):
        if len(r) > 1:
            # The strings around the changed character are built once, not per alternative.
            before, before_heads = "".join(base[:i]), "".join(heads[:i])
            after, after_heads = "".join(base[i + 1:]), "".join(heads[i + 1:])
            found += [(before_heads + a[:1] + after_heads, before + a + after) for a in r[1:]]
    return tuple(found)


@lru_cache(maxsize=8192)
def _given_variants(text: str) -> tuple[tuple[str, str], ...]:
    # Given names repeat across a roster as surnames do: built once per text.
    return _variants(_readings(text) if text else ())


def pinyin_key(name: str) -> str:
    """``zw|zhangwei`` — initials and full spelling, with the alternative readings of
    characters that have several, joined by ``|``. Stored with the member.

    The readings kept are the usual one, then every reading of the surname, then each other
    character's alternatives one at a time (with every surname reading), at most
    _MAX_READINGS: the full product of a long name's readings is too many, and the surname
    is where heteronyms matter (曾 Zēng, 单 Shàn)."""
    if not _IDEOGRAPHS.fullmatch(name):  # (ideographs alone are clean and alphanumeric already)
        name = "".join(filter(str.isalnum, clean(name)))
    if not name:
        return ""
    # The surname is read on its own: as a name 解放 is Xiè Fàng, while the word 解放 is
    # jiěfàng and pypinyin would give only that.
    first = _readings(name[0])
    if len(first) == 1:
        variants = _given_variants(name[1:])
    else:  # (pypinyin gives one reading per character; kept exact should that change)
        variants = _variants(first[1:] + (_readings(name[1:]) if len(name) > 1 else ()))
    keys: list[str] = []
    for spelling in [(s[:1] + heads, s + rest) for heads, rest in variants for s in first[0]][:_MAX_READINGS]:
        for k in spelling:
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
