"""Everything a command or a window needs, opened once: data folder, database, services."""
from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from core import i18n
from core.clock import Clock, SystemClock
from core.i18n import translate
from db.engine import Database, open_database
from desktop import paths
from desktop.services.errors import KnownError
from desktop.services.dues import DuesService
from desktop.services.members import MemberService
from desktop.services.settings import SettingsService


@dataclass
class AppContext:
    data_dir: Path
    db: Database
    clock: Clock
    members: MemberService = field(init=False)
    settings: SettingsService = field(init=False)
    dues: DuesService = field(init=False)
    guard: object = None  # desktop.instance.StartGuard: the running marker (issue 8)

    def __post_init__(self) -> None:
        self.members = MemberService(self.db, self.clock)
        self.settings = SettingsService(self.db)
        self.dues = DuesService(self.db, self.clock, self.settings)

    @property
    def language(self) -> str:
        return self.settings.get("language")

    def close(self) -> None:
        self.db.close()
        if self.guard is not None:  # a clean exit: no full check at the next start
            self.guard.release()


def ensure_writable(data_dir: Path) -> None:
    """The data folder exists and this user can write in it — checked at every start, before
    anything else is written there (an installation copied from another user's profile, a
    folder made read-only by IT …). Otherwise a KnownError that says where the data lives."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KnownError(translate("storage", "Cannot create the data folder {path}: {error}").format(
            path=data_dir, error=err.strerror or err)) from err
    try:
        handle, probe = tempfile.mkstemp(prefix=".write-test-", dir=data_dir)
        os.close(handle)
        os.unlink(probe)
    except OSError as err:
        # One literal: pyside6-lupdate does not join adjacent strings.
        raise KnownError(translate("storage", "BranchDesk keeps the branch's data in {path} but cannot write there ({error}). Ask your IT staff to give your account write access to that folder, or start BranchDesk with another data folder (--data-dir FOLDER, or the BRANCHDESK_DATA environment variable).").format(
            path=data_dir, error=err.strerror or err)) from err


def setup_logging(data_dir: Path) -> Path:
    """Log to ``logs/branchdesk.log`` in the data folder. Personal data is never logged."""
    ensure_writable(data_dir)
    log_dir = data_dir / "logs"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KnownError(translate("storage", "Cannot create the data folder {path}: {error}").format(
            path=data_dir, error=err.strerror or err)) from err
    log_file = log_dir / "branchdesk.log"
    root = logging.getLogger()
    if not any(isinstance(h, logging.FileHandler) and Path(h.baseFilename) == log_file for h in root.handlers):
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return log_file


def open_context(data_dir: Path, *, clock: Clock | None = None, branch_name: str | None = None, keys=None) -> AppContext:
    """Open the branch in ``data_dir`` and switch the Qt-free layers to its language."""
    i18n.install(i18n.DEFAULT_LANGUAGE, paths.translation_source(i18n.DEFAULT_LANGUAGE))
    from desktop.services.backups import start_checks, watch_read_only
    from desktop.services.errors import watch_disk

    def prepare(engine) -> None:
        # In this order, the engine's handle_error listeners run in it: a full, read-only or
        # failing disk is a DiskTrouble message from every database write; a damaged file
        # opened read-only on request explains what it refuses.
        watch_disk(engine)
        watch_read_only(engine)

    guard = start_checks(data_dir)  # network share refused; quick_check (full after a crash)
    try:
        db = open_database(data_dir, branch_name=branch_name, keys=keys, prepare=prepare)  # keys: db/keyring.py KeyProvider
    except BaseException:
        guard.release()
        raise
    ctx = AppContext(data_dir, db, clock or SystemClock())
    ctx.guard = guard
    from desktop.services.restore_record import record_pending
    try:
        # A restore since the last open goes on the restored file's audit log now that the
        # branch is unlocked (not in a look-only session: that one writes nothing).
        record_pending(db, data_dir, read_only=guard.read_only)
    except BaseException:
        ctx.close()
        raise
    language = ctx.language
    if language != i18n.DEFAULT_LANGUAGE:
        i18n.install(language, paths.translation_source(language))
    return ctx
