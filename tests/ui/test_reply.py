"""Replying: saved while typing, reopened after a crash, sent once, kept when sending fails."""

from __future__ import annotations

import asyncio
from dataclasses import replace as changed

from pytestqt.qtbot import QtBot

from app.model import Entry, EntryKind, OutboxState, Visibility
from app.outbox import OutboxSender
from app.providers.base import Offline
from app.settings import Settings
from app.store import Store
from app.ui.compose_dialog import ComposeDialog, ReplyTarget
from app.ui.main_window import MainWindow
from app.ui.messages import MessageBridge
from tests.fakes import FakeProvider, FakeProviders


def _mention(store: Store) -> Entry:
    state = next(s for s in store.columns() if s.spec.kind == "mentions")
    keys = [f"{state.spec.account_id}|mentions"]
    return store.feed_entries(keys, before=None, limit=1)[0]


def _dialog(qtbot: QtBot, store: Store, entry: Entry, sender: OutboxSender | None) -> ComposeDialog:
    account = store.account(entry.post.account_id)
    assert account is not None
    dialog = ComposeDialog(store=store, sender=sender, accounts=[account], reply=ReplyTarget(entry))
    qtbot.addWidget(dialog)
    return dialog


def test_typed_reply_survives_closing_and_reopening(qtbot: QtBot, demo_store: Store) -> None:
    entry = _mention(demo_store)
    first = _dialog(qtbot, demo_store, entry, None)
    assert first.editor.toPlainText().startswith("@")
    assert first.language_box.currentData() == "id"  # Indonesian unless the UI is not
    first.language_box.setCurrentIndex(first.language_box.findData("jv"))
    first.editor.setPlainText("Silakan unggah ulang dokumen penawaran sebelum pukul 16.00.")
    qtbot.waitUntil(lambda: len(demo_store.drafts()) == 1)  # saved while typing
    first.deleteLater()  # the window vanishes as in a crash: no close handler runs

    again = _dialog(qtbot, demo_store, entry, None)
    assert again.editor.toPlainText() == (
        "Silakan unggah ulang dokumen penawaran sebelum pukul 16.00."
    )
    assert again.language_box.currentData() == "jv"  # the draft keeps its language
    assert not again.send_button.isEnabled()  # demo: never sent


def test_failed_send_keeps_text_and_retry_reuses_the_key(
    qtbot: QtBot, demo_store: Store, loop: asyncio.AbstractEventLoop
) -> None:
    entry = _mention(demo_store)
    account = demo_store.account(entry.post.account_id)
    assert account is not None
    fake = FakeProvider(account, error=Offline(account.id, "timeout"))
    sender = OutboxSender(store=demo_store, providers=FakeProviders({account.id: fake}))
    dialog = _dialog(qtbot, demo_store, entry, sender)
    dialog.editor.setPlainText("@dewi_pokja sudah kami cek, silakan coba lagi.")
    dialog.send()
    loop.run_until_complete(asyncio.sleep(0.05))
    assert dialog.editor.toPlainText() == "@dewi_pokja sudah kami cek, silakan coba lagi."
    assert "try again" in dialog.problem.text()
    assert [i.state for i in demo_store.outbox()] == [OutboxState.FAILED]

    fake.error = None
    with qtbot.waitSignal(dialog.sent, timeout=2000):
        dialog.send()
        loop.run_until_complete(asyncio.sleep(0.05))
    keys = [key for _, key in fake.published]
    assert len(keys) == 2
    assert keys[0] == keys[1]  # the same idempotency key on the retry
    assert [i.state for i in demo_store.outbox()] == [OutboxState.SENT]
    assert demo_store.drafts() == []
    assert fake.published[-1][0].in_reply_to == entry.post.remote_id


def test_reply_in_a_conversation_stays_direct(qtbot: QtBot, demo_store: Store) -> None:
    accounts = [a.id for a in demo_store.accounts()]
    keys = [f"{a}|conversations" for a in accounts]
    conversation = demo_store.conversation_entries(keys, before=None, limit=1)[0]
    assert conversation.kind is EntryKind.CONVERSATION
    dialog = _dialog(qtbot, demo_store, conversation, None)
    draft = dialog.current_draft()
    assert draft is not None
    assert draft.visibility is Visibility.DIRECT


def test_reply_button_inside_a_thread_answers_the_conversation(
    qtbot: QtBot, demo_store: Store
) -> None:
    from app.ui.thread_dialog import ThreadDialog

    keys = [f"{a.id}|conversations" for a in demo_store.accounts()]
    conversation = demo_store.conversation_entries(keys, before=None, limit=1)[0]
    account = demo_store.account(conversation.post.account_id)
    assert account is not None
    remote_id = demo_store.conversation_remote_id(conversation.entry_id)
    assert remote_id is not None
    dialog = ThreadDialog(
        conversation, account, conversation_id=remote_id, store=demo_store, providers=None
    )
    qtbot.addWidget(dialog)
    delegate = dialog.list.itemDelegate()
    row = dialog.model.entry(0)
    assert row is not None
    with qtbot.waitSignal(dialog.reply_requested, timeout=1000) as asked:
        delegate.reply_requested.emit(row)  # type: ignore[attr-defined]
    assert asked.args == [conversation]


def test_reply_comes_from_the_column_account_and_changes_only_when_asked(
    qtbot: QtBot, demo_store: Store
) -> None:
    entry = _mention(demo_store)
    own = demo_store.account(entry.post.account_id)
    assert own is not None
    same_server = changed(own, id="mastodon:pokja", handle="pokja", display_name="Pokja")
    elsewhere = changed(own, id="mastodon:other", handle="humas", server="https://lain.example")
    for extra in (same_server, elsewhere):
        demo_store.upsert_account(extra)
    window = MainWindow(
        store=demo_store, services=None, settings=Settings(demo_store), bridge=MessageBridge()
    )
    qtbot.addWidget(window)

    window.reply_to(entry, same_server)  # from a column of the Pokja account

    compose = window.findChildren(ComposeDialog)[-1]
    qtbot.addWidget(compose)
    offered = [compose.account_box.itemData(i) for i in range(compose.account_box.count())]
    # the column's account first; the other account on the same server may be chosen, the
    # one on another server may not (its post ids differ)
    assert offered == [same_server.id, own.id]
    assert compose.account() == same_server
    assert not compose.account_box.isEnabled()
    assert compose.change_account.isVisibleTo(compose)
    compose.change_account.click()
    assert compose.account_box.isEnabled()
