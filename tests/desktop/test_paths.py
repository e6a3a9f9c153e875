"""Where the branch's data lives: --data-dir, then BRANCHDESK_DATA, then the user data folder."""
from __future__ import annotations

import subprocess
import sys

from desktop import paths


def test_explicit_folder_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_DATA, str(tmp_path / "env"))
    assert paths.data_dir(tmp_path / "flag") == (tmp_path / "flag").resolve()
    assert paths.data_dir() == (tmp_path / "env").resolve()


def test_platform_default_when_nothing_is_set(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.ENV_DATA)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "BranchDesk"


def test_the_command_line_uses_the_environment_folder(tmp_path):
    env_dir = tmp_path / "from-env"
    subprocess.run([sys.executable, "-m", "desktop.cli", "members", "list", "--json"],
                   env={"BRANCHDESK_DATA": str(env_dir), "PATH": "/usr/bin:/bin", "BRANCHDESK_PASSWORD": "环境里的密码-1"}, check=True, capture_output=True)
    assert (env_dir / "branch.sqlite").exists()
    assert (env_dir / "logs" / "branchdesk.log").exists()


def test_an_unusable_data_folder_is_a_clear_message_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "members", "list", "--data-dir", str(blocker / "sub")],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "无法创建数据文件夹" in out.stderr
