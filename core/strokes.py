"""Listing names by surname strokes (姓氏笔画), as candidates are listed on a ballot (DOMAIN §3).

The order implemented (the usual rule for lists of names in Party documents):
1. the first character's total stroke count, fewest first (丁 2 before 王 4 before 李 7);
2. equal counts: the first character's strokes in writing order, compared stroke by stroke in
   the order 横 (1) 竖 (2) 撇 (3) 点 (4) 折 (5) — the first stroke (起笔) first, then the
   second, and so on (王 一丨一一 before 贝 丨𠃍丿㇏);
3. the same first character (or one indistinguishable by 1–2): the next character by the same
   two rules, and so on (张一 before 张三 before 张小; a compound surname such as 欧阳 is
   ordered by 欧, then 阳, with no special case);
4. a name that is a prefix of another comes first (张三 before 张三丰).

Counts come from Unicode's Unihan database (kTotalStrokes, the simplified form: 张 7, 張 11);
stroke orders from the GB13000.1 笔顺规范 data, for the 6,763 characters of GB 2312 (nearly
every name). A character with a count but no known order (a rarer character) sorts after the
characters of its count whose order is known; a character with no count at all (Latin letters,
a character outside the table) after every counted one, by code point. Spaces and the middle
dot of transcribed names (阿不都·热合曼) are ignored. Everything is deterministic: equal keys
only for equal names. The table is core/stroke_table.py (tools/make_stroke_table.py).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, Sequence, TypeVar

from core import stroke_table

T = TypeVar("T")

STROKE_NAMES = {"1": "横", "2": "竖", "3": "撇", "4": "点", "5": "折"}
_IGNORED = set(" \u3000·•・‧\u00b7-")
_UNKNOWN = 10_000


@lru_cache(maxsize=1)
def _sequences() -> dict[str, str]:
    return {item[0]: item[1:] for item in stroke_table.SEQUENCES.split(" ")}


def total_strokes(char: str) -> int | None:
    """The character's total stroke count (simplified form), None when the table has none."""
    if len(char) != 1:
        raise ValueError(f"one character expected, got {char!r}")
    cp = ord(char)
    for first, text in stroke_table.BLOCKS:
        if first <= cp < first + len(text):
            n = ord(text[cp - first]) - stroke_table.OFFSET
            return n or None
    return None


def stroke_order(char: str) -> str | None:
    """The character's strokes in writing order as digits 1–5 (横竖撇点折), None if unknown."""
    return _sequences().get(char)


def first_stroke(char: str) -> str | None:
    """起笔: 横, 竖, 撇, 点 or 折 (None if unknown)."""
    seq = stroke_order(char)
    return STROKE_NAMES[seq[0]] if seq else None


def char_key(char: str) -> tuple:
    count = total_strokes(char)
    if count is None:
        return (_UNKNOWN, 1, "", ord(char))
    seq = stroke_order(char)
    # A known order sorts before an unknown one of the same count; the code point last, so
    # that two different characters never have equal keys.
    return (count, 0, seq, ord(char)) if seq is not None else (count, 1, "", ord(char))


def name_key(name: str) -> tuple:
    """The sort key of a name (see the module's note)."""
    return tuple(char_key(ch) for ch in name.strip() if ch not in _IGNORED)


def by_surname_strokes(names: Iterable[str]) -> list[str]:
    return sorted(names, key=name_key)


def sort_by_surname_strokes(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    return sorted(items, key=lambda item: name_key(name(item)))


def strokes_label(name: str) -> str:
    """For the ballot's footnote and the tests: "王 4" for the name's first character."""
    chars = [ch for ch in name.strip() if ch not in _IGNORED]
    if not chars:
        return ""
    count = total_strokes(chars[0])
    return f"{chars[0]} {count}" if count else chars[0]


def is_sorted(names: Sequence[str]) -> bool:
    keys = [name_key(n) for n in names]
    return all(a <= b for a, b in zip(keys, keys[1:]))
