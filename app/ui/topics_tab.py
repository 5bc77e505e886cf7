"""The Topics tab of the triage lists dialog: keywords that suggest a topic, and its agency,
for a new case, with a box to try a complaint against them.

A topic's agency is a combo box in the row. Its data is the agency row's key on the Agencies
tab, a code no row has (shown as not in the list), or "" for no agency; `topics()` turns keys
into the agencies' current codes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import triage_lists as tl
from app.model import Topic
from app.ui.agencies_tab import AgenciesTab
from app.ui.list_tab import ID_ROLE, ListTab, Problem

TOPIC, KEYWORDS, AGENCY = 0, 1, 2  # topic columns


class TopicsTab(ListTab):
    def __init__(
        self,
        agencies: AgenciesTab,
        find_problem: Callable[[], Problem],
        parent: QWidget | None = None,
    ) -> None:
        """The agencies tab gives the agencies a topic may name; its edits refresh the
        agency choices here."""
        super().__init__(find_problem, parent)
        self._agencies = agencies
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "TriageListsDialog",
                "Keywords suggest a topic, and its agency, for a new case. They match whole "
                "words in any case; the words of a longer keyword may stand a few words "
                "apart, or be joined in a hashtag (#JalanRusak). Separate keywords with ;.",
            ),
            self,
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
        self.sample = QLineEdit(self)
        self.sample.setPlaceholderText(
            QCoreApplication.translate(
                "TriageListsDialog", "Try a complaint: jalan di desa kami rusak parah"
            )
        )
        self.sample.setClearButtonEnabled(True)
        self.sample.textChanged.connect(self._update_sample)
        sample_row.addWidget(self.sample, 1)
        self.sample_result = QLabel(self)
        self.sample_result.setTextFormat(Qt.TextFormat.PlainText)
        self.sample_result.setWordWrap(True)
        sample_row.addWidget(self.sample_result, 1)
        layout.addLayout(sample_row)
        agencies.changed.connect(self._refresh_combos)

    def set_topics(self, topics: Sequence[Topic]) -> None:
        self.topic_table.setRowCount(0)
        for topic in topics:
            self._append_topic(topic)
        self._update_sample()

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
        choice = agency if agency is not None else self._agencies.key_for_code(topic.agency_code)
        self._fill_combo(combo, choice)
        return row

    def combo(self, row: int) -> QComboBox:
        combo = self.topic_table.cellWidget(row, AGENCY)
        assert isinstance(combo, QComboBox)
        return combo

    def _topic_key(self, row: int) -> int | str:
        """The chosen agency row's key, a code no row has, or "" for no agency."""
        data = self.combo(row).currentData()
        return data if isinstance(data, int | str) else ""

    def _topic_name(self, row: int) -> str:
        return tl.normal_name(self.topic_table.cell(row, TOPIC).text())

    def users(self, keys: set[int]) -> list[str]:
        """The names of the topics whose agency is one of these agency rows (by key)."""
        return [
            self._topic_name(r)
            for r in range(self.topic_table.rowCount())
            if self._topic_key(r) in keys
        ]

    def _fill_combo(self, combo: QComboBox, choice: int | str) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(QCoreApplication.translate("TriageListsDialog", "(no agency)"), "")
        for _, key, agency in self._agencies.agency_rows():
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
            self._fill_combo(self.combo(row), self._topic_key(row))
        self._update_sample()

    def topic_rows(self) -> list[tuple[int, Topic]]:
        codes = {key: agency.code for _, key, agency in self._agencies.agency_rows()}
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
        return [topic for _, topic in self.topic_rows()]

    def add_topic(self) -> None:
        row = self._append_topic(Topic(""), "")
        self.show_requested.emit()
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
            key = self._agencies.key_for_code(topic.agency_code)
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
        agency = tl.suggest_agency(text, topics, self._agencies.agencies())
        self.sample_result.setText(
            QCoreApplication.translate("TriageListsDialog", "Topics: %1. Agency: %2.")
            .replace("%1", ", ".join(t.name for t in found))
            .replace(
                "%2",
                agency.code if agency else QCoreApplication.translate("TriageListsDialog", "none"),
            )
        )

    # --- files ------------------------------------------------------------------------------

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

    def import_topics(self, path: Path) -> int:
        """Merge a CSV file into the topics: a topic with a name already here gets the
        file's keywords and agency, the others are added. Every agency code in the file must
        be on the Agencies tab. Returns how many rows the file had."""
        text = self._read(path)
        if text is None:
            return 0
        codes = [agency.code for agency in self._agencies.agencies()]
        try:
            imported = tl.topics_from_csv(text, codes)
        except tl.ListFileError as exc:
            self._file_problem(exc)
            return 0
        rows = {topic.name.casefold(): row for row, topic in self.topic_rows()}
        added = 0
        for topic in imported:
            choice = self._agencies.key_for_code(topic.agency_code) if topic.agency_code else ""
            row = rows.get(topic.name.casefold())
            if row is None:
                self._append_topic(topic, choice)
                added += 1
                continue
            self.topic_table.cell(row, KEYWORDS).setText("; ".join(topic.keywords))
            self._fill_combo(self.combo(row), choice)
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

    def export_topics(self, path: Path) -> bool:
        text, table, _ = self._find_problem()
        if table is not None:
            self._say(text)
            return False
        return self._write(path, tl.topics_to_csv(self.topics(), self.csv_delimiter()))
