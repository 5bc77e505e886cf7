"""A Mastodon account end to end in the real window, against the stateful fake server:
sign in through the dialog, a hashtag column fills by itself, a reply goes out once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from app import credentials
from app.model import (
    Account,
    ColumnSpec,
    Draft,
    FeedKind,
    FeedSpec,
    Network,
    OutboxAction,
    OutboxState,
)
from app.outbox import OutboxSender
from app.providers import load_providers
from app.providers.base import Offline, Provider
from app.scheduler import Scheduler
from app.services import Services
from app.settings import Settings
from app.store import Store
from app.sync import AccountProviders, SyncEngine
from app.ui.column_controller import ColumnController
from app.ui.compose_dialog import ComposeDialog, ReplyTarget
from app.ui.main_window import MainWindow
from app.ui.mastodon_signin import MastodonSignInDialog
from app.ui.messages import MessageBridge
from app.ui.thread_dialog import ThreadDialog
from tests.mastodon_server import FakeMastodon
from tests.ui.waiting import run_until


@pytest.fixture
def server() -> FakeMastodon:
    return FakeMastodon(host="sosmed.example")


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
    load_providers()
    services = Services.create(store, providers)
    sync = services.sync
    window = MainWindow(
        store=store,
        services=services,
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
    dialog = window.findChild(ComposeDialog)
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


class ServerProviders:
    """Providers on the fake server's transport with its token: no keyring needed."""

    def __init__(self, server: FakeMastodon) -> None:
        self.server = server

    async def provider(self, account: Account) -> Provider:
        from app.providers.base import factory_for

        factory = factory_for(Network.MASTODON)
        assert factory is not None

        async def token() -> str:
            return self.server.token()

        async def keep(_: str) -> None:
            return None

        return factory.create(
            account, client=self.server.client(), get_token=token, save_token=keep
        )

    async def forget(self, account_id: str) -> None:
        return None  # nothing kept: a provider per call

    async def aclose(self) -> None:
        return None


def _signed_in(store: Store, server: FakeMastodon) -> Account:
    load_providers()
    admin = server.users["lpse_admin"]
    account = Account(
        id="mastodon:lpse_admin@sosmed.example",
        network=Network.MASTODON,
        handle="lpse_admin",
        display_name="Admin LPSE",
        server="https://sosmed.example",
        remote_id=admin.id,
    )
    store.upsert_account(account)
    return account


def test_schedule_change_and_cancel_on_the_server(
    qtbot: QtBot, store: Store, server: FakeMastodon, loop: asyncio.AbstractEventLoop
) -> None:
    account = _signed_in(store, server)
    providers = ServerProviders(server)
    sender = OutboxSender(store=store, providers=providers)
    dialog = ComposeDialog(store=store, sender=sender, accounts=[account])
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("Pemeliharaan SPSE Sabtu pukul 22.00 WIB #LPSE")
    dialog.schedule_box.setChecked(True)
    soon = datetime.now(UTC) + timedelta(minutes=2)
    dialog.schedule_time.setDateTime(QDateTime.fromSecsSinceEpoch(int(soon.timestamp())))
    dialog.send()
    assert "6 minutes" in dialog.problem.text()  # refused here, before the server says 422
    assert server.scheduled == {}

    later = datetime.now(UTC) + timedelta(hours=2)
    dialog.schedule_time.setDateTime(QDateTime.fromSecsSinceEpoch(int(later.timestamp())))
    with qtbot.waitSignal(dialog.sent, timeout=5000):
        dialog.send()
        run_until(loop, lambda: bool(server.scheduled))
    [entry] = store.scheduled_entries([account.id], before=None, limit=5)
    assert entry.post.text.startswith("Pemeliharaan SPSE")
    assert abs((entry.scheduled_at - later).total_seconds()) < 60  # type: ignore[operator]

    scheduler = Scheduler(store=store, providers=providers)
    moved_to = later + timedelta(hours=1)
    loop.run_until_complete(scheduler.change(entry.entry_id, text=entry.post.text, at=moved_to))
    [remote] = server.scheduled.values()
    assert str(remote["scheduled_at"]).startswith(moved_to.strftime("%Y-%m-%dT%H:%M"))
    reworded = "Pemeliharaan SPSE dimajukan ke Jumat pukul 21.00 WIB #LPSE"
    loop.run_until_complete(scheduler.change(entry.entry_id, text=reworded, at=moved_to))
    [remote] = server.scheduled.values()  # the old one was cancelled, one remains
    params = remote["params"]
    assert isinstance(params, dict)
    assert params["text"] == reworded
    [entry] = store.scheduled_entries([account.id], before=None, limit=5)
    assert entry.post.text == reworded
    loop.run_until_complete(scheduler.cancel(entry.entry_id))
    assert server.scheduled == {}
    assert store.scheduled_entries([account.id], before=None, limit=5) == []


