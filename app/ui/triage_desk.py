"""The triage steps on inbox cases, from a row's buttons, its keys or the menu: open a
case, assign (with type-ahead over the agencies), change status, note, reply; the lists
and deadlines dialog, and the monthly report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCursor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app import triage
from app.deadlines import current_due
from app.model import Agency, Case, CaseStatus, Entry
from app.settings import Settings
from app.store import Store, StoreError
from app.store_triage import CaseChange
from app.ui import casefmt
from app.ui.case_dialog import CaseDialog
from app.ui.holidays_editor import HolidaysEditor
from app.ui.report_dialog import ReportDialog
from app.ui.triage_lists_dialog import TriageListsDialog


class AgencyPicker(QDialog):
    """Type part of a code or name, arrows to choose, Enter to assign."""

    def __init__(self, agencies: Sequence[Agency], count: int, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("triage", "Assign %n case(s) to", "", count)
        )
        layout = QVBoxLayout(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(
            QCoreApplication.translate("triage", "Type to find an agency (code or name)")
        )
        self.list = QListWidget(self)
        for agency in agencies:
            if agency.active:
                item = QListWidgetItem(f"{agency.code} · {agency.name}", self.list)
                item.setData(Qt.ItemDataRole.UserRole, agency.code)
        unassign = QListWidgetItem(
            QCoreApplication.translate("triage", "(remove the agency)"), self.list
        )
        unassign.setData(Qt.ItemDataRole.UserRole, "")
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.setCurrentRow(0)
        self.resize(420, 420)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        first = -1
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first < 0:
                first = row
        self.list.setCurrentRow(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and down move in the list while the cursor stays in the filter.
        arrows = (Qt.Key.Key_Up, Qt.Key.Key_Down)
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in arrows
        ):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = self.list.currentRow() + step
            while 0 <= row < self.list.count() and self.list.item(row).isHidden():
                row += step
            if 0 <= row < self.list.count():
                self.list.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def chosen(self) -> str | None:
        row = self.list.currentRow()
        if row < 0 or self.list.item(row).isHidden():
            return None
        return str(self.list.item(row).data(Qt.ItemDataRole.UserRole))


class DeadlinesForm(QWidget):
    """Working days per stage, and the name this PC's changes are credited to."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.assign_days = QComboBox(self)
        self.answer_days = QComboBox(self)
        for box, name, top in ((self.assign_days, "assign_days", 10),
                               (self.answer_days, "answer_days", 20)):  # fmt: skip
            for days in range(1, top + 1):
                text = QCoreApplication.translate("triage", "%n working day(s)", "", days)
                box.addItem(text, str(days))
            box.setCurrentIndex(max(0, box.findData(settings.get(name))))
        self.operator = QLineEdit(settings.get("operator"), self)
        self.operator.setPlaceholderText(triage.operator(settings))
        form.addRow(
            QCoreApplication.translate("triage", "Forward to an agency within:"),
            self.assign_days,
        )
        form.addRow(
            QCoreApplication.translate("triage", "Follow up after forwarding within:"),
            self.answer_days,
        )
        form.addRow(
            QCoreApplication.translate("triage", "Your name in case history:"), self.operator
        )
        note = QLabel(
            QCoreApplication.translate(
                "triage",
                "SP4N-LAPOR! asks that a report is forwarded within 3 working days and "
                "followed up within 5. Weekends and the holidays in the Holidays tab do not "
                "count; the day a report arrives does not count either.",
            ),
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)

    def save(self, settings: Settings) -> None:
        settings.set("assign_days", str(self.assign_days.currentData()))
        settings.set("answer_days", str(self.answer_days.currentData()))
        settings.set("operator", self.operator.text().strip())


