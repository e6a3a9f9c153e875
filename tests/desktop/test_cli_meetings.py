"""The meeting commands through the real entry point, against a real data folder, and the
minutes PDF they write read back with poppler (pdftotext, pdffonts)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

BRANCHDESK = Path(sys.executable).parent / "branchdesk"
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdffonts"),
                                   reason="poppler-utils (pdftotext, pdffonts) not installed")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_and_list(capsys, data_dir):
    code, out, err = run(capsys, "meetings", "add", "--type", "committee", "--title", "十一月支委会",
                         "--start", "2026-11-03T14:30", "--end", "2026-11-03T16:00", "--place", "党员活动室",
                         "--json", "--data-dir", data_dir)
    assert code == 0, err
    assert json.loads(out) == {"id": 1}
    code, out, _ = run(capsys, "--data-dir", data_dir, "meetings", "add", "--type", "theme_day", "--title", "主题党日",
                       "--start", "2026-11-05 09:00", "--end", "2026-11-05 11:00", "--json")
    assert code == 0 and json.loads(out) == {"id": 2}
    code, out, _ = run(capsys, "meetings", "list", "--json", "--data-dir", data_dir)
    assert code == 0
    listed = json.loads(out)
    assert [m["id"] for m in listed] == [2, 1]  # newest first
    first = listed[1]
    assert (first["type"], first["title"], first["start"], first["end"], first["place"]) == (
        "committee", "十一月支委会", "2026-11-03T14:30:00", "2026-11-03T16:00:00", "党员活动室")
    assert first["audience"] == "committee" and first["present"] == 0
    code, out, _ = run(capsys, "meetings", "list", "--data-dir", data_dir)
    assert "十一月支委会" in out and "支委会" in out


@pytest.mark.parametrize("argv,words", [
    (["--type", "committee", "--title", "会", "--start", "2026-13-01T09:00", "--end", "2026-11-03T16:00"], ["2026-13-01"]),
    (["--type", "committee", "--title", "会", "--start", "2026-11-03T09:00", "--end", "昨天"], ["昨天"]),
    (["--type", "meeting", "--title", "会", "--start", "2026-11-03T09:00", "--end", "2026-11-03T10:00"], ["meeting"]),
    (["--type", "committee", "--title", "会", "--start", "2026-11-03T09:00", "--end", "2026-11-03T08:00"], []),
    (["--type", "group", "--title", "会", "--start", "2026-11-03T09:00", "--end", "2026-11-03T10:00"], []),
    (["--type", "group", "--group", "第九党小组", "--title", "会", "--start", "2026-11-03T09:00", "--end", "2026-11-03T10:00"], ["第九党小组"]),
])
def test_bad_input_is_a_message_and_exit_code_2(capsys, data_dir, argv, words):
    code, out, err = run(capsys, "meetings", "add", *argv, "--json", "--data-dir", data_dir)
    assert code == 2 and out == ""
    assert err.strip() and "Traceback" not in err
    assert all(w in err for w in words)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err)  # said in Chinese


def test_minutes_of_a_meeting_that_does_not_exist(capsys, data_dir, tmp_path):
    code, out, err = run(capsys, "meetings", "minutes", "7", "--pdf", tmp_path / "x.pdf", "--data-dir", data_dir)
    assert code == 2 and err.strip() and not (tmp_path / "x.pdf").exists()


@needs_poppler
def test_minutes_pdf_has_the_title_in_chinese_and_embeds_a_cjk_font(capsys, data_dir, tmp_path):
    run(capsys, "meetings", "add", "--type", "theme_day", "--title", "学习贯彻党的二十届四中全会精神",
        "--start", "2026-11-03T14:30", "--end", "2026-11-03T16:00", "--place", "东风社区党群服务中心",
        "--host", "王建国", "--recorder", "李丽华", "--data-dir", data_dir)
    pdf = tmp_path / "会议记录.pdf"
    code, out, err = run(capsys, "meetings", "minutes", "1", "--pdf", pdf, "--json", "--data-dir", data_dir)
    assert code == 0, err
    assert json.loads(out)["pages"] == 1 and pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("本党支部", "学习贯彻党的二十届四中全会精神", "东风社区党群服务中心", "王建国", "李丽华"):
        assert words in text, words
    # The radicals Qt would write for 一, 十, 风 … are mapped back to the ideographs.
    assert not any("\u2e80" <= ch <= "\u2fdf" for ch in text)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    cjk = [line for line in fonts if any(k in line for k in ("CJK", "Song", "Hei", "Droid", "WenQuanYi", "Fallback"))]
    assert cjk and all(line.split()[-5] == "yes" for line in cjk)  # the "emb" column


def test_the_installed_command(data_dir, tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run([str(BRANCHDESK), "meetings", "add", "--type", "lecture", "--title", "专题党课",
                           "--start", "2026-10-09T15:00", "--end", "2026-10-09T16:30", "--json", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"id": 1}
    pdf = tmp_path / "minutes.pdf"
    proc = subprocess.run([str(BRANCHDESK), "meetings", "minutes", "1", "--pdf", str(pdf), "--data-dir", str(data_dir)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert pdf.stat().st_size > 1000