def test_direct_reply_stays_in_the_conversation(
    qtbot: QtBot, store: Store, server: FakeMastodon, loop: asyncio.AbstractEventLoop
) -> None:
    account = _signed_in(store, server)
    providers = ServerProviders(server)
    server.post_as(
        "warga2", "@lpse_admin NPWP kami ditolak SIKaP, mohon dibantu", visibility="direct"
    )
    sync = SyncEngine(store=store, providers=providers)
    feed = FeedSpec(account.id, FeedKind.CONVERSATIONS)
    assert loop.run_until_complete(sync.refresh([feed])) == {}
    [conversation] = store.conversation_entries([feed.key], before=None, limit=5)
    remote_id = store.conversation_remote_id(conversation.entry_id)
    assert remote_id
    dialog = ComposeDialog(
        store=store,
        sender=OutboxSender(store=store, providers=providers),
        accounts=[account],
        reply=ReplyTarget(conversation, remote_id),
    )
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("@warga2 Silakan kirim tangkapan layarnya lewat pesan ini.")
    with qtbot.waitSignal(dialog.sent, timeout=5000):
        dialog.send()
        run_until(
            loop,
            lambda: any(
                s.visibility == "direct" and s.author.username == "lpse_admin"
                for s in server.statuses.values()
            ),
        )
    [reply] = [s for s in server.statuses.values() if s.author.username == "lpse_admin"]
    assert reply.visibility == "direct"
    assert reply.in_reply_to is not None
    assert reply.in_reply_to.id == conversation.post.remote_id
    loop.run_until_complete(sync.aclose())


