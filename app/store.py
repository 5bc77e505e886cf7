"""The local SQLite cache (sqlite-utils): schema, migrations, idempotent upserts, paged queries.

CONTRACT SKELETON - to be implemented (see the docstrings). No Qt imports here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from app.model import (
    Account,
    ColumnSpec,
    ColumnState,
    Conversation,
    Draft,
    Entry,
    OutboxItem,
    OutboxState,
    Post,
    ScheduledPost,
)

ChangeListener = Callable[[frozenset[str]], None]
"""Called after a commit with the feed keys whose rows changed ("*scheduled*" for the
scheduled queue, "*accounts*" for the account list)."""

SCHEDULED_CHANGED = "*scheduled*"
ACCOUNTS_CHANGED = "*accounts*"


class StoreError(Exception):
    """The cache could not be opened or written (disk full, corrupt file, newer schema)."""


class Store:
    @classmethod
    def open(cls, path: Path) -> Store: ...

    def close(self) -> None: ...

    @property
    def path(self) -> Path: ...

    @property
    def schema_version(self) -> int: ...

    def add_listener(self, listener: ChangeListener) -> None: ...

    def remove_listener(self, listener: ChangeListener) -> None: ...

    # accounts
    def upsert_account(self, account: Account) -> None: ...

    def accounts(self) -> list[Account]: ...

    def account(self, account_id: str) -> Account | None: ...

    def set_account_problem(self, account_id: str, problem: str) -> None: ...

    def remove_account(self, account_id: str, *, purge: bool) -> None: ...

    # posts and feeds
    def upsert_posts(
        self, feed_key: str, posts: Sequence[Post], *, fetched_at: datetime
    ) -> int: ...

    def feed_entries(
        self, feed_keys: Sequence[str], *, before: tuple[int, int] | None, limit: int
    ) -> list[Entry]: ...

    def search_entries(
        self,
        query: str,
        account_ids: Sequence[str],
        *,
        before: tuple[int, int] | None,
        limit: int,
    ) -> list[Entry]: ...

    def upsert_conversations(
        self, feed_key: str, conversations: Sequence[Conversation], *, fetched_at: datetime
    ) -> int: ...

    def conversation_entries(
        self, feed_keys: Sequence[str], *, before: tuple[int, int] | None, limit: int
    ) -> list[Entry]: ...

    def last_refreshed(self, feed_keys: Sequence[str]) -> datetime | None: ...

    def mark_refreshed(self, feed_key: str, at: datetime) -> None: ...

    def feed_cursor(self, feed_key: str) -> tuple[str, str]: ...

    def set_feed_cursor(self, feed_key: str, *, older: str = "", newer: str = "") -> None: ...

    # scheduled posts
    def add_scheduled(self, post: ScheduledPost) -> int: ...

    def scheduled_entries(
        self, account_ids: Sequence[str], *, before: tuple[int, int] | None, limit: int
    ) -> list[Entry]: ...

    # deck layout and read positions
    def columns(self) -> list[ColumnState]: ...

    def add_column(self, spec: ColumnSpec, *, width: int = 360) -> ColumnState: ...

    def update_column_spec(self, column_id: int, spec: ColumnSpec) -> None: ...

    def save_layout(self, states: Sequence[ColumnState]) -> None: ...

    def remove_column(self, column_id: int) -> None: ...

    def read_position(self, column_id: int) -> tuple[int, int] | None: ...

    def set_read_position(self, column_id: int, key: tuple[int, int]) -> None: ...

    # drafts and outbox
    def save_draft(self, draft: Draft) -> int: ...

    def drafts(self) -> list[Draft]: ...

    def delete_draft(self, draft_id: int) -> None: ...

    def enqueue(
        self, account_id: str, action: str, payload: str, *, idempotency_key: str
    ) -> OutboxItem: ...

    def outbox(self, state: OutboxState | None = None) -> list[OutboxItem]: ...

    def set_outbox_state(self, item_id: int, state: OutboxState, *, error: str = "") -> None: ...

    # settings
    def setting(self, name: str) -> str | None: ...

    def set_setting(self, name: str, value: str) -> None: ...
