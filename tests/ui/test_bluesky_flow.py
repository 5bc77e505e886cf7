"""A Bluesky account in the real window, on the real local network and a real keyring:
sign in through the dialog, a two-tag hashtag column fills by itself, a reply goes out
from the column's account with the right reply refs."""

from __future__ import annotations

import asyncio
import json
import secrets
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from app import credentials
from app.model import Account, ColumnSpec, Network
from app.outbox import OutboxSender
from app.providers import load_providers
from app.services import Services
from app.settings import Settings
from app.store import Store
from app.sync import AccountProviders
from app.ui.bluesky_signin import BlueskySignInDialog
from app.ui.compose_dialog import ComposeDialog
from app.ui.main_window import MainWindow
from app.ui.messages import MessageBridge
from tests.bluesky_network import BlueskyNetwork, create_app_password
from tests.bluesky_people import DEADLINE, person, post_with_facets, record_of
from tests.ui.waiting import run_until


def test_a_wrong_app_password_is_explained_in_the_dialog(
    qtbot: QtBot, store: Store, bluesky_network: BlueskyNetwork, loop: asyncio.AbstractEventLoop
) -> None:
    admin = person(bluesky_network, "humas")
    dialog = BlueskySignInDialog(store=store)
    qtbot.addWidget(dialog)
    dialog.handle_edit.setText(admin.handle)
    dialog.password_edit.setText("salah-salah-salah-salah")
    dialog.server_edit.setText(bluesky_network.pds)
    dialog.sign_in()
    run_until(loop, lambda: "wrong" in dialog.status.text(), DEADLINE)
    assert store.accounts() == []
    assert dialog.password_edit.text()  # still there to correct


@pytest.mark.keyring
def test_sign_in_then_a_hashtag_column_fills_and_a_reply_lands_in_the_thread(
    qtbot: QtBot, store: Store, bluesky_network: BlueskyNetwork, loop: asyncio.AbstractEventLoop
) -> None:
    admin = person(bluesky_network, "lpse")
    warga = person(bluesky_network, "warga")
    app_password = create_app_password(bluesky_network, admin.session, "pantau")
    dialog = BlueskySignInDialog(store=store)
    qtbot.addWidget(dialog)
    dialog.handle_edit.setText(f"@{admin.handle}")
    dialog.password_edit.setText(app_password)
    dialog.server_edit.setText(bluesky_network.pds)
    added: list[object] = []
    dialog.account_added.connect(added.append)
    dialog.sign_in()
    run_until(loop, lambda: bool(added), DEADLINE)
    [account] = store.accounts()
    assert account.network is Network.BLUESKY
    assert account.remote_id == admin.did
    secret = loop.run_until_complete(credentials.read_secret(account.id))
    assert json.loads(secret)["did"] == admin.did
    assert app_password not in secret  # the app password itself is never kept

    mark = secrets.token_hex(3)
    post_with_facets(warga, ("text", f"Lampu PJU mati {mark} "), ("tag", "KemalaJateng"))
    post_with_facets(warga, ("text", f"Jalan berlubang {mark} "), ("tag", "LaporGub"))
    store.add_column(
        ColumnSpec("hashtag", account.id, {"tags": ["KemalaJateng", "LaporGub"], "match": "any"})
    )
    load_providers()
    services = Services.create(store, AccountProviders())
    window = MainWindow(
        store=store, services=services, settings=Settings(store), bridge=MessageBridge()
    )
    qtbot.addWidget(window)
    window.show()
    column = window.deck.columns()[0]

    def shown() -> list[str]:
        model = column.controller.model
        texts = [model.entry(r).post.text for r in range(model.rowCount())]  # type: ignore[union-attr]
        return [t for t in texts if mark in t]

    async def start() -> None:
        services.sync.start(window.wanted_feeds())

    loop.run_until_complete(start())
    # The poller fetched once at start; the AppView may index a moment later: refresh.
    for _ in range(int(DEADLINE / 0.5)):
        if len(shown()) == 2:
            break
        column.controller.refresh()
        loop.run_until_complete(asyncio.sleep(0.5))
    assert sorted(t.split(mark)[0] for t in shown()) == ["Jalan berlubang ", "Lampu PJU mati "]

    entry = next(
        column.controller.model.entry(r)
        for r in range(column.controller.model.rowCount())
        if column.controller.model.entry(r).post.text.startswith("Lampu")  # type: ignore[union-attr]
    )
    assert entry is not None
    window.reply_to(entry)
    compose = window.findChild(ComposeDialog)
    assert compose is not None
    assert compose.account() == account  # the column's account answers
    compose.editor.setPlainText(f"@{warga.handle} Terima kasih, sudah diteruskan ke Dishub.")
    sent: list[object] = []
    compose.sent.connect(sent.append)
    compose.send()
    run_until(loop, lambda: bool(sent), DEADLINE)
    reply_uri = sent[0].remote_id  # type: ignore[attr-defined]
    record = record_of(bluesky_network, reply_uri)
    assert record["reply"] == {
        "root": {"uri": entry.post.remote_id, "cid": record["reply"]["root"]["cid"]},  # type: ignore[index]
        "parent": {"uri": entry.post.remote_id, "cid": record["reply"]["parent"]["cid"]},  # type: ignore[index]
    }
    loop.run_until_complete(services.sync.aclose())
    loop.run_until_complete(credentials.forget_secret(account.id))


