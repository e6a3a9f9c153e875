"""首页 → 上级通知: notices and requirements from the superior organisation (through sync).

A card like the home page's others, shown only when there is something to read. A click
opens the notice; "Put away" takes it off the home page (it stays in the database).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFrame, QLabel, QListWidget, QListWidgetItem,
                               QTextBrowser, QVBoxLayout, QWidget)

from desktop.services.sync import NoticeRow, SyncService

NOTICE_ROLE = Qt.UserRole + 2
MAX_VISIBLE = 4


class NoticeDialog(QDialog):
    def __init__(self, notice: NoticeRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(notice.title)
        heading = QLabel(notice.title)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        heading.setWordWrap(True)
        meta = QLabel((self.tr("{unit}, {date} — for {month}") if notice.month else self.tr("{unit}, {date}")).format(
            unit=notice.unit, date=notice.published_at[:10], month=notice.month))
        meta.setStyleSheet("color: #555;")
        self.body = body = QTextBrowser()
        body.setPlainText(notice.body or self.tr("(no text)"))
        buttons = QDialogButtonBox()
        self.put_away = buttons.addButton(self.tr("Put away"), QDialogButtonBox.AcceptRole)
        buttons.addButton(QDialogButtonBox.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(meta)
        layout.addWidget(body, 1)
        layout.addWidget(buttons)
        self.resize(520, 360)


class NoticesSection(QFrame):
    changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("homeSection")
        self.title = QLabel(self.tr("From the superior organisation"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.list = QListWidget()
        self.list.setFrameShape(QFrame.NoFrame)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.viewport().setCursor(Qt.PointingHandCursor)
        self.list.itemClicked.connect(self.open)
        self.list.itemActivated.connect(self.open)
        self.dialog: NoticeDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.hide()

    def set_notices(self, notices: list[NoticeRow]) -> None:
        self.list.clear()
        for n in notices:
            kind = self.tr("Requirement") if n.kind == "requirement" else self.tr("Notice")
            text = (self.tr("[{kind}] {title} — {unit} ({month})") if n.month else self.tr("[{kind}] {title} — {unit}")).format(
                kind=kind, title=n.title, unit=n.unit, month=n.month)
            item = QListWidgetItem(text)
            item.setData(NOTICE_ROLE, n)
            item.setToolTip(self.tr("Click to read"))
            self.list.addItem(item)
        if notices:
            rows = min(len(notices), MAX_VISIBLE)
            self.list.setFixedHeight(sum(self.list.sizeHintForRow(i) for i in range(rows)) + 2 * self.list.frameWidth() + 2)
        self.setVisible(bool(notices))

    def open(self, item: QListWidgetItem) -> NoticeDialog:
        notice: NoticeRow = item.data(NOTICE_ROLE)
        self.dialog = NoticeDialog(notice, self)
        self.dialog.accepted.connect(lambda: self._put_away(notice))
        self.dialog.open()
        return self.dialog

    def _put_away(self, notice: NoticeRow) -> None:
        SyncService(self.ctx).dismiss_notice(notice.id)
        self.changed.emit()
