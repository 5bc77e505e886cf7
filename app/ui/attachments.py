"""The images of a post being written: a thumbnail, its description (alt text), remove."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Attachment
from app.ui.icons import icon

MAX_ATTACHMENTS = 4
THUMB = QSize(64, 64)
IMAGE_FILTER = "*.png *.jpg *.jpeg *.gif *.webp"


class _Row(QWidget):
    changed = Signal()
    removed = Signal(object)

    def __init__(self, attachment: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = attachment.path
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.thumb = QLabel(self)
        self.thumb.setFixedSize(THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Scaled while reading: a 40-megapixel photo never sits in memory whole.
        reader = QImageReader(attachment.path)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self.thumb.setText("?")
            self.thumb.setToolTip(
                QCoreApplication.translate("compose", "This file cannot be shown as an image.")
            )
        else:
            self.thumb.setPixmap(QPixmap.fromImage(image))
        layout.addWidget(self.thumb)
        self.description = QLineEdit(self)
        self.description.setPlaceholderText(
            QCoreApplication.translate("compose", "Describe the image for people who cannot see it")
        )
        self.description.setText(attachment.description)
        self.description.setToolTip(Path(attachment.path).name)
        self.description.textChanged.connect(self.changed)
        layout.addWidget(self.description, 1)
        remove = QToolButton(self)
        remove.setIcon(icon("close"))
        remove.setToolTip(QCoreApplication.translate("compose", "Remove this image"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        layout.addWidget(remove)

    def attachment(self) -> Attachment:
        return Attachment(self.path, self.description.text().strip())


class AttachmentList(QWidget):
    """Up to four images; says when one has no description (it does not forbid it)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._rows_box = QVBoxLayout()
        layout.addLayout(self._rows_box)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #B54708;")
        self.warning.setVisible(False)
        layout.addWidget(self.warning)
        self.add_button = QPushButton(
            icon("media"), QCoreApplication.translate("compose", "Add image…"), self
        )
        self.add_button.clicked.connect(self._choose)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def attachments(self) -> tuple[Attachment, ...]:
        return tuple(row.attachment() for row in self._rows)

    def set_attachments(self, attachments: Sequence[Attachment]) -> None:
        for row in list(self._rows):
            self._remove(row, notify=False)
        self.add(attachments)

    def add(self, attachments: Sequence[Attachment]) -> None:
        for attachment in attachments[: MAX_ATTACHMENTS - len(self._rows)]:
            row = _Row(attachment, self)
            row.changed.connect(self._changed)
            row.removed.connect(self._remove)
            self._rows.append(row)
            self._rows_box.addWidget(row)
        self._changed()

    def _remove(self, row: _Row, *, notify: bool = True) -> None:
        self._rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        if notify:
            self._changed()

    def _choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("compose", "Add images"),
            "",
            QCoreApplication.translate("compose", "Images") + f" ({IMAGE_FILTER})",
        )
        self.add([Attachment(p) for p in paths])

    def _changed(self) -> None:
        missing = sum(1 for row in self._rows if not row.description.text().strip())
        self.warning.setVisible(missing > 0)
        self.warning.setText(
            QCoreApplication.translate(
                "compose",
                "Images without a description: %1. People using a screen reader will not "
                "know what they show.",
            ).replace("%1", str(missing))
        )
        self.add_button.setEnabled(len(self._rows) < MAX_ATTACHMENTS)
        self.changed.emit()
