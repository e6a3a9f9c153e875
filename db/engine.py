"""Opening the branch database: pragmas, the copy aside, migrations.

DESIGN (Storage): WAL, ``synchronous=FULL``, foreign keys on; migrations run at start
after copying the file aside. Errors a secretary can act on are ``StorageError``.
"""
from __future__ import annotations

import logging
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from core.i18n import translate
from db.migrations import HEAD

if TYPE_CHECKING:
    from db.crypto import DataCipher
    from db.keyring import KeyProvider

log = logging.getLogger(__name__)

DB_FILENAME = "branch.sqlite"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class StorageError(Exception):
    """The database cannot be used for a reason the user can do something about."""


@dataclass(frozen=True)
class BranchKeys:
    """The keys of an open branch. ``audit`` keys the hash chain of the audit log; it
    derives from the data key (db/crypto.py), so only the unlocked program has it."""
    audit: bytes


@dataclass
class Database:
    path: Path
    engine: Engine
    session: sessionmaker[Session]
    backup_before_migration: Path | None = None
    keys: BranchKeys | None = None
    # The data key's cipher, installed on the engine by db/keyring.py's unlock.
    cipher: "DataCipher | None" = None
    # A recovery key made at this opening (a new branch, or one sealed for the first time):
    # the window or the command line shows it once; it is stored nowhere in clear.
    new_recovery_key: str | None = None

    def close(self) -> None:
        self.engine.dispose()


def _on_connect(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    # Deleted rows are overwritten with zeros, not left in free pages (DESIGN: Ballot secrecy).
    cur.execute("PRAGMA secure_delete=ON")
    # Sorts and VACUUM's scratch copy stay in memory: no temporary file holds a page.
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def schema_revision(path: Path) -> str | None:
    """The Alembic revision of a database file, None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                # Some other program's database: migrating would write our tables into it.
                raise StorageError(translate("storage", "The file {path} is not a BranchDesk database; move it elsewhere or choose another data folder").format(path=path))
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as err:
        raise StorageError(translate("storage", "The database file {path} is damaged or is not a BranchDesk database ({error})").format(path=path, error=err)) from err
    finally:
        con.close()


def copy_aside(path: Path, label: str) -> Path:
    """A consistent copy of the database (SQLite's backup API, so the WAL is included)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{label}-{stamp}.sqlite")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.before-{label}-{stamp}-{n}.sqlite")
        n += 1
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except BaseException:
        # A copy cut short (a full disk) is no copy: leave nothing that looks like one.
        for leftover in (target, target.with_name(target.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return target


def migrate(engine: Engine, target: str = "head", *, script_location: Path = MIGRATIONS_DIR) -> None:
    """Run the Alembic migrations up to ``target``.

    Foreign keys are off meanwhile: a batch migration rebuilds a table (copy, DROP, rename)
    and with them on, the DROP deletes or empties every row that points at the table —
    member_event rows (ON DELETE CASCADE) with their member, member.group_id (SET NULL) with
    party_group. What the rebuilt tables hold is checked afterwards instead.
    """
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    with engine.connect() as conn:
        try:
            with conn.begin():
                # Before any statement that opens an SQLite transaction: inside one it is ignored.
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                if conn.exec_driver_sql("PRAGMA foreign_keys").scalar():
                    raise RuntimeError("foreign keys could not be turned off for the migration")
                # Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE, so each
                # CREATE/DROP/ALTER would commit on its own: a migration cut short (power cut,
                # killed) left tables without their alembic_version, and the branch would not
                # open again. One explicit transaction makes the whole upgrade all or nothing.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"foreign keys broken by the migration to {target}: {broken[:5]}")
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


def _known_revision(revision: str) -> bool:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        return ScriptDirectory.from_config(cfg).get_revision(revision) is not None
    except CommandError:
        return False


def open_database(data_dir: Path, *, branch_name: str | None = None, keys: "KeyProvider | None" = None,
                  prepare: Callable[[Engine], None] | None = None) -> Database:
    """Open (creating or upgrading as needed) the branch database in ``data_dir`` and unlock
    it with what ``keys`` provides (default: the BRANCHDESK_PASSWORD environment variable).
    ``prepare`` gets the engine before its first connection (the caller's event listeners)."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StorageError(translate("storage", "Cannot create the data folder {path}: {error}").format(path=data_dir, error=err.strerror or err)) from err
    path = data_dir / DB_FILENAME
    revision = schema_revision(path)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    if prepare is not None:
        prepare(engine)
    backup = None
    if revision != HEAD:
        if revision is not None:
            if not _known_revision(revision):
                engine.dispose()
                raise StorageError(translate("storage", "The database {path} was written by a newer version of BranchDesk; install that version or a newer one to open it. The file has not been changed.").format(path=path))
            backup = copy_aside(path, revision)
            log.info("database at revision %s copied aside to %s before migrating", revision, backup.name)
        try:
            migrate(engine)
        except Exception as err:
            engine.dispose()
            if backup is not None:
                raise StorageError(translate("storage", "Upgrading the database failed; your data is safe in {backup}. ({error})").format(backup=backup, error=err)) from err
            raise
    db = Database(path, engine, sessionmaker(engine, expire_on_commit=False), backup)
    from db import keyring
    try:
        keyring.unlock(db, keys or keyring.EnvPassword())
        _ensure_branch(db, branch_name)
    except BaseException:
        engine.dispose()
        raise
    db.keys = BranchKeys(audit=db.cipher.derive("audit"))
    return db


def _ensure_branch(db: Database, name: str | None) -> None:
    from db.models import Branch

    with db.session.begin() as s:
        if s.get(Branch, 1) is None:
            s.add(Branch(id=1, name=name or translate("storage", "Our Party branch"), secret=secrets.token_bytes(32), created_at=datetime.now().replace(microsecond=0)))
