"""Screenshots of the backup screens, for looking at.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.desktop.ui.screenshots_backup

A demo branch with two weeks of daily backups (a clock moved day by day) and a second location
that is not plugged in; writes b01-settings-backup.png (the settings page at its backup
section, with the status bar), b02-backup-section.png (the section alone), b03-restore.png
(the restore wizard from the settings, the newest backup checked) and b04-restore-damaged.png
(the wizard at a start that found the database damaged) and b05-read-only.png (that database opened
read-only from the wizard: the page of the dues handed up damaged, the home page whole).
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests.desktop.ui.screenshots_backup")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="branchdesk-screenshots-backup-"))

    from core import i18n
    from desktop import paths
    i18n.install("zh_CN", paths.translation_source("zh_CN"))
    from core.clock import FixedClock
    from desktop.context import open_context
    from desktop.services.backups import BackupService, start_checks
    from desktop.services.demo import create_demo_branch

    clock = FixedClock(datetime(2026, 11, 6, 17, 40))
    ctx = open_context(work / "branch", clock=clock, branch_name=i18n.translate("demo", "Demo Party Branch"))
    create_demo_branch(ctx)
    service = BackupService(ctx.data_dir, clock)
    for _ in range(14):
        service.backup_now()
        clock.at += timedelta(days=1)
    clock.at = datetime(2026, 11, 20, 9, 30)
    service.set_second(work / "U盘" / "支部备份")  # not plugged in
    service.backup_now()

    from PySide6.QtWidgets import QMessageBox
    from desktop.ui import worker
    from desktop.ui.app import create_application, install_translators
    from desktop.ui.main_window import MainWindow
    app = create_application()
    translators = install_translators(app, "zh_CN")  # noqa: F841 — kept alive
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.No)

    def settle(rounds: int = 20) -> None:
        for _ in range(rounds):
            worker.wait_idle()
            app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    window = MainWindow(ctx)
    window.resize(1280, 760)
    window.show()
    page = window.show_page("settings")
    section = page.backup
    settle()
    # The page is taller than the window: show it from the backup section down.
    page.scroll.ensureWidgetVisible(section)
    settle()
    shot(window, "b01-settings-backup")
    shot(section, "b02-backup-section")
    wizard = section.open_restore()
    settle()
    app.processEvents()
    shot(wizard, "b03-restore")
    wizard.close()
    window.close()
    ctx.close()

    # A damaged start: a page of the member table overwritten.
    db = work / "branch" / "branch.sqlite"
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'member'").fetchone()[0]
    con.close()
    from tests.db.test_backup import flip_page
    flip_page(db, root)
    try:
        start_checks(work / "branch")
    except Exception as err:  # DamagedDatabase
        from desktop.ui.restore_wizard import offer_restore
        empty = MainWindow(None)
        empty.resize(1280, 760)
        empty.show()
        wizard = offer_restore(empty, err, lambda restored: None)
        settle()
        shot(wizard, "b04-restore-damaged")
        wizard.close()
        empty.close()
    # 只读打开, on a file damaged where the home page does not read (the dues handed up).
    from db.backup import restore
    restore(db, service.backups()[0].path, now=clock.now())
    con = sqlite3.connect(db)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'dues_remittance'").fetchone()[0]
    con.close()
    flip_page(db, root)
    from desktop.services.backups import request_read_only
    request_read_only(work / "branch")
    ctx = open_context(work / "branch", clock=clock)
    window = MainWindow(ctx)
    window.resize(1280, 760)
    window.show()
    shot(window, "b05-read-only")
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
