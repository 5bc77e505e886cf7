"""Pages of a feed into the store: gap-free forward paging, backfill, and the cursor rules."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from app.backoff import Governor
from app.model import FeedKind, FeedSpec, Post
from app.providers.base import (
    Cursor,
    NoProvider,
    Page,
    Provider,
    SupportsDirectMessages,
)
from app.store import Store
from app.turns import own_turn

log = logging.getLogger(__name__)


class Direction(StrEnum):
    """Which way a fetch pages from what the store holds."""

    NEWER = "newer"
    OLDER = "older"


class PageFetcher:
    """Downloads pages through a provider into the store and keeps the feed's cursors.
    Every response's rate-limit report goes to the governor."""

    def __init__(
        self,
        *,
        store: Store,
        governor: Governor,
        clock: Callable[[], datetime],
        page_size: int,
        max_pages: int,
    ) -> None:
        self._store = store
        self._governor = governor
        self._clock = clock
        self._page_size = page_size
        self._max_pages = max_pages

    async def download(self, provider: Provider, spec: FeedSpec, direction: Direction) -> bool:
        """Fetch into the store; False when more is left for the next round."""
        if spec.kind is FeedKind.CONVERSATIONS:
            await self._conversations(provider, spec)
            return True
        if direction is Direction.OLDER:
            await self._older(provider, spec)
            return True
        return await self._fill_gap(provider, spec)

    async def _fill_gap(self, provider: Provider, spec: FeedSpec) -> bool:
        """Follow `newer` from the stored cursor until a short page: nothing skipped, nothing
        fetched twice. The first fetch of a feed takes the newest page only."""
        _, newer = self._store.feed_cursor(spec.key)
        cursor = Cursor(newer) if newer else None
        for _ in range(self._max_pages):
            page = await self._page(provider, spec, Direction.NEWER, cursor)
            if cursor is None or len(page.items) < self._page_size or page.newer is None:
                return True
            cursor = page.newer
            if self._governor.paused(spec.account_id, self._clock()):
                log.info("%s: request budget low; the rest follows after its reset", spec.key)
                return False
        log.info("%s: still more after %d pages; continuing next round", spec.key, self._max_pages)
        return False

    async def _older(self, provider: Provider, spec: FeedSpec) -> None:
        older, newer = self._store.feed_cursor(spec.key)
        if older or not newer:  # a newer cursor without an older one: the list has no more
            await self._page(provider, spec, Direction.OLDER, Cursor(older) if older else None)

    async def _page(
        self, provider: Provider, spec: FeedSpec, direction: Direction, cursor: Cursor | None
    ) -> Page[Post]:
        page = await provider.feed(spec, cursor=cursor, limit=self._page_size)
        # Storing a page, and the columns' merges it sets off, runs on the UI thread: pages
        # answered together are stored one per turn of the loop (app/turns.py).
        await own_turn()
        now = self._clock()
        self._governor.succeeded(spec.account_id, provider.rate_limit(), now)
        self._store.upsert_posts(spec.key, page.items, fetched_at=now)
        # A page moves the cursor of its own direction; the other one only on a feed's
        # first page. An absent cursor is stored as "", which keeps the stored one, so an
        # empty page never ends paging.
        stored_older, stored_newer = self._store.feed_cursor(spec.key)
        older = page.older if direction is Direction.OLDER or not stored_older else None
        newer = page.newer if direction is Direction.NEWER or not stored_newer else None
        self._store.set_feed_cursor(
            spec.key, older=older.value if older else "", newer=newer.value if newer else ""
        )
        return page

    async def _conversations(self, provider: Provider, spec: FeedSpec) -> None:
        if not isinstance(provider, SupportsDirectMessages):
            raise NoProvider(spec.account_id, "direct messages")
        page = await provider.conversations()
        now = self._clock()
        self._governor.succeeded(spec.account_id, provider.rate_limit(), now)
        self._store.upsert_conversations(spec.key, page.items, fetched_at=now)
