"""Screenshots of the votes screens, their printouts and the phone ballot page, for looking at.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.desktop.ui.screenshots_votes [--pending]

Writes PNGs to screenshots/ (git-ignored) from a generated demo branch: the votes page (the roll,
the count), the booth (code, ballot, review), the tellers' counting screen, the ballots, the code
slips, the 计票单 and the 选举结果报告单 (pdftoppm), and the phone page in Chromium at 390 pixels.
``--pending`` merges resources/i18n/pending_*.tsv into a temporary catalogue first.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests.desktop.ui.screenshots_votes")
    parser.add_argument("--pending", action="store_true", help="merge resources/i18n/pending_*.tsv first")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="branchdesk-screenshots-votes-"))

    from core import i18n
    from desktop import paths
    if args.pending:
        from tests.desktop.ui.screenshots_meetings import merged_catalogue
        ts, qm = merged_catalogue(work)
        paths.translation_source = lambda language: ts  # noqa: E731 — this process only
        paths.translation_binary = lambda language: qm  # noqa: E731
    i18n.install("zh_CN", paths.translation_source("zh_CN"))

    from core.clock import FixedClock
    from core.votes import ElectionBallot, Mark, PollKind
    from desktop.context import open_context
    from desktop.services.demo import create_demo_branch
    from desktop.services.votes import PollSetup, VoteService
    from desktop.services.votes_report import ResultSheet
    ctx = open_context(work / "branch", clock=FixedClock(datetime(2026, 11, 20, 9, 30)),
                       branch_name=i18n.translate("demo", "Demo Party Branch"))
    create_demo_branch(ctx)
    i18n.install("zh_CN", paths.translation_source("zh_CN"))

    from PySide6.QtCore import Qt
    from desktop.ui import worker
    from desktop.ui.app import create_application, install_translators
    from desktop.ui.main_window import MainWindow
    from desktop.ui.votes_print import write_ballots_pdf, write_sheet_pdf, write_slips_pdf

    app = create_application()
    translators = install_translators(app, "zh_CN")  # noqa: F841 — kept alive

    def settle(rounds: int = 30) -> None:
        worker.wait_idle()
        for _ in range(rounds):
            app.processEvents()

    def shot(widget, name: str) -> Path:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)
        return path

    def render(pdf: Path, name: str, pages: int = 1) -> None:
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-l", str(pages), str(pdf), str(out / name)], check=True)
            print(*sorted(out.glob(f"{name}*.png")), sep="\n")

    service = VoteService(ctx.db, ctx.clock)
    roster = [r for r in ctx.members.roster() if r.roll_status == "active"]
    full = [r for r in roster if r.category == "full"]
    candidates = tuple(r.name for r in full[:5])
    poll = service.create(PollSetup(PollKind.ELECTION, "第五届支部委员会选举", candidates, seats=3, committee=True,
                                    ways=("paper", "booth", "phone")))
    present = [r.id for r in full[:-2]]
    service.set_present(poll, present)
    service.set_signers(poll, full[5].name, f"{full[6].name}、{full[7].name}")
    service.open(poll)
    for member_id in present:
        service.receive(poll, member_id)
    codes = service.make_codes(poll, len(present))
    serials = service.new_serials(poll, 12)
    d = service.detail(poll)
    names = d.candidates
    for i, code in enumerate(codes[:-6]):
        marks = {names[0]: Mark.FOR, names[1]: Mark.FOR, names[(i % 3) + 2]: Mark.FOR}
        if i % 4 == 0:
            marks[names[4]] = Mark.AGAINST
        service.cast(poll, code, ElectionBallot(marks), "booth")

    window = MainWindow(ctx)
    window.show()
    page = window.show_page("votes") if "votes" in window._keys else None
    page.select(poll)
    shot(window, "v01-votes-roll")

    booth = page.open_booth(fullscreen=True)
    booth.setGeometry(app.primaryScreen().geometry())  # Xvfb has no window manager to make it full screen
    shot(booth, "v02-booth-code")
    booth.code_edit.setText(codes[-1])
    booth.check_code()
    booth.form.pick(names[0], "for")
    booth.form.pick(names[2], "for")
    booth.form.pick(names[3], "against")
    booth.form.write_ins[names[3]].setText("欧阳晓明")
    shot(booth, "v03-booth-ballot")
    booth.review()
    shot(booth, "v04-booth-review")
    booth.close()

    counting = page.open_counting()
    counting.resize(1300, 700)
    counting.serial_edit.setText(serials[0])
    counting.take_serial()
    counting.marks_edit.setText("11320")
    counting.marks_done()
    counting.write_edit.setText("欧阳晓明")
    shot(counting, "v05-counting")
    counting.commit()
    settle()
    counting.close()

    # The phone page in Chromium, at a phone's width.
    from desktop.lan.vote_routes import PhoneVoting
    phones = PhoneVoting(service, poll)
    server = phones.start("127.0.0.1", 0)
    try:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                          device_scale_factor=2, locale="zh-CN")
            ph = context.new_page()
            ph.goto(f"http://127.0.0.1:{server.port}{phones.path()}")
            ph.fill("#code", f"{codes[-2][:4]} {codes[-2][4:]}")
            ph.screenshot(path=str(out / "v11-phone-code.png"), full_page=True)
            ph.tap("#next")
            ph.wait_for_selector("#step-ballot:not(.hidden)")
            rows = ph.locator(".row")
            rows.nth(0).locator("button").nth(0).tap()
            rows.nth(1).locator("button").nth(0).tap()
            rows.nth(2).locator("button").nth(1).tap()
            rows.nth(2).locator("input").fill("欧阳晓明")
            ph.screenshot(path=str(out / "v12-phone-ballot.png"), full_page=True)
            ph.tap("#vote")
            ph.screenshot(path=str(out / "v13-phone-review.png"), full_page=True)
            ph.tap("#send")
            ph.wait_for_selector("#step-done:not(.hidden)")
            ph.screenshot(path=str(out / "v14-phone-done.png"), full_page=True)
            browser.close()
            print(*sorted(out.glob("v1[1-4]-phone*.png")), sep="\n")
    finally:
        phones.stop()

    write_ballots_pdf(d, serials[1:3], out / "v09-ballots.pdf")
    render(out / "v09-ballots.pdf", "v09-ballots")
    write_slips_pdf(d, codes[:18], f"http://192.168.1.20:8766{phones.path()}", out / "v10-slips.pdf")
    render(out / "v10-slips.pdf", "v10-slips")
    page.refresh_detail()
    page.close_poll(confirm=False)
    shot(window, "v06-votes-count")
    sheet = ResultSheet(service.detail(poll), service.counts(poll), service.tally(poll), ctx.clock.now())
    write_sheet_pdf(sheet, False, out / "v07-tally.pdf")
    render(out / "v07-tally.pdf", "v07-tally")
    write_sheet_pdf(sheet, True, out / "v08-report.pdf")
    render(out / "v08-report.pdf", "v08-report")

    appraisal = service.create(PollSetup(PollKind.APPRAISAL, "2026年度民主评议党员", ways=("paper",)))
    service.set_present(appraisal, present)
    service.open(appraisal)
    write_ballots_pdf(service.detail(appraisal), service.new_serials(appraisal, 1), out / "v15-appraisal-ballot.pdf")
    render(out / "v15-appraisal-ballot.pdf", "v15-appraisal-ballot")
    page.reload()
    page.select(appraisal)
    page.tabs.setCurrentIndex(0)
    shot(window, "v16-votes-appraisal")
    new = page.new_poll(PollKind.ELECTION)
    new.candidates.setPlainText("\n".join(candidates[:3]))
    shot(new, "v17-new-election")
    new.reject()
    settle()
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
