"""The Settings dialog: interface language, refresh interval, missed scheduled posts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(QCoreApplication.translate("settings", "Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.addItem(
            QCoreApplication.translate("settings", "Same as the computer"), "system"
        )
        # Language names are shown in their own language so anyone can find theirs.
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        form.addRow(QCoreApplication.translate("settings", "Language:"), self.language)
        self.refresh = QComboBox(self)
        for minutes in (1, 2, 5, 10, 15, 30):
            # a plain variable as the count: pyside6-lupdate skips calls with an expression
            text = QCoreApplication.translate("settings", "every %n min", "", minutes)
            self.refresh.addItem(text, str(minutes))
        self.refresh.setCurrentIndex(max(0, self.refresh.findData(settings.get("refresh_minutes"))))
        form.addRow(QCoreApplication.translate("settings", "Fetch new posts:"), self.refresh)
        self.timezone = QComboBox(self)
        for text, value in (
            (QCoreApplication.translate("settings", "WIB (Western Indonesia, Jakarta)"),
             "Asia/Jakarta"),
            (QCoreApplication.translate("settings", "WITA (Central Indonesia, Makassar)"),
             "Asia/Makassar"),
            (QCoreApplication.translate("settings", "WIT (Eastern Indonesia, Jayapura)"),
             "Asia/Jayapura"),
            (QCoreApplication.translate("settings", "Same as the computer"), "system"),
        ):  # fmt: skip
            self.timezone.addItem(text, value)
        self.timezone.setCurrentIndex(max(0, self.timezone.findData(settings.get("timezone"))))
        form.addRow(QCoreApplication.translate("settings", "Office time zone:"), self.timezone)
        self.missed = QComboBox(self)
        for text, value in (
            (QCoreApplication.translate("settings", "ask me"), "ask"),
            (QCoreApplication.translate("settings", "send them at once"), "send"),
            (QCoreApplication.translate("settings", "hold them for me"), "hold"),
        ):
            self.missed.addItem(text, value)
        self.missed.setCurrentIndex(max(0, self.missed.findData(settings.get("missed_posts"))))
        self.missed.setToolTip(
            QCoreApplication.translate(
                "settings",
                "Scheduled Bluesky and X posts are sent by Pantau itself. When Pantau was "
                "closed at their time, this decides what happens on the next start.",
            )
        )
        form.addRow(
            QCoreApplication.translate("settings", "Scheduled posts that missed their time:"),
            self.missed,
        )
        layout.addLayout(form)
        self.restart_note = QLabel(
            QCoreApplication.translate("settings", "A new language applies when Pantau restarts."),
            self,
        )
        self.restart_note.setWordWrap(True)
        layout.addWidget(self.restart_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self._settings.set("language", str(self.language.currentData()))
        self._settings.set("refresh_minutes", str(self.refresh.currentData()))
        self._settings.set("missed_posts", str(self.missed.currentData()))
        self._settings.set("timezone", str(self.timezone.currentData()))
        super().accept()
