"""The votes commands (``branchdesk votes …``).

``votes tally SPEC.json [--json]`` recounts a vote from a file by the rules of DOMAIN §3 (the
file's form: core/votes_spec.py). It needs no branch and opens none: a superior committee's
clerk can check a branch's count on any PC. A file that is not a recount file exits 2 with a
message naming the place in the file.
"""
from __future__ import annotations

import json
from pathlib import Path

from core.i18n import translate
from desktop.cli import UserError, _print_json


def cmd_votes_tally(args) -> int:
    from core.votes_spec import SpecError, parse_spec, result_json, result_text, tally
    path = Path(args.spec)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise UserError(translate("cli", "Cannot read {file}: {error}").format(file=args.spec, error=err.strerror or err)) from None
    except UnicodeDecodeError:
        raise UserError(translate("cli", "{file} is not UTF-8 text").format(file=args.spec)) from None
    except json.JSONDecodeError as err:
        raise UserError(translate("cli", "{file} is not valid JSON (line {line}, column {column}: {error})").format(
            file=args.spec, line=err.lineno, column=err.colno, error=err.msg)) from None
    try:
        result = tally(parse_spec(data))
    except SpecError as err:
        raise UserError(translate("cli", "{file} is not a recount file: {problem}").format(file=args.spec, problem=err)) from None
    if args.json:
        _print_json(result_json(result))
    else:
        print("\n".join(result_text(result)))
    return 0


def add_votes_parser(sub, common) -> None:
    votes = sub.add_parser("votes", parents=[common], help=translate("cli", "secret-ballot votes"))
    vsub = votes.add_subparsers(dest="votes_command", metavar=translate("cli", "command"), required=True)
    tally = vsub.add_parser("tally", parents=[common],
                            help=translate("cli", "count the ballots of a recount file (SPEC.json) by the rules"))
    tally.add_argument("spec", metavar="SPEC.json")
    tally.set_defaults(func=cmd_votes_tally)
