"""The monthly report window: pick a month, read its tables and charts, save it as files."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QStandardPaths,
    Qt,
    QTimeZone,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.report import GroupStats, MonthReport
from app.store import StoreError
from app.ui import report_export as rx
from app.ui.charts import ChartView
from app.ui.errors import describe
from app.ui.reach_view import ReachTab
from app.ui.timefmt import OFFICE_ZONES

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #B42318;"
FIRST_MONTH = QDate(2000, 1, 1)
LAST_MONTH = QDate(2100, 12, 1)
NUMBERS = range(1, 8)  # the count columns of the agency and topic tables


def _table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    return table


def _fill(
    table: QTableWidget,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    numeric: Collection[int],
    bold_last: bool = False,
) -> None:
    """Put `rows` in `table`; the `numeric` columns are right-aligned, the others stretch."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    for column, title in enumerate(headers):
        item = QTableWidgetItem(title)
        right = Qt.AlignmentFlag.AlignRight if column in numeric else Qt.AlignmentFlag.AlignLeft
        item.setTextAlignment(right | Qt.AlignmentFlag.AlignVCenter)
        table.setHorizontalHeaderItem(column, item)
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                item.setToolTip(text)
            if bold_last and row == len(rows) - 1:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            table.setItem(row, column, item)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = QHeaderView.ResizeMode.ResizeToContents
        if column not in numeric:
            mode = QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(column, mode)


