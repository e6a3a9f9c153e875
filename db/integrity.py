"""Is the branch database whole? ``quick_check`` at every start; the full ``integrity_check``
and ``foreign_key_check`` after an unclean exit or when asked (``branchdesk check``).

Qt-free, and without SQLAlchemy: it runs before the database is opened for work.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

# Enough lines to say what is wrong; a badly damaged file can list thousands.
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class CheckResult:
    path: Path
    full: bool                      # integrity_check + foreign_key_check (else quick_check)
    problems: list[str] = field(default_factory=list)
    exists: bool = True

    @property
    def ok(self) -> bool:
        return not self.problems


# SQLite's primary codes for a disk that is full, read-only, failing or out of reach: the file
# may be whole, and calling it damaged would send the secretary to restore a backup for nothing.
_ENVIRONMENT = {8: "SQLITE_READONLY", 10: "SQLITE_IOERR", 13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN"}


def _raise_if_environment(err: sqlite3.Error) -> None:
    code = getattr(err, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _ENVIRONMENT:
        raise err


def check_database(path: Path, *, full: bool = False) -> CheckResult:
    """Check the file without changing it (a new, absent file is fine: there is nothing to lose)."""
    if not path.exists() or path.stat().st_size == 0:
        return CheckResult(path, full, exists=False)
    problems: list[str] = []
    try:
        # Not read-only: a WAL left by a crash is replayed by the first connection, and the check
        # must see the database as the program will.
        con = sqlite3.connect(path, timeout=5)
    except sqlite3.Error as err:
        _raise_if_environment(err)
        return CheckResult(path, full, [str(err)])
    try:
        pragma = f"integrity_check({MAX_PROBLEMS})" if full else f"quick_check({MAX_PROBLEMS})"
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}")]
        if rows != ["ok"]:
            problems.extend(rows)
        if full and not problems:
            for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check").fetchmany(MAX_PROBLEMS):
                problems.append(f"{table} row {rowid}: no {parent} row it refers to")
    except sqlite3.DatabaseError as err:
        _raise_if_environment(err)
        problems.append(str(err))
    finally:
        con.close()
    return CheckResult(path, full, problems)
