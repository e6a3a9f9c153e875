"""Fixtures for the UI tests: a real branch database (the ``ctx`` fixture), real widgets.

Only Qt's own modal helpers are replaced (QMessageBox's static functions), because a
modal ``exec()`` would wait for a click no test can give; every call is recorded so the
tests can say what the user was told.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from core.idnumber import check_digit
from core.members import Gender, MemberCategory, MemberRecord


def pytest_collection_modifyitems(items):
    # The offscreen platform plugin warns "does not support propagateSizeHints()" for every
    # top-level window whose layout sets a minimum size — its limitation, not ours (xcb does
    # not warn). Every other Qt warning still fails the test.
    marker = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
    for item in items:
        if "tests/desktop/ui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(marker)


def make_id(born: date, seq: int = 1, *, male: bool = True, region: str = "110105") -> str:
    """A valid 公民身份号码 (GB 11643-1999) for the given birth date."""
    seq = (seq % 50) * 2 + (1 if male else 0)
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def member(name: str, born: date, *, male: bool = True, seq: int = 1, group: str = "第一党小组",
           category: MemberCategory = MemberCategory.FULL, joined: date | None = None, **changes) -> MemberRecord:
    joined = joined or date(born.year + 25, 7, 1)
    rec = MemberRecord(
        name=name, gender=Gender.MALE if male else Gender.FEMALE, ethnicity="汉族",
        id_number=make_id(born, seq, male=male), birth_date=born, education="大学本科",
        category=category, joined_on=joined,
        full_member_on=date(joined.year + 1, joined.month, joined.day) if category is MemberCategory.FULL else None,
        post="科员", phone="13800138000", address="陕西省汉中市汉台区天汉大道1号", group=group,
    )
    return rec.with_changes(**changes) if changes else rec


@pytest.fixture
def add(ctx):
    """Add a member straight through the service; returns its id."""
    def _add(name: str, born: date, **kw) -> int:
        return ctx.members.add(member(name, born, **kw))
    return _add


@dataclass
class Boxes:
    """What QMessageBox's static functions were asked to show."""
    shown: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)
    answer: QMessageBox.StandardButton = QMessageBox.Yes

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _, text in self.shown if kind is None or k == kind]


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> Boxes:
    record = Boxes()

    def fake(kind):
        def show(parent, title, text, *args, **kwargs):
            record.shown.append((kind, title, text))
            return record.answer if kind == "question" else QMessageBox.Ok
        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    return record


@pytest.fixture(autouse=True)
def _background_work_done(qtbot):
    """No test leaves work running on the pools into the next test's database."""
    yield
    from desktop.ui import worker
    assert worker.wait_idle(10000)
    qtbot.wait(1)  # deliver queued results while the widgets still exist


@pytest.fixture
def window(ctx, qtbot):
    from desktop.ui.main_window import MainWindow
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user does: ASCII by key presses, Chinese through the input method (a
    committed IME string — QTest cannot press keys for characters outside ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QComboBox

    if isinstance(widget, QComboBox):
        widget = widget.lineEdit()
    widget.setFocus()
    chunk = ""
    for ch in text + "\0":
        if ch != "\0" and ch.isascii() == (chunk[:1].isascii() if chunk else ch.isascii()):
            chunk += ch
            continue
        if chunk and chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        elif chunk:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)
        chunk = ch if ch != "\0" else ""
