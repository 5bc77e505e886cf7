"""Search over the cache: the newest-first walk is exact whatever order posts arrived in,
and the relevance search ranks the most recent matches by BM25."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import store_search
from app.model import Network, Person, Post
from app.store import Store, fts_query
from app.store_search import WALK_SQL, late_sql

T0 = datetime(2026, 8, 17, 9, 0, tzinfo=UTC)
WARGA = Person(Network.MASTODON, "202", "warga", "Budi Santoso", instance="mastodon.go.id")
WORDS = ("jalan", "rusak", "jembatan", "lampu", "banjir", "mohon", "desa", "kudus")


def make_post(n: int, text: str, *, minutes: int, account: str = "acc") -> Post:
    return Post(
        network=Network.MASTODON,
        remote_id=str(n),
        account_id=account,
        author=WARGA,
        created_at=T0 + timedelta(minutes=minutes),
        html=f"<p>{text}</p>",
        text=text,
        instance="mastodon.go.id",
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


def reference(
    store: Store, query: str, accounts: Sequence[str], before: tuple[int, int] | None, limit: int
) -> list[int]:
    """Every match sorted by time: what search_entries must return, found the slow way."""
    rows = store.db.conn.execute(
        """SELECT posts.id, posts.sort_key, posts.account_id FROM post_search
        JOIN posts ON posts.id = post_search.rowid WHERE post_search MATCH ?""",
        (fts_query(query),),
    ).fetchall()
    keys = [
        (int(sort_key), int(post_id))
        for post_id, sort_key, account in rows
        if (not accounts or account in accounts)
        and (before is None or (sort_key, post_id) < before)
    ]
    return [post_id for _, post_id in sorted(keys, reverse=True)[:limit]]


def found(store: Store, query: str, accounts: Sequence[str], before: tuple[int, int] | None,
          limit: int) -> list[int]:  # fmt: skip
    return [e.entry_id for e in store.search_entries(query, accounts, before=before, limit=limit)]


@pytest.mark.parametrize("seed", range(6))
def test_newest_first_is_exact_whatever_order_posts_arrived_in(
    store: Store, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    # Small steps, so a few hundred posts take the walk through several rounds.
    monkeypatch.setattr(store_search, "FIRST_STEP", 4)
    rng = random.Random(seed)
    times = list(range(600))
    # Pages arrive mostly in time order; some late (backfill), a few very early.
    pages = [times[i : i + 20] for i in range(0, len(times), 20)]
    order = sorted(range(len(pages)), key=lambda p: p + rng.choice((0, 0, 0, 0, 9, -7)))
    n = 0
    for page in order:
        posts = []
        for minute in pages[page]:
            n += 1
            words = rng.sample(WORDS, 3)
            posts.append(
                make_post(n, " ".join(words), minutes=minute, account=rng.choice(("a", "b", "c")))
            )
        store.upsert_posts("acc|home", posts, fetched_at=T0)
    for query in ("jalan", "jal", "jalan rusak", "kudus desa", "lampu", "nihil"):
        for accounts in ([], ["a"], ["b", "c"]):
            for limit in (1, 5, 40):
                want = reference(store, query, accounts, None, limit)
                assert found(store, query, accounts, None, limit) == want, (query, accounts)
                if want:
                    entry = store.search_entries(query, accounts, before=None, limit=limit)[-1]
                    more = found(store, query, accounts, entry.key, 7)
                    assert more == reference(store, query, accounts, entry.key, 7)


def test_a_newest_post_stored_first_is_not_missed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worst case for the walk: the newest match has the lowest row id."""
    monkeypatch.setattr(store_search, "FIRST_STEP", 4)
    store.upsert_posts("acc|home", [make_post(0, "jalan baru", minutes=1000)], fetched_at=T0)
    older = [make_post(n, f"jalan lama {n}", minutes=n) for n in range(1, 300)]
    store.upsert_posts("acc|home", older, fetched_at=T0)
    entries = store.search_entries("jalan", [], before=None, limit=3)
    assert [e.post.remote_id for e in entries] == ["0", "299", "298"]


def test_search_reads_the_index_in_its_own_order(store: Store) -> None:
    conn = store.db.conn
    walk = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + WALK_SQL, ("x",))]
    assert walk[0].startswith("SCAN post_search VIRTUAL TABLE"), walk
    assert not any("TEMP B-TREE" in step for step in walk), walk  # streamed, never sorted
    late = late_sql(2, before=True)
    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + late, ["a", "b", 1, 2, 3, 4, 5])]
    assert any("posts_account" in step for step in plan), plan
    sql, params = Store.relevance_sql(fts_query("jalan"), ["a"], 50, 1000)
    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert not any(step.startswith("SCAN posts") for step in plan), plan


def test_relevance_ranks_by_bm25_among_the_recent_matches(store: Store) -> None:
    store.upsert_posts(
        "acc|home",
        [
            make_post(1, "jalan jalan jalan", minutes=1),  # the best, but the oldest row
            make_post(2, "jalan desa kudus mohon segera diperbaiki lampu mati", minutes=2),
            make_post(3, "jalan rusak", minutes=3),
            make_post(4, "banjir", minutes=4),
            make_post(5, "jalan rusak", minutes=5),  # ties with 3: the newer row first
        ],
        fetched_at=T0,
    )

    def ranked(query: str, window: int, accounts: Sequence[str] = ()) -> list[str]:
        entries = store.search_relevant(query, accounts, limit=10, window=window)
        return [e.post.remote_id for e in entries]

    assert ranked("jalan", 100) == ["1", "5", "3", "2"]
    assert ranked("jalan", 3) == ["5", "3", "2"]  # the three rows stored last
    assert ranked("jalan rusak", 100) == ["5", "3"]
    assert ranked("jal", 100) == ["1", "5", "3", "2"]  # words are prefixes, as in search
    assert ranked("jalan", 100, ["other"]) == []
    assert ranked("", 100) == []
    assert store.search_relevant("jalan", [], limit=2) == store.search_relevant(
        "jalan", [], limit=2, window=store_search.RELEVANCE_WINDOW
    )


def test_relevance_prefers_the_rarer_word(store: Store) -> None:
    common = [make_post(n, f"jalan nomor {n}", minutes=n) for n in range(1, 30)]
    store.upsert_posts("acc|home", common, fetched_at=T0)
    store.upsert_posts(
        "acc|home",
        [
            make_post(100, "jalan jalan jembatan", minutes=100),
            make_post(101, "jalan jembatan jembatan", minutes=101),
        ],
        fetched_at=T0,
    )
    entries = store.search_relevant("jalan jembatan", [], limit=5)
    # "jembatan" is in 2 posts, "jalan" in 31: twice the rare word weighs more.
    assert [e.post.remote_id for e in entries] == ["101", "100"]


@pytest.mark.parametrize("query", ['"', "*", "AND", "NEAR(x y)", "col:jalan", "\x00", "𝕏 🚧"])
def test_relevance_hostile_queries_do_not_raise(store: Store, query: str) -> None:
    store.upsert_posts("acc|home", [make_post(1, "jalan", minutes=1)], fetched_at=T0)
    store.search_relevant(query, ["acc"], limit=5)
