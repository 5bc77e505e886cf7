"""The store's plumbing: opening and migrating the file, transactions, listeners, upserts."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Self, TypeVar

import sqlite_utils

from app import schema
from app.model import (
    Person,
    Post,
)
from app.schema import placeholders, to_iso, to_ms

log = logging.getLogger(__name__)

ChangeListener = Callable[[frozenset[str]], None]
"""Called after a commit with the feed keys whose rows changed ("*scheduled*" for the
scheduled queue, "*cases*" for the triage inbox, "*accounts*" for the account list)."""

SCHEDULED_CHANGED = "*scheduled*"
CASES_CHANGED = "*cases*"
ACCOUNTS_CHANGED = "*accounts*"

_T = TypeVar("_T")


def _counts(post: Post) -> dict[str, int]:
    # Only a page that says how many replies, reposts and likes a post has overwrites
    # them: most feeds' copies of a post carry no counts (or stale ones are kept).
    if post.engagement is None:
        return {}
    e = post.engagement
    return {"replies_count": e.replies, "reposts_count": e.reposts, "likes_count": e.likes}


class StoreError(Exception):
    """The cache could not be opened or written (disk full, corrupt file, newer schema)."""


class Checkpointer:
    """Copies the write-ahead log into the database file on a thread of its own, with its
    own connection, a moment after writes. SQLite otherwise does it inside whichever commit
    fills the log past 1,000 pages: on the UI thread, where its fsync stopped the window
    for 100-250 ms on a busy disk. PASSIVE never waits for the app's reads or writes."""

    DELAY = 0.5

    def __init__(self, path: Path) -> None:
        """Raises sqlite3.Error when its connection cannot be opened; the store then
        leaves checkpoints to SQLite, as before."""
        self._path = path
        # Opened here, used only by the thread, so a failure is known before the store
        # turns SQLite's own checkpoints off.
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._dirty = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pantau-checkpoint", daemon=True)
        self._thread.start()

    def wrote(self) -> None:
        self._dirty.set()

    def stop(self) -> None:
        self._stopping.set()
        self._dirty.set()
        self._thread.join()

    def _run(self) -> None:
        conn = self._conn
        try:
            while not self._stopping.is_set():
                self._dirty.wait()
                if self._stopping.wait(self.DELAY):  # a burst of commits: one checkpoint
                    break  # closing: the store's own close checkpoints what is left
                self._dirty.clear()
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error as exc:  # the next write tries again
                    log.info("checkpoint of %s: %s", self._path, exc)
        finally:
            conn.close()


class StoreBase:
    """The open file and its plumbing. Single-threaded like its sqlite3 connection (the
    Checkpointer's thread has a connection of its own)."""

    def __init__(self, db: sqlite_utils.Database, path: Path) -> None:
        self._db = db
        self._conn: sqlite3.Connection = db.conn
        self._path = path
        self._listeners: list[ChangeListener] = []
        self._checkpointer: Checkpointer | None = None

    @classmethod
    def open(cls, path: Path) -> Self:
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
        store = cls(db, path)
        try:
            store._checkpointer = Checkpointer(path)
        except sqlite3.Error as exc:
            log.warning("no background checkpoints for %s: %s", path, exc)
        else:
            db.conn.execute("PRAGMA wal_autocheckpoint=0")  # the Checkpointer's job
        return store

    @staticmethod
    def _close_quietly(db: sqlite_utils.Database | None) -> None:
        if db is not None:
            db.close()

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        self._db.close()  # the last connection to close checkpoints what is left

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
        if self._checkpointer is not None:
            self._checkpointer.wrote()
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
             "raw_json": post.raw, **_counts(post)},
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

