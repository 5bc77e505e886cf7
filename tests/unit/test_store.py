"""The SQLite store on a real file: upserts, paging, search, accounts, queues, layout."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import schema
from app.model import (
    Account,
    ColumnSpec,
    ColumnState,
    Conversation,
    Draft,
    Entry,
    EntryKind,
    Media,
    Network,
    OutboxState,
    Person,
    Post,
    ScheduledPost,
    ScheduleState,
    Visibility,
)
from app.store import ACCOUNTS_CHANGED, SCHEDULED_CHANGED, Store, StoreError, fts_query

T0 = datetime(2026, 8, 17, 9, 0, tzinfo=UTC)
HUMAS = Person(Network.MASTODON, "101", "humas", "Humas Jatèng", instance="mastodon.go.id")
WARGA = Person(Network.MASTODON, "202", "warga", "Budi Santoso", instance="mastodon.go.id")


def make_post(
    n: int,
    *,
    account: str = "acc",
    author: Person = HUMAS,
    text: str = "",
    minutes: int | None = None,
) -> Post:
    return Post(
        network=Network.MASTODON,
        remote_id=str(n),
        account_id=account,
        author=author,
        created_at=T0 + timedelta(minutes=n if minutes is None else minutes),
        html=f"<p>post {n}</p>",
        text=text or f"pengumuman tender nomor {n}",
        instance="mastodon.go.id",
    )


def count(store: Store, table: str) -> int:
    return int(store.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def fts_ok(store: Store) -> None:
    # Raises "database disk image is malformed" when the triggers broke the index.
    store.db.conn.execute(
        "INSERT INTO post_search (post_search, rank) VALUES ('integrity-check', 1)"
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


# opening


def test_open_creates_dirs_and_sets_pragmas(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a" / "b" / "cache.sqlite3")
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store.schema_version == schema.LATEST
    assert store.path == tmp_path / "a" / "b" / "cache.sqlite3"
    store.close()


def test_open_twice_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    first = Store.open(path)
    first.set_setting("bahasa", "id")
    first.close()
    second = Store.open(path)
    assert second.setting("bahasa") == "id"
    second.close()


def test_open_non_database_is_store_error(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is not sqlite at all, just some text " * 100)
    with pytest.raises(StoreError, match="cannot be used"):
        Store.open(path)


def test_open_newer_schema_is_store_error(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer version of Pantau"):
        Store.open(path)


def test_open_unwritable_folder_is_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        Store.open(blocker / "cache.sqlite3")


# posts and feeds


def test_upsert_is_idempotent(store: Store) -> None:
    posts = [make_post(n) for n in range(5)]
    assert store.upsert_posts("acc|home", posts, fetched_at=T0) == 5
    ids = [e.entry_id for e in store.feed_entries(["acc|home"], before=None, limit=10)]
    assert store.upsert_posts("acc|home", posts, fetched_at=T0) == 0
    again = [e.entry_id for e in store.feed_entries(["acc|home"], before=None, limit=10)]
    assert again == ids
    assert count(store, "posts") == 5
    assert count(store, "people") == 1
    assert count(store, "feed_items") == 5
    # A changed time moves the post in every feed it is filed under.
    store.upsert_posts("acc|mentions", [make_post(0, minutes=60)], fetched_at=T0)
    (top,) = store.feed_entries(["acc|home"], before=None, limit=1)
    assert (top.post.remote_id, top.entry_id) == ("0", ids[-1])
    fts_ok(store)


def test_upsert_updates_in_place_and_reindexes(store: Store) -> None:
    store.upsert_posts("acc|home", [make_post(1, text="jalan rusak")], fetched_at=T0)
    (before,) = store.feed_entries(["acc|home"], before=None, limit=5)
    edited = make_post(1, text="jembatan putus", author=HUMAS)
    renamed = Person(
        HUMAS.network, HUMAS.remote_id, "humas", "Diskominfo Provinsi", instance=HUMAS.instance
    )
    store.upsert_posts("acc|home", [edited], fetched_at=T0)
    store.upsert_posts("acc|mentions", [make_post(2, author=renamed)], fetched_at=T0)
    (after,) = store.feed_entries(["acc|home"], before=None, limit=5)
    assert after.entry_id == before.entry_id
    assert after.post.text == "jembatan putus"
    assert after.post.author.display_name == "Diskominfo Provinsi"
    assert store.search_entries("jalan", [], before=None, limit=5) == []
    assert len(store.search_entries("jembatan", [], before=None, limit=5)) == 1
    assert len(store.search_entries("diskominfo", [], before=None, limit=5)) == 2
    assert store.search_entries("jatèng", [], before=None, limit=5) == []
    fts_ok(store)


def test_same_post_in_one_batch_counts_once(store: Store) -> None:
    assert store.upsert_posts("acc|home", [make_post(1), make_post(1)], fetched_at=T0) == 1


def test_entry_rebuilds_the_post(store: Store) -> None:
    post = Post(
        network=Network.MASTODON,
        remote_id="99",
        account_id="acc",
        author=Person(
            Network.MASTODON,
            "7",
            "lpse",
            "LPSE Kota",
            "https://a/x.png",
            "https://m/@lpse",
            "mastodon.go.id",
        ),
        created_at=T0,
        html="<p>Dokumen <b>penawaran</b></p>",
        text="Dokumen penawaran",
        url="https://mastodon.go.id/@lpse/99",
        instance="mastodon.go.id",
        reply_to_id="98",
        thread_root_id="90",
        conversation_id="c1",
        visibility=Visibility.UNLISTED,
        spoiler="tender",
        media=(
            Media("image", "https://m/1.png", "https://m/1s.png", "tangkapan layar"),
            Media("video", "https://m/2.mp4"),
        ),
        raw='{"id": "99"}',
    )
    store.upsert_posts("acc|home", [post], fetched_at=T0)
    (entry,) = store.feed_entries(["acc|home"], before=None, limit=5)
    # Every field comes back but the network's JSON, which stays in the file only: rows
    # on screen have no use for it and it is most of their memory.
    assert entry.post == replace(post, raw="")
    raw = store.db.conn.execute("SELECT raw_json FROM posts WHERE remote_id = '99'").fetchone()
    assert raw[0] == post.raw
    assert entry.kind is EntryKind.POST
    assert entry.sort_key == int(T0.timestamp() * 1000)
    assert entry.key == (entry.sort_key, entry.entry_id)


def test_failed_upsert_writes_nothing(store: Store) -> None:
    calls: list[frozenset[str]] = []
    store.add_listener(calls.append)
    bad_author = Person(Network.MASTODON, "x", None, "Tanpa Nama")  # type: ignore[arg-type]
    posts = [make_post(1), make_post(2), make_post(3, author=bad_author)]
    with pytest.raises(StoreError):
        store.upsert_posts("acc|home", posts, fetched_at=T0)
    for table in ("posts", "people", "feed_items", "feeds"):
        assert count(store, table) == 0, table
    assert calls == []
    assert store.last_refreshed(["acc|home"]) is None
    fts_ok(store)


def test_exception_mid_upsert_rolls_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.upsert_posts("acc|home", [make_post(1)], fetched_at=T0)
    real = Store._upsert_post
    seen: list[int] = []

    def flaky(self: Store, post: Post) -> int:
        seen.append(1)
        if len(seen) == 3:
            raise RuntimeError("boom")
        return real(self, post)

    monkeypatch.setattr(Store, "_upsert_post", flaky)
    with pytest.raises(RuntimeError, match="boom"):
        store.upsert_posts("acc|home", [make_post(n) for n in range(2, 6)], fetched_at=T0)
    assert count(store, "posts") == 1
    assert count(store, "feed_items") == 1
    assert store.last_refreshed(["acc|home"]) == T0
    fts_ok(store)


def page_through(store: Store, keys: list[str], limit: int) -> list[list[tuple[int, int]]]:
    pages: list[list[tuple[int, int]]] = []
    before: tuple[int, int] | None = None
    while True:
        page = store.feed_entries(keys, before=before, limit=limit)
        if not page:
            return pages
        pages.append([e.key for e in page])
        before = page[-1].key


def test_paging_returns_every_row_once_in_order(store: Store) -> None:
    # Equal times too, so the id breaks ties.
    posts = [make_post(n, minutes=n // 3) for n in range(25)]
    store.upsert_posts("acc|home", posts, fetched_at=T0)
    pages = page_through(store, ["acc|home"], 10)
    assert [len(p) for p in pages] == [10, 10, 5]
    keys = [k for page in pages for k in page]
    assert len(set(keys)) == 25
    assert keys == sorted(keys, reverse=True)
    first = store.feed_entries(["acc|home"], before=None, limit=10)
    assert len(first) < len(posts)
    assert [e.post.remote_id for e in first][:3] == ["24", "23", "22"]


def test_entries_deduplicate_across_feed_keys(store: Store) -> None:
    store.upsert_posts("acc|home", [make_post(n) for n in range(0, 20)], fetched_at=T0)
    store.upsert_posts("acc|tag|any:jalan", [make_post(n) for n in range(10, 30)], fetched_at=T0)
    store.upsert_posts("other|home", [make_post(n) for n in range(25, 35)], fetched_at=T0)
    keys = ["acc|home", "acc|tag|any:jalan", "acc|home"]
    pages = page_through(store, keys, 7)
    flat = [k for page in pages for k in page]
    assert len(flat) == len(set(flat)) == 30
    assert flat == sorted(flat, reverse=True)
    assert store.feed_entries([], before=None, limit=10) == []
    assert store.feed_entries(["nothing|home"], before=None, limit=10) == []


def test_many_feed_keys_use_the_fallback_query(store: Store) -> None:
    keys = [f"k{n}|tag" for n in range(150)]
    for n, key in enumerate(keys[:5]):
        store.upsert_posts(key, [make_post(n), make_post(100 + n)], fetched_at=T0)
    store.upsert_posts(keys[140], [make_post(1)], fetched_at=T0)
    flat = [k for page in page_through(store, keys, 4) for k in page]
    assert len(flat) == len(set(flat)) == 10


@pytest.mark.parametrize("key_count", [1, 3, 150])
def test_feed_page_stays_on_the_index(store: Store, key_count: int) -> None:
    keys = [f"acc|k{n}" for n in range(key_count)]
    sql, params = Store.feed_page_sql(keys, (123, 4), 40)
    plan = [row[3] for row in store.db.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert any("feed_items_page" in step for step in plan), plan
    assert not any(step.startswith("SCAN posts") for step in plan), plan
    assert not any(step.startswith("SCAN feed_items") for step in plan), plan


def test_listeners_hear_after_commit(store: Store) -> None:
    seen: list[tuple[frozenset[str], int]] = []

    def listener(keys: frozenset[str]) -> None:
        # Called after the commit: the new rows are already readable.
        seen.append((keys, len(store.feed_entries(["acc|home"], before=None, limit=50))))

    store.add_listener(listener)
    store.upsert_posts("acc|home", [make_post(1), make_post(2)], fetched_at=T0)
    assert seen == [(frozenset({"acc|home"}), 2)]
    store.remove_listener(listener)
    store.upsert_posts("acc|home", [make_post(3)], fetched_at=T0)
    assert len(seen) == 1


def test_last_refreshed_is_the_oldest(store: Store) -> None:
    assert store.last_refreshed(["a|home", "b|home"]) is None
    store.mark_refreshed("a|home", T0 + timedelta(hours=1))
    store.upsert_posts("b|home", [make_post(1)], fetched_at=T0)
    assert store.last_refreshed(["a|home", "b|home", "c|home"]) == T0
    assert store.last_refreshed(["a|home"]) == T0 + timedelta(hours=1)
    wib = timezone(timedelta(hours=7))
    jakarta = datetime(2026, 8, 17, 20, 0, tzinfo=UTC).astimezone(wib)
    store.mark_refreshed("c|home", jakarta)
    assert store.last_refreshed(["c|home"]) == jakarta
    refreshed = store.last_refreshed(["c|home"])
    assert refreshed is not None
    assert refreshed.tzinfo is UTC


def test_feed_cursor_never_cleared_by_empty(store: Store) -> None:
    assert store.feed_cursor("acc|home") == ("", "")
    store.set_feed_cursor("acc|home", older="o1", newer="n1")
    store.set_feed_cursor("acc|home", older="", newer="n2")
    assert store.feed_cursor("acc|home") == ("o1", "n2")
    store.set_feed_cursor("acc|home")
    assert store.feed_cursor("acc|home") == ("o1", "n2")
    store.mark_refreshed("acc|home", T0)
    assert store.feed_cursor("acc|home") == ("o1", "n2")


# search


def seed_search(store: Store) -> None:
    store.upsert_posts(
        "acc|home",
        [
            make_post(1, text="Jalan rusak di Semarang, mohon ditindaklanjuti"),
            make_post(2, author=WARGA, text="Bagaimana cara unggah dokumen penawaran?"),
            make_post(3, text="Rapat koordinasi di café balai kota"),
        ],
        fetched_at=T0,
    )
    store.upsert_posts(
        "lain|home", [make_post(4, account="lain", text="jalan tol baru")], fetched_at=T0
    )


def remote_ids(entries: list[Entry]) -> list[str]:
    return [e.post.remote_id for e in entries]


def test_search_text_author_and_prefix(store: Store) -> None:
    seed_search(store)
    assert remote_ids(store.search_entries("jalan", [], before=None, limit=10)) == ["4", "1"]
    assert remote_ids(store.search_entries("jalan", ["acc"], before=None, limit=10)) == ["1"]
    assert remote_ids(store.search_entries("dok", [], before=None, limit=10)) == ["2"]
    assert remote_ids(store.search_entries("budi", [], before=None, limit=10)) == ["2"]
    assert remote_ids(store.search_entries("santoso unggah", [], before=None, limit=10)) == ["2"]
    assert remote_ids(store.search_entries("jalan budi", [], before=None, limit=10)) == []
    assert remote_ids(store.search_entries("@humas", ["acc"], before=None, limit=10)) == ["3", "1"]


def test_search_ignores_diacritics(store: Store) -> None:
    seed_search(store)
    assert remote_ids(store.search_entries("cafe", [], before=None, limit=10)) == ["3"]
    assert remote_ids(store.search_entries("CAFÉ", [], before=None, limit=10)) == ["3"]
    assert len(store.search_entries("jateng", ["acc"], before=None, limit=10)) == 2
    assert len(store.search_entries("Jatèng", ["acc"], before=None, limit=10)) == 2


def test_search_pages_with_keyset(store: Store) -> None:
    store.upsert_posts("acc|home", [make_post(n) for n in range(12)], fetched_at=T0)
    first = store.search_entries("tender", [], before=None, limit=5)
    second = store.search_entries("tender", [], before=first[-1].key, limit=5)
    third = store.search_entries("tender", [], before=second[-1].key, limit=5)
    keys = [e.key for e in first + second + third]
    assert [len(first), len(second), len(third)] == [5, 5, 2]
    assert keys == sorted(set(keys), reverse=True)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "AND",
        "OR NOT",
        "(",
        "a)",
        "NEAR(x y)",
        "jalan AND",
        "col:jalan",
        "^x",
        "-",
        "+",
        "'",
        "\x00",
        "   ",
        "",
        "𝕏 🚧 jalan",
        'a"b',
        "x*y*",
        "{text}: a",
    ],
)
def test_search_hostile_queries_do_not_raise(store: Store, query: str) -> None:
    seed_search(store)
    store.search_entries(query, ["acc"], before=None, limit=5)


def test_search_any_text_never_raises(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "cache.sqlite3")
    seed_search(store)

    @settings(
        max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(st.text(), st.lists(st.text(max_size=5), max_size=3))
    def check(query: str, accounts: list[str]) -> None:
        store.search_entries(query, accounts, before=None, limit=5)
        store.search_entries(query, accounts, before=(2**62, 1), limit=5)

    check()
    store.close()


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('jalan "rusak') == '"jalan"* """rusak"*'
    assert fts_query("  ") == ""


