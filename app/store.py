"""The local SQLite cache (sqlite-utils): schema, migrations, idempotent upserts, paged queries."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from app import schema
from app.model import (
    Account,
    ColumnSpec,
    ColumnState,
    Conversation,
    Draft,
    Entry,
    OutboxItem,
    OutboxState,
    Person,
    Post,
    ScheduledPost,
    ScheduleState,
)
from app.schema import POST_COLUMNS, placeholders, stamp, to_iso, to_ms

ChangeListener = Callable[[frozenset[str]], None]
"""Called after a commit with the feed keys whose rows changed ("*scheduled*" for the
scheduled queue, "*accounts*" for the account list)."""

SCHEDULED_CHANGED = "*scheduled*"
ACCOUNTS_CHANGED = "*accounts*"

# Past this many keys, one UNION ALL arm per key would near SQLite's limit of 500
# compound-select terms, so the page query falls back to one IN scan.
_MAX_UNION_KEYS = 100
_SHOWN_SCHEDULE_STATES = (ScheduleState.PENDING.value, ScheduleState.FAILED.value)

_T = TypeVar("_T")


class StoreError(Exception):
    """The cache could not be opened or written (disk full, corrupt file, newer schema)."""


def fts_query(text: str) -> str:
    """User text as an FTS5 query that cannot raise: each word a quoted prefix phrase (FTS5
    syntax inside quotes is literal), all words required; '' when there are no words."""
    words = text.replace("\x00", " ").split()
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def _prefix_range(account_id: str) -> tuple[str, str]:
    # Feed keys start with "<account id>|". A range, unlike LIKE, uses the index and is
    # not fooled by % or _ in an id; "}" is the character right after "|".
    return f"{account_id}|", f"{account_id}}}"


class Store:
    """The cache file. Single-threaded like its sqlite3 connection; create with `open`."""

    def __init__(self, db: sqlite_utils.Database, path: Path) -> None:
        self._db = db
        self._conn: sqlite3.Connection = db.conn
        self._path = path
        self._listeners: list[ChangeListener] = []

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open or create the cache at `path` and bring its schema up to date."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder for the cache {path}: {exc}") from exc
        db: sqlite_utils.Database | None = None
        try:
            db = sqlite_utils.Database(path, execute_plugins=False)
            # The first statement that reads the file: a file that is not SQLite fails
            # here with "file is not a database".
            db.conn.execute("PRAGMA journal_mode=WAL").fetchone()
            db.conn.execute("PRAGMA foreign_keys=ON")
            db.conn.execute("PRAGMA synchronous=NORMAL")
            schema.migrate(db)
        except schema.NewerSchemaError as exc:
            cls._close_quietly(db)
            raise StoreError(
                f"The cache {path} was written by a newer version of Pantau (schema "
                f"{exc.found}, this version knows {schema.LATEST}). Update Pantau, or move "
                "the file away to start a fresh cache."
            ) from exc
        except sqlite3.DatabaseError as exc:
            cls._close_quietly(db)
            raise StoreError(
                f"The cache {path} cannot be used ({exc}). Move the file away to start a "
                "fresh cache."
            ) from exc
        except (sqlite3.Error, OSError) as exc:
            cls._close_quietly(db)
            raise StoreError(f"Cannot open the cache {path}: {exc}") from exc
        return cls(db, path)

    @staticmethod
    def _close_quietly(db: sqlite_utils.Database | None) -> None:
        if db is not None:
            db.close()

    def close(self) -> None:
        self._db.close()

    @property
    def path(self) -> Path:
        return self._path

    @property
    def schema_version(self) -> int:
        return schema.version(self._db)

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils database, for tests and maintenance tools."""
        return self._db

    def add_listener(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: ChangeListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # plumbing

    def _select(
        self, sql: str, params: Sequence[object], make: Callable[[sqlite3.Row], _T]
    ) -> list[_T]:
        try:
            cursor = self._conn.cursor()
            cursor.row_factory = sqlite3.Row
            return [make(row) for row in cursor.execute(sql, params).fetchall()]
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot read the cache {self._path}: {exc}") from exc
        except (ValueError, TypeError) as exc:  # a stored enum or JSON we cannot read
            raise StoreError(f"The cache {self._path} holds a damaged row: {exc}") from exc

    def _value(self, sql: str, params: Sequence[object] = ()) -> object:
        """The first column of the first row, or None."""
        rows = self._select(sql, params, lambda row: row[0])
        return rows[0] if rows else None

    @contextmanager
    def _write(self, *changed: str) -> Iterator[set[str]]:
        """One transaction. Any exception rolls all of it back; after the commit, listeners
        hear `changed` plus the keys the block added to the yielded set."""
        keys = set(changed)
        try:
            with self._db.atomic():
                yield keys
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot write to the cache {self._path}: {exc}") from exc
        if keys:
            for listener in list(self._listeners):
                listener(frozenset(keys))

    def _exec(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)

    def _upsert(
        self, table: str, row: Mapping[str, object], conflict: Sequence[str], *,
        keep: Sequence[str] = (), returning: str = "",
    ) -> sqlite3.Cursor:
        """INSERT ... ON CONFLICT DO UPDATE (never delete + insert, so ids stay stable and
        the FTS triggers see updates). Columns in `keep` are written only on insert."""
        names = list(row)
        updates = [f"{n} = excluded.{n}" for n in names if n not in conflict and n not in keep]
        # Table and column names are this module's constants; every value is bound.
        sql = (
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders(len(names))}) "  # noqa: S608
            f"ON CONFLICT ({', '.join(conflict)}) DO UPDATE SET {', '.join(updates)}"
            + (f" RETURNING {returning}" if returning else "")
        )
        return self._exec(sql, list(row.values()))

    def _upsert_person(self, person: Person) -> int:
        row = self._upsert(
            "people",
            {"network": person.network.value, "instance": person.instance,
             "remote_id": person.remote_id, "handle": person.handle,
             "display_name": person.display_name, "avatar_url": person.avatar_url,
             "url": person.url},
            ("network", "instance", "remote_id"),
            returning="id",
        ).fetchone()
        return int(row[0])

    def _upsert_post(self, post: Post) -> int:
        # The author goes first: the FTS triggers index a post with its author's current row.
        author_id = self._upsert_person(post.author)
        # account_id is left alone on conflict: the first account to see a post keeps it.
        row = self._upsert(
            "posts",
            {"network": post.network.value, "instance": post.instance,
             "remote_id": post.remote_id, "account_id": post.account_id, "author_id": author_id,
             "created_at": to_iso(post.created_at), "sort_key": to_ms(post.created_at),
             "html": post.html, "text": post.text, "url": post.url,
             "reply_to_id": post.reply_to_id, "thread_root_id": post.thread_root_id,
             "conversation_id": post.conversation_id, "visibility": post.visibility.value,
             "spoiler": post.spoiler, "media_json": schema.media_json(post.media),
             "raw_json": post.raw},
            ("network", "instance", "remote_id"),
            keep=("account_id",),
            returning="id",
        ).fetchone()
        return int(row[0])

    def _touch_feed(self, feed_key: str, at: datetime) -> None:
        self._exec(
            """INSERT INTO feeds (feed_key, last_refreshed_at) VALUES (?, ?) ON CONFLICT
            (feed_key) DO UPDATE SET last_refreshed_at = excluded.last_refreshed_at""",
            (feed_key, to_iso(at)),
        )

    # accounts

    def upsert_account(self, account: Account) -> None:
        with self._write(ACCOUNTS_CHANGED):
            self._upsert(
                "accounts",
                {"id": account.id, "network": account.network.value, "handle": account.handle,
                 "display_name": account.display_name, "server": account.server,
                 "remote_id": account.remote_id, "avatar_url": account.avatar_url,
                 "problem": account.problem, "added_at": stamp()},
                ("id",),
                keep=("added_at",),
            )

    def accounts(self) -> list[Account]:
        """Every account, in the order they were added."""
        return self._select(
            "SELECT * FROM accounts ORDER BY added_at, rowid", (), schema.account_from_row
        )

    def account(self, account_id: str) -> Account | None:
        rows = self._select(
            "SELECT * FROM accounts WHERE id = ?", (account_id,), schema.account_from_row
        )
        return rows[0] if rows else None

    def set_account_problem(self, account_id: str, problem: str) -> None:
        with self._write(ACCOUNTS_CHANGED):
            self._exec("UPDATE accounts SET problem = ? WHERE id = ?", (problem, account_id))

    def remove_account(self, account_id: str, *, purge: bool) -> None:
        """Forget an account and its columns. With `purge`, also its feeds, conversations,
        drafts, outbox, scheduled posts, and the posts no other account still shows."""
        with self._write(ACCOUNTS_CHANGED, SCHEDULED_CHANGED) as changed:
            self._exec("DELETE FROM columns WHERE account_id = ?", (account_id,))
            self._exec("DELETE FROM accounts WHERE id = ?", (account_id,))
            if purge:
                changed.update(self._purge(account_id))

    def _purge(self, account_id: str) -> set[str]:
        span = _prefix_range(account_id)
        keys = {
            str(r[0])
            for r in self._exec(
                """SELECT feed_key FROM feeds WHERE feed_key >= ?1 AND feed_key < ?2 UNION
                SELECT feed_key FROM feed_items WHERE feed_key >= ?1 AND feed_key < ?2""",
                span,
            )
        }
        for table in ("feed_items", "conversation_feeds", "feeds"):
            self._exec(f"DELETE FROM {table} WHERE feed_key >= ? AND feed_key < ?", span)  # noqa: S608
        for table in ("conversations", "drafts", "outbox", "scheduled_posts"):
            self._exec(f"DELETE FROM {table} WHERE account_id = ?", (account_id,))  # noqa: S608
        # A post another account still shows is kept and handed to that account, so that
        # account's searches (which filter on posts.account_id) still find it.
        self._exec(
            """UPDATE posts SET account_id = coalesce(
                (SELECT substr(feed_key, 1, instr(feed_key, '|') - 1) FROM feed_items
                    WHERE post_id = posts.id LIMIT 1),
                (SELECT account_id FROM conversations WHERE last_post_id = posts.id LIMIT 1),
                account_id)
            WHERE account_id = ?""",
            (account_id,),
        )
        authors = [
            r[0]
            for r in self._exec(
                "DELETE FROM posts WHERE account_id = ? RETURNING author_id", (account_id,)
            )
        ]
        for author_id in set(authors):
            self._exec(
                """DELETE FROM people WHERE id = ?
                AND NOT EXISTS (SELECT 1 FROM posts WHERE author_id = people.id)""",
                (author_id,),
            )
        return keys

    # posts and feeds

    def upsert_posts(
        self, feed_key: str, posts: Sequence[Post], *, fetched_at: datetime
    ) -> int:
        """Store a fully parsed page in one transaction and return how many of its posts
        are new to the feed; listeners hear {feed_key} after the commit."""
        new = 0
        with self._write(feed_key):
            for post in posts:
                post_id = self._upsert_post(post)
                # DO NOTHING, so rowcount tells new from known; a known item's sort key
                # follows its post through the posts_sort_key_au trigger.
                new += self._exec(
                    """INSERT INTO feed_items (feed_key, post_id, sort_key) VALUES (?, ?, ?)
                    ON CONFLICT (feed_key, post_id) DO NOTHING""",
                    (feed_key, post_id, to_ms(post.created_at)),
                ).rowcount
            self._touch_feed(feed_key, fetched_at)
        return new

    def feed_entries(
        self, feed_keys: Sequence[str], *, before: tuple[int, int] | None, limit: int
    ) -> list[Entry]:
        """Posts filed under any of the keys, newest first, each once, strictly after
        `before` (an Entry.key) in that order."""
        keys = list(dict.fromkeys(feed_keys))
        if not keys or limit <= 0:
            return []
        sql, params = self.feed_page_sql(keys, before, limit)
        return self._select(sql, params, schema.post_entry_from_row)

    @staticmethod
    def feed_page_sql(
        keys: Sequence[str], before: tuple[int, int] | None, limit: int
    ) -> tuple[str, list[object]]:
        """The page query: each key's newest `limit` items straight off the feed_items_page
        index, merged, deduplicated and cut to `limit`. Public for the query-plan test."""
        bound = "AND (sort_key, post_id) < (?, ?)" if before else ""
        bound_params: list[object] = list(before) if before else []
        params: list[object] = []
        if len(keys) <= _MAX_UNION_KEYS:
            arm = f"""SELECT * FROM (SELECT post_id, sort_key FROM feed_items
                WHERE feed_key = ? {bound} ORDER BY sort_key DESC, post_id DESC LIMIT ?)"""  # noqa: S608
            arms = " UNION ALL ".join([arm] * len(keys))
            for key in keys:
                params += [key, *bound_params, limit]
        else:
            arms = f"""SELECT post_id, sort_key FROM feed_items
                WHERE feed_key IN ({placeholders(len(keys))}) {bound}"""  # noqa: S608
            params += [*keys, *bound_params]
        sql = f"""WITH page AS (
                SELECT post_id, max(sort_key) AS page_key FROM ({arms})
                GROUP BY post_id ORDER BY page_key DESC, post_id DESC LIMIT ?)
            SELECT {POST_COLUMNS} FROM page
            JOIN posts ON posts.id = page.post_id
            JOIN people ON people.id = posts.author_id
            ORDER BY page.page_key DESC, page.post_id DESC"""  # noqa: S608
        return sql, [*params, limit]

    def search_entries(
        self,
        query: str,
        account_ids: Sequence[str],
        *,
        before: tuple[int, int] | None,
        limit: int,
    ) -> list[Entry]:
        """Cached posts whose text or author has every word of `query` as a prefix (accents
        ignored), newest first; an empty `account_ids` means every account."""
        match = fts_query(query)
        if not match or limit <= 0:
            return []
        sql, params = self.search_sql(match, account_ids, before, limit)
        return self._select(sql, params, schema.post_entry_from_row)

    @staticmethod
    def search_sql(
        match: str, account_ids: Sequence[str], before: tuple[int, int] | None, limit: int
    ) -> tuple[str, list[object]]:
        """The search query for an fts_query() string. Public for the query-plan test."""
        where = ["post_search MATCH ?"]
        params: list[object] = [match]
        if account_ids:
            where.append(f"posts.account_id IN ({placeholders(len(account_ids))})")
            params += account_ids
        if before:
            where.append("(posts.sort_key, posts.id) < (?, ?)")
            params += before
        # CROSS JOIN pins the join order: drive from the FTS matches rather than walk an
        # account's posts running the MATCH once per post.
        sql = f"""SELECT {POST_COLUMNS} FROM post_search
            CROSS JOIN posts ON posts.id = post_search.rowid
            JOIN people ON people.id = posts.author_id
            WHERE {" AND ".join(where)}
            ORDER BY posts.sort_key DESC, posts.id DESC LIMIT ?"""  # noqa: S608
        return sql, [*params, limit]

    def upsert_conversations(
        self, feed_key: str, conversations: Sequence[Conversation], *, fetched_at: datetime
    ) -> int:
        """Store conversations, their participants and last posts in one transaction and
        return how many are new to the feed; listeners hear {feed_key} after the commit."""
        new = 0
        with self._write(feed_key):
            for conv in conversations:
                for person in conv.participants:
                    self._upsert_person(person)
                post_id = self._upsert_post(conv.last_post) if conv.last_post else None
                people = json.dumps(
                    [schema.person_dict(p) for p in conv.participants], ensure_ascii=False
                )
                row = self._upsert(
                    "conversations",
                    {"network": conv.network.value, "instance": conv.instance,
                     "remote_id": conv.remote_id, "account_id": conv.account_id,
                     "participants_json": people, "last_post_id": post_id,
                     "unread": int(conv.unread), "updated_at": to_iso(conv.updated_at),
                     "sort_key": to_ms(conv.updated_at)},
                    ("network", "instance", "remote_id", "account_id"),
                    # Listed without its last post, a conversation keeps the one we have.
                    keep=("last_post_id",) if post_id is None else (),
                    returning="id",
                ).fetchone()
                new += self._exec(
                    """INSERT INTO conversation_feeds (feed_key, conversation_id) VALUES (?, ?)
                    ON CONFLICT DO NOTHING""",
                    (feed_key, int(row[0])),
                ).rowcount
            self._touch_feed(feed_key, fetched_at)
        return new

    def conversation_entries(
        self, feed_keys: Sequence[str], *, before: tuple[int, int] | None, limit: int
    ) -> list[Entry]:
        """Conversations filed under any of the keys, latest activity first, shown through
        their last post; conversations without one are left out."""
        keys = list(dict.fromkeys(feed_keys))
        if not keys or limit <= 0:
            return []
        params: list[object] = [*keys]
        bound = ""
        if before:
            bound = "AND (c.sort_key, c.id) < (?, ?)"
            params += before
        # Walks conversations_page newest first, probing the link table's primary key,
        # and stops after `limit` hits.
        sql = f"""SELECT c.id AS c_id, c.sort_key AS c_sort_key, c.participants_json,
                c.unread, {POST_COLUMNS}
            FROM conversations AS c
            JOIN posts ON posts.id = c.last_post_id
            JOIN people ON people.id = posts.author_id
            WHERE EXISTS (SELECT 1 FROM conversation_feeds AS cf WHERE cf.conversation_id = c.id
                AND cf.feed_key IN ({placeholders(len(keys))})) {bound}
            ORDER BY c.sort_key DESC, c.id DESC LIMIT ?"""  # noqa: S608
        return self._select(sql, [*params, limit], schema.conversation_entry_from_row)

    def delete_post(self, feed_key: str, remote_id: str) -> bool:
        """Drop a post the network deleted, found by its id among the posts of `feed_key`
        (ids are per server, and the feed says which server). It leaves every feed and
        the search index; listeners hear each feed that showed it. False if not cached."""
        post_ids = self._select(
            """SELECT post_id FROM feed_items WHERE feed_key = ? AND post_id IN
                (SELECT id FROM posts WHERE remote_id = ?)""",
            (feed_key, remote_id), lambda row: int(row[0]),
        )
        if not post_ids:
            return False
        keys = self._select(
            f"SELECT DISTINCT feed_key FROM feed_items WHERE post_id IN "  # noqa: S608
            f"({placeholders(len(post_ids))})",
            post_ids, lambda row: str(row[0]),
        )
        with self._write(feed_key, *keys):
            self._exec(
                f"DELETE FROM posts WHERE id IN ({placeholders(len(post_ids))})",  # noqa: S608
                post_ids,
            )
        return True

    def conversation_remote_id(self, entry_id: int) -> str | None:
        """The network's id of the conversation behind a column entry."""
        value = self._value("SELECT remote_id FROM conversations WHERE id = ?", (entry_id,))
        return value if isinstance(value, str) else None

    def set_conversation_read(self, entry_id: int) -> None:
        """Mark a conversation read here; listeners hear the feeds that list it."""
        keys = self._select(
            "SELECT feed_key FROM conversation_feeds WHERE conversation_id = ?",
            (entry_id,), lambda row: str(row[0]),
        )
        with self._write(*keys):
            self._exec("UPDATE conversations SET unread = 0 WHERE id = ?", (entry_id,))

    def last_refreshed(self, feed_keys: Sequence[str]) -> datetime | None:
        """The oldest refresh among the keys that were ever refreshed, or None."""
        keys = list(dict.fromkeys(feed_keys))
        if not keys:
            return None
        value = self._value(
            f"""SELECT min(last_refreshed_at) FROM feeds
            WHERE feed_key IN ({placeholders(len(keys))})""",  # noqa: S608
            keys,
        )
        return schema.parse_time(value) if isinstance(value, str) else None

    def mark_refreshed(self, feed_key: str, at: datetime) -> None:
        with self._write():
            self._touch_feed(feed_key, at)

    def feed_cursor(self, feed_key: str) -> tuple[str, str]:
        """(older, newer) paging cursors of a feed; empty strings when none is known."""
        rows = self._select(
            "SELECT older_cursor, newer_cursor FROM feeds WHERE feed_key = ?",
            (feed_key,),
            lambda row: (str(row[0]), str(row[1])),
        )
        return rows[0] if rows else ("", "")

    def set_feed_cursor(self, feed_key: str, *, older: str = "", newer: str = "") -> None:
        """Store the cursors given; an empty one keeps what is stored, since an empty page
        hands back no cursor and dropping ours would end paging."""
        with self._write():
            self._exec(
                """INSERT INTO feeds (feed_key, older_cursor, newer_cursor) VALUES (?, ?, ?)
                ON CONFLICT (feed_key) DO UPDATE SET
                    older_cursor = CASE WHEN excluded.older_cursor <> ''
                        THEN excluded.older_cursor ELSE feeds.older_cursor END,
                    newer_cursor = CASE WHEN excluded.newer_cursor <> ''
                        THEN excluded.newer_cursor ELSE feeds.newer_cursor END""",
                (feed_key, older, newer),
            )

    # scheduled posts

    def add_scheduled(self, post: ScheduledPost) -> int:
        """Store a scheduled post, as a new row when its id is 0 (else over that row), and
        return its id; listeners hear SCHEDULED_CHANGED."""
        now = stamp()
        with self._write(SCHEDULED_CHANGED):
            row = self._upsert(
                "scheduled_posts",
                {"id": post.id or None, "account_id": post.account_id, "text": post.text,
                 "scheduled_at": to_iso(post.scheduled_at),
                 "sort_key": -to_ms(post.scheduled_at), "state": post.state.value,
                 "remote_id": post.remote_id, "visibility": post.visibility.value,
                 "error": post.error, "created_at": now, "updated_at": now},
                ("id",),
                keep=("created_at",),
                returning="id",
            ).fetchone()
        return int(row[0])

    def reconcile_server_scheduled(
        self, account_id: str, posts: Sequence[ScheduledPost], *, now: datetime
    ) -> None:
        """Make the account's server-side queue match the server's list, in one transaction:
        listed posts are added or updated (matched by remote id); pending ones the server
        no longer lists went out if their time has passed, else were cancelled elsewhere."""
        with self._write(SCHEDULED_CHANGED):
            for post in posts:
                existing = self._value(
                    "SELECT id FROM scheduled_posts WHERE account_id = ? AND remote_id = ?",
                    (account_id, post.remote_id),
                )
                self._upsert(
                    "scheduled_posts",
                    {"id": existing if isinstance(existing, int) else None,
                     "account_id": account_id, "text": post.text,
                     "scheduled_at": to_iso(post.scheduled_at),
                     "sort_key": -to_ms(post.scheduled_at), "state": post.state.value,
                     "remote_id": post.remote_id, "visibility": post.visibility.value,
                     "error": post.error, "created_at": stamp(), "updated_at": stamp()},
                    ("id",),
                    keep=("created_at",),
                )
            listed = {post.remote_id for post in posts}
            pending = self._select(
                """SELECT id, remote_id, scheduled_at FROM scheduled_posts
                WHERE account_id = ? AND remote_id <> '' AND state = ?""",
                (account_id, ScheduleState.PENDING.value),
                lambda row: (int(row[0]), str(row[1]), schema.parse_time(row[2])),
            )
            for row_id, remote_id, when in pending:
                if remote_id not in listed:
                    state = ScheduleState.SENT if when <= now else ScheduleState.CANCELLED
                    self._exec(
                        "UPDATE scheduled_posts SET state = ?, updated_at = ? WHERE id = ?",
                        (state.value, stamp(), row_id),
                    )

    def scheduled_post(self, scheduled_id: int) -> ScheduledPost | None:
        rows = self._select(
            "SELECT * FROM scheduled_posts WHERE id = ?", (scheduled_id,),
            schema.scheduled_from_row,
        )
        return rows[0] if rows else None

    def set_scheduled_state(
        self, scheduled_id: int, state: ScheduleState, *, error: str = "", remote_id: str = ""
    ) -> None:
        """Move a scheduled post along; an empty `remote_id` keeps the stored one."""
        with self._write(SCHEDULED_CHANGED):
            self._exec(
                """UPDATE scheduled_posts SET state = ?1, error = ?2, updated_at = ?3,
                    remote_id = CASE WHEN ?4 <> '' THEN ?4 ELSE remote_id END WHERE id = ?5""",
                (state.value, error, stamp(), remote_id, scheduled_id),
            )

    def due_scheduled(self, now: datetime) -> list[ScheduledPost]:
        """Pending posts of current accounts whose time has come, soonest first."""
        return self._select(
            """SELECT * FROM scheduled_posts AS s WHERE sort_key >= ? AND state = ?
                AND EXISTS (SELECT 1 FROM accounts WHERE id = s.account_id)
            ORDER BY sort_key DESC, id DESC""",
            (-to_ms(now), ScheduleState.PENDING.value),
            schema.scheduled_from_row,
        )

    def scheduled_entries(
        self, account_ids: Sequence[str], *, before: tuple[int, int] | None, limit: int
    ) -> list[Entry]:
        """Pending and failed posts, soonest first (sort_key is minus the time in ms, so
        the usual `before` keyset works); an empty `account_ids` means every account, and
        posts of removed accounts are hidden."""
        if limit <= 0:
            return []
        where = [f"s.state IN ({placeholders(len(_SHOWN_SCHEDULE_STATES))})"]
        params: list[object] = [*_SHOWN_SCHEDULE_STATES]
        if account_ids:
            where.append(f"s.account_id IN ({placeholders(len(account_ids))})")
            params += account_ids
        if before:
            where.append("(s.sort_key, s.id) < (?, ?)")
            params += before
        sql = f"""SELECT s.*, a.network, a.handle, a.display_name, a.avatar_url,
                a.remote_id AS a_remote_id
            FROM scheduled_posts AS s JOIN accounts AS a ON a.id = s.account_id
            WHERE {" AND ".join(where)}
            ORDER BY s.sort_key DESC, s.id DESC LIMIT ?"""  # noqa: S608
        return self._select(sql, [*params, limit], schema.scheduled_entry_from_row)

    # deck layout and read positions

    def columns(self) -> list[ColumnState]:
        return self._select(
            "SELECT * FROM columns ORDER BY position, id", (), schema.column_from_row
        )

    def add_column(self, spec: ColumnSpec, *, width: int = 360) -> ColumnState:
        """Append a column at the right end of the deck."""
        with self._write():
            row = self._exec(
                """INSERT INTO columns (position, kind, account_id, options_json, width)
                VALUES ((SELECT coalesce(max(position) + 1, 0) FROM columns), ?, ?, ?, ?)
                RETURNING id, position""",
                (spec.kind, spec.account_id, spec.options_json(), width),
            ).fetchone()
        return ColumnState(spec=replace(spec, id=int(row[0])), position=int(row[1]), width=width)

    def update_column_spec(self, column_id: int, spec: ColumnSpec) -> None:
        with self._write():
            self._exec(
                "UPDATE columns SET kind = ?, account_id = ?, options_json = ? WHERE id = ?",
                (spec.kind, spec.account_id, spec.options_json(), column_id),
            )

    def save_layout(self, states: Sequence[ColumnState]) -> None:
        """Positions, widths and scroll places of the given columns, in one transaction;
        states of columns never stored (spec.id None) are skipped."""
        with self._write():
            for state in states:
                if state.spec.id is not None:
                    self._exec(
                        """UPDATE columns SET position = ?, width = ?, scroll_entry = ?,
                            scroll_offset = ? WHERE id = ?""",
                        (state.position, state.width, state.scroll_entry, state.scroll_offset,
                         state.spec.id),
                    )

    def remove_column(self, column_id: int) -> None:
        with self._write():
            self._exec("DELETE FROM columns WHERE id = ?", (column_id,))

    def read_position(self, column_id: int) -> tuple[int, int] | None:
        rows = self._select(
            "SELECT sort_key, entry_id FROM read_positions WHERE column_id = ?",
            (column_id,),
            lambda row: (int(row[0]), int(row[1])),
        )
        return rows[0] if rows else None

    def set_read_position(self, column_id: int, key: tuple[int, int]) -> None:
        with self._write():
            self._upsert(
                "read_positions",
                {"column_id": column_id, "sort_key": key[0], "entry_id": key[1]},
                ("column_id",),
            )

    # drafts and outbox

    def save_draft(self, draft: Draft) -> int:
        """Insert a draft (id None) or overwrite that row; returns its id."""
        with self._write():
            row = self._upsert(
                "drafts",
                {"id": draft.id, "account_id": draft.account_id, "text": draft.text,
                 "in_reply_to": draft.in_reply_to, "visibility": draft.visibility.value,
                 "spoiler": draft.spoiler, "updated_at": stamp()},
                ("id",),
                returning="id",
            ).fetchone()
        return int(row[0])

    def drafts(self) -> list[Draft]:
        return self._select("SELECT * FROM drafts ORDER BY id", (), schema.draft_from_row)

    def delete_draft(self, draft_id: int) -> None:
        with self._write():
            self._exec("DELETE FROM drafts WHERE id = ?", (draft_id,))

    def enqueue(
        self, account_id: str, action: str, payload: str, *, idempotency_key: str
    ) -> OutboxItem:
        """Record a write before it is sent. A key already queued returns the first item
        unchanged, so a retried action never queues a second post."""
        now = stamp()
        with self._write():
            self._exec(
                """INSERT INTO outbox (account_id, action, payload, idempotency_key, state,
                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING""",
                (account_id, action, payload, idempotency_key, OutboxState.QUEUED.value,
                 now, now),
            )
        return self._select(
            "SELECT * FROM outbox WHERE idempotency_key = ?", (idempotency_key,),
            schema.outbox_from_row,
        )[0]

    def outbox(self, state: OutboxState | None = None) -> list[OutboxItem]:
        """Queued writes, oldest first, optionally only those in `state`."""
        if state is None:
            return self._select("SELECT * FROM outbox ORDER BY id", (), schema.outbox_from_row)
        return self._select(
            "SELECT * FROM outbox WHERE state = ? ORDER BY id", (state.value,),
            schema.outbox_from_row,
        )

    def set_outbox_state(self, item_id: int, state: OutboxState, *, error: str = "") -> None:
        """Move an outbox item along; each move to SENDING counts as one attempt."""
        with self._write():
            self._exec(
                """UPDATE outbox SET state = ?, error = ?, updated_at = ?,
                    attempts = attempts + ? WHERE id = ?""",
                (state.value, error, stamp(), int(state is OutboxState.SENDING), item_id),
            )

    # settings

    def setting(self, name: str) -> str | None:
        value = self._value("SELECT value FROM settings WHERE name = ?", (name,))
        return None if value is None else str(value)

    def set_setting(self, name: str, value: str) -> None:
        with self._write():
            self._upsert("settings", {"name": name, "value": value}, ("name",))
