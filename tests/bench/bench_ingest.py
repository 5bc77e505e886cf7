"""Ingest: 50,000 realistic statuses through the real path, against raw inserts of the rows.

Measured path, page by page as sync does it (app/pages.py): the response body of 40
statuses is decoded (json.loads, as httpx's Response.json), parsed and normalised by
mastodon_parse.parse_statuses (HTML sanitised, plain text extracted, media, counts, the
raw JSON kept), and stored by Store.upsert_posts, one transaction per page.

Baseline: the same final rows (people, posts, feed_items, the feed's row) read back from
the measured file, inserted with sqlite3 executemany into a fresh file of the same schema
(every index, UNIQUE constraint and the FTS5 insert trigger, WAL, synchronous=NORMAL,
foreign keys on), one transaction per page of 40 as well. It leaves out exactly what the
app adds: JSON decoding, parsing, sanitising, building the model objects, and the upserts
(ON CONFLICT ... RETURNING, one statement per row).
"""

from __future__ import annotations

import gc
import json
import sqlite3
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.model import Post
from app.providers import mastodon_parse as mp
from app.store import Store
from tests.bench.corpus import StatusMaker, pages
from tests.bench.harness import Goal, Result

POSTS = 50_000
PAGE = 40
ACCOUNT = "mastodon:lpse_admin@sosmed.jatengprov.go.id"
INSTANCE = "sosmed.jatengprov.go.id"
FEEDS = tuple(
    f"{ACCOUNT}|{kind}" for kind in ("home", "tag|any:kemalajateng", "mentions", "tag|any:lpse")
)
FETCHED = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
REPEATS = 2


@dataclass
class Split:
    """Seconds spent in each stage of the measured path, and the pages' posts."""

    decode: float = 0.0
    parse: float = 0.0
    store: float = 0.0
    total: float = 0.0
    parsed: list[list[Post]] | None = None


def ingest(path: Path, bodies: Sequence[bytes]) -> Split:
    store = Store.open(path)
    split = Split(parsed=[])
    assert split.parsed is not None
    started = time.perf_counter()
    for n, body in enumerate(bodies):
        t0 = time.perf_counter()
        data = json.loads(body)
        t1 = time.perf_counter()
        posts = mp.parse_statuses(data, account_id=ACCOUNT, instance=INSTANCE)
        t2 = time.perf_counter()
        store.upsert_posts(FEEDS[n % len(FEEDS)], posts, fetched_at=FETCHED)
        t3 = time.perf_counter()
        split.decode += t1 - t0
        split.parse += t2 - t1
        split.store += t3 - t2
        split.parsed.append(posts)
    split.total = time.perf_counter() - started
    store.close()
    return split


Rows = list[tuple[object, ...]]


@dataclass
class PageRows:
    people: Rows
    posts: Rows
    items: Rows
    feed: tuple[object, ...]


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")]


def final_rows(
    path: Path, parsed: Sequence[Sequence[Post]]
) -> tuple[dict[str, str], list[PageRows]]:
    """The measured file's rows, grouped by the page that first brought them."""
    conn = sqlite3.connect(path)
    page_of_post: dict[str, int] = {}
    page_of_person: dict[str, int] = {}
    for n, posts in enumerate(parsed):
        for post in posts:
            page_of_post.setdefault(post.remote_id, n)
            page_of_person.setdefault(post.author.remote_id, n)
    grouped = [PageRows([], [], [], ()) for _ in parsed]
    sql: dict[str, str] = {}
    for table in ("people", "posts", "feed_items", "feeds"):
        names = columns(conn, table)
        sql[table] = (
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        )
    remote = columns(conn, "people").index("remote_id")
    for row in conn.execute("SELECT * FROM people ORDER BY id"):
        grouped[page_of_person[row[remote]]].people.append(tuple(row))
    remote = columns(conn, "posts").index("remote_id")
    post_page: dict[int, int] = {}
    for row in conn.execute("SELECT * FROM posts ORDER BY id"):
        first = page_of_post[row[remote]]
        post_page[int(row[0])] = first
        grouped[first].posts.append(tuple(row))
    post_col = columns(conn, "feed_items").index("post_id")
    for row in conn.execute("SELECT * FROM feed_items"):
        grouped[post_page[int(row[post_col])]].items.append(tuple(row))
    feeds = {str(row[0]): tuple(row) for row in conn.execute("SELECT * FROM feeds")}
    for n, page in enumerate(grouped):
        page.feed = feeds[FEEDS[n % len(FEEDS)]]
    conn.close()
    sql["feeds"] = sql["feeds"].replace("INSERT", "INSERT OR REPLACE")
    return sql, grouped


def raw_insert(path: Path, sql: dict[str, str], grouped: Sequence[PageRows]) -> float:
    Store.open(path).close()  # the same schema, triggers and WAL mode, made by the app
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    started = time.perf_counter()
    for page in grouped:
        conn.execute("BEGIN")
        conn.executemany(sql["people"], page.people)
        conn.executemany(sql["posts"], page.posts)
        conn.executemany(sql["feed_items"], page.items)
        conn.execute(sql["feeds"], page.feed)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    value = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    conn.close()
    return value


def run() -> list[Result]:
    maker = StatusMaker(13, authors=3000)
    statuses = list(maker.statuses(POSTS))
    bodies = pages(statuses, PAGE)
    del statuses, maker
    gc.collect()
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
        folder = Path(tmp)
        runs: list[Split] = []
        for n in range(REPEATS):
            gc.collect()
            runs.append(ingest(folder / f"real{n}.sqlite", bodies))
        best = min(runs, key=lambda s: s.total)
        real_path = folder / f"real{runs.index(best)}.sqlite"
        assert best.parsed is not None
        posts = count(real_path, "posts")
        sql, grouped = final_rows(real_path, best.parsed)
        for s in runs:
            s.parsed = None
        gc.collect()
        raw = min(raw_insert(folder / f"raw{n}.sqlite", sql, grouped) for n in range(REPEATS))
        assert count(folder / "raw0.sqlite", "posts") == posts
    real_rate, raw_rate = posts / best.total, posts / raw
    share = {
        "JSON decoding": best.decode,
        "parse + normalise": best.parse,
        "upsert": best.store,
    }
    parts = ", ".join(f"{name} {100 * t / best.total:.0f} %" for name, t in share.items())
    return [
        Result(
            name="ingest",
            measure=(
                f"{posts:,} posts (JSON pages of {PAGE} -> mastodon_parse -> "
                "Store.upsert_posts) per second, over raw executemany of the same rows"
            ),
            figure=real_rate / raw_rate,
            unit="x",
            goal=Goal.AT_LEAST,
            target=0.5,
            value=round(real_rate),
            baseline=round(raw_rate),
            value_unit="posts/s",
            note=(
                f"real path {best.total:.1f} s: {parts}; raw executemany {raw:.1f} s "
                f"(posts, people, feed_items, FTS trigger, indexes, one commit per page), so "
                f"the upserts alone take {best.store / raw:.1f}x the raw inserts"
            ),
        )
    ]
