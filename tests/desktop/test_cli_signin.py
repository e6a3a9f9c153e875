"""The sign-in commands through the real entry point, against a real data folder: the sheet as
PDF read back by zbarimg, each code scanned as the kiosk would, closing the meeting, the cards,
the statistics, leave."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.signin import Refusal, refusal_text
from desktop.cli import main
from tests.helpers.signin import at, branch
from tests.helpers.zbar import decode_pdf, needs_tools

BRANCHDESK = Path(sys.executable).parent / "branchdesk"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def b(ctx, data_dir):
    made = branch(ctx)
    ctx.settings.set("signin.lan_host", "192.168.100.200")
    return made


def scan(capsys, data_dir, meeting, payload, minutes):
    code, out, err = run(capsys, "signin", "scan", meeting, payload, "--at", at(minutes).isoformat(), "--json",
                         "--data-dir", data_dir)
    assert code == 0, err
    return json.loads(out)


@needs_tools
def test_sheet_scan_close_from_the_command_line(capsys, b, data_dir, tmp_path):
    pdf = tmp_path / "签到表.pdf"
    code, out, err = run(capsys, "signin", "sheet", b.meeting_id, "--pdf", pdf, "--json", "--data-dir", data_dir)
    assert code == 0, err
    written = json.loads(out)
    assert written["pages"] == 1 and written["members"] == 6 and written["phone_url"].startswith("http://192.168.100.200:8765/m/")
    codes = [c for page in decode_pdf(pdf, tmp_path / "png") for c in page if not c.startswith("http")]
    assert len(codes) == 6
    names = {}
    for n, payload in enumerate(sorted(codes)):
        if n == 5:
            continue  # one did not come
        answer = scan(capsys, data_dir, b.meeting_id, payload, -10 if n < 3 else 5)
        assert answer["status"] == ("signed_in" if n < 3 else "late") and answer["reason"] is None
        names[payload] = answer["member"]
    assert set(names.values()) < {"王书记", "李委员", "张伟", "赵敏", "刘洋", "欧阳晓明"}
    repeat = scan(capsys, data_dir, b.meeting_id, sorted(codes)[0], -5)
    assert repeat == {"status": "signed_in", "member": names[sorted(codes)[0]], "reason": None}
    payload = sorted(codes)[5]
    changed = payload[:20] + ("A" if payload[20] != "A" else "B") + payload[21:]
    assert scan(capsys, data_dir, b.meeting_id, changed, 0) == {
        "status": "rejected", "member": None, "reason": refusal_text(Refusal.FORGED)}
    late = scan(capsys, data_dir, b.meeting_id, payload, 16)
    assert late == {"status": "rejected", "member": names.get(payload) or late["member"],
                    "reason": refusal_text(Refusal.SIGNIN_CLOSED, at(15))}
    assert late["member"] in {"王书记", "李委员", "张伟", "赵敏", "刘洋", "欧阳晓明"}
    code, out, err = run(capsys, "meetings", "close", b.meeting_id, "--json", "--data-dir", data_dir)
    assert code == 0, err
    assert json.loads(out) == {"present": 3, "late": 2, "leave": 0, "absent": 1}
    assert scan(capsys, data_dir, b.meeting_id, payload, 80)["reason"] == refusal_text(Refusal.MEETING_CLOSED)
    code, out, _ = run(capsys, "meetings", "list", "--json", "--data-dir", data_dir)
    listed = json.loads(out)[0]
    assert (listed["present"], listed["leave"], listed["absent"]) == (5, 0, 1)


def test_a_refused_scan_exits_zero_and_a_bug_does_not(capsys, b, data_dir):
    code, out, _ = run(capsys, "signin", "scan", b.meeting_id, "not a code", "--json", "--data-dir", data_dir)
    assert code == 0 and json.loads(out) == {"status": "rejected", "member": None, "reason": refusal_text(Refusal.UNREADABLE)}
    code, out, _ = run(capsys, "signin", "scan", 999, b.payload("张伟"), "--json", "--data-dir", data_dir)
    assert code == 0 and json.loads(out)["reason"] == refusal_text(Refusal.NO_MEETING)
    code, out, err = run(capsys, "signin", "scan", b.meeting_id, b.payload("张伟"), "--at", "昨天", "--data-dir", data_dir)
    assert code == 2 and "昨天" in err


def test_text_output_names_the_member(capsys, b, data_dir):
    code, out, _ = run(capsys, "signin", "scan", b.meeting_id, b.payload("赵敏"), "--at", at(-1).isoformat(), "--data-dir", data_dir)
    assert code == 0 and out.startswith("赵敏")
    code, out, _ = run(capsys, "meetings", "close", b.meeting_id, "--data-dir", data_dir)
    assert code == 0 and str(b.meeting_id) in out


def test_leave_then_close(capsys, b, data_dir):
    code, _, err = run(capsys, "signin", "leave", b.meeting_id, b.ids["刘洋"], "--reason", "住院", "--data-dir", data_dir)
    assert code == 0, err
    code, _, err = run(capsys, "signin", "leave", b.meeting_id, b.ids["赵敏"], "--data-dir", data_dir)
    assert code == 2 and err  # a leave needs its reason
    code, out, _ = run(capsys, "meetings", "close", b.meeting_id, "--json", "--data-dir", data_dir)
    assert json.loads(out) == {"present": 0, "late": 0, "leave": 1, "absent": 5}


@needs_tools
def test_badges_and_statistics(capsys, b, data_dir, tmp_path):
    code, out, err = run(capsys, "signin", "badges", "--pdf", tmp_path / "cards.pdf", "--group", "第二党小组", "--json",
                         "--data-dir", data_dir)
    assert code == 0, err
    assert json.loads(out)["members"] == 3
    assert sorted(c for p in decode_pdf(tmp_path / "cards.pdf", tmp_path / "c") for c in p) == sorted(
        b.payload(n) for n in ("赵敏", "刘洋", "欧阳晓明"))
    assert run(capsys, "signin", "badges", "--pdf", tmp_path / "x.pdf", "--group", "没有", "--data-dir", data_dir)[0] == 2
    run(capsys, "meetings", "close", b.meeting_id, "--data-dir", data_dir)
    code, out, err = run(capsys, "signin", "stats", "--xlsx", tmp_path / "出勤.xlsx", "--year", "2026", "--json", "--data-dir", data_dir)
    assert code == 0, err
    assert json.loads(out)["meetings"] == 1 and json.loads(out)["members"] == 6


def test_the_installed_command(b, data_dir):
    """The console script itself, as IT staff run it."""
    result = subprocess.run([str(BRANCHDESK), "signin", "scan", str(b.meeting_id), b.payload("张伟"), "--at",
                             at(-3).isoformat(), "--json", "--data-dir", str(data_dir)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"status": "signed_in", "member": "张伟", "reason": None}


def test_the_secretary_reads_the_reasons_in_chinese(capsys, b, data_dir, monkeypatch):
    payload = b.payload("张伟")
    forged = payload[:-1] + ("A" if payload[-1] != "A" else "B")
    assert scan(capsys, data_dir, b.meeting_id, forged, 0)["reason"] == "签到码无效：已被改动或伪造"
    assert scan(capsys, data_dir, b.meeting_id, payload, 20)["reason"] == "签到已于 14:45 截止"
    code, out, _ = run(capsys, "signin", "scan", b.meeting_id, payload, "--at", at(-1).isoformat(), "--data-dir", data_dir)
    assert out.strip() == "张伟: 已签到"
