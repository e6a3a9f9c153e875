"""The command line and the password: BRANCHDESK_PASSWORD, no terminal, the recovery key
printed once, ``branchdesk password change|recover|new-recovery-key``, the demo without a password."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.cli import main
from tests.conftest import TEST_PASSWORD

BRANCHDESK = Path(sys.executable).parent / "branchdesk"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_new_branch_takes_the_password_from_the_environment_and_prints_the_recovery_key_once(capsys, data_dir):
    code, out, err = run(capsys, "members", "list", "--json", "--data-dir", data_dir)
    assert code == 0 and json.loads(out) == []
    assert "恢复密钥" in err
    key = err.split("\n    ")[1].split("\n")[0].strip()
    assert len(key) == 39 and key.count("-") == 7
    code, out, err = run(capsys, "members", "list", "--json", "--data-dir", data_dir)
    assert code == 0 and "恢复密钥" not in err  # shown once


def test_the_wrong_password_in_the_environment_is_a_user_error(capsys, data_dir, monkeypatch):
    assert run(capsys, "members", "list", "--data-dir", data_dir)[0] == 0
    monkeypatch.setenv("BRANCHDESK_PASSWORD", "不是这个密码")
    code, out, err = run(capsys, "members", "list", "--data-dir", data_dir)
    assert code == 2 and "BRANCHDESK_PASSWORD" in err and "密码" in err


def test_without_the_variable_and_without_a_terminal_the_command_says_what_to_set(data_dir):
    """The real entry point in a subprocess whose stdin is no terminal."""
    env = {k: v for k, v in os.environ.items() if k != "BRANCHDESK_PASSWORD"}
    proc = subprocess.run([str(BRANCHDESK), "members", "list", "--data-dir", str(data_dir)], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "BRANCHDESK_PASSWORD" in proc.stderr and "终端" in proc.stderr
    assert "设定密码" in proc.stderr  # a new branch: a password to choose, not one to remember
    # With it, the same command works (the real Argon2id cost: a few tenths of a second).
    proc = subprocess.run([str(BRANCHDESK), "members", "list", "--data-dir", str(data_dir)],
                          env=env | {"BRANCHDESK_PASSWORD": "子进程的密码-1"}, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([str(BRANCHDESK), "members", "list", "--data-dir", str(data_dir)],
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "BRANCHDESK_PASSWORD" in proc.stderr
    assert "受密码保护" in proc.stderr and "设定密码" not in proc.stderr


def test_password_change_and_recover(capsys, data_dir, monkeypatch):
    code, _, err = run(capsys, "members", "list", "--data-dir", data_dir)
    key = err.split("\n    ")[1].split("\n")[0].strip()
    monkeypatch.setenv("BRANCHDESK_NEW_PASSWORD", "换过的密码-2027")
    code, out, err = run(capsys, "password", "change", "--data-dir", data_dir)
    assert code == 0 and "密码已更改" in out, err
    assert run(capsys, "members", "list", "--data-dir", data_dir)[0] == 2  # the old one no longer opens it
    monkeypatch.setenv("BRANCHDESK_RECOVERY_KEY", key.lower())
    monkeypatch.setenv("BRANCHDESK_NEW_PASSWORD", "第三个密码-2028")
    code, out, err = run(capsys, "password", "recover", "--data-dir", data_dir)
    assert code == 0 and "恢复密钥" in out, err
    monkeypatch.setenv("BRANCHDESK_PASSWORD", "第三个密码-2028")
    assert run(capsys, "members", "list", "--data-dir", data_dir)[0] == 0
    monkeypatch.setenv("BRANCHDESK_PASSWORD", TEST_PASSWORD)


def _printed_key(err: str) -> str:
    return err.split("\n    ")[1].split("\n")[0].strip()


def test_a_new_recovery_key_replaces_the_printed_one(capsys, data_dir, monkeypatch):
    code, _, err = run(capsys, "members", "list", "--data-dir", data_dir)
    old = _printed_key(err)
    code, out, err = run(capsys, "password", "new-recovery-key", "--data-dir", data_dir)
    assert code == 0, err
    new = _printed_key(err)
    assert "恢复密钥" in err and new != old
    assert len(new) == 39 and [len(g) for g in new.split("-")] == [4] * 8
    assert new not in out  # the key goes to stderr only, as at first run
    code, out, err = run(capsys, "audit", "list", "--json", "--data-dir", data_dir)
    assert code == 0 and [line["action"] for line in json.loads(out)] == ["new_recovery_key"]
    code, out, err = run(capsys, "audit", "verify", "--data-dir", data_dir)
    assert (code, out.strip()) == (0, "审计日志完整，共 1 条。"), err
    assert run(capsys, "members", "list", "--data-dir", data_dir)[0] == 0  # the password still opens it
    monkeypatch.setenv("BRANCHDESK_NEW_PASSWORD", "第三个密码-2028")
    monkeypatch.setenv("BRANCHDESK_RECOVERY_KEY", old)
    code, out, err = run(capsys, "password", "recover", "--data-dir", data_dir)
    assert code == 2 and "恢复密钥不对" in err
    monkeypatch.setenv("BRANCHDESK_RECOVERY_KEY", new)
    code, out, err = run(capsys, "password", "recover", "--data-dir", data_dir)
    assert code == 0, err


def test_a_new_recovery_key_with_the_wrong_password_changes_nothing(capsys, data_dir, monkeypatch):
    """Unlocked with the right password at the terminal, then the wrong one typed to confirm."""
    import getpass
    from desktop import cli_password
    code, _, err = run(capsys, "members", "list", "--data-dir", data_dir)
    old = _printed_key(err)
    monkeypatch.delenv("BRANCHDESK_PASSWORD")
    monkeypatch.setattr(cli_password, "_interactive", lambda: True)
    typed = [TEST_PASSWORD, "不对的密码-123"]
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": typed.pop(0))
    code, out, err = run(capsys, "password", "new-recovery-key", "--data-dir", data_dir)
    assert code == 2 and "当前密码不对" in err and out == ""
    assert not typed
    monkeypatch.setenv("BRANCHDESK_PASSWORD", TEST_PASSWORD)
    code, out, err = run(capsys, "audit", "list", "--json", "--data-dir", data_dir)
    assert code == 0 and json.loads(out) == []
    monkeypatch.setenv("BRANCHDESK_NEW_PASSWORD", "第三个密码-2028")
    monkeypatch.setenv("BRANCHDESK_RECOVERY_KEY", old)
    assert run(capsys, "password", "recover", "--data-dir", data_dir)[0] == 0  # the old key still works


def test_the_demo_has_no_recovery_key_to_replace(capsys, tmp_path, monkeypatch):
    from core.i18n import translate
    monkeypatch.delenv("BRANCHDESK_PASSWORD")
    folder = tmp_path / "demo"
    assert run(capsys, "demo", "--no-window", "--data-dir", folder)[0] == 0
    code, out, err = run(capsys, "password", "new-recovery-key", "--data-dir", folder)
    assert code == 2 and out == ""
    assert translate("crypto", "This branch has no password, so it has no recovery key to replace") in err


def test_the_demo_needs_no_password(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("BRANCHDESK_PASSWORD")
    folder = tmp_path / "demo"
    code, out, err = run(capsys, "demo", "--no-window", "--data-dir", folder)
    assert code == 0, err
    code, out, err = run(capsys, "members", "list", "--json", "--data-dir", folder)
    assert code == 0 and len(json.loads(out)) > 10
