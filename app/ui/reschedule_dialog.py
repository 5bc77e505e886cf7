"""Asking for a new time for a scheduled post."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

MIN_AHEAD = timedelta(minutes=6)


class RescheduleDialog(QDialog):
    def __init__(self, current: datetime, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("reschedule", "Change the time"))
        layout = QVBoxLayout(self)
        preview = QLabel(text[:200], self)
        preview.setWordWrap(True)
        layout.addWidget(preview)
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(current.timestamp())))
        layout.addWidget(self.when)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #B42318;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> datetime:
        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)

    def accept(self) -> None:
        if self.chosen() < datetime.now(UTC) + MIN_AHEAD:
            self.problem.setText(
                QCoreApplication.translate(
                    "reschedule", "Choose a time at least 6 minutes from now."
                )
            )
            return
        super().accept()