class TriageDesk(QObject):
    """Owns the triage dialogs of one main window and applies the steps to the store."""

    reply_requested = Signal(object)
    """A case to answer: (Case)."""
    open_requested = Signal(str)
    problem = Signal(str)

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        window: QWidget,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(window)
        self._store = store
        self._settings = settings
        self._window = window
        self._clock = clock
        self._dialogs: dict[int, CaseDialog] = {}
        self.refresh_calendar()

    def refresh_calendar(self) -> None:
        """The office's holidays or zone changed: deadlines are counted again."""
        casefmt.set_calendar(triage.calendar(self._store, self._settings))

    # --- steps ----------------------------------------------------------------------------

    def step(self, name: str, entries: Sequence[Entry]) -> None:
        """A step on inbox rows (a row button or a key): assign, status, note, case, reply,
        open. Assign and status apply to every row given; the others to the first."""
        cases = [e.case for e in entries if e.case is not None]
        if not cases:
            return
        if name == "assign":
            self.assign([c.id for c in cases])
        elif name == "status":
            self.change_status([c.id for c in cases])
        elif name == "note":
            self.open_case(cases[0].id).focus_note()
        elif name == "case":
            self.open_case(cases[0].id)
        elif name == "reply":
            self.reply_requested.emit(cases[0])
        elif name == "open" and cases[0].url:
            self.open_requested.emit(cases[0].url)

    def assign(self, case_ids: Sequence[int]) -> None:
        picker = AgencyPicker(self._store.agencies(), len(case_ids), self._window)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        code = picker.chosen()
        if code is not None:
            self._apply(case_ids, CaseChange(agency_code=code))

    def change_status(self, case_ids: Sequence[int]) -> None:
        menu = QMenu(self._window)
        for status in CaseStatus:
            action = menu.addAction(casefmt.status_name(status))
            action.setData(status.value)
        chosen = menu.exec(QCursor.pos())
        if chosen is not None:
            self._apply(case_ids, CaseChange(status=CaseStatus(str(chosen.data()))))

    def _apply(self, case_ids: Sequence[int], change: CaseChange) -> None:
        actor = triage.operator(self._settings)
        try:
            self._store.update_cases(case_ids, change, actor=actor, now=self._clock())
        except StoreError as exc:
            self.problem.emit(
                QCoreApplication.translate("triage", "The cases were not changed: %1").replace(
                    "%1", str(exc)
                )
            )
            return
        for case_id in case_ids:
            dialog = self._dialogs.get(case_id)
            case = self._store.case(case_id)
            if dialog is not None and case is not None:
                dialog.show_case(case)

    def open_case(self, case_id: int) -> CaseDialog:
        """Show the case's window (one per case), raising it when it is already open."""
        dialog = self._dialogs.get(case_id)
        case = self._store.case(case_id)
        if dialog is None and case is not None:
            dialog = CaseDialog(
                case,
                store=self._store,
                actor=triage.operator(self._settings),
                clock=self._clock,
                due_rules=self._due,
                parent=self._window,
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.reply_requested.connect(self.reply_requested)
            dialog.open_requested.connect(self.open_requested)
            dialog.destroyed.connect(lambda *_: self._dialogs.pop(case_id, None))
            self._dialogs[case_id] = dialog
        assert dialog is not None
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _due(self, case: Case) -> datetime | None:
        rules = triage.rules(self._settings)
        due = current_due(case, casefmt.calendar(), rules)
        return due.at if due else None

    # --- lists and report -----------------------------------------------------------------

    def edit_lists(self) -> None:
        dialog = TriageListsDialog(self._store.agencies(), self._store.topics(), self._window)
        holidays = HolidaysEditor(self._store.holidays(), dialog)
        dialog.add_tab(holidays, QCoreApplication.translate("triage", "Holidays"))
        deadlines = DeadlinesForm(self._settings, dialog)
        dialog.add_tab(deadlines, QCoreApplication.translate("triage", "Deadlines"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self._store.save_agencies(dialog.agencies())
            self._store.save_topics(dialog.topics())
            self._store.save_holidays(holidays.holidays())
            deadlines.save(self._settings)
        except StoreError as exc:
            QMessageBox.warning(
                self._window,
                QCoreApplication.translate("triage", "Not saved"),
                QCoreApplication.translate("triage", "The lists were not saved: %1").replace(
                    "%1", str(exc)
                ),
            )
        self.refresh_calendar()

    def show_report(self) -> None:
        now = self._clock().astimezone(casefmt.calendar().zone)
        names = {a.code: a.name for a in self._store.agencies()}
        dialog = ReportDialog(
            lambda year, month: triage.month_report(
                self._store, self._settings, year, month, self._clock()
            ),
            names,
            (now.year, now.month),
            self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
