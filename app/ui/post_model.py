"""The list model of one column: store rows loaded page by page, newest first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.model import Entry, EntryKind
from app.ui.timefmt import absolute_time, relative_time

PAGE_SIZE = 40

PageLoader = Callable[[tuple[int, int] | None, int], list[Entry]]
"""Returns up to `limit` entries older than the key (None: the newest)."""

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ENTRY = Qt.ItemDataRole.UserRole + 1
    RELATIVE_TIME = Qt.ItemDataRole.UserRole + 2
    UNREAD = Qt.ItemDataRole.UserRole + 3
    KEY = Qt.ItemDataRole.UserRole + 4


class PostModel(QAbstractListModel):
    """Rows of one column. `fetchMore` reads the next keyset page from the store; when the
    cache runs out it emits `older_wanted` once so the controller can backfill from the
    network, and calls `older_stored` when that is done."""

    older_wanted = Signal()
    unread_changed = Signal(int)

    def __init__(
        self,
        *,
        load: PageLoader,
        read_key: tuple[int, int] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._clock = clock
        self._rows: list[Entry] = []
        self._exhausted = False
        self._loading = False
        self._read_key = read_key

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Role.ENTRY:
            return entry
        if role == Role.RELATIVE_TIME:
            return relative_time(self._when(entry), self._clock())
        if role == Role.UNREAD:
            return self._is_unread(entry)
        if role == Role.KEY:
            return entry.key
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.post.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return absolute_time(self._when(entry))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.post.author.display_name}: {entry.post.text}"
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        try:
            older_than = self._rows[-1].key if self._rows else None
            page = self._load(older_than, PAGE_SIZE)
        finally:
            self._loading = False
        if len(page) < PAGE_SIZE:
            self._exhausted = True
            self.older_wanted.emit()
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
            self.unread_changed.emit(self.unread_count())

    # --- our interface --------------------------------------------------------------------

    def entry(self, row: int) -> Entry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: int) -> int:
        for row, entry in enumerate(self._rows):
            if entry.entry_id == entry_id:
                return row
        return -1

    def older_stored(self) -> None:
        """The backfill that `older_wanted` asked for is done: read on from the cache, so
        what it brought appears below the last row (nothing, if it brought nothing)."""
        if self._exhausted and self._rows and self._load(self._rows[-1].key, 1):
            self._exhausted = False
            self.fetchMore()

    def reload(self) -> None:
        """Start over from the newest page (the spec changed)."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore()

    def merge_newer(self) -> int:
        """Put rows newer than the top one in at the top; changed rows update in place.

        Reads the newest page again; if it is all new (a long offline gap), the model is
        reset instead so no gap appears in the middle of the list. Returns rows added.
        """
        page = self._load(None, PAGE_SIZE)
        if not self._rows:
            if page:
                self.reload()
            return len(self._rows)
        top = self._rows[0].key
        newer = [e for e in page if e.key > top]
        if len(newer) == len(page) == PAGE_SIZE:
            self.reload()
            return len(self._rows)
        by_id = {e.entry_id: e for e in page if e.key <= top}
        for row, entry in enumerate(self._rows[: len(page)]):
            fresh = by_id.get(entry.entry_id)
            if fresh is not None and fresh != entry:
                self._rows[row] = fresh
                index = self.index(row)
                self.dataChanged.emit(index, index)
        if newer:
            self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
            self._rows[0:0] = newer
            self.endInsertRows()
            self.unread_changed.emit(self.unread_count())
        return len(newer)

    def resync(self) -> None:
        """Read every loaded row again and apply the difference in place: rows that left
        (a case closed in an open-cases inbox) go, changed rows update, new ones come in.
        Unlike `reload`, the scroll position and selection stay where they were."""
        fresh = self._load(None, max(len(self._rows), PAGE_SIZE))
        wanted = {e.entry_id: e.key for e in fresh}
        for row in range(len(self._rows) - 1, -1, -1):
            entry = self._rows[row]
            if wanted.get(entry.entry_id) != entry.key:  # gone, or moved in the order
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        for row, entry in enumerate(fresh):
            if row < len(self._rows) and self._rows[row].entry_id == entry.entry_id:
                if self._rows[row] != entry:
                    self._rows[row] = entry
                    self.dataChanged.emit(self.index(row), self.index(row))
                continue
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, entry)
            self.endInsertRows()
        self.unread_changed.emit(self.unread_count())

    def set_read_key(self, key: tuple[int, int] | None) -> None:
        self._read_key = key
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Role.UNREAD])
        self.unread_changed.emit(self.unread_count())

    @property
    def read_key(self) -> tuple[int, int] | None:
        return self._read_key

    def unread_count(self) -> int:
        return sum(1 for e in self._rows if self._is_unread(e))

    def refresh_times(self) -> None:
        """Relative times age; repaint them (called by a minute timer)."""
        if self._rows:
            last = self.index(len(self._rows) - 1)
            self.dataChanged.emit(self.index(0), last, [Role.RELATIVE_TIME])

    def _is_unread(self, entry: Entry) -> bool:
        if entry.kind is EntryKind.CONVERSATION:
            return entry.unread
        if entry.kind is EntryKind.SCHEDULED:
            return False
        return self._read_key is not None and entry.key > self._read_key

    @staticmethod
    def _when(entry: Entry) -> datetime:
        return entry.scheduled_at or entry.post.created_at
