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
    return open_context(data_dir, **kw)


# -- commands ------------------------------------------------------------------

def cmd_open(args) -> int:
    # The window paints first and the branch opens behind it (SQLAlchemy alone takes
    # ~0.25 s to import): start-up is measured by bench/bench_startup.py.
    from desktop.ui.app import open_gui
    return open_gui(paths.data_dir(args.data_dir), lambda: _context(args))


def cmd_demo(args) -> int:
    base = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="branchdesk-demo-"))
    args.data_dir = str(base)

    def open_demo():
        from desktop.services.demo import create_demo_branch
        ctx = _context(args, branch_name=translate("demo", "Demo Party Branch"))
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
        from db.engine import StorageError
        from desktop.services.errors import KnownError
        if isinstance(err, (UserError, KnownError, StorageError)):
            print(translate("cli", "Error: {message}").format(message=err), file=sys.stderr)
            return EXIT_USER
        log.exception("command failed")
        print(translate("cli", "BranchDesk hit a bug: {error}. The details are in the log file in the data folder's logs/ folder.").format(
            error=type(err).__name__), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
