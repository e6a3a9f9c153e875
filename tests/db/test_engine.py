"""Opening the branch database (DESIGN: Storage): new file at HEAD, pragmas, the copy aside,
and the files it must refuse without touching them."""
from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from core import i18n
from db.engine import DB_FILENAME, StorageError, copy_aside, open_database, schema_revision
from db.migrations import HEAD
from db.models import Branch, Member, MemberEvent


@pytest.fixture
def english():
    i18n.install("en", None)


@pytest.fixture
def db(data_dir):
    database = open_database(data_dir, branch_name="测试党支部")
    yield database
    database.close()


def add_member(db, name="张伟") -> int:
    now = datetime(2026, 1, 1)
    with db.session.begin() as s:
        m = Member(public_id=os.urandom(8).hex(), name=name, name_key="", ethnicity="", education="", post="",
                   party_standing="normal", lost_contact=False, mobile=False, mobile_destination="",
                   note="", roll_status="active", created_at=now, updated_at=now)
        s.add(m)
        s.flush()
        return m.id


def test_a_new_folder_gets_a_database_at_head(data_dir):
    assert not data_dir.exists()
    db = open_database(data_dir, branch_name="测试党支部")
    try:
        assert (data_dir / DB_FILENAME).is_file()
        assert schema_revision(data_dir / DB_FILENAME) == HEAD
        assert db.backup_before_migration is None
        with db.session() as s:
            branch = s.get(Branch, 1)
            assert branch.name == "测试党支部"
            assert len(branch.secret) == 32
    finally:
        db.close()


def test_reopening_keeps_the_branch_and_makes_no_copies(data_dir):
    db = open_database(data_dir, branch_name="测试党支部")
    with db.session() as s:
        secret = s.get(Branch, 1).secret
    add_member(db)
    db.close()
    db = open_database(data_dir, branch_name="另一个名字")
    try:
        with db.session() as s:
            branch = s.get(Branch, 1)
            # The secret keys every printed QR code: a new one would void them all.
            assert (branch.name, branch.secret) == ("测试党支部", secret)
            assert s.query(Member).count() == 1
        assert db.backup_before_migration is None
        assert sorted(p.name for p in data_dir.iterdir() if ".before-" in p.name) == []
    finally:
        db.close()


def test_pragmas_hold_on_every_connection(db):
    connections = [db.engine.connect() for _ in range(3)]
    try:
        with db.session() as s:
            connections.append(s.connection())
            for conn in connections:
                assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
                assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
                assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
                assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    finally:
        for conn in connections[:3]:
            conn.close()


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError):
        with db.session.begin() as s:
            s.add(MemberEvent(member_id=999, kind="lost_contact", on=date(2020, 1, 1), note="",
                              recorded_at=datetime(2020, 1, 1)))


def test_deleting_a_member_takes_their_history_with_them(db):
    # ON DELETE CASCADE only works with foreign keys on.
    member_id = add_member(db)
    with db.session.begin() as s:
        s.add(MemberEvent(member_id=member_id, kind="lost_contact", on=date(2020, 1, 1), note="",
                          recorded_at=datetime(2020, 1, 1)))
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM member WHERE id = :id"), {"id": member_id})
        assert conn.execute(text("SELECT count(*) FROM member_event")).scalar() == 0


@pytest.mark.parametrize("content", [os.urandom(4096), os.urandom(10), b"hello, not a database",
                                     b"SQLite format 3\x00" + os.urandom(4000)])
def test_a_damaged_file_is_refused_and_left_alone(data_dir, content, english):
    data_dir.mkdir()
    path = data_dir / DB_FILENAME
    path.write_bytes(content)
    with pytest.raises(StorageError) as err:
        open_database(data_dir)
    message = str(err.value)
    assert str(path) in message and "damaged" in message
    assert path.read_bytes() == content
    assert [p.name for p in data_dir.iterdir()] == [DB_FILENAME]


def test_another_programs_database_is_refused_and_left_alone(data_dir, english):
    data_dir.mkdir()
    path = data_dir / DB_FILENAME
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.execute("INSERT INTO contacts VALUES ('张伟')")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not a BranchDesk database"):
        open_database(data_dir)
    assert path.read_bytes() == before
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["contacts"]
    con.close()


def test_a_database_from_a_newer_version_is_refused_and_left_alone(db, data_dir, english):
    db.close()
    path = data_dir / DB_FILENAME
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer version"):
        open_database(data_dir)
    assert path.read_bytes() == before
    assert schema_revision(path) == "ffff_from_the_future"


def test_a_data_folder_that_cannot_be_made_is_a_storage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    with pytest.raises(StorageError):
        open_database(blocker / "branch")


def test_an_empty_file_is_a_new_database(data_dir):
    data_dir.mkdir()
    (data_dir / DB_FILENAME).write_bytes(b"")
    db = open_database(data_dir)
    try:
        assert schema_revision(data_dir / DB_FILENAME) == HEAD
    finally:
        db.close()


def test_schema_revision_of_nothing(tmp_path):
    assert schema_revision(tmp_path / "absent.sqlite") is None


def test_copy_aside_includes_what_is_still_in_the_write_ahead_log(db, data_dir):
    add_member(db, "张伟")
    add_member(db, "李娜")
    # The engine is still open: the rows may be only in branch.sqlite-wal.
    first = copy_aside(db.path, HEAD)
    second = copy_aside(db.path, HEAD)
    assert first != second  # two copies in the same second do not overwrite each other
    for copy in (first, second):
        assert copy.parent == data_dir
        assert copy.name.startswith(f"branch.before-{HEAD}-") and copy.suffix == ".sqlite"
        con = sqlite3.connect(copy)
        try:
            assert sorted(r[0] for r in con.execute("SELECT name FROM member")) == ["张伟", "李娜"]
            assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        finally:
            con.close()
