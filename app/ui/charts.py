"""Bar and line charts painted with QPainter (PySide6-Essentials has no QtCharts).

A chart is a frozen data object with `paint(painter, rect)`, so one chart draws on a widget
(ChartView), into an image (to_image, render_png) or onto a PDF page. Everything is laid
out in logical pixels with pixel-sized fonts: on a high-DPI screen or an image with a device
pixel ratio Qt scales it, and on a 96-dpi QPdfWriter page it keeps its proportions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

# Okabe-Ito: tells apart for the common colour-vision deficiencies and in greyscale print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")
BACKGROUND = "#FFFFFF"
INK = "#1F2933"
MUTED = "#52606D"
GRID = "#E4E7EB"
AXIS = "#9AA5B1"

PAD = 12.0
TITLE_PX = 15
LABEL_PX = 11
VALUE_PX = 10
MAX_ROTATED_LABEL = 120.0


@dataclass(frozen=True, slots=True)
class Series:
    """One row of values, one per category; None is "no value" (no bar, a gap in a line).
    `color` is "#RRGGBB"; empty takes the palette's colour for the series' position."""

    name: str
    values: tuple[float | None, ...]
    color: str = ""


@dataclass(frozen=True, slots=True)
class BarChart:
    """Grouped bars: one group per category, one bar per series."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    empty_text: str = ""  # empty: "No data for this month"

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        _paint(self, painter, rect)


@dataclass(frozen=True, slots=True)
class LineChart:
    """Points joined by lines, one line per series, over evenly spaced labels."""

    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    empty_text: str = ""
    value_labels: bool = True  # print each point's value (when there is room)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        _paint(self, painter, rect)


Chart = BarChart | LineChart


def has_data(chart: Chart) -> bool:
    return any(v is not None for s in chart.series for v in s.values)


def no_data_text() -> str:
    return QCoreApplication.translate("charts", "No data for this month")


# --- layout helpers -------------------------------------------------------------------------


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _color(series: Series, index: int) -> QColor:
    return QColor(series.color or PALETTE[index % len(PALETTE)])


def format_number(value: float) -> str:
    """A value as the UI language writes it: 3, 3,5 (Indonesian) or 3.5 (English)."""
    if float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", 1)


