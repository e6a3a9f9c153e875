"""Errors that are not bugs (qutebrowser's split): the environment or the user's input is
wrong, and ``str(err)`` tells the user, in their language, what to do.

A full disk, a read-only folder and a failing disk are the environment's too, wherever they
strike — SQLite's ``database or disk is full`` mid-transaction, ``ENOSPC`` writing an export,
``EROFS`` placing a marker file. ``disk_trouble`` turns each into one ``DiskTrouble`` message
(issue 8); ``watch_disk`` makes every database write raise it, so that every ``except
KnownError`` in the services and the windows already handles it, and the window's and the
command line's last resort (``desktop/ui/messages.py``, ``desktop/cli.py``) catch the rest.
"""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from core.i18n import translate


class KnownError(Exception):
    pass


class DiskTrouble(KnownError):
    """The disk is full, read-only or failing. Whatever was being written was not written
    (the transaction rolled back, the temporary file removed); what was saved before is safe."""

    def __init__(self, message: str, kind: str, folder: Path | None):
        super().__init__(message)
        self.kind = kind        # "full", "read_only" or "io"
        self.folder = folder


# SQLite's primary result codes (sqlite3.h); the extended code's low byte is the primary.
_SQLITE_KIND = {13: "full", 8: "read_only", 10: "io"}
# What SQLite says when Python's sqlite3 gives no code (before 3.11) — and what it says.
_SQLITE_TEXT = {"database or disk is full": "full", "attempt to write a readonly database": "read_only",
                "disk i/o error": "io"}
_OS_KIND = {errno.ENOSPC: "full", errno.EDQUOT: "full", errno.EFBIG: "full", errno.EROFS: "read_only",
            errno.EIO: "io"}
_SQLITE_CANTOPEN = 14


# SQLITE_IOERR_SHMSIZE: the shared-memory index beside a WAL database could not grow — on
# opening a branch whose disk is full, before anything is written.
_SQLITE_EXTENDED = {4874: "full"}


def _sqlite_kind(err: BaseException) -> str | None:
    code = getattr(err, "sqlite_errorcode", None)
    if code in _SQLITE_EXTENDED:
        return _SQLITE_EXTENDED[code]
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_KIND:
        return _SQLITE_KIND[code & 0xFF]
    text = str(err).lower()
    return next((kind for needle, kind in _SQLITE_TEXT.items() if needle in text), None)


def _read_only_folder(folder: Path | None) -> bool:
    # access(2) answers EROFS for a read-only file system, even to root.
    return folder is not None and folder.exists() and not os.access(folder, os.W_OK)


def _nearly_full(folder: Path | None) -> bool:
    try:
        return folder is not None and shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def _kind_and_folder(err: BaseException) -> tuple[str | None, Path | None]:
    if isinstance(err, OSError) and err.errno in _OS_KIND:
        # A copy or a move names the file written second (shutil.copyfile: source, then target).
        name = next((n for n in (err.filename2, err.filename) if isinstance(n, (str, os.PathLike))), None)
        return _OS_KIND[err.errno], Path(name).parent if name else None
    # SQLAlchemy wraps the driver's exception in ``orig``.
    driver = getattr(err, "orig", None) or err
    if type(driver).__module__ == "sqlite3" or "sqlite" in type(driver).__module__:
        kind = _sqlite_kind(driver)
        if kind is None and (getattr(driver, "sqlite_errorcode", 0) or 0) & 0xFF == _SQLITE_CANTOPEN:
            kind = "cantopen"  # a read-only folder, decided once the folder is known
        return kind, None
    return None, None


def disk_trouble(err: BaseException, folder: Path | None = None) -> DiskTrouble | None:
    """The message for a full, read-only or failing disk behind ``err`` (or an exception it
    was raised from), naming ``folder`` (or the file's own folder); None for anything else."""
    seen = set()
    cause: BaseException | None = err
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, DiskTrouble):
            return cause
        seen.add(id(cause))
        kind, where = _kind_and_folder(cause)
        if where is None or (folder is not None and folder in where.parents):
            where = folder  # the data folder rather than a file's hidden subfolder
        if kind == "cantopen":
            kind = "read_only" if _read_only_folder(where) else None
        if kind == "io" and _nearly_full(where):
            kind = "full"  # SQLite says "disk I/O error" for some writes a full disk refused
        if kind is not None:
            return DiskTrouble(_message(kind, where), kind, where)
        cause = cause.__cause__ or cause.__context__
    return None


def _message(kind: str, folder: Path | None) -> str:
    place = str(folder) if folder is not None else translate("storage", "the data folder")
    if kind == "full":
        text = translate("storage", "The disk that holds {folder} is full, so this could not be saved. Nothing was half-saved: what was saved before is safe. Free some space on that disk (empty the Recycle Bin, move or delete large files), then try again.")
    elif kind == "read_only":
        text = translate("storage", "{folder} cannot be written to: the folder or its disk is read-only. Nothing was half-saved: what was saved before is safe. Ask your IT staff to make it writable again (for a USB stick, check its write-protect switch), then try again.")
    else:
        text = translate("storage", "Writing to {folder} failed: the disk reported an error (it may be failing, or a USB stick was pulled out). Nothing was half-saved: what was saved before is safe. Check the disk and make a backup on another one, then try again.")
    return text.format(folder=place)


def as_known(err: BaseException, folder: Path | None = None) -> BaseException | None:
    """``err`` itself when it is a message for the user, its ``DiskTrouble`` when the disk is
    to blame, else None (a bug). The database layer's ``StorageError`` counts as known."""
    if isinstance(err, KnownError):
        return err
    from db.engine import StorageError  # here: SQLAlchemy must not delay the window's first paint
    if isinstance(err, StorageError):
        return disk_trouble(err, folder) or err
    return disk_trouble(err, folder)


def watch_disk(engine) -> None:
    """From now on a statement or commit of ``engine`` (a branch database) that fails on a
    full, read-only or failing disk raises ``DiskTrouble`` naming the database's folder
    (SQLAlchemy's ``handle_error`` lets a listener replace the exception). The session has
    rolled back the transaction by the time the caller sees it."""
    from sqlalchemy import event

    database = engine.url.database
    folder = Path(database).parent if database and database != ":memory:" else None

    def replace(context) -> None:
        trouble = disk_trouble(context.original_exception, folder)
        if trouble is not None:
            raise trouble from context.original_exception

    event.listen(engine, "handle_error", replace)
