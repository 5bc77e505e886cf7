"""The local SQLite cache (sqlite-utils): accounts, posts, feeds, conversations, search."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from app import schema
from app.model import (
    Account,
    Conversation,
    Entry,
    Network,
    Person,
    Post,
)
from app.schema import POST_COLUMNS, placeholders, stamp, to_iso, to_ms
from app.store_base import (
    ACCOUNTS_CHANGED,
    CASES_CHANGED,
    SCHEDULED_CHANGED,
    ChangeListener,
    StoreError,
)
from app.store_search import SearchData, fts_query

__all__ = [
    "ACCOUNTS_CHANGED",
    "CASES_CHANGED",
    "SCHEDULED_CHANGED",
    "ChangeListener",
    "Store",
    "StoreError",
    "fts_query",
]

# Past this many keys, one UNION ALL arm per key would near SQLite's limit of 500
# compound-select terms, so the page query falls back to one IN scan.
_MAX_UNION_KEYS = 100


def _prefix_range(account_id: str) -> tuple[str, str]:
    # Feed keys start with "<account id>|". A range, unlike LIKE, uses the index and is
    # not fooled by % or _ in an id; "}" is the character right after "|".
    return f"{account_id}|", f"{account_id}}}"


class Store(SearchData):
    """The cache file. Single-threaded like its sqlite3 connection; create with `open`."""

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

    def posts_above(self, post: Post, *, limit: int = 4) -> list[Post]:
        """The cached posts `post` answers, up its reply chain, oldest first; stops at the
        first one not cached. Each step is one lookup on the posts' unique key."""
        chain: list[Post] = []
        parent = post.reply_to_id
        while parent and len(chain) < limit:
            rows = self._select(
                f"""SELECT {POST_COLUMNS} FROM posts JOIN people ON people.id = posts.author_id
                WHERE posts.network = ? AND posts.instance = ? AND posts.remote_id = ?""",  # noqa: S608
                (post.network.value, post.instance, parent),
                schema.post_from_row,
            )
            if not rows:
                break
            chain.append(rows[0])
            parent = rows[0].reply_to_id
        return list(reversed(chain))

    def people_starting(self, network: Network, prefix: str, *, limit: int = 8) -> list[Person]:
        """Cached people of a network whose handle starts with `prefix` (any case), for
        completing a mention; a range on the people_handle index, never a scan."""
        prefix = prefix.lstrip("@")
        if not prefix:
            return []
        return self._select(
            """SELECT * FROM people WHERE network = ?
                AND handle COLLATE NOCASE >= ? AND handle COLLATE NOCASE < ?
            ORDER BY handle COLLATE NOCASE LIMIT ?""",
            (network.value, prefix, prefix + "\U0010ffff", limit),
            lambda row: schema.person_from_dict(dict(row)),
        )

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
                    """INSERT INTO feed_items (feed_key, post_id, sort_key, item_id)
                    VALUES (?, ?, ?, ?) ON CONFLICT (feed_key, post_id) DO NOTHING""",
                    (feed_key, post_id, to_ms(post.created_at),
                     post.feed_item_id or post.remote_id),
                ).rowcount
            self._touch_feed(feed_key, fetched_at)
        return new

    def feed_item_at(self, feed_key: str, key: tuple[int, int]) -> str | None:
        """The remote id of the feed's newest entry at or below `key` (an Entry.key): what
        a read marker says once the column is read down from `key`."""
        rows = self._select(
            """SELECT item_id FROM feed_items WHERE feed_key = ? AND item_id != ''
            AND (sort_key, post_id) <= (?, ?) ORDER BY sort_key DESC, post_id DESC LIMIT 1""",
            (feed_key, *key),
            lambda row: str(row[0]),
        )
        return rows[0] if rows else None

    def feed_item_key(self, feed_key: str, item_id: str) -> tuple[int, int] | None:
        """The Entry.key of the post a remote entry filed in the feed, if it is cached."""
        rows = self._select(
            "SELECT sort_key, post_id FROM feed_items WHERE feed_key = ? AND item_id = ?",
            (feed_key, item_id),
            lambda row: (int(row[0]), int(row[1])),
        )
        return max(rows) if rows else None

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
