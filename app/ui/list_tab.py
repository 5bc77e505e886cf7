"""What the agencies and topics tabs of the triage lists dialog share: a table whose Delete
key removes rows, a row of Add/Remove/Import/Export/Restore buttons, questions, and reading
and writing CSV files. Messages go to the dialog's problem line through `said`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app import triage_lists as tl

ID_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

# The first problem: its text, and the table and row to show it in (None, -1: no row).
Problem = tuple[str, QTableWidget | None, int]


def problem_text(exc: tl.ListFileError, *, in_file: bool) -> str:
    """What is wrong, without where: the caller adds the line or the row."""
    p = tl.ListProblem
    if exc.problem is p.EMPTY:
        return QCoreApplication.translate("TriageListsDialog", "The file is empty.")
    if exc.problem is p.MISSING_COLUMN:
        text = QCoreApplication.translate(
            "TriageListsDialog", "The first line must name the columns; “%1” is missing."
        )
    elif exc.problem is p.TOO_MANY:
        text = QCoreApplication.translate("TriageListsDialog", "The file has more than %1 rows.")
        return text.replace("%1", str(tl.MAX_ROWS))
    elif exc.problem is p.MISSING_CODE:
        return QCoreApplication.translate("TriageListsDialog", "The code is missing.")
    elif exc.problem is p.BAD_CODE:
        text = QCoreApplication.translate(
            "TriageListsDialog",
            "The code “%1” may only have letters, digits, - and _ (at most 24 characters).",
        )
    elif exc.problem is p.DUPLICATE_CODE and in_file:
        text = QCoreApplication.translate(
            "TriageListsDialog", "The code %1 is already used on line %2."
        )
    elif exc.problem is p.DUPLICATE_CODE:
        text = QCoreApplication.translate(
            "TriageListsDialog", "The code %1 is already used in row %2."
        )
    elif exc.problem is p.EMPTY_NAME:
        return QCoreApplication.translate("TriageListsDialog", "The name is empty.")
    elif exc.problem is p.DUPLICATE_NAME and in_file:
        text = QCoreApplication.translate(
            "TriageListsDialog", "The name “%1” is already used on line %2."
        )
    elif exc.problem is p.DUPLICATE_NAME:
        text = QCoreApplication.translate(
            "TriageListsDialog", "The name “%1” is already used in row %2."
        )
    elif exc.problem is p.BAD_ACTIVE:
        text = QCoreApplication.translate(
            "TriageListsDialog", "Active must be 1 or 0 (yes or no), not “%1”."
        )
    else:  # UNKNOWN_AGENCY
        text = QCoreApplication.translate(
            "TriageListsDialog", "No agency has the code %1. Add it on the Agencies tab first."
        )
    return text.replace("%1", exc.value).replace("%2", str(exc.other))


class RowTable(QTableWidget):
    """A table whose Delete key (outside an open editor) asks to remove the selected rows."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() is QAbstractItemView.State.EditingState
        if event.key() == Qt.Key.Key_Delete and not editing:
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        """The item at (row, column); every cell of these tables has one."""
        item = self.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.setItem(row, column, item)
        return item

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.selectionModel().selectedRows()}
        if not rows and self.currentRow() >= 0:
            rows = {self.currentRow()}
        return sorted(rows)


class ListTab(QWidget):
    """A page of the dialog. `find_problem` is the dialog's check of every page, which an
    export consults before writing."""

    said = Signal(str, bool)  # a message for the dialog's problem line; True: an error
    show_requested = Signal()  # make this page the dialog's current tab

    def __init__(self, find_problem: Callable[[], Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find_problem = find_problem

    def _table(self, headers: Sequence[str]) -> RowTable:
        table = RowTable(0, len(headers), self)
        table.setHorizontalHeaderLabels(list(headers))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        table.verticalHeader().setVisible(False)
        return table

    def _buttons(
        self, on_add: Callable[[], object], on_remove: Callable[[], object],
        on_import: Callable[[], object], on_export: Callable[[], object],
        on_restore: Callable[[], object],
    ) -> tuple[QHBoxLayout, list[QPushButton]]:  # fmt: skip
        row = QHBoxLayout()
        buttons = []
        for text, slot in (
            (QCoreApplication.translate("TriageListsDialog", "&Add"), on_add),
            (QCoreApplication.translate("TriageListsDialog", "&Remove"), on_remove),
            (QCoreApplication.translate("TriageListsDialog", "&Import CSV…"), on_import),
            (QCoreApplication.translate("TriageListsDialog", "E&xport CSV…"), on_export),
            (QCoreApplication.translate("TriageListsDialog", "Restore &defaults"), on_restore),
        ):
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons.append(button)
            row.addWidget(button)
            if slot is on_remove:
                row.addStretch(1)
        return row, buttons

    def _say(self, text: str, *, error: bool = True) -> None:
        self.said.emit(text, error)

    def _confirm(self, question: str) -> bool:
        window = self.window()
        answer = QMessageBox.question(
            window,
            window.windowTitle(),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _file_filter(self) -> str:
        return QCoreApplication.translate("TriageListsDialog", "CSV files (*.csv);;All files (*)")

    def _open_path(self, title: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.window(), title, "", self._file_filter())
        return Path(path) if path else None

    def _save_path(self, title: str, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.window(), title, name, self._file_filter())
        return Path(path) if path else None

    def _read(self, path: Path) -> str | None:
        try:
            return tl.decode_csv(path.read_bytes())
        except OSError:
            self._say(QCoreApplication.translate("TriageListsDialog", "The file cannot be read."))
            return None

    def _file_problem(self, exc: tl.ListFileError) -> None:
        text = QCoreApplication.translate(
            "TriageListsDialog", "Nothing was imported. Line %1: %2"
        ).replace("%1", str(exc.line))
        self._say(text.replace("%2", problem_text(exc, in_file=True)))

    def _write(self, path: Path, text: str) -> bool:
        try:
            path.write_bytes(tl.encode_csv(text))
        except OSError:
            self._say(
                QCoreApplication.translate("TriageListsDialog", "The file cannot be written there.")
            )
            return False
        self._say(
            QCoreApplication.translate("TriageListsDialog", "Saved to %1.").replace(
                "%1", str(path)
            ),
            error=False,
        )
        return True

    @staticmethod
    def csv_delimiter() -> str:
        """ ";" where the computer writes decimals with a comma (Indonesian regional
        settings), as Excel there expects; "," elsewhere. Imports take either."""
        return ";" if QLocale.system().decimalPoint() == "," else ","
