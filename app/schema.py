"""The cache's SQLite schema as numbered migrations; the version lives in PRAGMA user_version."""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

# Each migration is a list of single statements rather than one script: sqlite3's
# executescript() commits first, which would break "one migration, one transaction".
_V1: Sequence[str] = (
    """CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        network TEXT NOT NULL,
        handle TEXT NOT NULL,
        display_name TEXT NOT NULL DEFAULT '',
        server TEXT NOT NULL DEFAULT '',
        remote_id TEXT NOT NULL DEFAULT '',
        avatar_url TEXT NOT NULL DEFAULT '',
        problem TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        network TEXT NOT NULL,
        instance TEXT NOT NULL DEFAULT '',
        remote_id TEXT NOT NULL,
        handle TEXT NOT NULL,
        display_name TEXT NOT NULL DEFAULT '',
        avatar_url TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        UNIQUE (network, instance, remote_id)
    )""",
    """CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        network TEXT NOT NULL,
        instance TEXT NOT NULL DEFAULT '',
        remote_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        author_id INTEGER NOT NULL REFERENCES people (id),
        created_at TEXT NOT NULL,
        sort_key INTEGER NOT NULL,
        html TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        reply_to_id TEXT NOT NULL DEFAULT '',
        thread_root_id TEXT NOT NULL DEFAULT '',
        conversation_id TEXT NOT NULL DEFAULT '',
        visibility TEXT NOT NULL DEFAULT 'public',
        spoiler TEXT NOT NULL DEFAULT '',
        media_json TEXT NOT NULL DEFAULT '[]',
        raw_json TEXT NOT NULL DEFAULT '',
        UNIQUE (network, instance, remote_id)
    )""",
    "CREATE INDEX posts_author ON posts (author_id)",
    "CREATE INDEX posts_account ON posts (account_id, sort_key DESC, id DESC)",
    """CREATE TABLE feeds (
        feed_key TEXT PRIMARY KEY,
        last_refreshed_at TEXT,
        older_cursor TEXT NOT NULL DEFAULT '',
        newer_cursor TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE feed_items (
        feed_key TEXT NOT NULL,
        post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        sort_key INTEGER NOT NULL,
        PRIMARY KEY (feed_key, post_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX feed_items_page ON feed_items (feed_key, sort_key DESC, post_id DESC)",
    "CREATE INDEX feed_items_post ON feed_items (post_id)",
    # feed_items copies the post's sort key so a page is read from one index alone.
    """CREATE TRIGGER posts_sort_key_au AFTER UPDATE OF sort_key ON posts
        WHEN old.sort_key IS NOT new.sort_key BEGIN
            UPDATE feed_items SET sort_key = new.sort_key WHERE post_id = new.id;
        END""",
    """CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        network TEXT NOT NULL,
        instance TEXT NOT NULL DEFAULT '',
        remote_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        participants_json TEXT NOT NULL DEFAULT '[]',
        last_post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,
        unread INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        sort_key INTEGER NOT NULL,
        UNIQUE (network, instance, remote_id, account_id)
    )""",
    "CREATE INDEX conversations_page ON conversations (sort_key DESC, id DESC)",
    "CREATE INDEX conversations_account ON conversations (account_id)",
    "CREATE INDEX conversations_last_post ON conversations (last_post_id)",
    """CREATE TABLE conversation_feeds (
        feed_key TEXT NOT NULL,
        conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        PRIMARY KEY (feed_key, conversation_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX conversation_feeds_conversation ON conversation_feeds (conversation_id)",
    """CREATE TABLE scheduled_posts (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        text TEXT NOT NULL,
        scheduled_at TEXT NOT NULL,
        sort_key INTEGER NOT NULL,
        state TEXT NOT NULL,
        remote_id TEXT NOT NULL DEFAULT '',
        visibility TEXT NOT NULL DEFAULT 'public',
        error TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX scheduled_posts_page ON scheduled_posts (sort_key DESC, id DESC)",
    "CREATE INDEX scheduled_posts_account ON scheduled_posts (account_id)",
    """CREATE TABLE columns (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        account_id TEXT NOT NULL DEFAULT '',
        options_json TEXT NOT NULL DEFAULT '{}',
        width INTEGER NOT NULL DEFAULT 360,
        scroll_entry INTEGER NOT NULL DEFAULT 0,
        scroll_offset INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX columns_position ON columns (position, id)",
    "CREATE INDEX columns_account ON columns (account_id)",
    """CREATE TABLE read_positions (
        column_id INTEGER PRIMARY KEY REFERENCES columns (id) ON DELETE CASCADE,
        sort_key INTEGER NOT NULL,
        entry_id INTEGER NOT NULL
    )""",
    """CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        text TEXT NOT NULL,
        in_reply_to TEXT NOT NULL DEFAULT '',
        visibility TEXT NOT NULL DEFAULT 'public',
        spoiler TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX drafts_account ON drafts (account_id)",
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        payload TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX outbox_state ON outbox (state, id)",
    "CREATE INDEX outbox_account ON outbox (account_id)",
    "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

# The FTS index is external-content over a view joining posts to their author, so that
# 'rebuild' can back-fill it and 'integrity-check' can prove the triggers right. Invariant:
# a post's index entry is (its text, handle + display name of its *current* author row).
# Deletes must repeat exactly the indexed values, hence the ordering of the triggers.
_AUTHOR = "(SELECT handle || ' ' || display_name FROM people WHERE id = {0}.author_id)"
_V2: Sequence[str] = (
    """CREATE VIEW post_search_source AS
        SELECT posts.id AS id, posts.text AS text,
               people.handle || ' ' || people.display_name AS author
        FROM posts JOIN people ON people.id = posts.author_id""",
    """CREATE VIRTUAL TABLE post_search USING fts5 (
        text, author, content = 'post_search_source', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    f"""CREATE TRIGGER posts_search_ai AFTER INSERT ON posts BEGIN
        INSERT INTO post_search (rowid, text, author)
        VALUES (new.id, new.text, {_AUTHOR.format("new")});
    END""",
    f"""CREATE TRIGGER posts_search_ad AFTER DELETE ON posts BEGIN
        INSERT INTO post_search (post_search, rowid, text, author)
        VALUES ('delete', old.id, old.text, {_AUTHOR.format("old")});
    END""",
    f"""CREATE TRIGGER posts_search_au AFTER UPDATE OF text, author_id ON posts
        WHEN old.text IS NOT new.text OR old.author_id IS NOT new.author_id BEGIN
        INSERT INTO post_search (post_search, rowid, text, author)
        VALUES ('delete', old.id, old.text, {_AUTHOR.format("old")});
        INSERT INTO post_search (rowid, text, author)
        VALUES (new.id, new.text, {_AUTHOR.format("new")});
    END""",
    """CREATE TRIGGER people_search_au AFTER UPDATE OF handle, display_name ON people
        WHEN old.handle IS NOT new.handle OR old.display_name IS NOT new.display_name BEGIN
        INSERT INTO post_search (post_search, rowid, text, author)
        SELECT 'delete', id, text, old.handle || ' ' || old.display_name
        FROM posts WHERE author_id = new.id;
        INSERT INTO post_search (rowid, text, author)
        SELECT id, text, new.handle || ' ' || new.display_name
        FROM posts WHERE author_id = new.id;
    END""",
    "INSERT INTO post_search (post_search) VALUES ('rebuild')",
)

MIGRATIONS: Sequence[Sequence[str]] = (_V1, _V2)
LATEST = len(MIGRATIONS)


class NewerSchemaError(Exception):
    """The file was written by a newer Pantau whose schema this code does not know."""

    def __init__(self, found: int) -> None:
        super().__init__(f"schema version {found} is newer than the {LATEST} this version knows")
        self.found = found


def version(db: sqlite_utils.Database) -> int:
    row = db.conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: sqlite_utils.Database, *, target: int = LATEST) -> int:
    """Apply the migrations after the file's version up to `target`, each in its own
    transaction; returns the resulting version."""
    current = version(db)
    if current > LATEST:
        raise NewerSchemaError(current)
    for number in range(current + 1, target + 1):
        with db.atomic():
            for statement in MIGRATIONS[number - 1]:
                db.conn.execute(statement)
            # PRAGMA takes no bound parameters; `number` is our own int.
            db.conn.execute(f"PRAGMA user_version = {number:d}")
    return version(db)
