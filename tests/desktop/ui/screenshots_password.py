"""Screenshots of the password screens, for looking at.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.desktop.ui.screenshots_password

Writes p01-new-password.png (first run, a password being typed), p02-new-password-upgrade.png,
p03-recovery-key.png, p04-recovery-key-print.png (the printed page, rendered), p05-unlock.png
(a wrong try), p06-unlock-recovery.png, p07-lock-screen.png (the window locked),
p08-settings-security.png, p09-change-password.png, p10-new-recovery-key.png (a wrong password),
p11-new-recovery-key-shown.png, p12-settings-recovery-key-made.png.
"""
from __future__ import annotations

import argparse
import os
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests.desktop.ui.screenshots_password")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="branchdesk-screenshots-password-"))
    os.environ["BRANCHDESK_PASSWORD"] = "截图用的口令-2026"

    from core import i18n
    from core.clock import FixedClock
    from db import crypto
    from desktop import paths
    from desktop.context import open_context
    from desktop.services.demo import create_demo_branch

    crypto.PASSWORD_KDF = crypto.RECOVERY_KDF = {"iterations": 1, "memory_kib": 8, "lanes": 1}
    i18n.install("zh_CN", paths.translation_source("zh_CN"))
    ctx = open_context(work / "branch", clock=FixedClock(datetime(2026, 11, 20, 9, 30)), branch_name="东风社区第一党支部")
    create_demo_branch(ctx, members=20)

    from PySide6.QtPrintSupport import QPrinter
    from desktop.ui.app import create_application, install_translators
    from desktop.ui.main_window import MainWindow
    from desktop.ui.password_dialogs import NewPasswordDialog, RecoveryKeyDialog, UnlockDialog
    app = create_application()
    translators = install_translators(app, "zh_CN")  # noqa: F841 — kept alive

    def shot(widget, name: str) -> None:
        widget.show()
        for _ in range(10):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    d = NewPasswordDialog(False)
    d.form.first.setText("dfsq-2026")
    d.form.second.setText("dfsq-202")
    d._accept()
    shot(d, "p01-new-password")
    d.close()
    d = NewPasswordDialog(True)
    shot(d, "p02-new-password-upgrade")
    d.close()
    key = crypto.recovery_text(crypto.new_recovery_key())
    r = RecoveryKeyDialog(key, "东风社区第一党支部")
    shot(r, "p03-recovery-key")
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    pdf = work / "recovery.pdf"
    printer.setOutputFileName(str(pdf))
    from desktop.ui.pdf_output import a4_on_grid
    printer.setPageLayout(a4_on_grid())
    r.paint(printer)
    os.system(f"pdftoppm -r 60 -png -singlefile {pdf} {out / 'p04-recovery-key-print'}")
    print(out / "p04-recovery-key-print.png")
    r.done_box.setChecked(True)
    r.close()
    u = UnlockDialog()
    u.password.setText("wrong")
    u.show_failure(crypto.translate("crypto", "The password is wrong. Check the keyboard's language and Caps Lock, then try again."), 0)
    shot(u, "p05-unlock")
    u.forgot_button.click()
    u.recovery.setText(key.lower())
    u.new_password.first.setText("新的口令-2027")
    shot(u, "p06-unlock-recovery")
    u.close()

    w = MainWindow(ctx)
    w.resize(1100, 700)
    w.show()
    page = w.show_page("settings")
    shot(w, "p08-settings-security")
    dialog = page.security.open_change()
    dialog.current.setText("x")
    dialog.form.first.setText("abc")
    dialog.form.check()
    shot(dialog, "p09-change-password")
    dialog.close()
    fresh = page.security.open_new_recovery_key()
    fresh.current.setText("wrong")
    fresh.save()
    shot(fresh, "p10-new-recovery-key")
    fresh.current.setText(os.environ["BRANCHDESK_PASSWORD"])
    fresh.save()
    shot(page.security.key_dialog, "p11-new-recovery-key-shown")
    page.security.key_dialog.done_box.setChecked(True)
    page.security.key_dialog.accept()
    shot(w, "p12-settings-recovery-key-made")
    w.show_page("roster")
    w.idle_lock.lock()
    w.idle_lock.screen.password.setText("wrong")
    w.idle_lock.screen.try_unlock()
    shot(w, "p07-lock-screen")
    w.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
