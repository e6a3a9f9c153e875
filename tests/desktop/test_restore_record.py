"""A restore leaves its line on the restored database's audit log (desktop/services/
restore_record.py): noted in the data folder at the restore, written at the next writable,
unlocked open of that same file — and of no other."""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from core.clock import FixedClock
from db import audit
from db.keyring import EnvPassword, LockedError
from desktop.cli import main
from desktop.context import open_context
from desktop.services.backups import BackupService, DamagedDatabase, request_read_only
from desktop.services.restore_record import MARKER
from tests.conftest import TODAY
from tests.db.test_backup import flip_page

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "db" / "fixtures"


def _reveals(ctx, n: int) -> None:
    """``n`` lines on the log (what the restored file's log must keep before its new line)."""
    for i in range(n):
        with ctx.db.session.begin() as s:
            audit.append(s, ctx.db.keys, "reveal_phone", f"member:{i + 1}", {"member_id": i + 1, "field": "phone"},
                         ctx.clock.now())


def _log(ctx) -> list[audit.AuditLine]:
    with ctx.db.session() as s:
        return audit.lines(s, newest_first=False)


def _verify(ctx) -> audit.VerifyResult:
    with ctx.db.session() as s:
        return audit.verify(s, ctx.db.keys)


def _restores(ctx) -> list[audit.AuditLine]:
    return [line for line in _log(ctx) if line.action == "restore_backup"]


def _back_up(ctx, data_dir, clock) -> Path:
    """Two lines on the log, a backup, then one more line: the backup's log is shorter than
    the live one (as after any day's work)."""
    _reveals(ctx, 2)
    made = BackupService(data_dir, clock).backup_now().path
    _reveals(ctx, 1)
    ctx.close()
    return made


@pytest.fixture
def backed_up(ctx, data_dir, clock):
    return _back_up(ctx, data_dir, clock)


def test_a_restore_is_on_the_restored_files_log_once(backed_up, data_dir, clock):
    later = FixedClock(TODAY + timedelta(hours=2))
    service = BackupService(data_dir, later)
    service.restore(backed_up)
    assert (data_dir / MARKER).exists()
    raw = (data_dir / MARKER).read_text(encoding="ascii")
    assert "测试党支部" not in raw and str(data_dir) not in raw

    ctx = open_context(data_dir, clock=clock)
    try:
        log = _log(ctx)
        assert [line.action for line in log] == ["reveal_phone", "reveal_phone", "restore_backup"]
        line = log[-1]
        assert line.at == later.now() and line.subject == "branch"
        assert line.detail["backup"] == backed_up.name and line.detail["kind"] == "backup"
        # As the audit dialog and `audit list` show it: the act, and which backup.
        assert line.label == "恢复备份"
        assert f"备份 {backed_up.name}" in line.detail_text and "撤销" not in line.detail_text
        assert _verify(ctx).ok
    finally:
        ctx.close()
    assert not (data_dir / MARKER).exists()

    ctx = open_context(data_dir, clock=clock)
    try:
        assert len(_log(ctx)) == 3 and _verify(ctx).ok  # opening again adds nothing
    finally:
        ctx.close()


def test_a_note_left_behind_after_its_line_was_written_adds_no_second_line(backed_up, data_dir, clock):
    """Killed after the line's commit, before the note was removed: the next open finds the
    line there and only removes the note."""
    BackupService(data_dir, clock).restore(backed_up)
    note = (data_dir / MARKER).read_bytes()
    open_context(data_dir, clock=clock).close()
    (data_dir / MARKER).write_bytes(note)
    ctx = open_context(data_dir, clock=clock)
    try:
        assert len(_restores(ctx)) == 1 and len(_log(ctx)) == 3 and _verify(ctx).ok
    finally:
        ctx.close()
    assert not (data_dir / MARKER).exists()


def test_undoing_a_restore_is_recorded_in_the_database_put_back(backed_up, data_dir, clock):
    service = BackupService(data_dir, clock)
    aside = service.restore(backed_up)
    open_context(data_dir, clock=clock).close()  # the restore's line, on the backup's file

    undo_clock = FixedClock(TODAY + timedelta(minutes=10))
    kept = BackupService(data_dir, undo_clock).restore(aside)
    ctx = open_context(data_dir, clock=clock)
    try:
        log = _log(ctx)
        # The records as they were before the restore (three lines), and the undo on top.
        assert [line.action for line in log] == ["reveal_phone"] * 3 + ["restore_backup"]
        assert log[-1].detail == {"backup": aside.name, "kind": "undo", "os_user": audit.os_user()}
        assert "撤销上一次恢复" in log[-1].detail_text
        assert log[-1].at == undo_clock.now() and _verify(ctx).ok
    finally:
        ctx.close()
    assert not (data_dir / MARKER).exists()
    # The restored file, kept aside by the undo, keeps its own line.
    con = sqlite3.connect(kept)
    assert [r[0] for r in con.execute("SELECT action FROM audit_log ORDER BY id")] == \
        ["reveal_phone", "reveal_phone", "restore_backup"]
    con.close()


def test_a_note_for_another_database_file_is_removed_without_a_line(backed_up, data_dir, clock, tmp_path):
    other_dir = tmp_path / "other"
    other = open_context(other_dir, clock=clock, branch_name="另一个支部")
    _reveals(other, 2)
    other.close()
    BackupService(data_dir, clock).restore(backed_up)
    # The file replaced by hand before the next open: another branch's, same length of log.
    shutil.copyfile(other_dir / "branch.sqlite", data_dir / "branch.sqlite")

    ctx = open_context(data_dir, clock=clock)
    try:
        assert [line.action for line in _log(ctx)] == ["reveal_phone", "reveal_phone"]
        assert _verify(ctx).ok
    finally:
        ctx.close()
    assert not (data_dir / MARKER).exists()


