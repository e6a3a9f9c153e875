"""Screenshots of the sync screens against a real server, for looking at.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.desktop.ui.screenshots_sync [--pending]

Starts a central server on a temporary SQLite file (127.0.0.1), opens a demo branch, enrolls it
through the settings page, closes October and syncs, receives a notice; writes
s01-settings-sync.png (settings with the sync section and the status bar), s02-home-notice.png,
s03-notice.png, s04-settings-sync-error.png (the server stopped: the error in Chinese).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests.desktop.ui.screenshots_sync")
    parser.add_argument("--pending", action="store_true", help="merge resources/i18n/pending_*.tsv first")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="branchdesk-screenshots-sync-"))

    from core import i18n
    from desktop import paths
    if args.pending:
        from tests.desktop.ui.screenshots_meetings import merged_catalogue
        ts, qm = merged_catalogue(work)
        paths.translation_source = lambda language: ts  # noqa: E731 — this process only
        paths.translation_binary = lambda language: qm  # noqa: E731
    i18n.install("zh_CN", paths.translation_source("zh_CN"))

    from server import store
    from tests.helpers.sync_server import ServerProcess
    server = ServerProcess(f"sqlite:///{work / 'server.sqlite'}").start()
    try:
        server.admin(store.add_unit, "BJ", "滨江市委", "committee", None)
        server.admin(store.add_unit, "DF", "东风区委", "committee", "BJ")
        code = server.admin(store.issue_enrollment, "DF001", "东风社区第一党支部", "DF")

        from core.clock import FixedClock
        from desktop.context import open_context
        from desktop.services.demo import create_demo_branch
        ctx = open_context(work / "branch", clock=FixedClock(datetime(2026, 11, 20, 9, 30)),
                           branch_name=i18n.translate("demo", "Demo Party Branch"))
        create_demo_branch(ctx)
        i18n.install("zh_CN", paths.translation_source("zh_CN"))

        from PySide6.QtWidgets import QMessageBox
        from desktop.ui import worker
        from desktop.ui.app import create_application, install_translators
        from desktop.ui.main_window import MainWindow
        app = create_application()
        translators = install_translators(app, "zh_CN")  # noqa: F841 — kept alive
        QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.Yes)  # the month-end confirmation

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
        settings = window.show_page("settings")
        section = settings.sync
        section.server_edit.setText(server.url)
        section.code_edit.setText(code)
        section.enroll_button.click()
        settle()
        section.month_combo.setCurrentText("2026-10")
        section.close_button.click()
        settle()
        server.admin(store.publish_notice, "BJ", "requirement", "十一月主题党日：重温入党誓词",
                     "各支部于 11 月 25 日前开展“重温入党誓词”主题党日活动，活动照片随下月汇总报送。", "2026-11")
        section.sync_now()
        settle()
        shot(window, "s01-settings-sync")
        home = window.show_page("home")
        shot(window, "s02-home-notice")
        dialog = home.notices.open(home.notices.list.item(0))
        shot(dialog, "s03-notice")
        dialog.close()
        server.stop()
        window.show_page("settings")
        section.snapshot_button.click()
        settle()
        shot(window, "s04-settings-sync-error")
        window.close()
        ctx.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
