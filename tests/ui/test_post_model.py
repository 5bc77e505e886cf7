"""The column list model: Qt model contract, keyset paging from the store, live merges."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.model import Account, ColumnSpec, Entry, EntryKind
from app.store import Store
from app.ui.post_model import PAGE_SIZE, PostModel, Role
from columns import kind
from columns.base import ColumnKind
from tests.ui.conftest import NOW


def _entries(n: int) -> list[Entry]:
    store_free = []
    from tests.factories import make_post

    for i in range(n):
        post = make_post(remote_id=str(i), created_at=NOW - timedelta(minutes=i))
        store_free.append(Entry(sort_key=n - i, entry_id=i + 1, post=post))
    return store_free


class ListLoader:
    """Pages over a fixed list exactly like the store's keyset queries (newest first)."""

    def __init__(self, rows: list[Entry]) -> None:
        self.rows = rows
        self.calls = 0

    def __call__(self, before: tuple[int, int] | None, limit: int) -> list[Entry]:
        self.calls += 1
        ordered = sorted(self.rows, key=lambda e: e.key, reverse=True)
        if before is not None:
            ordered = [e for e in ordered if e.key < before]
        return ordered[:limit]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = PostModel(load=ListLoader(_entries(95)))
    model.fetchMore()
    qtmodeltester.check(model, force_py=True)


def test_first_load_is_partial_and_paging_reaches_every_row_once(qtbot: QtBot) -> None:
    loader = ListLoader(_entries(95))
    model = PostModel(load=loader)
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE < 95
    with qtbot.waitSignal(model.older_wanted, timeout=1000):
        while model.canFetchMore():
            model.fetchMore()
    ids = [model.entry(r).entry_id for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert sorted(ids) == list(range(1, 96))
    assert len(ids) == len(set(ids))
    assert not model.canFetchMore()


def test_a_backfill_lets_paging_go_on_below_the_last_row(qtbot: QtBot) -> None:
    rows = _entries(95)
    loader = ListLoader(rows[:50])  # the cache holds the newest 50
    model = PostModel(load=loader)
    model.fetchMore()
    with qtbot.waitSignal(model.older_wanted, timeout=1000):
        model.fetchMore()  # 10 rows: the cache ran out, a backfill is asked for
    assert not model.canFetchMore()
    loader.rows = rows[:90]  # the backfill stored 40 older posts
    model.older_stored()
    assert model.rowCount() == 90
    assert model.entry(89) == rows[89]
    model.fetchMore()  # no more in the cache: asks for the next backfill
    with qtbot.assertNotEmitted(model.older_wanted):
        model.older_stored()  # that backfill brought nothing: paging stops there
    assert model.rowCount() == 90
    assert not model.canFetchMore()


def test_merge_newer_inserts_at_top_and_updates_changed_rows(qtbot: QtBot) -> None:
    rows = _entries(10)
    loader = ListLoader(rows)
    model = PostModel(load=loader)
    model.fetchMore()
    newer = replace(rows[0], sort_key=100, entry_id=50)
    edited = replace(rows[3], post=replace(rows[3].post, text="diubah"))
    loader.rows = [newer, *rows[:3], edited, *rows[4:]]
    with qtbot.waitSignal(model.rowsInserted, timeout=1000):
        added = model.merge_newer()
    assert added == 1
    assert model.entry(0) == newer
    assert model.entry(4) is not None
    assert model.entry(4).post.text == "diubah"  # type: ignore[union-attr]


def test_resync_removes_updates_and_inserts_deep_rows_in_place(
    qtmodeltester: ModelTester,
) -> None:
    rows = _entries(95)
    loader = ListLoader(rows)
    model = PostModel(load=loader)
    model.fetchMore()
    model.fetchMore()  # 80 rows loaded: changes below the first page count too
    loaded = model.rowCount()
    gone = rows[60]
    edited = replace(rows[70], post=replace(rows[70].post, text="ditugaskan"))
    between = replace(rows[5], sort_key=rows[5].sort_key, entry_id=500)
    loader.rows = [r for r in rows if r is not gone and r is not rows[70]] + [edited, between]
    model.resync()
    shown = [model.entry(r) for r in range(model.rowCount())]
    assert gone not in shown
    assert edited in shown
    assert between in shown
    assert model.rowCount() == loaded  # one left, one came: the loaded range is kept
    keys = [e.key for e in shown if e is not None]
    assert keys == sorted(keys, reverse=True)
    qtmodeltester.check(model, force_py=True)


def test_unread_follows_the_read_position() -> None:
    rows = _entries(10)
    model = PostModel(load=ListLoader(rows), read_key=rows[4].key)
    model.fetchMore()
    assert model.unread_count() == 4
    assert model.data(model.index(0), Role.UNREAD) is True
    assert model.data(model.index(5), Role.UNREAD) is False
    model.set_read_key(rows[0].key)
    assert model.unread_count() == 0


def _loader(
    column: ColumnKind, store: Store, spec: ColumnSpec, accounts: list[Account]
) -> Callable[[tuple[int, int] | None, int], list[Entry]]:
    def load(before: tuple[int, int] | None, limit: int) -> list[Entry]:
        return column.page(store, spec, accounts, before=before, limit=limit)

    return load


def test_demo_columns_load_from_a_real_store(demo_store: Store) -> None:
    accounts = demo_store.accounts()
    for state in demo_store.columns():
        column = kind(state.spec.kind)
        assert column is not None
        model = PostModel(load=_loader(column, demo_store, state.spec, accounts))
        model.fetchMore()
        assert model.rowCount() >= 5, state.spec
        entry = model.data(model.index(0), Role.ENTRY)
        assert isinstance(entry, Entry)
        if state.spec.kind == "scheduled":
            assert entry.kind is EntryKind.SCHEDULED
