"""A cache file of 1,000,000 posts for the search benchmark, made once and kept under
bench/cache/ (named by its generator and schema versions, so a change of either makes a
new one; an interrupted run leaves only a .partial file, never a file that is reused).

The file is the app's own: Store.open makes the schema, then rows go in with executemany
in big transactions (the FTS insert trigger dropped meanwhile), the FTS index is built once
with 'rebuild' and the trigger is put back, so the file ends as the app would leave it.

What the rows are like: Indonesian posts of the desk's mix (corpus.Writer) by 20,000
people (30 % on other servers) over two years, across three accounts, with their
GoToSocial HTML and a Status JSON of realistic size (~2.5 kB) in raw_json. Posts are not
stored in time order throughout: one page in ten arrives late (a backfill, up to weeks
later), so row ids and times disagree as they do in a used cache.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app import schema
from app.store import Store
from tests.bench.corpus import BASE, Writer, gts_stamp, recorded, ulid_like

GENERATOR = 1  # bump when the rows made here change
POSTS = 1_000_000
AUTHORS = 20_000
PAGE = 40
BATCH = 50_000
INSTANCE = BASE.removeprefix("https://")
ACCOUNTS = tuple(
    f"mastodon:{name}@{INSTANCE}" for name in ("lpse_admin", "humasjateng", "diskominfo")
)
FEEDS = ("home", "mentions", "tag|any:kemalajateng", "search|jalan")
START = datetime(2024, 11, 1, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "bench" / "cache"


def cache_path(posts: int = POSTS) -> Path:
    return FOLDER / f"search-{posts}-g{GENERATOR}-s{schema.LATEST}.sqlite"


def _raw_template() -> str:
    """A Status JSON with slots for what varies, from recorded fixture 16."""
    data = dict(recorded("16-status-create-public-both-tags"))
    for name in ("id", "created_at", "uri", "url", "content", "text", "account", "tags"):
        data[name] = f"@@{name}@@"
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for name in ("id", "created_at", "uri", "url", "content", "text", "account", "tags"):
        text = text.replace(f'"@@{name}@@"', "%(" + name + ")s")
    return text.replace("%(", "\x00").replace("%", "%%").replace("\x00", "%(")


def _account_json(writer: Writer, n: int) -> str:
    author = writer.authors[n]
    data = dict(recorded("04-verify-credentials-warga1"))
    for private in ("source", "role", "roles"):
        data.pop(private, None)
    data.update(
        id=author.id, username=author.username, acct=author.acct,
        display_name=author.display_name, url=author.url, avatar=author.avatar,
        avatar_static=author.avatar,
    )  # fmt: skip
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _people(writer: Writer) -> Iterator[tuple[object, ...]]:
    for n, a in enumerate(writer.authors, start=1):
        instance = INSTANCE
        yield (n, "mastodon", instance, a.id, a.acct, a.display_name, a.avatar, a.url)


def _order(rng: random.Random, pages: int) -> list[int]:
    """Pages in the order they reach the cache: mostly as they were written, one in ten
    fetched late by a backfill (up to ~3 weeks of posts later)."""
    keyed = [
        (page + (rng.randrange(1, 1200) if rng.random() < 0.1 else 0), page)
        for page in range(pages)
    ]
    return [page for _, page in sorted(keyed)]


def generate(path: Path, posts: int = POSTS, *, seed: int = 2026) -> None:
    """Write the cache to `path` (made through a .partial file)."""
    partial = path.with_name(path.name + ".partial")
    for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        stale.unlink(missing_ok=True)
    Store.open(partial).close()  # the app's schema, migrations and WAL mode
    conn = sqlite3.connect(partial, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-512000")
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'posts_search_ai'"
    ).fetchone()[0]
    conn.execute("DROP TRIGGER posts_search_ai")

    writer = Writer(seed, authors=AUTHORS)
    rng = writer.rng
    author_index = {a.id: n for n, a in enumerate(writer.authors)}
    accounts = [_account_json(writer, n) for n in range(len(writer.authors))]
    template = _raw_template()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO people (id, network, instance, remote_id, handle, display_name, "
        "avatar_url, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        _people(writer),
    )
    conn.execute("COMMIT")

    # Times first (they go up), then the order pages reach the cache.
    pages = (posts + PAGE - 1) // PAGE
    order = _order(rng, pages)
    post_sql = (
        "INSERT INTO posts (id, network, instance, remote_id, account_id, author_id, "
        "created_at, sort_key, html, text, url, visibility, media_json, raw_json, "
        "replies_count, reposts_count, likes_count) "
        "VALUES (?, 'mastodon', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'public', ?, ?, ?, ?, ?)"
    )
    item_sql = "INSERT INTO feed_items (feed_key, post_id, sort_key, item_id) VALUES (?, ?, ?, ?)"
    step = timedelta(days=730) / posts
    media = json.dumps(
        [{"kind": "image", "url": f"{BASE}/fileserver/m/original/x.jpeg",
          "preview_url": f"{BASE}/fileserver/m/small/x.jpeg", "description": "Foto lubang jalan"}]
    )  # fmt: skip
    post_rows: list[tuple[object, ...]] = []
    item_rows: list[tuple[object, ...]] = []
    row_id = 0
    started = time.perf_counter()
    for page in order:
        account = ACCOUNTS[page % len(ACCOUNTS)]
        feed = f"{account}|{FEEDS[page % len(FEEDS)]}"
        for k in range(PAGE):
            n = page * PAGE + k
            if n >= posts:
                break
            row_id += 1
            at = START + step * n + timedelta(seconds=rng.randrange(0, 40))
            sort_key = schema.to_ms(at)
            draft = writer.draft()
            author = writer.author()
            ident = ulid_like(n + 1)
            url = f"{BASE}/@{author.username}/statuses/{ident}"
            content = writer.render(draft.text)
            tags = sorted({t[1:].lower() for t in draft.text.split() if t.startswith("#")})
            raw = template % {
                "id": json.dumps(ident),
                "created_at": json.dumps(gts_stamp(at)),
                "uri": json.dumps(f"{BASE}/users/{author.username}/statuses/{ident}"),
                "url": json.dumps(url),
                "content": json.dumps(content, ensure_ascii=False),
                "text": json.dumps(draft.text, ensure_ascii=False),
                "account": accounts[author_index[author.id]],
                "tags": json.dumps([{"name": t, "url": f"{BASE}/tags/{t}"} for t in tags]),
            }
            post_rows.append(
                (row_id, INSTANCE, ident, account, author_index[author.id] + 1,
                 schema.to_iso(at), sort_key, content, draft.text, url,
                 media if draft.media else "[]", raw, rng.randrange(0, 4),
                 rng.randrange(0, 6), rng.randrange(0, 30))
            )  # fmt: skip
            item_rows.append((feed, row_id, sort_key, ident))
        if len(post_rows) >= BATCH:
            _flush(conn, post_sql, item_sql, post_rows, item_rows)
            done = row_id / posts
            elapsed = time.perf_counter() - started
            print(f"\r  search cache: {done:4.0%} of {posts:,} posts, {elapsed:.0f} s",
                  end="", file=sys.stderr, flush=True)  # fmt: skip
    _flush(conn, post_sql, item_sql, post_rows, item_rows)
    print(file=sys.stderr)
    conn.execute("INSERT INTO post_search (post_search) VALUES ('rebuild')")
    conn.execute(trigger)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    partial.rename(path)


def _flush(
    conn: sqlite3.Connection,
    post_sql: str,
    item_sql: str,
    post_rows: list[tuple[object, ...]],
    item_rows: list[tuple[object, ...]],
) -> None:
    conn.execute("BEGIN")
    conn.executemany(post_sql, post_rows)
    conn.executemany(item_sql, item_rows)
    conn.execute("COMMIT")
    post_rows.clear()
    item_rows.clear()


def ensure(posts: int = POSTS) -> tuple[Path, float]:
    """The cache file, made now if missing (older versions are removed); the seconds it
    took to make (0 when it was reused)."""
    path = cache_path(posts)
    if path.exists():
        return path, 0.0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for old in FOLDER.glob(f"search-{posts}-*"):
        old.unlink()
    started = time.perf_counter()
    generate(path, posts)
    return path, time.perf_counter() - started


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else POSTS
    made, seconds = ensure(count)
    print(f"{made} ({seconds:.0f} s)")
