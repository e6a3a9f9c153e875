"""The main window: a navigation list on the left, the pages on the right.

Only pages that work are listed (later: 签到, 投票, 同步). Pages other than
the home page are built the first time they are visited: the program opens faster, and a
secretary who only checks the home page never pays for the roster.

The window can also be shown before the branch is open (``MainWindow(None)``, then
``attach(ctx)``): importing SQLAlchemy and opening the database take longer than Qt needs to
show the window, and a window that appears at once tells the user the click worked.
This module therefore imports nothing from the database side at import time.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

if TYPE_CHECKING:
    from desktop.context import AppContext

PAGE_HOME, PAGE_ROSTER, PAGE_SETTINGS = "home", "roster", "settings"
PAGE_DUES = "dues"
PAGE_MEETINGS = "meetings"
PAGE_VOTES = "votes"


class MainWindow(QMainWindow):
    firstPainted = Signal()

    def __init__(self, ctx: "AppContext | None", parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self._painted = False
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self.pages: dict[str, QWidget] = {}
        self._keys: list[str] = []

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFrameShape(QListWidget.NoFrame)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #f3f1ee; padding-top: 8px; outline: 0; }"
            "QListWidget#navigation::item { padding: 10px 18px; }"
            "QListWidget#navigation::item:selected { background: #c62828; color: white; }")
        self.stack = QStackedWidget()

        self._add_page(PAGE_HOME, self.tr("Home"), self._make_home)
        self._add_page(PAGE_ROSTER, self.tr("Member roster"), self._make_roster)
        self._add_page(PAGE_DUES, self.tr("Party dues"), self._make_dues)
        self._add_page(PAGE_MEETINGS, self.tr("Meetings"), self._make_meetings)
        self._add_page(PAGE_VOTES, self.tr("Votes"), self._make_votes)
        self._add_page(PAGE_SETTINGS, self.tr("Settings"), self._make_settings)
        width = max(self.nav.sizeHintForColumn(0), self.nav.fontMetrics().horizontalAdvance("党员花名册") + 44)
        self.nav.setFixedWidth(width)
        self.nav.currentRowChanged.connect(lambda row: self.show_page(self._keys[row]))

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        line = QFrame()
        line.setFrameShape(QFrame.VLine)
        line.setFrameShadow(QFrame.Plain)
        line.setStyleSheet("color: #d8d4cf;")
        row.addWidget(line)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.statusBar().addWidget(self.folder_label)

        self.opening = QLabel(self.tr("Opening the branch's records…"))
        self.opening.setAlignment(Qt.AlignCenter)
        self.opening.setStyleSheet("color: #666;")
        self.stack.addWidget(self.opening)
        self.nav.setEnabled(False)
        self.setWindowTitle(self.tr("BranchDesk"))
        self.resize(self.sizeHint())
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: "AppContext") -> None:
        """The branch is open: fill in the title, the status bar and the home page."""
        self.ctx = ctx
        self.folder_label.setText(self.tr("Data folder: {path}").format(path=ctx.data_dir))
        from desktop.ui.sync_controller import SyncController  # the status bar's sync state, the background sender
        self.sync = SyncController.of(ctx, self)
        self.statusBar().addPermanentWidget(self.sync.label)
        self.sync.noticesArrived.connect(lambda _n: self.pages.get(PAGE_HOME) and self.pages[PAGE_HOME].mark_stale())
        self.sync.start()
        from desktop.ui.backup_controller import BackupController  # daily and on-exit backups; the bar warns when old
        self.backups = BackupController.of(ctx, self)
        self.statusBar().addPermanentWidget(self.backups.label)
        self.backups.start()
        from desktop.ui.idle_lock import IdleLock  # the screen hides after minutes without input
        self.idle_lock = IdleLock(self, ctx)
        self.update_title()
        self.nav.setEnabled(True)
        self.show_page(PAGE_HOME)  # built now: it is the first thing the user sees
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if not self._painted and event.type() == QEvent.Paint:
            self._painted = True
            self.firstPainted.emit()
        return handled

    def sizeHint(self) -> QSize:
        # 1280 wide shows every roster column; many office screens are 1366×768, so never
        # more than the screen leaves free (a window taller than the screen hides its buttons).
        size = QSize(1280, 760)
        screen = self.screen()
        if screen is not None:
            free = screen.availableGeometry().size()
            size = size.boundedTo(QSize(int(free.width() * 0.96), int(free.height() * 0.92)))
        return size

    # -- pages -------------------------------------------------------------------------
    def _add_page(self, key: str, label: str, factory: Callable[[], QWidget]) -> None:
        self._keys.append(key)
        self._factories[key] = factory
        item = QListWidgetItem(label)
        item.setData(Qt.UserRole, key)
        self.nav.addItem(item)

    def nav_labels(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def page(self, key: str) -> QWidget:
        """The page, built on first use."""
        if key not in self.pages:
            widget = self._factories[key]()
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        row = self._keys.index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return widget

    def current_page(self) -> str:
        return self._keys[self.nav.currentRow()]

    def _make_home(self) -> QWidget:
        from desktop.ui.home_page import HomePage
        page = HomePage(self.ctx)
        page.openMember.connect(self.open_member)
        page.openDues.connect(self.open_dues)
        page.openMeetings.connect(self.open_meetings)
        return page

    def _make_roster(self) -> QWidget:
        from desktop.ui.roster_page import RosterPage
        page = RosterPage(self.ctx)
        page.membersChanged.connect(self._members_changed)
        return page

    def _make_dues(self) -> QWidget:
        from desktop.ui.dues_page import DuesPage
        page = DuesPage(self.ctx)
        page.duesChanged.connect(self._dues_changed)
        return page

    def _make_meetings(self) -> QWidget:
        from desktop.ui.meetings_page import MeetingsPage
        page = MeetingsPage(self.ctx)
        page.meetingsChanged.connect(self._meetings_changed)
        return page

    def _make_votes(self) -> QWidget:
        from desktop.ui.votes_page import VotesPage
        return VotesPage(self.ctx)

    def _make_settings(self) -> QWidget:
        from desktop.ui.settings_page import SettingsPage
        page = SettingsPage(self.ctx)
        page.branchRenamed.connect(lambda _name: self.update_title())
        page.remindersChanged.connect(self._members_changed)
        return page

    # -- between pages -------------------------------------------------------------------
    def update_title(self) -> None:
        self.setWindowTitle(self.tr("BranchDesk — {branch}").format(branch=self.ctx.members.branch_name()))

    def _members_changed(self) -> None:
        if PAGE_HOME in self.pages:
            self.pages[PAGE_HOME].mark_stale()
        if PAGE_DUES in self.pages:
            self.pages[PAGE_DUES].mark_stale()
        if PAGE_MEETINGS in self.pages:
            self.pages[PAGE_MEETINGS].mark_stale()  # who is expected, the groups, the talk pairs
        if PAGE_VOTES in self.pages:
            self.pages[PAGE_VOTES].mark_stale()  # who votes

    def _dues_changed(self) -> None:
        if PAGE_HOME in self.pages:
            self.pages[PAGE_HOME].mark_stale()

    def _meetings_changed(self) -> None:
        if PAGE_HOME in self.pages:
            self.pages[PAGE_HOME].mark_stale()

    def open_meetings(self, year: int | None = None):
        """From the home page's meeting reminders: the calendar of that year."""
        page = self.show_page(PAGE_MEETINGS)
        page.show_calendar(year)
        return page

    def open_dues(self, member_id: int | None = None):
        """From the home page's arrears list: the dues page with that member selected."""
        page = self.show_page(PAGE_DUES)
        if member_id is not None:
            page.select_member(member_id)
        return page

    def open_member(self, member_id: int):
        """From a home-page reminder: the roster, with that member's form open."""
        roster = self.show_page(PAGE_ROSTER)
        if roster.dialog is not None:  # a second click while the form is already up
            return roster.dialog
        return roster.open_member(member_id)
