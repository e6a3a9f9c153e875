"""Backups from the command line (issue 8):

    branchdesk backup [--to DIR] [--json]     a checked backup now (rotated; the second location too)
    branchdesk backup list [--json]           the backups, newest first
    branchdesk restore FILE [--yes] [--json]  put a backup in place (the current file kept aside)
    branchdesk check [--json]                 integrity_check + foreign_key_check; lists the backups

None of them needs the password: a backup copies the file as it is (the key envelopes inside),
and a restored file asks for the password of its day at the next open. ``restore`` refuses while
the window is open on the same data folder; ``backup`` and ``check`` run beside it (SQLite lets
them read).

Exit codes as everywhere: 0 done, 2 something the user can fix (a damaged database for
``check``, a refused file for ``restore``), 1 a bug.
"""
from __future__ import annotations

import sys
from pathlib import Path

from core.i18n import translate
from desktop import paths
from desktop.cli import EXIT_USER, UserError, _print_json


def _service(args):
    from desktop.context import setup_logging
    from desktop.instance import ensure_local
    from desktop.services.backups import BackupService
    data_dir = paths.data_dir(args.data_dir)
    ensure_local(data_dir)
    setup_logging(data_dir)
    return BackupService(data_dir)


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n, 1) / 1024:.0f} KB"


def cmd_backup(args) -> int:
    service = _service(args)
    result = service.backup_now(Path(args.to).expanduser() if args.to else None)
    if args.json:
        _print_json({"file": str(result.path), "size": result.path.stat().st_size, "seconds": round(result.seconds, 3),
                     "removed": [p.name for p in result.removed],
                     "second_copy": str(result.second_copy) if result.second_copy else None,
                     "second_error": result.second_error})
    else:
        print(translate("cli", "Backed up to {file} ({size}, checked)").format(file=result.path, size=_size(result.path.stat().st_size)))
        if result.removed:
            print(translate("cli", "{n} older backups removed (7 daily, 4 weekly and 12 monthly are kept)").format(n=len(result.removed)))
        if result.second_copy:
            print(translate("cli", "Copied to the second location: {file}").format(file=result.second_copy))
        if result.second_error:
            print(translate("cli", "Warning: {message}").format(message=result.second_error), file=sys.stderr)
    return 0


def cmd_backup_list(args) -> int:
    service = _service(args)
    listed = service.backups()
    if args.json:
        _print_json([{"file": str(b.path), "taken_at": b.taken_at.isoformat(sep=" "), "size": b.size,
                      "second_location": b.second} for b in listed])
    else:
        if not listed:
            print(translate("cli", "No backups yet in {folder}").format(folder=service.config().folder))
        for b in listed:
            print(f"{b.taken_at:%Y-%m-%d %H:%M}\t{_size(b.size)}\t{b.path}")
    return 0


def cmd_restore(args) -> int:
    from desktop.instance import InstanceLock
    service = _service(args)
    candidate = Path(args.file).expanduser()
    checked = service.verify(candidate)  # before asking: a bad file is refused at once
    lock = InstanceLock(service.data_dir)
    if not lock.acquire():
        raise UserError(translate("cli", "BranchDesk is open on this data folder; close its window first, then restore."))
    try:
        if not args.yes:
            if not sys.stdin.isatty():
                raise UserError(translate("cli", "Restoring replaces the branch's records with those of the backup; add --yes to confirm"))
            print(translate("cli", "The records of “{branch}” in {folder} will be replaced by the backup {file} (the current ones are kept aside).").format(
                branch=checked.branch_name, folder=service.data_dir, file=candidate))
            answer = input(translate("cli", "Restore? [y/N] ")).strip().lower()
            if answer not in ("y", "yes", "是", "shi"):
                print(translate("cli", "Nothing was changed"))
                return EXIT_USER
        aside = service.restore(candidate)
    finally:
        lock.release()
    if args.json:
        _print_json({"restored": str(candidate), "aside": str(aside) if aside else None, "revision": checked.revision})
    else:
        print(translate("cli", "Restored from {file}.").format(file=candidate))
        if aside:
            print(translate("cli", "The records as they were are kept in {file}; “branchdesk restore {file}” undoes this restore.").format(file=aside))
        print(translate("cli", "The next start asks for the password the branch had when the backup was made."))
    return 0


def cmd_check(args) -> int:
    from db.integrity import check_database
    service = _service(args)
    result = check_database(service.db_path, full=True)
    listed = service.backups()
    if args.json:
        _print_json({"file": str(service.db_path), "exists": result.exists, "ok": result.ok, "problems": result.problems,
                     "backups": [str(b.path) for b in listed]})
    elif not result.exists:
        print(translate("cli", "There is no branch database in {folder} yet").format(folder=service.data_dir))
    elif result.ok:
        print(translate("cli", "The branch database {file} is whole (integrity and foreign keys checked)").format(file=service.db_path))
    else:
        print(translate("cli", "The branch database {file} is damaged:").format(file=service.db_path))
        for problem in result.problems:
            print(f"  {problem}")
        if listed:
            print(translate("cli", "Restore the newest backup with: branchdesk restore \"{file}\"").format(file=listed[0].path))
        else:
            print(translate("cli", "There is no backup in {folder}; ask your IT staff for help before changing anything.").format(folder=service.config().folder))
    return 0 if result.ok else EXIT_USER


def add_backup_parser(sub, common) -> None:
    back = sub.add_parser("backup", parents=[common], help=translate("cli", "make a checked backup of the branch now"))
    back.add_argument("--to", metavar="DIR", help=translate("cli", "the folder to write it to (default: the backup folder set in the program)"))
    back.set_defaults(func=cmd_backup)
    bsub = back.add_subparsers(dest="backup_command", metavar=translate("cli", "command"))
    listing = bsub.add_parser("list", parents=[common], help=translate("cli", "list the backups, newest first"))
    listing.set_defaults(func=cmd_backup_list)
    rest = sub.add_parser("restore", parents=[common], help=translate("cli", "replace the branch's records with a backup"))
    rest.add_argument("file", metavar="FILE")
    rest.add_argument("--yes", action="store_true", help=translate("cli", "do not ask for confirmation"))
    rest.set_defaults(func=cmd_restore)
    check = sub.add_parser("check", parents=[common], help=translate("cli", "check the branch database for damage"))
    check.set_defaults(func=cmd_check)
