"""``branchdesk-server``: the central server and its administration.

    branchdesk-server [--db URL] [--host H] [--port P] [--workers N]    serve (the default)
    branchdesk-server org add --code C --name N [--kind K] [--parent P]
    branchdesk-server org list [--json]
    branchdesk-server enroll --branch CODE --name NAME [--parent ORG]   prints a one-time code
    branchdesk-server revoke --branch CODE
    branchdesk-server report [--json]
    branchdesk-server import FILE [--json]                              packets carried by USB
    branchdesk-server notice --unit ORG --title T [--body B] [--kind notice|requirement] [--month YYYY-MM]
    branchdesk-server score --branch CODE [--superior N] [--comments N]
    branchdesk-server admin set-password [--username U] [--password-stdin]
    branchdesk-server migrate

Without ``--db`` the server keeps an SQLite file in its data folder (README). Every command
upgrades the database schema first. Exit codes: 0 done, 2 refused (a message says why).
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import secrets
import sys
import time
from pathlib import Path

from server import __version__

EXIT_USER = 2


class UserError(Exception):
    pass


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False))


def _open(args):
    from server.db import default_url, migrate, open_database
    db = open_database(args.db or default_url(), pool_size=2)
    migrate(db)
    return db


def _first_admin(db) -> str | None:
    """On the first start, an administrator with a random password (printed once)."""
    from server import admin_auth
    with db.write() as conn:
        admin_auth.session_secret(conn)
        if admin_auth.has_admin(conn):
            return None
        password = secrets.token_urlsafe(12)
        admin_auth.set_password(conn, password)
        return password


def cmd_serve(args) -> int:
    import uvicorn
    from server.db import ENV_DB
    if not 1 <= args.workers <= 64:
        raise UserError("--workers 在 1 到 64 之间")
    db = _open(args)
    password = _first_admin(db)
    url = db.url
    db.close()
    if args.workers > 1 and url.startswith("sqlite"):
        print("提示：SQLite 同一时间只有一个写入者；多个工作进程请使用 PostgreSQL（--db postgresql://…）。", file=sys.stderr)
    if password:
        print(f"首次启动：已创建管理员 admin，初始密码 {password}\n（请记下；可用 branchdesk-server admin set-password 修改）", flush=True)
    os.environ[ENV_DB] = url
    shown = url.split("@")[-1] if "@" in url else url
    print(f"中心服务器：http://{args.host}:{args.port}/ （数据库 {shown}，{args.workers} 个工作进程）", flush=True)
    uvicorn.run("server.app:app_from_env", factory=True, host=args.host, port=args.port, workers=args.workers,
                access_log=False, log_level=args.log_level, timeout_graceful_shutdown=5)
    return 0


def cmd_org_add(args) -> int:
    from server import store
    db = _open(args)
    with db.write() as conn:
        unit = store.add_unit(conn, args.code, args.name, args.kind, args.parent, time.time)
    if args.json:
        _print_json({"code": unit.code, "name": unit.name, "kind": unit.kind})
    else:
        print(f"已添加{store.UNIT_KINDS[unit.kind]}：{unit.name}（{unit.code}）")
    return 0


def cmd_org_list(args) -> int:
    from server import store
    db = _open(args)
    with db.read() as conn:
        all_units = store.units(conn)
    codes = {u.id: u.code for u in all_units}
    rows = [{"code": u.code, "name": u.name, "kind": u.kind, "parent": codes.get(u.parent_id)} for u in all_units]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"{r['code']}\t{store.UNIT_KINDS[r['kind']]}\t{r['name']}\t{r['parent'] or ''}")
    return 0


def cmd_enroll(args) -> int:
    from server import store
    db = _open(args)
    with db.write() as conn:
        code = store.issue_enrollment(conn, args.branch, args.name, args.parent, time.time)
    if args.json:
        _print_json({"branch": args.branch, "code": code, "valid_days": store.ENROLLMENT_DAYS})
    else:
        print(code)
        print(f"（{args.branch} 的一次性登记码，{store.ENROLLMENT_DAYS} 天内有效。支部在“设置 → 同步”中输入服务器地址和这个登记码。）",
              file=sys.stderr)
    return 0


def cmd_revoke(args) -> int:
    from server import store
    db = _open(args)
    with db.write() as conn:
        n = store.revoke(conn, args.branch, time.time)
    print(f"已停用 {args.branch} 的 {n} 个同步密钥。支部需要新的登记码才能再次同步。")
    return 0


def cmd_report(args) -> int:
    from server import store
    db = _open(args)
    with db.read() as conn:
        rows = store.report(conn)
    if args.json:
        _print_json([{"code": r.code, "name": r.name, "parent": r.parent, "packets": r.packets,
                      "latest_period": r.latest_period, "last_received": r.last_received,
                      "highest_seq": r.highest_seq, "missing": r.missing} for r in rows])
    else:
        for r in rows:
            print(f"{r.code}\t{r.name}\t汇总 {r.packets} 个\t最近 {r.latest_period or '—'}"
                  + (f"\t缺 {r.missing} 个（序号有空缺）" if r.missing else ""))
    return 0


def import_file(db, data: bytes, clock=time.time) -> dict:
    """Store the packets of a USB file: {"stored", "repeated", "refused": [reasons]}."""
    from core import signing, syncfile
    from core.summary import PacketError, from_json
    from server import store
    f = syncfile.load(data)
    stored, repeated, refused = 0, 0, []
    with db.write() as conn:
        key = store.key_info(conn, f.key_id)
    if key is None or key.branch != f.branch:
        raise UserError(f"文件的同步密钥不属于“{f.branch}”或服务器不认识它；没有导入任何汇总")
    if key.revoked:
        raise UserError(f"文件所用的 {f.branch} 同步密钥已被停用；请让支部重新登记后再导出")
    for i, entry in enumerate(f.entries, 1):
        if not signing.verify_file_signature(key.secret, entry.signature, entry.body):
            refused.append(f"第 {i} 个：签名不符，可能被改动过")
            continue
        try:
            packet = from_json(entry.body)
        except PacketError as err:
            refused.append(f"第 {i} 个：格式不正确（{err}）")
            continue
        try:
            with db.write() as conn:
                result = store.store_packet(conn, key.unit_id, key.branch, packet, entry.body.decode("utf-8"), clock, via="file")
        except store.StoreError as err:
            refused.append(f"第 {i} 个：{err.message}")
            continue
        repeated += result.repeated
        stored += not result.repeated
    return {"branch": f.branch, "stored": stored, "repeated": repeated, "refused": refused}


def cmd_import(args) -> int:
    from core.syncfile import SyncFileError
    db = _open(args)
    try:
        data = Path(args.file).read_bytes()
    except OSError as err:
        raise UserError(f"无法读取 {args.file}：{err.strerror or err}") from None
    try:
        result = import_file(db, data)
    except SyncFileError as err:
        raise UserError(str(err)) from None
    if args.json:
        _print_json(result)
    else:
        print(f"{result['branch']}：新存入 {result['stored']} 个汇总，{result['repeated']} 个此前已收到"
              + (f"，{len(result['refused'])} 个被拒绝" if result["refused"] else ""))
        for reason in result["refused"]:
            print("  " + reason)
    return 0 if not result["refused"] else EXIT_USER


def cmd_notice(args) -> int:
    from server import store
    db = _open(args)
    with db.write() as conn:
        notice_id = store.publish_notice(conn, args.unit, args.kind, args.title, args.body or "", args.month, time.time)
    if args.json:
        _print_json({"id": notice_id})
    else:
        print(f"已发布（编号 {notice_id}），下级支部下次同步时收到。")
    return 0


def cmd_score(args) -> int:
    from server import store
    db = _open(args)
    with db.write() as conn:
        store.set_scores(conn, args.branch, superior=args.superior, comments=args.comments)
    print(f"已设定 {args.branch} 的评分。")
    return 0


def cmd_set_password(args) -> int:
    from server import admin_auth
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("新密码：")
        if getpass.getpass("再输入一次：") != password:
            raise UserError("两次输入的密码不一致")
    db = _open(args)
    try:
        with db.write() as conn:
            admin_auth.set_password(conn, password, args.username)
    except ValueError as err:
        raise UserError(str(err)) from None
    print(f"已设定 {args.username} 的密码。")
    return 0


def cmd_migrate(args) -> int:
    db = _open(args)
    print(f"数据库结构已是最新：{db.url.split('@')[-1]}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    def options(default):
        common = argparse.ArgumentParser(add_help=False)
        common.add_argument("--db", default=default(None), help="数据库：postgresql://… 或 SQLite 文件路径（默认：数据目录中的 SQLite 文件）")
        common.add_argument("--json", action="store_true", default=default(False), help="输出 JSON")
        return common

    top, common = options(lambda v: v), options(lambda v: argparse.SUPPRESS)
    parser = argparse.ArgumentParser(prog="branchdesk-server", parents=[top], description="支部工作台中心服务器")
    parser.add_argument("--version", action="version", version=f"branchdesk-server {__version__}")

    def serve_options(p, default):
        p.add_argument("--host", default=default("127.0.0.1"), help="监听地址（默认 127.0.0.1）")
        p.add_argument("--port", type=int, default=default(8600), help="端口（默认 8600）")
        p.add_argument("--workers", type=int, default=default(1), help="工作进程数（PostgreSQL 时可多于 1）")
        p.add_argument("--log-level", default=default("warning"), choices=["critical", "error", "warning", "info", "debug"])

    serve_options(parser, lambda v: v)
    parser.set_defaults(func=cmd_serve)
    sub = parser.add_subparsers(dest="command", metavar="命令")
    serve = sub.add_parser("serve", parents=[common], help="启动服务器（默认）")
    serve_options(serve, lambda v: argparse.SUPPRESS)
    serve.set_defaults(func=cmd_serve)

    org = sub.add_parser("org", parents=[common], help="组织结构")
    osub = org.add_subparsers(dest="org_command", metavar="命令", required=True)
    add = osub.add_parser("add", parents=[common], help="添加单位")
    add.add_argument("--code", required=True, help="单位代码（字母、数字、-、_）")
    add.add_argument("--name", required=True)
    add.add_argument("--kind", default="committee", choices=["committee", "general_branch", "branch"],
                     help="committee 党委（默认）、general_branch 党总支、branch 党支部")
    add.add_argument("--parent", help="上级单位代码")
    add.set_defaults(func=cmd_org_add)
    lst = osub.add_parser("list", parents=[common], help="列出单位")
    lst.set_defaults(func=cmd_org_list)

    enroll = sub.add_parser("enroll", parents=[common], help="为支部签发一次性登记码")
    enroll.add_argument("--branch", required=True, metavar="CODE")
    enroll.add_argument("--name", help="支部名称（新支部必填）")
    enroll.add_argument("--parent", metavar="ORG", help="上级单位代码（新支部）")
    enroll.set_defaults(func=cmd_enroll)
    revoke = sub.add_parser("revoke", parents=[common], help="停用支部的同步密钥")
    revoke.add_argument("--branch", required=True, metavar="CODE")
    revoke.set_defaults(func=cmd_revoke)

    rep = sub.add_parser("report", parents=[common], help="各支部收到的汇总")
    rep.set_defaults(func=cmd_report)
    imp = sub.add_parser("import", parents=[common], help="导入支部用 U 盘带来的汇总文件")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_import)

    notice = sub.add_parser("notice", parents=[common], help="发布通知或工作要求")
    notice.add_argument("--unit", required=True, metavar="ORG", help="发布单位：其下所有支部收到")
    notice.add_argument("--title", required=True)
    notice.add_argument("--body", default="")
    notice.add_argument("--kind", default="notice", choices=["notice", "requirement"])
    notice.add_argument("--month", help="适用月份 YYYY-MM（如主题党日）")
    notice.set_defaults(func=cmd_notice)

    score = sub.add_parser("score", parents=[common], help="设定支部的上级评分、评论得分（0–100）")
    score.add_argument("--branch", required=True, metavar="CODE")
    score.add_argument("--superior", type=int)
    score.add_argument("--comments", type=int)
    score.set_defaults(func=cmd_score)

    admin = sub.add_parser("admin", parents=[common], help="管理员")
    asub = admin.add_subparsers(dest="admin_command", metavar="命令", required=True)
    pw = asub.add_parser("set-password", parents=[common], help="设定管理员密码")
    pw.add_argument("--username", default="admin")
    pw.add_argument("--password-stdin", action="store_true", help="从标准输入读一行作为密码")
    pw.set_defaults(func=cmd_set_password)

    mig = sub.add_parser("migrate", parents=[common], help="只升级数据库结构")
    mig.set_defaults(func=cmd_migrate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from server.db import DatabaseUrlError
    from server.store import StoreError
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except (UserError, DatabaseUrlError) as err:
        print(f"错误：{err}", file=sys.stderr)
        return EXIT_USER
    except StoreError as err:
        print(f"错误：{err.message}", file=sys.stderr)
        return EXIT_USER
    except Exception as err:
        from sqlalchemy.exc import OperationalError
        if isinstance(err, OperationalError):
            print(f"错误：无法打开数据库（{str(err.orig).strip().splitlines()[0] if err.orig else err}）", file=sys.stderr)
            return EXIT_USER
        raise


if __name__ == "__main__":
    sys.exit(main())
