"""Posts of Pantau's own schedule that missed their time: the window asks before sending."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.model import Account, Draft, Network, Post, ScheduledPost, ScheduleState
from app.services import Services
from app.settings import Settings
from app.store import Store
from app.ui.main_window import MainWindow
from app.ui.messages import MessageBridge
from app.ui.post_delegate import PostDelegate
from tests.factories import make_post
from tests.fakes import FakeProvider, FakeProviders
from tests.ui.waiting import run_until

ACCOUNT = Account("bluesky:did:plc:lpse", Network.BLUESKY, "lpse.bsky.social", "LPSE")


class Server(FakeProvider):
    def __init__(self) -> None:
        super().__init__(ACCOUNT)
        self.sent: list[str] = []

    async def publish(
        self, draft: Draft, *, idempotency_key: str, retry_since: datetime | None = None
    ) -> Post:
        self.sent.append(draft.text)
        return make_post(remote_id=f"at://post/{len(self.sent)}", text=draft.text)


def window_with_missed(qtbot: QtBot, store: Store, policy: str) -> tuple[MainWindow, Server, int]:
    store.upsert_account(ACCOUNT)
    Settings(store).set("missed_posts", policy)
    yesterday = datetime.now(UTC) - timedelta(days=1)
    post_id = store.add_scheduled(ScheduledPost(0, ACCOUNT.id, "Apel pagi pukul 07.30", yesterday))
    server = Server()
    services = Services.create(store, FakeProviders({ACCOUNT.id: server}))
    window = MainWindow(
        store=store, services=services, settings=Settings(store), bridge=MessageBridge()
    )
    qtbot.addWidget(window)
    return window, server, post_id


def test_the_admin_is_asked_and_send_now_sends_once(
    store: Store, qtbot: QtBot, loop: asyncio.AbstractEventLoop
) -> None:
    window, server, post_id = window_with_missed(qtbot, store, "ask")

    async def start() -> None:
        window.start_local_queue()

    loop.run_until_complete(start())
    run_until(loop, lambda: window.missed_box is not None)
    box = window.missed_box
    assert box is not None
    assert "Apel pagi pukul 07.30" in box.detailedText()
    assert server.sent == []  # nothing sent before the admin says so
    [send] = [b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole]
    send.click()
    run_until(loop, lambda: bool(server.sent))
    assert server.sent == ["Apel pagi pukul 07.30"]
    sent = store.scheduled_post(post_id)
    assert sent is not None
    assert sent.state is ScheduleState.SENT
    loop.run_until_complete(window.aclose())


def test_hold_keeps_them_in_the_scheduled_column_without_asking(
    store: Store, qtbot: QtBot, loop: asyncio.AbstractEventLoop
) -> None:
    window, server, post_id = window_with_missed(qtbot, store, "hold")

    async def start() -> None:
        window.start_local_queue()

    loop.run_until_complete(start())
    run_until(loop, lambda: "missed their time" in window.notice.text())
    assert window.missed_box is None
    held = store.scheduled_post(post_id)
    assert held is not None
    assert held.state is ScheduleState.FAILED
    assert server.sent == []
    loop.run_until_complete(window.aclose())


def test_send_now_from_the_scheduled_column_is_offered_for_local_posts_only(
    store: Store, qtbot: QtBot, loop: asyncio.AbstractEventLoop
) -> None:
    window, server, _missed = window_with_missed(qtbot, store, "hold")
    later = datetime.now(UTC) + timedelta(days=2)
    local = store.add_scheduled(ScheduledPost(0, ACCOUNT.id, "Rapat minggu depan", later))
    on_server = store.add_scheduled(
        ScheduledPost(0, ACCOUNT.id, "Di antrean server", later, remote_id="108")
    )
    entries = {e.entry_id: e for e in store.scheduled_entries([], before=None, limit=10)}
    delegate = PostDelegate()
    assert [n for n, _ in delegate._actions(entries[local])] == ["change", "send", "cancel"]
    assert [n for n, _ in delegate._actions(entries[on_server])] == ["change", "cancel"]

    async def act() -> None:
        window._row_action("send", entries[local])

    loop.run_until_complete(act())
    run_until(loop, lambda: server.sent == ["Rapat minggu depan"])
    sent = store.scheduled_post(local)
    assert sent is not None
    assert sent.state is ScheduleState.SENT
    loop.run_until_complete(window.aclose())
