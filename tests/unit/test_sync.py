"""The refresh engine with fake providers, a real store and virtual time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.backoff import Backoff, PauseReason
from app.model import Conversation, FeedKind, FeedSpec, Post
from app.providers.base import (
    AuthExpired,
    NoProvider,
    Offline,
    Provider,
    ProviderError,
    RateLimit,
    RateLimited,
    ServerFault,
    StreamEvent,
    SupportsStreaming,
)
from app.store import Store
from app.sync import FETCHES_PER_ACCOUNT, AccountProviders, SyncEngine
from tests.factories import make_account, make_person, make_post
from tests.fakes import FakeProvider, FakeProviders, FakeTime, StreamingFakeProvider, settle

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
MENTIONS = FeedSpec("acct-1", FeedKind.MENTIONS)
INTERVAL = 300.0
Results = list[tuple[str, type[ProviderError] | None]]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "cache.sqlite")
    store.upsert_account(make_account())
    return store


def posts(first: int, last: int) -> list[Post]:
    """Posts `first`..`last`, newest (highest id) first, one minute apart."""
    start = NOW - timedelta(days=1)
    return [
        make_post(remote_id=str(i), created_at=start + timedelta(minutes=i))
        for i in range(last, first - 1, -1)
    ]


def stored_ids(store: Store, spec: FeedSpec = MENTIONS) -> list[str]:
    return sorted(
        (e.post.remote_id for e in store.feed_entries([spec.key], before=None, limit=500)),
        key=int,
    )


def engine_for(
    store: Store,
    fakes: dict[str, FakeProvider],
    time: FakeTime | None = None,
    *,
    page_size: int = 40,
    max_pages: int = 10,
    concurrency: int = 2,
) -> tuple[SyncEngine, Results]:
    """An engine on virtual time with a listener recording (feed key, error type)."""
    time = time or FakeTime(NOW)
    engine = SyncEngine(
        store=store,
        providers=FakeProviders(fakes),
        clock=time.clock,
        sleep=time.sleep,
        backoff=Backoff(jitter=lambda: 0.5),  # full jitter pinned to half the ceiling
        page_size=page_size,
        max_pages=max_pages,
        concurrency=concurrency,
    )
    results: Results = []
    engine.add_listener(lambda key, error: results.append((key, type(error) if error else None)))
    return engine, results


def run(scenario: Callable[[], Coroutine[object, object, None]]) -> None:
    asyncio.run(scenario())


def test_fakes_fill_the_protocols() -> None:
    provider: Provider = FakeProvider(make_account())
    streaming: SupportsStreaming = StreamingFakeProvider(make_account())
    assert provider.account.id == "acct-1"
    assert isinstance(streaming, SupportsStreaming)
    assert not isinstance(provider, SupportsStreaming)


# --- paging -------------------------------------------------------------------------------


def test_first_fetch_takes_the_newest_page_only(store: Store) -> None:
    fake = FakeProvider(make_account(), posts(1, 5))
    engine, results = engine_for(store, {"acct-1": fake}, page_size=3)

    async def scenario() -> None:
        assert await engine.refresh_now([MENTIONS]) == {}
        await settle()

    run(scenario)
    assert fake.calls == [(MENTIONS.key, None)]
    assert stored_ids(store) == ["3", "4", "5"]
    assert store.feed_cursor(MENTIONS.key) == ("older:3", "newer:5")
    assert store.last_refreshed([MENTIONS.key]) == NOW
    assert results == [(MENTIONS.key, None)]


def test_gap_is_filled_across_three_pages_without_duplicates_or_misses(store: Store) -> None:
    fake = FakeProvider(make_account(), posts(1, 3))
    engine, _ = engine_for(store, {"acct-1": fake}, page_size=3)

    async def scenario() -> None:
        await engine.refresh_now([MENTIONS])
        fake.add_newer(posts(4, 11))  # eight new posts while we were away
        fake.served.clear()
        assert await engine.refresh_now([MENTIONS]) == {}

    run(scenario)
    assert fake.calls[1:] == [
        (MENTIONS.key, "newer:3"),
        (MENTIONS.key, "newer:6"),
        (MENTIONS.key, "newer:9"),
    ]
    assert sorted(fake.served, key=int) == [str(i) for i in range(4, 12)]  # each once
    assert stored_ids(store) == [str(i) for i in range(1, 12)]
    assert store.feed_cursor(MENTIONS.key) == ("older:1", "newer:11")


def test_capped_gap_is_logged_and_finished_next_round(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeProvider(make_account(), posts(1, 2))
    engine, _ = engine_for(store, {"acct-1": fake}, page_size=2, max_pages=2)

    async def scenario() -> None:
        await engine.refresh_now([MENTIONS])
        fake.add_newer(posts(3, 9))
        with caplog.at_level(logging.INFO, logger="app.pages"):
            await engine.refresh_now([MENTIONS])
        assert stored_ids(store) == ["1", "2", "3", "4", "5", "6"]
        assert store.feed_cursor(MENTIONS.key)[1] == "newer:6"
        engine.start([MENTIONS])  # the next round comes at once, not after an interval
        await settle()
        await engine.aclose()

    run(scenario)
    assert "still more after 2 pages" in caplog.text
    assert stored_ids(store) == [str(i) for i in range(1, 10)]
    assert [c[1] for c in fake.calls[-2:]] == ["newer:6", "newer:8"]
    assert sorted(fake.served, key=int) == [str(i) for i in range(1, 10)]


def test_an_empty_page_keeps_the_cursors(store: Store) -> None:
    fake = FakeProvider(make_account(), posts(1, 2))
    engine, _ = engine_for(store, {"acct-1": fake})

    async def scenario() -> None:
        await engine.refresh_now([MENTIONS])
        await engine.refresh_now([MENTIONS])  # nothing new: an empty page

    run(scenario)
    assert fake.calls[-1] == (MENTIONS.key, "newer:2")
    assert store.feed_cursor(MENTIONS.key) == ("older:1", "newer:2")


def test_backfill_follows_the_older_cursor(store: Store) -> None:
    fake = FakeProvider(make_account(), posts(1, 7))
    engine, _ = engine_for(store, {"acct-1": fake}, page_size=3)

    async def scenario() -> None:
        await engine.refresh_now([MENTIONS])
        await engine.backfill([MENTIONS])
        await engine.backfill([MENTIONS])

    run(scenario)
    assert [c[1] for c in fake.calls] == [None, "older:5", "older:2"]
    assert stored_ids(store) == [str(i) for i in range(1, 8)]
    assert store.feed_cursor(MENTIONS.key) == ("older:1", "newer:7")


# --- sharing and scheduling ---------------------------------------------------------------


TAG = FeedSpec("acct-1", FeedKind.TAG, tags=("KemalaJateng",))
SAME_TAG = FeedSpec("acct-1", FeedKind.TAG, tags=("kemalajateng",))


def test_columns_asking_at_once_share_one_request(store: Store) -> None:
    fake = FakeProvider(make_account(), posts(1, 1))
    engine, _ = engine_for(store, {"acct-1": fake})

    async def scenario() -> None:
        fake.hold = asyncio.Event()
        both = asyncio.gather(engine.refresh_now([TAG]), engine.refresh_now([SAME_TAG]))
        await settle()
        fake.hold.set()
        first, second = await both
        assert first == second == {}

    run(scenario)
    assert len(fake.calls) == 1


def test_an_account_fetches_up_to_six_feeds_at_once(store: Store) -> None:
    fake = FakeProvider(make_account(), posts(1, 1))
    time = FakeTime(NOW)
    engine = SyncEngine(
        store=store, providers=FakeProviders({"acct-1": fake}), clock=time.clock, sleep=time.sleep
    )
    feeds = [FeedSpec("acct-1", FeedKind.SEARCH, query=f"jalan {n}") for n in range(8)]

    async def scenario() -> None:
        fake.hold = asyncio.Event()
        deck = asyncio.gather(*(engine.refresh_now([feed]) for feed in feeds))
        await settle()
        assert len(fake.calls) == FETCHES_PER_ACCOUNT == 6  # the other two wait their turn
        fake.hold.set()
        assert await deck == [{}] * len(feeds)

    run(scenario)
    assert len(fake.calls) == len(feeds)


def test_poller_fetches_a_feed_two_columns_share_once_per_round(store: Store) -> None:
    fake = FakeProvider(make_account(), posts(1, 1))
    time = FakeTime(NOW)
    engine, results = engine_for(store, {"acct-1": fake}, time)

    async def scenario() -> None:
        engine.start([TAG, SAME_TAG])
        await settle()
        assert len(fake.calls) == 1
        await time.advance(INTERVAL - 1)
        assert len(fake.calls) == 1
        await time.advance(1)
        assert len(fake.calls) == 2
        engine.set_wanted([])  # the columns closed
        await time.advance(3 * INTERVAL)
        assert len(fake.calls) == 2
        await engine.aclose()

    run(scenario)
    assert results == [(TAG.key, None), (TAG.key, None)]


def test_a_feed_fetched_in_an_earlier_session_waits_its_interval(store: Store) -> None:
    store.mark_refreshed(MENTIONS.key, NOW - timedelta(minutes=2))
    fake = FakeProvider(make_account())
    time = FakeTime(NOW)
    engine, _ = engine_for(store, {"acct-1": fake}, time)

    async def scenario() -> None:
        engine.start([MENTIONS])
        await time.advance(INTERVAL - 121)
        assert fake.calls == []
        await time.advance(1)
        assert len(fake.calls) == 1
        await engine.aclose()

    run(scenario)


# --- rate limits and backoff --------------------------------------------------------------


def test_429_waits_until_the_reset_then_succeeds(store: Store) -> None:
    reset = NOW + timedelta(seconds=90)
    fake = FakeProvider(make_account(), posts(1, 1), outcomes=[RateLimited("acct-1", reset)])
    time = FakeTime(NOW)
    engine, results = engine_for(store, {"acct-1": fake}, time)

    async def scenario() -> None:
        engine.start([MENTIONS])
        await settle()
        state = engine.account_state("acct-1")
        assert (state.reason, state.paused_until) == (PauseReason.RATE_LIMIT, reset)
        # the refresh button sends nothing into a rate limit; it answers with it
        errors = await engine.refresh_now([MENTIONS])
        assert isinstance(errors[MENTIONS.key], RateLimited)
        await time.advance(89)
        assert len(fake.calls) == 1
        await time.advance(1)
        assert len(fake.calls) == 2
        assert engine.account_state("acct-1").reason is PauseReason.NONE
        await engine.aclose()

    run(scenario)
    assert results == [(MENTIONS.key, RateLimited), (MENTIONS.key, None)]
    assert stored_ids(store) == ["1"]


def test_a_low_budget_pauses_the_account_until_its_reset(store: Store) -> None:
    reset = NOW + timedelta(minutes=4)
    fake = FakeProvider(make_account(), posts(1, 1), budget=RateLimit(300, 2, reset))
    time = FakeTime(NOW)
    engine, _ = engine_for(store, {"acct-1": fake}, time, concurrency=1)
    home = FeedSpec("acct-1", FeedKind.HOME)

    async def scenario() -> None:
        engine.start([MENTIONS, home])
        await settle()
        # the first answer said 2 of 300 left: the second feed waits for the reset
        assert len(fake.calls) == 1
        assert engine.account_state("acct-1").paused_until == reset
        fake.budget = RateLimit(300, 299, reset + timedelta(minutes=5))
        await time.advance(240)
        assert len(fake.calls) == 2
        await engine.aclose()

    run(scenario)


def test_server_faults_back_off_with_jitter_and_a_success_resets(store: Store) -> None:
    fault = ServerFault("acct-1", "502")
    fake = FakeProvider(make_account(), posts(1, 1), outcomes=[fault, fault, fault, None, fault])
    time = FakeTime(NOW)
    engine, results = engine_for(store, {"acct-1": fake}, time)
    waits: list[float] = []

    def paused_for() -> float:
        until = engine.account_state("acct-1").paused_until
        assert until is not None
        return (until - time.now).total_seconds()

    async def scenario() -> None:
        engine.start([MENTIONS])
        await settle()
        for _ in range(3):
            waits.append(paused_for())
            await time.advance(waits[-1])
        assert engine.account_state("acct-1") == engine.account_state("nobody")  # reset
        await time.advance(INTERVAL)
        waits.append(paused_for())
        await engine.aclose()

    run(scenario)
    # full jitter with the random fraction fixed at 0.5: half of 30, 60, 120 s; then 30 again
    assert waits == [15.0, 30.0, 60.0, 15.0]
    assert len(fake.calls) == 5
    assert [r[1] for r in results] == [ServerFault] * 3 + [None, ServerFault]


def test_auth_expired_pauses_only_that_account_until_resume(store: Store) -> None:
    store.upsert_account(make_account("acct-2"))
    theirs = FeedSpec("acct-2", FeedKind.MENTIONS)
    mine = FakeProvider(make_account(), posts(1, 1), error=AuthExpired("acct-1", "401"))
    other = FakeProvider(make_account("acct-2"), posts(1, 1))
    time = FakeTime(NOW)
    engine, results = engine_for(store, {"acct-1": mine, "acct-2": other}, time)
    home = FeedSpec("acct-1", FeedKind.HOME)

    async def scenario() -> None:
        engine.start([MENTIONS, home, theirs])
        await settle()
        assert engine.account_state("acct-1").reason is PauseReason.AUTH
        assert engine.account_state("acct-2").reason is PauseReason.NONE
        account = store.account("acct-1")
        assert account is not None
        assert account.problem == "auth"
        await time.advance(3 * INTERVAL)
        assert len(mine.calls) == 1  # its second feed was never sent
        assert len(other.calls) == 4
        assert isinstance((await engine.refresh_now([home]))[home.key], AuthExpired)
        assert len(mine.calls) == 1
        mine.error = None  # signed in again
        engine.resume("acct-1")
        await settle()
        assert len(mine.calls) == 3
        await engine.aclose()

    run(scenario)
    account = store.account("acct-1")
    assert account is not None
    assert account.problem == ""
    assert results.index((MENTIONS.key, AuthExpired)) < results.index((MENTIONS.key, None))
    assert results.index((home.key, AuthExpired)) < results.index((home.key, None))
    assert (theirs.key, AuthExpired) not in results


def test_offline_mid_refresh_keeps_cached_rows_and_cursors(store: Store) -> None:
    fake = FakeProvider(make_account(), posts(1, 4))
    engine, results = engine_for(store, {"acct-1": fake}, page_size=2)
    offline = Offline("acct-1", "connection reset")

    async def scenario() -> None:
        await engine.refresh_now([MENTIONS])
        fake.add_newer(posts(5, 9))
        fake.outcomes = [None, offline]  # the second page fails
        errors = await engine.refresh_now([MENTIONS])
        assert errors == {MENTIONS.key: offline}
        assert stored_ids(store) == ["3", "4", "5", "6"]
        assert store.feed_cursor(MENTIONS.key) == ("older:3", "newer:6")
        fake.outcomes = [offline]  # the first page fails: nothing changes
        await engine.refresh_now([MENTIONS])
        assert store.feed_cursor(MENTIONS.key) == ("older:3", "newer:6")
        # the button does not wait out the backoff: the network may just be back
        assert await engine.refresh_now([MENTIONS]) == {}
        await settle()

    run(scenario)
    assert stored_ids(store) == [str(i) for i in range(3, 10)]
    assert [c[1] for c in fake.calls[-3:]] == ["newer:6", "newer:6", "newer:8"]
    assert results[-1] == (MENTIONS.key, None)


def test_one_accounts_offline_leaves_the_other_alone(store: Store) -> None:
    store.upsert_account(make_account("acct-2"))
    theirs = FeedSpec("acct-2", FeedKind.MENTIONS)
    mine = FakeProvider(make_account(), error=Offline("acct-1", "no route"))
    other = FakeProvider(make_account("acct-2"), posts(1, 1))
    time = FakeTime(NOW)
    engine, _ = engine_for(store, {"acct-1": mine, "acct-2": other}, time)

    async def scenario() -> None:
        engine.start([MENTIONS, theirs])
        await time.advance(INTERVAL)
        assert engine.account_state("acct-2").reason is PauseReason.NONE
        assert len(other.calls) == 2
        assert engine.account_state("acct-1").reason is PauseReason.BACKOFF
        await engine.aclose()

    run(scenario)


def test_network_without_provider_is_a_typed_error(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.sync.factory_for", lambda network: None)  # whatever is registered
    engine = SyncEngine(store=store, providers=AccountProviders())
    errors = asyncio.run(engine.refresh([FeedSpec("acct-1", FeedKind.HOME)]))
    assert isinstance(next(iter(errors.values())), NoProvider)


# --- streaming ----------------------------------------------------------------------------


def test_stream_events_land_and_a_drop_falls_back_to_polling_then_reconnects(
    store: Store,
) -> None:
    fake = StreamingFakeProvider(make_account(), posts(1, 1))
    time = FakeTime(NOW)
    engine, results = engine_for(store, {"acct-1": fake}, time)
    search = FeedSpec("acct-1", FeedKind.SEARCH, query="lpse")
    dms = FeedSpec("acct-1", FeedKind.CONVERSATIONS)
    conversation = Conversation(
        fake.network,
        "c1",
        "acct-1",
        (make_person("warga2"),),
        make_post(remote_id="dm1"),
        unread=True,
        updated_at=NOW,
    )

    def calls(spec: FeedSpec) -> int:
        return sum(1 for key, _ in fake.calls if key == spec.key)

    async def scenario() -> None:
        engine.start([MENTIONS, search])
        await settle()
        assert fake.streams == [(MENTIONS.key,)]  # search has no stream: it is polled
        start = calls(MENTIONS)
        assert start >= 1  # what came before the stream
        fake.push(StreamEvent(MENTIONS, post=make_post(remote_id="2")))
        fake.push(StreamEvent(dms, conversation=conversation))
        fake.push(StreamEvent(MENTIONS, deleted_id="1"))
        await settle()
        assert stored_ids(store) == ["2"]  # "1" was deleted on the server
        assert len(store.conversation_entries([dms.key], before=None, limit=10)) == 1
        await time.advance(INTERVAL)
        assert (calls(MENTIONS), calls(search)) == (start, 2)  # a live stream: polled rarely
        fake.drop(Offline("acct-1", "stream reset"))
        await settle()
        assert calls(MENTIONS) == start + 1  # polled at once, from the stored cursor
        assert fake.calls[-1] == (MENTIONS.key, "newer:1")
        assert fake.live == 0
        await time.advance(15)  # the jittered reconnect delay
        assert fake.live == 1
        assert len(fake.streams) == 2
        assert calls(MENTIONS) == start + 2  # and once more on reconnecting
        await time.advance(15 * 60 - 1)
        assert calls(MENTIONS) == start + 2
        await time.advance(1)
        assert calls(MENTIONS) == start + 3  # the safety net
        await engine.aclose()

    run(scenario)
    assert (MENTIONS.key, None) in results
    assert (dms.key, None) in results


def test_a_stream_ending_cleanly_also_reconnects(store: Store) -> None:
    fake = StreamingFakeProvider(make_account())
    time = FakeTime(NOW)
    engine, _ = engine_for(store, {"acct-1": fake}, time)

    async def scenario() -> None:
        engine.start([MENTIONS])
        await settle()
        fake.drop()
        await time.advance(15)
        assert len(fake.streams) == 2
        engine.set_wanted([])  # no streamable feed left: the stream closes
        await settle()
        assert fake.live == 0
        await engine.aclose()

    run(scenario)


def test_aclose_cancels_everything_and_closes_providers(store: Store) -> None:
    fake = StreamingFakeProvider(make_account())
    time = FakeTime(NOW)
    engine, results = engine_for(store, {"acct-1": fake}, time)
    search = FeedSpec("acct-1", FeedKind.SEARCH, query="lpse")

    async def scenario() -> None:
        fake.hold = asyncio.Event()  # requests never answer
        engine.start([MENTIONS, search])
        button = asyncio.ensure_future(engine.refresh_now([TAG]))
        await settle()
        assert fake.live == 1
        await engine.aclose()
        with pytest.raises(asyncio.CancelledError):
            await button
        await settle()
        assert asyncio.all_tasks() == {asyncio.current_task()}

    run(scenario)
    assert fake.closed
    assert fake.live == 0
    assert results == []
