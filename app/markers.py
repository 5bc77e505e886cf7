"""Read positions kept in step with the server's markers, where the network has them."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from itertools import groupby

from app import credentials
from app.model import FeedSpec
from app.providers.base import ProviderError, SupportsReadMarkers
from app.store import Store
from app.sync import ProviderSource

log = logging.getLogger(__name__)

EntryKey = tuple[int, int]


class ReadMarkers:
    """A column's read position lives in the store; this tells it to the server when the
    admin reads, and adopts a newer one read elsewhere (the web UI, a phone). Markers are a
    courtesy to other devices: a failure is logged and the save tried again on the next
    pull, never shown as a column problem, and it never moves a position backwards."""

    def __init__(self, *, store: Store, providers: ProviderSource) -> None:
        self._store = store
        self._providers = providers
        self._unsaved: dict[str, tuple[FeedSpec, str]] = {}  # feed key -> (feed, item id)

    async def pull(self, column_id: int, feeds: Sequence[FeedSpec]) -> EntryKey | None:
        """Move the column's read position forward to the newest server marker whose post
        is cached; returns the new position, or None when it stays."""
        await self._save_unsaved(feeds)
        newest: EntryKey | None = None
        for account_id, group in _by_account(feeds):
            provider = await self._provider(account_id)
            if provider is None or not provider.marked_feeds(group):
                continue
            try:
                marks = await provider.read_markers(group)
            except ProviderError as exc:
                log.info("reading markers of %s failed: %s", account_id, exc)
                continue
            for feed_key, item_id in marks.items():
                key = self._store.feed_item_key(feed_key, item_id)
                if key is not None and (newest is None or key > newest):
                    newest = key
        current = self._store.read_position(column_id)
        if newest is None or (current is not None and newest <= current):
            return None
        self._store.set_read_position(column_id, newest)
        return newest

    async def push(self, feeds: Sequence[FeedSpec], key: EntryKey) -> None:
        """Tell the servers the column is read down from `key`."""
        marks: dict[str, tuple[FeedSpec, str]] = {}
        for feed in feeds:
            item_id = self._store.feed_item_at(feed.key, key)
            if item_id is not None:
                marks[feed.key] = (feed, item_id)
        self._unsaved.update(marks)
        await self._save_unsaved(feeds)

    async def _save_unsaved(self, feeds: Sequence[FeedSpec]) -> None:
        wanted = [self._unsaved[f.key][0] for f in feeds if f.key in self._unsaved]
        for account_id, group in _by_account(wanted):
            provider = await self._provider(account_id)
            if provider is None:
                continue
            marked = provider.marked_feeds(group)
            marks = {feed: self._unsaved[feed.key][1] for feed in marked}
            try:
                if marks:
                    await provider.save_read_markers(marks)
            except ProviderError as exc:
                log.info("saving markers of %s failed: %s", account_id, exc)
                continue
            for feed in group:
                self._unsaved.pop(feed.key, None)

    async def _provider(self, account_id: str) -> SupportsReadMarkers | None:
        account = self._store.account(account_id)
        if account is None:
            return None
        try:
            provider = await self._providers.provider(account)
        except (ProviderError, credentials.SecretMissing) as exc:
            log.info("no provider for markers of %s: %s", account_id, exc)
            return None
        return provider if isinstance(provider, SupportsReadMarkers) else None


def _by_account(feeds: Sequence[FeedSpec]) -> list[tuple[str, list[FeedSpec]]]:
    ordered = sorted(feeds, key=lambda f: f.account_id)
    return [(account, list(group)) for account, group in groupby(ordered, lambda f: f.account_id)]
