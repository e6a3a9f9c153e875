"""Backups: made to a .tmp name, checked, renamed; rotated 7/4/12; restored (and the restore
undone); a full disk leaves nothing behind; damage is found (issue 8)."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from db import backup
from db.backup import BackupError, Retention, backup_name, plan_rotation
from db.integrity import check_database

NOW = datetime(2026, 11, 20, 9, 30)


@pytest.fixture
def filled(ctx):
    from desktop.services.demo import create_demo_branch
    create_demo_branch(ctx)
    return ctx


def _rows(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return backup._counts(con)
    finally:
        con.close()


def test_a_backup_is_checked_then_renamed_and_holds_every_row(filled, tmp_path):
    dest = tmp_path / "backups"
    result = backup.make_backup(filled.db.path, dest, NOW)
    assert result.path == dest / "branch-2026-11-20-0930.sqlite"
    assert [p.name for p in dest.iterdir()] == [result.path.name]  # no .tmp left
    assert _rows(result.path) == _rows(filled.db.path)
    assert _rows(result.path)["member"] >= 40 and _rows(result.path)["dues_payment"] > 0
    checked = backup.verify(result.path)
    assert checked.branch_name == "测试党支部"
    assert check_database(result.path, full=True).ok


def test_a_backup_of_a_missing_database_says_so(tmp_path):
    with pytest.raises(BackupError, match="没有|no branch database|There is no"):
        backup.make_backup(tmp_path / "branch.sqlite", tmp_path / "b", NOW)


def _expected_keep(today: date) -> set[date]:
    """By hand, for 2026-11-20 (a Friday): the last seven days; then the Sundays of the four
    weeks before the week whose Sunday the dailies hold; then the last day of twelve months
    before November."""
    daily = {today - timedelta(days=n) for n in range(7)}                       # 11-14 … 11-20
    weekly = {date(2026, 11, 8), date(2026, 11, 1), date(2026, 10, 25), date(2026, 10, 18)}
    monthly = set()
    y, m = 2026, 10
    for _ in range(12):
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        monthly.add(nxt - timedelta(days=1))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    assert not daily & weekly and not (daily | weekly) & monthly
    return daily | weekly | monthly


def test_two_years_of_daily_backups_keep_exactly_7_daily_4_weekly_12_monthly(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("the secretary's own file")
    (folder / "branch-old-copy.sqlite").write_text("not one of ours")
    day = date(2024, 11, 21)
    while day <= NOW.date():
        moment = datetime.combine(day, NOW.time())
        (folder / backup_name(moment)).write_bytes(b"x")
        backup.rotate(folder, now=moment)  # as the program does after every backup
        day += timedelta(days=1)
    kept = {b.taken_at.date() for b in backup.list_backups(folder)}
    assert len(kept) == 23
    assert kept == _expected_keep(NOW.date())
    assert (folder / "notes.txt").exists() and (folder / "branch-old-copy.sqlite").exists()


def test_rotation_in_one_go_agrees_and_always_keeps_the_newest():
    moments = [datetime(2024, 11, 21, 9, 30) + timedelta(days=n) for n in range(730)]
    assert {m.date() for m in plan_rotation(moments)} == _expected_keep(NOW.date())
    # Several on one day: the newest of the day is the daily one.
    same_day = [datetime(2026, 11, 20, h) for h in (8, 12, 18)]
    assert plan_rotation(same_day) == {datetime(2026, 11, 20, 18)}
    assert plan_rotation(same_day, Retention(0, 0, 0)) == {datetime(2026, 11, 20, 18)}


def test_restore_drill_brings_everything_back_and_can_itself_be_undone(filled, tmp_path, clock):
    from desktop.context import open_context
    data_dir = filled.data_dir
    before = _rows(filled.db.path)
    names = sorted(r.name for r in filled.members.roster())
    made = backup.make_backup(filled.db.path, tmp_path / "backups", NOW).path

    # A bad afternoon: members deleted, dues payments gone.
    with filled.db.engine.begin() as con:
        con.exec_driver_sql("DELETE FROM dues_payment_month")
        con.exec_driver_sql("DELETE FROM dues_payment")
    gone = sorted(r.name for r in filled.members.roster())[:3]
    filled.settings.set("reminders.conversion_days", 99)
    changed = _rows(filled.db.path)
    assert changed["dues_payment"] == 0
    filled.close()

    aside = backup.restore(data_dir / "branch.sqlite", made, now=NOW + timedelta(hours=1))
    assert aside is not None and aside.exists()
    assert not (data_dir / "branch.sqlite-wal").exists() or (data_dir / "branch.sqlite-wal").stat().st_size == 0
    ctx = open_context(data_dir, clock=clock)
    try:
        assert sorted(r.name for r in ctx.members.roster()) == names
        assert ctx.settings.get("reminders.conversion_days") == 30
        assert _rows(ctx.db.path) == before
    finally:
        ctx.close()

    # The restore was a mistake: the copy it kept aside undoes it.
    backup.restore(data_dir / "branch.sqlite", aside, now=NOW + timedelta(hours=2))
    ctx = open_context(data_dir, clock=clock)
    try:
        assert ctx.settings.get("reminders.conversion_days") == 99
        assert _rows(ctx.db.path)["dues_payment"] == 0
        assert gone
    finally:
        ctx.close()


def test_restore_refuses_what_is_not_a_good_backup(filled, tmp_path):
    db_path = filled.db.path
    filled.close()
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(BackupError, match="不是支部工作台的数据库|not a BranchDesk database") as caught:
        backup.restore(db_path, other, now=NOW)
    assert str(other) in str(caught.value)  # the file chosen, not the working copy checked
    assert not list(db_path.parent.glob(".restore-*"))

    newer = tmp_path / "newer.sqlite"
    made = backup.make_backup(db_path, tmp_path / "b", NOW).path
    newer.write_bytes(made.read_bytes())
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(BackupError, match="更新的版本|newer version"):
        backup.restore(db_path, newer, now=NOW)

    text = tmp_path / "notes.sqlite"
    text.write_text("hello")
    with pytest.raises(BackupError):
        backup.restore(db_path, text, now=NOW)
    assert check_database(db_path).ok  # nothing was touched


def flip_page(path: Path, page: int) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    start = (page - 1) * size
    for i in range(start + 8, start + size - 8, 7):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def test_flipped_bytes_in_a_page_fail_the_quick_check(filled, tmp_path):
    copy = backup.make_backup(filled.db.path, tmp_path / "b", NOW, retention=None).path
    assert check_database(copy).ok
    con = sqlite3.connect(copy)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'member'").fetchone()[0]
    con.close()
    flip_page(copy, root)
    quick = check_database(copy)
    assert not quick.ok and quick.problems
    with pytest.raises(BackupError, match="损坏|damaged"):
        backup.verify(copy)


def test_a_full_disk_leaves_no_tmp_and_a_clear_message(filled, tmp_path):
    """The backup folder fills up half-way (a file-size limit in a child process stands in for
    the full stick); the .tmp goes and the message says what to do."""
    filled.close()
    dest = tmp_path / "stick"
    dest.mkdir()
    size = filled.db.path.stat().st_size
    code = textwrap.dedent(f"""
        import resource, signal, sys
        from datetime import datetime
        from pathlib import Path
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({size // 3}, {size // 3}))
        from core import i18n
        from desktop import paths
        i18n.install("zh_CN", paths.translation_source("zh_CN"))
        from db.backup import BackupError, make_backup
        try:
            make_backup(Path({str(filled.db.path)!r}), Path({str(dest)!r}), datetime(2026, 11, 20, 9, 30))
        except BackupError as err:
            print(err)
            sys.exit(2)
        sys.exit(0)
    """)
    if sys.platform == "win32":
        pytest.skip("no file-size limit on Windows")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert out.returncode == 2, out.stderr
    assert list(dest.iterdir()) == []
    assert "备份" in out.stdout and ("磁盘已满" in out.stdout or "空间" in out.stdout), out.stdout


def test_the_second_location_missing_is_a_warning_not_a_failure(filled, tmp_path):
    result = backup.make_backup(filled.db.path, tmp_path / "b", NOW, second_dir=tmp_path / "no-stick")
    assert result.path.exists()
    assert result.second_copy is None and result.second_error
    stick = tmp_path / "stick"
    stick.mkdir()
    result = backup.make_backup(filled.db.path, tmp_path / "b", NOW + timedelta(days=1), second_dir=stick)
    assert result.second_error is None
    assert result.second_copy == stick / "branch-2026-11-21-0930.sqlite"
    assert [p.name for p in stick.iterdir()] == [result.second_copy.name]


def test_restoring_over_a_damaged_database_keeps_it_aside_byte_for_byte(filled, tmp_path):
    db_path = filled.db.path
    made = backup.make_backup(db_path, tmp_path / "b", NOW).path
    filled.db.engine.dispose()
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'member'").fetchone()[0]
    con.close()
    filled.close()
    flip_page(db_path, root)
    damaged = db_path.read_bytes()
    aside = backup.restore(db_path, made, now=NOW)
    assert aside.read_bytes() == damaged
    assert list(db_path.parent.glob("branch.before-restore-*")) == [aside]
    assert check_database(db_path, full=True).ok