# conversations


def make_conversation(n: int, *, last: Post | None, unread: bool = False) -> Conversation:
    return Conversation(
        network=Network.MASTODON,
        remote_id=f"c{n}",
        account_id="acc",
        participants=(WARGA, HUMAS),
        last_post=last,
        unread=unread,
        updated_at=T0 + timedelta(hours=n),
        instance="mastodon.go.id",
    )


def test_conversations_entries(store: Store) -> None:
    dm = make_post(50, author=WARGA, text="Mohon info jadwal lelang")
    convs = [
        make_conversation(1, last=make_post(40, author=WARGA)),
        make_conversation(2, last=dm, unread=True),
        make_conversation(3, last=None),
    ]
    seen: list[frozenset[str]] = []
    store.add_listener(seen.append)
    assert store.upsert_conversations("acc|conversations", convs, fetched_at=T0) == 3
    assert store.upsert_conversations("acc|conversations", convs, fetched_at=T0) == 0
    assert seen[-1] == frozenset({"acc|conversations"})
    entries = store.conversation_entries(["acc|conversations"], before=None, limit=10)
    assert [e.post.remote_id for e in entries] == ["50", "40"]
    top = entries[0]
    assert top.kind is EntryKind.CONVERSATION
    assert top.unread is True
    assert top.participants == (WARGA, HUMAS)
    assert top.post == dm
    assert top.sort_key == int((T0 + timedelta(hours=2)).timestamp() * 1000)
    rest = store.conversation_entries(["acc|conversations"], before=top.key, limit=10)
    assert [e.post.remote_id for e in rest] == ["40"]
    assert store.conversation_entries(["x|conversations"], before=None, limit=10) == []
    # A later listing without the last post keeps the one stored.
    store.upsert_conversations(
        "acc|conversations", [make_conversation(2, last=None)], fetched_at=T0
    )
    again = store.conversation_entries(["acc|conversations"], before=None, limit=1)
    assert again[0].post == dm
    assert again[0].unread is False
    assert len(store.search_entries("jadwal", [], before=None, limit=5)) == 1


