"""The cache's tables: numbered migrations (version in PRAGMA user_version) and row mapping."""

from __future__ import annotations

import html
import json
import sqlite3
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

import sqlite_utils

from app.model import (
    Account,
    Attachment,
    ColumnSpec,
    ColumnState,
    Draft,
    Engagement,
    Entry,
    EntryKind,
    Media,
    Network,
    OutboxItem,
    OutboxState,
    Person,
    Post,
    SavedReply,
    ScheduledPost,
    ScheduleState,
    Visibility,
)

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
_V2: Sequence[str] = (
    """CREATE VIEW post_search_source AS
        SELECT posts.id AS id, posts.text AS text,
               people.handle || ' ' || people.display_name AS author
        FROM posts JOIN people ON people.id = posts.author_id""",
    """CREATE VIRTUAL TABLE post_search USING fts5 (
        text, author, content = 'post_search_source', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER posts_search_ai AFTER INSERT ON posts BEGIN
        INSERT INTO post_search (rowid, text, author)
        VALUES (new.id, new.text,
            (SELECT handle || ' ' || display_name FROM people WHERE id = new.author_id));
    END""",
    """CREATE TRIGGER posts_search_ad AFTER DELETE ON posts BEGIN
        INSERT INTO post_search (post_search, rowid, text, author)
        VALUES ('delete', old.id, old.text,
            (SELECT handle || ' ' || display_name FROM people WHERE id = old.author_id));
    END""",
    """CREATE TRIGGER posts_search_au AFTER UPDATE OF text, author_id ON posts
        WHEN old.text IS NOT new.text OR old.author_id IS NOT new.author_id BEGIN
        INSERT INTO post_search (post_search, rowid, text, author)
        VALUES ('delete', old.id, old.text,
            (SELECT handle || ' ' || display_name FROM people WHERE id = old.author_id));
        INSERT INTO post_search (rowid, text, author)
        VALUES (new.id, new.text,
            (SELECT handle || ' ' || display_name FROM people WHERE id = new.author_id));
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

# Which remote entry filed each post in a feed (a notification id for mentions), so a
# column's read position can be told to the server as a marker.
_V3: Sequence[str] = (
    "ALTER TABLE feed_items ADD COLUMN item_id TEXT NOT NULL DEFAULT ''",
)

# Saved replies: template answers, one per keyword (case-insensitive).
_V4: Sequence[str] = (
    """CREATE TABLE saved_replies (
        id INTEGER PRIMARY KEY,
        keyword TEXT NOT NULL UNIQUE COLLATE NOCASE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
)

# Drafts keep the files picked for them (path and description), as JSON.
_V5: Sequence[str] = ("ALTER TABLE drafts ADD COLUMN attachments_json TEXT NOT NULL DEFAULT '[]'",)

# The language a draft is written in (ISO 639-1), sent with the post.
_V6: Sequence[str] = ("ALTER TABLE drafts ADD COLUMN language TEXT NOT NULL DEFAULT ''",)

# Mention completion looks people up by the start of their handle, in any case.
_V7: Sequence[str] = ("CREATE INDEX people_handle ON people (network, handle COLLATE NOCASE)",)

# Posts of Pantau's own queue keep their files and language until they are sent.
_V8: Sequence[str] = (
    "ALTER TABLE scheduled_posts ADD COLUMN attachments_json TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE scheduled_posts ADD COLUMN language TEXT NOT NULL DEFAULT ''",
)

# The triage inbox (issue 8). Plain SQL that PostgreSQL also runs, so several PCs can later
# share one queue: no COLLATE NOCASE, no INSERT OR ..., no rowid, no JSON functions; times are
# ISO text in UTC. A case copies what it shows of its post, so it outlives the cache's copy.
_V9: Sequence[str] = (
    """CREATE TABLE agencies (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        position INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE topics (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        keywords TEXT NOT NULL DEFAULT '',
        agency_code TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE holidays (
        day TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL
    )""",
    """CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        inbox_id INTEGER,
        network TEXT NOT NULL,
        instance TEXT NOT NULL DEFAULT '',
        remote_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        conversation_id TEXT NOT NULL DEFAULT '',
        author_handle TEXT NOT NULL DEFAULT '',
        author_name TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        posted_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        sort_key BIGINT NOT NULL,
        status TEXT NOT NULL DEFAULT 'new',
        agency_code TEXT NOT NULL DEFAULT '',
        assignee TEXT NOT NULL DEFAULT '',
        assigned_at TEXT,
        answered_at TEXT,
        closed_at TEXT,
        answer_url TEXT NOT NULL DEFAULT '',
        duplicate_of INTEGER REFERENCES cases (id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (network, instance, remote_id)
    )""",
    "CREATE INDEX cases_inbox ON cases (inbox_id, sort_key DESC, id DESC)",
    "CREATE INDEX cases_received ON cases (received_at)",
    "CREATE INDEX cases_conversation ON cases (account_id, conversation_id)",
    """CREATE TABLE case_topics (
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        PRIMARY KEY (case_id, topic)
    )""",
    """CREATE TABLE case_events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        old TEXT NOT NULL DEFAULT '',
        new TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX case_events_case ON case_events (case_id, at)",
)

# Reach of the office's own accounts: what people did with a post (NULL: not told), and
# one follower count per account and office day.
_V10: Sequence[str] = (
    "ALTER TABLE posts ADD COLUMN replies_count INTEGER",
    "ALTER TABLE posts ADD COLUMN reposts_count INTEGER",
    "ALTER TABLE posts ADD COLUMN likes_count INTEGER",
    """CREATE TABLE reach_samples (
        account_id TEXT NOT NULL,
        day TEXT NOT NULL,
        followers INTEGER NOT NULL,
        sampled_at TEXT NOT NULL,
        PRIMARY KEY (account_id, day)
    )""",
)

# A cross-posted draft keeps the other accounts it goes out from and each network's wording.
_V11: Sequence[str] = (
    "ALTER TABLE drafts ADD COLUMN also_json TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE drafts ADD COLUMN wording_json TEXT NOT NULL DEFAULT '[]'",
)

MIGRATIONS: Sequence[Sequence[str]] = (
    _V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10, _V11,
)  # fmt: skip
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


# Rows <-> model objects. Damaged rows raise ValueError; the store reports them.

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)

# Post.raw (the network's whole JSON of the post) stays in the file but is not read back:
# nothing shown uses it, and it is most of a row's size (several KB, at 4 bytes a character
# once it holds one emoji), which thousands of rows per column would keep in memory.
POST_COLUMNS = """posts.id AS post_id, posts.sort_key AS post_sort_key, posts.network,
    posts.instance, posts.remote_id, posts.account_id, posts.created_at, posts.html, posts.text,
    posts.url, posts.reply_to_id, posts.thread_root_id, posts.conversation_id, posts.visibility,
    posts.spoiler, posts.media_json, '' AS raw_json, posts.replies_count,
    posts.reposts_count, posts.likes_count, people.network AS a_network,
    people.instance AS a_instance, people.remote_id AS a_remote_id, people.handle AS a_handle,
    people.display_name AS a_display_name, people.avatar_url AS a_avatar_url,
    people.url AS a_url"""


def utc(value: datetime) -> datetime:
    # A naive datetime is taken as UTC rather than local time: providers parse UTC stamps.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def to_iso(value: datetime) -> str:
    # Fixed width, so stored stamps compare correctly as text (MIN in last_refreshed).
    return utc(value).isoformat(timespec="microseconds")


def to_ms(value: datetime) -> int:
    return (utc(value) - _EPOCH) // _MS


def parse_time(text: str) -> datetime:
    return utc(datetime.fromisoformat(text))


def now() -> datetime:
    return datetime.now(UTC)


def stamp() -> str:
    """Now, as stored."""
    return to_iso(now())


def placeholders(count: int) -> str:
    return ", ".join("?" * count)


def person_dict(person: Person) -> dict[str, str]:
    return {
        "network": person.network.value,
        "remote_id": person.remote_id,
        "handle": person.handle,
        "display_name": person.display_name,
        "avatar_url": person.avatar_url,
        "url": person.url,
        "instance": person.instance,
    }


def _text_field(data: Mapping[str, object], name: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise ValueError(f"stored {name!r} is not text")
    return value


def json_list(text: str) -> list[Mapping[str, object]]:
    value = json.loads(text or "[]")
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError("stored list is malformed")
    return value


def person_from_dict(data: Mapping[str, object]) -> Person:
    return Person(
        network=Network(_text_field(data, "network")),
        remote_id=_text_field(data, "remote_id"),
        handle=_text_field(data, "handle"),
        display_name=_text_field(data, "display_name"),
        avatar_url=_text_field(data, "avatar_url"),
        url=_text_field(data, "url"),
        instance=_text_field(data, "instance"),
    )


def media_json(media: Sequence[Media]) -> str:
    items = [
        {"kind": m.kind, "url": m.url, "preview_url": m.preview_url, "description": m.description}
        for m in media
    ]
    return json.dumps(items, ensure_ascii=False)


def media_from_json(text: str) -> tuple[Media, ...]:
    return tuple(
        Media(
            kind=_text_field(m, "kind"),
            url=_text_field(m, "url"),
            preview_url=_text_field(m, "preview_url"),
            description=_text_field(m, "description"),
        )
        for m in json_list(text)
    )


_AUTHORS: dict[tuple[str, ...], Person] = {}
_AUTHORS_KEPT = 4096
_AUTHOR_FIELDS = (
    "a_network", "a_remote_id", "a_handle", "a_display_name", "a_avatar_url", "a_url",
    "a_instance",
)  # fmt: skip


def _author(row: sqlite3.Row) -> Person:
    """The row's author, one shared (frozen) Person per distinct author row: a column of
    thousands of posts by a few hundred people then holds a few hundred of them."""
    key: tuple[str, ...] = tuple(row[name] for name in _AUTHOR_FIELDS)
    found = _AUTHORS.get(key)
    if found is None:
        if len(_AUTHORS) >= _AUTHORS_KEPT:
            _AUTHORS.clear()
        network, remote_id, handle, display_name, avatar_url, url, instance = key
        found = _AUTHORS[key] = Person(
            network=Network(network),
            remote_id=remote_id,
            handle=handle,
            display_name=display_name,
            avatar_url=avatar_url,
            url=url,
            instance=instance,
        )
    return found


def post_from_row(row: sqlite3.Row) -> Post:
    return Post(
        network=Network(row["network"]),
        remote_id=row["remote_id"],
        account_id=sys.intern(row["account_id"]),
        author=_author(row),
        created_at=parse_time(row["created_at"]),
        html=row["html"],
        text=row["text"],
        url=row["url"],
        instance=row["instance"],
        reply_to_id=row["reply_to_id"],
        thread_root_id=row["thread_root_id"],
        conversation_id=row["conversation_id"],
        visibility=Visibility(row["visibility"]),
        spoiler=row["spoiler"],
        media=media_from_json(row["media_json"]),
        raw=row["raw_json"],
        engagement=engagement_from_row(row),
    )


def engagement_from_row(row: sqlite3.Row) -> Engagement | None:
    counts = (row["replies_count"], row["reposts_count"], row["likes_count"])
    if any(c is None for c in counts):
        return None
    return Engagement(*(int(c) for c in counts))


def account_from_row(row: sqlite3.Row) -> Account:
    return Account(
        id=row["id"],
        network=Network(row["network"]),
        handle=row["handle"],
        display_name=row["display_name"],
        server=row["server"],
        remote_id=row["remote_id"],
        avatar_url=row["avatar_url"],
        problem=row["problem"],
    )


def scheduled_from_row(row: sqlite3.Row) -> ScheduledPost:
    return ScheduledPost(
        id=row["id"],
        account_id=row["account_id"],
        text=row["text"],
        scheduled_at=parse_time(row["scheduled_at"]),
        state=ScheduleState(row["state"]),
        remote_id=row["remote_id"],
        visibility=Visibility(row["visibility"]),
        error=row["error"],
        attachments=attachments_from_json(row["attachments_json"]),
        language=row["language"],
    )


def outbox_from_row(row: sqlite3.Row) -> OutboxItem:
    return OutboxItem(
        id=row["id"],
        account_id=row["account_id"],
        action=row["action"],
        payload=row["payload"],
        idempotency_key=row["idempotency_key"],
        state=OutboxState(row["state"]),
        attempts=row["attempts"],
        error=row["error"],
        created_at=parse_time(row["created_at"]),
        updated_at=parse_time(row["updated_at"]),
    )


def saved_reply_from_row(row: sqlite3.Row) -> SavedReply:
    return SavedReply(row["keyword"], row["title"], row["body"], id=row["id"])


def column_from_row(row: sqlite3.Row) -> ColumnState:
    options = json.loads(row["options_json"] or "{}")
    spec = ColumnSpec(
        kind=row["kind"],
        account_id=row["account_id"],
        options=options if isinstance(options, dict) else {},
        id=row["id"],
    )
    return ColumnState(
        spec=spec,
        position=row["position"],
        width=row["width"],
        scroll_entry=row["scroll_entry"],
        scroll_offset=row["scroll_offset"],
    )


def draft_from_row(row: sqlite3.Row) -> Draft:
    return Draft(
        account_id=row["account_id"],
        text=row["text"],
        in_reply_to=row["in_reply_to"],
        visibility=Visibility(row["visibility"]),
        spoiler=row["spoiler"],
        id=row["id"],
        language=row["language"],
        attachments=attachments_from_json(row["attachments_json"]),
        also=tuple(str(a) for a in _json_array(row["also_json"])),
        wording=tuple(
            (str(pair[0]), str(pair[1]))
            for pair in _json_array(row["wording_json"])
            if isinstance(pair, list) and len(pair) == 2
        ),
    )


def _json_array(text: str) -> list[object]:
    value = json.loads(text or "[]")
    if not isinstance(value, list):
        raise ValueError("stored list is malformed")
    return value


def attachments_from_json(text: str) -> tuple[Attachment, ...]:
    return tuple(
        Attachment(str(a.get("path", "")), str(a.get("description", "")))
        for a in json_list(text)
        if a.get("path")
    )


def attachments_json(attachments: Sequence[Attachment]) -> str:
    return json.dumps(
        [{"path": a.path, "description": a.description} for a in attachments], ensure_ascii=False
    )


def post_entry_from_row(row: sqlite3.Row) -> Entry:
    """A row of POST_COLUMNS as a post entry."""
    return Entry(sort_key=row["post_sort_key"], entry_id=row["post_id"], post=post_from_row(row))


def conversation_entry_from_row(row: sqlite3.Row) -> Entry:
    """A conversation row (c_id, c_sort_key, participants_json, unread) plus POST_COLUMNS."""
    return Entry(
        sort_key=row["c_sort_key"],
        entry_id=row["c_id"],
        post=post_from_row(row),
        kind=EntryKind.CONVERSATION,
        unread=bool(row["unread"]),
        participants=tuple(person_from_dict(p) for p in json_list(row["participants_json"])),
    )


def scheduled_entry_from_row(row: sqlite3.Row) -> Entry:
    """A scheduled_posts row joined to its account (network, handle, display_name,
    avatar_url, a_remote_id), shown as a preview post by the account."""
    network = Network(row["network"])
    author = Person(
        network=network,
        remote_id=row["a_remote_id"],
        handle=row["handle"],
        display_name=row["display_name"],
        avatar_url=row["avatar_url"],
    )
    text: str = row["text"]
    scheduled_at = parse_time(row["scheduled_at"])
    lines = text.replace("\r\n", "\n").split("\n")
    preview = Post(
        network=network,
        remote_id=row["remote_id"],
        account_id=row["account_id"],
        author=author,
        created_at=scheduled_at,
        html="<br>".join(html.escape(line) for line in lines),
        text=text,
        visibility=Visibility(row["visibility"]),
    )
    return Entry(
        sort_key=row["sort_key"],
        entry_id=row["id"],
        post=preview,
        kind=EntryKind.SCHEDULED,
        scheduled_at=scheduled_at,
        state=row["state"],
    )
