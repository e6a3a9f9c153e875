"""合规日历: for one year, each meeting type's periods — required against held — coloured held /
overdue / due soon, with a legend. Double-clicking a period records a meeting of that type."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from core.meetings import State
from desktop.context import AppContext
from desktop.services.compliance import ComplianceService
from desktop.ui.calendar_model import COLOURS, TEXT_COLOURS, CalendarModel
from desktop.ui.requirements_dialog import RequirementsDialog

LEGEND = (State.SATISFIED, State.OVERDUE, State.DUE_SOON, State.OPEN, State.UPCOMING, State.NOT_TRACKED)


class CalendarView(QWidget):
    # type, party group id (or None), a day in the period
    recordMeeting = Signal(object, object, object)
    requirementsChanged = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = ComplianceService(ctx)
        self.dialog: QWidget | None = None

        self.prev_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        for b in (self.prev_button, self.next_button):
            b.setFixedWidth(self.fontMetrics().horizontalAdvance("◀") + 28)
        self.prev_button.setToolTip(self.tr("The year before"))
        self.next_button.setToolTip(self.tr("The year after"))
        self.year_combo = QComboBox()
        self.prev_button.clicked.connect(lambda: self.year_combo.setCurrentIndex(self.year_combo.currentIndex() + 1))
        self.next_button.clicked.connect(lambda: self.year_combo.setCurrentIndex(self.year_combo.currentIndex() - 1))
        self.year_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.settings_button = QPushButton(self.tr("Required meetings…"))
        self.settings_button.clicked.connect(self.edit_requirements)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.prev_button)
        top.addWidget(self.year_combo)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.settings_button)

        self.model = CalendarModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setShowGrid(True)
        self.view.setStyleSheet("QTableView { gridline-color: #ffffff; }")
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("10/10") + 12)
        vheader = self.view.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.Fixed)
        # Two lines (the type, its requirement) and little else: a year of ten rows fits a
        # 768-pixel screen without scrolling.
        vheader.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 6)
        vheader.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.view.doubleClicked.connect(self._activated)

        legend = QHBoxLayout()
        legend.addWidget(QLabel(self.tr("Legend:")))
        for state in LEGEND:
            swatch = QLabel(state.label)
            colour = TEXT_COLOURS.get(state)
            swatch.setStyleSheet(f"background: {COLOURS[state].name()}; color: {colour.name() if colour else '#000'};"
                                 " padding: 3px 10px; border: 1px solid #bbb; border-radius: 2px;")
            legend.addWidget(swatch)
        legend.addStretch(1)
        self.hint = QLabel(self.tr("Each cell: held / required. Double-click a period to record a meeting for it."))
        self.hint.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(legend)
        layout.addWidget(self.hint)
        self.reload_years()

    def reload_years(self) -> None:
        """The year list (this year first) and the calendar of the year shown."""
        current = self.year_combo.currentData() or self.ctx.clock.today().year
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in reversed(self.service.years()):
            self.year_combo.addItem(self.tr("{year}").format(year=year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(current)))
        self.year_combo.blockSignals(False)
        self.load()

    def show_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def load(self) -> None:
        year = self.year_combo.currentData() or self.ctx.clock.today().year
        result = self.service.year(year)
        self.view.clearSpans()
        self.model.set_year(result)
        for row in range(self.model.rowCount()):
            span = self.model.span_at(row)
            if span > 1:
                for column in range(0, 12, span):
                    self.view.setSpan(row, column, 1, span)
        self.prev_button.setEnabled(self.year_combo.currentIndex() < self.year_combo.count() - 1)
        self.next_button.setEnabled(self.year_combo.currentIndex() > 0)
        counts = {s: 0 for s in State}
        for r in result.rows:
            for p in r.periods:
                counts[p.state] += 1
        self.summary.setText(self.tr("{year}: {overdue} overdue, {soon} due soon, {held} held").format(
            year=year, overdue=counts[State.OVERDUE], soon=counts[State.DUE_SOON], held=counts[State.SATISFIED]))
        self.summary.setStyleSheet("color: #8e0000; font-weight: bold;" if counts[State.OVERDUE] else "")

    def _activated(self, index) -> None:
        st = self.model.status_at(index.row(), index.column())
        if st is None:
            return
        row = self.model.row_at(index.row())
        today = self.ctx.clock.today()
        day = today if st.period.contains(today) else st.period.start
        self.recordMeeting.emit(row.type, row.unit_key, day)

    def edit_requirements(self) -> RequirementsDialog:
        dialog = RequirementsDialog(self.service, self)
        dialog.changed.connect(self._requirements_changed)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _requirements_changed(self) -> None:
        self.reload_years()
        self.requirementsChanged.emit()


def record_start(day: date) -> datetime:
    """A new meeting from the calendar starts at half past two on that day."""
    return datetime.combine(day, datetime.min.time()).replace(hour=14, minute=30)

