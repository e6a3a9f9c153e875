"""Issue 8 outside the window: the checks at start (quick, full after an unclean exit), the
backup service, the commands backup / restore / check, one instance per data folder and no
data folder on a network share."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.clock import FixedClock
from desktop.cli import main
from desktop.instance import (InstanceLock, NetworkShareError, RunningMarker, ensure_local, held_elsewhere, mount_of,
                              network_filesystem)
from desktop.services.backups import BackupService, DamagedDatabase, start_checks
from desktop.services.errors import KnownError
from tests.db.test_backup import flip_page

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(ctx):
    from desktop.services.demo import create_demo_branch
    create_demo_branch(ctx)
    return ctx


# -- start-up checks --------------------------------------------------------------------

def test_a_damaged_database_is_found_at_start_and_not_opened(filled, data_dir):
    filled.db.engine.dispose()
    con = sqlite3.connect(filled.db.path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'member'").fetchone()[0]
    con.close()
    filled.close()
    flip_page(filled.db.path, root)
    before = filled.db.path.read_bytes()
    from desktop.context import open_context
    with pytest.raises(DamagedDatabase) as caught:
        open_context(data_dir)
    assert "已损坏" in str(caught.value) and "branchdesk restore" in str(caught.value)
    assert not caught.value.check.ok
    assert filled.db.path.read_bytes() == before  # nothing written to the damaged file


def _die_with_the_branch_open(data_dir: Path) -> None:
    code = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from desktop.context import open_context
        ctx = open_context(Path({str(data_dir)!r}))
        os._exit(3)  # killed: no close, no atexit
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 3, out.stderr


def test_after_an_unclean_exit_the_full_check_runs_and_finds_a_broken_reference(filled, data_dir):
    filled.close()
    # A dues payment of a member that is not there: quick_check does not look at foreign keys.
    con = sqlite3.connect(data_dir / "branch.sqlite")
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("UPDATE dues_payment SET member_id = 99999 WHERE id = (SELECT min(id) FROM dues_payment)")
    con.commit()
    con.close()
    clean = start_checks(data_dir)
    assert clean.unclean is False
    clean.release()

    _die_with_the_branch_open(data_dir)
    assert list((data_dir / ".running").glob("*.run"))  # left behind by the killed process
    with pytest.raises(DamagedDatabase) as caught:
        start_checks(data_dir)
    assert caught.value.check.full
    assert any("dues_payment" in p for p in caught.value.check.problems)


def test_a_clean_close_leaves_no_marker_and_the_next_start_is_quick(filled, data_dir):
    filled.close()
    assert not list((data_dir / ".running").glob("*.run"))
    guard = start_checks(data_dir)
    assert guard.unclean is False
    guard.release()


def test_a_normal_exit_without_close_is_clean_but_a_kill_is_not(filled, data_dir):
    filled.close()
    code = f"from pathlib import Path\nfrom desktop.context import open_context\nopen_context(Path({str(data_dir)!r}))\n"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})
    guard = start_checks(data_dir)
    assert guard.unclean is False
    guard.release()
    _die_with_the_branch_open(data_dir)
    guard = start_checks(data_dir)
    assert guard.unclean is True
    guard.release()


# -- the service ------------------------------------------------------------------------

def test_backup_service_folders_status_and_daily(filled, data_dir, tmp_path):
    clock = FixedClock(datetime(2026, 11, 20, 9, 30))
    service = BackupService(data_dir, clock)
    assert service.config().folder == data_dir / "backups"
    assert service.due() and service.status().overdue and service.status().last_at is None
    service.set_second(tmp_path / "stick")  # not plugged in
    result = service.backup_now()
    assert result.path.parent == data_dir / "backups"
    status = service.status()
    assert status.last_at == datetime(2026, 11, 20, 9, 30) and not status.overdue
    assert status.second_error and "U盘" in status.second_error
    assert not service.due()
    clock.at += timedelta(hours=25)
    assert service.due()
    (tmp_path / "stick").mkdir()
    service.backup_now()
    assert service.status().second_error is None
    listed = service.backups()
    assert [b.taken_at for b in listed] == [datetime(2026, 11, 21, 10, 30), datetime(2026, 11, 20, 9, 30)]
    clock.at += timedelta(days=4)
    assert service.status().overdue
    with pytest.raises(Exception, match="数据文件夹以外"):
        service.set_folder(data_dir)


# -- the commands -----------------------------------------------------------------------

def test_commands_backup_check_restore(filled, data_dir, capsys, tmp_path):
    names = sorted(r.name for r in filled.members.roster())
    filled.close()
    code, out, err = run(capsys, "backup", "--json", "--data-dir", data_dir)
    assert code == 0, err
    made = json.loads(out)
    assert Path(made["file"]).parent == data_dir / "backups" and made["second_error"] is None

    code, out, _ = run(capsys, "check", "--data-dir", data_dir)
    assert code == 0 and "完好" in out

    code, out, _ = run(capsys, "backup", "list", "--json", "--data-dir", data_dir)
    assert [b["file"] for b in json.loads(out)] == [made["file"]]

    code, out, err = run(capsys, "backup", "--to", tmp_path / "usb", "--data-dir", data_dir)
    assert code == 0 and "已备份到" in out and str(tmp_path / "usb") in out

    # Damage, then the check says so and points at the backup.
    con = sqlite3.connect(data_dir / "branch.sqlite")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'member'").fetchone()[0]
    con.close()
    flip_page(data_dir / "branch.sqlite", root)
    code, out, _ = run(capsys, "check", "--data-dir", data_dir)
    assert code == 2 and "已损坏" in out and "branchdesk restore" in out and made["file"] in out
    code, out, err = run(capsys, "members", "list", "--data-dir", data_dir)
    assert code == 2 and "已损坏" in err

    # Without --yes and without a terminal: refused, nothing changed.
    code, out, err = run(capsys, "restore", made["file"], "--data-dir", data_dir)
    assert code == 2 and "--yes" in err
    code, out, err = run(capsys, "restore", made["file"], "--yes", "--json", "--data-dir", data_dir)
    assert code == 0, err
    aside = json.loads(out)["aside"]
    assert Path(aside).exists()
    code, out, _ = run(capsys, "members", "list", "--all", "--json", "--data-dir", data_dir)
    assert code == 0 and sorted(m["name"] for m in json.loads(out)) == names


def test_restore_refuses_while_the_window_holds_the_data_folder(filled, data_dir, capsys):
    filled.close()
    code, out, _ = run(capsys, "backup", "--json", "--data-dir", data_dir)
    made = json.loads(out)["file"]
    window = InstanceLock(data_dir)
    assert window.acquire()
    try:
        code, _, err = run(capsys, "restore", made, "--yes", "--data-dir", data_dir)
        assert code == 2 and "关闭程序窗口" in err
    finally:
        window.release()
    code, _, err = run(capsys, "restore", made, "--yes", "--data-dir", data_dir)
    assert code == 0, err


def test_restore_of_a_file_that_is_not_a_backup_is_refused(filled, data_dir, capsys, tmp_path):
    filled.close()
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff" + b"0" * 5000)
    code, _, err = run(capsys, "restore", junk, "--yes", "--data-dir", data_dir)
    assert code == 2 and "不能用作备份" in err


# -- one instance, local disk ------------------------------------------------------------

def test_the_instance_lock_is_one_holder_and_goes_with_its_process(tmp_path):
    first = InstanceLock(tmp_path)
    assert first.acquire()
    assert not InstanceLock(tmp_path).acquire()
    assert held_elsewhere(tmp_path)
    first.release()
    assert not held_elsewhere(tmp_path)
    # A process that dies holding it: the OS lets go.
    code = f"import os\nfrom pathlib import Path\nfrom desktop.instance import InstanceLock\nassert InstanceLock(Path({str(tmp_path)!r})).acquire()\nos._exit(0)\n"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    assert InstanceLock(tmp_path).acquire()


MOUNTINFO = textwrap.dedent(r"""
    22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
    30 22 0:26 / /home rw,relatime shared:2 - ext4 /dev/sda3 rw
    41 30 0:40 / /home/user/office\040share rw,relatime shared:30 - cifs //fileserver/branch rw,vers=3.0
    42 30 0:41 / /home/user/nfs rw,relatime shared:31 - nfs4 server:/export rw
    43 42 0:42 / /home/user/nfs/local-over rw,relatime shared:32 - tmpfs tmpfs rw
    44 30 0:43 / /home/user/remote rw,nosuid shared:33 - fuse.sshfs user@host:/data rw
    45 30 0:44 / /home/user/usb rw shared:34 master:5 - vfat /dev/sdb1 rw
