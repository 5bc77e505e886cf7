"""Changing a scheduled post: its text and the time it goes out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.checked_dialog import CheckedDialog
from app.ui.timefmt import pick_in_office_zone

MIN_AHEAD = timedelta(minutes=6)


class ScheduleEditDialog(CheckedDialog):
    def __init__(self, current: datetime, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("schedule_edit", "Change scheduled post"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(text)
        layout.addWidget(self.editor, 1)
        form = QFormLayout()
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        pick_in_office_zone(self.when, current)
        form.addRow(QCoreApplication.translate("schedule_edit", "Goes out at:"), self.when)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #B42318;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> datetime:
        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)

    def text(self) -> str:
        return self.editor.toPlainText()

    def problem_text(self) -> str:
        if not self.text().strip():
            return QCoreApplication.translate("schedule_edit", "The post has no text.")
        if self.chosen() < datetime.now(UTC) + MIN_AHEAD:
            return QCoreApplication.translate(
                "schedule_edit", "Choose a time at least 6 minutes from now."
            )
        return ""
