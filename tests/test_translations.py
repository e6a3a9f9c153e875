"""Chinese is complete: every source string has a translation with the same placeholders,
and the .ts file is up to date with the source (lupdate finds nothing new)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core import i18n
from desktop import paths

ROOT = Path(__file__).resolve().parent.parent
TS = paths.translation_source("zh_CN")
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
_TRANSLATES = re.compile(r"\b(translate|tr|QT_TRANSLATE_NOOP)\(")


def _messages(ts: Path):
    root = ET.parse(ts).getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name"), msg.findtext("source"), msg.find("translation")


def _chinese(text: str) -> bool:
    # CJK ideographs, or CJK / full-width punctuation (、 ； （） for separators and formats).
    return any("\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" for ch in text)


def _sources() -> list[str]:
    """The modules that say something: generated data modules call no tr()/translate() (and
    lupdate crashes on core/stroke_table.py's 100 KB lines), so they are not handed to it."""
    files = []
    for package in ("core", "db", "desktop"):
        files += [str(p.relative_to(ROOT)) for p in sorted((ROOT / package).rglob("*.py"))
                  if "migrations" not in p.parts and _TRANSLATES.search(p.read_text(encoding="utf-8"))]
    return files


def test_every_string_is_translated_with_the_same_placeholders():
    problems = []
    count = 0
    for context, source, tr in _messages(TS):
        if tr.get("type") in ("obsolete", "vanished"):
            continue
        count += 1
        if not context:
            problems.append(f"no context (use self.tr or QCoreApplication.translate): {source}")
        text = tr.text or ""
        if tr.get("type") == "unfinished" or not text.strip():
            problems.append(f"untranslated: [{context}] {source}")
        elif i18n.placeholders(text) != i18n.placeholders(source):
            problems.append(f"placeholders differ: [{context}] {source!r} -> {text!r}")
        elif not _chinese(text):
            problems.append(f"not Chinese: [{context}] {source!r} -> {text!r}")
    assert count > 100
    assert not problems, "\n".join(problems)


def test_the_ts_file_holds_every_string_in_the_source(tmp_path):
    """A string added to the code but not to the .ts would show in English."""
    assert LUPDATE.exists(), "pyside6-lupdate comes with PySide6-Essentials"
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run([str(LUPDATE), "-no-obsolete", "-locations", "none", *_sources(), "-ts", str(copy)],
                   cwd=ROOT, check=True, capture_output=True)
    new = [f"[{c}] {s}" for c, s, tr in _messages(copy)
           if tr.get("type") == "unfinished" or not (tr.text or "").strip()]
    assert not new, "run `make update-translations` and translate:\n" + "\n".join(new)


def test_chinese_is_the_default_for_the_qt_free_layers():
    from core.members import MemberCategory
    i18n.install(i18n.DEFAULT_LANGUAGE, TS)
    assert MemberCategory.PROBATIONARY.label == "预备党员"
    i18n.install("en", None)
    assert MemberCategory.PROBATIONARY.label == "Probationary member"


@pytest.mark.parametrize("context,source", [("idnumber", "The check digit of the ID number is wrong; please check each digit")])
def test_a_known_message_reads_in_chinese(context, source):
    assert i18n.translate(context, source) != source
    assert any("\u4e00" <= ch <= "\u9fff" for ch in i18n.translate(context, source))
