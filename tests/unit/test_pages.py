"""Pages into the store: pages answered together are stored one per turn of the loop
(app/turns.py)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.model import FeedKind, FeedSpec
from app.store import Store
from app.sync import SyncEngine
from tests.factories import make_account, make_post
from tests.fakes import FakeProvider, FakeProviders

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


def test_pages_answered_together_are_stored_in_turns_of_their_own(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "cache.sqlite")
    account = make_account()
    store.upsert_account(account)
    posts = [make_post(remote_id=str(i), created_at=NOW - timedelta(minutes=i)) for i in range(5)]
    engine = SyncEngine(
        store=store, providers=FakeProviders({account.id: FakeProvider(account, posts)})
    )
    feeds = [FeedSpec(account.id, kind) for kind in (FeedKind.HOME, FeedKind.MENTIONS)]
    feeds.append(FeedSpec(account.id, FeedKind.TAG, tags=("KemalaJateng",)))
    turn = 0
    stored_at: list[int] = []
    store.add_listener(lambda _keys: stored_at.append(turn))

    async def count_turns() -> None:
        nonlocal turn
        while True:
            turn += 1
            await asyncio.sleep(0)

    async def refresh() -> dict[str, object]:
        counter = asyncio.ensure_future(count_turns())
        try:
            return dict(await engine.refresh(feeds))
        finally:
            counter.cancel()

    assert asyncio.run(refresh()) == {}
    # Three feeds answered in the same turn (the fake answers at once), stored in three.
    assert len(stored_at) >= len(feeds)
    assert len(set(stored_at)) == len(stored_at)
    for feed in feeds:
        assert len(store.feed_entries([feed.key], before=None, limit=10)) == 5
    store.close()