class ReportDialog(QDialog):
    """One month at a time; `load(year, month)` makes its report (quickly: one month of
    cases), and whatever it raises is shown here rather than passed on."""

    def __init__(
        self,
        load: Callable[[int, int], MonthReport],
        agency_names: Mapping[str, str],
        initial: tuple[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._names = dict(agency_names)
        self._report: MonthReport | None = None
        self._month = initial
        self._folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.setWindowTitle(QCoreApplication.translate("report", "Monthly report"))
        self.resize(1100, 700)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_month_row())
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.summary.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.scope = QLabel(self)
        self.scope.setTextFormat(Qt.TextFormat.PlainText)
        self.scope.setStyleSheet("color: #52606D;")
        layout.addWidget(self.scope)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        layout.addWidget(self._build_body(), 1)
        layout.addLayout(self._build_buttons())
        self.show_month(*initial)

    # --- building -----------------------------------------------------------------------

    def _build_month_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.previous_button = QPushButton("◀", self)
        self.previous_button.setToolTip(QCoreApplication.translate("report", "Previous month"))
        self.previous_button.setAccessibleName(self.previous_button.toolTip())
        self.previous_button.clicked.connect(lambda: self.step_month(-1))
        self.month_edit = QDateEdit(self)
        self.month_edit.setDisplayFormat("MMMM yyyy")
        self.month_edit.setDateRange(FIRST_MONTH, LAST_MONTH)
        self.month_edit.setAccessibleName(QCoreApplication.translate("report", "Month"))
        self.month_edit.setMinimumWidth(170)
        self.month_edit.dateChanged.connect(self._month_edited)
        self.next_button = QPushButton("▶", self)
        self.next_button.setToolTip(QCoreApplication.translate("report", "Next month"))
        self.next_button.setAccessibleName(self.next_button.toolTip())
        self.next_button.clicked.connect(lambda: self.step_month(1))
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(36)
        row.addWidget(self.previous_button)
        row.addWidget(self.month_edit)
        row.addWidget(self.next_button)
        row.addStretch(1)
        return row

    def _build_body(self) -> QSplitter:
        """The tables above (one tab each), the two charts side by side below."""
        body = QSplitter(Qt.Orientation.Vertical, self)
        self.tabs = QTabWidget(body)
        self.agency_table = _table(self.tabs)
        self.topic_table = _table(self.tabs)
        self.words_table = _table(self.tabs)
        self.daily_view = ChartView(parent=self.tabs)
        self.tabs.addTab(self.agency_table, QCoreApplication.translate("report", "By agency"))
        self.tabs.addTab(self.topic_table, QCoreApplication.translate("report", "By topic"))
        self.tabs.addTab(self.words_table, QCoreApplication.translate("report", "Top words"))
        self.tabs.addTab(self.daily_view, QCoreApplication.translate("report", "Per day"))
        self.reach_tab = ReachTab(self.tabs)
        self.tabs.addTab(self.reach_tab, QCoreApplication.translate("report", "Account reach"))
        charts = QSplitter(Qt.Orientation.Horizontal, body)
        self.agency_view = ChartView(parent=charts)
        self.trend_view = ChartView(parent=charts)
        charts.addWidget(self.agency_view)
        charts.addWidget(self.trend_view)
        body.addWidget(self.tabs)
        body.addWidget(charts)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        return body

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.csv_button = QPushButton(QCoreApplication.translate("report", "Export CSV…"), self)
        self.csv_button.clicked.connect(self._choose_csv)
        self.png_button = QPushButton(QCoreApplication.translate("report", "Export PNG…"), self)
        self.png_button.clicked.connect(self._choose_png)
        self.pdf_button = QPushButton(QCoreApplication.translate("report", "Export PDF…"), self)
        self.pdf_button.clicked.connect(self._choose_pdf)
        for button in (self.csv_button, self.png_button, self.pdf_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        return row

    # --- the month ----------------------------------------------------------------------

    @property
    def month(self) -> tuple[int, int]:
        return self._month

    @property
    def report(self) -> MonthReport | None:
        return self._report

    def step_month(self, months: int) -> None:
        shown = QDate(self._month[0], self._month[1], 1).addMonths(months)
        if FIRST_MONTH <= shown <= LAST_MONTH:
            self.show_month(shown.year(), shown.month())

    def _month_edited(self, day: QDate) -> None:
        if (day.year(), day.month()) != self._month:
            self.show_month(day.year(), day.month())

    def show_month(self, year: int, month: int) -> None:
        """Load and show the report of `month`; a failure is shown in place."""
        self._month = (year, month)
        self.month_edit.blockSignals(True)
        self.month_edit.setDate(QDate(year, month, 1))
        self.month_edit.blockSignals(False)
        self._say("")
        try:
            report = self._load(year, month)
        except StoreError as exc:
            log.warning("report %04d-%02d: %s", year, month, exc)
            self._failed(describe(exc))
            return
        except Exception as exc:  # the boundary of this user action: show it, keep the dialog
            log.exception("report %04d-%02d failed", year, month)
            self._failed(describe(exc))
            return
        self._show(report)

    def _failed(self, reason: str) -> None:
        self._report = None
        month = rx.month_title(*self._month)
        self._say(
            QCoreApplication.translate("report", "The report for %1 could not be made. %2")
            .replace("%1", month)
            .replace("%2", reason)
        )
        for label in (self.summary, self.scope):
            label.setText("")
            label.hide()
        for table in (self.agency_table, self.topic_table, self.words_table):
            table.clear()
            table.setRowCount(0)
            table.setColumnCount(0)
        for view in (self.agency_view, self.trend_view, self.daily_view):
            view.set_chart(None)
        self.reach_tab.show_reach(None, date(*self._month, 1))
        self._enable_exports()

    def _show(self, report: MonthReport) -> None:
        self._report = report
        self.summary.setText(rx.totals_text(report))
        self.summary.show()
        self.scope.show()
        zone = QTimeZone(QByteArray(report.zone.key.encode()))
        zone_label = OFFICE_ZONES.get(report.zone.key, "")
        as_of = QDateTime.fromSecsSinceEpoch(int(report.now.timestamp()), zone)
        self.scope.setText(
            QCoreApplication.translate(
                "report", "Cases received in %1. Deadlines as of %2, in working days."
            )
            .replace("%1", rx.month_title(report.year, report.month))
            .replace("%2", f"{QLocale().toString(as_of, 'd MMMM yyyy HH:mm')} {zone_label}".strip())
        )
        agency_rows = [rx.table_cells(r, rx.agency_label(r, self._names)) for r in report.agencies]
        agency_rows.append(
            rx.table_cells(report.total, QCoreApplication.translate("report", "Total"))
        )
        agency_header = rx.table_headers(QCoreApplication.translate("report", "Agency"))
        _fill(self.agency_table, agency_header, agency_rows, numeric=NUMBERS, bold_last=True)
        self._tooltips(self.agency_table, report.agencies)
        topic_rows = [rx.table_cells(r, rx.topic_label(r)) for r in report.topics]
        topic_header = rx.table_headers(QCoreApplication.translate("report", "Topic"))
        _fill(self.topic_table, topic_header, topic_rows, numeric=NUMBERS)
        self._fill_words(report)
        self.agency_view.set_chart(rx.agency_chart(report, self._names))
        self.trend_view.set_chart(rx.trend_chart(report))
        self.daily_view.set_chart(rx.daily_chart(report))
        self.reach_tab.show_reach(report.reach, report.first_day)
        self._enable_exports()

    def _tooltips(self, table: QTableWidget, rows: Sequence[GroupStats]) -> None:
        for number, row in enumerate(rows):
            item = table.item(number, 0)
            if item is not None and row.code:
                item.setToolTip(f"{item.text()} ({row.code})")

    def _fill_words(self, report: MonthReport) -> None:
        cases = QCoreApplication.translate("report", "Cases")
        headers = [QCoreApplication.translate("report", "Word"), cases]
        headers += [QCoreApplication.translate("report", "Phrase"), cases]
        rows = []
        for number in range(max(len(report.top_words), len(report.top_phrases))):
            cells = []
            for terms in (report.top_words, report.top_phrases):
                term = terms[number] if number < len(terms) else None
                cells += [term.text, str(term.cases)] if term else ["", ""]
            rows.append(cells)
        _fill(self.words_table, headers, rows, numeric=(1, 3))

    def _enable_exports(self) -> None:
        for button in (self.csv_button, self.png_button, self.pdf_button):
            button.setEnabled(self._report is not None)

    def _say(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- files --------------------------------------------------------------------------

    def _suggested(self, suffix: str) -> str:
        if self._report is None:
            return self._folder
        return str(Path(self._folder) / f"{rx.file_stem(self._report)}{suffix}")

    def _choose_csv(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("report", "Choose a folder for the CSV files"),
            self._folder,
        )
        if folder:
            self.export_csv_to(Path(folder))

    def _choose_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("report", "Export the report as an image"),
            self._suggested(".png"),
            QCoreApplication.translate("report", "PNG image (*.png)"),
        )
        if path:
            self.export_png_to(_with_suffix(Path(path), ".png"))

    def _choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("report", "Export the report as PDF"),
            self._suggested(".pdf"),
            QCoreApplication.translate("report", "PDF document (*.pdf)"),
        )
        if path:
            self.export_pdf_to(_with_suffix(Path(path), ".pdf"))

    def export_csv_to(self, folder: Path) -> list[Path]:
        """Save both CSV files into `folder`; [] (and a message box) when that fails."""
        if self._report is None:
            return []
        try:
            paths = rx.export_csv(self._report, folder, self._names)
        except OSError as exc:
            self._cannot_save(folder, exc)
            return []
        self._saved(paths)
        return paths

    def export_png_to(self, path: Path) -> bool:
        if self._report is None:
            return False
        try:
            rx.export_png(self._report, path, self._names)
        except OSError as exc:
            self._cannot_save(path, exc)
            return False
        self._saved([path])
        return True

    def export_pdf_to(self, path: Path) -> bool:
        if self._report is None:
            return False
        try:
            rx.export_pdf(self._report, path, self._names)
        except OSError as exc:
            self._cannot_save(path, exc)
            return False
        self._saved([path])
        return True

    def _cannot_save(self, where: Path, exc: OSError) -> None:
        reason = exc.strerror or str(exc)
        QMessageBox.warning(
            self,
            QCoreApplication.translate("report", "Export failed"),
            QCoreApplication.translate("report", "The report could not be saved to %1: %2")
            .replace("%1", str(where))
            .replace("%2", reason),
        )

    def _saved(self, paths: Sequence[Path]) -> None:
        self._folder = str(paths[0].parent)
        self._say(
            QCoreApplication.translate("report", "Saved: %1").replace(
                "%1", ", ".join(str(p) for p in paths)
            ),
            error=False,
        )


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
