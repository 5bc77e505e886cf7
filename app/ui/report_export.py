"""The monthly report as files: two CSVs for spreadsheets, one PNG for a chat group, an A4
PDF for the letter to the governor's office. Every file is written to a temporary name
next to its destination and then moved over it, so a crash never leaves half a report."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from app.reach import reach_csv
from app.report import GroupStats, MonthReport, Term, cases_csv, report_csv
from app.ui.charts import (
    BACKGROUND,
    INK,
    MUTED,
    BarChart,
    Chart,
    LineChart,
    Series,
    format_number,
)
from app.ui.reach_view import (
    best_hours_text,
    followers_chart,
    hours_chart,
    reach_headers,
    reach_rows,
)

RECEIVED_COLOR = "#0072B2"
ANSWERED_COLOR = "#009E73"
OVERDUE_COLOR = "#D55E00"
TREND_COLOR = "#CC79A7"


# --- words --------------------------------------------------------------------------------


def month_title(year: int, month: int) -> str:
    """ "November 2026" / "Maret 2026" in the UI language."""
    name = QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {year}"


def file_stem(report: MonthReport) -> str:
    return f"pantau-report-{report.year:04d}-{report.month:02d}"


def number_or_dash(value: float | None) -> str:
    return "—" if value is None else format_number(value)


def agency_label(row: GroupStats, names: Mapping[str, str]) -> str:
    if names.get(row.code):
        return names[row.code]
    if not row.code:
        return QCoreApplication.translate("report", "Unassigned")
    return row.name or row.code


def topic_label(row: GroupStats, names: Mapping[str, str] | None = None) -> str:
    if names and names.get(row.code):
        return names[row.code]
    if not row.code:
        return QCoreApplication.translate("report", "No topic")
    return row.name or row.code


def agency_names_for_files(names: Mapping[str, str]) -> dict[str, str]:
    """The names the files use: the caller's, plus the unassigned row in the UI language."""
    return {"": QCoreApplication.translate("report", "Unassigned"), **names}


def totals_text(report: MonthReport) -> str:
    total = report.total
    text = QCoreApplication.translate(
        "report",
        "Received %1 · answered %2 · overdue %3 · median %4 working days to answer",
    )
    values = (
        str(total.received),
        str(total.answered),
        str(total.overdue),
        number_or_dash(total.median_days),
    )
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", value)
    return text


def table_headers(first: str) -> list[str]:
    """Column titles of the agency and topic tables, after `first` (Agency / Topic)."""
    return [
        first,
        QCoreApplication.translate("report", "Received"),
        QCoreApplication.translate("report", "Answered"),
        QCoreApplication.translate("report", "Closed"),
        QCoreApplication.translate("report", "Not a complaint"),
        QCoreApplication.translate("report", "Overdue"),
        QCoreApplication.translate("report", "Median days"),
        QCoreApplication.translate("report", "P90 days"),
    ]


def table_cells(row: GroupStats, label: str) -> list[str]:
    return [
        label,
        str(row.received),
        str(row.answered),
        str(row.closed),
        str(row.not_complaint),
        str(row.overdue),
        number_or_dash(row.median_days),
        number_or_dash(row.p90_days),
    ]


def _short_day(day: date) -> str:
    return f"{day.day} {QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)}"


def week_label(first: date, last: date) -> str:
    return _short_day(first) if first == last else f"{first.day}–{_short_day(last)}"


# --- charts -------------------------------------------------------------------------------


def agency_chart(report: MonthReport, names: Mapping[str, str]) -> BarChart:
    """Per agency: received, answered and overdue side by side (codes as labels: they are
    short; the table next to the chart has the names)."""
    rows = report.agencies
    return BarChart(
        title=QCoreApplication.translate("report", "Cases per agency"),
        categories=tuple(
            row.code or QCoreApplication.translate("report", "Unassigned") for row in rows
        ),
        series=(
            Series(
                QCoreApplication.translate("report", "Received"),
                tuple(float(r.received) for r in rows),
                RECEIVED_COLOR,
            ),
            Series(
                QCoreApplication.translate("report", "Answered"),
                tuple(float(r.answered) for r in rows),
                ANSWERED_COLOR,
            ),
            Series(
                QCoreApplication.translate("report", "Overdue"),
                tuple(float(r.overdue) for r in rows),
                OVERDUE_COLOR,
            ),
        ),
    )


