"""Starting the window: the QApplication, its font and translators, the crash handler.

Two ways in: ``run_gui(ctx)`` for a branch already open (``branchdesk demo``, which fills the
branch before showing it), and ``open_gui(data_dir, open_ctx)``, which shows the window
first and opens the branch right after the first paint (``branchdesk``). Nothing here
imports the database side at import time: SQLAlchemy alone takes longer to import than Qt
takes to show a window (bench/bench_startup.py).
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from desktop import paths

if TYPE_CHECKING:
    from desktop.context import AppContext

log = logging.getLogger(__name__)

# The first of these that is installed becomes the default font. Windows ships Microsoft
# YaHei, macOS PingFang, Linux usually Noto; Qt's own fallback picks a CJK face per
# character but mixes metrics, which makes table rows uneven.
CJK_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                "Source Han Sans SC", "WenQuanYi Micro Hei")
# Many secretaries are past fifty: nothing smaller than this.
MIN_POINT_SIZE = 10.5
# Beside the branch database: what the window needs before the database is open.
WINDOW_SETTINGS = "window.ini"
# Not for users: installer/smoke_test.py sets it so that the frozen program shows its window,
# opens the branch, and closes itself this many milliseconds later (exit code 0).
SMOKE_QUIT_ENV = "BRANCHDESK_SMOKE_QUIT_AFTER_MS"


def cjk_family() -> str | None:
    families = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in families), None)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("BranchDesk")
    app.setOrganizationName("BranchDesk")
    font = QFont(app.font())
    family = cjk_family()
    if family:
        font.setFamily(family)
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
    app.setFont(font)
    return app


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our strings (the .qm built from resources/i18n) and Qt's own, so that standard
    buttons and dialogs read 确定/取消. English needs neither."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        return []
    QLocale.setDefault(QLocale(language))
    installed = []
    ours = QTranslator(app)
    if ours.load(str(paths.translation_binary(language))):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation file %s (run `make translations`)", paths.translation_binary(language))
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def _window_settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / WINDOW_SETTINGS), QSettings.IniFormat)


def remembered_language(data_dir: Path) -> str:
    """The branch's language as last seen: the window shows before the database is open.
    (The setting itself lives in the database; this is a copy.)"""
    value = _window_settings(data_dir).value("language", DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def remember_language(data_dir: Path, language: str) -> None:
    if data_dir.is_dir():
        settings = _window_settings(data_dir)
        settings.setValue("language", language)
        settings.sync()


def _log_qt_message(mode: QtMsgType, context, message: str) -> None:
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def _exec(app: QApplication, handler, translators: list[QTranslator], previous_message_handler) -> int:
    from desktop.ui import worker
    try:
        return app.exec()
    finally:
        # An import committing in the background finishes before the database closes.
        worker.wait_idle()
        # Leave the QApplication as it was found (it outlives this call in the tests).
        handler.uninstall()
        for translator in translators:
            app.removeTranslator(translator)
        qInstallMessageHandler(previous_message_handler)


def run_gui(ctx: "AppContext") -> int:
    """Show the window on a branch that is already open."""
    from desktop.context import setup_logging
    from desktop.ui.main_window import MainWindow
    from desktop.ui.messages import CrashHandler

    log_file = setup_logging(ctx.data_dir)
    app = create_application()
    previous = qInstallMessageHandler(_log_qt_message)
    language = ctx.settings.get("language") or DEFAULT_LANGUAGE
    remember_language(ctx.data_dir, language)
    translators = install_translators(app, language)
    handler = CrashHandler(log_file).install()
    window = MainWindow(ctx)
    window.show()
    return _exec(app, handler, translators, previous)


def _close_for_smoke_test(window, translators: list[QTranslator]) -> None:
    try:
        delay = int(os.environ.get(SMOKE_QUIT_ENV, ""))
    except ValueError:
        return
    # Two translators in Chinese: ours and Qt's own (found through QLibraryInfo when frozen).
    # Logged too: the Windows window program has no console to print to.
    message = f"smoke: window painted, branch open: {window.windowTitle()}; translators: {len(translators)}"
    log.info("%s", message)
    print(message, flush=True)
    QTimer.singleShot(max(delay, 0), window.close)


def open_gui(data_dir: Path, open_ctx: Callable[..., "AppContext"], *, ask_keys: bool = False) -> int:
    """Show the window at once, then open the branch (``open_ctx``) after its first paint.
    With ``ask_keys``, ``open_ctx(keys)`` gets the password dialogs as its key provider
    (desktop/ui/password_dialogs.py), and a new recovery key is shown before the branch."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.messages import CrashHandler, is_known, show_known_error

    app = create_application()
    previous = qInstallMessageHandler(_log_qt_message)
    language = remembered_language(data_dir)
    translators = install_translators(app, language)
    handler = CrashHandler(None).install()
    from desktop.ui.single_instance import bring_to_front, claim_or_tell
    instance = claim_or_tell(data_dir)  # one window per data folder: a second start raises the first (issue 8)
    if instance is None:
        handler.uninstall()
        for translator in translators:
            app.removeTranslator(translator)
        qInstallMessageHandler(previous)
        return 0
    window = MainWindow(None)
    instance.raiseRequested.connect(lambda: bring_to_front(window))
    result: dict = {"code": None, "over": False, "busy": False}

    def attach() -> None:
        fallback.stop()
        if window.ctx is not None or result["over"] or result["busy"]:
            return
        result["busy"] = True  # a message box below runs a loop; nothing may start this twice
        from desktop.ui.password_dialogs import DialogKeys, UnlockCancelled, show_recovery_key
        try:
            keys = DialogKeys(window)
            ctx = open_ctx(keys) if ask_keys else open_ctx()
            if ask_keys and ctx.db.new_recovery_key:
                if keys.asked:
                    show_recovery_key(ctx.db.new_recovery_key, ctx.members.branch_name(), window)
                else:  # the password came from BRANCHDESK_PASSWORD: no one may be at the screen
                    from desktop.cli_password import announce_recovery_key
                    announce_recovery_key(ctx.db.new_recovery_key)
                ctx.db.new_recovery_key = None
        except UnlockCancelled:
            result["code"] = 0  # the password dialog was closed: nothing to open, nothing wrong
            app.exit(0)
            return
        except Exception as err:
            from desktop.ui.restore_wizard import offer_restore
            if offer_restore(window, err, lambda restored: reopen_after_restore(restored)):
                return  # a damaged database: the restore wizard; then open the restored file or quit
            # The branch cannot be opened (a damaged file, a folder that cannot be made …):
            # say so — plainly, or with the crash dialog for a bug — and stop: there is
            # nothing to show.
            if is_known(err):
                show_known_error(window, err)
            else:
                handler(type(err), err, err.__traceback__)
            result["code"] = 2 if is_known(err) else 1
            app.exit(result["code"])
            return
        from core import i18n
        from desktop.context import setup_logging
        handler.log_file = setup_logging(ctx.data_dir)
        stored = ctx.settings.get("language") or DEFAULT_LANGUAGE
        if stored != language:
            # Changed since the last start (or a new PC): the window already speaks the
            # remembered language; the services follow it until the next start.
            remember_language(ctx.data_dir, stored)
            i18n.install(language, paths.translation_source(language))
        window.attach(ctx)
        _close_for_smoke_test(window, translators)

    def reopen_after_restore(restored: bool) -> None:
        if restored and not result["over"]:
            result["busy"] = False
            QTimer.singleShot(0, attach)
        else:
            result["code"] = 2
            app.exit(2)

    # Queued: the paint finishes (and reaches the screen) before the database work starts.
    window.firstPainted.connect(lambda: QTimer.singleShot(0, attach))
    # A window that is never painted (started minimised) still opens its branch.
    fallback = QTimer(window)
    fallback.setSingleShot(True)
    fallback.timeout.connect(attach)
    fallback.start(1000)
    window.show()
    try:
        code = _exec(app, handler, translators, previous)
    finally:
        # Nothing scheduled here may run after the program's loop ended (it would call
        # exit() on whatever loop runs next).
        result["over"] = True
        fallback.stop()
        instance.release()
    return result["code"] if result["code"] is not None else code
