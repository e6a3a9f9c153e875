"""Telling the user something went wrong (DESIGN, Errors).

A ``KnownError`` (bad file, full disk, a request the rules refuse) is the user's to fix:
a plain message box with the sentence the service wrote. Anything else is a bug: the
crash dialog, which says what happened in Chinese and where the log file is.
"""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.services.errors import as_known

log = logging.getLogger(__name__)


def is_known(err: BaseException) -> bool:
    """A message for the user: a KnownError, the database's StorageError, or an error of any
    kind caused by a full, read-only or failing disk (desktop/services/errors.py)."""
    return as_known(err) is not None


def show_known_error(parent: QWidget | None, err: BaseException) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Messages", "BranchDesk"), str(as_known(err) or err))


def show_crash(parent: QWidget | None, text: str, log_file: Path | None) -> None:
    """The crash dialog. ``text`` is the traceback, shown only under "details"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Critical)
    box.setWindowTitle(QCoreApplication.translate("Messages", "BranchDesk — something went wrong"))
    box.setText(QCoreApplication.translate("Messages", "Sorry, the program ran into a problem it did not expect. "
                   "What you saved before is safe."))
    if log_file is not None:
        box.setInformativeText(QCoreApplication.translate("Messages", "Please send this log file to whoever looks after the program: {path}").format(path=log_file))
    box.setDetailedText(text)
    box.setStandardButtons(QMessageBox.Ok)
    open_button = None
    if log_file is not None:
        open_button = box.addButton(QCoreApplication.translate("Messages", "Open the log folder"), QMessageBox.ActionRole)
    box.exec()
    if open_button is not None and box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file.parent)))


class CrashHandler:
    """``sys.excepthook`` for the running program: every uncaught exception (also those
    raised in slots, which PySide routes here) is logged and shown, and the program goes on."""

    def __init__(self, log_file: Path | None):
        self.log_file = log_file
        self._previous = None
        self._showing = False

    def install(self) -> "CrashHandler":
        self._previous = sys.excepthook
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous or sys.__excepthook__

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        text = getattr(exc, "__traceback_text__", None) or "".join(traceback.format_exception(exc_type, exc, tb))
        parent = QApplication.activeWindow()
        if is_known(exc):
            log.warning("%s: %s", exc_type.__name__, exc)
            show_known_error(parent, exc)
            return
        log.error("uncaught exception:\n%s", text)
        if self._showing:  # an error while the dialog is up: logged, not stacked
            return
        self._showing = True
        try:
            show_crash(parent, text, self.log_file)
        finally:
            self._showing = False
