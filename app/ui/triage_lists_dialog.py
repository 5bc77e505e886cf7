"""Editing the agencies (OPD) cases are delegated to and the topics that suggest them.

Nothing is saved here: the caller reads `agencies()` and `topics()` after OK. Importing a
CSV file merges it into the table (rows with the same code, or topic name, are updated and
the others added); "Restore defaults" replaces a table with Pantau's list, keeping the ids
of rows that are still there.

Each tab is a widget of its own (app/ui/agencies_tab.py, app/ui/topics_tab.py; what they
share is in app/ui/list_tab.py). The dialog owns them, checks them on OK and shows their
messages; its members below hand on to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from app import triage_lists as tl
from app.model import Agency, Topic
from app.ui.agencies_tab import ACTIVE, CODE, NAME, AgenciesTab
from app.ui.checked_dialog import CheckedDialog
from app.ui.list_tab import ID_ROLE, KEY_ROLE, ListTab, Problem, RowTable, problem_text
from app.ui.topics_tab import AGENCY, KEYWORDS, TOPIC, TopicsTab

__all__ = [
    "ACTIVE",
    "AGENCY",
    "CODE",
    "ID_ROLE",
    "KEYWORDS",
    "KEY_ROLE",
    "NAME",
    "TOPIC",
    "RowTable",
    "TriageListsDialog",
    "problem_text",
]


class TriageListsDialog(CheckedDialog):
    def __init__(
        self, agencies: Sequence[Agency], topics: Sequence[Topic], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._extra: list[QWidget] = []
        self.setWindowTitle(QCoreApplication.translate("TriageListsDialog", "Agencies and topics"))
        self.resize(860, 580)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.agencies_tab = AgenciesTab(self._find_problem, self._topic_users, self)
        self.topics_tab = TopicsTab(self.agencies_tab, self._find_problem, self)
        self.tabs.addTab(
            self.agencies_tab, QCoreApplication.translate("TriageListsDialog", "Agencies")
        )
        self.tabs.addTab(self.topics_tab, QCoreApplication.translate("TriageListsDialog", "Topics"))
        tab: ListTab
        for tab in (self.agencies_tab, self.topics_tab):
            tab.said.connect(self._say)
            tab.show_requested.connect(lambda page=tab: self.tabs.setCurrentWidget(page))
        # the tables, buttons and try-a-complaint box, where callers and tests reach them
        self.agency_table = self.agencies_tab.agency_table
        self.add_agency_button = self.agencies_tab.add_agency_button
        self.remove_agency_button = self.agencies_tab.remove_agency_button
        self.import_agencies_button = self.agencies_tab.import_agencies_button
        self.export_agencies_button = self.agencies_tab.export_agencies_button
        self.restore_agencies_button = self.agencies_tab.restore_agencies_button
        self.topic_table = self.topics_tab.topic_table
        self.add_topic_button = self.topics_tab.add_topic_button
        self.remove_topic_button = self.topics_tab.remove_topic_button
        self.import_topics_button = self.topics_tab.import_topics_button
        self.export_topics_button = self.topics_tab.export_topics_button
        self.restore_topics_button = self.topics_tab.restore_topics_button
        self.sample = self.topics_tab.sample
        self.sample_result = self.topics_tab.sample_result
        layout.addWidget(self.tabs, 1)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.agencies_tab.set_agencies(agencies)
        self.topics_tab.set_topics(topics)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a page (holidays, deadlines...). A page with a `problem_text()` method that
        returns a non-empty text refuses OK with it, as the agencies and topics do."""
        self._extra.append(widget)
        return self.tabs.addTab(widget, title)

    # --- the tabs' members ------------------------------------------------------------------

    def agencies(self) -> list[Agency]:
        """The edited agencies in table order (blank rows left out), with their ids."""
        return self.agencies_tab.agencies()

    def topics(self) -> list[Topic]:
        """The edited topics in table order (blank rows left out), with their ids; each
        names its agency by that agency's current code."""
        return self.topics_tab.topics()

    def add_agency(self) -> None:
        self.agencies_tab.add_agency()

    def add_topic(self) -> None:
        self.topics_tab.add_topic()

    def remove_agencies(self) -> bool:
        return self.agencies_tab.remove_agencies()

    def remove_topics(self) -> bool:
        return self.topics_tab.remove_topics()

    def restore_agencies(self) -> bool:
        return self.agencies_tab.restore_agencies()

    def restore_topics(self) -> bool:
        return self.topics_tab.restore_topics()

    def import_agencies(self, path: Path) -> int:
        return self.agencies_tab.import_agencies(path)

    def import_topics(self, path: Path) -> int:
        return self.topics_tab.import_topics(path)

    def export_agencies(self, path: Path) -> bool:
        return self.agencies_tab.export_agencies(path)

    def export_topics(self, path: Path) -> bool:
        return self.topics_tab.export_topics(path)

    csv_delimiter = staticmethod(ListTab.csv_delimiter)

    def _combo(self, row: int) -> QComboBox:
        return self.topics_tab.combo(row)

    def _topic_users(self, keys: set[int]) -> list[str]:
        return self.topics_tab.users(keys)  # the topics tab is made after the agencies tab

    # --- checking ---------------------------------------------------------------------------

    def problem_text(self) -> str:
        return self._find_problem()[0]

    def _find_problem(self) -> Problem:
        """The first problem: its text, and the table and row to show it in."""
        agency_rows = self.agencies_tab.agency_rows()
        try:
            tl.check_agencies([a for _, _, a in agency_rows])
        except tl.ListFileError as exc:
            row = agency_rows[exc.line - 1][0]
            if exc.other:
                exc.other = agency_rows[exc.other - 1][0] + 1
            text = QCoreApplication.translate("TriageListsDialog", "Agencies, row %1: %2").replace(
                "%1", str(row + 1)
            )
            return text.replace("%2", problem_text(exc, in_file=False)), self.agency_table, row
        topic_rows = self.topics_tab.topic_rows()
        try:
            tl.check_topics([t for _, t in topic_rows])
        except tl.ListFileError as exc:
            row = topic_rows[exc.line - 1][0]
            if exc.other:
                exc.other = topic_rows[exc.other - 1][0] + 1
            text = QCoreApplication.translate("TriageListsDialog", "Topics, row %1: %2").replace(
                "%1", str(row + 1)
            )
            return text.replace("%2", problem_text(exc, in_file=False)), self.topic_table, row
        for page in self._extra:
            check = getattr(page, "problem_text", None)
            text = str(check()) if callable(check) else ""
            if text:
                self.tabs.setCurrentWidget(page)
                return text, None, -1
        return "", None, -1

    def accept(self) -> None:
        text, table, row = self._find_problem()
        if table is not None:
            self.tabs.setCurrentIndex(0 if table is self.agency_table else 1)
            table.setCurrentCell(row, 0)
            table.setFocus()
        self._say(text)
        super().accept()

    def _say(self, text: str, error: bool = True) -> None:
        self.problem.setStyleSheet("color: #B42318;" if error else "")
        self.problem.setText(text)
