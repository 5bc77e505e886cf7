"""The monthly report window on the hand-made March 2026: it changes month through `load`,
shows load failures in place, and exports CSV, PNG and PDF files that match the report."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.deadlines import DeadlineRules
from app.model import Agency
from app.report import MonthReport, month_report
from app.store import StoreError
from app.ui.charts import BarChart
from app.ui.report_dialog import ReportDialog
from app.ui.report_export import export_pdf
from tests.unit.test_report import load_month

MONTH = load_month()
NAMES = {a.code: a.name for a in MONTH.agencies}


class Loader:
    """`load` for the dialog: the fixture's cases, with a record of the months asked for
    and a month that fails on demand."""

    def __init__(self) -> None:
        self.asked: list[tuple[int, int]] = []
        self.failing: dict[tuple[int, int], Exception] = {}

    def __call__(self, year: int, month: int) -> MonthReport:
        self.asked.append((year, month))
        if (year, month) in self.failing:
            raise self.failing[(year, month)]
        return month_report(
            MONTH.cases,
            year=year,
            month=month,
            calendar=MONTH.calendar,
            rules=DeadlineRules(),
            agencies=MONTH.agencies,
            topics=MONTH.topics,
            now=MONTH.now,
        )


@pytest.fixture
def english() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def loader() -> Loader:
    return Loader()


@pytest.fixture
def dialog(qtbot: QtBot, loader: Loader, english: None) -> ReportDialog:
    shown = ReportDialog(loader, NAMES, (2026, 3))
    qtbot.addWidget(shown)
    return shown


def cells(dialog: ReportDialog, row: int) -> list[str]:
    table = dialog.agency_table
    return [table.item(row, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]


def test_it_opens_on_the_initial_month(dialog: ReportDialog, loader: Loader) -> None:
    assert loader.asked == [(2026, 3)]
    assert dialog.month_edit.text() == "March 2026"
    assert dialog.summary.text().startswith("Received 21 · answered 14 · overdue 6")
    assert "3.5" in dialog.summary.text()
    assert dialog.agency_table.rowCount() == 6  # 4 agencies, unassigned, total
    assert cells(dialog, 0) == [
        "Dinas PU Bina Marga dan Cipta Karya", "5", "5", "2", "0", "3", "6", "7"
    ]  # fmt: skip
    assert cells(dialog, 4)[:2] == ["Unassigned", "6"]
    assert cells(dialog, 5) == ["Total", "21", "14", "7", "2", "6", "3.5", "6"]
    assert dialog.topic_table.item(0, 0).text() == "jalan"  # type: ignore[union-attr]
    assert dialog.words_table.item(0, 0).text() == "jalan"  # type: ignore[union-attr]
    assert dialog.words_table.item(0, 2).text() == "jalan rusak"  # type: ignore[union-attr]
    assert dialog.agency_view.chart is not None
    assert dialog.agency_view.chart.title
    assert dialog.csv_button.isEnabled()


def test_previous_and_next_load_other_months(dialog: ReportDialog, loader: Loader) -> None:
    dialog.next_button.click()
    assert loader.asked[-1] == (2026, 4)
    assert dialog.month_edit.text() == "April 2026"
    # April holds only case 19 (2026-03-31T20:00Z, 1 April in Jakarta), still open
    assert dialog.summary.text().startswith("Received 1 · answered 0")
    assert dialog.agency_table.item(0, 0).text() == "Dinas PU Bina Marga dan Cipta Karya"  # type: ignore[union-attr]
    dialog.previous_button.click()
    dialog.previous_button.click()
    assert loader.asked[-2:] == [(2026, 3), (2026, 2)]
    assert dialog.month == (2026, 2)
    # the year turns over
    dialog.show_month(2026, 12)
    dialog.next_button.click()
    assert loader.asked[-1] == (2027, 1)
    assert dialog.summary.text().startswith("Received 0")
    chart = dialog.agency_view.chart
    assert isinstance(chart, BarChart)
    assert chart.categories == ()


def test_editing_the_month_loads_it_once(dialog: ReportDialog, loader: Loader) -> None:
    dialog.month_edit.setDate(QDate(2026, 1, 1))
    assert loader.asked == [(2026, 3), (2026, 1)]
    dialog.month_edit.setDate(QDate(2026, 1, 1))
    assert loader.asked == [(2026, 3), (2026, 1)]


def test_the_month_is_named_in_the_ui_language(qtbot: QtBot, loader: Loader) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    try:
        shown = ReportDialog(loader, NAMES, (2026, 3))
        qtbot.addWidget(shown)
        assert shown.month_edit.text() == "Maret 2026"
    finally:
        QLocale.setDefault(previous)


@pytest.mark.log_warnings
def test_a_failing_load_is_shown_and_the_dialog_goes_on(
    dialog: ReportDialog, loader: Loader
) -> None:
    loader.failing[(2026, 4)] = RuntimeError("boom")
    loader.failing[(2026, 5)] = StoreError("disk full")
    dialog.next_button.click()
    assert dialog.message.isVisibleTo(dialog)
    assert "April 2026" in dialog.message.text()
    assert "Something went wrong" in dialog.message.text()
    assert dialog.report is None
    assert not dialog.summary.isVisibleTo(dialog)  # no totals of another month left behind
    assert dialog.agency_table.rowCount() == 0
    assert not dialog.csv_button.isEnabled()
    assert not dialog.pdf_button.isEnabled()
    dialog.next_button.click()
    assert dialog.month == (2026, 5)
    assert "disk space" in dialog.message.text()
    dialog.month_edit.setDate(QDate(2026, 3, 1))
    assert not dialog.message.isVisibleTo(dialog)
    assert dialog.summary.isVisibleTo(dialog)
    assert dialog.agency_table.rowCount() == 6
    assert dialog.pdf_button.isEnabled()


def test_export_csv(dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path))
    )
    dialog.csv_button.click()
    summary = tmp_path / "pantau-report-2026-03.csv"
    cases = tmp_path / "pantau-report-2026-03-cases.csv"
    assert summary.exists()
    assert cases.exists()
    rows = list(csv.DictReader(summary.open(encoding="utf-8-sig", newline="")))
    total = next(r for r in rows if r["group"] == "total")
    report = dialog.report
    assert report is not None
    assert int(total["received"]) == report.total.received == 21
    assert int(total["answered"]) == report.total.answered
    assert int(total["overdue"]) == report.total.overdue
    assert float(total["median_days"]) == report.total.median_days
    unassigned = next(r for r in rows if r["group"] == "agency" and r["code"] == "")
    assert unassigned["name"] == "Unassigned"
    case_rows = list(csv.DictReader(cases.open(encoding="utf-8-sig", newline="")))
    assert len(case_rows) == 21
    assert "pantau-report-2026-03.csv" in dialog.message.text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [cases.name, summary.name]


def test_export_png_and_pdf(
    dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([str(tmp_path / "maret"), str(tmp_path / "maret.pdf")])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (next(answers), ""))
    )
    dialog.png_button.click()
    image = QImage(str(tmp_path / "maret.png"))  # the suffix is added
    assert not image.isNull()
    assert image.width() == 1200
    assert image.height() > 600
    dialog.pdf_button.click()
    pdf = (tmp_path / "maret.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"/Count 2" in pdf or b"/Count 3" in pdf  # tables and charts over 2-3 A4 pages
    assert "maret.pdf" in dialog.message.text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maret.pdf", "maret.png"]


def test_a_failed_export_names_the_reason_and_leaves_nothing(
    dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []

    def warn(parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
        warnings.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warn))
    missing = tmp_path / "gone"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(missing / "r.pdf"), ""))
    )
    dialog.pdf_button.click()
    assert len(warnings) == 1
    assert str(missing / "r.pdf") in warnings[0]
    assert "No such file or directory" in warnings[0]
    assert not dialog.message.isVisibleTo(dialog)
    # The cases file cannot replace what is in its way (a folder here; on Windows, a file
    # open in Excel): neither file is written, the old summary stays, no temporary is left.
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "pantau-report-2026-03.csv").write_text("old", encoding="utf-8")
    (folder / "pantau-report-2026-03-cases.csv").mkdir()
    assert dialog.export_csv_to(folder) == []
    assert len(warnings) == 2
    assert str(folder) in warnings[1]
    assert sorted(p.name for p in folder.iterdir()) == [
        "pantau-report-2026-03-cases.csv",
        "pantau-report-2026-03.csv",
    ]
    assert (folder / "pantau-report-2026-03.csv").read_text(encoding="utf-8") == "old"


def test_a_long_table_continues_on_the_next_page(qapp: object, tmp_path: Path) -> None:
    # 80 agencies with one case each: 80 rows of 20 px do not fit on one A4 page
    first = MONTH.cases[1]
    cases = [
        replace(first, id=1000 + n, agency_code=f"OPD{n:02d}", topics=(f"topik{n}",))
        for n in range(80)
    ]
    agencies = [Agency(f"OPD{n:02d}", f"Dinas Nomor {n}") for n in range(80)]
    report = month_report(
        cases,
        year=2026,
        month=3,
        calendar=MONTH.calendar,
        rules=DeadlineRules(),
        agencies=agencies,
        topics=[],
        now=MONTH.now,
    )
    assert len(report.agencies) == 80
    long_pdf, short_pdf = tmp_path / "long.pdf", tmp_path / "short.pdf"
    export_pdf(report, long_pdf)
    export_pdf(Loader()(2026, 3), short_pdf)

    def pages(path: Path) -> int:
        counts = re.findall(rb"/Count (\d+)", path.read_bytes())
        return max(int(c) for c in counts)

    assert pages(short_pdf) == 2
    # two tables of 80 rows (about 1.6 pages each) and three charts
    assert pages(long_pdf) >= 5