# scheduled


def test_scheduled_soonest_first(store: Store) -> None:
    store.upsert_account(
        Account(
            "acc",
            Network.MASTODON,
            "humas",
            "Humas",
            "https://m.go.id",
            "101",
            "https://m.go.id/a.png",
        )
    )
    seen: list[frozenset[str]] = []
    store.add_listener(seen.append)
    times = [5, 1, 3, 2, 4]
    ids = [
        store.add_scheduled(
            ScheduledPost(0, "acc", f"post {h}\nbaris <b>2</b>", T0 + timedelta(hours=h))
        )
        for h in times
    ]
    assert len(set(ids)) == 5
    assert seen[-1] == frozenset({SCHEDULED_CHANGED})
    store.set_scheduled_state(ids[3], ScheduleState.FAILED, error="422")
    store.set_scheduled_state(ids[2], ScheduleState.SENT, remote_id="r3")
    store.add_scheduled(ScheduledPost(0, "ghost", "no account", T0))
    first = store.scheduled_entries([], before=None, limit=2)
    second = store.scheduled_entries(["acc"], before=first[-1].key, limit=10)
    hours = [
        int((e.scheduled_at - T0).total_seconds() // 3600)  # type: ignore[operator]
        for e in first + second
    ]
    assert hours == [1, 2, 4, 5]
    entry = first[0]
    assert entry.kind is EntryKind.SCHEDULED
    assert entry.state == "pending"
    assert first[1].state == "failed"
    assert entry.sort_key == -int((T0 + timedelta(hours=1)).timestamp() * 1000)
    assert entry.post.text == "post 1\nbaris <b>2</b>"
    assert entry.post.html == "post 1<br>baris &lt;b&gt;2&lt;/b&gt;"
    assert entry.post.author == Person(
        Network.MASTODON, "101", "humas", "Humas", "https://m.go.id/a.png"
    )
    stored = store.scheduled_post(ids[2])
    assert stored is not None
    assert (stored.state, stored.remote_id) == (ScheduleState.SENT, "r3")
    # ids[3] (hour 2) failed and "ghost" has no account: neither is due.
    due = store.due_scheduled(T0 + timedelta(hours=2, minutes=30))
    assert [p.id for p in due] == [ids[1]]


# accounts


def test_accounts_roundtrip(store: Store) -> None:
    seen: list[frozenset[str]] = []
    store.add_listener(seen.append)
    a = Account("a", Network.MASTODON, "humas", "Humas", server="https://m.go.id")
    b = Account("b", Network.BLUESKY, "lpse.bsky.social", "LPSE")
    store.upsert_account(a)
    store.upsert_account(b)
    store.upsert_account(a)
    assert store.accounts() == [a, b]
    store.set_account_problem("b", "Sesi berakhir")
    assert store.account("b") == Account(
        "b", Network.BLUESKY, "lpse.bsky.social", "LPSE", problem="Sesi berakhir"
    )
    assert store.account("zzz") is None
    assert seen == [frozenset({ACCOUNTS_CHANGED})] * 4


def seed_account(store: Store, account_id: str, posts: list[Post]) -> None:
    store.upsert_account(Account(account_id, Network.MASTODON, account_id, account_id))
    store.upsert_posts(f"{account_id}|home", posts, fetched_at=T0)
    store.set_feed_cursor(f"{account_id}|home", older="o")
    store.upsert_conversations(
        f"{account_id}|conversations",
        [
            Conversation(
                Network.MASTODON,
                f"c-{account_id}",
                account_id,
                (WARGA,),
                make_post(900 if account_id == "a" else 901, account=account_id, author=WARGA),
                True,
                T0,
            )
        ],
        fetched_at=T0,
    )
    column = store.add_column(ColumnSpec("home", account_id))
    store.set_read_position(column.spec.id or 0, (1, 1))
    store.add_scheduled(ScheduledPost(0, account_id, "nanti", T0))
    store.save_draft(Draft(account_id, "draf"))
    store.enqueue(account_id, "post", "{}", idempotency_key=f"k-{account_id}")


def test_remove_account_without_purge_keeps_cache(store: Store) -> None:
    seed_account(store, "a", [make_post(1, account="a")])
    store.add_column(ColumnSpec("search", "", {"query": "jalan"}))
    store.remove_account("a", purge=False)
    assert store.accounts() == []
    assert [c.spec.kind for c in store.columns()] == ["search"]
    assert count(store, "read_positions") == 0
    assert len(store.feed_entries(["a|home"], before=None, limit=5)) == 1
    assert store.scheduled_entries([], before=None, limit=5) == []  # its account is gone
    assert len(store.drafts()) == 1


def test_remove_account_with_purge(store: Store) -> None:
    shared = make_post(2, account="a", text="berbagi")
    seed_account(store, "a", [make_post(1, account="a"), shared])
    seed_account(store, "b", [make_post(3, account="b", author=WARGA), shared])
    seen: list[frozenset[str]] = []
    store.add_listener(seen.append)
    store.remove_account("a", purge=True)
    assert seen == [frozenset({ACCOUNTS_CHANGED, SCHEDULED_CHANGED, "a|home", "a|conversations"})]
    assert [a.id for a in store.accounts()] == ["b"]
    assert store.feed_entries(["a|home"], before=None, limit=5) == []
    assert store.feed_cursor("a|home") == ("", "")
    assert store.last_refreshed(["a|home", "a|conversations"]) is None
    remaining = {e.post.remote_id for e in store.feed_entries(["b|home"], before=None, limit=5)}
    assert remaining == {"2", "3"}
    assert {r[0] for r in store.db.conn.execute("SELECT remote_id FROM posts")} == {"2", "3", "901"}
    assert remote_ids(store.search_entries("berbagi", ["b"], before=None, limit=5)) == ["2"]
    assert store.conversation_entries(["a|conversations"], before=None, limit=5) == []
    assert len(store.conversation_entries(["b|conversations"], before=None, limit=5)) == 1
    assert [d.account_id for d in store.drafts()] == ["b"]
    assert [o.account_id for o in store.outbox()] == ["b"]
    assert [e.post.account_id for e in store.scheduled_entries([], before=None, limit=5)] == ["b"]
    assert [c.spec.account_id for c in store.columns()] == ["b"]
    assert {r[0] for r in store.db.conn.execute("SELECT handle FROM people")} == {"humas", "warga"}
    fts_ok(store)


# layout, drafts, outbox, settings


def test_columns_layout(store: Store) -> None:
    home = store.add_column(ColumnSpec("home", "a"), width=400)
    tag = store.add_column(ColumnSpec("hashtag", "a", {"tags": ["jalan", "banjir"]}))
    dms = store.add_column(ColumnSpec("messages"))
    assert [c.position for c in (home, tag, dms)] == [0, 1, 2]
    assert store.columns() == [home, tag, dms]
    assert store.columns()[1].spec.option_list("tags") == ("jalan", "banjir")
    store.save_layout(
        [
            ColumnState(dms.spec, 0, 300, scroll_entry=7, scroll_offset=-12),
            ColumnState(home.spec, 1, 420),
            ColumnState(tag.spec, 2),
            ColumnState(ColumnSpec("never-stored"), 3),
        ]
    )
    assert [(c.spec.kind, c.width) for c in store.columns()] == [
        ("messages", 300),
        ("home", 420),
        ("hashtag", 360),
    ]
    assert store.columns()[0].scroll_entry == 7
    assert store.columns()[0].scroll_offset == -12
    assert tag.spec.id is not None
    store.update_column_spec(tag.spec.id, ColumnSpec("hashtag", "a", {"tags": ["banjir"]}))
    assert store.columns()[2].spec.options == {"tags": ["banjir"]}
    assert store.read_position(tag.spec.id) is None
    store.set_read_position(tag.spec.id, (10, 2))
    store.set_read_position(tag.spec.id, (11, 3))
    assert store.read_position(tag.spec.id) == (11, 3)
    store.remove_column(tag.spec.id)
    assert store.read_position(tag.spec.id) is None
    assert len(store.columns()) == 2
    assert store.add_column(ColumnSpec("search")).position == 2


def test_drafts(store: Store) -> None:
    first = store.save_draft(Draft("a", "halo"))
    second = store.save_draft(
        Draft("a", "balasan", in_reply_to="9", visibility=Visibility.DIRECT, spoiler="cw")
    )
    assert store.save_draft(Draft("a", "halo lagi", id=first)) == first
    assert store.drafts() == [
        Draft("a", "halo lagi", id=first),
        Draft("a", "balasan", "9", Visibility.DIRECT, "cw", id=second),
    ]
    store.delete_draft(first)
    assert [d.id for d in store.drafts()] == [second]


def test_outbox_is_idempotent(store: Store) -> None:
    item = store.enqueue("a", "post", '{"text": "halo"}', idempotency_key="k1")
    again = store.enqueue("a", "post", '{"text": "lain"}', idempotency_key="k1")
    assert again == item
    assert item.state is OutboxState.QUEUED
    assert len(store.outbox()) == 1
    store.set_outbox_state(item.id, OutboxState.SENDING)
    store.set_outbox_state(item.id, OutboxState.FAILED, error="timeout")
    store.set_outbox_state(item.id, OutboxState.SENDING)
    (sending,) = store.outbox(OutboxState.SENDING)
    assert (sending.attempts, sending.error) == (2, "")
    assert store.outbox(OutboxState.QUEUED) == []
    store.set_outbox_state(item.id, OutboxState.FAILED, error="timeout")
    assert store.outbox(OutboxState.FAILED)[0].error == "timeout"


def test_settings(store: Store) -> None:
    assert store.setting("tema") is None
    store.set_setting("tema", "gelap")
    store.set_setting("tema", "terang")
    assert store.setting("tema") == "terang"


def test_server_scheduled_queue_follows_the_server(tmp_path: Path) -> None:
    from app.model import ScheduledPost, ScheduleState
    from tests.factories import make_account

    store = Store.open(tmp_path / "s.sqlite3")
    store.upsert_account(make_account())
    now = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)

    def server_post(remote_id: str, minutes: int, text: str = "Pengumuman") -> ScheduledPost:
        return ScheduledPost(
            0, "acct-1", text, now + timedelta(minutes=minutes), remote_id=remote_id
        )

    store.reconcile_server_scheduled(
        "acct-1", [server_post("a", 30), server_post("b", 60), server_post("c", -5)], now=now
    )
    store.reconcile_server_scheduled(
        "acct-1", [server_post("b", 90, "Pengumuman (diubah)")], now=now
    )
    rows = {p.remote_id: p for p in (store.scheduled_post(i) for i in range(1, 4)) if p}
    assert rows["a"].state is ScheduleState.CANCELLED  # gone before its time
    assert rows["c"].state is ScheduleState.SENT  # gone after its time: it went out
    assert rows["b"].state is ScheduleState.PENDING
    assert rows["b"].text == "Pengumuman (diubah)"
    assert rows["b"].scheduled_at == now + timedelta(minutes=90)
    entries = store.scheduled_entries(["acct-1"], before=None, limit=10)
    assert [e.post.text for e in entries] == ["Pengumuman (diubah)"]


