"""Every string the UI shows has its Chinese, with the same {placeholders}: in the catalogue,
or in resources/i18n/pending_ui.tsv until the lead merges it into the .ts."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core import i18n
from desktop import paths

ROOT = Path(__file__).resolve().parents[3]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
PENDING = ROOT / "resources" / "i18n" / "pending_ui.tsv"


def _pending() -> dict[tuple[str, str], str]:
    catalog = {}
    if PENDING.exists():
        for n, line in enumerate(PENDING.read_text(encoding="utf-8").split("\n"), 1):
            if not line:
                continue
            parts = line.split("\t")
            assert len(parts) == 3, f"pending_ui.tsv line {n}: context<TAB>source<TAB>translation"
            catalog[(parts[0], parts[1])] = parts[2]
    return catalog


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[tuple[str, str]]:
    """(context, source) of every string in desktop/ui, as lupdate sees them."""
    ts = tmp_path_factory.mktemp("lupdate") / "ui.ts"
    sources = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "desktop" / "ui").glob("*.py"))]
    subprocess.run([str(LUPDATE), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)
    return [(ctx.findtext("name") or "", msg.findtext("source") or "")
            for ctx in ET.parse(ts).getroot().iter("context") for msg in ctx.iter("message")]


def _chinese(text: str) -> bool:
    # CJK ideographs, or CJK / full-width punctuation (、 ； （） for separators and formats).
    return any("\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" for ch in text)


def test_every_ui_string_has_a_chinese_translation(extracted):
    known = i18n.load_ts(paths.translation_source("zh_CN")) | _pending()
    missing, wrong, count = [], [], 0
    for name, source in extracted:
        count += 1
        if not name:
            missing.append(f"no context (use self.tr or QCoreApplication.translate): {source}")
            continue
        text = known.get((name, source))
        if not text or not text.strip():
            missing.append(f"[{name}] {source}")
        elif i18n.placeholders(text) != i18n.placeholders(source):
            wrong.append(f"[{name}] {source!r} -> {text!r}")
        elif not _chinese(text):
            wrong.append(f"not Chinese: [{name}] {source!r} -> {text!r}")
    assert count > 100
    assert not missing, "\n".join(missing)
    assert not wrong, "\n".join(wrong)


def test_no_pending_line_is_stale(extracted):
    """A TSV line whose source is gone would be merged as an obsolete string."""
    stale = [f"[{c}] {s}" for c, s in _pending() if (c, s) not in set(extracted)]
    assert not stale, "\n".join(stale)