def test_a_scheduled_bluesky_post_joins_pantaus_own_queue(
    qtbot: QtBot, store: Store, loop: asyncio.AbstractEventLoop
) -> None:
    account = Account(
        "bluesky:did:plc:lpse",
        Network.BLUESKY,
        "lpse.bsky.social",
        "LPSE",
        remote_id="did:plc:lpse",
    )
    store.upsert_account(account)
    load_providers()
    sender = OutboxSender(store=store, providers=AccountProviders())
    dialog = ComposeDialog(store=store, sender=sender, accounts=[account])
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("Pemeliharaan SPSE Sabtu 22.00 WIB")
    dialog.schedule_box.setChecked(True)
    past = datetime.now(UTC) - timedelta(minutes=1)
    dialog.schedule_time.setDateTime(QDateTime.fromSecsSinceEpoch(int(past.timestamp())))
    dialog.send()
    assert "future" in dialog.problem.text()
    # Two minutes ahead is fine here: no server minimum, Pantau sends it itself.
    soon = datetime.now(UTC) + timedelta(minutes=2)
    dialog.schedule_time.setDateTime(QDateTime.fromSecsSinceEpoch(int(soon.timestamp())))
    sent: list[object] = []
    dialog.sent.connect(sent.append)
    dialog.send()
    run_until(loop, lambda: bool(sent), DEADLINE)
    [entry] = store.scheduled_entries([account.id], before=None, limit=5)
    assert entry.post.text == "Pemeliharaan SPSE Sabtu 22.00 WIB"
    assert store.next_local_time() == entry.scheduled_at


def test_sign_in_again_opens_the_bluesky_dialog_with_the_handle_filled_in(
    store: Store, qtbot: QtBot
) -> None:
    account = Account(
        "bluesky:did:plc:lpse", Network.BLUESKY, "lpse.bsky.social", "LPSE",
        server="https://pds.jatengprov.go.id", remote_id="did:plc:lpse", problem="auth",
    )  # fmt: skip
    store.upsert_account(account)
    window = MainWindow(
        store=store,
        services=Services.create(store, AccountProviders()),
        settings=Settings(store),
        bridge=MessageBridge(),
    )
    qtbot.addWidget(window)
    window.sign_in_again(account.id)
    dialog = window.findChild(BlueskySignInDialog)
    assert dialog is not None
    assert dialog.handle_edit.text() == "lpse.bsky.social"
    assert dialog.server_edit.text() == "https://pds.jatengprov.go.id"  # a self-hosted PDS
    assert dialog.password_edit.text() == ""


def test_compose_offers_no_audience_for_bluesky_and_counts_graphemes(
    store: Store, qtbot: QtBot
) -> None:
    bluesky = Account("bluesky:did:plc:a", Network.BLUESKY, "a.bsky.social", "A")
    mastodon = Account("mastodon:a@m.example", Network.MASTODON, "a", "A", "https://m.example")
    for account in (bluesky, mastodon):
        store.upsert_account(account)
    dialog = ComposeDialog(store=store, sender=None, accounts=[mastodon, bluesky])
    qtbot.addWidget(dialog)
    dialog.visibility_box.setCurrentIndex(dialog.visibility_box.findData("private"))
    dialog.account_box.setCurrentIndex(dialog.account_box.findData(bluesky.id))
    assert not dialog.visibility_box.isEnabled()
    assert dialog.visibility_box.currentData() == "public"
    dialog.editor.setPlainText("🇮🇩👍🏽")
    assert dialog.counter.text() == "2/300"
    dialog.account_box.setCurrentIndex(dialog.account_box.findData(mastodon.id))
    assert dialog.visibility_box.isEnabled()
