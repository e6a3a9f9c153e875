"""Screenshots of the meetings screens and the minutes PDF, for looking at.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.desktop.ui.screenshots_meetings [--pending]

Writes PNGs to screenshots/ (git-ignored) from a generated demo branch: the meetings list, a
meeting's record (basics, attendance, minutes, files), the calendar, the committee, the home
page, and the minutes PDF rendered by pdftoppm. ``--pending`` merges the translations still
waiting in resources/i18n/pending_*.tsv into a temporary catalogue first (nothing is written
into resources/).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def merged_catalogue(work: Path) -> tuple[Path, Path]:
    """The .ts with every pending TSV line added, and its .qm (pyside6-lrelease)."""
    from desktop import paths
    tree = ET.parse(paths.translation_source("zh_CN"))
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for tsv in sorted((ROOT / "resources" / "i18n").glob("pending_*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            context, source, translation = line.split("\t")
            ctx = contexts.get(context)
            if ctx is None:
                ctx = ET.SubElement(root, "context")
                ET.SubElement(ctx, "name").text = context
                contexts[context] = ctx
            message = next((m for m in ctx.iter("message") if m.findtext("source") == source), None)
            if message is None:
                message = ET.SubElement(ctx, "message")
                ET.SubElement(message, "source").text = source
                ET.SubElement(message, "translation")
            tr = message.find("translation")
            tr.text = translation
            tr.attrib.pop("type", None)
    ts, qm = work / "branchdesk_zh_CN.ts", work / "branchdesk_zh_CN.qm"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return ts, qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests.desktop.ui.screenshots_meetings")
    parser.add_argument("--pending", action="store_true", help="merge resources/i18n/pending_*.tsv first")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="branchdesk-screenshots-meetings-"))

    from core import i18n
    from desktop import paths
    if args.pending:
        ts, qm = merged_catalogue(work)
        paths.translation_source = lambda language: ts  # noqa: E731 — this process only
        paths.translation_binary = lambda language: qm  # noqa: E731
    i18n.install("zh_CN", paths.translation_source("zh_CN"))

    from core.clock import FixedClock
    from desktop.context import open_context
    from desktop.services.demo import create_demo_branch
    # A fixed day, so that the pictures can be compared run to run.
    ctx = open_context(work / "branch", clock=FixedClock(datetime(2026, 11, 20, 9, 30)),
                       branch_name=i18n.translate("demo", "Demo Party Branch"))
    create_demo_branch(ctx)
    i18n.install("zh_CN", paths.translation_source("zh_CN"))

    from PySide6.QtGui import QColor, QImage
    from desktop.services.meetings import MeetingService
    from desktop.ui import worker
    from desktop.ui.app import create_application, install_translators
    from desktop.ui.main_window import MainWindow
    from desktop.ui.meetings_page import MeetingsPage
    from desktop.ui.minutes_print import write_pdf

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

    window = MainWindow(ctx)
    window.show()
    if "meetings" in window._keys:
        page = window.show_page("meetings")
        target = window
    else:  # before the page is in the navigation
        page = MeetingsPage(ctx)
        page.resize(1280, 760)
        page.show()
        target = page
    shot(target, "m01-meetings-list")
    service = MeetingService(ctx.db, ctx.clock, ctx.data_dir)
    theme = next(r for r in service.list() if r.type.value == "theme_day" and r.held)
    photo = work / "主题党日合影.jpg"
    image = QImage(1200, 800, QImage.Format_RGB32)
    image.fill(QColor("#b71c1c"))
    image.save(str(photo))
    service.attach(theme.id, photo)
    dialog = page.open_meeting(theme.id)
    dialog.resize(1000, 700)
    for index, name in enumerate(("m02-record-basics", "m03-record-attendance", "m04-record-minutes")):
        dialog.tabs.setCurrentIndex(index)
        shot(dialog, name)
    dialog.tabs.setCurrentIndex(4)
    shot(dialog, "m05-record-six-items")
    dialog.tabs.setCurrentIndex(5)
    shot(dialog, "m06-record-files")
    preview = dialog.print_preview()
    preview.resize(900, 700)
    shot(preview, "m12-print-preview")
    preview.close()
    dialog.reject()
    new = page.new_meeting()
    new.title_edit.setText("")
    new.try_save()
    shot(new, "m07-record-new-errors")
    new.reject()
    page.show_calendar()
    shot(target, "m08-calendar")
    page.tabs.setCurrentIndex(2)
    shot(target, "m09-committee")
    if "meetings" in window._keys:
        window.show_page("home")
        shot(window, "m10-home")

    pdf = out / "m11-minutes.pdf"
    write_pdf(service.minutes_sheet(theme.id), pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / "m11-minutes")], check=True)
        print(*sorted(out.glob("m11-minutes*.png")), sep="\n")
    worker.wait_idle()
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