def trend_chart(report: MonthReport) -> LineChart:
    """Median working days to answer, per week of arrival."""
    return LineChart(
        title=QCoreApplication.translate(
            "report", "Median working days to answer, by week received"
        ),
        labels=tuple(week_label(w.first, w.last) for w in report.weeks),
        series=(
            Series(
                QCoreApplication.translate("report", "Median working days"),
                tuple(w.median_days for w in report.weeks),
                TREND_COLOR,
            ),
        ),
        empty_text=(
            QCoreApplication.translate(
                "report", "No case received this month has been answered yet."
            )
            if report.total.received
            else ""
        ),
    )


def daily_chart(report: MonthReport) -> LineChart:
    return LineChart(
        title=QCoreApplication.translate("report", "Cases received per day"),
        labels=tuple(str(day) for day in range(1, len(report.per_day) + 1)),
        series=(
            Series(
                QCoreApplication.translate("report", "Received"),
                tuple(float(n) for n in report.per_day) if report.total.received else (),
                RECEIVED_COLOR,
            ),
        ),
        value_labels=False,
    )


# --- atomic files -------------------------------------------------------------------------


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file next to `path` to write; moved over `path` when the block ends
    without an error, deleted otherwise. OSError (no folder, no permission, the old file
    open in a spreadsheet on Windows) passes through."""
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        _flush_to_disk(temporary)
        # mkstemp makes the file private (0600); a report is an ordinary document.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _flush_to_disk(path: Path) -> None:
    # os.replace is atomic, but without fsync a power cut can leave the new name pointing
    # at blocks never written. Windows needs write access to flush a file.
    descriptor = os.open(path, os.O_RDWR)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def export_csv(
    report: MonthReport,
    folder: Path,
    agency_names: Mapping[str, str] | None = None,
    topic_names: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write pantau-report-YYYY-MM.csv (the tables), pantau-report-YYYY-MM-cases.csv (one
    row per case) and, when there is reach, pantau-report-YYYY-MM-reach.csv into `folder`,
    in UTF-8 with a byte-order mark so Excel reads it."""
    summary = folder / f"{file_stem(report)}.csv"
    cases = folder / f"{file_stem(report)}-cases.csv"
    reach = folder / f"{file_stem(report)}-reach.csv"
    texts = {
        summary: report_csv(
            report,
            agency_names_for_files(agency_names or {}),
            {"": QCoreApplication.translate("report", "No topic"), **(topic_names or {})},
        ),
        cases: cases_csv(report.cases, zone=report.zone),
    }
    if report.reach is not None and report.reach.accounts:
        texts[reach] = reach_csv(report.reach)
    with ExitStack() as stack:
        for path, text in texts.items():
            temporary = stack.enter_context(replacing(path))
            with temporary.open("w", encoding="utf-8-sig", newline="") as file:
                file.write(text)
    return list(texts)


# --- PNG ----------------------------------------------------------------------------------


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def report_title() -> str:
    return QCoreApplication.translate("report", "Monthly report")


def report_image(
    report: MonthReport, agency_names: Mapping[str, str] | None = None, width: int = 1200
) -> QImage:
    """Title, totals and the two charts on one image (`width` logical pixels wide)."""
    pad = 32.0
    inner = width - 2 * pad
    charts: list[tuple[Chart, float]] = [
        (agency_chart(report, agency_names or {}), 420.0),
        (trend_chart(report), 300.0),
    ]
    title_font, line_font = _font(24, bold=True), _font(15)
    title_height = QFontMetricsF(title_font).height()
    line_height = QFontMetricsF(line_font).height()
    height = pad + title_height + 8 + line_height + 20 + sum(h + 16 for _, h in charts) + pad
    image = QImage(width, round(height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(BACKGROUND))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        y = pad
        painter.setFont(title_font)
        painter.setPen(QColor(INK))
        heading = f"{report_title()} · {month_title(report.year, report.month)}"
        painter.drawText(QRectF(pad, y, inner, title_height), Qt.AlignmentFlag.AlignLeft, heading)
        y += title_height + 8
        painter.setFont(line_font)
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(pad, y, inner, line_height), Qt.AlignmentFlag.AlignLeft, totals_text(report)
        )
        y += line_height + 20
        for chart, chart_height in charts:
            chart.paint(painter, QRectF(pad, y, inner, chart_height))
            y += chart_height + 16
    finally:
        painter.end()
    return image


