"""One column's logic: its spec, its list model, and the refresh tasks it owns."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.markers import ReadMarkers
from app.model import Account, ColumnSpec, ColumnState, Entry
from app.providers.base import ProviderError
from app.store import Store
from app.sync import SyncEngine
from app.ui.errors import describe
from app.ui.post_model import PostModel
from columns import kind as column_kind
from columns.base import ColumnKind

log = logging.getLogger(__name__)


class ColumnController(QObject):
    """Owns one column's model and tasks. The deck calls `close()` before dropping it, which
    cancels whatever is in flight so no result lands in a column that is gone."""

    busy_changed = Signal(bool)
    problem_changed = Signal(str)
    refreshed = Signal()
    spec_changed = Signal()

    def __init__(
        self,
        *,
        state: ColumnState,
        store: Store,
        sync: SyncEngine | None,
        accounts: Callable[[], Sequence[Account]],
        markers: ReadMarkers | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._sync = sync
        self._markers = markers
        self._marker_task: asyncio.Task[None] | None = None
        self._accounts = accounts
        self._clock = clock
        self._state = state
        self._task: asyncio.Task[None] | None = None
        self._backfill: asyncio.Task[None] | None = None
        self._generation = 0
        self.problem = ""
        self.last_error: ProviderError | None = None
        self._feed_errors: dict[str, ProviderError] = {}
        column_id = state.spec.id
        read_key = store.read_position(column_id) if column_id is not None else None
        self.model = PostModel(load=self._load, read_key=read_key, clock=clock, parent=self)
        self.model.older_wanted.connect(self.load_older)

    # --- what the column is ---------------------------------------------------------------

    @property
    def spec(self) -> ColumnSpec:
        return self._state.spec

    @property
    def state(self) -> ColumnState:
        return self._state

    @property
    def kind(self) -> ColumnKind | None:
        return column_kind(self.spec.kind)

    def title(self) -> str:
        kind = self.kind
        if kind is None:
            return QCoreApplication.translate("column", "Unknown column")
        return kind.title(self.spec)

    def account(self) -> Account | None:
        if not self.spec.account_id:
            return None
        return next((a for a in self._accounts() if a.id == self.spec.account_id), None)

    def last_refreshed(self) -> datetime | None:
        kind = self.kind
        if kind is None:
            return None
        keys = [f.key for f in kind.feeds(self.spec, self._accounts())]
        return self._store.last_refreshed(keys) if keys else None

    def feed_keys(self) -> frozenset[str]:
        kind = self.kind
        if kind is None:
            return frozenset()
        return frozenset(f.key for f in kind.feeds(self.spec, self._accounts()))

    def set_state(self, state: ColumnState) -> None:
        self._state = state

    def set_spec(self, spec: ColumnSpec) -> None:
        """A new spec: drop stale work and rows, then load again."""
        self._generation += 1
        self._cancel()
        self._feed_errors.clear()
        self.last_error = None
        self._state = ColumnState(spec, self._state.position, self._state.width)
        self.set_problem("")
        self.model.reload()
        self.spec_changed.emit()

    # --- rows -----------------------------------------------------------------------------

    def _load(self, before: tuple[int, int] | None, limit: int) -> list[Entry]:
        kind = self.kind
        if kind is None:
            return []
        return kind.page(self._store, self.spec, self._accounts(), before=before, limit=limit)

    def alert(self) -> str:
        kind = self.kind
        if kind is None:
            return ""
        return kind.alert(self._store, self.spec, self._accounts(), self._clock())

    def take_in(self) -> None:
        """Let a kind with rows of its own (the inbox) file what its feeds brought."""
        kind = self.kind
        if kind is not None:
            kind.take_in(self._store, self.spec, self._accounts(), self._clock())

    def mark_all_read(self) -> None:
        top = self.model.entry(0)
        if top is None or self.spec.id is None:
            return
        self._store.set_read_position(self.spec.id, top.key)
        self.model.set_read_key(top.key)
        kind = self.kind
        if self._markers is not None and kind is not None:
            feeds = kind.feeds(self.spec, self._accounts())
            self._marker_task = asyncio.ensure_future(self._markers.push(feeds, top.key))

    # --- network --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Fetch what is new; one refresh at a time per column."""
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._run(backfill=False))

    def load_older(self) -> None:
        if self._sync is None or (self._backfill is not None and not self._backfill.done()):
            return
        self._backfill = asyncio.ensure_future(self._run(backfill=True))

    async def _run(self, *, backfill: bool) -> None:
        kind = self.kind
        if self._sync is None or kind is None:
            self.model.merge_newer()
            self.refreshed.emit()
            return
        feeds = kind.feeds(self.spec, self._accounts())
        if not feeds:
            return
        generation = self._generation
        self.busy_changed.emit(True)
        try:
            if backfill:
                errors = await self._sync.backfill(feeds)
            else:
                errors = await self._sync.refresh(feeds)
        finally:
            self.busy_changed.emit(False)
        if generation != self._generation:
            return  # the spec changed while we waited: these results are stale
        for spec in feeds:
            self.feed_result(spec.key, errors.get(spec.key))
        self.take_in()
        self.model.merge_newer()
        if backfill:
            self.model.older_stored()
        if not backfill and self._markers is not None and self.spec.id is not None:
            read_key = await self._markers.pull(self.spec.id, feeds)
            if read_key is not None and generation == self._generation:
                self.model.set_read_key(read_key)
        self.refreshed.emit()

    def feed_result(self, key: str, error: ProviderError | None) -> None:
        """The outcome of one of this column's feeds, from a refresh or the poller: the
        column shows the first problem among its feeds, and none once all are fine."""
        if key not in self.feed_keys():
            return
        if error is None:
            self._feed_errors.pop(key, None)
        else:
            self._feed_errors[key] = error
        first = next(iter(self._feed_errors.values()), None)
        self.last_error = first
        if first is None:
            self.set_problem("")
            return
        account = next((a for a in self._accounts() if a.id == first.account_id), None)
        log.info("column %s: %s", self.spec.id, first)
        self.set_problem(describe(first, account.label if account else ""))

    def set_problem(self, text: str) -> None:
        if text != self.problem:
            self.problem = text
            self.problem_changed.emit(text)

    def _cancel(self) -> None:
        for task in (self._task, self._backfill, self._marker_task):
            if task is not None and not task.done():
                task.cancel()
        self._task = self._backfill = self._marker_task = None

    def close(self) -> None:
        """Cancel owned work; the deck calls this before deleting the column."""
        self._generation += 1
        self._cancel()
