"""A full disk or a read-only folder in the middle of the work (issue 8): a message that says
what happened and what to do, nothing lost, nothing half-written, and the same action works
once space is freed — without restarting.

On a real small disk: a tmpfs of a few megabytes mounted on the data folder (or on the folder
an export goes to), filled to the last byte or remounted read-only. Root only (CI runs as root).
"""
from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime

import pytest

from core.dues import DuesCategory
from core.members import Gender, MemberCategory, MemberRecord
from db.engine import DB_FILENAME, copy_aside
from desktop.services import exporter, importer
from desktop.services.dues import PaymentRequest
from desktop.services.errors import DiskTrouble, KnownError, as_known
from desktop.services.exporter import ExportFailed
from tests.helpers.small_disk import fill, free, needs_root, read_only, small_disk, writable
from tests.helpers.spreadsheets import make_id, write_xlsx

pytestmark = needs_root


@pytest.fixture
def disk(tmp_path):
    with small_disk(tmp_path / "disk") as folder:
        yield folder


@pytest.fixture
def data_dir(disk):
    """The ``ctx`` fixture's branch lives on the small disk."""
    return disk / "branch"


def person(n: int, **changes) -> MemberRecord:
    rec = MemberRecord(name=f"党员{n:03d}", gender=Gender.MALE, joined_on=date(2000, 7, 1), category=MemberCategory.FULL,
                       full_member_on=date(2001, 7, 1), group="第一党小组", dues_category=DuesCategory.IN_SERVICE,
                       dues_base_fen=480000, note="长期在社区服务。" * 40)
    return rec.with_changes(**changes) if changes else rec


