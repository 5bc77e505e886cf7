"""`pantau report`: the month's files written without a window, totals as in the inbox."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app import demo, paths
from app.main import main
from app.report import month_bounds
from app.store import Store
from app.ui.report_cli import previous_month
from app.workdays import JAKARTA


def test_previous_month_wraps_the_year() -> None:
    assert previous_month(datetime(2027, 1, 5, tzinfo=UTC)) == (2026, 12)
    assert previous_month(datetime(2026, 11, 23, tzinfo=UTC)) == (2026, 10)


def test_report_command_writes_csv_png_pdf_matching_the_store(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC)
    store = Store.open(paths.database_path("demo"))
    demo.populate(store, now=now)
    wib = (now - timedelta(days=10)).astimezone(JAKARTA)  # a month the demo has filled
    month = f"{wib.year}-{wib.month:02d}"
    start, end = month_bounds(wib.year, wib.month, JAKARTA)
    store.close()
    out = tmp_path / "laporan"

    code = main(["report", "--demo", "--month", month, "--out", str(out), "--lang", "id"])

    assert code == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 5  # summary, cases, reach CSV; PNG; PDF
    summary = out / f"pantau-report-{month}.csv"
    with summary.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    total = next(r for r in rows if r["group"] == "total")
    agencies = [r for r in rows if r["group"] == "agency"]
    assert sum(int(r["received"]) for r in agencies) == int(total["received"])
    assert any(r["name"] == "Belum didisposisikan" for r in agencies)  # in Indonesian
    store = Store.open(paths.database_path("demo"))
    try:
        in_store = len(store.cases_received(start, end))
    finally:
        store.close()
    assert int(total["received"]) == in_store > 0
    with (out / f"pantau-report-{month}-reach.csv").open(encoding="utf-8-sig") as file:
        reach = list(csv.DictReader(file))
    assert {r["account"] for r in reach} == {"@HumasJatengDemo", "@lpse@sosmed.jatengprov.example"}
    for row in reach:
        assert int(row["growth"]) == int(row["followers_last"]) - int(row["followers_first"])
        assert int(row["posts"]) > 0
    image = QImage(str(out / f"pantau-report-{month}.png"))
    assert image.width() >= 800
    assert (out / f"pantau-report-{month}.pdf").read_bytes().startswith(b"%PDF")


def test_report_command_refuses_a_bad_month(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["report", "--month", "November", "--out", "x"])
    assert raised.value.code == 2
    assert "2026-11" in capsys.readouterr().err