def test_conversation_read_marks_and_notifies(tmp_path: Path) -> None:
    from app.model import Conversation
    from tests import factories

    store = Store.open(tmp_path / "c.sqlite3")
    store.upsert_account(factories.make_account())
    post = factories.make_post(remote_id="dm-1")
    conversation = Conversation(
        post.network, "conv-9", "acct-1", (post.author,), post, True, post.created_at
    )
    store.upsert_conversations("acct-1|conversations", [conversation], fetched_at=post.created_at)
    entry = store.conversation_entries(["acct-1|conversations"], before=None, limit=1)[0]
    assert entry.unread
    assert store.conversation_remote_id(entry.entry_id) == "conv-9"
    heard: list[frozenset[str]] = []
    store.add_listener(heard.append)
    store.set_conversation_read(entry.entry_id)
    assert heard == [frozenset({"acct-1|conversations"})]
    assert not store.conversation_entries(["acct-1|conversations"], before=None, limit=1)[0].unread


def test_a_post_deleted_on_the_server_leaves_every_feed_and_search(tmp_path: Path) -> None:
    from tests import factories

    store = Store.open(tmp_path / "d.sqlite3")
    post = factories.make_post(remote_id="gone-1", text="Jalan ambles di Wonosobo")
    keep = factories.make_post(remote_id="stay-2", text="Jalan ambles lagi")
    store.upsert_posts("acct-1|mentions", [post, keep], fetched_at=T0)
    store.upsert_posts("acct-1|home", [post], fetched_at=T0)
    heard: list[frozenset[str]] = []
    store.add_listener(heard.append)
    assert store.delete_post("acct-1|mentions", "gone-1")
    assert heard == [frozenset({"acct-1|mentions", "acct-1|home"})]
    assert [
        e.post.remote_id for e in store.feed_entries(["acct-1|mentions"], before=None, limit=9)
    ] == ["stay-2"]
    assert store.feed_entries(["acct-1|home"], before=None, limit=9) == []
    assert [e.post.remote_id for e in store.search_entries("ambles", [], before=None, limit=9)] == [
        "stay-2"
    ]
    assert not store.delete_post("acct-1|mentions", "gone-1")  # already gone: no change


def test_the_log_is_checkpointed_off_the_writing_thread(tmp_path: Path) -> None:
    before = set(threading.enumerate())
    store = Store.open(tmp_path / "cache.sqlite")
    (thread,) = [t for t in threading.enumerate() if t not in before]
    assert thread.name == "pantau-checkpoint"
    assert store.db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    store.upsert_posts("acc|home", [make_post(n) for n in range(1, 60)], fetched_at=T0)
    store.close()
    assert not thread.is_alive()
    assert not (tmp_path / "cache.sqlite-wal").exists()  # the close checkpointed the rest
    reopened = Store.open(tmp_path / "cache.sqlite")
    assert count(reopened, "posts") == 59
    reopened.close()