def export_png(
    report: MonthReport, path: Path, agency_names: Mapping[str, str] | None = None
) -> None:
    """The report image as a PNG; OSError when it cannot be written."""
    image = report_image(report, agency_names)
    with replacing(path) as temporary:
        # The stubs want bytes for the format; PySide6 itself only takes str.
        if not image.save(str(temporary), "PNG"):  # type: ignore[call-overload]
            raise OSError(f"cannot write {path}")


# --- PDF ----------------------------------------------------------------------------------

PDF_DPI = 96  # one unit = one logical pixel, as the charts are laid out
ROW = 20.0
CHART_HEIGHT = 280.0


class _Page:
    """Where the next thing goes on the PDF, starting a new page when it will not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, footer: str) -> None:
        self.writer = writer
        self.painter = painter
        self.footer = footer
        self.number = 1
        self.width = float(writer.width())
        self.bottom = float(writer.height()) - 24
        self.y = 0.0

    def need(self, height: float, on_new_page: Callable[[], None] | None = None) -> None:
        if self.y + height > self.bottom and self.y > 0:
            self.finish()
            self.writer.newPage()
            self.number += 1
            self.y = 0.0
            if on_new_page is not None:
                on_new_page()

    def finish(self) -> None:
        """The footer of the current page."""
        self.painter.setFont(_font(9))
        self.painter.setPen(QColor(MUTED))
        page = QCoreApplication.translate("report", "page %1").replace("%1", str(self.number))
        self.painter.drawText(
            QRectF(0, self.bottom + 8, self.width, 16),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{self.footer} · {page}",
        )

    def text(self, text: str, pixels: int, *, bold: bool = False, color: str = INK) -> None:
        font = _font(pixels, bold=bold)
        rect = QFontMetricsF(font).boundingRect(
            QRectF(0, 0, self.width, 10_000), Qt.TextFlag.TextWordWrap, text
        )
        self.need(rect.height())
        self.painter.setFont(font)
        self.painter.setPen(QColor(color))
        self.painter.drawText(
            QRectF(0, self.y, self.width, rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            text,
        )
        self.y += rect.height()

    def gap(self, height: float) -> None:
        self.y += height


def _table(page: _Page, headers: Sequence[str], rows: Sequence[list[str]], total: int) -> None:
    """A table with the header repeated on each page; the last `total` rows in bold."""
    header_font, cell_font, bold_font = _font(10, bold=True), _font(11), _font(11, bold=True)
    # Each count column as wide as its longest header word (headers wrap between words),
    # the name column takes the rest.
    header_metrics = QFontMetricsF(header_font)
    number_widths = [
        max(50.0, *(header_metrics.horizontalAdvance(word) + 12 for word in title.split()))
        for title in headers[1:]
    ]
    widths = [page.width - sum(number_widths), *number_widths]
    header_height = QFontMetricsF(header_font).height() * 2 + 6

    def header() -> None:
        page.painter.fillRect(QRectF(0, page.y, page.width, header_height), QColor("#EEF1F4"))
        page.painter.setFont(header_font)
        page.painter.setPen(QColor(INK))
        x = 0.0
        for index, (title, width) in enumerate(zip(headers, widths, strict=True)):
            align = Qt.AlignmentFlag.AlignLeft if index == 0 else Qt.AlignmentFlag.AlignRight
            page.painter.drawText(
                QRectF(x + 4, page.y, width - 8, header_height),
                align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                title,
            )
            x += width
        page.y += header_height

    page.need(header_height + ROW)
    header()
    for number, cells in enumerate(rows):
        page.need(ROW, header)
        font = bold_font if number >= len(rows) - total else cell_font
        metrics = QFontMetricsF(font)
        page.painter.setFont(font)
        page.painter.setPen(QColor(INK))
        x = 0.0
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            align = Qt.AlignmentFlag.AlignLeft if index == 0 else Qt.AlignmentFlag.AlignRight
            shown = metrics.elidedText(cell, Qt.TextElideMode.ElideRight, width - 8)
            page.painter.drawText(
                QRectF(x + 4, page.y, width - 8, ROW), align | Qt.AlignmentFlag.AlignVCenter, shown
            )
            x += width
        page.painter.setPen(QColor("#E4E7EB"))
        line = page.y + ROW
        page.painter.drawLine(QPointF(0, line), QPointF(page.width, line))
        page.y += ROW


def _reach(page: _Page, report: MonthReport) -> None:
    """The office accounts' followers and engagement: a table, then the two charts."""
    reach = report.reach
    assert reach is not None
    page.gap(16)
    page.text(QCoreApplication.translate("report", "Account reach"), 14, bold=True)
    page.gap(4)
    _table(page, reach_headers(), reach_rows(reach), 0)
    best = best_hours_text(reach)
    if best:
        page.text(best, 10, color=MUTED)
    for chart in (followers_chart(reach, report.first_day), hours_chart(reach)):
        page.gap(16)
        page.need(CHART_HEIGHT)
        chart.paint(page.painter, QRectF(0, page.y, page.width, CHART_HEIGHT))
        page.y += CHART_HEIGHT


