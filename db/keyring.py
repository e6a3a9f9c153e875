"""Unlocking a branch: its key envelopes, the first password, the upgrade of a plaintext file.

``unlock(db, provider)`` runs inside ``open_database`` once the schema is at head. Three cases:

- envelopes present: ask the provider for the password (or the recovery key and a new
  password) until one opens an envelope; an 'open' envelope (the demo) needs nothing;
- no envelopes and no branch yet: a new branch — a new data key, wrapped under the password
  the provider chooses and under a new recovery key (``db.new_recovery_key``, to show once);
- no envelopes but a branch: a file from before encryption — the same, then every personal
  column and the branch secret are rewritten sealed in the same transaction, the WAL and
  the free pages are emptied (checkpoint, VACUUM; secure_delete is on), and the copies
  aside in the data folder (branch.before-*.sqlite, plaintext) are sealed in place with the
  same data key and given the envelopes, so that restoring one still opens.

Providers (``KeyProvider``) are the window's dialogs, the command line, or ``EnvPassword``.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from core.i18n import translate
from db import crypto
from db.crypto import DataCipher, Envelope, LockedError, WrongPassword

if TYPE_CHECKING:
    from db.engine import Database

log = logging.getLogger(__name__)

ENV_PASSWORD = "BRANCHDESK_PASSWORD"
# After this many wrong tries in a row, the provider waits before asking again.
TRIES_BEFORE_WAIT = 5
WAIT_SECONDS = 10


@dataclass(frozen=True)
class Credentials:
    """What the user typed to unlock: the password, or the recovery key and a new password."""
    password: str | None = None
    recovery_key: str | None = None
    new_password: str | None = None


class KeyProvider(Protocol):
    def new_password(self, *, upgrading: bool) -> str | None:
        """The password for a branch that has none yet; None for no password (the demo)."""

    def credentials(self, *, failures: int, wait_seconds: int, error: str | None) -> Credentials:
        """Ask for the password; ``failures`` wrong tries so far, the last one's ``error``.
        ``wait_seconds`` > 0: let that much time pass before accepting another try.
        Raise (LockedError, KeyboardInterrupt …) to give up."""


class EnvPassword:
    """The password from BRANCHDESK_PASSWORD: scripts, tests, benches."""

    def __init__(self, password: str | None = None):
        self.password = password if password is not None else os.environ.get(ENV_PASSWORD)

    def new_password(self, *, upgrading: bool) -> str | None:
        if not self.password:
            raise LockedError(translate("crypto", "This branch needs a password: set the environment variable BRANCHDESK_PASSWORD, or start the program with its window"))
        return self.password

    def credentials(self, *, failures: int, wait_seconds: int, error: str | None) -> Credentials:
        if failures:
            raise LockedError(translate("crypto", "The password in BRANCHDESK_PASSWORD does not open this branch"))
        if not self.password:
            raise LockedError(translate("crypto", "The branch is locked: set the environment variable BRANCHDESK_PASSWORD to its password"))
        return Credentials(password=self.password)


class NoPassword:
    """The demo branch: an 'open' envelope, no password."""

    def new_password(self, *, upgrading: bool) -> str | None:
        return None

    def credentials(self, *, failures: int, wait_seconds: int, error: str | None) -> Credentials:
        return EnvPassword().credentials(failures=failures, wait_seconds=wait_seconds, error=error)


# -- envelopes in the database --------------------------------------------------------

def _envelopes(conn) -> dict[str, Envelope]:
    rows = conn.exec_driver_sql("SELECT kind, kdf, kdf_params, salt, nonce, wrapped FROM key_envelope").fetchall()
    return {r[0]: Envelope(*r) for r in rows}


def _store(execute, envelope: Envelope) -> None:
    """``execute``: an SQLAlchemy connection's ``exec_driver_sql`` or an sqlite3 connection's
    ``execute`` (a copy aside is sealed without SQLAlchemy)."""
    execute(
        "INSERT OR REPLACE INTO key_envelope (kind, kdf, kdf_params, salt, nonce, wrapped, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (envelope.kind, envelope.kdf, envelope.kdf_params, envelope.salt, envelope.nonce, envelope.wrapped,
         datetime.now().replace(microsecond=0).isoformat(sep=" ")))


def _checked_password(password: str) -> bytes:
    problem = crypto.password_problem(password)
    if problem:
        raise LockedError(problem)
    return crypto.normalise_password(password)


def _replace(db: "Database", envelope: Envelope, keys, action: str) -> None:
    """A new envelope in place of its kind's old one, and the act on the audit log (under
    ``keys``), in one transaction: the old envelope stops opening the branch at that commit."""
    from db import audit
    with db.session.begin() as s:
        _store(s.connection().exec_driver_sql, envelope)
        audit.append(s, keys, action, "branch", {}, datetime.now())


def _install(db: "Database", key: bytes) -> None:
    db.cipher = DataCipher(key)
    crypto.install(db.engine.dialect, db.cipher)


def unlock(db: "Database", provider: KeyProvider) -> None:
    with db.engine.connect() as conn:
        envelopes = _envelopes(conn)
        has_branch = conn.exec_driver_sql("SELECT count(*) FROM branch").scalar() > 0
    if "open" in envelopes:
        _install(db, crypto.unwrap(envelopes["open"], None))
    elif envelopes:
        _install(db, _ask(db, envelopes, provider))
        if _pending(db):
            # The program stopped after sealing, before the WAL and the copies were cleaned.
            _finish_sealing(db, list(envelopes.values()))
    else:
        _first_key(db, provider, upgrading=has_branch)


def _ask(db: "Database", envelopes: dict[str, Envelope], provider: KeyProvider) -> bytes:
    failures, error = 0, None
    while True:
        wait = WAIT_SECONDS if failures and failures % TRIES_BEFORE_WAIT == 0 else 0
        given = provider.credentials(failures=failures, wait_seconds=wait, error=error)
        try:
            if given.recovery_key is not None:
                if "recovery" not in envelopes:
                    raise WrongPassword(translate("crypto", "This branch has no recovery key"))
                new = _checked_password(given.new_password or "")
                key = crypto.unwrap(envelopes["recovery"], crypto.parse_recovery(given.recovery_key))
                envelope = crypto.wrap("password", key, new, crypto.PASSWORD_KDF)
                _replace(db, envelope, DataCipher(key).derive("audit"), "recover_password")
                log.info("a new password was set with the recovery key")
                return key
            if "password" not in envelopes:
                raise WrongPassword(translate("crypto", "This branch has no password; use the recovery key"))
            return crypto.unwrap(envelopes["password"], crypto.normalise_password(given.password or ""))
        except WrongPassword as err:
            failures += 1
            error = str(err)
            log.info("wrong password or recovery key (%d in a row)", failures)


def _first_key(db: "Database", provider: KeyProvider, *, upgrading: bool) -> None:
    password = provider.new_password(upgrading=upgrading)
    key = os.urandom(crypto.KEY_BYTES)
    envelopes = []
    if password is None:
        envelopes.append(crypto.wrap("open", key, None))
    else:
        raw = crypto.new_recovery_key()
        envelopes.append(crypto.wrap("password", key, _checked_password(password), crypto.PASSWORD_KDF))
        envelopes.append(crypto.wrap("recovery", key, raw, crypto.RECOVERY_KDF))
        db.new_recovery_key = crypto.recovery_text(raw)
    cipher = DataCipher(key)
    with db.engine.begin() as conn:
        for envelope in envelopes:
            _store(conn.exec_driver_sql, envelope)
        if upgrading:
            # One transaction: the key, every sealed value and the note that the WAL and the
            # copies aside still hold plaintext — or none of them.
            seal_plaintext(conn.connection.dbapi_connection, cipher)
            conn.exec_driver_sql("INSERT OR REPLACE INTO setting (key, value) VALUES (?, 'true')", (PENDING,))
    _install(db, key)
    if upgrading:
        _finish_sealing(db, envelopes)
        log.info("personal data sealed under the new data key")


PENDING = "crypto.cleanup_pending"


def _pending(db: "Database") -> bool:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM setting WHERE key = ?", (PENDING,)).scalar() > 0


def _finish_sealing(db: "Database", envelopes: list[Envelope]) -> None:
    purge_free_space(db.engine)
    _verify(db)
    for copy in plaintext_copies(db.path):
        seal_copy(copy, db.cipher, envelopes)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM setting WHERE key = ?", (PENDING,))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


# -- sealing what was written before encryption -------------------------------------------

def personal_columns() -> list[tuple[str, str, str]]:
    """(table, column, kind) of every PersonalText column of the models."""
    from db.models import Base
    from db.personal import PersonalText
    return [(t.name, c.name, c.type.kind) for t in Base.metadata.tables.values()
            for c in t.columns if isinstance(c.type, PersonalText)]


def seal_plaintext(con: sqlite3.Connection, cipher: DataCipher) -> int:
    """Seal in place every plaintext personal value and the branch secret of an SQLite
    connection's database, whatever its schema revision (a column it lacks is skipped).
    Values already sealed stay as they are. The caller owns the transaction."""
    cur = con.cursor()
    tables = {r[0] for r in cur.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    sealed = 0
    for table, column, kind in personal_columns():
        if table not in tables or column not in {r[1] for r in cur.execute(f'PRAGMA table_info("{table}")')}:
            continue
        rows = cur.execute(f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL').fetchall()
        updates = []
        for rowid, value in rows:
            if isinstance(value, bytes):
                value = value.decode("utf-8")
            if crypto.is_sealed_text(value):
                continue
            updates.append((cipher.seal_text(value, kind) if value != "" else None, rowid))
        cur.executemany(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', updates)
        sealed += len(updates)
    if "branch" in tables:
        for rowid, secret in cur.execute("SELECT rowid, secret FROM branch").fetchall():
            if secret is not None and not crypto.is_sealed_bytes(secret):
                cur.execute("UPDATE branch SET secret = ? WHERE rowid = ?", (cipher.seal_bytes(bytes(secret), "branch.secret"), rowid))
                sealed += 1
    cur.close()
    return sealed


def purge_free_space(engine) -> None:
    """No plaintext left in the WAL or in free pages."""
    with engine.connect() as conn:
        _purge(conn.exec_driver_sql)


def _purge(execute) -> None:
    """Checkpoint, rebuild, checkpoint (``execute`` as for ``_store``)."""
    execute("PRAGMA wal_checkpoint(TRUNCATE)")
    execute("VACUUM")
    execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _verify(db: "Database") -> None:
    """Every sealed value opens: read them all through the cipher before touching copies."""
    con = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    try:
        if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise crypto.CryptoError("the database failed its check after sealing")
        for table, column, kind in personal_columns():
            for (value,) in con.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'):
                db.cipher.open_text(value, kind)
        for (secret,) in con.execute("SELECT secret FROM branch"):
            db.cipher.open_bytes(secret, "branch.secret")
    finally:
        con.close()


def plaintext_copies(path: Path) -> list[Path]:
    """The copies aside of the branch database (made before each migration) that still hold
    personal data in plaintext."""
    found = []
    for copy in sorted(path.parent.glob(f"{path.stem}.before-*.sqlite")):
        try:
            con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
            try:
                row = con.execute("SELECT secret FROM branch").fetchone()
            finally:
                con.close()
        except sqlite3.DatabaseError:
            continue
        if row and row[0] is not None and not crypto.is_sealed_bytes(row[0]):
            found.append(copy)
    return found


_ENVELOPE_TABLE = """CREATE TABLE IF NOT EXISTS key_envelope (
    kind VARCHAR(12) NOT NULL PRIMARY KEY, kdf VARCHAR(20) NOT NULL, kdf_params TEXT NOT NULL,
    salt BLOB NOT NULL, nonce BLOB NOT NULL, wrapped BLOB NOT NULL, created_at DATETIME NOT NULL)"""


def seal_copy(copy: Path, cipher: DataCipher, envelopes: list[Envelope]) -> None:
    """Seal a copy aside in place, keeping its schema revision, and give it the envelopes
    (migration 0007 keeps a key_envelope table it finds), so that restoring it opens with
    the same password or recovery key. Then rebuild it, leaving no free page behind."""
    con = sqlite3.connect(copy, isolation_level=None)
    try:
        con.execute("PRAGMA secure_delete=ON")
        con.execute("PRAGMA temp_store=MEMORY")
        con.execute("BEGIN IMMEDIATE")
        try:
            seal_plaintext(con, cipher)
            con.execute(_ENVELOPE_TABLE)
            for envelope in envelopes:
                _store(con.execute, envelope)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        _purge(con.execute)
    finally:
        con.close()
    log.info("sealed the copy aside %s", copy.name)


# -- while open -------------------------------------------------------------------------

def check_password(db: "Database", password: str) -> bool:
    """Does ``password`` open this branch (the idle lock, changing the password)?"""
    with db.engine.connect() as conn:
        envelope = _envelopes(conn).get("password")
    if envelope is None:
        return False
    try:
        return db.cipher.matches(crypto.unwrap(envelope, crypto.normalise_password(password)))
    except WrongPassword:
        return False


def has_password(db: "Database") -> bool:
    with db.engine.connect() as conn:
        return "password" in _envelopes(conn)


def change_password(db: "Database", current: str, new: str) -> None:
    if not check_password(db, current):
        raise WrongPassword(translate("crypto", "The current password is wrong"))
    envelope = crypto.wrap("password", db.cipher.data_key(), _checked_password(new), crypto.PASSWORD_KDF)
    _replace(db, envelope, db.keys, "change_password")
    log.info("the password was changed")


class NoRecoveryKey(crypto.CryptoError):
    """The branch has no password (the demo's 'open' envelope), hence no recovery key."""

    def __init__(self):
        super().__init__(translate("crypto", "This branch has no password, so it has no recovery key to replace"))


def new_recovery_key(db: "Database", password: str) -> str:
    """A new recovery key for a lost or seen sheet; returns its printable text, to show once.

    The same data key is wrapped under the new key, and the new envelope replaces the old one
    in the transaction that writes the audit line: from that commit the old key no longer
    opens this database. It still opens every copy made before — the backups and the copies
    aside keep the envelopes of their day. The data key does not change (nothing is sealed
    again), so whoever holds the old key and such a copy can read that copy, and could read
    today's file with the key it gives them if they got that file too. Only the recovery
    envelope changes: the password stays as it is."""
    if not has_password(db):
        # The demo's 'open' envelope: no password to check, no recovery key to replace.
        raise NoRecoveryKey()
    if not check_password(db, password):
        raise WrongPassword(translate("crypto", "The current password is wrong"))
    raw = crypto.new_recovery_key()
    envelope = crypto.wrap("recovery", db.cipher.data_key(), raw, crypto.RECOVERY_KDF)
    _replace(db, envelope, db.keys, "new_recovery_key")
    log.info("a new recovery key was made; the old one no longer opens this branch")
    return crypto.recovery_text(raw)


def wait_before_retry(seconds: int) -> None:
    time.sleep(seconds)


def describe(db: "Database") -> dict:
    with db.engine.connect() as conn:
        return {k: json.loads(e.kdf_params) for k, e in _envelopes(conn).items()}
