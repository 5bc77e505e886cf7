"""Editing the agencies (OPD) cases are delegated to and the topics that suggest them.

Nothing is saved here: the caller reads `agencies()` and `topics()` after OK. Importing a
CSV file merges it into the table (rows with the same code, or topic name, are updated and
the others added); "Restore defaults" replaces a table with Pantau's list, keeping the ids
of rows that are still there.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import triage_lists as tl
from app.model import Agency, Topic
from app.ui.checked_dialog import CheckedDialog

ID_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

CODE, NAME, ACTIVE = 0, 1, 2  # agency columns
TOPIC, KEYWORDS, AGENCY = 0, 1, 2  # topic columns


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


class TriageListsDialog(CheckedDialog):
    def __init__(
        self, agencies: Sequence[Agency], topics: Sequence[Topic], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._keys = itertools.count(1)  # an agency row's identity while codes are edited
        self._filling = False
        self._extra: list[QWidget] = []
        self.setWindowTitle(QCoreApplication.translate("TriageListsDialog", "Agencies and topics"))
        self.resize(860, 580)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(
            self._build_agencies_tab(), QCoreApplication.translate("TriageListsDialog", "Agencies")
        )
        self.tabs.addTab(
            self._build_topics_tab(), QCoreApplication.translate("TriageListsDialog", "Topics")
        )
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
        self._set_agencies(agencies)
        self._set_topics(topics)

    # --- building ---------------------------------------------------------------------------

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

    def _build_agencies_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            QCoreApplication.translate(
                "TriageListsDialog",
                "Cases are delegated to these agencies. Untick Active to stop offering an "
                "agency without removing it: cases keep the code they were given.",
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.agency_table = self._table(
            (
                QCoreApplication.translate("TriageListsDialog", "Code"),
                QCoreApplication.translate("TriageListsDialog", "Name"),
                QCoreApplication.translate("TriageListsDialog", "Active"),
            )
        )
        header = self.agency_table.horizontalHeader()
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ACTIVE, QHeaderView.ResizeMode.ResizeToContents)
        self.agency_table.itemChanged.connect(self._agency_changed)
        self.agency_table.delete_pressed.connect(self.remove_agencies)
        layout.addWidget(self.agency_table, 1)
        row, buttons = self._buttons(
            self.add_agency, self.remove_agencies, self._choose_agency_import,
            self._choose_agency_export, self.restore_agencies,
        )  # fmt: skip
        (
            self.add_agency_button,
            self.remove_agency_button,
            self.import_agencies_button,
            self.export_agencies_button,
            self.restore_agencies_button,
        ) = buttons
        layout.addLayout(row)
        return page

    def _build_topics_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            QCoreApplication.translate(
                "TriageListsDialog",
                "Keywords suggest a topic, and its agency, for a new case. They match whole "
                "words in any case; the words of a longer keyword may stand a few words "
                "apart, or be joined in a hashtag (#JalanRusak). Separate keywords with ;.",
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.topic_table = self._table(
            (
                QCoreApplication.translate("TriageListsDialog", "Topic"),
                QCoreApplication.translate("TriageListsDialog", "Keywords"),
                QCoreApplication.translate("TriageListsDialog", "Agency"),
            )
        )
        header = self.topic_table.horizontalHeader()
        header.setSectionResizeMode(TOPIC, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(KEYWORDS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AGENCY, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TOPIC, 190)
        header.resizeSection(AGENCY, 230)
        self.topic_table.itemChanged.connect(self._update_sample)
        self.topic_table.delete_pressed.connect(self.remove_topics)
        layout.addWidget(self.topic_table, 1)
        row, buttons = self._buttons(
            self.add_topic, self.remove_topics, self._choose_topic_import,
            self._choose_topic_export, self.restore_topics,
        )  # fmt: skip
        (
            self.add_topic_button,
            self.remove_topic_button,
            self.import_topics_button,
            self.export_topics_button,
            self.restore_topics_button,
        ) = buttons
        layout.addLayout(row)
        sample_row = QHBoxLayout()
        self.sample = QLineEdit(page)
        self.sample.setPlaceholderText(
            QCoreApplication.translate(
                "TriageListsDialog", "Try a complaint: jalan di desa kami rusak parah"
            )
        )
        self.sample.setClearButtonEnabled(True)
        self.sample.textChanged.connect(self._update_sample)
        sample_row.addWidget(self.sample, 1)
        self.sample_result = QLabel(page)
        self.sample_result.setTextFormat(Qt.TextFormat.PlainText)
        self.sample_result.setWordWrap(True)
        sample_row.addWidget(self.sample_result, 1)
        layout.addLayout(sample_row)
        return page

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a page (holidays, deadlines...). A page with a `problem_text()` method that
        returns a non-empty text refuses OK with it, as the agencies and topics do."""
        self._extra.append(widget)
        return self.tabs.addTab(widget, title)

    # --- agencies ---------------------------------------------------------------------------

    def _set_agencies(self, agencies: Sequence[Agency], keys: Sequence[int] = ()) -> None:
        self._filling = True
        self.agency_table.setRowCount(0)
        for index, agency in enumerate(agencies):
            self._append_agency(agency, keys[index] if index < len(keys) else None)
        self._filling = False
        self._refresh_combos()

    def _append_agency(self, agency: Agency, key: int | None = None) -> int:
        filling, self._filling = self._filling, True
        row = self.agency_table.rowCount()
        self.agency_table.insertRow(row)
        code = QTableWidgetItem(agency.code)
        code.setData(ID_ROLE, agency.id)
        code.setData(KEY_ROLE, key if key is not None else next(self._keys))
        self.agency_table.setItem(row, CODE, code)
        self.agency_table.setItem(row, NAME, QTableWidgetItem(agency.name))
        active = QTableWidgetItem()
        active.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        active.setCheckState(Qt.CheckState.Checked if agency.active else Qt.CheckState.Unchecked)
        self.agency_table.setItem(row, ACTIVE, active)
        self._filling = filling
        return row

    def _agency_cells(self, row: int) -> tuple[QTableWidgetItem, QTableWidgetItem, bool]:
        code = self.agency_table.cell(row, CODE)
        name = self.agency_table.cell(row, NAME)
        active = self.agency_table.cell(row, ACTIVE)
        return code, name, active.checkState() == Qt.CheckState.Checked

    def _agency_rows(self) -> list[tuple[int, int, Agency]]:
        """(table row, key, agency) of each row that is not blank."""
        rows = []
        for row in range(self.agency_table.rowCount()):
            code, name, active = self._agency_cells(row)
            if not code.text().strip() and not name.text().strip():
                continue
            agency = Agency(
                tl.normal_code(code.text()), tl.normal_name(name.text()), active, code.data(ID_ROLE)
            )
            rows.append((row, int(code.data(KEY_ROLE)), agency))
        return rows

    def agencies(self) -> list[Agency]:
        """The edited agencies in table order (blank rows left out), with their ids."""
        return [agency for _, _, agency in self._agency_rows()]

    def _agency_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        if item.column() == CODE:
            code = tl.normal_code(item.text())
            if code != item.text():
                self._filling = True
                item.setText(code)
                self._filling = False
        self._refresh_combos()

    def add_agency(self) -> None:
        row = self._append_agency(Agency("", ""))
        self._refresh_combos()
        self.tabs.setCurrentIndex(0)
        self.agency_table.setCurrentCell(row, CODE)
        self.agency_table.editItem(self.agency_table.cell(row, CODE))

    def remove_agencies(self) -> bool:
        """Remove the selected agencies; topics that refer to one lose their agency, after
        the user agreed. Returns whether anything was removed."""
        rows = self.agency_table.selected_rows()
        if not rows:
            return False
        keys = {int(self.agency_table.cell(r, CODE).data(KEY_ROLE)) for r in rows}
        users = [r for r in range(self.topic_table.rowCount()) if self._topic_key(r) in keys]
        if users:
            codes = ", ".join(self.agency_table.cell(r, CODE).text() for r in rows)
            names = ", ".join(self._topic_name(r) for r in users)
            question = QCoreApplication.translate(
                "TriageListsDialog",
                "These topics refer to %1: %2. Remove it and clear their agency?",
            )
            if not self._confirm(question.replace("%1", codes).replace("%2", names)):
                return False
        for row in reversed(rows):
            self.agency_table.removeRow(row)
        self._refresh_combos()
        if self.agency_table.rowCount():
            self.agency_table.setCurrentCell(min(rows[0], self.agency_table.rowCount() - 1), CODE)
        if users:
            self._say(
                QCoreApplication.translate(
                    "TriageListsDialog", "Agency removed; these topics have no agency now: %1."
                ).replace("%1", ", ".join(self._topic_name(r) for r in users)),
                error=False,
            )
        return True

    def restore_agencies(self) -> bool:
        if not self._confirm(
            QCoreApplication.translate(
                "TriageListsDialog",
                "Replace the agencies with Pantau's default list? Agencies you added are "
                "removed, and topics that refer to them lose their agency.",
            )
        ):
            return False
        existing = {agency.code: (key, agency.id) for _, key, agency in self._agency_rows()}
        defaults = tl.default_agencies()
        kept = [existing.get(a.code) for a in defaults]
        self._set_agencies(
            [
                Agency(a.code, a.name, a.active, k[1] if k else None)
                for a, k in zip(defaults, kept, strict=True)
            ],
            [k[0] if k else next(self._keys) for k in kept],
        )
        return True

    # --- topics -----------------------------------------------------------------------------

    def _set_topics(self, topics: Sequence[Topic]) -> None:
        self.topic_table.setRowCount(0)
        for topic in topics:
            self._append_topic(topic)
        self._update_sample()

    def _key_for_code(self, code: str) -> int | str:
        """The agency row with that code, or the code itself when no row has it."""
        code = tl.normal_code(code)
        for _, key, agency in self._agency_rows():
            if agency.code == code:
                return key
        return code

    def _append_topic(self, topic: Topic, agency: int | str | None = None) -> int:
        row = self.topic_table.rowCount()
        self.topic_table.insertRow(row)
        name = QTableWidgetItem(topic.name)
        name.setData(ID_ROLE, topic.id)
        self.topic_table.setItem(row, TOPIC, name)
        keywords = QTableWidgetItem("; ".join(topic.keywords))
        keywords.setToolTip(
            QCoreApplication.translate("TriageListsDialog", "Separate keywords with ;")
        )
        self.topic_table.setItem(row, KEYWORDS, keywords)
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.currentIndexChanged.connect(self._update_sample)
        self.topic_table.setCellWidget(row, AGENCY, combo)
        choice = agency if agency is not None else self._key_for_code(topic.agency_code)
        self._fill_combo(combo, choice)
        return row

    def _combo(self, row: int) -> QComboBox:
        combo = self.topic_table.cellWidget(row, AGENCY)
        assert isinstance(combo, QComboBox)
        return combo

    def _topic_key(self, row: int) -> int | str:
        """The chosen agency row's key, a code no row has, or "" for no agency."""
        data = self._combo(row).currentData()
        return data if isinstance(data, int | str) else ""

    def _topic_name(self, row: int) -> str:
        return tl.normal_name(self.topic_table.cell(row, TOPIC).text())

    def _fill_combo(self, combo: QComboBox, choice: int | str) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(QCoreApplication.translate("TriageListsDialog", "(no agency)"), "")
        for _, key, agency in self._agency_rows():
            if not agency.code:
                continue
            label = f"{agency.code} — {agency.name}" if agency.name else agency.code
            if not agency.active:
                label = QCoreApplication.translate("TriageListsDialog", "%1 (inactive)").replace(
                    "%1", label
                )
            combo.addItem(label, key)
        if isinstance(choice, str) and choice:
            combo.addItem(
                QCoreApplication.translate("TriageListsDialog", "%1 (not in the list)").replace(
                    "%1", choice
                ),
                choice,
            )
        combo.setCurrentIndex(max(0, combo.findData(choice)))
        combo.blockSignals(False)

    def _refresh_combos(self) -> None:
        """Follow agency edits: new labels, removed agencies become "(no agency)"."""
        for row in range(self.topic_table.rowCount()):
            self._fill_combo(self._combo(row), self._topic_key(row))
        self._update_sample()

    def _topic_rows(self) -> list[tuple[int, Topic]]:
        codes = {key: agency.code for _, key, agency in self._agency_rows()}
        rows = []
        for row in range(self.topic_table.rowCount()):
            name = self._topic_name(row)
            keywords = tl.normal_keywords(self.topic_table.cell(row, KEYWORDS).text())
            if not name and not keywords:
                continue
            key = self._topic_key(row)
            code = codes.get(key, "") if isinstance(key, int) else key
            topic_id = self.topic_table.cell(row, TOPIC).data(ID_ROLE)
            rows.append((row, Topic(name, keywords, code, topic_id)))
        return rows

    def topics(self) -> list[Topic]:
        """The edited topics in table order (blank rows left out), with their ids; each
        names its agency by that agency's current code."""
        return [topic for _, topic in self._topic_rows()]

    def add_topic(self) -> None:
        row = self._append_topic(Topic(""), "")
        self.tabs.setCurrentIndex(1)
        self.topic_table.setCurrentCell(row, TOPIC)
        self.topic_table.editItem(self.topic_table.cell(row, TOPIC))

    def remove_topics(self) -> bool:
        rows = self.topic_table.selected_rows()
        for row in reversed(rows):
            self.topic_table.removeRow(row)
        if rows and self.topic_table.rowCount():
            self.topic_table.setCurrentCell(min(rows[0], self.topic_table.rowCount() - 1), TOPIC)
        self._update_sample()
        return bool(rows)

    def restore_topics(self) -> bool:
        if not self._confirm(
            QCoreApplication.translate(
                "TriageListsDialog",
                "Replace the topics with Pantau's default list? Topics you added or changed "
                "are replaced.",
            )
        ):
            return False
        ids = {t.name.casefold(): t.id for t in self.topics()}
        self.topic_table.setRowCount(0)
        for topic in tl.default_topics():
            key = self._key_for_code(topic.agency_code)
            self._append_topic(
                Topic(
                    topic.name, topic.keywords, topic.agency_code, ids.get(topic.name.casefold())
                ),
                key if isinstance(key, int) else "",  # a removed agency stays removed
            )
        self._update_sample()
        return True

    def _update_sample(self, *_args: object) -> None:
        text = self.sample.text()
        if not text.strip():
            self.sample_result.clear()
            return
        topics = self.topics()
        found = tl.suggest_topics(text, topics)
        if not found:
            self.sample_result.setText(
                QCoreApplication.translate("TriageListsDialog", "No topic matches this text.")
            )
            return
        agency = tl.suggest_agency(text, topics, self.agencies())
        self.sample_result.setText(
            QCoreApplication.translate("TriageListsDialog", "Topics: %1. Agency: %2.")
            .replace("%1", ", ".join(t.name for t in found))
            .replace(
                "%2",
                agency.code if agency else QCoreApplication.translate("TriageListsDialog", "none"),
            )
        )

    # --- checking ---------------------------------------------------------------------------

    def problem_text(self) -> str:
        return self._find_problem()[0]

    def _find_problem(self) -> tuple[str, QTableWidget | None, int]:
        """The first problem: its text, and the table and row to show it in."""
        agency_rows = self._agency_rows()
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
        topic_rows = self._topic_rows()
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

    def _say(self, text: str, *, error: bool = True) -> None:
        self.problem.setStyleSheet("color: #B42318;" if error else "")
        self.problem.setText(text)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- files ------------------------------------------------------------------------------

    def _file_filter(self) -> str:
        return QCoreApplication.translate("TriageListsDialog", "CSV files (*.csv);;All files (*)")

    def _open_path(self, title: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, title, "", self._file_filter())
        return Path(path) if path else None

    def _save_path(self, title: str, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, name, self._file_filter())
        return Path(path) if path else None

    def _choose_agency_import(self) -> None:
        path = self._open_path(QCoreApplication.translate("TriageListsDialog", "Import agencies"))
        if path is not None:
            self.import_agencies(path)

    def _choose_agency_export(self) -> None:
        path = self._save_path(
            QCoreApplication.translate("TriageListsDialog", "Export agencies"), "pantau-opd.csv"
        )
        if path is not None:
            self.export_agencies(path)

    def _choose_topic_import(self) -> None:
        path = self._open_path(QCoreApplication.translate("TriageListsDialog", "Import topics"))
        if path is not None:
            self.import_topics(path)

    def _choose_topic_export(self) -> None:
        path = self._save_path(
            QCoreApplication.translate("TriageListsDialog", "Export topics"), "pantau-topik.csv"
        )
        if path is not None:
            self.export_topics(path)

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

    def import_agencies(self, path: Path) -> int:
        """Merge a CSV file into the agencies: a row with a code already here updates it
        (keeping its id), the others are added. Returns how many rows the file had."""
        text = self._read(path)
        if text is None:
            return 0
        try:
            imported = tl.agencies_from_csv(text)
        except tl.ListFileError as exc:
            self._file_problem(exc)
            return 0
        rows = {agency.code: row for row, _, agency in self._agency_rows()}
        added = 0
        self._filling = True
        for agency in imported:
            row = rows.get(agency.code)
            if row is None:
                self._append_agency(agency)
                added += 1
                continue
            _, name, _ = self._agency_cells(row)
            name.setText(agency.name)
            state = Qt.CheckState.Checked if agency.active else Qt.CheckState.Unchecked
            self.agency_table.cell(row, ACTIVE).setCheckState(state)
        self._filling = False
        self._refresh_combos()
        self._say(
            QCoreApplication.translate(
                "TriageListsDialog", "Imported %1 agencies: %2 new, %3 updated."
            )
            .replace("%1", str(len(imported)))
            .replace("%2", str(added))
            .replace("%3", str(len(imported) - added)),
            error=False,
        )
        return len(imported)

    def import_topics(self, path: Path) -> int:
        """Merge a CSV file into the topics: a topic with a name already here gets the
        file's keywords and agency, the others are added. Every agency code in the file must
        be on the Agencies tab. Returns how many rows the file had."""
        text = self._read(path)
        if text is None:
            return 0
        codes = [agency.code for agency in self.agencies()]
        try:
            imported = tl.topics_from_csv(text, codes)
        except tl.ListFileError as exc:
            self._file_problem(exc)
            return 0
        rows = {topic.name.casefold(): row for row, topic in self._topic_rows()}
        added = 0
        for topic in imported:
            choice = self._key_for_code(topic.agency_code) if topic.agency_code else ""
            row = rows.get(topic.name.casefold())
            if row is None:
                self._append_topic(topic, choice)
                added += 1
                continue
            self.topic_table.cell(row, KEYWORDS).setText("; ".join(topic.keywords))
            self._fill_combo(self._combo(row), choice)
        self._update_sample()
        self._say(
            QCoreApplication.translate(
                "TriageListsDialog", "Imported %1 topics: %2 new, %3 updated."
            )
            .replace("%1", str(len(imported)))
            .replace("%2", str(added))
            .replace("%3", str(len(imported) - added)),
            error=False,
        )
        return len(imported)

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

    def export_agencies(self, path: Path) -> bool:
        text, table, _ = self._find_problem()
        if table is self.agency_table:
            self._say(text)
            return False
        return self._write(path, tl.agencies_to_csv(self.agencies(), self.csv_delimiter()))

    def export_topics(self, path: Path) -> bool:
        text, table, _ = self._find_problem()
        if table is not None:
            self._say(text)
            return False
        return self._write(path, tl.topics_to_csv(self.topics(), self.csv_delimiter()))
