"""Changing a scheduled post: refused in place when the text is empty or the time too soon."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from app.ui.schedule_edit_dialog import ScheduleEditDialog


def test_checks_text_and_time_before_accepting(qtbot: QtBot) -> None:
    later = datetime.now(UTC) + timedelta(hours=3)
    dialog = ScheduleEditDialog(later, "Undangan bimtek penyedia Kamis 09.00 WIB")
    qtbot.addWidget(dialog)
    assert abs((dialog.chosen() - later).total_seconds()) < 1
    dialog.editor.setPlainText("   ")
    dialog.accept()
    assert dialog.result() != ScheduleEditDialog.DialogCode.Accepted
    assert "no text" in dialog.problem.text()
    dialog.editor.setPlainText("Undangan bimtek penyedia dimajukan ke Rabu")
    soon = datetime.now(UTC) + timedelta(minutes=2)
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(soon.timestamp())))
    dialog.accept()
    assert "6 minutes" in dialog.problem.text()
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(later.timestamp())))
    dialog.accept()
    assert dialog.result() == ScheduleEditDialog.DialogCode.Accepted
    assert dialog.text() == "Undangan bimtek penyedia dimajukan ke Rabu"
