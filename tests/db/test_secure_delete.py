"""secure_delete is on for every connection to the branch database (DESIGN: Ballot secrecy):
a deleted row's bytes do not stay in the file."""
from __future__ import annotations

import sqlite3

from sqlalchemy import text

from db.engine import _on_connect, open_database


def test_the_connection_set_up_turns_it_on(tmp_path):
    # Debian builds SQLite with secure_delete on by default; Python's own SQLite on Windows
    # does not. Start from off, as there.
    con = sqlite3.connect(tmp_path / "x.sqlite")
    try:
        con.execute("PRAGMA secure_delete=OFF")
        assert con.execute("PRAGMA secure_delete").fetchone()[0] == 0
        _on_connect(con, None)
        assert con.execute("PRAGMA secure_delete").fetchone()[0] == 1
    finally:
        con.close()


def test_every_connection_has_secure_delete(data_dir):
    db = open_database(data_dir)
    try:
        for _ in range(3):
            with db.engine.connect() as conn:
                assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
    finally:
        db.close()


def test_a_deleted_row_leaves_no_bytes_in_the_file(data_dir):
    db = open_database(data_dir)
    marker = "删除后不应留下的文字-7f3a9c"
    try:
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO setting (key, value) VALUES ('probe', :v)"), {"v": f'"{marker}"'})
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM setting WHERE key = 'probe'"))
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    raw = b"".join(p.read_bytes() for p in data_dir.iterdir() if p.name.startswith("branch.sqlite"))
    assert marker.encode("utf-8") not in raw
