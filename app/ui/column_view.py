"""One column on screen: header, problem banner and the list of rows, plus a resize grip."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDrag, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Entry, EntryKind
from app.ui.avatars import AvatarCache
from app.ui.column_controller import ColumnController
from app.ui.errors import needs_sign_in
from app.ui.icons import icon, network_name
from app.ui.post_delegate import PostDelegate
from app.ui.post_model import PostModel
from app.ui.timefmt import relative_time

COLUMN_MIME = "application/x-pantau-column"
CASE_KEYS = {
    Qt.Key.Key_A: "assign",
    Qt.Key.Key_S: "status",
    Qt.Key.Key_C: "note",
    Qt.Key.Key_R: "reply",
    Qt.Key.Key_O: "open",
    Qt.Key.Key_Return: "case",
    Qt.Key.Key_Enter: "case",
}
"""One key per triage step on a selected case (A for assign, S status, C catatan/note)."""
MIN_WIDTH = 260
MAX_WIDTH = 900


class DragGrip(QLabel):
    """The handle a column is dragged by to reorder the deck."""

    def __init__(self, column_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column_id = column_id
        self._press: QPoint | None = None
        self.setPixmap(icon("drag").pixmap(QSize(16, 16)))
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(QCoreApplication.translate("column", "Drag to move this column"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        if (event.position().toPoint() - self._press).manhattanLength() < 8:
            return
        self._press = None
        drag = QDrag(self)
        mime = QMimeData()
        mime.setData(COLUMN_MIME, str(self._column_id).encode())
        drag.setMimeData(mime)
        column = self.window().findChild(ColumnView, f"column-{self._column_id}")
        if column is not None:
            drag.setPixmap(column.grab().scaledToWidth(160))
        drag.exec(Qt.DropAction.MoveAction)


class ResizeGrip(QWidget):
    """A thin strip on the right edge; dragging it changes the column's width."""

    dragged = Signal(int)
    released = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(5)
        self.setCursor(Qt.CursorShape.SizeHorCursor)
        self._start_x: int | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start_x = int(event.globalPosition().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start_x is not None:
            x = int(event.globalPosition().x())
            self.dragged.emit(x - self._start_x)
            self._start_x = x

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._start_x = None
        self.released.emit()


def setup_post_list(view: QListView, model: PostModel, delegate: PostDelegate) -> None:
    """How every list of posts scrolls and lays out: by pixel, rows as tall as their text."""
    view.setItemDelegate(delegate)
    view.setModel(model)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalScrollBar().setSingleStep(24)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setMouseTracking(True)
    view.setUniformItemSizes(False)
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" instead of widening the column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))


class ColumnView(QFrame):
    """The widgets of one column; all logic lives in its ColumnController."""

    close_requested = Signal(int)
    move_requested = Signal(int, int)
    settings_requested = Signal(int)
    sign_in_requested = Signal(str)
    thread_requested = Signal(object)
    case_requested = Signal(str, object)
    """A triage step on cases: (a CASE_KEYS value, the selected entries)."""
    layout_changed = Signal()

    def __init__(
        self,
        controller: ColumnController,
        parent: QWidget | None = None,
        *,
        avatars: AvatarCache | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.column_id = controller.spec.id or 0
        self.setObjectName(f"column-{self.column_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setFixedWidth(max(MIN_WIDTH, min(controller.state.width, MAX_WIDTH)))

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        outer.addLayout(body)
        grip = ResizeGrip(self)
        grip.dragged.connect(self._resize_by)
        grip.released.connect(self.layout_changed)
        outer.addWidget(grip)

        body.addWidget(self._build_header())
        self.problem_box = QFrame(self)
        self.problem_box.setObjectName("problem")
        self.problem_box.setStyleSheet(
            "QFrame#problem { background: #FEF3F2; } QFrame#problem QLabel { color: #B42318; }"
        )
        problem_row = QHBoxLayout(self.problem_box)
        problem_row.setContentsMargins(10, 6, 6, 6)
        self.banner = QLabel(self.problem_box)
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.sign_in_button = QPushButton(
            QCoreApplication.translate("column", "Sign in again"), self.problem_box
        )
        self.sign_in_button.clicked.connect(self._sign_in_clicked)
        problem_row.addWidget(self.banner, 1)
        problem_row.addWidget(self.sign_in_button)
        self.problem_box.setVisible(False)
        body.addWidget(self.problem_box)

        self.list = self._build_list(controller, avatars)
        body.addWidget(self.list)
        if controller.kind is not None and controller.kind.multi_select:
            self.list.installEventFilter(self)  # the triage keys

        controller.busy_changed.connect(self._set_busy)
        controller.problem_changed.connect(self._show_problem)
        controller.refreshed.connect(self.update_header)
        controller.spec_changed.connect(self._spec_changed)
        controller.model.unread_changed.connect(self._show_unread)
        self._show_problem(controller.problem)
        self.update_header()

    def _build_list(self, controller: ColumnController, avatars: AvatarCache | None) -> QListView:
        view = QListView(self)
        view.setObjectName("posts")
        self.delegate = PostDelegate(view, avatars=avatars)
        if avatars is not None:
            avatars.ready.connect(view.viewport().update)
        setup_post_list(view, controller.model, self.delegate)
        kind = controller.kind
        if kind is not None and kind.multi_select:  # bulk assignment in the inbox
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.doubleClicked.connect(self._double_clicked)
        else:
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.verticalScrollBar().valueChanged.connect(self._scrolled)
        view.clicked.connect(self._clicked)
        return view

    def _build_header(self) -> QWidget:
        header = QWidget(self)
        header.setObjectName("header")
        header.setStyleSheet("QWidget#header { border-bottom: 1px solid palette(midlight); }")
        row = QHBoxLayout(header)
        row.setContentsMargins(6, 6, 4, 6)
        row.setSpacing(6)
        row.addWidget(DragGrip(self.column_id, header))
        self.kind_icon = QLabel(header)
        row.addWidget(self.kind_icon)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        self.title = ElidedLabel(header)
        self.title.setObjectName("title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.subtitle = ElidedLabel(header)
        self.subtitle.setObjectName("subtitle")
        self.updated = ElidedLabel(header)
        self.updated.setObjectName("updated")
        small = self.updated.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.updated.setFont(small)
        for label in (self.subtitle, self.updated):
            label.setStyleSheet("color: palette(placeholder-text);")
        texts.addWidget(self.title)
        texts.addWidget(self.subtitle)
        texts.addWidget(self.updated)
        row.addLayout(texts, 1)
        self.unread = QLabel(header)
        self.unread.setObjectName("unread")
        self.unread.setStyleSheet(
            "QLabel#unread { background: #0F766E; color: white; border-radius: 9px;"
            " padding: 1px 7px; font-weight: bold; }"
        )
        self.unread.setVisible(False)
        row.addWidget(self.unread)
        self.alert = QLabel(header)
        self.alert.setObjectName("alert")
        self.alert.setStyleSheet(
            "QLabel#alert { background: #B42318; color: white; border-radius: 9px;"
            " padding: 1px 7px; font-weight: bold; }"
        )
        self.alert.setVisible(False)
        row.addWidget(self.alert)
        self.refresh_button = self._tool_button(
            header, "refresh", QCoreApplication.translate("column", "Refresh")
        )
        self.refresh_button.clicked.connect(self.controller.refresh)
        self.menu_button = self._tool_button(
            header, "settings", QCoreApplication.translate("column", "Column settings")
        )
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(self._build_menu())
        close = self._tool_button(
            header, "close", QCoreApplication.translate("column", "Remove column")
        )
        close.clicked.connect(lambda: self.close_requested.emit(self.column_id))
        for button in (self.refresh_button, self.menu_button, close):
            row.addWidget(button)
        return header

    def _tool_button(self, parent: QWidget, icon_name: str, tip: str) -> QToolButton:
        button = QToolButton(parent)
        button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def _build_menu(self) -> QMenu:
        menu = QMenu(self)
        settings = menu.addAction(QCoreApplication.translate("column", "Settings…"))
        settings.triggered.connect(lambda: self.settings_requested.emit(self.column_id))
        read = menu.addAction(QCoreApplication.translate("column", "Mark all as read"))
        read.triggered.connect(self.controller.mark_all_read)
        menu.addSeparator()
        left = menu.addAction(QCoreApplication.translate("column", "Move left"))
        left.triggered.connect(lambda: self.move_requested.emit(self.column_id, -1))
        right = menu.addAction(QCoreApplication.translate("column", "Move right"))
        right.triggered.connect(lambda: self.move_requested.emit(self.column_id, 1))
        return menu

    # --- header state ---------------------------------------------------------------------

    def update_header(self) -> None:
        controller = self.controller
        kind = controller.kind
        self.kind_icon.setPixmap(icon(kind.icon if kind else "warning").pixmap(QSize(20, 20)))
        self.title.set_full_text(controller.title())
        account = controller.account()
        if account is not None:
            self.subtitle.set_full_text(f"{account.label} · {network_name(account.network)}")
        elif not controller.spec.account_id:
            self.subtitle.set_full_text(QCoreApplication.translate("column", "All accounts"))
        else:
            self.subtitle.set_full_text(QCoreApplication.translate("column", "Account removed"))
        when = controller.last_refreshed()
        now = datetime.now(UTC)
        if when is not None and (now - when).total_seconds() < 60:
            text = QCoreApplication.translate("column", "updated just now")
        elif when is not None:
            age = relative_time(when, now)
            text = QCoreApplication.translate("column", "updated %1 ago").replace("%1", age)
        elif controller.feed_keys():
            text = QCoreApplication.translate("column", "not fetched yet")
        else:
            text = QCoreApplication.translate("column", "kept on this computer")
        self.updated.set_full_text(text)
        self._show_unread(controller.model.unread_count())
        alert = controller.alert()
        self.alert.setText(alert)
        self.alert.setVisible(bool(alert))

    def _show_unread(self, count: int) -> None:
        self.unread.setText(str(count) if count < 100 else "99+")
        self.unread.setVisible(count > 0)
        self.unread.setToolTip(QCoreApplication.translate("column", "%n unread", "", count))

    def _set_busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)

    def _show_problem(self, text: str) -> None:
        self.banner.setText(text)
        self.problem_box.setVisible(bool(text))
        error = self.controller.last_error
        self.sign_in_button.setVisible(bool(text) and error is not None and needs_sign_in(error))

    def _sign_in_clicked(self) -> None:
        error = self.controller.last_error
        if error is not None:
            self.sign_in_requested.emit(error.account_id)

    def _spec_changed(self) -> None:
        self.delegate.clear_cache()
        self.update_header()

    # --- geometry and scroll ----------------------------------------------------------------

    def _resize_by(self, dx: int) -> None:
        self.setFixedWidth(max(MIN_WIDTH, min(self.width() + dx, MAX_WIDTH)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.delegate.clear_cache()
        # Row heights depend on the width; relayout after the width settles.
        # With the list as context the call is dropped if the column is deleted first.
        QTimer.singleShot(0, self.list, self.list.doItemsLayout)

    def _clicked(self, index: QModelIndex) -> None:
        # Buttons inside a row are handled by the delegate and never arrive here.
        entry = self.controller.model.entry(index.row())
        if entry is not None and entry.kind is EntryKind.CONVERSATION:
            self.thread_requested.emit(entry)

    def _double_clicked(self, index: QModelIndex) -> None:
        entry = self.controller.model.entry(index.row())
        if entry is not None:
            self.case_requested.emit("case", [entry])

    def selected_entries(self) -> list[Entry]:
        """The selected rows top to bottom, or the current row when none is selected."""
        rows = sorted(i.row() for i in self.list.selectionModel().selectedIndexes())
        if not rows and self.list.currentIndex().isValid():
            rows = [self.list.currentIndex().row()]
        model = self.controller.model
        return [e for e in (model.entry(r) for r in rows) if e is not None]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and isinstance(event, QKeyEvent):
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            name = CASE_KEYS.get(Qt.Key(event.key()))
            if event.type() == QEvent.Type.KeyPress and name and not plain:
                entries = self.selected_entries()
                if entries:
                    self.case_requested.emit(name, entries)
                    return True
        return super().eventFilter(watched, event)

    def _scrolled(self, value: int) -> None:
        if value == 0 and self.controller.model.unread_count():
            self.controller.mark_all_read()

    def scroll_anchor(self) -> tuple[int, int]:
        """The entry at the top of the view and how far it is scrolled past (pixels)."""
        index = self.list.indexAt(QPoint(1, 1))
        entry = self.controller.model.entry(index.row()) if index.isValid() else None
        if entry is None or self.list.verticalScrollBar().value() == 0:
            return 0, 0
        return entry.entry_id, -self.list.visualRect(index).top()

    def restore_scroll(self, entry_id: int, offset: int, *, max_pages: int = 10) -> bool:
        """Scroll back to where the user was, loading older pages from the cache if needed."""
        if not entry_id:
            return False
        model = self.controller.model
        row = model.row_of(entry_id)
        pages = 0
        while row < 0 and model.canFetchMore() and pages < max_pages:
            model.fetchMore()
            row = model.row_of(entry_id)
            pages += 1
        if row < 0:
            return False
        self.list.doItemsLayout()
        index = model.index(row)
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        bar = self.list.verticalScrollBar()
        bar.setValue(bar.value() + offset)
        return True
