"""The Agencies tab of the triage lists dialog: the agencies (OPD) cases are delegated to.

Each row keeps a key (KEY_ROLE) while its code is edited, so the Topics tab's agency choices
follow the row; `changed` tells that tab to refresh them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from app import triage_lists as tl
from app.model import Agency
from app.ui.list_tab import ID_ROLE, KEY_ROLE, ListTab, Problem

CODE, NAME, ACTIVE = 0, 1, 2  # agency columns


class AgenciesTab(ListTab):
    changed = Signal()  # rows, codes, names or Active changed: the topics' agencies follow

    def __init__(
        self,
        find_problem: Callable[[], Problem],
        topic_users: Callable[[set[int]], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        """`topic_users` gives the names of the topics that refer to some agency rows (by
        their keys), so removing those rows can ask first."""
        super().__init__(find_problem, parent)
        self._topic_users = topic_users
        self._keys = itertools.count(1)  # an agency row's identity while codes are edited
        self._filling = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "TriageListsDialog",
                "Cases are delegated to these agencies. Untick Active to stop offering an "
                "agency without removing it: cases keep the code they were given.",
            ),
            self,
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

    def set_agencies(self, agencies: Sequence[Agency], keys: Sequence[int] = ()) -> None:
        self._filling = True
        self.agency_table.setRowCount(0)
        for index, agency in enumerate(agencies):
            self._append_agency(agency, keys[index] if index < len(keys) else None)
        self._filling = False
        self.changed.emit()

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

    def agency_rows(self) -> list[tuple[int, int, Agency]]:
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

    def key_for_code(self, code: str) -> int | str:
        """The agency row with that code, or the code itself when no row has it."""
        code = tl.normal_code(code)
        for _, key, agency in self.agency_rows():
            if agency.code == code:
                return key
        return code

    def agencies(self) -> list[Agency]:
        """The edited agencies in table order (blank rows left out), with their ids."""
        return [agency for _, _, agency in self.agency_rows()]

    def _agency_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        if item.column() == CODE:
            code = tl.normal_code(item.text())
            if code != item.text():
                self._filling = True
                item.setText(code)
                self._filling = False
        self.changed.emit()

    def add_agency(self) -> None:
        row = self._append_agency(Agency("", ""))
        self.changed.emit()
        self.show_requested.emit()
        self.agency_table.setCurrentCell(row, CODE)
        self.agency_table.editItem(self.agency_table.cell(row, CODE))

    def remove_agencies(self) -> bool:
        """Remove the selected agencies; topics that refer to one lose their agency, after
        the user agreed. Returns whether anything was removed."""
        rows = self.agency_table.selected_rows()
        if not rows:
            return False
        keys = {int(self.agency_table.cell(r, CODE).data(KEY_ROLE)) for r in rows}
        users = self._topic_users(keys)
        if users:
            codes = ", ".join(self.agency_table.cell(r, CODE).text() for r in rows)
            names = ", ".join(users)
            question = QCoreApplication.translate(
                "TriageListsDialog",
                "These topics refer to %1: %2. Remove it and clear their agency?",
            )
            if not self._confirm(question.replace("%1", codes).replace("%2", names)):
                return False
        for row in reversed(rows):
            self.agency_table.removeRow(row)
        self.changed.emit()
        if self.agency_table.rowCount():
            self.agency_table.setCurrentCell(min(rows[0], self.agency_table.rowCount() - 1), CODE)
        if users:
            self._say(
                QCoreApplication.translate(
                    "TriageListsDialog", "Agency removed; these topics have no agency now: %1."
                ).replace("%1", ", ".join(users)),
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
        existing = {agency.code: (key, agency.id) for _, key, agency in self.agency_rows()}
        defaults = tl.default_agencies()
        kept = [existing.get(a.code) for a in defaults]
        self.set_agencies(
            [
                Agency(a.code, a.name, a.active, k[1] if k else None)
                for a, k in zip(defaults, kept, strict=True)
            ],
            [k[0] if k else next(self._keys) for k in kept],
        )
        return True

    # --- files ------------------------------------------------------------------------------

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
        rows = {agency.code: row for row, _, agency in self.agency_rows()}
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
        self.changed.emit()
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

    def export_agencies(self, path: Path) -> bool:
        text, table, _ = self._find_problem()
        if table is self.agency_table:
            self._say(text)
            return False
        return self._write(path, tl.agencies_to_csv(self.agencies(), self.csv_delimiter()))