def test_opening_a_conversation_shows_the_thread_and_marks_it_read(
    qtbot: QtBot, store: Store, server: FakeMastodon, loop: asyncio.AbstractEventLoop
) -> None:
    account = _signed_in(store, server)
    providers = ServerProviders(server)
    first = server.post_as("warga2", "@lpse_admin Akun SPSE saya terblokir", visibility="direct")
    server.post_as(
        "lpse_admin",
        "@warga2 Mohon kirim nama perusahaan",
        visibility="direct",
        in_reply_to=first.id,
    )
    server.post_as(
        "warga2", "@lpse_admin CV Maju Bersama, Kudus", visibility="direct", in_reply_to=first.id
    )
    feed = FeedSpec(account.id, FeedKind.CONVERSATIONS)
    sync = SyncEngine(store=store, providers=providers)
    assert loop.run_until_complete(sync.refresh([feed])) == {}
    [conversation] = store.conversation_entries([feed.key], before=None, limit=5)
    assert conversation.unread
    remote_id = store.conversation_remote_id(conversation.entry_id)
    assert remote_id is not None
    dialog = ThreadDialog(
        conversation, account, conversation_id=remote_id, store=store, providers=providers
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        run_until(loop, lambda: dialog.model.rowCount() == 3)
    texts = [p.text for p in dialog.shown_posts()]
    assert texts[0].endswith("Akun SPSE saya terblokir")  # oldest first, like a chat
    assert texts[-1].endswith("CV Maju Bersama, Kudus")
    assert not store.conversation_entries([feed.key], before=None, limit=5)[0].unread
    admin = server.users["lpse_admin"]
    assert all(not c.unread for c in server.conversations[admin.id])
    loop.run_until_complete(sync.aclose())


def test_retry_after_a_restart_does_not_post_twice_on_gotosocial(
    store: Store, loop: asyncio.AbstractEventLoop
) -> None:
    server = FakeMastodon(host="sosmed.example", honour_idempotency=False)  # like GoToSocial
    account = _signed_in(store, server)
    sender = OutboxSender(store=store, providers=ServerProviders(server))
    draft = Draft(account.id, "Jadwal aanwijzing paket jalan Kudus diundur ke Senin #LPSE")
    item = sender.queue(draft, OutboxAction.POST)
    server.fail_next(exc=httpx.ReadTimeout, after=True, path="/api/v1/statuses")
    with pytest.raises(Offline):
        loop.run_until_complete(sender.send(item))
    # The app restarts: a new provider, which remembers nothing; the outbox does.
    [failed] = store.outbox()
    assert failed.attempts == 1
    fresh = OutboxSender(store=store, providers=ServerProviders(server))
    loop.run_until_complete(fresh.send(failed))
    same_text = [s for s in server.statuses.values() if s.text == draft.text]
    assert len(same_text) == 1
    assert [i.state for i in store.outbox()] == [OutboxState.SENT]


def test_a_column_keeps_its_read_position_in_step_with_the_server_marker(
    qtbot: QtBot, store: Store, server: FakeMastodon, loop: asyncio.AbstractEventLoop
) -> None:
    account = _signed_in(store, server)
    for i in range(3):
        server.post_as("warga1", f"@lpse_admin laporan {i}")
    services = Services.create(store, ServerProviders(server))
    state = store.add_column(ColumnSpec("mentions", account.id))
    controller = ColumnController(
        state=state,
        store=store,
        sync=services.sync,
        markers=services.markers,
        accounts=lambda: [account],
    )
    refreshes: list[None] = []
    controller.refreshed.connect(lambda: refreshes.append(None))
    controller.refresh()
    run_until(loop, lambda: bool(refreshes))
    assert controller.model.rowCount() == 3

    controller.mark_all_read()
    admin = server.users["lpse_admin"]
    newest_notification = server.notifications[admin.id][0]["id"]
    run_until(loop, lambda: "notifications" in server.markers.get(admin.id, {}))
    assert server.markers[admin.id]["notifications"]["last_read_id"] == newest_notification

    # Two more mentions; the admin reads the first of them on the phone.
    server.post_as("warga2", "@lpse_admin laporan 3")
    server.post_as("warga2", "@lpse_admin laporan 4")
    read_on_phone = server.notifications[admin.id][1]["id"]
    server.markers[admin.id]["notifications"]["last_read_id"] = read_on_phone
    refreshes.clear()
    controller.refresh()
    run_until(loop, lambda: bool(refreshes))
    assert controller.model.rowCount() == 5
    assert controller.model.unread_count() == 1
    assert store.read_position(state.spec.id or 0) is not None
    controller.close()
    loop.run_until_complete(services.sync.aclose())


def test_compose_counts_with_the_servers_own_limit_and_says_why_send_is_off(
    qtbot: QtBot, store: Store, server: FakeMastodon, loop: asyncio.AbstractEventLoop
) -> None:
    account = _signed_in(store, server)
    sender = OutboxSender(store=store, providers=ServerProviders(server))
    dialog = ComposeDialog(store=store, sender=sender, accounts=[account])
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("Info lelang: https://lpse.jatengprov.go.id/eproc4/lelang/123456")
    run_until(loop, lambda: dialog.counter.text().endswith("/5000"))  # GoToSocial's limit
    assert dialog.counter.text() == f"{len('Info lelang: ') + 25}/5000"  # a URL counts 25 there
    dialog.editor.setPlainText("x" * 5001)
    assert not dialog.send_button.isEnabled()
    assert "5001" in dialog.send_button.toolTip()
    assert "5001" in dialog.problem.text()
    dialog.editor.setPlainText("x" * 5000)
    assert dialog.send_button.isEnabled()
    assert dialog.problem.text() == ""
