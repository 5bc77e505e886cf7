"""The deck in a real window: columns from the store, reorder, resize, remove, restore."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.settings import Settings
from app.store import Store
from app.ui.column_view import COLUMN_MIME, ColumnView
from app.ui.main_window import MainWindow
from app.ui.messages import MessageBridge


def _window(qtbot: QtBot, store: Store, **kw: object) -> MainWindow:
    window = MainWindow(
        store=store,
        services=kw.get("services"),  # type: ignore[arg-type]
        settings=Settings(store),
        bridge=MessageBridge(),
    )
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def _ids(window: MainWindow) -> list[int]:
    return [view.column_id for view in window.deck.columns()]


def test_demo_deck_shows_populated_columns(qtbot: QtBot, demo_store: Store) -> None:
    window = _window(qtbot, demo_store)
    views = window.deck.columns()
    assert len(views) >= 5
    for view in views:
        assert view.controller.model.rowCount() >= 5
        assert view.title.full_text()
        assert view.subtitle.full_text()
        if view.controller.feed_keys():
            assert "updated" in view.updated.full_text()  # demo feeds carry a refresh time
    assert "Demo" in window.windowTitle()


def test_move_by_menu_and_by_drop_persist_the_order(qtbot: QtBot, demo_store: Store) -> None:
    window = _window(qtbot, demo_store)
    before = _ids(window)
    window.deck.move_by(before[0], +1)
    assert _ids(window)[:2] == [before[1], before[0]]
    assert [s.spec.id for s in demo_store.columns()] == _ids(window)

    strip = window.deck.widget()
    assert strip is not None
    last = window.deck.columns()[-1]
    mime = QMimeData()
    mime.setData(COLUMN_MIME, str(last.column_id).encode())
    drop = QDropEvent(
        QPointF(2, 50),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    strip.dropEvent(drop)
    assert _ids(window)[0] == last.column_id
    assert [s.spec.id for s in demo_store.columns()] == _ids(window)


def test_remove_column_updates_store(qtbot: QtBot, demo_store: Store) -> None:
    window = _window(qtbot, demo_store)
    victim = _ids(window)[2]
    view = window.deck.column(victim)
    assert isinstance(view, ColumnView)
    view.close_requested.emit(victim)
    assert victim not in _ids(window)
    assert victim not in [s.spec.id for s in demo_store.columns()]


def test_close_and_reopen_restores_columns_widths_and_scroll(
    qtbot: QtBot, tmp_path: Path, demo_store: Store
) -> None:
    window = _window(qtbot, demo_store)
    first = window.deck.columns()[0]
    first.setFixedWidth(420)
    bar = first.list.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 600)
    bar.setValue(600)
    anchor = first.scroll_anchor()
    assert anchor[0] != 0
    order = _ids(window)
    window.deck.move_by(order[1], +1)
    order = _ids(window)
    window.close()

    reopened = _window(qtbot, demo_store)
    reopened.restore_scroll_positions()
    assert _ids(reopened) == order
    again = reopened.deck.column(first.column_id)
    assert again is not None
    assert again.width() == 420
    assert again.scroll_anchor() == anchor


def test_offline_start_keeps_cached_rows_and_shows_a_notice(
    qtbot: QtBot, demo_store: Store, loop: asyncio.AbstractEventLoop
) -> None:
    from app.providers.base import Offline
    from app.services import Services
    from tests.fakes import FakeProvider, FakeProviders

    fakes = {
        a.id: FakeProvider(a, error=Offline(a.id, "no route to host"))
        for a in demo_store.accounts()
    }
    services = Services.create(demo_store, FakeProviders(fakes))
    window = _window(qtbot, demo_store, services=services)
    rows = {v.column_id: v.controller.model.rowCount() for v in window.deck.columns()}
    window.refresh_all()
    loop.run_until_complete(asyncio.sleep(0.2))
    mentions = next(v for v in window.deck.columns() if v.controller.spec.kind == "mentions")
    assert mentions.problem_box.isVisibleTo(window)
    assert not mentions.sign_in_button.isVisibleTo(window)  # offline is not a sign-in problem
    assert "cached" in mentions.banner.text()
    assert {v.column_id: v.controller.model.rowCount() for v in window.deck.columns()} == rows
    notice = window.findChild(QLabel, "notice")
    assert notice is not None
    assert "No connection" in notice.text()
    assert all(f.calls for f in fakes.values())


def test_resize_grip_changes_width(qtbot: QtBot, demo_store: Store) -> None:
    window = _window(qtbot, demo_store)
    view = window.deck.columns()[0]
    start = view.width()
    from app.ui.column_view import ResizeGrip

    grip = view.findChild(ResizeGrip)
    assert grip is not None
    qtbot.mousePress(grip, Qt.MouseButton.LeftButton, pos=QPoint(2, 50))
    qtbot.mouseMove(grip, QPoint(62, 50))
    qtbot.mouseRelease(grip, Qt.MouseButton.LeftButton, pos=QPoint(62, 50))
    assert view.width() == start + 60
    assert demo_store.columns()[0].width == start + 60


def test_removing_an_account_closes_its_columns_and_provider(
    qtbot: QtBot, demo_store: Store, loop: asyncio.AbstractEventLoop
) -> None:
    from app.services import Services
    from app.ui.accounts_dialog import AccountsDialog
    from tests.fakes import FakeProvider, FakeProviders

    fakes = FakeProviders({a.id: FakeProvider(a) for a in demo_store.accounts()})
    window = _window(qtbot, demo_store, services=Services.create(demo_store, fakes))
    x_columns = [
        v.column_id for v in window.deck.columns() if v.controller.spec.account_id == "demo-x"
    ]
    assert x_columns
    window.show_accounts()
    dialog = window.findChild(AccountsDialog)
    assert dialog is not None
    dialog.remove_requested.emit("demo-x", True)

    async def removed() -> None:
        while demo_store.account("demo-x") is not None:
            await asyncio.sleep(0.01)

    loop.run_until_complete(asyncio.wait_for(removed(), 5))
    assert not set(x_columns) & set(_ids(window))
    assert "demo-x" not in fakes.providers  # its provider was closed and dropped
    assert dialog.list.count() == len(demo_store.accounts()) == 2
    assert all(s.spec.account_id != "demo-x" for s in demo_store.columns())
