"""Screenshots of sign-in, for looking at: the kiosk (accepted, refused), the sign-in desk, the
phones' window, the phone page in Chromium at a phone's width, and the printed sheet and cards
rendered by pdftoppm.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.desktop.ui.screenshots_signin [--pending]

Writes PNGs to screenshots/ (git-ignored). ``--pending`` merges resources/i18n/pending_*.tsv
into a temporary catalogue first (nothing is written into resources/). The phone page is served
on 127.0.0.1 only.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests.desktop.ui.screenshots_signin")
    parser.add_argument("--pending", action="store_true", help="merge resources/i18n/pending_*.tsv first")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="branchdesk-screenshots-signin-"))

    from core import i18n
    from desktop import paths
    if args.pending:
        from tests.desktop.ui.screenshots_meetings import merged_catalogue
        ts, qm = merged_catalogue(work)
        paths.translation_source = lambda language: ts  # noqa: E731 — this process only
        paths.translation_binary = lambda language: qm  # noqa: E731
    i18n.install("zh_CN", paths.translation_source("zh_CN"))

    from core.clock import FixedClock
    from desktop.context import open_context
    from tests.helpers.signin import PEOPLE, at, branch
    people = PEOPLE + [("阿卜杜热合曼·买买提", "离退休党小组", "13500001111"), ("孙丽华", "离退休党小组", "13500002222"),
                       ("周建国", "离退休党小组", "13500003333"), ("吴晓燕", "第一党小组", "13500004444")]
    ctx = open_context(work / "branch", clock=FixedClock(at(-8)), branch_name="东风社区第一党支部")
    b = branch(ctx, people)
    ctx.settings.set("signin.lan_host", "192.168.1.20")
    i18n.install("zh_CN", paths.translation_source("zh_CN"))

    from desktop.ui.app import create_application, install_translators
    app = create_application()
    translators = install_translators(app, "zh_CN")  # noqa: F841 — kept alive

    def settle(rounds: int = 20) -> None:
        for _ in range(rounds):
            app.processEvents()

    def shot(widget, name: str) -> Path:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)
        return path

    from desktop.ui.kiosk import KioskWindow
    from desktop.ui.signin_dialog import SigninDialog
    for name in ("王书记", "李委员", "赵敏"):
        b.signin.scan(b.meeting_id, b.payload(name), at=at(-15))
    b.signin.record_leave(b.meeting_id, b.ids["刘洋"], "在外地出差")
    kiosk = KioskWindow(b.signin, b.meeting_id)
    kiosk.resize(1366, 768)
    kiosk.show()
    kiosk.scan_line.setText(b.payload("张伟"))
    kiosk.submit()
    shot(kiosk, "s01-kiosk-accepted")
    payload = b.payload("欧阳晓明")
    kiosk.scan_line.setText(payload[:-1] + ("A" if payload[-1] != "A" else "B"))
    kiosk.submit()
    shot(kiosk, "s02-kiosk-refused")
    ctx.clock.at = at(20)
    kiosk.scan_line.setText(b.payload("孙丽华"))
    kiosk.submit()
    shot(kiosk, "s02b-kiosk-too-late")
    ctx.clock.at = at(-8)
    kiosk.close()

    desk = SigninDialog(ctx, b.meeting_id)
    desk.resize(1100, 680)
    desk.show()
    shot(desk, "s03-signin-desk")

    from desktop.ui.phone_signin import PhoneSigninWindow
    phone_window = PhoneSigninWindow(b.signin, b.meeting_id, desk, bind="127.0.0.1", port=0)
    phone_window.address.setCurrentText("192.168.1.20")
    phone_window.show()
    shot(phone_window, "s04-phone-window")
    phone_window.address.setCurrentText("127.0.0.1")
    url = phone_window.url

    if Path(CHROMIUM).exists():
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                          device_scale_factor=2, locale="zh-CN")
            page = context.new_page()
            page.goto(url)
            page.screenshot(path=str(out / "s05-phone-names.png"), full_page=True)
            page.fill("#search", "zw")
            page.locator("#list button").first.tap()
            page.fill("#code", "1234")
            page.screenshot(path=str(out / "s06-phone-digits.png"))
            page.tap("#go")
            page.wait_for_selector("#result")
            page.screenshot(path=str(out / "s07-phone-signed-in.png"))
            page.tap("#back")
            page.locator("#not-me").tap()
            page.locator("#list button", has_text="吴晓燕").tap()
            page.fill("#code", "0000")
            page.tap("#go")
            page.wait_for_selector("#result.bad")
            page.screenshot(path=str(out / "s08-phone-refused.png"))
            narrow = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True,
                                         device_scale_factor=2, locale="zh-CN").new_page()
            narrow.goto(url)
            narrow.screenshot(path=str(out / "s09-phone-320px.png"))
            browser.close()
            print(*sorted(out.glob("s0[5-9]-phone*.png")), sep="\n")
    phone_window.close()
    desk.refresh()
    shot(desk, "s10-signin-desk-after-phone")
    desk.close()

    from desktop.ui.signin_print import write_badges_pdf, write_sheet_pdf
    write_sheet_pdf(b.signin.sheet(b.meeting_id), out / "s11-sheet.pdf")
    write_badges_pdf(b.signin.badges(), ctx.members.branch_name(), out / "s12-cards.pdf")
    if shutil.which("pdftoppm"):
        for name in ("s11-sheet", "s12-cards"):
            subprocess.run(["pdftoppm", "-r", "100", "-png", str(out / f"{name}.pdf"), str(out / name)], check=True)
        print(*sorted(out.glob("s1[12]-*.png")), sep="\n")
    ctx.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
