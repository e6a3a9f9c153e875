"""The audit log commands (``branchdesk audit …``; the log itself: db/audit.py).

``audit verify`` walks the hash chain: exit 0 when it is whole, 2 (with the first broken
entry and what is wrong with it) when anything was changed, inserted or removed.
``audit list [--json]`` prints the entries, newest first.
"""
from __future__ import annotations

import sys

from core.i18n import translate
from desktop.cli import EXIT_USER, _context, _print_json


def cmd_audit_verify(args) -> int:
    from desktop.services import audit
    ctx = _context(args)
    try:
        result = audit.verify(ctx)
    finally:
        ctx.close()
    if args.json:
        _print_json({"ok": result.ok, "entries": result.count, "broken_at": result.broken_at,
                     "kind": result.kind or None, "message": result.message})
    elif result.ok:
        print(result.message)
    else:
        print(result.message, file=sys.stderr)
    return 0 if result.ok else EXIT_USER


def cmd_audit_list(args) -> int:
    from desktop.services import audit
    ctx = _context(args)
    try:
        lines = audit.lines(ctx)
    finally:
        ctx.close()
    if args.json:
        _print_json([{"number": line.number, "at": line.at.isoformat(), "action": line.action,
                      "subject": line.subject, "detail": line.detail} for line in lines])
    else:
        for line in lines:
            print(f"{line.number}\t{line.at:%Y-%m-%d %H:%M:%S}\t{line.label}\t{line.subject_text}\t{line.detail_text}")
    return 0


def add_audit_parser(sub, common) -> None:
    audit = sub.add_parser("audit", parents=[common], help=translate("cli", "the audit log of reveals and exports of personal data"))
    asub = audit.add_subparsers(dest="audit_command", metavar=translate("cli", "command"), required=True)
    verify = asub.add_parser("verify", parents=[common], help=translate("cli", "check that no entry of the audit log was changed or removed"))
    verify.set_defaults(func=cmd_audit_verify)
    lst = asub.add_parser("list", parents=[common], help=translate("cli", "list the audit log, newest first"))
    lst.set_defaults(func=cmd_audit_list)
