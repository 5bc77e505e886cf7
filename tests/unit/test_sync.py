"""The refresh engine with a fake provider and a real store."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.model import FeedKind, FeedSpec
from app.providers.base import NoProvider, Offline, Provider
from app.store import Store
from app.sync import AccountProviders, SyncEngine
from tests.factories import make_account, make_post
from tests.fakes import FakeProvider, FakeProviders

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "cache.sqlite")
    store.upsert_account(make_account())
    return store


def test_fake_fills_the_protocol() -> None:
    provider: Provider = FakeProvider(make_account())
    assert provider.account.id == "acct-1"


def test_refresh_stores_posts_and_cursor(store: Store) -> None:
    posts = [make_post(remote_id=str(i)) for i in range(3)]
    fake = FakeProvider(make_account(), posts)
    engine = SyncEngine(store=store, providers=FakeProviders({"acct-1": fake}), clock=lambda: NOW)
    spec = FeedSpec("acct-1", FeedKind.MENTIONS)
    errors = asyncio.run(engine.refresh([spec]))
    assert errors == {}
    rows = store.feed_entries([spec.key], before=None, limit=10)
    assert {e.post.remote_id for e in rows} == {"0", "1", "2"}
    assert store.last_refreshed([spec.key]) == NOW
    assert store.feed_cursor(spec.key) == ("max:2", "since:0")
    asyncio.run(engine.refresh([spec]))
    assert fake.calls[-1] == (spec.key, "since:0")


def test_columns_sharing_a_feed_share_one_request(store: Store) -> None:
    fake = FakeProvider(make_account(), [make_post()], delay=0.05)
    engine = SyncEngine(store=store, providers=FakeProviders({"acct-1": fake}), clock=lambda: NOW)
    tag = FeedSpec("acct-1", FeedKind.TAG, tags=("KemalaJateng",))
    same_tag_other_case = FeedSpec("acct-1", FeedKind.TAG, tags=("kemalajateng",))

    async def two_columns() -> None:
        await asyncio.gather(engine.refresh([tag]), engine.refresh([same_tag_other_case]))

    asyncio.run(two_columns())
    assert len(fake.calls) == 1


def test_offline_is_reported_per_feed_and_cache_stays(store: Store) -> None:
    spec = FeedSpec("acct-1", FeedKind.MENTIONS)
    store.upsert_posts(spec.key, [make_post()], fetched_at=NOW)
    fake = FakeProvider(make_account(), error=Offline("acct-1", "connect failed"))
    engine = SyncEngine(store=store, providers=FakeProviders({"acct-1": fake}))
    errors = asyncio.run(engine.refresh([spec]))
    assert isinstance(errors[spec.key], Offline)
    assert len(store.feed_entries([spec.key], before=None, limit=10)) == 1


def test_network_without_provider_is_a_typed_error(store: Store) -> None:
    engine = SyncEngine(store=store, providers=AccountProviders())
    errors = asyncio.run(engine.refresh([FeedSpec("acct-1", FeedKind.HOME)]))
    assert isinstance(next(iter(errors.values())), NoProvider)
