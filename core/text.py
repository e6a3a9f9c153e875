"""Normalising what people type into spreadsheets: full-width forms, padded names."""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# The separator in transliterated minority names (阿卜杜拉·艾尼) is typed many ways.
_NAME_DOTS = str.maketrans({"•": "·", "・": "·", "．": "·", ".": "·", "‧": "·", "∙": "·", "⋅": "·"})


def clean(value: object) -> str:
    """Full-width letters/digits/punctuation to their ordinary forms, trimmed.

    ``None`` becomes "". Inner spaces are folded to one.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return _SPACES.sub(" ", text).strip()


def clean_name(value: object) -> str:
    """A person's name: no spaces at all (``张  伟`` → ``张伟``), one kind of middle dot.

    Two-character names are padded with spaces to line up with three-character ones
    in printed rosters; the spaces are layout, not part of the name. Names written in
    Latin letters keep single spaces between words.
    """
    text = clean(value)
    if any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text):
        return text.translate(_NAME_DOTS).replace(" ", "")
    # In a Latin name a full stop ends an initial (Mary J. Blige): left alone.
    return text


def is_blank(value: object) -> bool:
    return clean(value) == ""
