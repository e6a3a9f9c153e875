"""The command line: the same use cases as the window, for IT staff, scripts and tests.

Exit codes: 0 done, 2 the input or the environment is wrong (a message says what to do),
1 a bug (the message names the log file).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from pathlib import Path

from core.i18n import translate
from desktop import __version__, paths

log = logging.getLogger(__name__)

EXIT_USER = 2


class UserError(Exception):
    """Raised by a command for input the user can fix; printed without a traceback."""


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=None, default=str))


def _context(args, **kw):
    from desktop.context import open_context, setup_logging
    data_dir = paths.data_dir(args.data_dir)
    setup_logging(data_dir)
    from desktop.cli_password import CliPassword, announce_recovery_key
    kw.setdefault("keys", CliPassword())
    ctx = open_context(data_dir, **kw)
    if ctx.db.new_recovery_key:
        announce_recovery_key(ctx.db.new_recovery_key)
    return ctx


# -- commands ------------------------------------------------------------------

def cmd_open(args) -> int:
    # The window paints first and the branch opens behind it (SQLAlchemy alone takes
    # ~0.25 s to import): start-up is measured by bench/bench_startup.py.
    from desktop.ui.app import open_gui
    return open_gui(paths.data_dir(args.data_dir), lambda keys: _context(args, keys=keys), ask_keys=True)


def cmd_demo(args) -> int:
    base = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="branchdesk-demo-"))
    args.data_dir = str(base)

    def open_demo():
        from desktop.services.demo import create_demo_branch
        from db.keyring import NoPassword
        # Made-up members: no password to remember ('open' key envelope, db/keyring.py).
        ctx = _context(args, branch_name=translate("demo", "Demo Party Branch"), keys=NoPassword())
        if not ctx.members.roster():
            create_demo_branch(ctx, members=args.members)
        return ctx

    if args.no_window:
        open_demo().close()
        print(base)
        return 0
    from desktop.ui.app import open_gui
    return open_gui(base, open_demo)


def cmd_members_import(args) -> int:
    from desktop.services import importer
    ctx = _context(args)
    plan = importer.read_plan(ctx, Path(args.file), on_duplicate="update" if args.update else "skip")
    result = None
    if not args.dry_run and plan.accepted:
        result = importer.commit(ctx, plan)
    if args.json:
        _print_json({
            "accepted": plan.accepted,
            "rejected": [{"row": p.row, "field": p.field, "reason": p.message} for p in plan.rejected],
            "skipped": [{"row": p.row, "field": p.field, "reason": p.message} for p in plan.skipped],
            "warnings": [{"row": r.row, "warning": w} for r in plan.rows for w in r.warnings],
            "created": result.created if result else 0,
            "updated": result.updated if result else 0,
            "batch_id": result.batch_id if result else None,
            "dry_run": bool(args.dry_run),
            "sheet": plan.sheet,
            "header_row": plan.header_row,
            "unknown_headers": plan.unknown_headers,
        })
    else:
        print(translate("cli", "{accepted} rows accepted, {rejected} rejected, {skipped} skipped").format(
            accepted=plan.accepted, rejected=len(plan.rejected), skipped=len(plan.skipped)))
        for p in plan.rejected:
            print(translate("cli", "Row {row}: {reason}").format(row=p.row, reason=p.message))
        for p in plan.skipped:
            print(translate("cli", "Row {row}: {reason}").format(row=p.row, reason=p.message))
        for r in plan.rows:
            for w in r.warnings:
                print(translate("cli", "Row {row} (warning): {warning}").format(row=r.row, warning=w))
        if plan.unknown_headers:
            print(translate("cli", "Columns not imported: {columns}").format(columns=", ".join(plan.unknown_headers)))
        if result:
            print(translate("cli", "Imported: {created} new members, {updated} updated").format(created=result.created, updated=result.updated))
        elif args.dry_run:
            print(translate("cli", "Dry run: nothing was written"))
    return 0


def cmd_members_undo(args) -> int:
    from desktop.services import importer
    ctx = _context(args)
    undone = importer.undo_last(ctx)
    if args.json:
        _print_json({"source": undone.source_name, "removed": undone.removed, "restored": undone.restored})
    else:
        print(translate("cli", "Undid the import of {source}: {removed} members removed, {restored} restored").format(
            source=undone.source_name, removed=undone.removed, restored=undone.restored))
    return 0


def cmd_members_export(args) -> int:
    from desktop.services import exporter
    ctx = _context(args)
    count = exporter.export_roster(ctx, Path(args.file), unmasked=args.unmasked, include_former=args.all)
    if args.json:
        _print_json({"exported": count, "file": str(Path(args.file).resolve()), "unmasked": bool(args.unmasked)})
    else:
        print(translate("cli", "Exported {n} members to {file}").format(n=count, file=args.file))
    return 0


def cmd_members_list(args) -> int:
    from core.members import MemberCategory, RollStatus
    ctx = _context(args)
    rows = [r for r in ctx.members.roster() if args.all or r.roll_status == RollStatus.ACTIVE.value]
    if args.json:
        _print_json([{
            "id": r.id, "name": r.name, "category": r.category, "group": r.group,
            "id_number": r.id_masked, "gender": r.gender, "status": r.roll_status,
            "joined_on": r.joined_on.isoformat() if r.joined_on else None,
        } for r in rows])
    else:
        for r in rows:
            category = MemberCategory(r.category).label if r.category else ""
            print(f"{r.name}\t{category}\t{r.group}\t{r.id_masked}")
    return 0


def cmd_dues_calc(args) -> int:
    # No branch is opened (nor created): the amount needs only the rules, and the branch's own
    # settings (rounding, the farmers' amount) are read from its file when there is one.
    from core.dues import FIXED_CATEGORIES, RATE_CATEGORIES, DuesCategory, DuesRuleError, monthly_amount, parse_base, rate_for
    from desktop.services.dues_config import DB_FILENAME, config_from_values, peek
    try:
        category = DuesCategory(args.category)
    except ValueError:
        raise UserError(translate("cli", "Unknown dues category “{category}”; use one of: {choices}").format(
            category=args.category, choices=", ".join(c.value for c in DuesCategory))) from None
    if category not in RATE_CATEGORIES and category not in FIXED_CATEGORIES:
        raise UserError(translate("cli", "Reduced and exempt dues are what the superior committee approved; record the approval in the program"))
    config = config_from_values(peek(paths.data_dir(args.data_dir) / DB_FILENAME, "dues."))
    base = None
    if category in RATE_CATEGORIES:
        if args.base is None:
            raise UserError(translate("cli", "The category {category} needs --base (the monthly base in yuan)").format(category=category.value))
        try:
            base = parse_base(args.base)
        except DuesRuleError as err:
            raise UserError(str(err)) from None
    amount = monthly_amount(category, base, config.rules)
    rate = rate_for(category, base) if base is not None else None
    if args.json:
        _print_json({"category": category.value, "base": f"{base:.2f}" if base is not None else None,
                     "rate": str(rate) if rate is not None else None, "monthly": f"{amount:.2f}"})
    elif rate is not None:
        print(translate("cli", "{category}, base {base} yuan: {rate}% — {amount} yuan a month").format(
            category=category.label, base=f"{base:.2f}", rate=f"{(rate * 100).normalize():f}", amount=f"{amount:.2f}"))
    else:
        print(translate("cli", "{category}: a fixed {amount} yuan a month").format(category=category.label, amount=f"{amount:.2f}"))
    return 0


def cmd_dues_ledger(args) -> int:
    from desktop.services import dues_files
    ctx = _context(args)
    if not 2000 <= args.year <= 2100:
        raise UserError(translate("cli", "The year must be between 2000 and 2100"))
    count = dues_files.export_ledger(ctx, args.year, Path(args.export))
    if args.json:
        _print_json({"year": args.year, "members": count, "file": str(Path(args.export).resolve())})
    else:
        print(translate("cli", "Exported the {year} dues ledger of {n} members to {file}").format(year=args.year, n=count, file=args.export))
    return 0


def _moment(text: str, option: str):
    from datetime import datetime
    try:
        return datetime.fromisoformat(text.strip()).replace(tzinfo=None, microsecond=0)
    except ValueError:
        raise UserError(translate("cli", "{option} “{text}” is not a date and time; write it like 2026-11-03T14:30").format(
            option=option, text=text)) from None


def _meeting_service(ctx):
    from desktop.services.meetings import MeetingService
    return MeetingService(ctx.db, ctx.clock, ctx.data_dir)


def cmd_meetings_add(args) -> int:
    from core.meetings import MeetingRecord, MeetingType
    try:
        kind = MeetingType(args.type)
    except ValueError:
        raise UserError(translate("cli", "Unknown meeting type “{type}”; use one of: {choices}").format(
            type=args.type, choices=", ".join(t.value for t in MeetingType))) from None
    start, end = _moment(args.start, "--start"), _moment(args.end, "--end")
    ctx = _context(args)
    service = _meeting_service(ctx)
    group_id = None
    if args.group:
        from desktop.services.members import group_id_for
        if args.group not in ctx.members.groups():
            raise UserError(translate("cli", "There is no party group “{group}”").format(group=args.group))
        with ctx.db.session() as s:
            group_id = group_id_for(s, args.group)
    pair = tuple(args.talk) if args.talk else None
    meeting_id = service.add(MeetingRecord(type=kind, title=args.title, start=start, end=end, place=args.place or "",
                                           host=args.host or "", recorder=args.recorder or "", group_id=group_id,
                                           talk_pair=pair))
    if args.json:
        _print_json({"id": meeting_id})
    else:
        print(translate("cli", "Recorded meeting {id}: {title}").format(id=meeting_id, title=args.title.strip()))
    return 0


def cmd_meetings_list(args) -> int:
    ctx = _context(args)
    rows = _meeting_service(ctx).list()
    if args.json:
        _print_json([{
            "id": r.id, "type": r.type.value, "title": r.title, "start": r.start.isoformat(), "end": r.end.isoformat(),
            "place": r.place, "host": r.host, "audience": r.audience.value, "group": r.group or None,
            "present": r.present, "leave": r.leave, "absent": r.absent, "attachments": r.attachments, "held": r.held,
        } for r in rows])
    else:
        for r in rows:
            print(f"{r.id}\t{r.start:%Y-%m-%d %H:%M}\t{r.type.label}\t{r.title}")
    return 0


def cmd_meetings_minutes(args) -> int:
    ctx = _context(args)
    sheet = _meeting_service(ctx).minutes_sheet(args.id)
    from desktop.ui.minutes_print import write_pdf  # Qt: only this command needs it
    target = Path(args.pdf)
    if target.suffix.lower() != ".pdf":
        raise UserError(translate("cli", "The minutes are written as a PDF; choose a name ending in .pdf"))
    pages = write_pdf(sheet, target)
    if args.json:
        _print_json({"id": args.id, "file": str(target.resolve()), "pages": pages})
    else:
        print(translate("cli", "Wrote the minutes of meeting {id} to {file} ({pages} pages)").format(id=args.id, file=args.pdf, pages=pages))
    return 0


# -- parser --------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    def options(default):
        # The options are accepted before and after each command word. A subcommand's default
        # would overwrite what was given before it, so below the top level they default to
        # "not given" (SUPPRESS) and the top level's value stands.
        common = argparse.ArgumentParser(add_help=False)
        common.add_argument("--data-dir", default=default(None), help=translate("cli", "the branch's data folder (default: BRANCHDESK_DATA or the user data folder)"))
        common.add_argument("--json", action="store_true", default=default(False), help=translate("cli", "print machine-readable JSON"))
        return common

    top = options(lambda value: value)
    common = options(lambda value: argparse.SUPPRESS)

    parser = argparse.ArgumentParser(prog="branchdesk", parents=[top],
                                     description=translate("cli", "BranchDesk: the Party branch secretary's desk"))
    parser.add_argument("--version", action="version", version=f"BranchDesk {__version__}")
    parser.set_defaults(func=cmd_open)
    sub = parser.add_subparsers(dest="command", metavar=translate("cli", "command"))

    demo = sub.add_parser("demo", parents=[common], help=translate("cli", "open the program on a generated demo branch"))
    demo.add_argument("--members", type=int, default=40, help=translate("cli", "how many members the demo branch has"))
    demo.add_argument("--no-window", action="store_true", help=translate("cli", "create the demo branch, print its folder and exit"))
    demo.set_defaults(func=cmd_demo)

    members = sub.add_parser("members", parents=[common], help=translate("cli", "the member roster"))
    msub = members.add_subparsers(dest="members_command", metavar=translate("cli", "command"), required=True)
    imp = msub.add_parser("import", parents=[common], help=translate("cli", "import members from .xlsx, .xls, .ods or .csv"))
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help=translate("cli", "check the file and report, write nothing"))
    imp.add_argument("--update", action="store_true", help=translate("cli", "update members already on the roster (default: skip them)"))
    imp.set_defaults(func=cmd_members_import)
    undo = msub.add_parser("undo-import", parents=[common], help=translate("cli", "undo the last import"))
    undo.set_defaults(func=cmd_members_undo)
    exp = msub.add_parser("export", parents=[common], help=translate("cli", "export the roster as .xlsx"))
    exp.add_argument("file")
    exp.add_argument("--unmasked", action="store_true", help=translate("cli", "write full ID numbers and phones (recorded)"))
    exp.add_argument("--all", action="store_true", help=translate("cli", "include former members"))
    exp.set_defaults(func=cmd_members_export)
    lst = msub.add_parser("list", parents=[common], help=translate("cli", "list the members on the roll"))
    lst.add_argument("--all", action="store_true", help=translate("cli", "include former members"))
    lst.set_defaults(func=cmd_members_list)

    dues = sub.add_parser("dues", parents=[common], help=translate("cli", "Party dues"))
    dsub = dues.add_subparsers(dest="dues_command", metavar=translate("cli", "command"), required=True)
    calc = dsub.add_parser("calc", parents=[common], help=translate("cli", "the monthly dues for a category and base"))
    calc.add_argument("--category", required=True, help=translate("cli", "in_service, annual_salary, self_employed, retired, farmer, student, unemployed or relief"))
    calc.add_argument("--base", help=translate("cli", "the monthly base in yuan (ignored by fixed-amount categories)"))
    calc.set_defaults(func=cmd_dues_calc)
    ledger = dsub.add_parser("ledger", parents=[common], help=translate("cli", "export a year's dues ledger as .xlsx"))
    ledger.add_argument("--year", type=int, required=True)
    ledger.add_argument("--export", required=True, metavar="FILE")
    ledger.set_defaults(func=cmd_dues_ledger)

    meetings = sub.add_parser("meetings", parents=[common], help=translate("cli", "meetings and their minutes"))
    gsub = meetings.add_subparsers(dest="meetings_command", metavar=translate("cli", "command"), required=True)
    add = gsub.add_parser("add", parents=[common], help=translate("cli", "record a meeting"))
    add.add_argument("--type", required=True, metavar="TYPE", help=translate("cli", "branch_assembly, committee, group, lecture, theme_day, org_life, appraisal or talk"))
    add.add_argument("--title", required=True, metavar="TEXT", help=translate("cli", "the topic"))
    add.add_argument("--start", required=True, metavar="ISO", help=translate("cli", "when it starts, e.g. 2026-11-03T14:30"))
    add.add_argument("--end", required=True, metavar="ISO", help=translate("cli", "when it ends, e.g. 2026-11-03T16:00"))
    add.add_argument("--place", metavar="TEXT")
    add.add_argument("--host", metavar="NAME")
    add.add_argument("--recorder", metavar="NAME")
    add.add_argument("--group", metavar="NAME", help=translate("cli", "the party group (for a party group meeting)"))
    add.add_argument("--talk", nargs=2, type=int, metavar="MEMBER_ID", help=translate("cli", "the two members who talked (for a talk)"))
    add.set_defaults(func=cmd_meetings_add)
    mlist = gsub.add_parser("list", parents=[common], help=translate("cli", "list the meetings, newest first"))
    mlist.set_defaults(func=cmd_meetings_list)
    minutes = gsub.add_parser("minutes", parents=[common], help=translate("cli", "write a meeting's minutes as a PDF"))
    minutes.add_argument("id", type=int, metavar="ID")
    minutes.add_argument("--pdf", required=True, metavar="FILE")
    minutes.set_defaults(func=cmd_meetings_minutes)
    from desktop.cli_signin import add_close_parser, add_signin_parser
    add_close_parser(gsub, common)
    add_signin_parser(sub, common)
    from desktop.cli_votes import add_votes_parser
    add_votes_parser(sub, common)
    from desktop.cli_sync import add_sync_parser
    add_sync_parser(sub, common)
    from desktop.cli_backup import add_backup_parser
    add_backup_parser(sub, common)
    from desktop.cli_password import add_password_parser
    add_password_parser(sub, common)
    from desktop.cli_audit import add_audit_parser
    add_audit_parser(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    from core.i18n import DEFAULT_LANGUAGE, install
    install(DEFAULT_LANGUAGE, paths.translation_source(DEFAULT_LANGUAGE))
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as err:
        # Imported here, not at the top: db.engine brings SQLAlchemy, which the window
        # must not wait for before its first paint.
        from desktop.services.errors import as_known
        # A full or read-only disk is named by the folder it struck, else the data folder.
        known = err if isinstance(err, UserError) else as_known(err, paths.data_dir(getattr(args, "data_dir", None)))
        if known is not None:
            print(translate("cli", "Error: {message}").format(message=known), file=sys.stderr)
            return EXIT_USER
        log.exception("command failed")
        print(translate("cli", "BranchDesk hit a bug: {error}. The details are in the log file in the data folder's logs/ folder.").format(
            error=type(err).__name__), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
