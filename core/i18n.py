"""Translation for the Qt-free layers.

Source strings are English, wrapped as ``translate("context", "text")`` so that
``pyside6-lupdate`` extracts them into ``resources/i18n/branchdesk_zh_CN.ts`` together
with the UI's ``tr()`` strings. The Qt UI reads the compiled ``.qm`` through QTranslator;
this module reads the same ``.ts`` so that the command line and the services speak the
same Chinese without importing Qt.

Chinese is the default whatever the system locale (DESIGN: users are Chinese).
"""
from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from pathlib import Path

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_catalog: dict[tuple[str, str], str] = {}
_language = "en"


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """Read a Qt Linguist .ts file into {(context, source): translation}."""
    catalog: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            if source is None or tr is None or not (tr.text or "").strip():
                continue
            if tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if not _same_placeholders(source, tr.text or ""):
                # .format() would raise in front of the user (STYLE: Electrum's check):
                # the English source is shown instead.
                continue
            catalog[(name, source)] = tr.text or ""
    return catalog


# The last catalogue read, by file and version: every opening of a branch installs the
# language again, and parsing the .ts took three quarters of an opening (~22 ms of 29).
_loaded: tuple[tuple[str, int, int], dict[tuple[str, str], str]] | None = None


def _load_cached(path: Path) -> dict[tuple[str, str], str]:
    global _loaded
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if _loaded is None or _loaded[0] != key:
        _loaded = (key, load_ts(path))
    return _loaded[1]


def install(language: str, ts_path: Path | None) -> None:
    """Make ``translate`` answer in ``language`` (English needs no catalog)."""
    global _catalog, _language
    _language = language
    _catalog = _load_cached(ts_path) if (language != "en" and ts_path and ts_path.exists()) else {}


def language() -> str:
    return _language


def translate(context: str, text: str) -> str:
    return _catalog.get((context, text), text)


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields of a message (a translation must keep exactly these)."""
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def _same_placeholders(source: str, translation: str) -> bool:
    try:
        return placeholders(source) == placeholders(translation)
    except ValueError:  # an unbalanced brace
        return False
