"""Editing the holiday calendar the case deadlines skip: add, remove, filter by year, share
the list as CSV, and go back to the shipped Indonesian calendar."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.model import Holiday, HolidayKind
from app.workdays import (
    HolidayFileError,
    HolidayProblem,
    default_holidays,
    holidays_from_csv,
    holidays_to_csv,
)

ALL_YEARS = 0
"""The year filter's data for "All years"."""

DATE_ROLE = Qt.ItemDataRole.UserRole
"""The table's date column keeps the holiday's `date` in this role."""


def _fill(text: str, *values: object) -> str:
    """Qt-style %1, %2 placeholders, replaced in one pass (a value may itself hold "%2")."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), text)


def kind_text(kind: HolidayKind) -> str:
    if kind is HolidayKind.JOINT_LEAVE:
        return QCoreApplication.translate("HolidaysEditor", "Joint leave (cuti bersama)")
    return QCoreApplication.translate("HolidaysEditor", "National holiday")


def file_error_text(exc: HolidayFileError) -> str:
    """The translated reason a holiday file was refused, naming its line."""
    texts = {
        HolidayProblem.FIELDS: QCoreApplication.translate(
            "HolidaysEditor", "Line %1: expected 3 fields (date, kind, name) but found %2."
        ),
        HolidayProblem.BAD_DATE: QCoreApplication.translate(
            "HolidaysEditor",
            "Line %1: “%2” is not a date. Write dates as YYYY-MM-DD, for example 2026-08-17.",
        ),
        HolidayProblem.UNKNOWN_KIND: QCoreApplication.translate(
            "HolidaysEditor", "Line %1: unknown kind “%2”. Use national or joint_leave."
        ),
        HolidayProblem.MISSING_NAME: QCoreApplication.translate(
            "HolidaysEditor", "Line %1: the holiday has no name."
        ),
        HolidayProblem.DUPLICATE_DATE: QCoreApplication.translate(
            "HolidaysEditor", "Line %1: %2 is already on line %3."
        ),
        HolidayProblem.NOT_CSV: QCoreApplication.translate(
            "HolidaysEditor", "Line %1 is not a valid CSV line."
        ),
    }
    return _fill(texts[exc.problem], exc.line, exc.value, exc.other_line)


class HolidaysEditor(QWidget):
    """An editable list of holidays, one per date. `changed` fires after every edit;
    `holidays()` gives the current list sorted by date. Saving it is the owner's job."""

    changed = Signal()

    def __init__(self, holidays: Sequence[Holiday], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._holidays: dict[date, Holiday] = {h.day: h for h in holidays}
        layout = QVBoxLayout(self)

        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(QCoreApplication.translate("HolidaysEditor", "Year:"), self))
        self.year_combo = QComboBox(self)
        self.year_combo.currentIndexChanged.connect(self._fill_table)
        filter_row.addWidget(self.year_combo)
        filter_row.addStretch(1)
        layout.addLayout(filter_row)

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("HolidaysEditor", "Date"),
                QCoreApplication.translate("HolidaysEditor", "Kind"),
                QCoreApplication.translate("HolidaysEditor", "Name"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        layout.addLayout(self._build_add_row())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        layout.addLayout(self._build_buttons())
        self._refresh()

    def _build_add_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        row.addWidget(self.date_edit)
        self.kind_combo = QComboBox(self)
        for kind in HolidayKind:
            self.kind_combo.addItem(kind_text(kind), kind.value)
        row.addWidget(self.kind_combo)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(
            QCoreApplication.translate("HolidaysEditor", "Name, e.g. Hari Lahir Pancasila")
        )
        self.name_edit.returnPressed.connect(self.add_from_fields)
        row.addWidget(self.name_edit, 1)
        self.add_button = QPushButton(QCoreApplication.translate("HolidaysEditor", "Add"), self)
        self.add_button.clicked.connect(self.add_from_fields)
        row.addWidget(self.add_button)
        return row

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.remove_button = QPushButton(
            QCoreApplication.translate("HolidaysEditor", "Remove selected"), self
        )
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(
            QCoreApplication.translate("HolidaysEditor", "Import CSV…"), self
        )
        self.import_button.clicked.connect(self._choose_import)
        self.export_button = QPushButton(
            QCoreApplication.translate("HolidaysEditor", "Export CSV…"), self
        )
        self.export_button.clicked.connect(self._choose_export)
        self.defaults_button = QPushButton(
            QCoreApplication.translate("HolidaysEditor", "Restore defaults"), self
        )
        self.defaults_button.clicked.connect(self._confirm_restore_defaults)
        for button in (self.remove_button, self.import_button, self.export_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.defaults_button)
        return row

    # --- the list ---------------------------------------------------------------------------

    def holidays(self) -> list[Holiday]:
        """Every holiday, all years, sorted by date."""
        return sorted(self._holidays.values(), key=lambda h: h.day)

    def visible_dates(self) -> list[date]:
        """The dates the table shows now (the year filter applied), top to bottom."""
        return [self._row_date(row) for row in range(self.table.rowCount())]

    def set_year(self, year: int) -> None:
        """Show one year (ALL_YEARS: every year); a year without holidays shows nothing."""
        index = self.year_combo.findData(year)
        if index < 0:
            self._fill_years(extra=year)
            index = self.year_combo.findData(year)
        self.year_combo.setCurrentIndex(index)

    def add(self, holiday: Holiday) -> bool:
        """Add `holiday`; one already on its date is replaced. Returns True when it replaced
        one. The year filter moves to the holiday's year if it would hide it."""
        replaced = holiday.day in self._holidays
        self._holidays[holiday.day] = holiday
        year = self.year_combo.currentData()
        self._refresh()
        if year not in (ALL_YEARS, holiday.day.year):
            self.set_year(holiday.day.year)
        self._select(holiday.day)
        self.changed.emit()
        return replaced

    def add_from_fields(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self._say(QCoreApplication.translate("HolidaysEditor", "Write the holiday's name."))
            self.name_edit.setFocus()
            return
        picked = self.date_edit.date()
        day = date(picked.year(), picked.month(), picked.day())
        kind = HolidayKind(self.kind_combo.currentData())
        if self.add(Holiday(day=day, name=name, kind=kind)):
            self._say(
                _fill(
                    QCoreApplication.translate(
                        "HolidaysEditor", "%1 was already in the list; it is replaced."
                    ),
                    day.isoformat(),
                ),
                error=False,
            )
        else:
            self._say("")
        self.name_edit.clear()

    def remove_selected(self) -> int:
        """Remove the selected rows; returns how many."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        days = [self._row_date(row) for row in rows]
        for day in days:
            del self._holidays[day]
        if days:
            self._refresh()
            self.changed.emit()
        return len(days)

    def replace_all(self, holidays: Iterable[Holiday]) -> None:
        self._holidays = {h.day: h for h in holidays}
        self._refresh()
        self.changed.emit()

    def merge(self, holidays: Iterable[Holiday]) -> None:
        """Add `holidays`; each replaces the one on its date, others stay."""
        self._holidays.update({h.day: h for h in holidays})
        self._refresh()
        self.changed.emit()

    def restore_defaults(self) -> None:
        """Replace the list with Pantau's shipped calendar (resources/holidays)."""
        try:
            holidays = default_holidays()
        except (OSError, UnicodeDecodeError, HolidayFileError):
            # A broken installation, not the user's doing; keep their list.
            self._warn(
                QCoreApplication.translate("HolidaysEditor", "Restore default holidays"),
                QCoreApplication.translate(
                    "HolidaysEditor", "Pantau's built-in holiday list cannot be read."
                ),
            )
            return
        self.replace_all(holidays)
        self._say(
            QCoreApplication.translate("HolidaysEditor", "Default holidays restored."), error=False
        )

    # --- files ------------------------------------------------------------------------------

    def import_from(self, path: Path, *, replace: bool = False) -> int:
        """Merge the file's holidays by date (or replace the list). Returns how many were
        read; 0, a message box and an unchanged list when the file is unusable."""
        title = QCoreApplication.translate("HolidaysEditor", "Import holidays")
        try:
            holidays = holidays_from_csv(path.read_text(encoding="utf-8-sig"))
        except HolidayFileError as exc:
            self._warn(
                title,
                QCoreApplication.translate("HolidaysEditor", "Nothing was imported.")
                + "\n\n"
                + file_error_text(exc),
            )
            return 0
        except (OSError, UnicodeDecodeError):
            self._warn(
                title, QCoreApplication.translate("HolidaysEditor", "The file cannot be read.")
            )
            return 0
        if replace:
            self.replace_all(holidays)
        else:
            self.merge(holidays)
        self._say(
            _fill(QCoreApplication.translate("HolidaysEditor", "Imported: %1."), len(holidays)),
            error=False,
        )
        return len(holidays)

    def export_to(self, path: Path) -> bool:
        """Write every holiday (all years, whatever the filter) as CSV."""
        try:
            path.write_text(holidays_to_csv(self.holidays()), encoding="utf-8")
        except OSError:
            self._warn(
                QCoreApplication.translate("HolidaysEditor", "Export holidays"),
                QCoreApplication.translate("HolidaysEditor", "The file cannot be written there."),
            )
            return False
        return True

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("HolidaysEditor", "Import holidays"),
            "",
            QCoreApplication.translate("HolidaysEditor", "CSV files (*.csv)"),
        )
        if path:
            self.import_from(Path(path))

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("HolidaysEditor", "Export holidays"),
            "hari-libur.csv",
            QCoreApplication.translate("HolidaysEditor", "CSV files (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def _confirm_restore_defaults(self) -> None:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("HolidaysEditor", "Restore default holidays"),
            QCoreApplication.translate(
                "HolidaysEditor",
                "Replace the list with Pantau's built-in Indonesian holidays? Holidays you "
                "added or changed will be lost.",
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_defaults()

    # --- showing ----------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = True) -> None:
        self.status.setStyleSheet("color: #B42318;" if error else "")
        self.status.setText(text)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _refresh(self) -> None:
        self._fill_years()
        self._fill_table()

    def _fill_years(self, extra: int | None = None) -> None:
        current = self.year_combo.currentData()
        years = {day.year for day in self._holidays}
        if extra is not None and extra != ALL_YEARS:
            years.add(extra)
        if isinstance(current, int) and current != ALL_YEARS:
            years.add(current)  # keep showing the chosen year, even if now empty
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(
            QCoreApplication.translate("HolidaysEditor", "All years"), ALL_YEARS
        )
        for year in sorted(years):
            self.year_combo.addItem(str(year), year)
        index = self.year_combo.findData(current if current is not None else ALL_YEARS)
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)

    def _fill_table(self) -> None:
        year = self.year_combo.currentData()
        shown = [h for h in self.holidays() if year in (None, ALL_YEARS) or h.day.year == year]
        locale = QLocale()
        self.table.setRowCount(len(shown))
        for row, holiday in enumerate(shown):
            day_item = QTableWidgetItem(
                locale.toString(
                    QDate(holiday.day.year, holiday.day.month, holiday.day.day), "ddd, yyyy-MM-dd"
                )
            )
            day_item.setData(DATE_ROLE, holiday.day)
            self.table.setItem(row, 0, day_item)
            self.table.setItem(row, 1, QTableWidgetItem(kind_text(holiday.kind)))
            self.table.setItem(row, 2, QTableWidgetItem(holiday.name))
        self._update_buttons()

    def _select(self, day: date) -> None:
        for row in range(self.table.rowCount()):
            if self._row_date(row) == day:
                self.table.selectRow(row)
                self.table.scrollTo(self.table.model().index(row, 0))
                return

    def _row_date(self, row: int) -> date:
        item = self.table.item(row, 0)
        day = item.data(DATE_ROLE) if item is not None else None
        if not isinstance(day, date):
            raise LookupError(f"row {row} of the holiday table has no date")
        return day

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        self.export_button.setEnabled(bool(self._holidays))
