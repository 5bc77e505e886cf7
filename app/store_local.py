"""The user's own rows: scheduled posts, deck layout, read positions, drafts, outbox."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from app import schema
from app.model import (
    ColumnSpec,
    ColumnState,
    Draft,
    Entry,
    OutboxItem,
    OutboxState,
    SavedReply,
    ScheduledPost,
    ScheduleState,
)
from app.schema import placeholders, stamp, to_iso, to_ms
from app.store_base import SCHEDULED_CHANGED, StoreBase

_SHOWN_SCHEDULE_STATES = (ScheduleState.PENDING.value, ScheduleState.FAILED.value)


class DuplicateKeyword(ValueError):
    """Another saved reply already answers to this keyword."""

    def __init__(self, keyword: str) -> None:
        super().__init__(keyword)
        self.keyword = keyword


class LocalData(StoreBase):
    """The user's own rows; the network's rows are in Store (app/store.py)."""

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
                 "error": post.error, "created_at": now, "updated_at": now,
                 "attachments_json": schema.attachments_json(post.attachments),
                 "language": post.language},
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
                 "spoiler": draft.spoiler,
                 "attachments_json": schema.attachments_json(draft.attachments),
                 "language": draft.language,
                 "also_json": json.dumps(list(draft.also)),
                 "wording_json": json.dumps([list(w) for w in draft.wording], ensure_ascii=False),
                 "updated_at": stamp()},
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

    def outbox_item(self, idempotency_key: str) -> OutboxItem | None:
        rows = self._select(
            "SELECT * FROM outbox WHERE idempotency_key = ?", (idempotency_key,),
            schema.outbox_from_row,
        )
        return rows[0] if rows else None

    def next_local_time(self) -> datetime | None:
        """When the soonest post of Pantau's own queue (pending, no server copy) is due."""
        value = self._value(
            """SELECT max(sort_key) FROM scheduled_posts AS s WHERE state = ? AND remote_id = ''
                AND EXISTS (SELECT 1 FROM accounts WHERE id = s.account_id)""",
            (ScheduleState.PENDING.value,),
        )
        return None if value is None else datetime.fromtimestamp(-int(str(value)) / 1000, UTC)

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

    # saved replies

    def saved_replies(self) -> list[SavedReply]:
        return self._select(
            "SELECT * FROM saved_replies ORDER BY keyword COLLATE NOCASE", (),
            schema.saved_reply_from_row,
        )

    def save_saved_reply(self, reply: SavedReply) -> int:
        """Insert (id None) or overwrite a saved reply; returns its id. A keyword another
        reply already has (in any case) raises DuplicateKeyword and changes nothing."""
        taken = self._value(
            "SELECT id FROM saved_replies WHERE keyword = ? COLLATE NOCASE AND id IS NOT ?",
            (reply.keyword, reply.id),
        )
        if taken is not None:
            raise DuplicateKeyword(reply.keyword)
        with self._write():
            row = self._upsert(
                "saved_replies",
                {"id": reply.id, "keyword": reply.keyword, "title": reply.title,
                 "body": reply.body, "updated_at": stamp()},
                ("id",),
                returning="id",
            ).fetchone()
        return int(row[0])

    def delete_saved_reply(self, reply_id: int) -> None:
        with self._write():
            self._exec("DELETE FROM saved_replies WHERE id = ?", (reply_id,))

    # settings

    def setting(self, name: str) -> str | None:
        value = self._value("SELECT value FROM settings WHERE name = ?", (name,))
        return None if value is None else str(value)

    def set_setting(self, name: str, value: str) -> None:
        with self._write():
            self._upsert("settings", {"name": name, "value": value}, ("name",))