def whole(path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def until_full(action, limit: int = 3000):
    """Call ``action(i)`` until the disk refuses; the results that returned, and the refusal."""
    done = []
    for i in range(limit):
        try:
            done.append(action(i))
        except KnownError as err:
            return done, err
    raise AssertionError(f"{limit} writes fitted on a full disk")


def test_members_added_until_the_disk_is_full_are_kept_and_the_next_one_waits_for_space(ctx, disk, data_dir):
    before = [ctx.members.add(person(i)) for i in range(3)]
    filler = fill(disk)
    added, err = until_full(lambda i: ctx.members.add(person(100 + i)))
    assert isinstance(err, DiskTrouble) and err.kind == "full"
    assert str(data_dir) in str(err)
    assert [r.id for r in ctx.members.roster()] == before + added   # the refused one is not there
    whole(data_dir / DB_FILENAME)

    free(filler)
    again = ctx.members.add(person(999))  # the same program, the same connection pool
    assert [r.id for r in ctx.members.roster()][-1] == again
    whole(data_dir / DB_FILENAME)


def test_a_dues_payment_on_a_full_disk_is_all_or_nothing(ctx, disk, data_dir):
    members = [ctx.members.add(person(i, dues_base_fen=480000 + i)) for i in range(60)]
    months = ((2026, 9), (2026, 10), (2026, 11))
    filler = fill(disk)

    def pay(i):
        return ctx.dues.record_payment(PaymentRequest(member_id=members[i], months=months, paid_on=date(2026, 11, 20))).payment_id
    paid, err = until_full(pay, limit=len(members))
    assert isinstance(err, DiskTrouble) and err.kind == "full"
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        rows = con.execute("SELECT p.id, count(m.id), p.amount_fen, sum(m.amount_fen) FROM dues_payment p "
                           "LEFT JOIN dues_payment_month m ON m.payment_id = p.id GROUP BY p.id ORDER BY p.id").fetchall()
    finally:
        con.close()
    assert [r[0] for r in rows] == paid
    assert all(n == 3 and amount == total for _, n, amount, total in rows)
    whole(data_dir / DB_FILENAME)

    free(filler)
    assert pay(len(paid)) is not None  # the refused payment, recorded now
    assert len(ctx.dues.payments()) == len(paid) + 1


def test_an_import_on_a_full_disk_imports_nobody_and_works_once_there_is_room(ctx, disk, data_dir, tmp_path):
    header = ["姓名", "性别", "身份证号码", "入党时间", "转正时间", "所属党小组", "人员类别"]
    rows = [header] + [[f"导入{i:03d}", "男", make_id(date(1960 + i % 40, 1 + i % 12, 1 + i % 28), i), "2005-07-01",
                        "2006-07-01", "第二党小组", "正式党员"] for i in range(300)]
    sheet = write_xlsx(tmp_path / "花名册.xlsx", rows)  # on the big disk: only the branch's is full
    ctx.members.add(person(1))
    plan = importer.read_plan(ctx, sheet)
    assert plan.accepted == 300
    filler = fill(disk)
    with pytest.raises(DiskTrouble) as caught:
        importer.commit(ctx, plan)
    assert caught.value.kind == "full"
    assert len(ctx.members.roster()) == 1
    assert importer.last_batch(ctx) is None
    whole(data_dir / DB_FILENAME)

    free(filler)
    assert importer.commit(ctx, plan).created == 300
    assert len(ctx.members.roster()) == 301


@pytest.fixture
def export_disk(tmp_path):
    with small_disk(tmp_path / "usb", size="1m") as folder:
        yield folder


# openpyxl leaves its zip writer and sheet generators open when a write fails; the collector
# closes them later, on the temporary file already closed and removed, and Python reports
# that as "Exception ignored". Harmless: the file is gone and the user has the message.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_export_to_a_full_folder_leaves_no_half_file(tmp_path, clock, export_disk):
    from desktop.context import open_context
    ctx = open_context(tmp_path / "branch", clock=clock)
    try:
        for i in range(40):
            ctx.members.add(person(i))
        filler = fill(export_disk)
        target = export_disk / "花名册.xlsx"
        with pytest.raises(ExportFailed) as caught:
            exporter.export_roster(ctx, target)
        assert disk_kind(caught.value) == "full" and str(export_disk) in str(caught.value)
        assert os.listdir(export_disk) == ["filler.bin"]   # the temporary file is gone

        free(filler)
        assert exporter.export_roster(ctx, target) == 40
        from openpyxl import load_workbook
        book = load_workbook(target, read_only=True)
        assert len(list(book.active.iter_rows())) > 40
        book.close()
        target.unlink()

        read_only(export_disk)
        try:
            with pytest.raises(ExportFailed) as caught:
                exporter.export_roster(ctx, target)
            assert disk_kind(caught.value) == "read_only"
            assert os.listdir(export_disk) == []
        finally:
            writable(export_disk)
        assert exporter.export_roster(ctx, target) == 40
    finally:
        ctx.close()


def disk_kind(err: BaseException) -> str | None:
    trouble = as_known(err.__cause__) if err.__cause__ is not None else None
    return trouble.kind if isinstance(trouble, DiskTrouble) else None


def test_the_copy_before_an_upgrade_and_a_backup_on_a_full_disk_leave_nothing_behind(ctx, disk, data_dir, export_disk):
    for i in range(20):
        ctx.members.add(person(i))
    filler = fill(disk)
    with pytest.raises(sqlite3.OperationalError) as caught:
        copy_aside(data_dir / DB_FILENAME, "0007")
    trouble = as_known(caught.value, data_dir)
    assert isinstance(trouble, DiskTrouble) and trouble.kind == "full" and str(data_dir) in str(trouble)
    assert not list(data_dir.glob("*.before-*"))
    free(filler)
    assert copy_aside(data_dir / DB_FILENAME, "0007").exists()

    from db import backup
    filler = fill(export_disk)
    with pytest.raises(backup.BackupError) as caught:
        backup.make_backup(data_dir / DB_FILENAME, export_disk / "backups", datetime(2026, 11, 20, 9, 30))
    assert str(export_disk / "backups") in str(caught.value)
    assert os.listdir(export_disk / "backups") == []
    free(filler)
    made = backup.make_backup(data_dir / DB_FILENAME, export_disk / "backups", datetime(2026, 11, 20, 9, 30))
    assert made is not None and [p.name for p in (export_disk / "backups").iterdir() if not p.name.endswith(".tmp")]


def test_opening_the_branch_on_a_full_disk_says_so_and_changes_nothing(disk, data_dir, clock, capsys):
    from desktop.cli import main
    from desktop.context import open_context
    ctx = open_context(data_dir, clock=clock)
    ids = [ctx.members.add(person(i)) for i in range(5)]
    ctx.close()
    filler = fill(disk)
    with pytest.raises(Exception) as caught:  # noqa: PT011 — which one depends on where it struck
        open_context(data_dir, clock=clock)
    trouble = as_known(caught.value, data_dir)
    assert isinstance(trouble, DiskTrouble) and trouble.kind == "full"

    capsys.readouterr()
    assert main(["members", "list", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert str(data_dir) in err and "Traceback" not in err
    assert trouble.args[0] in err

    free(filler)
    ctx = open_context(data_dir, clock=clock)
    try:
        assert [r.id for r in ctx.members.roster()] == ids
    finally:
        ctx.close()
    whole(data_dir / DB_FILENAME)


def test_a_data_folder_made_read_only_under_the_program(ctx, disk, data_dir):
    ids = [ctx.members.add(person(i)) for i in range(3)]
    # The kernel remounts read-only only when no file there is open for writing: let go of
    # the connections (SQLAlchemy opens new ones on the next write) and the running marker.
    ctx.db.engine.dispose()
    guard = getattr(ctx, "guard", None)
    if guard is not None:
        guard.release()
    read_only(disk)
    try:
        with pytest.raises(DiskTrouble) as caught:
            ctx.members.add(person(9))
        assert caught.value.kind == "read_only" and str(data_dir) in str(caught.value)
        # A WAL database cannot always be read from a read-only folder either (its index file
        # cannot be made): the same message then, never a crash.
        try:
            assert [r.id for r in ctx.members.roster()] == ids
        except DiskTrouble as err:
            assert err.kind == "read_only"
    finally:
        ctx.db.engine.dispose()
        writable(disk)
    ctx.members.add(person(9))
    assert len(ctx.members.roster()) == 4
    whole(data_dir / DB_FILENAME)


def test_the_command_line_on_a_full_disk(disk, data_dir, clock, tmp_path, capsys):
    from desktop.cli import main
    from desktop.context import open_context
    open_context(data_dir, clock=clock).close()
    rows = [["姓名", "性别", "入党时间", "人员类别"]] + [[f"导入{i:03d}", "男", "2005-07-01", "正式党员"] for i in range(200)]
    sheet = write_xlsx(tmp_path / "花名册.xlsx", rows)
    filler = fill(disk)
    capsys.readouterr()
    assert main(["members", "import", str(sheet), "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert str(data_dir) in err and "Traceback" not in err
    free(filler)
    assert main(["members", "import", str(sheet), "--data-dir", str(data_dir), "--json"]) == 0
    assert '"created": 200' in capsys.readouterr().out


def test_attaching_a_photo_on_a_full_disk_leaves_no_piece_of_it(ctx, disk, data_dir, tmp_path):
    from core.meetings import MeetingRecord, MeetingType
    from desktop.services.meetings import MeetingRefused, MeetingService
    meetings = MeetingService(ctx.db, ctx.clock, data_dir)
    meeting_id = meetings.add(MeetingRecord(type=MeetingType.BRANCH_ASSEMBLY, title="学习会", start=datetime(2026, 11, 3, 14, 30),
                                            end=datetime(2026, 11, 3, 16, 0)))
    photo = tmp_path / "会场.jpg"
    photo.write_bytes(os.urandom(600_000))
    filler = fill(disk)
    with pytest.raises(MeetingRefused) as caught:
        meetings.attach(meeting_id, photo)
    assert disk_kind(caught.value) == "full" and str(data_dir) in str(caught.value)
    assert not [p for p in data_dir.rglob("*") if p.is_file() and p.parent.name != ".running"
                and not p.name.startswith(DB_FILENAME)]
    assert meetings.attachments(meeting_id) == []
    free(filler)
    assert meetings.attach(meeting_id, photo).size == 600_000
