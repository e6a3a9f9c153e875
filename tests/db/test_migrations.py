"""Migrations (DESIGN: Storage): HEAD is Alembic's head, the migrated schema is the models,
every released schema's fixture database upgrades with its data, downgrades come back up."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, select, text

from core.clock import FixedClock
from core.members import EventKind, Gender, MemberCategory, MemberRecord, RollStatus
from db.engine import DB_FILENAME, MIGRATIONS_DIR, _on_connect, migrate, open_database, schema_revision
from db.migrations import HEAD
from db.models import Base, ImportBatch, ImportUpdate
from desktop.services.members import ActionRefused, MemberService, ValidationFailed
from desktop.services.settings import SettingsService
from tests.db import make_fixture

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema_*.sqlite"))
CLOCK = FixedClock(datetime(2026, 11, 20, 9, 30))


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


def schema_differences(engine) -> list:
    with engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
        return compare_metadata(mc, Base.metadata)


def table_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def test_head_is_alembics_head():
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [HEAD]  # one line of history, ending where start-up thinks


def test_every_revision_before_head_has_a_released_fixture():
    """A schema that reached users must keep a database to upgrade from (Electrum's habit).
    The newest revision may still be unreleased; every older one must be covered."""
    script = ScriptDirectory.from_config(alembic_config())
    released = {p.stem.removeprefix("schema_") for p in RELEASED}
    older = [rev.revision for rev in script.walk_revisions() if rev.revision != HEAD]
    assert not [rev for rev in older if rev not in released]
    assert "0001" in released


def test_the_migrated_schema_is_the_models(data_dir):
    db = open_database(data_dir)
    try:
        assert schema_differences(db.engine) == []
    finally:
        db.close()


def test_downgrade_to_nothing_and_up_again(data_dir):
    open_database(data_dir).close()
    engine = create_engine(f"sqlite:///{data_dir / DB_FILENAME}")
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        with engine.connect() as conn:
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
        assert tables <= {"alembic_version"}
        assert schema_revision(data_dir / DB_FILENAME) is None
        migrate(engine)
        assert schema_revision(data_dir / DB_FILENAME) == HEAD
        assert schema_differences(engine) == []
    finally:
        engine.dispose()
    db = open_database(data_dir, branch_name="重新建立")
    try:
        assert MemberService(db, CLOCK).branch_name() == "重新建立"
    finally:
        db.close()


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_a_released_database_upgrades_with_all_its_rows(fixture, data_dir):
    data_dir.mkdir()
    path = data_dir / DB_FILENAME
    kept = fixture.read_bytes()
    shutil.copy(fixture, path)  # never the fixture itself
    old_revision = schema_revision(path)
    old_counts = table_counts(path)
    db = open_database(data_dir)
    try:
        assert schema_revision(path) == HEAD
        assert schema_differences(db.engine) == []
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        new_counts = table_counts(path)
        for table, count in old_counts.items():
            if table in new_counts:  # a table a later migration folded away is checked by hand
                assert new_counts[table] == count, table
        backup = db.backup_before_migration
        if old_revision == HEAD:
            assert backup is None  # nothing to migrate, nothing copied
        else:
            # Copied aside first, holding the old schema and every old row.
            assert backup is not None and backup.parent == data_dir
            assert backup.name.startswith(f"branch.before-{old_revision}-") and backup.suffix == ".sqlite"
            assert schema_revision(backup) == old_revision
            # … sealed after the upgrade, carrying the envelopes that open it (db/keyring.py).
            assert table_counts(backup) == {**old_counts, "key_envelope": 2}
    finally:
        db.close()
    assert fixture.read_bytes() == kept


def test_the_first_released_schema_keeps_its_members_history_and_imports(data_dir):
    data_dir.mkdir()
    shutil.copy(FIXTURES / "schema_0001.sqlite", data_dir / DB_FILENAME)
    db = open_database(data_dir)
    try:
        members = MemberService(db, CLOCK)
        assert members.branch_name() == "东风社区第一党支部"
        assert members.groups() == ["第一党小组", "第二党小组"]

        rows = {r.name: r for r in members.roster()}
        assert set(rows) == {"张丽", "李强", "阿卜杜拉·艾尼"}
        assert rows["张丽"].id_masked == "110105********002X"
        assert rows["阿卜杜拉·艾尼"].roll_status == RollStatus.TRANSFERRED_OUT.value

        zhang = members.get(1)
        assert (zhang.gender, zhang.birth_date, zhang.category) == (Gender.FEMALE, date(1949, 12, 31), MemberCategory.FULL)
        assert (zhang.joined_on, zhang.full_member_on) == (date(1975, 7, 1), date(1976, 7, 1))
        assert (zhang.phone, zhang.address, zhang.group) == ("13800000001", "北京市西城区东风路1号", "第一党小组")
        assert (zhang.dues_category.value, zhang.dues_base_fen) == ("retired", 480000)
        li = members.get(2)
        assert (li.category, li.mobile, li.mobile_destination) == (MemberCategory.PROBATIONARY, True, "广东省深圳市")

        assert [e.kind for e in members.history(3)] == [EventKind.SUSPENDED, EventKind.RESTORED, EventKind.TRANSFER_OUT]
        assert members.history(1)[0].on == date(2010, 3, 1)

        with db.session() as s:
            batch = s.get(ImportBatch, 1)
            assert (batch.source_name, batch.created_count, batch.updated_count) == ("党员花名册2025.xlsx", 1, 1)
            assert s.scalars(select(ImportUpdate.member_id)).all() == [3]
        assert SettingsService(db).get("reminders.conversion_days") == 45

        # The branch secret and the look-up hashes came through: a duplicate is still caught …
        with pytest.raises(ValidationFailed) as err:
            members.add(MemberRecord(name="张丽二", id_number="11010519491231002X"))
        assert "张丽" in str(err.value)
        # … and the upgraded file takes new work.
        members.record_event(1, EventKind.LOST_CONTACT, date(2026, 11, 1))
        assert members.get(1).lost_contact_on == date(2026, 11, 1)
        new_id = members.add(MemberRecord(name="赵敏", group="第二党小组"))
        assert members.get(new_id).group == "第二党小组"
    finally:
        db.close()


def test_the_fixture_maker_writes_the_first_schema(tmp_path):
    made = make_fixture.make(tmp_path / "again.sqlite")
    assert schema_revision(made) == "0001"
    assert table_counts(made) == table_counts(FIXTURES / "schema_0001.sqlite")


def test_the_fixture_maker_writes_the_dues_schema(tmp_path):
    made = make_fixture.make(tmp_path / "again.sqlite", "0002")
    assert schema_revision(made) == "0002"
    assert table_counts(made) == table_counts(FIXTURES / "schema_0002.sqlite")
    assert table_counts(made)["dues_payment_month"] == 5


def test_the_fixture_maker_writes_the_signin_schema(tmp_path):
    made = make_fixture.make(tmp_path / "again.sqlite", "0005")
    assert schema_revision(made) == "0005"
    assert table_counts(made) == table_counts(FIXTURES / "schema_0005.sqlite")
    assert table_counts(made)["signin_scan"] == 2


def test_the_fixture_maker_writes_the_meetings_schema(tmp_path):
    made = make_fixture.make(tmp_path / "again.sqlite", "0003")
    assert schema_revision(made) == "0003"
    assert table_counts(made) == table_counts(FIXTURES / "schema_0003.sqlite")
    assert table_counts(made)["meeting_attendance"] == 3


def table_rows(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        # WITHOUT ROWID tables (the ballots and their kin) have no rowid: in key order.
        plain = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                           "AND upper(sql) NOT LIKE '%WITHOUT ROWID%'")}
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY {"rowid" if t in plain else 1}').fetchall() for t in tables}
    finally:
        con.close()


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_upgrading_keeps_every_value_of_every_row(fixture, data_dir):
    """Not only as many rows: the same rows, column for column (new columns come last)."""
    data_dir.mkdir()
    shutil.copy(fixture, data_dir / DB_FILENAME)
    before = table_rows(data_dir / DB_FILENAME)
    db = open_database(data_dir)
    db.close()
    after = unsealed(table_rows(data_dir / DB_FILENAME), data_dir / DB_FILENAME, db.cipher)
    for table, rows in before.items():
        assert [row[:len(rows[0])] for row in after[table]] == rows if rows else after[table] == [], table
    # The tables of later schemas arrive empty and take work; the envelopes come with the key.
    for table in set(after) - set(before) - {"key_envelope"}:
        assert after[table] == [], table


def unsealed(tables: dict[str, list[tuple]], path: Path, cipher) -> dict[str, list[tuple]]:
    """The rows with every sealed value (db/crypto.py) opened, for comparing with the old file."""
    from db.crypto import is_sealed_bytes, is_sealed_text
    from db.keyring import personal_columns
    kinds = {(t, c): k for t, c, k in personal_columns()}
    con = sqlite3.connect(path)
    try:
        names = {t: [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    finally:
        con.close()

    def value(table, column, v):
        if is_sealed_text(v):
            return cipher.open_text(v, kinds[table, column])
        if table == "branch" and column == "secret" and is_sealed_bytes(v):
            return cipher.open_bytes(v, "branch.secret")
        return v
    return {t: [tuple(value(t, c, v) for c, v in zip(names[t], row)) for row in rows] for t, rows in tables.items()}


REBUILD = '''"""Test only: rebuild tables the way a batch migration does (copy, drop, rename)."""
import sqlalchemy as sa
from alembic import op

revision = "test_rebuild"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade():
    for table in ("party_group", "member", "import_batch"):
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.add_column(sa.Column("test_extra", sa.String(5), nullable=True))


def downgrade():
    for table in ("party_group", "member", "import_batch"):
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.drop_column("test_extra")
'''


def test_a_migration_that_rebuilds_tables_keeps_the_rows_pointing_at_them(tmp_path, data_dir):
    """With foreign keys on, SQLite's DROP TABLE in a rebuild deletes every member_event and
    import_update row (ON DELETE CASCADE) and empties member.group_id (SET NULL)."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_test_rebuild.py").write_text(REBUILD.format(head=HEAD))
    data_dir.mkdir()
    shutil.copy(FIXTURES / "schema_0001.sqlite", data_dir / DB_FILENAME)
    open_database(data_dir).close()  # to today's HEAD first
    path = data_dir / DB_FILENAME
    before = table_counts(path)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    try:
        migrate(engine, script_location=scripts)
        assert schema_revision(path) == "test_rebuild"
        assert table_counts(path) == before
        with engine.connect() as conn:
            assert conn.execute(text("SELECT group_id FROM member ORDER BY id")).scalars().all() == [1, 2, 1]
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1  # back on afterwards
    finally:
        engine.dispose()


def test_the_fixture_maker_writes_the_votes_schema(tmp_path):
    made = make_fixture.make(tmp_path / "again.sqlite", "0006")
    assert schema_revision(made) == "0006"
    assert table_counts(made) == table_counts(FIXTURES / "schema_0006.sqlite")
    assert table_counts(made)["ballot"] == 1
