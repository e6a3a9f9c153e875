"""首页: what needs doing today — 转正 due, 政治生日 this month, records to complete, dues
arrears, meetings overdue or due this month, the 自行脱党 risk list — the headcount and the
year's dues due against collected. Every entry opens that member (an arrears entry opens the
member's row on the dues page, a meeting entry the meetings calendar)."""
from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QScrollArea,
                               QVBoxLayout, QWidget)

from core.meetings import Risk, State, Unit
from desktop.context import AppContext
from desktop.services.compliance import ComplianceService, dropout_risks
from desktop.services.dues import fen_text
from desktop.services.reminders import HomeReminders, home_reminders
from desktop.ui.dues_chart import DuesChart
from desktop.ui.notices_section import NoticesSection

MEMBER_ID_ROLE = Qt.UserRole + 1
MAX_VISIBLE_ENTRIES = 6  # a longer list scrolls inside its section (768-pixel screens)


class _Section(QFrame):
    """A titled card: a clickable list of entries, or one kind sentence when it is empty."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("homeSection")  # styled by HomePage (one style sheet, parsed once)
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.list = QListWidget()
        self.list.setFrameShape(QFrame.NoFrame)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.list.viewport().setCursor(Qt.PointingHandCursor)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setObjectName("homeEmpty")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)

    def set_entries(self, entries: list[tuple[int, str]], empty_text: str, tooltip: str) -> None:
        self.list.clear()
        for member_id, text in entries:
            item = QListWidgetItem(text)
            item.setData(MEMBER_ID_ROLE, member_id)
            item.setToolTip(tooltip)
            self.list.addItem(item)
        self.empty.setText(empty_text)
        self.empty.setVisible(not entries)
        self.list.setVisible(bool(entries))
        if entries:
            rows = min(len(entries), MAX_VISIBLE_ENTRIES)
            self.list.setFixedHeight(sum(self.list.sizeHintForRow(i) for i in range(rows)) + 2 * self.list.frameWidth() + 2)


class HomePage(QWidget):
    openMember = Signal(int)
    openDues = Signal(int)
    openMeetings = Signal(int)  # the year whose calendar to show

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.stale = True
        self.reminders: HomeReminders | None = None
        # Sections are white cards; entries highlight under the mouse so they read as clickable.
        self.setStyleSheet(
            "QFrame#homeSection { background: white; border: 1px solid #ddd; border-radius: 4px; }"
            "QFrame#homeSection QListWidget::item { padding: 3px 2px; }"
            "QFrame#homeSection QListWidget::item:hover { background: #fdecea; color: #b71c1c; }"
            "QLabel#homeEmpty, QLabel#homeMuted { color: #555; }")

        heading = QLabel(self.tr("What needs doing today"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        self.date_label = QLabel()
        self.date_label.setObjectName("homeMuted")
        self.headcount_label = QLabel()
        self.headcount_label.setWordWrap(True)
        self.groups_label = QLabel()
        self.groups_label.setWordWrap(True)
        self.groups_label.setObjectName("homeMuted")

        self.conversion = _Section("")
        self.birthdays = _Section(self.tr("Political birthdays this month"))
        self.incomplete = _Section(self.tr("Records with required items missing"))
        for section in (self.conversion, self.birthdays, self.incomplete):
            section.list.itemClicked.connect(self._clicked)
            section.list.itemActivated.connect(self._clicked)
        # 党费: arrears (flags only — the branch meeting decides) and the year by month.
        self.arrears = _Section(self.tr("Behind with Party dues"))
        self.arrears.list.itemClicked.connect(self._dues_clicked)
        self.arrears.list.itemActivated.connect(self._dues_clicked)
        self.dues_card = _Section("")
        self.dues_chart = DuesChart(compact=True)
        self.dues_card.list.hide()
        self.dues_card.layout().insertWidget(1, self.dues_chart)
        # Side by side the two cards are as tall as the taller: their contents stay at the top.
        self.arrears.layout().addStretch(1)
        self.dues_card.layout().addStretch(1)
        # 会议 (DOMAIN §2): periods overdue or ending this month; and the 自行脱党 list —
        # absences and dues together, flags only (党章第九条: the branch decides).
        self.meetings_due = _Section(self.tr("Meetings overdue or due this month"))
        self.meetings_due.list.itemClicked.connect(self._meeting_clicked)
        self.meetings_due.list.itemActivated.connect(self._meeting_clicked)
        self.risks = _Section(self.tr("Away from Party life or behind with dues (for the branch to look at)"))
        self.risks.list.itemClicked.connect(self._clicked)
        self.risks.list.itemActivated.connect(self._clicked)
        for section in (self.meetings_due, self.risks):
            # Full width, one under the other: their lines are long (a type, a group, a period).
            section.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
            section.list.setTextElideMode(Qt.ElideRight)

        body = QWidget()
        v = QVBoxLayout(body)
        v.setContentsMargins(24, 20, 24, 20)
        v.setSpacing(12)
        v.addWidget(heading)
        v.addWidget(self.date_label)
        v.addWidget(self.headcount_label)
        v.addWidget(self.groups_label)
        self.notices = NoticesSection(ctx)  # from the superior organisation, through sync
        self.notices.changed.connect(self.mark_stale)
        v.addWidget(self.notices)
        v.addWidget(self.conversion)
        v.addWidget(self.meetings_due)
        v.addWidget(self.risks)
        dues_row = QHBoxLayout()
        dues_row.setSpacing(12)
        dues_row.addWidget(self.arrears, 1)
        dues_row.addWidget(self.dues_card, 1)
        v.addLayout(dues_row)
        v.addWidget(self.birthdays)
        v.addWidget(self.incomplete)
        v.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

    def mark_stale(self) -> None:
        """The roster changed: refresh now if visible, else when next shown."""
        self.stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        if self.stale:
            self.refresh()
        super().showEvent(event)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.openMember.emit(item.data(MEMBER_ID_ROLE))

    def _meeting_clicked(self, item: QListWidgetItem) -> None:
        self.openMeetings.emit(item.data(MEMBER_ID_ROLE))

    def _dues_clicked(self, item: QListWidgetItem) -> None:
        self.openDues.emit(item.data(MEMBER_ID_ROLE))

    def refresh(self) -> None:
        self.stale = False
        r = self.reminders = home_reminders(self.ctx)
        self.notices.set_notices(r.notices)
        today = self.ctx.clock.today()
        locale = QLocale()
        self.date_label.setText(locale.toString(QDate(today.year, today.month, today.day), QLocale.LongFormat))

        h = r.headcount
        self.headcount_label.setText(self.tr("{total} members on the roll: {full} full members, {probationary} probationary").format(
            total=h.total, full=h.full, probationary=h.probationary))
        separator = self.tr(", ")
        self.groups_label.setText(separator.join(self.tr("{group}: {n}").format(group=g, n=n) for g, n in h.by_group.items()))
        self.groups_label.setVisible(bool(h.by_group))

        days = int(self.ctx.settings.get("reminders.conversion_days"))
        self.conversion.title.setText(self.tr("Probation ending (next {days} days): due to become full members").format(days=days))
        entries = []
        for c in r.conversion_due:
            if c.days_left > 0:
                when = self.tr("{days} days left").format(days=c.days_left)
            elif c.days_left == 0:
                when = self.tr("due today")
            else:
                when = self.tr("{days} days overdue").format(days=-c.days_left)
            entries.append((c.member_id, self.tr("{name} — joined {joined}, probation ends {due} ({when})").format(
                name=c.name, joined=c.joined_on.isoformat(), due=c.due_on.isoformat(), when=when)))
        tooltip = self.tr("Click to open this member")
        self.conversion.set_entries(entries, self.tr("No probationary member is due to become a full member in the next {days} days.").format(days=days), tooltip)

        self.birthdays.set_entries(
            [(b.member_id, self.tr("{month}/{day} — {name}, {years} years since joining the Party").format(
                month=b.joined_on.month, day=b.joined_on.day, name=b.name, years=b.years)) for b in r.political_birthdays],
            self.tr("No member has a political birthday this month."), tooltip)
        self.incomplete.set_entries(
            [(i.member_id, self.tr("{name} — missing: {items}").format(name=i.name, items=separator.join(i.missing)))
             for i in r.incomplete],
            self.tr("Every member's required items are filled in."), tooltip)
        self._show_dues(r)
        self._show_meetings(r)

    def _show_meetings(self, r: HomeReminders) -> None:
        service = ComplianceService(self.ctx)
        entries = []
        for a in service.attention():
            st = a.status
            name = f"{a.type.label} · {a.unit_label}" if a.unit_label else a.type.label
            if a.type.counted_per is Unit.PAIR:
                done = self.tr("{held} of {required} pairs have talked").format(held=st.held, required=st.required)
            else:
                done = self.tr("{held} of {required} held").format(held=st.held, required=st.required)
            if st.state is State.OVERDUE:
                text = self.tr("{name}, {period}: overdue ({done})").format(name=name, period=st.period.label, done=done)
            else:
                text = self.tr("{name}, {period}: {days} days left ({done})").format(
                    name=name, period=st.period.label, days=st.days_left, done=done)
                if st.planned:
                    text = self.tr("{text}; {n} planned").format(text=text, n=st.planned)
            entries.append((st.period.year, text, st.state is State.OVERDUE))
        self.meetings_due.set_entries([(year, text) for year, text, _ in entries],
                                      self.tr("No meeting is overdue, and none is due this month."),
                                      self.tr("Click to open the meetings calendar"))
        for i, (_, _, overdue) in enumerate(entries):
            if overdue:
                self.meetings_due.list.item(i).setForeground(QColor("#b71c1c"))

        risks = dropout_risks(service.absences(), r.dues.arrears if r.dues else [])
        risk_entries = []
        separator = self.tr("; ")
        for k in risks:
            parts = []
            if k.absent_since is not None:
                parts.append(self.tr("no Party life since {day} ({n} absences in six months)").format(
                    day=k.absent_since.isoformat(), n=k.absences))
            if k.arrears_months:
                parts.append(self.tr("{months} months of dues unpaid").format(months=k.arrears_months))
            risk_entries.append((k.member_id, self.tr("{name} — {what}").format(name=k.name, what=separator.join(parts))))
        self.risks.set_entries(risk_entries, self.tr("No member has missed three months of Party life or of dues."),
                               self.tr("Click to open this member"))
        rule = self.tr("Six months in a row without Party life, or without paying dues, or without doing assigned work, "
                       "without proper reason, is regarded as leaving the Party (Party Constitution, Article 9). The branch meeting decides; "
                       "the program changes nothing by itself.")
        for i, k in enumerate(risks):
            item = self.risks.list.item(i)
            item.setToolTip(rule)
            if k.level is Risk.ALERT:
                item.setForeground(QColor("#b71c1c"))

    def _show_dues(self, r: HomeReminders) -> None:
        d = r.dues
        if d is None:
            self.arrears.hide()
            self.dues_card.hide()
            return
        entries = []
        for a in d.arrears:
            text = (self.tr("{name} — {months} months unpaid in a row (six or more: for the branch meeting)")
                    if a.flag == "alert" else self.tr("{name} — {months} months unpaid in a row")).format(name=a.name, months=a.months)
            entries.append((a.member_id, text))
        self.arrears.set_entries(entries, self.tr("No member is three months or more behind with dues."),
                                 self.tr("Click to see this member's dues"))
        for i, a in enumerate(d.arrears):
            if a.flag == "alert":
                item = self.arrears.list.item(i)
                item.setForeground(QColor("#b71c1c"))
                # 党章: six months without paying, without proper reason, is regarded as leaving
                # the Party — for the branch meeting to decide; nothing happens by itself.
                item.setToolTip(self.tr("Six months or more without paying dues: without proper reason this is regarded as "
                                        "leaving the Party (党章). The branch meeting decides; the program changes nothing by itself."))
        today = self.ctx.clock.today()
        upto = today.month if d.year == today.year else 12
        self.dues_card.title.setText(self.tr("Party dues {year}: due and collected by month").format(year=d.year))
        self.dues_card.empty.setText(self.tr("Due so far {due} yuan, collected {paid} yuan.").format(
            due=fen_text(sum(d.due_by_month[:upto])), paid=fen_text(sum(d.paid_by_month[:upto]))))
        self.dues_card.empty.show()
        self.dues_chart.set_data(d.due_by_month, d.paid_by_month, upto)
