"""The sync commands (``branchdesk sync …``): enroll with the central server, close a month,
send now, write the waiting summaries to a file for a USB stick, show the state.

    branchdesk sync [--server URL] [--json]         send what waits now: {"sent": n, "pending": n}
    branchdesk sync enroll --server URL --code CODE
    branchdesk sync close --month YYYY-MM           the month's summary into the outbox
    branchdesk sync snapshot                        a summary of this month so far, sent now
    branchdesk sync export FILE                     the waiting summaries, for the server's import
    branchdesk sync status [--json]

Exit codes as everywhere: 0 done, 2 the server could not be reached or refused (the
summaries stay waiting), 1 a bug.
"""
from __future__ import annotations

import sys
from pathlib import Path

from core.i18n import translate
from desktop.cli import EXIT_USER, UserError, _context, _print_json


def _service(ctx):
    from desktop.services.sync import SyncService
    return SyncService(ctx)


def _when(moment) -> str | None:
    return moment.isoformat(sep=" ") if moment else None


def cmd_sync_send(args) -> int:
    ctx = _context(args)
    service = _service(ctx)
    if getattr(args, "server", None):
        service.set_server(args.server)
    result = service.sync_now()
    if args.json:
        _print_json({"sent": result.sent, "pending": result.pending} | ({"error": result.error} if result.error else {}))
    else:
        print(translate("cli", "Sent {sent} summaries; {pending} waiting").format(sent=result.sent, pending=result.pending))
        if result.notices:
            print(translate("cli", "{n} new notices from the superior organisation").format(n=result.notices))
    if result.error:
        if not args.json:
            print(translate("cli", "Error: {message}").format(message=result.error), file=sys.stderr)
        return EXIT_USER
    return 0


def cmd_sync_enroll(args) -> int:
    ctx = _context(args)
    status = _service(ctx).enroll(args.server, args.code)
    if args.json:
        _print_json({"server": status.server_url, "branch": status.branch_code, "name": status.branch_name})
    else:
        print(translate("cli", "Enrolled as {name} ({code}) with {server}").format(
            name=status.branch_name, code=status.branch_code, server=status.server_url))
    return 0


def cmd_sync_close(args) -> int:
    ctx = _context(args)
    row = _service(ctx).close_month(args.month)
    if args.json:
        _print_json({"period": row.period, "seq": row.seq, "packet_id": row.packet_id})
    else:
        print(translate("cli", "Closed {month}; its summary (no. {seq}) waits to be sent").format(month=row.period, seq=row.seq))
    return 0


def cmd_sync_snapshot(args) -> int:
    ctx = _context(args)
    service = _service(ctx)
    row = service.snapshot_now()
    result = service.sync_now()
    if args.json:
        _print_json({"period": row.period, "seq": row.seq, "sent": result.sent, "pending": result.pending}
                    | ({"error": result.error} if result.error else {}))
    else:
        print(translate("cli", "Made a summary of {month} so far (no. {seq}); sent {sent}, {pending} waiting").format(
            month=row.period, seq=row.seq, sent=result.sent, pending=result.pending))
    return EXIT_USER if result.error else 0


def cmd_sync_export(args) -> int:
    ctx = _context(args)
    target = Path(args.file)
    if not target.parent.is_dir():
        raise UserError(translate("cli", "The folder {path} does not exist").format(path=target.parent))
    n = _service(ctx).export_file(target)
    if args.json:
        _print_json({"exported": n, "file": str(target.resolve())})
    else:
        print(translate("cli", "Wrote {n} waiting summaries to {file}; take it to the superior organisation (branchdesk-server import)").format(
            n=n, file=args.file))
    return 0


def cmd_sync_status(args) -> int:
    ctx = _context(args)
    s = _service(ctx).status()
    if args.json:
        _print_json({"enrolled": s.enrolled, "server": s.server_url, "branch": s.branch_code, "name": s.branch_name,
                     "waiting": s.waiting, "refused": s.refused, "sent": s.sent, "last_success": _when(s.last_success_at),
                     "last_attempt": _when(s.last_attempt_at), "next_attempt": _when(s.next_attempt_at),
                     "last_error": s.last_error, "closed": list(s.closed_periods)})
    elif not s.enrolled:
        print(translate("cli", "Not enrolled with a server; {waiting} summaries waiting").format(waiting=s.waiting))
    else:
        print(translate("cli", "{name} ({code}) at {server}: {waiting} waiting, {sent} sent, last success {when}").format(
            name=s.branch_name, code=s.branch_code, server=s.server_url, waiting=s.waiting, sent=s.sent,
            when=_when(s.last_success_at) or translate("cli", "never")))
        if s.last_error:
            print(translate("cli", "Last error: {message}").format(message=s.last_error))
    return 0


def add_sync_parser(sub, common) -> None:
    sync = sub.add_parser("sync", parents=[common], help=translate("cli", "send summaries to the central server, fetch its notices"))
    sync.add_argument("--server", metavar="URL", help=translate("cli", "the server's address, if it has moved"))
    sync.set_defaults(func=cmd_sync_send)
    ssub = sync.add_subparsers(dest="sync_command", metavar=translate("cli", "command"))
    enroll = ssub.add_parser("enroll", parents=[common], help=translate("cli", "enroll this branch with the server"))
    enroll.add_argument("--server", required=True, metavar="URL")
    enroll.add_argument("--code", required=True, metavar="CODE", help=translate("cli", "the one-time code from the superior organisation"))
    enroll.set_defaults(func=cmd_sync_enroll)
    close = ssub.add_parser("close", parents=[common], help=translate("cli", "close a month: its summary goes into the outbox"))
    close.add_argument("--month", required=True, metavar="YYYY-MM")
    close.set_defaults(func=cmd_sync_close)
    snap = ssub.add_parser("snapshot", parents=[common], help=translate("cli", "make a summary of this month so far and send it"))
    snap.set_defaults(func=cmd_sync_snapshot)
    export = ssub.add_parser("export", parents=[common], help=translate("cli", "write the waiting summaries to a file (USB)"))
    export.add_argument("file")
    export.set_defaults(func=cmd_sync_export)
    status = ssub.add_parser("status", parents=[common], help=translate("cli", "show the sync state"))
    status.set_defaults(func=cmd_sync_status)