def test_a_note_for_an_older_copy_of_the_same_branch_is_removed(backed_up, data_dir, clock):
    """The live file put back by hand over the restored one: same branch, its log holds the
    backup's lines and more, written before the restore."""
    live = data_dir.parent / "live-copy.sqlite"
    shutil.copyfile(data_dir / "branch.sqlite", live)
    assert not (data_dir / "branch.sqlite-wal").exists() or (data_dir / "branch.sqlite-wal").stat().st_size == 0
    BackupService(data_dir, FixedClock(TODAY + timedelta(hours=1))).restore(backed_up)
    shutil.copyfile(live, data_dir / "branch.sqlite")

    ctx = open_context(data_dir, clock=clock)
    try:
        assert [line.action for line in _log(ctx)] == ["reveal_phone"] * 3
    finally:
        ctx.close()
    assert not (data_dir / MARKER).exists()


def test_a_read_only_open_keeps_the_note_and_writes_nothing(ctx, data_dir, clock):
    from desktop.services.demo import create_demo_branch
    create_demo_branch(ctx)  # meetings, so that a page of them can be spoiled
    BackupService(data_dir, clock).restore(_back_up(ctx, data_dir, clock))
    path = data_dir / "branch.sqlite"
    con = sqlite3.connect(path)
    # As the engine's set-up would (the one change it makes to a file not yet in WAL mode), so
    # that the bytes below show what the read-only open itself writes.
    con.execute("PRAGMA journal_mode=WAL")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meeting'").fetchone()[0]
    con.close()
    flip_page(path, root)  # damaged after the restore: only a look-only open is possible
    before = path.read_bytes()
    with pytest.raises(DamagedDatabase):
        open_context(data_dir, clock=clock)
    request_read_only(data_dir)
    ctx = open_context(data_dir, clock=clock)
    try:
        assert ctx.guard.read_only
        assert [line.action for line in _log(ctx)] == ["reveal_phone", "reveal_phone"]
    finally:
        ctx.close()
    assert path.read_bytes() == before
    assert (data_dir / MARKER).exists()

    flip_page(path, root)  # the same bytes flipped back: the file is whole again
    ctx = open_context(data_dir, clock=clock)
    try:
        assert [line.action for line in _log(ctx)] == ["reveal_phone", "reveal_phone", "restore_backup"]
        assert _verify(ctx).ok
    finally:
        ctx.close()
    assert not (data_dir / MARKER).exists()


def test_a_failed_unlock_after_the_restore_does_not_lose_the_note(backed_up, data_dir, clock):
    BackupService(data_dir, clock).restore(backed_up)
    with pytest.raises(LockedError):
        open_context(data_dir, clock=clock, keys=EnvPassword("不是这个口令"))
    assert (data_dir / MARKER).exists()
    ctx = open_context(data_dir, clock=clock)
    try:
        assert len(_restores(ctx)) == 1 and _verify(ctx).ok
    finally:
        ctx.close()


def test_killed_after_the_restore_the_next_start_records_it(backed_up, data_dir, clock):
    code = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from desktop.services.backups import BackupService
        BackupService(Path({str(data_dir)!r})).restore(Path({str(backed_up)!r}))
        os._exit(3)  # killed right after: no clean-up of any kind
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 3, out.stderr
    assert not list(data_dir.glob(MARKER + ".tmp"))
    ctx = open_context(data_dir, clock=clock)
    try:
        [line] = _restores(ctx)
        assert line.detail["backup"] == backed_up.name and _verify(ctx).ok
    finally:
        ctx.close()


def test_a_backup_from_before_encryption_is_recorded_once_sealed(data_dir, clock):
    """The restored file's branch secret is plain; the first open seals it (db/keyring.py):
    the note still knows the file."""
    fixture = FIXTURES / "schema_0006.sqlite"
    data_dir.mkdir(parents=True)
    BackupService(data_dir, clock).restore(fixture)
    ctx = open_context(data_dir, clock=clock)
    try:
        [line] = _restores(ctx)
        assert line.detail["backup"] == fixture.name and _verify(ctx).ok
    finally:
        ctx.close()


def test_a_backup_named_in_chinese_is_named_by_its_time(backed_up, data_dir, clock, tmp_path):
    renamed = tmp_path / "张伟的备份.sqlite"
    shutil.copyfile(backed_up, renamed)
    BackupService(data_dir, clock).restore(renamed)
    ctx = open_context(data_dir, clock=clock)
    try:
        [line] = _restores(ctx)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", line.detail["backup"]) and _verify(ctx).ok
    finally:
        ctx.close()


def test_restore_on_the_command_line_is_listed_by_audit_list(backed_up, data_dir, capsys):
    code = main(["restore", str(backed_up), "--yes", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code == 0, err
    code = main(["audit", "list", "--json", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code == 0, err
    listed = json.loads(out)
    assert [line["action"] for line in listed] == ["restore_backup", "reveal_phone", "reveal_phone"]
    assert listed[0]["detail"]["backup"] == backed_up.name
    code = main(["audit", "verify", "--data-dir", str(data_dir)])
    assert code == 0, capsys.readouterr()
    capsys.readouterr()
    code = main(["audit", "list", "--json", "--data-dir", str(data_dir)])
    assert code == 0 and len(json.loads(capsys.readouterr().out)) == 3
