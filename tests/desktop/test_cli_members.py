"""The member commands through the real entry point, against a real data folder: what a
script or IT staff would run (DESIGN, The command line)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from tests.helpers.spreadsheets import make_id, write_xlsx

ID_ZHANG = make_id(date(1975, 3, 15), 3)
ID_LI = make_id(date(1980, 5, 20), 4, male=False)
BAD_ID = "360426199101010072"   # check digit wrong (DOMAIN §4)
BRANCHDESK = Path(sys.executable).parent / "branchdesk"


@pytest.fixture
def roster_file(tmp_path):
    return write_xlsx(tmp_path / "花名册.xlsx", [
        ["城关社区党支部党员花名册"],
        ["姓名", "公民身份号码", "人员类别", "党小组", "联系电话", "籍贯"],
        ["张伟", ID_ZHANG, "正式党员", "第一党小组", "13812345678", "陕西"],
        ["钱进", BAD_ID, "正式党员", "第一党小组", None, None],           # row 4
        ["李娜", ID_LI, "预备党员", "第二党小组", None, None],
    ], merges=["A1:F1"])


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_export_undo(capsys, roster_file, data_dir, tmp_path):
    code, out, err = run(capsys, "members", "import", roster_file, "--json", "--data-dir", data_dir)
    assert code == 0, err
    report = json.loads(out)   # exactly one JSON object
    assert report["accepted"] == 2 and report["created"] == 2 and not report["dry_run"]
    assert [r["row"] for r in report["rejected"]] == [4]
    assert report["rejected"][0]["field"] == "id_number" and report["rejected"][0]["reason"]
    assert (report["sheet"], report["header_row"], report["unknown_headers"]) == ("花名册", 2, ["籍贯"])

    code, out, _ = run(capsys, "--data-dir", data_dir, "members", "list", "--json")   # options before the command too
    assert code == 0
    listed = {m["name"]: m for m in json.loads(out)}
    assert set(listed) == {"张伟", "李娜"}
    assert listed["李娜"]["category"] == "probationary" and listed["张伟"]["group"] == "第一党小组"
    assert listed["张伟"]["id_number"] == ID_ZHANG[:6] + "********" + ID_ZHANG[-4:]

    target = tmp_path / "out.xlsx"
    code, out, _ = run(capsys, "members", "export", target, "--json", "--data-dir", data_dir)
    assert code == 0 and json.loads(out)["exported"] == 2 and target.exists()
    from openpyxl import load_workbook
    values = [c for row in load_workbook(target).active.iter_rows(values_only=True) for c in row]
    assert ID_ZHANG not in values and "138****5678" in values
    code, _, _ = run(capsys, "members", "export", target, "--unmasked", "--data-dir", data_dir)
    values = [c for row in load_workbook(target).active.iter_rows(values_only=True) for c in row]
    assert code == 0 and ID_ZHANG in values

    code, out, _ = run(capsys, "members", "undo-import", "--json", "--data-dir", data_dir)
    assert code == 0 and json.loads(out) == {"source": "花名册.xlsx", "removed": 2, "restored": 0}
    code, out, _ = run(capsys, "members", "list", "--json", "--data-dir", data_dir)
    assert json.loads(out) == []
    code, out, err = run(capsys, "members", "undo-import", "--data-dir", data_dir)
    assert code == 2 and out == "" and err.strip()


def test_dry_run_writes_nothing_and_update_updates(capsys, roster_file, data_dir):
    code, out, _ = run(capsys, "members", "import", roster_file, "--dry-run", "--json", "--data-dir", data_dir)
    assert code == 0 and json.loads(out)["accepted"] == 2 and json.loads(out)["created"] == 0
    run(capsys, "members", "list", "--json", "--data-dir", data_dir)
    assert json.loads(run(capsys, "members", "list", "--json", "--data-dir", data_dir)[1]) == []
    assert run(capsys, "members", "import", roster_file, "--data-dir", data_dir)[0] == 0
    code, out, _ = run(capsys, "members", "import", roster_file, "--json", "--data-dir", data_dir)
    report = json.loads(out)
    assert (report["accepted"], [r["row"] for r in report["skipped"]]) == (0, [3, 5])
    code, out, _ = run(capsys, "members", "import", roster_file, "--update", "--json", "--data-dir", data_dir)
    report = json.loads(out)
    assert (report["accepted"], report["updated"], report["created"]) == (2, 2, 0)


def test_human_output_names_rows_and_reasons(capsys, roster_file, data_dir):
    code, out, _ = run(capsys, "members", "import", roster_file, "--dry-run", "--data-dir", data_dir)
    assert code == 0
    assert "4" in out and "籍贯" in out   # the rejected row, the column left out


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 broken", b"just text"])
def test_a_bad_file_is_a_message_and_exit_code_2(capsys, tmp_path, data_dir, content):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(content)
    code, out, err = run(capsys, "members", "import", bad, "--json", "--data-dir", data_dir)
    assert code == 2 and out == ""
    assert "bad.xlsx" in err and "Traceback" not in err


def test_the_installed_command(roster_file, data_dir):
    """The console script itself, in a process of its own, as IT staff would run it."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run([str(BRANCHDESK), "members", "import", str(roster_file), "--json", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["accepted"] == 2
    proc = subprocess.run([str(BRANCHDESK), "members", "import", str(data_dir / "nothing.xlsx"), "--data-dir", str(data_dir)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 2 and "nothing.xlsx" in proc.stderr and proc.stdout == ""
