"""QPainter charts: rendered offscreen to PNG and read back, they show their data, their
message when there is none, and the same layout at any device pixel ratio."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.ui.charts import (
    BACKGROUND,
    PALETTE,
    BarChart,
    Chart,
    ChartView,
    LineChart,
    Series,
    nice_step,
    render_png,
    to_image,
)

SIZE = QSize(640, 320)
BLUE, GREEN, RED = "#0072B2", "#009E73", "#D55E00"


def agency_bars() -> BarChart:
    return BarChart(
        title="Cases per agency",
        categories=("DPUBMCK", "DLHK", "BPBD", "DISHUB", "Unassigned"),
        series=(
            Series("Received", (5, 4, 3, 3, 6), BLUE),
            Series("Answered", (5, 3, 3, 2, 1), GREEN),
            Series("Overdue", (3, 0, 0, 1, 2), RED),
        ),
    )


def weekly_line() -> LineChart:
    return LineChart(
        title="Median working days to answer",
        labels=("1 Mar", "2–8 Mar", "9–15 Mar", "16–22 Mar", "23–29 Mar", "30–31 Mar"),
        series=(Series("Median", (2, 3, 4, 5, 4.5, None), PALETTE[4]),),
    )


def pixels(image: QImage) -> list[int]:
    """Every pixel's RGB, on a 2-pixel grid (enough for bars and 2-pixel lines)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return [
        image.pixel(x, y) & 0xFFFFFF
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    ]


def share(image: QImage, color: str) -> float:
    """The fraction of sampled pixels of exactly `color`."""
    rgb = QColor(color).rgb() & 0xFFFFFF
    sample = pixels(image)
    return sum(1 for p in sample if p == rgb) / len(sample)


def ink(image: QImage) -> float:
    background = QColor(BACKGROUND).rgb() & 0xFFFFFF
    sample = pixels(image)
    return sum(1 for p in sample if p != background) / len(sample)


def saved(chart: Chart, tmp_path: Path, name: str, size: QSize = SIZE) -> QImage:
    path = tmp_path / name
    render_png(chart, path, size)
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage(str(path))
    assert not image.isNull()
    return image


def test_bar_chart_png_shows_each_series(qapp: object, tmp_path: Path) -> None:
    image = saved(agency_bars(), tmp_path, "bars.png")
    assert image.size() == SIZE
    assert len(set(pixels(image))) > 20  # bars, text antialiasing, grid
    assert ink(image) > 0.10
    # Received bars are the largest area (21 cases), then answered (14), then overdue (6).
    received, answered, overdue = share(image, BLUE), share(image, GREEN), share(image, RED)
    assert received > answered > overdue > 0.005


def test_line_chart_png_draws_points_and_a_line(qapp: object, tmp_path: Path) -> None:
    image = saved(weekly_line(), tmp_path, "line.png")
    assert image.size() == SIZE
    assert len(set(pixels(image))) > 20
    assert share(image, PALETTE[4]) > 0.002
    # The highest point (5 days, 16-22 Mar) sits above the first one (2 days, 1 Mar).
    color = QColor(PALETTE[4]).rgb() & 0xFFFFFF
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)

    def top_of_line_in(x_from: int, x_to: int) -> int:
        return min(
            y
            for x in range(x_from, x_to)
            for y in range(rgb.height())
            if rgb.pixel(x, y) & 0xFFFFFF == color
        )

    slot = (SIZE.width() - 60) / 6
    first = top_of_line_in(40, int(40 + slot * 0.8))
    fourth = top_of_line_in(int(40 + slot * 3.2), int(40 + slot * 3.8))
    assert fourth < first - 50


@pytest.mark.parametrize("chart", [BarChart("Per agency", (), ()), LineChart("Trend", (), ())])
def test_an_empty_chart_says_so(qapp: object, tmp_path: Path, chart: Chart) -> None:
    image = saved(chart, tmp_path, "empty.png")
    assert image.size() == SIZE
    assert all(share(image, c) == 0 for c in PALETTE)  # no marks
    # the message is drawn around the middle
    middle = image.copy(
        SIZE.width() // 4, SIZE.height() // 3, SIZE.width() // 2, SIZE.height() // 3
    )
    assert ink(middle) > 0.005
    untitled = saved(BarChart("", (), ()), tmp_path, "untitled.png")
    assert ink(untitled) > 0.001  # the message alone


def test_a_chart_of_only_missing_values_is_empty_too(qapp: object) -> None:
    chart = LineChart("Trend", ("W1", "W2"), (Series("Median", (None, None), BLUE),))
    with_message = to_image(chart, SIZE)
    other = to_image(LineChart("Trend", ("W1", "W2"), (), empty_text="Belum ada data"), SIZE)
    assert share(with_message, BLUE) == 0
    assert with_message != other  # its own text replaces the default one


def test_high_dpi_keeps_the_layout(qapp: object) -> None:
    single = to_image(agency_bars(), SIZE)
    double = to_image(agency_bars(), SIZE, device_pixel_ratio=2.0)
    assert double.size() == SIZE * 2
    assert double.devicePixelRatio() == 2.0
    # Painted in logical pixels: the same share of the picture is each colour.
    for color in (BLUE, GREEN, RED):
        assert share(double, color) == pytest.approx(share(single, color), rel=0.15)


def test_many_long_categories_still_fit(qapp: object, tmp_path: Path) -> None:
    names = tuple(f"Dinas Pekerjaan Umum Kabupaten Nomor {n}" for n in range(30))
    chart = BarChart("Per agency", names, (Series("Received", tuple(range(30)), BLUE),))
    image = saved(chart, tmp_path, "many.png", QSize(800, 400))
    assert image.size() == QSize(800, 400)
    assert share(image, BLUE) > 0.02
    # rotated labels take room below the bars, so the tallest bar ends well above the bottom
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    blue = QColor(BLUE).rgb() & 0xFFFFFF
    lowest_blue = max(
        y
        for y in range(rgb.height())
        for x in range(0, rgb.width(), 3)
        if rgb.pixel(x, y) & 0xFFFFFF == blue
    )
    assert lowest_blue < 400 - 60


def test_chart_view_paints_its_chart(qtbot: QtBot) -> None:
    view = ChartView(agency_bars())
    qtbot.addWidget(view)
    view.resize(600, 300)
    shown = view.grab().toImage()
    assert share(shown, BLUE) > 0.01
    view.set_chart(None)
    assert view.chart is None
    assert ink(view.grab().toImage()) == 0


def test_render_png_refuses_a_missing_folder(qapp: object, tmp_path: Path) -> None:
    with pytest.raises(OSError, match="cannot write"):
        render_png(agency_bars(), tmp_path / "missing" / "x.png", SIZE)


def test_nice_steps() -> None:
    assert nice_step(0) == 1
    assert nice_step(3.5) == 1
    assert nice_step(8) == 2
    assert nice_step(21) == 5
    assert nice_step(140) == 50
    assert nice_step(1000) == 200
