"""The demo profile: a full, deterministic deck with no account signed in and no network."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import columns
from app import demo
from app.model import ColumnState, EntryKind, FeedKind, Network, Post
from app.store import Store

NOW = datetime(2025, 3, 12, 2, 30, tzinfo=UTC)  # 09.30 WIB


def _forbid(*args: object, **kwargs: object) -> None:
    raise AssertionError("the demo must not touch the keyring or the network")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    keyring = pytest.importorskip("keyring")
    for name in ("get_password", "set_password", "delete_password", "get_credential"):
        monkeypatch.setattr(keyring, name, _forbid)
    monkeypatch.setattr(socket.socket, "connect", _forbid)
    monkeypatch.setattr(socket, "getaddrinfo", _forbid)
    opened = Store.open(tmp_path / "demo.sqlite")
    demo.populate(opened, now=NOW)
    yield opened
    opened.close()


def _page(store: Store, column: ColumnState, limit: int = 100) -> list[Post]:
    kind = columns.kinds()[column.spec.kind]
    entries = kind.page(store, column.spec, store.accounts(), before=None, limit=limit)
    return [e.post for e in entries]


def test_accounts_one_per_network(store: Store) -> None:
    accounts = store.accounts()
    assert {a.id for a in accounts} == {demo.MASTODON_ID, demo.BLUESKY_ID, demo.X_ID}
    assert {a.network for a in accounts} == set(Network)
    assert all(".example" in a.server or a.network is not Network.MASTODON for a in accounts)


def test_deck_order_and_every_column_has_a_full_first_page(store: Store) -> None:
    deck = store.columns()
    assert [(c.spec.kind, c.spec.account_id) for c in deck] == [
        ("mentions", demo.MASTODON_ID),
        ("inbox", demo.X_ID),
        ("hashtag", demo.X_ID),
        ("messages", ""),
        ("scheduled", ""),
        ("hashtag", demo.BLUESKY_ID),
        ("home", demo.BLUESKY_ID),
        ("search", ""),
    ]
    kinds = columns.kinds()
    for column in deck:
        kind = kinds[column.spec.kind]
        page = kind.page(store, column.spec, store.accounts(), before=None, limit=5)
        assert len(page) == 5, column.spec
        assert {e.kind for e in page} == {kind.entry_kind}
        keys = [f.key for f in kind.feeds(column.spec, store.accounts())]
        if keys:
            refreshed = store.last_refreshed(keys)
            assert refreshed is not None
            assert NOW - timedelta(hours=1) <= refreshed <= NOW


def test_feed_sizes(store: Store) -> None:
    sizes = [len(_page(store, c)) for c in store.columns()]
    mentions, inbox, kemala, messages, scheduled, rakornas, home, search = sizes
    assert mentions >= 30
    assert inbox >= 20
    assert kemala >= 40
    assert messages == 12
    assert scheduled == 6
    assert rakornas >= 15
    assert home >= 20
    assert search >= 5


def test_posts_are_recent_and_well_formed(store: Store) -> None:
    for column in store.columns():
        for post in _page(store, column):
            if column.spec.kind in ("scheduled", "inbox"):
                continue
            assert NOW - timedelta(days=2) <= post.created_at <= NOW
            assert post.text
            assert post.html.startswith("<p>")
            assert "<script" not in post.html
            assert post.account_id in {demo.MASTODON_ID, demo.BLUESKY_ID, demo.X_ID}
            if post.url:
                assert post.url.startswith("https://")
            for media in post.media:
                assert media.kind == "image"
                assert media.description


def test_hashtag_columns_only_hold_their_tag(store: Store) -> None:
    for column in store.columns():
        if column.spec.kind != "hashtag":
            continue
        (tag,) = column.spec.option_list("tags")
        posts = _page(store, column)
        assert all(f"#{tag}".casefold() in p.text.casefold() for p in posts)
        assert any(p.media for p in posts)
    kemala = _page(store, store.columns()[2])
    desk = [p for p in kemala if p.author.handle == "HumasJatengDemo"]
    assert desk
    assert all(p.reply_to_id for p in desk)


def test_replies_point_at_posts_of_the_same_feed(store: Store) -> None:
    posts = _page(store, store.columns()[0])
    ids = {p.remote_id: p for p in posts}
    replies = [p for p in posts if p.reply_to_id]
    assert len(replies) >= 8
    for reply in replies:
        parent = ids[reply.reply_to_id]
        assert parent.created_at < reply.created_at


def test_search_column_finds_the_query(store: Store) -> None:
    search = store.columns()[7]
    query = search.spec.option_str("query")
    assert query == "dokumen penawaran"
    assert all(query in p.text.casefold() for p in _page(store, search))


def test_scheduled_column_is_soonest_first_with_one_failure(store: Store) -> None:
    entries = columns.kinds()["scheduled"].page(
        store, store.columns()[4].spec, store.accounts(), before=None, limit=50
    )
    times = [e.scheduled_at for e in entries]
    assert all(t is not None for t in times)
    assert times == sorted(t for t in times if t is not None)
    assert [e.state for e in entries].count("failed") == 1
    assert len({e.post.account_id for e in entries}) == 3
    assert all(t is not None and t <= NOW + timedelta(days=7) for t in times)


def test_conversations_some_unread_on_two_accounts(store: Store) -> None:
    entries = columns.kinds()["messages"].page(
        store, store.columns()[3].spec, store.accounts(), before=None, limit=50
    )
    assert all(e.kind is EntryKind.CONVERSATION for e in entries)
    unread = [e for e in entries if e.unread]
    assert 3 <= len(unread) < len(entries)
    assert {e.post.account_id for e in unread} == {demo.MASTODON_ID, demo.X_ID}


def test_read_positions_leave_some_rows_unread(store: Store) -> None:
    deck = store.columns()
    for column in (deck[0], deck[2]):
        assert column.spec.id is not None
        position = store.read_position(column.spec.id)
        assert position is not None
        kind = columns.kinds()[column.spec.kind]
        entries = kind.page(store, column.spec, store.accounts(), before=None, limit=100)
        newer = [e for e in entries if e.key > position]
        assert 0 < len(newer) < len(entries)


def test_feed_keys_come_from_the_column_kinds(store: Store) -> None:
    hashtag = columns.kinds()["hashtag"]
    (feed,) = hashtag.feeds(store.columns()[2].spec, store.accounts())
    assert feed.kind is FeedKind.TAG
    assert store.feed_entries([feed.key], before=None, limit=1)


def test_deterministic_for_seed_and_now(tmp_path: Path) -> None:
    def texts(name: str, seed: int) -> list[tuple[str, str, datetime]]:
        opened = Store.open(tmp_path / name)
        try:
            demo.populate(opened, now=NOW, seed=seed)
            return [
                (p.remote_id, p.text, p.created_at)
                for column in opened.columns()
                for p in _page(opened, column)
            ]
        finally:
            opened.close()

    first = texts("a.sqlite", 7)
    assert first == texts("b.sqlite", 7)
    assert first != texts("c.sqlite", 8)


def test_second_populate_is_refused(store: Store) -> None:
    before = [(c.spec.kind, c.spec.account_id) for c in store.columns()]
    with pytest.raises(demo.DemoError, match="empty store"):
        demo.populate(store, now=NOW)
    assert [(c.spec.kind, c.spec.account_id) for c in store.columns()] == before
