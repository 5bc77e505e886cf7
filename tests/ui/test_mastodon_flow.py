"""A Mastodon account end to end in the real window, against the stateful fake server:
sign in through the dialog, a hashtag column fills by itself, a reply goes out once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from pytestqt.qtbot import QtBot

from app import credentials
from app.model import ColumnSpec, Network
from app.outbox import OutboxSender
from app.settings import Settings
from app.store import Store
from app.sync import AccountProviders, SyncEngine
from app.ui.main_window import MainWindow
from app.ui.mastodon_signin import MastodonSignInDialog
from app.ui.messages import MessageBridge
from tests.mastodon_server import FakeMastodon


def run_until(
    loop: asyncio.AbstractEventLoop, done: Callable[[], bool], timeout: float = 5.0
) -> None:
    async def wait() -> None:
        while not done():
            await asyncio.sleep(0.01)

    loop.run_until_complete(asyncio.wait_for(wait(), timeout))


@pytest.fixture
def server() -> FakeMastodon:
    return FakeMastodon(host="sosmed.example")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "pantau.sqlite3")
    yield store
    store.close()


def _dialog(
    qtbot: QtBot, store: Store, server: FakeMastodon, opened: list[str]
) -> MastodonSignInDialog:
    dialog = MastodonSignInDialog(store=store, client_factory=server.client, open_url=opened.append)
    qtbot.addWidget(dialog)
    dialog.server_edit.setText("sosmed.example")
    return dialog


@pytest.mark.keyring
def test_sign_in_with_a_pasted_code(
    qtbot: QtBot, store: Store, server: FakeMastodon, loop: asyncio.AbstractEventLoop
) -> None:
    opened: list[str] = []
    dialog = _dialog(qtbot, store, server, opened)
    dialog.request_code()
    run_until(loop, lambda: bool(opened))
    query = parse_qs(urlsplit(opened[0]).query)
    assert query["redirect_uri"] == ["urn:ietf:wg:oauth:2.0:oob"]
    dialog.code_edit.setText(server.authorize(query["client_id"][0]))
    with qtbot.waitSignal(dialog.account_added, timeout=5000):
        dialog.sign_in_with_code()
        run_until(loop, lambda: bool(store.accounts()))
    account = store.accounts()[0]
    assert account.network is Network.MASTODON
    assert account.server == "https://sosmed.example"
    assert loop.run_until_complete(credentials.read_secret(account.id)) == server.token()
    loop.run_until_complete(credentials.forget_secret(account.id))


@pytest.mark.keyring
def test_sign_in_through_the_loopback_redirect(
    qtbot: QtBot, store: Store, server: FakeMastodon, loop: asyncio.AbstractEventLoop
) -> None:
    opened: list[str] = []
    dialog = _dialog(qtbot, store, server, opened)
    dialog.sign_in_with_browser()
    run_until(loop, lambda: bool(opened))
    query = parse_qs(urlsplit(opened[0]).query)
    redirect = query["redirect_uri"][0]
    assert redirect.startswith("http://127.0.0.1:")
    code = server.authorize(query["client_id"][0])

    async def browser_returns() -> int:  # what the browser does after approval
        async with httpx.AsyncClient() as browser:
            answer = await browser.get(redirect, params={"code": code, "state": query["state"][0]})
            return answer.status_code

    assert loop.run_until_complete(browser_returns()) == 200
    run_until(loop, lambda: bool(store.accounts()))
    account = store.accounts()[0]
    loop.run_until_complete(credentials.forget_secret(account.id))


def test_bad_server_name_is_explained_in_place(
    qtbot: QtBot, store: Store, server: FakeMastodon
) -> None:
    opened: list[str] = []
    dialog = _dialog(qtbot, store, server, opened)
    dialog.server_edit.setText("javascript:alert(1)")
    dialog.sign_in_with_browser()
    assert "mastodon.social" in dialog.status.text()
    assert opened == []
    assert server.requests == []


@pytest.mark.keyring
def test_hashtag_column_fills_and_a_reply_is_sent_once(
    qtbot: QtBot, store: Store, server: FakeMastodon, loop: asyncio.AbstractEventLoop
) -> None:
    from app.model import Account

    token = server.token()
    verify = loop.run_until_complete(
        server.client().get(
            "https://sosmed.example/api/v1/accounts/verify_credentials",
            headers={"Authorization": f"Bearer {token}"},
        )
    ).json()
    account = Account(
        id="mastodon:lpse_admin@sosmed.example",
        network=Network.MASTODON,
        handle="lpse_admin",
        display_name=verify["display_name"],
        server="https://sosmed.example",
        remote_id=verify["id"],
    )
    store.upsert_account(account)
    loop.run_until_complete(credentials.store_secret(account.id, token))
    server.post_as("warga1", "Lampu PJU di Jl. Pemuda mati #KemalaJateng")
    server.post_as("warga2", "Jalan berlubang depan pasar #KemalaJateng #LaporGub")
    server.post_as("warga2", "Bukan laporan, hanya salam")
    store.add_column(ColumnSpec("hashtag", account.id, {"tags": ["KemalaJateng"], "match": "any"}))

    providers = AccountProviders(client_factory=server.client)
    from app.providers import load_providers

    load_providers()
    sync = SyncEngine(store=store, providers=providers)
    window = MainWindow(
        store=store,
        sync=sync,
        sender=OutboxSender(store=store, providers=providers),
        settings=Settings(store),
        bridge=MessageBridge(),
    )
    qtbot.addWidget(window)
    window.show()
    column = window.deck.columns()[0]

    async def start() -> None:  # the app starts sync inside its running loop
        sync.start(window.wanted_feeds())

    loop.run_until_complete(start())
    run_until(loop, lambda: column.controller.model.rowCount() == 2)
    texts = {column.controller.model.entry(r).post.text for r in range(2)}  # type: ignore[union-attr]
    assert all("#KemalaJateng" in t for t in texts)
    tag_requests = [r for r in server.requests if "/timelines/tag/" in r.url.path]
    assert len(tag_requests) == 1

    entry = column.controller.model.entry(0)
    assert entry is not None
    window.reply_to(entry)
    from app.ui.reply_dialog import ReplyDialog

    dialog = window.findChild(ReplyDialog)
    assert dialog is not None
    dialog.editor.setPlainText(
        f"@{entry.post.author.handle} Terima kasih, sudah diteruskan ke DPU."
    )
    before = len(server.statuses)
    with qtbot.waitSignal(dialog.sent, timeout=5000):
        dialog.send()
        run_until(loop, lambda: len(server.statuses) > before)
    created = [
        r for r in server.requests if r.method == "POST" and r.url.path == "/api/v1/statuses"
    ]
    assert len(created) == 1
    assert created[0].headers.get("Idempotency-Key")
    body = created[0].read().decode()
    assert entry.post.remote_id in body
    assert '"visibility"' in body
    loop.run_until_complete(sync.aclose())
    loop.run_until_complete(credentials.forget_secret(account.id))
