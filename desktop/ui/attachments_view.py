"""A meeting's photos and files: thumbnails for photos (made once with QImageReader and kept
in attachments/thumbs/), an icon for other files; add, remove, open."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem, QPushButton,
                               QStyle, QVBoxLayout, QWidget)

from desktop.services.meetings import ATTACHMENTS_DIR, AttachmentRow

THUMB = 160
PATH_ROLE = Qt.UserRole + 1
ID_ROLE = Qt.UserRole + 2  # the attachment's id; None for a file not yet saved with the meeting


def thumbnail(data_dir: Path, row: AttachmentRow, size: int = THUMB) -> QImage:
    """A photo scaled to ``size`` (cached beside the attachments); a null image when it cannot
    be read."""
    cache = Path(data_dir) / ATTACHMENTS_DIR / "thumbs" / f"{row.sha256}-{size}.png"
    if cache.exists():
        image = QImage(str(cache))
        if not image.isNull():
            return image
    image = scaled_image(row.path, size)
    if not image.isNull():
        cache.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(cache), "PNG")
    return image


def scaled_image(path: Path, size: int = THUMB) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
    original = reader.size()
    if original.isValid() and (original.width() > size or original.height() > size):
        reader.setScaledSize(original.scaled(size, size, Qt.KeepAspectRatio))
    image = reader.read()
    if not image.isNull() and (image.width() > size or image.height() > size):
        image = image.scaled(size, size, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    return image


class AttachmentsView(QWidget):
    """Pending files (added before the meeting is saved) show with their own thumbnails and
    are attached when the dialog saves."""
    changed = Signal()

    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.pending: list[Path] = []
        self.removed: list[int] = []
        self.list = QListWidget()
        self.list.setViewMode(QListView.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 48))
        self.list.setResizeMode(QListView.Adjust)
        self.list.setMovement(QListView.Static)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.ExtendedSelection)
        self.list.itemActivated.connect(self.open_item)
        self.add_button = QPushButton(self.tr("Add photos or files…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.open_button = QPushButton(self.tr("Open"))
        self.add_button.clicked.connect(lambda: self.add_files())
        self.remove_button.clicked.connect(self.remove_selected)
        self.open_button.clicked.connect(lambda: self.open_item(self.list.currentItem()))
        self.hint = QLabel(self.tr("Photos of the meeting, the sign-in sheet, documents studied. "
                                   "Each file is copied into the branch's data folder."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.open_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.itemSelectionChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        selected = bool(self.list.selectedItems())
        self.remove_button.setEnabled(selected)
        self.open_button.setEnabled(selected)

    def _icon_for(self, path: Path, image: QImage) -> QIcon:
        if not image.isNull():
            return QIcon(QPixmap.fromImage(image))
        return self.style().standardIcon(QStyle.SP_FileIcon)

    def set_rows(self, rows: list[AttachmentRow]) -> None:
        self.list.clear()
        self.pending, self.removed = [], []
        for row in rows:
            image = thumbnail(self.data_dir, row) if row.is_photo else QImage()
            item = QListWidgetItem(self._icon_for(row.path, image), row.name)
            item.setData(PATH_ROLE, str(row.path))
            item.setData(ID_ROLE, row.id)
            item.setToolTip(row.name)
            self.list.addItem(item)
        self._sync()

    def add_files(self, paths: list[str | Path] | None = None) -> int:
        if paths is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.PicturesLocation)
            chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach photos or files"), folder)
            paths = chosen
        added = 0
        for p in map(Path, paths or []):
            if p in self.pending:
                continue
            self.pending.append(p)
            image = scaled_image(p) if p.suffix.lower().lstrip(".") in {"jpg", "jpeg", "png", "gif", "bmp", "webp"} else QImage()
            item = QListWidgetItem(self._icon_for(p, image), p.name)
            item.setData(PATH_ROLE, str(p))
            item.setData(ID_ROLE, None)
            item.setToolTip(self.tr("{name} (attached when the meeting is saved)").format(name=p.name))
            self.list.addItem(item)
            added += 1
        if added:
            self.changed.emit()
        return added

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            attachment_id = item.data(ID_ROLE)
            if attachment_id is None:
                self.pending = [p for p in self.pending if str(p) != item.data(PATH_ROLE)]
            else:
                self.removed.append(attachment_id)
            self.list.takeItem(self.list.row(item))
        self.changed.emit()
        self._sync()

    def open_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(item.data(PATH_ROLE)))

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
