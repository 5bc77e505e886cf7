"""The holiday editor: add and replace by date, remove, filter by year, import (merge) and
export CSV, a refused file names its line, and restoring the shipped calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.model import Holiday, HolidayKind
from app.ui.holidays_editor import ALL_YEARS, HolidaysEditor
from app.workdays import default_holidays, holidays_from_csv

START = [
    Holiday(date(2026, 8, 17), "Proklamasi Kemerdekaan"),
    Holiday(date(2025, 12, 26), "Cuti Bersama Kelahiran Yesus Kristus", HolidayKind.JOINT_LEAVE),
    Holiday(date(2026, 1, 1), "Tahun Baru 2026 Masehi"),
]


@pytest.fixture
def editor(qtbot: QtBot) -> HolidaysEditor:
    widget = HolidaysEditor(START)
    qtbot.addWidget(widget)
    return widget


class Warnings:
    """Stands in for QMessageBox.warning and keeps what it was asked to say."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(
        self, parent: QWidget | None, title: str, text: str, *args: object
    ) -> QMessageBox.StandardButton:
        self.shown.append((title, text))
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> Warnings:
    fake = Warnings()
    monkeypatch.setattr(QMessageBox, "warning", fake)
    return fake


def open_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "CSV (*.csv)")
    )


def test_rows_are_sorted_by_date_and_show_kind_and_name(editor: HolidaysEditor) -> None:
    assert editor.visible_dates() == [date(2025, 12, 26), date(2026, 1, 1), date(2026, 8, 17)]
    assert editor.table.item(0, 1).text() == "Joint leave (cuti bersama)"  # type: ignore[union-attr]
    assert editor.table.item(2, 2).text() == "Proklamasi Kemerdekaan"  # type: ignore[union-attr]
    assert editor.holidays() == sorted(START, key=lambda h: h.day)


def test_add_from_the_fields_then_replace_by_date(qtbot: QtBot, editor: HolidaysEditor) -> None:
    editor.date_edit.setDate(QDate(2026, 6, 1))
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("national"))
    qtbot.keyClicks(editor.name_edit, "Hari Lahir Pancasila")
    with qtbot.waitSignal(editor.changed):
        editor.add_button.click()
    assert Holiday(date(2026, 6, 1), "Hari Lahir Pancasila") in editor.holidays()
    assert editor.visible_dates()[2] == date(2026, 6, 1)
    assert editor.name_edit.text() == ""
    # the same date again replaces it rather than adding a second row
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("joint_leave"))
    qtbot.keyClicks(editor.name_edit, "Cuti Bersama")
    editor.add_button.click()
    on_day = [h for h in editor.holidays() if h.day == date(2026, 6, 1)]
    assert on_day == [Holiday(date(2026, 6, 1), "Cuti Bersama", HolidayKind.JOINT_LEAVE)]
    assert "2026-06-01" in editor.status.text()


def test_a_name_is_required(qtbot: QtBot, editor: HolidaysEditor) -> None:
    with qtbot.assertNotEmitted(editor.changed):
        editor.add_button.click()
    assert len(editor.holidays()) == 3
    assert editor.status.text() == "Write the holiday's name."


def test_remove_selected_rows(qtbot: QtBot, editor: HolidaysEditor) -> None:
    assert not editor.remove_button.isEnabled()
    model = editor.table.model()
    selection = editor.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(model.index(0, 0), flags)
    selection.select(model.index(2, 0), flags)
    assert editor.remove_button.isEnabled()
    with qtbot.waitSignal(editor.changed):
        editor.remove_button.click()
    assert editor.holidays() == [Holiday(date(2026, 1, 1), "Tahun Baru 2026 Masehi")]
    assert editor.visible_dates() == [date(2026, 1, 1)]


def test_year_filter(editor: HolidaysEditor) -> None:
    years = [editor.year_combo.itemData(i) for i in range(editor.year_combo.count())]
    assert years == [ALL_YEARS, 2025, 2026]
    editor.year_combo.setCurrentIndex(editor.year_combo.findData(2025))
    assert editor.visible_dates() == [date(2025, 12, 26)]
    editor.set_year(2026)
    assert editor.visible_dates() == [date(2026, 1, 1), date(2026, 8, 17)]
    # the filter hides rows, never holidays
    assert len(editor.holidays()) == 3
    # adding a day of another year moves the filter there so the new row shows
    editor.add(Holiday(date(2027, 1, 1), "Tahun Baru 2027 Masehi"))
    assert editor.year_combo.currentData() == 2027
    assert editor.visible_dates() == [date(2027, 1, 1)]
    editor.set_year(ALL_YEARS)
    assert len(editor.visible_dates()) == 4


def test_import_merges_by_date(
    qtbot: QtBot, editor: HolidaysEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "libur.csv"
    path.write_text(
        "date,kind,name\n"
        "2026-08-17,national,Hari Kemerdekaan RI\n"
        "2026-08-18,joint_leave,Cuti Bersama HUT RI\n",
        encoding="utf-8",
    )
    open_file(monkeypatch, path)
    with qtbot.waitSignal(editor.changed):
        editor.import_button.click()
    days = {h.day: h for h in editor.holidays()}
    assert len(days) == 4  # two kept, one replaced, one added
    assert days[date(2026, 8, 17)].name == "Hari Kemerdekaan RI"
    assert days[date(2026, 8, 18)].kind is HolidayKind.JOINT_LEAVE
    assert days[date(2025, 12, 26)] == START[1]
    assert editor.status.text() == "Imported: 2."


def test_import_error_names_the_line_and_changes_nothing(
    qtbot: QtBot,
    editor: HolidaysEditor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: Warnings,
) -> None:
    path = tmp_path / "rusak.csv"
    path.write_text(
        "date,kind,name\n2026-08-17,national,Proklamasi\n2026-02-30,national,Salah\n",
        encoding="utf-8",
    )
    open_file(monkeypatch, path)
    with qtbot.assertNotEmitted(editor.changed):
        editor.import_button.click()
    [(title, text)] = warnings.shown
    assert title == "Import holidays"
    assert "Line 3" in text
    assert "“2026-02-30” is not a date" in text
    assert editor.holidays() == sorted(START, key=lambda h: h.day)


def test_an_unreadable_file_says_so(
    editor: HolidaysEditor, tmp_path: Path, warnings: Warnings
) -> None:
    assert editor.import_from(tmp_path / "missing.csv") == 0
    assert warnings.shown == [("Import holidays", "The file cannot be read.")]


def test_export_writes_every_year_whatever_the_filter(
    editor: HolidaysEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "keluar.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), "CSV (*.csv)")
    )
    editor.set_year(2025)
    editor.export_button.click()
    assert holidays_from_csv(path.read_text(encoding="utf-8")) == editor.holidays()
    assert len(editor.holidays()) == 3


def test_restore_defaults_asks_first(
    qtbot: QtBot, editor: HolidaysEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.pop(0))
    with qtbot.assertNotEmitted(editor.changed):
        editor.defaults_button.click()
    assert len(editor.holidays()) == 3
    with qtbot.waitSignal(editor.changed):
        editor.defaults_button.click()
    assert editor.holidays() == default_holidays()
    assert editor.status.text() == "Default holidays restored."
