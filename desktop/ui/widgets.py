"""Small widgets several screens share."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QWidget

from core.dates import parse_date

ERROR_COLOUR = "#c62828"
WARNING_COLOUR = "#b45309"  # an orange that stays readable on white


class DateField(QLineEdit):
    """A date that may be empty, typed the way secretaries write dates (1998-07-01,
    1998.07, 1998年7月1日). A QDateEdit cannot be empty and fights the user who types."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 1998-07-01"))
        self.setClearButtonEnabled(True)
        self.editingFinished.connect(self._tidy)

    def value(self) -> date | None:
        """The date, None when empty; raises core.dates.DateError for what is not a date."""
        return parse_date(self.text())

    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def _tidy(self) -> None:
        # Show what the program understood: "1998.7" becomes 1998-07-01.
        try:
            value = self.value()
        except ValueError:
            return
        if value is not None and self.text() != value.isoformat():
            self.setText(value.isoformat())


class FieldMessage(QLabel):
    """The line under a form field: an error in red, a warning in orange, or nothing."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.PlainText)
        self.kind = ""
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_COLOUR, "error")

    def show_warning(self, text: str) -> None:
        self._show(text, WARNING_COLOUR, "warning")

    def _show(self, text: str, colour: str, kind: str) -> None:
        if self.kind == "error" and kind == "warning":
            return  # an error for this field already says more
        if self.kind == kind and self.text():
            text = self.text() + "\n" + text
        self.kind = kind
        self.setStyleSheet(f"color: {colour};")
        self.setText(text)
        # A form layout does not ask a wrapped label how tall it wants to be at the width it
        # gets, and a two-line message would be cut in half: reserve the height it needs.
        parent = self.parentWidget()
        width = parent.width() if parent is not None else self.width()
        if width > 40:
            self.setMinimumHeight(self.heightForWidth(width))
        self.show()

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.setMinimumHeight(0)
        self.hide()


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.HLine)
    line.setFrameShadow(QFrame.Sunken)
    return line
