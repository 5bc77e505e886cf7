"""Search over the cached posts: newest matches first, or the most relevant of the recent
ones. Both read the FTS5 index (post_search) in its own order, newest row first, and stop
as soon as the answer is known, instead of ranking or sorting every match of a common word.

Why: in a cache of a million posts ~280,000 have "jalan". Sorting them all by time reads
every one of those posts (1.5-2 s on two cores); ORDER BY rank scores each (300-500 ms).

What is left (tests/bench/bench_search.py): every word is a prefix (fts_query), and FTS5
merges the whole posting lists of all terms with that prefix before the first row comes
out, 10-30 ms for a common word in a million posts; bm25() reads them once more for its
document frequencies. A prefix index (fts5 option prefix='2 3 4 5 6') serves prefixes of
up to six characters without that merge, for ~4.5x the index size and 35-60 % slower
ingest (measured on the benchmark's posts).
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Sequence

from app import schema
from app.model import Entry
from app.schema import POST_COLUMNS, placeholders
from app.store_base import StoreError
from app.store_reach import ReachData

# How many matches the newest-first walk reads before it first asks whether it may stop;
# each later step reads twice as many.
FIRST_STEP = 200

# The relevance search ranks this many matches, the ones that reached the cache last.
RELEVANCE_WINDOW = 1000

# The matches in the index's order (row id: the order posts reached the cache), with what
# the walk needs of each post. CROSS JOIN keeps the FTS table the outer loop, so it gives
# the order itself: no sort, the rows stream.
WALK_SQL = """SELECT post_search.rowid, posts.sort_key, posts.account_id FROM post_search
    CROSS JOIN posts ON posts.id = post_search.rowid
    WHERE post_search MATCH ? ORDER BY post_search.rowid DESC"""

# The accounts that own cached posts, one index seek each (a loose index scan): posts of
# a removed account stay searchable under "every account" until they are purged.
_OWNERS_SQL = """WITH RECURSIVE owner (id) AS (
        SELECT min(account_id) FROM posts
        UNION ALL
        SELECT (SELECT min(account_id) FROM posts WHERE account_id > owner.id)
        FROM owner WHERE owner.id IS NOT NULL)
    SELECT id FROM owner WHERE id IS NOT NULL"""


def fts_query(text: str) -> str:
    """User text as an FTS5 query that cannot raise: each word a quoted prefix phrase (FTS5
    syntax inside quotes is literal), all words required; '' when there are no words."""
    words = text.replace("\x00", " ").split()
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def late_sql(owners: int, *, before: bool) -> str:
    """The lowest row id among posts newer than a key (and older than `before`) that the
    walk has not reached yet: their row id is below the lowest it has read. Public for the
    query-plan test."""
    bound = "AND (sort_key, id) < (?, ?)" if before else ""
    return f"""SELECT min(id) FROM posts WHERE account_id IN ({placeholders(owners)})
        AND (sort_key, id) > (?, ?) AND id < ? {bound}"""  # noqa: S608


class SearchData(ReachData):
    def search_entries(
        self,
        query: str,
        account_ids: Sequence[str],
        *,
        before: tuple[int, int] | None,
        limit: int,
    ) -> list[Entry]:
        """Cached posts whose text or author has every word of `query` as a prefix (accents
        ignored), newest first, strictly after `before` (an Entry.key) in that order; an
        empty `account_ids` means every account."""
        match = fts_query(query)
        if not match or limit <= 0:
            return []
        try:
            keys = self._newest_matches(match, account_ids, before, limit)
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot read the cache {self._path}: {exc}") from exc
        return self._entries([post_id for _, post_id in keys])

    def _newest_matches(
        self,
        match: str,
        account_ids: Sequence[str],
        before: tuple[int, int] | None,
        limit: int,
    ) -> list[tuple[int, int]]:
        """The (sort key, id) of the newest `limit` matches, newest first.

        Row ids follow the order posts reached the cache, which is nearly their time order
        (a backfilled page is the exception). So the walk reads matches by falling row id,
        keeping the newest `limit`, until the last of those (the threshold) is provably
        beaten by no match not yet read: no post newer than the threshold has a row id
        below the walk's position. For a common word that is after a few hundred rows;
        a rare word's matches simply run out first.
        """
        wanted = frozenset(account_ids)
        owners = list(wanted) if wanted else [str(r[0]) for r in self._exec(_OWNERS_SQL)]
        late = late_sql(len(owners), before=before is not None)
        best: list[tuple[int, int]] = []  # a min-heap: the newest `limit` keys read so far
        step = max(FIRST_STEP, 4 * limit)
        hits = self._conn.execute(WALK_SQL, (match,))
        try:
            while True:
                rows = hits.fetchmany(step)
                for post_id, sort_key, account_id in rows:
                    key = (int(sort_key), int(post_id))
                    if (wanted and account_id not in wanted) or (before and key >= before):
                        continue
                    if len(best) < limit:
                        heapq.heappush(best, key)
                    elif key > best[0]:
                        heapq.heapreplace(best, key)
                if len(rows) < step:
                    break  # every match has been read
                if len(best) == limit:
                    lowest = int(rows[-1][0])
                    params = [*owners, *best[0], lowest, *(before or ())]
                    if self._exec(late, params).fetchone()[0] is None:
                        break
                step *= 2
        finally:
            hits.close()
        return sorted(best, reverse=True)

    def search_relevant(
        self,
        query: str,
        account_ids: Sequence[str],
        *,
        limit: int,
        window: int = RELEVANCE_WINDOW,
    ) -> list[Entry]:
        """The `limit` posts that match `query` best (BM25: rare words and short posts
        weigh more), among the last `window` matches to reach the cache (by row id, which
        is nearly time order: a backfilled page of old posts counts as arriving late).
        Equal scores go newest row first; an empty `account_ids` means every account.

        Ranking every match of a common word costs 150-340 ms in a million posts; the
        window bounds the work, and on a desk the recent posts are the ones that matter.
        """
        match = fts_query(query)
        if not match or limit <= 0 or window <= 0:
            return []
        sql, params = self.relevance_sql(match, account_ids, limit, window)
        return self._select(sql, params, schema.post_entry_from_row)

    @staticmethod
    def relevance_sql(
        match: str, account_ids: Sequence[str], limit: int, window: int
    ) -> tuple[str, list[object]]:
        """The relevance query for an fts_query() string. Public for the query-plan test."""
        # bm25() is scored for the window's rows only: the inner query reads the index
        # newest row first and stops after `window` rows. The outer query picks the best
        # `limit` of them before any post's columns are read.
        owned = ""
        params: list[object] = [match, window]
        if account_ids:
            owned = f"""CROSS JOIN posts ON posts.id = hits.id
                WHERE posts.account_id IN ({placeholders(len(account_ids))})"""
            params += account_ids
        sql = f"""WITH hits AS (
                SELECT rowid AS id, bm25(post_search) AS score FROM post_search
                WHERE post_search MATCH ? ORDER BY rowid DESC LIMIT ?),
            best AS (
                SELECT hits.id, hits.score FROM hits {owned}
                ORDER BY hits.score, hits.id DESC LIMIT ?)
            SELECT {POST_COLUMNS} FROM best
            JOIN posts ON posts.id = best.id
            JOIN people ON people.id = posts.author_id
            ORDER BY best.score, best.id DESC"""  # noqa: S608
        return sql, [*params, limit]

    def _entries(self, post_ids: Sequence[int]) -> list[Entry]:
        """The posts with these ids, in this order."""
        if not post_ids:
            return []
        rows = self._select(
            f"""SELECT {POST_COLUMNS} FROM posts JOIN people ON people.id = posts.author_id
            WHERE posts.id IN ({placeholders(len(post_ids))})""",  # noqa: S608
            list(post_ids),
            schema.post_entry_from_row,
        )
        found = {entry.entry_id: entry for entry in rows}
        return [found[i] for i in post_ids if i in found]
