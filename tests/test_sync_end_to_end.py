"""A branch PC and the central server, each started by its documented command (README), sync
end to end — on SQLite and on PostgreSQL: the administrator makes the tree and an enrollment
code, the branch enrolls, closes a month, syncs, receives a notice; then the same over a USB
file. Nothing here calls the Python code directly except to read the results."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.sync_server import ServerProcess, database_url, server_cli

BRANCHDESK = Path(sys.executable).parent / "branchdesk"


@pytest.fixture(params=["sqlite", "postgres"])
def server(request, tmp_path):
    url, cleanup = database_url(request.param, tmp_path)
    srv = ServerProcess(url, log=tmp_path / "server.log").start()
    yield srv
    srv.stop()
    cleanup()


def branchdesk(data_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([str(BRANCHDESK), "--data-dir", str(data_dir), *args], capture_output=True, text=True,
                            timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    if check and result.returncode != 0:
        raise AssertionError(f"branchdesk {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


def test_a_branch_and_the_server_sync_by_their_commands(server, tmp_path):
    db = server.db_url
    server_cli(db, "org", "add", "--code", "BJ", "--name", "滨江市委")
    server_cli(db, "org", "add", "--code", "DF", "--name", "东风区委", "--parent", "BJ")
    code = server_cli(db, "enroll", "--branch", "DF001", "--name", "东风社区第一党支部", "--parent", "DF").stdout.strip()
    data = tmp_path / "branch"
    branchdesk(data, "demo", "--no-window", "--members", "25")

    enrolled = json.loads(branchdesk(data, "sync", "enroll", "--server", server.url, "--code", code, "--json").stdout)
    assert enrolled == {"server": server.url, "branch": "DF001", "name": "东风社区第一党支部"}
    closed = json.loads(branchdesk(data, "sync", "close", "--month", "2026-10", "--json").stdout)
    assert closed["seq"] == 1
    server_cli(db, "notice", "--unit", "BJ", "--kind", "requirement", "--title", "十一月主题党日：重温入党誓词",
               "--month", "2026-11")
    assert json.loads(branchdesk(data, "sync", "--json").stdout) == {"sent": 1, "pending": 0}
    status = json.loads(branchdesk(data, "sync", "status", "--json").stdout)
    assert (status["waiting"], status["sent"], status["closed"], status["last_error"]) == (0, 1, ["2026-10"], "")

    [row] = json.loads(server_cli(db, "report", "--json").stdout)
    assert (row["code"], row["packets"], row["latest_period"]) == ("DF001", 1, "2026-10")

    # Offline: the next month goes by USB stick, then the PC reconnects.
    branchdesk(data, "sync", "close", "--month", "2026-09")
    usb = tmp_path / "U盘" / "DF001-汇总.json"
    usb.parent.mkdir()
    assert json.loads(branchdesk(data, "sync", "export", str(usb), "--json").stdout)["exported"] == 1
    imported = json.loads(server_cli(db, "import", str(usb), "--json").stdout)
    assert (imported["stored"], imported["repeated"]) == (1, 0)
    assert json.loads(branchdesk(data, "sync", "--json").stdout) == {"sent": 1, "pending": 0}
    [row] = json.loads(server_cli(db, "report", "--json").stdout)
    assert (row["packets"], row["highest_seq"], row["missing"]) == (2, 2, 0)  # stored once, however it came


def test_sync_says_plainly_when_the_server_is_down(tmp_path):
    data = tmp_path / "branch"
    branchdesk(data, "demo", "--no-window", "--members", "5")
    not_enrolled = branchdesk(data, "sync", check=False)
    assert not_enrolled.returncode == 2 and "Traceback" not in not_enrolled.stderr
    result = branchdesk(data, "sync", "enroll", "--server", "http://127.0.0.1:9", "--code", "AAAA-BBBB", check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "127.0.0.1" not in result.stdout
