"""The sign-in commands (``branchdesk signin …``, ``branchdesk meetings close``), beside the
window's sign-in desk: the sheet and the cards as PDF, a scan as the kiosk records it, leave,
closing a meeting, the attendance statistics.

``signin scan`` exits 0 whatever the scan's outcome — a refused code is an answer, not a
failure; only a bug (1) or an unusable data folder (2) exit otherwise.
"""
from __future__ import annotations

from pathlib import Path

from core.i18n import translate
from desktop.cli import UserError, _context, _moment, _print_json


def _service(ctx):
    from desktop.services.signin import SigninService
    return SigninService.of(ctx)


def _pdf(path: str) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise UserError(translate("cli", "The sheet is written as a PDF; choose a name ending in .pdf"))
    return target


def cmd_signin_sheet(args) -> int:
    ctx = _context(args)
    sheet = _service(ctx).sheet(args.meeting)
    target = _pdf(args.pdf)
    from desktop.ui.signin_print import write_sheet_pdf  # Qt: only the printing commands need it
    pages = write_sheet_pdf(sheet, target)
    if args.json:
        _print_json({"meeting": args.meeting, "file": str(target.resolve()), "pages": pages, "members": len(sheet.rows),
                     "phone_url": sheet.phone_url})
    else:
        print(translate("cli", "Wrote the sign-in sheet of meeting {id} ({n} members, {pages} pages) to {file}").format(
            id=args.meeting, n=len(sheet.rows), pages=pages, file=args.pdf))
    return 0


def cmd_signin_badges(args) -> int:
    ctx = _context(args)
    service = _service(ctx)
    badges = service.badges()
    if args.group:
        badges = [b for b in badges if b.group == args.group]
        if not badges:
            raise UserError(translate("cli", "There is no party group “{group}”").format(group=args.group))
    target = _pdf(args.pdf)
    from desktop.ui.signin_print import write_badges_pdf
    pages = write_badges_pdf(badges, ctx.members.branch_name(), target)
    if args.json:
        _print_json({"file": str(target.resolve()), "pages": pages, "members": len(badges)})
    else:
        print(translate("cli", "Wrote {n} sign-in cards ({pages} pages) to {file}").format(n=len(badges), pages=pages, file=args.pdf))
    return 0


def cmd_signin_scan(args) -> int:
    at = _moment(args.at, "--at") if args.at else None
    ctx = _context(args)
    result = _service(ctx).scan(args.meeting, args.payload, at=at, source="kiosk")
    if args.json:
        _print_json(result.as_json())
    elif result.accepted:
        from core.signin import State
        state = State(result.outcome.value).label
        print(f"{result.member}: {state}" + (f" — {result.note}" if result.note else ""))
    else:
        print(translate("cli", "Refused: {reason}").format(reason=result.reason)
              + (f" ({result.member})" if result.member else ""))
    return 0


def cmd_signin_leave(args) -> int:
    ctx = _context(args)
    service = _service(ctx)
    if args.cancel:
        service.cancel_leave(args.meeting, args.member)
    else:
        service.record_leave(args.meeting, args.member, args.reason or "")
    if args.json:
        _print_json({"meeting": args.meeting, "member": args.member, "leave": not args.cancel})
    else:
        print(translate("cli", "Recorded.") if not args.cancel else translate("cli", "Leave cancelled."))
    return 0


def cmd_signin_stats(args) -> int:
    from desktop.services.signin_stats import export_stats
    ctx = _context(args)
    target = Path(args.xlsx)
    if target.suffix.lower() != ".xlsx":
        raise UserError(translate("cli", "The statistics are written as .xlsx; choose a name ending in .xlsx"))
    meetings, members = export_stats(ctx, target, year=args.year)
    if args.json:
        _print_json({"file": str(target.resolve()), "meetings": meetings, "members": members})
    else:
        print(translate("cli", "Wrote the attendance of {meetings} meetings and {members} members to {file}").format(
            meetings=meetings, members=members, file=args.xlsx))
    return 0


def cmd_meetings_close(args) -> int:
    ctx = _context(args)
    counts = _service(ctx).close(args.meeting)
    if args.json:
        _print_json(counts.as_json())
    else:
        print(translate("cli", "Meeting {id} closed: present {present}, late {late}, on leave {leave}, absent {absent}").format(
            id=args.meeting, **counts.as_json()))
    return 0


def add_signin_parser(sub, common) -> None:
    signin = sub.add_parser("signin", parents=[common], help=translate("cli", "sign-in: sheets, cards, scans"))
    ssub = signin.add_subparsers(dest="signin_command", metavar=translate("cli", "command"), required=True)
    sheet = ssub.add_parser("sheet", parents=[common], help=translate("cli", "write a meeting's sign-in sheet as a PDF"))
    sheet.add_argument("meeting", type=int, metavar="MEETING")
    sheet.add_argument("--pdf", required=True, metavar="FILE")
    sheet.set_defaults(func=cmd_signin_sheet)
    badges = ssub.add_parser("badges", parents=[common], help=translate("cli", "write the members' sign-in cards as a PDF"))
    badges.add_argument("--pdf", required=True, metavar="FILE")
    badges.add_argument("--group", metavar="NAME", help=translate("cli", "only this party group's members"))
    badges.set_defaults(func=cmd_signin_badges)
    scan = ssub.add_parser("scan", parents=[common], help=translate("cli", "record a scanned code as the kiosk does"))
    scan.add_argument("meeting", type=int, metavar="MEETING")
    scan.add_argument("payload", metavar="PAYLOAD")
    scan.add_argument("--at", metavar="ISO", help=translate("cli", "when it was scanned (default: now)"))
    scan.set_defaults(func=cmd_signin_scan)
    leave = ssub.add_parser("leave", parents=[common], help=translate("cli", "record (or cancel) a member's leave for a meeting"))
    leave.add_argument("meeting", type=int, metavar="MEETING")
    leave.add_argument("member", type=int, metavar="MEMBER_ID")
    leave.add_argument("--reason", metavar="TEXT")
    leave.add_argument("--cancel", action="store_true")
    leave.set_defaults(func=cmd_signin_leave)
    stats = ssub.add_parser("stats", parents=[common], help=translate("cli", "export attendance per meeting and per member as .xlsx"))
    stats.add_argument("--xlsx", required=True, metavar="FILE")
    stats.add_argument("--year", type=int, help=translate("cli", "only this year's meetings"))
    stats.set_defaults(func=cmd_signin_stats)


def add_close_parser(meetings_sub, common) -> None:
    close = meetings_sub.add_parser("close", parents=[common], help=translate("cli", "close a meeting: mark who did not sign in as absent"))
    close.add_argument("meeting", type=int, metavar="MEETING")
    close.set_defaults(func=cmd_meetings_close)
