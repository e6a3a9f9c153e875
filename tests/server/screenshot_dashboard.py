"""A screenshot of the dashboard, for looking at (STYLE: "look at what people see").

    .venv/bin/python -m tests.server.screenshot_dashboard

Starts a server on a temporary SQLite file (127.0.0.1, an ephemeral port), fills it with the
small city of tests/helpers/dashboard_demo.py through the real API, logs in with headless
Chromium and writes screenshots/server-dashboard.png (the whole page) and
server-login.png.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.helpers import dashboard_demo
from tests.helpers.sync_server import ServerProcess
from tests.server.test_dashboard import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(f"sqlite:///{Path(tmp) / 'server.sqlite'}").start()
        try:
            dashboard_demo.seed(server)
            from playwright.sync_api import sync_playwright
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="zh-CN")
                page.goto(f"{server.url}/")
                page.screenshot(path=str(out / "server-login.png"))
                page.fill("#password", dashboard_demo.PASSWORD)
                page.click("button[type=submit]")
                page.wait_for_selector("text=各支部最新数据")
                page.screenshot(path=str(out / "server-dashboard.png"), full_page=True)
                browser.close()
        finally:
            server.stop()
    print(out / "server-dashboard.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