def _terms(page: _Page, words: Sequence[Term], phrases: Sequence[Term]) -> None:
    half = page.width / 2
    font, bold = _font(11), _font(11, bold=True)
    page.need(ROW * 2)
    page.painter.setPen(QColor(INK))
    page.painter.setFont(bold)
    for column, title in enumerate(
        (
            QCoreApplication.translate("report", "Words"),
            QCoreApplication.translate("report", "Phrases"),
        )
    ):
        page.painter.drawText(QRectF(half * column, page.y, half, ROW), title)
    page.y += ROW
    page.painter.setFont(font)
    for number in range(max(len(words), len(phrases))):
        page.need(ROW)
        for column, terms in enumerate((words, phrases)):
            if number < len(terms):
                term = terms[number]
                page.painter.drawText(
                    QRectF(half * column, page.y, half - 12, ROW),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    f"{number + 1}. {term.text} ({term.cases})",
                )
        page.y += ROW
    if not words and not phrases:
        page.painter.drawText(QRectF(0, page.y, page.width, ROW), "—")
        page.y += ROW


def export_pdf(
    report: MonthReport,
    path: Path,
    agency_names: Mapping[str, str] | None = None,
    topic_names: Mapping[str, str] | None = None,
) -> None:
    """An A4 report: title, month, totals, the agency and topic tables (continued on the
    next page when long), the charts and the month's words. OSError when it cannot be
    written."""
    with replacing(path) as temporary:
        # In a function of its own so the writer, which holds the file open, is gone
        # before the file is moved (Windows cannot move an open file).
        _write_pdf(report, temporary, agency_names or {}, topic_names)


def _write_pdf(
    report: MonthReport,
    path: Path,
    names: Mapping[str, str],
    topic_names: Mapping[str, str] | None,
) -> None:
    month = month_title(report.year, report.month)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(16, 16, 16, 16), QPageLayout.Unit.Millimeter)
    writer.setResolution(PDF_DPI)
    writer.setTitle(f"{report_title()} {month}")
    writer.setCreator("Pantau")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        page = _Page(writer, painter, f"Pantau · {report_title()} {month}")
        page.text(report_title(), 22, bold=True)
        page.text(month, 15, color=MUTED)
        page.gap(8)
        page.text(totals_text(report), 12)
        page.gap(16)
        page.text(QCoreApplication.translate("report", "By agency"), 14, bold=True)
        page.gap(4)
        rows = [table_cells(r, agency_label(r, names)) for r in report.agencies]
        rows.append(table_cells(report.total, QCoreApplication.translate("report", "Total")))
        _table(page, table_headers(QCoreApplication.translate("report", "Agency")), rows, 1)
        page.gap(16)
        page.text(QCoreApplication.translate("report", "By topic"), 14, bold=True)
        page.gap(4)
        rows = [table_cells(r, topic_label(r, topic_names)) for r in report.topics]
        _table(page, table_headers(QCoreApplication.translate("report", "Topic")), rows, 0)
        page.text(
            QCoreApplication.translate(
                "report", "A case with several topics is counted under each of them."
            ),
            10,
            color=MUTED,
        )
        for chart in (agency_chart(report, names), trend_chart(report), daily_chart(report)):
            page.gap(16)
            page.need(CHART_HEIGHT)
            chart.paint(painter, QRectF(0, page.y, page.width, CHART_HEIGHT))
            page.y += CHART_HEIGHT
        page.gap(16)
        page.need(ROW * 4)
        page.text(QCoreApplication.translate("report", "What people wrote about"), 14, bold=True)
        page.gap(4)
        _terms(page, report.top_words, report.top_phrases)
        if report.reach is not None and report.reach.accounts:
            _reach(page, report)
        page.finish()
    finally:
        painter.end()
