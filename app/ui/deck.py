"""The deck: columns side by side in a horizontally scrolling strip, reordered by drag."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.column_view import COLUMN_MIME, ColumnView
from app.ui.icons import icon


class _Strip(QWidget):
    """The row that holds the columns; accepts column drops and reports the target slot."""

    column_dropped = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 8, 8, 8)
        self.row.setSpacing(8)
        self.row.addStretch(1)
        self._marker = QFrame(self)
        self._marker.setFixedWidth(3)
        self._marker.setStyleSheet("background: #0F766E;")
        self._marker.hide()

    def columns(self) -> list[ColumnView]:
        found = []
        for i in range(self.row.count()):
            item = self.row.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, ColumnView):
                found.append(widget)
        return found

    def slot_at(self, x: int) -> int:
        for slot, column in enumerate(self.columns()):
            if x < column.geometry().center().x():
                return slot
        return len(self.columns())

    def _marker_at(self, slot: int) -> None:
        columns = self.columns()
        if not columns:
            return
        if slot < len(columns):
            x = columns[slot].geometry().left() - 6
        else:
            x = columns[-1].geometry().right() + 3
        self._marker.setGeometry(x, 8, 3, self.height() - 16)
        self._marker.show()
        self._marker.raise_()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(COLUMN_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(COLUMN_MIME):
            self._marker_at(self.slot_at(int(event.position().x())))
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: object) -> None:
        self._marker.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self._marker.hide()
        data = event.mimeData().data(COLUMN_MIME).data()
        try:
            column_id = int(bytes(data).decode())
        except ValueError:
            return
        event.acceptProposedAction()
        self.column_dropped.emit(column_id, self.slot_at(int(event.position().x())))


class Deck(QScrollArea):
    """Holds the ColumnViews in order. Knows nothing of the store: the window persists."""

    order_changed = Signal()
    add_column_requested = Signal()
    add_account_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._strip = _Strip(self)
        self._strip.column_dropped.connect(self._dropped)
        self.setWidget(self._strip)
        self._welcome = self._build_welcome()
        self._strip.row.insertWidget(0, self._welcome, 100)
        self._update_welcome()

    def _build_welcome(self) -> QWidget:
        page = QWidget(self._strip)
        page.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        centre = QHBoxLayout(page)
        box = QFrame(page)
        box.setObjectName("welcome")
        box.setFixedWidth(460)
        box.setStyleSheet(
            "QFrame#welcome { background: palette(base); border: 1px solid palette(midlight);"
            " border-radius: 8px; }"
        )
        centre.addStretch(1)
        centre.addWidget(box, 0, Qt.AlignmentFlag.AlignVCenter)
        centre.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        logo = QLabel(box)
        logo.setPixmap(icon("pantau").pixmap(QSize(72, 72)))
        logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(logo)
        title = QLabel(QCoreApplication.translate("deck", "Welcome to Pantau"), box)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            QCoreApplication.translate(
                "deck",
                "Add the office accounts you answer from, then add columns for mentions, "
                "hashtags such as #KemalaJateng, direct messages and scheduled posts.",
            ),
            box,
        )
        text.setWordWrap(True)
        add_account = QPushButton(QCoreApplication.translate("deck", "Add an account…"), box)
        add_account.clicked.connect(self.add_account_requested)
        add_column = QPushButton(QCoreApplication.translate("deck", "Add a column…"), box)
        add_column.clicked.connect(self.add_column_requested)
        demo = QPushButton(QCoreApplication.translate("deck", "Explore the demo deck"), box)
        demo.clicked.connect(self.demo_requested)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        add_account.setDefault(True)
        for widget in (title, text, add_account, add_column, demo):
            layout.addWidget(widget)
        return page

    def _update_welcome(self) -> None:
        self._welcome.setVisible(not self._strip.columns())

    def columns(self) -> list[ColumnView]:
        return self._strip.columns()

    def column(self, column_id: int) -> ColumnView | None:
        return next((c for c in self.columns() if c.column_id == column_id), None)

    def add(self, view: ColumnView, slot: int | None = None) -> None:
        count = len(self.columns())
        slot = count if slot is None else max(0, min(slot, count))
        # the welcome box sits at index 0 of the row layout
        self._strip.row.insertWidget(slot + 1, view)
        view.move_requested.connect(self.move_by)
        view.layout_changed.connect(self.order_changed)
        self._update_welcome()

    def remove(self, column_id: int) -> ColumnView | None:
        view = self.column(column_id)
        if view is None:
            return None
        self._strip.row.removeWidget(view)
        view.setParent(None)
        self._update_welcome()
        return view

    def move_to(self, column_id: int, slot: int) -> None:
        columns = self.columns()
        view = self.column(column_id)
        if view is None:
            return
        current = columns.index(view)
        if slot > current:
            slot -= 1  # the slot was counted with this column still in place
        slot = max(0, min(slot, len(columns) - 1))
        if slot == current:
            return
        self._strip.row.removeWidget(view)
        self._strip.row.insertWidget(slot + 1, view)
        self.order_changed.emit()

    def move_by(self, column_id: int, delta: int) -> None:
        columns = self.columns()
        view = self.column(column_id)
        if view is None:
            return
        target = columns.index(view) + delta
        if 0 <= target < len(columns):
            self.move_to(column_id, target + (1 if delta > 0 else 0))

    def _dropped(self, column_id: int, slot: int) -> None:
        self.move_to(column_id, slot)

    def reveal(self, column_id: int) -> None:
        view = self.column(column_id)
        if view is not None:
            self.ensureWidgetVisible(view)
