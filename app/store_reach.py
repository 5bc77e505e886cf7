"""The reach of the office's own accounts: daily follower counts and their own posts with
what people did with them (the monthly report's reach section)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from app import schema
from app.model import Post
from app.schema import POST_COLUMNS, placeholders, to_iso
from app.store_triage import TriageData


def own_feed(account_id: str) -> str:
    """The store key under which an account's own posts are kept for the report."""
    return f"{account_id}|own"


class ReachData(TriageData):
    def record_followers(self, account_id: str, day: date, followers: int, at: datetime) -> None:
        """The account's follower count on an office day; a later sample that day wins."""
        with self._write():
            self._upsert(
                "reach_samples",
                {"account_id": account_id, "day": day.isoformat(), "followers": followers,
                 "sampled_at": to_iso(at)},
                ("account_id", "day"),
            )

    def sampled_on(self, account_id: str, day: date) -> bool:
        return self._value(
            "SELECT 1 FROM reach_samples WHERE account_id = ? AND day = ?",
            (account_id, day.isoformat()),
        ) is not None

    def follower_samples(self, first: date, last: date) -> list[tuple[str, date, int]]:
        """(account id, day, followers) for the days first..last, by account and day."""
        return self._select(
            """SELECT account_id, day, followers FROM reach_samples
            WHERE day >= ? AND day <= ? ORDER BY account_id, day""",
            (first.isoformat(), last.isoformat()),
            lambda r: (str(r[0]), date.fromisoformat(r[1]), int(r[2])),
        )

    def own_posts(
        self, account_ids: Sequence[str], start: datetime, end: datetime
    ) -> list[tuple[str, Post]]:
        """(account id, post) for the accounts' own posts created in [start, end), as last
        fetched for the report, oldest first."""
        keys = [own_feed(a) for a in account_ids]
        if not keys:
            return []
        return self._select(
            f"""SELECT feed_items.feed_key, {POST_COLUMNS} FROM feed_items
            JOIN posts ON posts.id = feed_items.post_id
            JOIN people ON people.id = posts.author_id
            WHERE feed_items.feed_key IN ({placeholders(len(keys))})
                AND posts.created_at >= ? AND posts.created_at < ?
            ORDER BY posts.created_at, posts.id""",  # noqa: S608
            [*keys, to_iso(start), to_iso(end)],
            lambda row: (str(row["feed_key"]).rpartition("|")[0], schema.post_from_row(row)),
        )
