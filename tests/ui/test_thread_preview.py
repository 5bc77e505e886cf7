"""A reply shows what it answers: the cached thread above the post, oldest first."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.model import Entry
from app.store import Store
from app.ui.compose_dialog import ComposeDialog, ReplyTarget
from tests.factories import make_account, make_post


def test_the_thread_above_the_post_is_shown_oldest_first(store: Store, qtbot: QtBot) -> None:
    account = make_account()
    store.upsert_account(account)
    start = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)
    root = make_post(remote_id="10", text="Lampu PJU di Jl. Pemuda mati total", created_at=start)
    middle = replace(
        make_post(remote_id="11", text="Sejak kapan, Kak?", created_at=start + timedelta(1)),
        reply_to_id="10",
    )
    last = replace(
        make_post(remote_id="12", text="Sejak Senin malam", created_at=start + timedelta(2)),
        reply_to_id="11",
    )
    store.upsert_posts("acct-1|mentions", [root, middle, last], fetched_at=start)
    [entry] = [
        e for e in store.feed_entries(["acct-1|mentions"], before=None, limit=5)
        if e.post.remote_id == "12"
    ]  # fmt: skip
    assert [p.remote_id for p in store.posts_above(entry.post)] == ["10", "11"]
    dialog = ComposeDialog(store=store, sender=None, accounts=[account], reply=ReplyTarget(entry))
    qtbot.addWidget(dialog)
    above = [w.text() for w in dialog.findChildren(QLabel, "thread-above")]
    assert len(above) == 2
    assert above[0].endswith("Lampu PJU di Jl. Pemuda mati total")
    assert above[1].endswith("Sejak kapan, Kak?")


def test_a_post_answering_nothing_cached_shows_no_thread(store: Store, qtbot: QtBot) -> None:
    account = make_account()
    store.upsert_account(account)
    post = replace(make_post(remote_id="20"), reply_to_id="999")  # its parent is not cached
    store.upsert_posts("acct-1|mentions", [post], fetched_at=datetime.now(UTC))
    [entry] = store.feed_entries(["acct-1|mentions"], before=None, limit=1)
    assert isinstance(entry, Entry)
    dialog = ComposeDialog(store=store, sender=None, accounts=[account], reply=ReplyTarget(entry))
    qtbot.addWidget(dialog)
    assert dialog.findChildren(QLabel, "thread-above") == []
