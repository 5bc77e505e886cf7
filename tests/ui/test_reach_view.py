"""The report's reach tab on the demo: one row per office account, charts drawn."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app import triage
from app.settings import Settings
from app.store import Store
from app.ui.charts import has_data
from app.ui.reach_view import followers_chart, hours_chart
from app.ui.report_dialog import ReportDialog
from tests.ui.conftest import NOW


def test_reach_tab_shows_each_office_account(qtbot: QtBot, demo_store: Store) -> None:
    settings = Settings(demo_store)
    dialog = ReportDialog(
        lambda year, month: triage.month_report(demo_store, settings, year, month, NOW),
        {},
        (2026, 11),
    )
    qtbot.addWidget(dialog)
    tab = dialog.reach_tab
    assert tab.table.rowCount() == 2
    cells = [[tab.table.item(r, c) for c in range(8)] for r in range(2)]
    text = [[c.text() if c is not None else "" for c in row] for row in cells]
    assert {row[0] for row in text} == {"@HumasJatengDemo", "@lpse@sosmed.jatengprov.example"}
    growth = [row[3] for row in text]
    assert all(g.startswith(("+", "-")) for g in growth)
    assert tab.best.text()
    report = dialog.report
    assert report is not None
    assert report.reach is not None
    assert has_data(followers_chart(report.reach, report.first_day))
    assert has_data(hours_chart(report.reach))
    dialog.show_month(2025, 1)  # before any sample: empty, and still no error
    assert tab.table.rowCount() == 0
