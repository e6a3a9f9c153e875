"""``branchdesk-server``: the central server's command line.

The server itself (HTTP API, storage, dashboard) is the sync work; until it lands this
entry point answers ``--version`` and says plainly that there is nothing to serve yet.
"""
from __future__ import annotations

import argparse
import sys

from server import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="branchdesk-server", description="BranchDesk 中心服务器")
    parser.add_argument("--version", action="version", version=f"branchdesk-server {__version__}")
    parser.add_argument("--db", help="数据库地址（默认为内置 SQLite 文件）")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8600)
    parser.parse_args(argv)
    print("中心服务器尚未提供：本版本只包含支部端程序。", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
