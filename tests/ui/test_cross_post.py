"""One announcement from several accounts: each network's own wording and counter, and a
retry after a partial failure sends only what did not go out."""

from __future__ import annotations

import asyncio
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.model import Account, Draft, Network, Post
from app.outbox import OutboxSender
from app.providers.base import Offline, Provider
from app.store import Store
from app.ui.compose_dialog import ComposeDialog
from tests.factories import make_post
from tests.fakes import FakeProvider
from tests.mastodon_server import FakeMastodon
from tests.ui.test_mastodon_flow import ServerProviders, _signed_in
from tests.ui.waiting import run_until

BLUESKY = Account("bluesky:did:plc:humas", Network.BLUESKY, "humas.bsky.social", "Humas")


class Bluesky(FakeProvider):
    def __init__(self) -> None:
        super().__init__(BLUESKY)
        self.texts: list[str] = []
        self.fail_once = False

    async def publish(
        self, draft: Draft, *, idempotency_key: str, retry_since: datetime | None = None
    ) -> Post:
        if self.fail_once:
            self.fail_once = False
            raise Offline(BLUESKY.id, "ConnectError")
        self.texts.append(draft.text)
        return make_post(remote_id=f"at://humas/{len(self.texts)}", text=draft.text)


class Both(ServerProviders):
    def __init__(self, server: FakeMastodon, bluesky: Bluesky) -> None:
        super().__init__(server)
        self.bluesky = bluesky

    async def provider(self, account: Account) -> Provider:
        if account.network is Network.BLUESKY:
            return self.bluesky
        return await super().provider(account)


def test_one_announcement_two_networks_own_wording_and_a_partial_retry(
    store: Store, qtbot: QtBot, loop: asyncio.AbstractEventLoop
) -> None:
    server = FakeMastodon()
    mastodon = _signed_in(store, server)
    store.upsert_account(BLUESKY)
    bluesky = Bluesky()
    dialog = ComposeDialog(
        store=store,
        sender=OutboxSender(store=store, providers=Both(server, bluesky)),
        accounts=[mastodon, BLUESKY],
    )
    qtbot.addWidget(dialog)
    assert not dialog.also[mastodon.id].isVisibleTo(dialog)  # the From account always posts
    dialog.also[BLUESKY.id].setChecked(True)
    assert set(dialog.variants) == {Network.BLUESKY}
    long_text = "Pengumuman: layanan SPSE dihentikan sementara Sabtu 22.00-24.00 WIB. " * 5
    dialog.editor.setPlainText(long_text)
    run_until(loop, lambda: "Mastodon" in dialog.counter.text())
    assert f"Bluesky {len(long_text)}/300" in dialog.counter.text()  # too long there...
    assert not dialog.send_button.isEnabled()
    dialog.variants[Network.BLUESKY].setPlainText("SPSE libur Sabtu 22.00-24.00 WIB.")
    assert dialog.send_button.isEnabled()  # ...until Bluesky gets its own, shorter wording

    bluesky.fail_once = True
    dialog.send()
    run_until(loop, lambda: "@humas.bsky.social" in dialog.problem.text())
    assert len(server.statuses) == 1  # Mastodon went out
    assert bluesky.texts == []
    sent: list[object] = []
    dialog.sent.connect(sent.append)
    dialog.send()  # the retry
    run_until(loop, lambda: bool(sent))
    assert len(server.statuses) == 1  # not again
    [status] = server.statuses.values()
    assert status.text == long_text
    assert bluesky.texts == ["SPSE libur Sabtu 22.00-24.00 WIB."]


MASTODON = Account(
    "mastodon:lpse", Network.MASTODON, "lpse", "LPSE", server="https://sosmed.example"
)


def test_a_cross_post_draft_comes_back_with_its_accounts_and_wording(
    store: Store, qtbot: QtBot
) -> None:
    store.upsert_account(MASTODON)
    store.upsert_account(BLUESKY)
    accounts = [MASTODON, BLUESKY]
    first = ComposeDialog(store=store, sender=None, accounts=accounts)
    qtbot.addWidget(first)
    first.editor.setPlainText("Pengumuman: layanan SPSE dihentikan sementara Sabtu malam.")
    first.also[BLUESKY.id].setChecked(True)
    # the Bluesky wording sits beside the main text, with its own count under it
    assert first.editors.orientation() == Qt.Orientation.Horizontal
    assert first.editors.count() == 2
    first.variants[Network.BLUESKY].setPlainText("SPSE libur Sabtu 22.00-24.00 WIB.")
    qtbot.waitUntil(lambda: bool(store.drafts()) and store.drafts()[0].wording != ())
    (draft,) = store.drafts()
    assert draft.also == (BLUESKY.id,)
    assert draft.wording == (("bluesky", "SPSE libur Sabtu 22.00-24.00 WIB."),)
    counts = first.editors.findChildren(QLabel)
    assert any(label.text() == "33/300" for label in counts)
    first.deleteLater()  # gone as in a crash

    again = ComposeDialog(store=store, sender=None, accounts=accounts)
    qtbot.addWidget(again)
    assert again.also[BLUESKY.id].isChecked()
    assert again.variants[Network.BLUESKY].toPlainText() == "SPSE libur Sabtu 22.00-24.00 WIB."
    assert again.text_for(BLUESKY) == "SPSE libur Sabtu 22.00-24.00 WIB."
    assert again.text_for(MASTODON).startswith("Pengumuman")
