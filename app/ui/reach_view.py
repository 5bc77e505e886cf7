"""The reach section of the monthly report: per office account its followers and what
people did with its posts, a follower chart and the hours whose posts did best."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.reach import ReachReport
from app.ui.charts import PALETTE, BarChart, ChartView, LineChart, Series


def reach_headers() -> list[str]:
    return [
        QCoreApplication.translate("reach", "Account"),
        QCoreApplication.translate("reach", "Followers at start"),
        QCoreApplication.translate("reach", "Followers at end"),
        QCoreApplication.translate("reach", "Growth"),
        QCoreApplication.translate("reach", "Posts"),
        QCoreApplication.translate("reach", "Replies"),
        QCoreApplication.translate("reach", "Reposts"),
        QCoreApplication.translate("reach", "Likes"),
    ]


def reach_rows(reach: ReachReport) -> list[list[str]]:
    def number(value: int | None, *, signed: bool = False) -> str:
        if value is None:
            return "—"
        return f"{value:+d}" if signed else str(value)

    return [
        [a.label, number(a.followers_first), number(a.followers_last),
         number(a.growth, signed=True), str(a.posts), str(a.replies), str(a.reposts),
         str(a.likes)]
        for a in reach.accounts
    ]  # fmt: skip


def followers_chart(reach: ReachReport, first: date) -> LineChart:
    days = max((len(v) for v in reach.followers.values()), default=0)
    return LineChart(
        title=QCoreApplication.translate("reach", "Followers per day"),
        labels=tuple(str((first + timedelta(days=n)).day) for n in range(days)),
        series=tuple(
            Series(
                label,
                tuple(None if v is None else float(v) for v in values),
                PALETTE[n % len(PALETTE)],
            )
            for n, (label, values) in enumerate(sorted(reach.followers.items()))
        ),
        empty_text=QCoreApplication.translate(
            "reach", "No follower counts yet: Pantau samples them once a day while it runs."
        ),
        value_labels=False,
    )


def hours_chart(reach: ReachReport) -> BarChart:
    shown = [h for h in reach.hours if h.posts]
    return BarChart(
        title=QCoreApplication.translate(
            "reach", "Replies, reposts and likes per post, by hour posted"
        ),
        categories=tuple(f"{h.hour:02d}" for h in shown),
        series=(
            Series(
                QCoreApplication.translate("reach", "Per post"),
                tuple(h.mean_engagement or 0.0 for h in shown),
                PALETTE[2],
            ),
        ),
        empty_text=QCoreApplication.translate("reach", "The office posted nothing this month."),
    )


def best_hours_text(reach: ReachReport) -> str:
    if not reach.best_hours:
        return ""
    hours = ", ".join(f"{h:02d}.00–{h:02d}.59" for h in reach.best_hours)
    return QCoreApplication.translate("reach", "Posts did best when published at %1.").replace(
        "%1", hours
    )


class ReachTab(QWidget):
    """The report dialog's reach tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.best = QLabel(self)
        self.best.setWordWrap(True)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        self.followers_view = ChartView(parent=charts)
        self.hours_view = ChartView(parent=charts)
        charts.addWidget(self.followers_view)
        charts.addWidget(self.hours_view)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.best)
        layout.addWidget(charts, 2)

    def show_reach(self, reach: ReachReport | None, first: date) -> None:
        self.table.clear()
        if reach is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.best.setText("")
            self.followers_view.set_chart(None)
            self.hours_view.set_chart(None)
            return
        headers = reach_headers()
        rows = reach_rows(reach)
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.best.setText(best_hours_text(reach))
        self.followers_view.set_chart(followers_chart(reach, first))
        self.hours_view.set_chart(hours_chart(reach))