def nice_step(top: float, ticks: int = 5) -> float:
    """A round gridline step (1, 2 or 5 times a power of ten, at least 1: the charts count
    cases and days) giving about `ticks` lines up to `top`."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(f * power for f in (1, 2, 5, 10) if f * power >= raw)
    return max(1.0, float(step))


def _legend(chart: Chart, painter: QPainter, left: float, top: float, width: float) -> float:
    """Draw the legend from (left, top), wrapping; return the height it took."""
    if len(chart.series) < 2:
        return 0.0
    font = _font(LABEL_PX)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    line = metrics.height()
    x, y = left, top
    for index, series in enumerate(chart.series):
        item = 14 + metrics.horizontalAdvance(series.name) + 16
        if x > left and x + item > left + width:
            x, y = left, y + line + 4
        painter.fillRect(QRectF(x, y + (line - 10) / 2, 10, 10), _color(series, index))
        painter.setPen(QColor(INK))
        painter.drawText(
            QRectF(x + 14, y, item - 14, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            series.name,
        )
        x += item
    return y + line - top + 8


def _header(chart: Chart, painter: QPainter, rect: QRectF) -> float:
    """Title and legend; returns the y where the plot may start."""
    y = rect.top() + PAD
    if chart.title:
        font = _font(TITLE_PX, bold=True)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(QColor(INK))
        text = metrics.elidedText(chart.title, Qt.TextElideMode.ElideRight, rect.width() - 2 * PAD)
        painter.drawText(
            QRectF(rect.left() + PAD, y, rect.width() - 2 * PAD, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        y += metrics.height() + 6
    return y + _legend(chart, painter, rect.left() + PAD, y, rect.width() - 2 * PAD)


def _empty(chart: Chart, painter: QPainter, area: QRectF) -> None:
    painter.setFont(_font(LABEL_PX + 2))
    painter.setPen(QColor(MUTED))
    painter.drawText(
        area,
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        chart.empty_text or no_data_text(),
    )


def _labels(chart: Chart) -> tuple[str, ...]:
    return chart.categories if isinstance(chart, BarChart) else chart.labels


def _paint(chart: Chart, painter: QPainter, rect: QRectF) -> None:
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(rect, QColor(BACKGROUND))
        top = _header(chart, painter, rect)
        body = QRectF(rect.left() + PAD, top, rect.width() - 2 * PAD, rect.bottom() - PAD - top)
        if not has_data(chart) or not _labels(chart) or body.height() < 40 or body.width() < 60:
            _empty(chart, painter, body)
            return
        plot = _axes(chart, painter, body, rect)
        if isinstance(chart, BarChart):
            _bars(chart, painter, plot)
        else:
            _lines(chart, painter, plot)
    finally:
        painter.restore()


# --- axes -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Plot:
    area: QRectF  # where values are drawn
    top_value: float  # the value at area.top()

    def y(self, value: float) -> float:
        return self.area.bottom() - value / self.top_value * self.area.height()

    def slot(self, count: int) -> float:
        return self.area.width() / max(count, 1)


def _axes(chart: Chart, painter: QPainter, body: QRectF, rect: QRectF) -> _Plot:
    highest = max(v for s in chart.series for v in s.values if v is not None)
    step = nice_step(highest)
    top_value = max(step, math.ceil(highest / step) * step)
    if highest >= top_value * 0.92:  # leave room for the value labels above the top bar
        top_value += step
    ticks = [step * i for i in range(round(top_value / step) + 1)]
    font = _font(LABEL_PX)
    metrics = QFontMetricsF(font)
    y_width = max(metrics.horizontalAdvance(format_number(t)) for t in ticks) + 8
    labels = _labels(chart)
    left = body.left() + y_width
    width = body.right() - left
    slot = width / len(labels)
    bottom_height, rotated = _x_label_height(labels, metrics, slot)
    area = QRectF(left, body.top() + metrics.height() / 2, width, 0)
    area.setBottom(body.bottom() - bottom_height)
    plot = _Plot(area, top_value)
    painter.setFont(font)
    for tick in ticks:
        y = plot.y(tick)
        painter.setPen(QPen(QColor(GRID if tick else AXIS), 1))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(body.left(), y - metrics.height() / 2, y_width - 6, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            format_number(tick),
        )
    _x_labels(labels, painter, plot, metrics, rotated=rotated, min_x=rect.left())
    return plot


def _x_label_height(
    labels: Sequence[str], metrics: QFontMetricsF, slot: float
) -> tuple[float, bool]:
    widest = max(metrics.horizontalAdvance(text) for text in labels)
    if widest <= slot - 4 or slot >= 56 or _every(labels, metrics, slot) > 1:
        return metrics.height() + 6, False
    rotated = min(widest, MAX_ROTATED_LABEL)
    return (rotated + metrics.height()) * math.sqrt(0.5) + 8, True


def _every(labels: Sequence[str], metrics: QFontMetricsF, slot: float) -> int:
    """For short labels (days of a month): print every n-th so they do not collide."""
    widest = max(metrics.horizontalAdvance(text) for text in labels)
    if widest > 40 or widest <= slot - 4:
        return 1
    return math.ceil((widest + 6) / slot)


def _x_labels(
    labels: Sequence[str],
    painter: QPainter,
    plot: _Plot,
    metrics: QFontMetricsF,
    *,
    rotated: bool,
    min_x: float,
) -> None:
    slot = plot.slot(len(labels))
    every = _every(labels, metrics, slot)
    painter.setPen(QColor(INK))
    y = plot.area.bottom() + 4
    for index, text in enumerate(labels):
        if index % every:
            continue
        center = plot.area.left() + slot * (index + 0.5)
        if rotated:
            room = min(MAX_ROTATED_LABEL, (center - min_x - 2) / math.sqrt(0.5))
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(shown) + 1
            painter.save()
            painter.translate(center, y + 2)
            painter.rotate(-45)
            painter.drawText(
                QRectF(-width, -metrics.height() / 2, width, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            painter.restore()
        else:
            room = slot * every - 2
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.drawText(
                QRectF(center - room / 2, y, room, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                shown,
            )


# --- marks ----------------------------------------------------------------------------------


def _value_label(
    painter: QPainter, metrics: QFontMetricsF, x: float, y: float, value: float
) -> None:
    text = format_number(value)
    width = metrics.horizontalAdvance(text) + 2
    painter.drawText(
        QRectF(x - width / 2, y - metrics.height() - 2, width, metrics.height()),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
        text,
    )


def _bars(chart: BarChart, painter: QPainter, plot: _Plot) -> None:
    count = len(chart.categories)
    slot = plot.slot(count)
    group = slot * (0.8 if count > 1 else 0.5)
    group = min(group, 64.0 * len(chart.series))
    bar = group / max(len(chart.series), 1)
    font = _font(VALUE_PX)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    labels_fit = bar >= metrics.horizontalAdvance("888") - 1
    for index in range(count):
        left = plot.area.left() + slot * index + (slot - group) / 2
        for number, series in enumerate(chart.series):
            value = series.values[index] if index < len(series.values) else None
            if value is None:
                continue
            x = left + bar * number
            top = plot.y(value)
            shape = QRectF(x + 0.5, top, max(bar - 1.5, 1.0), plot.area.bottom() - top)
            painter.fillRect(shape, _color(series, number))
            if labels_fit:
                painter.setPen(QColor(INK))
                _value_label(painter, metrics, x + bar / 2, top, value)


def _lines(chart: LineChart, painter: QPainter, plot: _Plot) -> None:
    count = len(chart.labels)
    slot = plot.slot(count)
    font = _font(VALUE_PX)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    labels_fit = chart.value_labels and slot >= metrics.horizontalAdvance("88,8") + 2
    for number, series in enumerate(chart.series):
        color = _color(series, number)
        points = [
            None if value is None else QPointF(plot.area.left() + slot * (i + 0.5), plot.y(value))
            for i, value in enumerate(series.values[:count])
        ]
        path = QPainterPath()
        pen_down = False
        for point in points:
            if point is None:
                pen_down = False
            elif pen_down:
                path.lineTo(point)
            else:
                path.moveTo(point)
                pen_down = True
        painter.setPen(QPen(color, 2.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(color)
        painter.setPen(QPen(QColor(BACKGROUND), 1.5))
        radius = 4.0 if count <= 16 else 3.0
        for point in points:
            if point is not None:
                painter.drawEllipse(point, radius, radius)
        if labels_fit:
            painter.setPen(QColor(INK))
            for point, value in zip(points, series.values, strict=False):
                if point is not None and value is not None:
                    _value_label(painter, metrics, point.x(), point.y() - radius, value)


# --- showing and saving ---------------------------------------------------------------------


class ChartView(QWidget):
    """Shows one chart, repainted at the widget's size."""

    def __init__(self, chart: Chart | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart = chart
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def chart(self) -> Chart | None:
        return self._chart

    def set_chart(self, chart: Chart | None) -> None:
        self._chart = chart
        self.setToolTip(chart.title if chart is not None else "")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 160)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if self._chart is None:
                painter.fillRect(self.rect(), QColor(BACKGROUND))
            else:
                self._chart.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()


def to_image(chart: Chart, size: QSize | QSizeF, device_pixel_ratio: float = 1.0) -> QImage:
    """The chart painted on an opaque image of `size` logical pixels (times the ratio)."""
    width, height = size.width(), size.height()
    image = QImage(
        max(1, round(width * device_pixel_ratio)),
        max(1, round(height * device_pixel_ratio)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(device_pixel_ratio)
    image.fill(QColor(BACKGROUND))
    painter = QPainter(image)
    try:
        chart.paint(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    return image


def render_png(
    chart: Chart, path: Path | str, size: QSize | QSizeF, device_pixel_ratio: float = 1.0
) -> None:
    """Save the chart as a PNG; OSError when the file cannot be written."""
    image = to_image(chart, size, device_pixel_ratio)
    # The stubs want bytes for the format; PySide6 itself only takes str.
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"cannot write {path}")
