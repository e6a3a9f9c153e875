"""The password on the command line: unlocking for every command, and ``branchdesk password``.

The password comes from the BRANCHDESK_PASSWORD environment variable, or is asked for on the
terminal (twice when it is chosen). With neither — a script with no terminal — the command
stops with exit code 2 and says to set the variable.

    branchdesk password change        a new password (asks, or BRANCHDESK_NEW_PASSWORD)
    branchdesk password recover       a new password with the printed recovery key
    branchdesk password new-recovery-key
                                      a new recovery key in place of a lost or seen one
                                      (asks for the password; the old key stops working)
"""
from __future__ import annotations

import getpass
import os
import sys
import time

from core.i18n import translate
from desktop.cli import _print_json
from desktop.services.errors import KnownError as UserError  # caught by main() also when run as `python -m desktop.cli`

ENV_NEW_PASSWORD = "BRANCHDESK_NEW_PASSWORD"
ENV_RECOVERY_KEY = "BRANCHDESK_RECOVERY_KEY"


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _no_terminal() -> UserError:
    return UserError(translate("cli", "This branch is protected by a password and there is no terminal to ask for it: set the environment variable BRANCHDESK_PASSWORD to the password"))


def _no_terminal_for_new() -> UserError:
    return UserError(translate("cli", "A password must be chosen for this branch, but there is no terminal to ask for one: set the environment variable BRANCHDESK_PASSWORD to the password you choose (at least 8 characters)"))


def ask_new_password(prompt: str) -> str:
    from db.crypto import password_problem
    while True:
        first = getpass.getpass(prompt)
        problem = password_problem(first)
        if problem:
            print(problem, file=sys.stderr)
            continue
        if getpass.getpass(translate("cli", "Type it again: ")) != first:
            print(translate("cli", "The two passwords differ; try again"), file=sys.stderr)
            continue
        return first


class CliPassword:
    """The key provider of the command line (db/keyring.py KeyProvider)."""

    def __init__(self):
        self.env = os.environ.get("BRANCHDESK_PASSWORD") or None

    def new_password(self, *, upgrading: bool) -> str | None:
        if self.env:
            return self.env
        if not _interactive():
            raise _no_terminal_for_new()
        print(translate("cli", "Choose a password for this branch (at least 8 characters). Personal data is encrypted with it; without it or the recovery key nobody can read it."), file=sys.stderr)
        return ask_new_password(translate("cli", "New password: "))

    def credentials(self, *, failures: int, wait_seconds: int, error: str | None):
        from db.keyring import Credentials
        if self.env:
            if failures:
                raise UserError(translate("cli", "The password in BRANCHDESK_PASSWORD does not open this branch"))
            return Credentials(password=self.env)
        if not _interactive():
            raise _no_terminal()
        if error:
            print(error, file=sys.stderr)
        if wait_seconds:
            print(translate("cli", "Too many wrong tries: wait {n} seconds").format(n=wait_seconds), file=sys.stderr)
            time.sleep(wait_seconds)
        return Credentials(password=getpass.getpass(translate("cli", "Password: ")))


def announce_recovery_key(text: str) -> None:
    """Shown once, on stderr (stdout may be a script's JSON)."""
    print(translate("cli", "The recovery key of this branch — write it down or print it and keep it locked away; with it a new password can be set if the password is forgotten. It is shown only now:"), file=sys.stderr)
    print(f"\n    {text}\n", file=sys.stderr)


def _current_password() -> str:
    current = os.environ.get("BRANCHDESK_PASSWORD")
    if not current:
        if not _interactive():
            raise _no_terminal()
        current = getpass.getpass(translate("cli", "Current password: "))
    return current


def cmd_password_change(args) -> int:
    from db import keyring
    from desktop.cli import _context
    ctx = _context(args)
    try:
        current = _current_password()
        new = os.environ.get(ENV_NEW_PASSWORD)
        if not new:
            if not _interactive():
                raise UserError(translate("cli", "Set the new password in the environment variable BRANCHDESK_NEW_PASSWORD"))
            new = ask_new_password(translate("cli", "New password: "))
        try:
            keyring.change_password(ctx.db, current, new)
        except keyring.LockedError as err:
            raise UserError(str(err)) from None
        except keyring.WrongPassword as err:
            raise UserError(str(err)) from None
    finally:
        ctx.close()
    if args.json:
        _print_json({"changed": True})
    else:
        print(translate("cli", "The password was changed"))
    return 0


def cmd_password_new_recovery_key(args) -> int:
    from db import keyring
    from desktop.cli import _context
    ctx = _context(args)
    try:
        if not keyring.has_password(ctx.db):
            raise keyring.NoRecoveryKey()  # before asking for a password the demo does not have
        try:
            key = keyring.new_recovery_key(ctx.db, _current_password())
        except keyring.WrongPassword as err:
            raise UserError(str(err)) from None
    finally:
        ctx.close()
    announce_recovery_key(key)
    if args.json:
        _print_json({"made": True})
    else:
        print(translate("cli", "A new recovery key was made; the old one no longer works"))
    return 0


class _RecoveryProvider(CliPassword):
    def credentials(self, *, failures: int, wait_seconds: int, error: str | None):
        from db.keyring import Credentials
        if failures:
            raise UserError(error or "")
        key = os.environ.get(ENV_RECOVERY_KEY)
        new = os.environ.get(ENV_NEW_PASSWORD)
        if not key or not new:
            if not _interactive():
                raise UserError(translate("cli", "Set the environment variables BRANCHDESK_RECOVERY_KEY and BRANCHDESK_NEW_PASSWORD"))
            key = key or input(translate("cli", "Recovery key: "))
            new = new or ask_new_password(translate("cli", "New password: "))
        return Credentials(recovery_key=key, new_password=new)


def cmd_password_recover(args) -> int:
    from desktop.cli import _context
    _context(args, keys=_RecoveryProvider()).close()
    if args.json:
        _print_json({"changed": True})
    else:
        print(translate("cli", "A new password was set with the recovery key"))
    return 0


def add_password_parser(sub, common) -> None:
    pw = sub.add_parser("password", parents=[common], help=translate("cli", "the branch's password"))
    psub = pw.add_subparsers(dest="password_command", metavar=translate("cli", "command"), required=True)
    change = psub.add_parser("change", parents=[common], help=translate("cli", "choose a new password"))
    change.set_defaults(func=cmd_password_change)
    recover = psub.add_parser("recover", parents=[common], help=translate("cli", "set a new password with the recovery key"))
    recover.set_defaults(func=cmd_password_recover)
    fresh = psub.add_parser("new-recovery-key", parents=[common],
                            help=translate("cli", "make a new recovery key in place of a lost one (the old one stops working)"))
    fresh.set_defaults(func=cmd_password_new_recovery_key)