""").strip()


def test_mountinfo_the_longest_mount_point_says_what_holds_a_folder():
    assert mount_of(Path("/home/user/.local/share/BranchDesk"), MOUNTINFO) == ("/home", "ext4")
    assert mount_of(Path("/home/user/office share/branch"), MOUNTINFO) == ("/home/user/office share", "cifs")
    assert mount_of(Path("/home/user/nfs/data"), MOUNTINFO) == ("/home/user/nfs", "nfs4")
    assert mount_of(Path("/home/user/nfs/local-over/x"), MOUNTINFO) == ("/home/user/nfs/local-over", "tmpfs")
    assert mount_of(Path("/home/user/remote"), MOUNTINFO) == ("/home/user/remote", "fuse.sshfs")
    assert mount_of(Path("/home/user/nfsother"), MOUNTINFO) == ("/home", "ext4")  # a prefix of a name is not a parent
    assert mount_of(Path("/srv"), MOUNTINFO) == ("/", "ext4")


def test_a_data_folder_on_a_network_share_is_refused_in_chinese(monkeypatch, tmp_path):
    from desktop import instance
    if not sys.platform.startswith("linux"):
        pytest.skip("the made-up mount table is Linux's")
    fake = tmp_path / "mountinfo"
    fake.write_text(MOUNTINFO + f"\n50 22 0:50 / {tmp_path.resolve()} rw - nfs server:/x rw\n")
    monkeypatch.setattr(instance, "MOUNTINFO", fake)
    assert network_filesystem(tmp_path / "data") == "nfs"
    with pytest.raises(NetworkShareError) as caught:
        ensure_local(tmp_path / "data")
    assert "网络共享" in str(caught.value) and "本机" in str(caught.value)
    from desktop.context import open_context
    with pytest.raises(NetworkShareError):
        open_context(tmp_path / "data")
    assert not (tmp_path / "data" / "branch.sqlite").exists()


def test_this_machines_temp_folder_is_local():
    import tempfile
    assert network_filesystem(Path(tempfile.gettempdir())) is None


def test_a_stale_running_marker_is_an_unclean_exit(tmp_path):
    (tmp_path / ".running").mkdir()
    (tmp_path / ".running" / "12345-dead.run").touch()  # nobody holds its lock
    live = RunningMarker(tmp_path)
    assert live.acquire() is True
    other = RunningMarker(tmp_path)
    assert other.acquire() is False  # the live one's lock is held: not a crash
    other.release()
    live.release()
    assert not list((tmp_path / ".running").iterdir())


def test_a_damaged_database_opens_read_only_when_asked_and_stays_as_it_was(filled, data_dir, clock):
    from desktop.context import open_context
    from desktop.services.backups import is_read_only, request_read_only
    names = sorted(r.name for r in filled.members.roster())
    filled.db.engine.dispose()
    con = sqlite3.connect(filled.db.path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # A page of the meetings: the roster can still be read.
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meeting'").fetchone()[0]
    con.close()
    filled.close()
    flip_page(filled.db.path, root)
    before = filled.db.path.read_bytes()
    with pytest.raises(DamagedDatabase):
        open_context(data_dir, clock=clock)

    request_read_only(data_dir)
    ctx = open_context(data_dir, clock=clock)
    try:
        assert ctx.guard.read_only and ctx.guard.problems
        assert is_read_only(ctx.db.path)
        assert sorted(r.name for r in ctx.members.roster()) == names
        with pytest.raises(KnownError, match="只能查看"):
            ctx.settings.set("reminders.conversion_days", 12)
    finally:
        ctx.close()
    assert filled.db.path.read_bytes() == before
    # One start only: the next one refuses again.
    with pytest.raises(DamagedDatabase):
        open_context(data_dir, clock=clock)
    assert not is_read_only(filled.db.path)
