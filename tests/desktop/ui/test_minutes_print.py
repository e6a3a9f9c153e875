"""The printed minutes: the layout's values, pages, the embedded CJK font, and the text layer
(read back with poppler's pdftotext, an independent reader)."""
from __future__ import annotations

import shutil
import subprocess
from datetime import datetime

import pytest

from core.meetings import MeetingType, ThemeDayItem
from desktop.services.minutes import AbsentEntry, MinutesSheet, body_of, sheet_html, time_span_text
from desktop.ui.minutes_print import print_family, write_pdf
from desktop.ui.pdf_output import fix_to_unicode, radical_map

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def sheet(**changes) -> MinutesSheet:
    values = dict(branch="东风社区第一党支部", type=MeetingType.THEME_DAY, title="十一月主题党日",
                  start=datetime(2026, 11, 3, 14, 30), end=datetime(2026, 11, 3, 16, 0), place="党群服务中心",
                  host="王建国", recorder="李丽华", audience="全体党员", expected=4, present=("张伟", "王芳"),
                  absent=(AbsentEntry("孙丽", True, "外出学习"), AbsentEntry("周磊", False)),
                  minutes_html="<html><body style=\"font-size:9pt\"><p style=\"margin-top:12px; font-family:'X'\">"
                               "<b>一、本月主题</b></p><p>重温入党誓词</p></body></html>",
                  resolutions="下月开展志愿服务", theme_items=tuple((i.label, i is ThemeDayItem.PAY_DUES) for i in ThemeDayItem))
    values.update(changes)
    return MinutesSheet(**values)


def test_the_sheet_escapes_what_was_typed_and_keeps_the_editor_body():
    html = sheet_html(sheet(title="<script>alert(1)</script>", place="A & B"))
    assert "<script>" not in html and "&lt;script&gt;" in html and "A &amp; B" in html
    assert "重温入党誓词" in html and "font-size:9pt" not in html and "font-family:'X'" not in html
    assert "margin-top:12px" not in html
    assert body_of("<p>plain</p>") == "<p>plain</p>"


def test_times_across_midnight_show_both_days():
    assert "16:00" in time_span_text(datetime(2026, 11, 3, 14, 30), datetime(2026, 11, 3, 16, 0))
    both = time_span_text(datetime(2026, 12, 31, 20, 0), datetime(2027, 1, 1, 1, 0))
    assert "2026" in both and "2027" in both


def test_fix_to_unicode_touches_only_the_cmap_arrays_and_keeps_every_offset():
    cmap = (b"/CIDInit /ProcSet findresource begin\n2 beginbfrange\n<0000> <0000> <0000>\n"
            b"<0001> <0003> [<2F00> <98CE> <2EDB> ]\n<0004> <000E> <0030>\nendbfrange\nendcmap")
    pdf = b"%PDF-1.4\n<2F00> outside the cmap\n" + cmap + b"\n<2F00>\n%%EOF"
    fixed = fix_to_unicode(pdf, {0x2F00: 0x4E00, 0x2EDB: 0x98CE})
    assert len(fixed) == len(pdf)
    assert b"[<4E00> <98CE> <98CE> ]" in fixed
    assert fixed.count(b"<2F00>") == 2  # outside the ToUnicode arrays: untouched
    assert b"<0004> <000E> <0030>" in fixed


def test_the_print_font_maps_radicals_to_ideographs(qapp):
    mapping = radical_map(print_family())
    if not mapping:
        pytest.skip("the print font draws radicals with glyphs of their own")
    assert mapping.get(0x2F00) == 0x4E00  # ⼀ → 一
    assert all(0x4E00 <= v < 0xA000 for v in mapping.values())


@needs_poppler
def test_long_minutes_run_over_pages_in_order(qapp, tmp_path):
    paragraphs = "".join(f"<p>第{n}段：全体党员集中学习，逐一发言，一心一意为人民服务。</p>" for n in range(1, 121))
    pdf = tmp_path / "long.pdf"
    pages = write_pdf(sheet(minutes_html=paragraphs), pdf)
    assert pages >= 3
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    positions = [text.index(f"第{n}段") for n in (1, 60, 120)]
    assert positions == sorted(positions)  # every paragraph is there, in order, across the pages
    assert text.count("\f") == pages
    assert "一心一意" in text and "\u2f00" not in text


def test_a_file_that_cannot_be_written_is_a_plain_message(qapp, tmp_path):
    from desktop.ui.minutes_print import PrintFailed
    with pytest.raises(PrintFailed):
        write_pdf(sheet(), tmp_path / "no such folder" / "m.pdf")
