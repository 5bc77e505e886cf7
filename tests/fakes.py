"""Fakes that fill the real protocols (mypy checks them): providers, and virtual time for sync."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import AsyncIterator, Sequence
from datetime import datetime, timedelta
from typing import ClassVar

from app.model import Account, Draft, FeedSpec, Network, Person, Post
from app.providers.base import (
    Cursor,
    Page,
    Provider,
    ProviderError,
    RateLimit,
    StreamEvent,
)
from tests.factories import make_post


class FakeProvider:
    """Serves `posts` (newest first) to every feed, paging like Mastodon: `newer:<id>` gives
    the oldest `limit` posts above that id (min_id), `older:<id>` the newest below it.

    `outcomes` scripts the next calls (an error raises it, None serves a page); once it is
    used up, `error` (if any) is raised on every call. `hold`, when set, keeps each call
    waiting until the test sets the event."""

    network: ClassVar[Network] = Network.MASTODON

    def __init__(
        self,
        account: Account,
        posts: Sequence[Post] = (),
        *,
        error: ProviderError | None = None,
        outcomes: Sequence[ProviderError | None] = (),
        budget: RateLimit | None = None,
    ) -> None:
        self.account = account
        self.posts = list(posts)
        self.error = error
        self.outcomes = list(outcomes)
        self.budget = budget
        self.hold: asyncio.Event | None = None
        self.calls: list[tuple[str, str | None]] = []
        self.served: list[str] = []  # remote ids in the order pages handed them out
        self.published: list[tuple[Draft, str]] = []
        self.closed = False

    async def whoami(self) -> Person:
        return Person(self.network, "me", self.account.handle, self.account.display_name)

    async def feed(
        self, spec: FeedSpec, *, cursor: Cursor | None = None, limit: int = 40
    ) -> Page[Post]:
        self.calls.append((spec.key, cursor.value if cursor else None))
        if self.hold is not None:
            await self.hold.wait()
        outcome = self.outcomes.pop(0) if self.outcomes else self.error
        if outcome is not None:
            raise outcome
        items = self._page(cursor.value if cursor else "", limit)
        self.served += [p.remote_id for p in items]
        return Page(
            items,
            older=Cursor(f"older:{items[-1].remote_id}") if items else None,
            newer=Cursor(f"newer:{items[0].remote_id}") if items else None,
        )

    def _page(self, cursor: str, limit: int) -> list[Post]:
        way, _, remote_id = cursor.partition(":")
        at = next((i for i, p in enumerate(self.posts) if p.remote_id == remote_id), None)
        if at is None:
            return self.posts[:limit]
        if way == "newer":
            return self.posts[max(0, at - limit) : at]
        return self.posts[at + 1 : at + 1 + limit]

    def add_newer(self, posts: Sequence[Post]) -> None:
        """New posts arrive on the server (given newest first)."""
        self.posts[:0] = posts

    async def publish(
        self, draft: Draft, *, idempotency_key: str, retry_since: datetime | None = None
    ) -> Post:
        self.published.append((draft, idempotency_key))
        if self.error is not None:
            raise self.error
        return make_post(remote_id=f"sent-{len(self.published)}", text=draft.text)

    def rate_limit(self) -> RateLimit | None:
        return self.budget

    async def aclose(self) -> None:
        self.closed = True


class StreamingFakeProvider(FakeProvider):
    """A FakeProvider with a live stream the test feeds: `push` an event, `drop` the
    connection (cleanly or with an error)."""

    def __init__(self, account: Account, posts: Sequence[Post] = ()) -> None:
        super().__init__(account, posts)
        self.streams: list[tuple[str, ...]] = []
        self.live = 0
        self._queue: asyncio.Queue[StreamEvent | ProviderError | None] = asyncio.Queue()

    def push(self, event: StreamEvent) -> None:
        self._queue.put_nowait(event)

    def drop(self, error: ProviderError | None = None) -> None:
        self._queue.put_nowait(error)

    async def stream(self, feeds: Sequence[FeedSpec]) -> AsyncIterator[StreamEvent]:
        self.streams.append(tuple(f.key for f in feeds))
        self.live += 1
        try:
            while True:
                item = await self._queue.get()
                if item is None:
                    return
                if isinstance(item, ProviderError):
                    raise item
                yield item
        finally:
            self.live -= 1


class FakeProviders:
    """A ProviderSource handing out prepared fakes."""

    def __init__(self, providers: dict[str, FakeProvider]) -> None:
        self.providers = providers

    async def provider(self, account: Account) -> Provider:
        return self.providers[account.id]

    async def forget(self, account_id: str) -> None:
        provider = self.providers.pop(account_id, None)
        if provider is not None:
            await provider.aclose()

    async def aclose(self) -> None:
        for provider in self.providers.values():
            await provider.aclose()


async def settle() -> None:
    """Let every ready task run until all wait on something outside (an event, virtual
    time). The fakes answer at once, so a fixed number of loop turns is plenty."""
    for _ in range(100):
        await asyncio.sleep(0)


class FakeTime:
    """Virtual time for sync's `clock` and `sleep`: a sleeper wakes only when a test
    `advance`s past its deadline, so nothing really sleeps and every run is the same."""

    def __init__(self, start: datetime) -> None:
        self.now = start
        self.sleeps: list[float] = []
        self._sleepers: list[tuple[datetime, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def clock(self) -> datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        deadline = self.now + timedelta(seconds=seconds)
        heapq.heappush(self._sleepers, (deadline, next(self._order), future))
        await future

    async def advance(self, seconds: float) -> None:
        """Move on by `seconds`, waking each sleeper at its own deadline in order and
        letting what it starts run before the next one."""
        end = self.now + timedelta(seconds=seconds)
        await settle()
        while self._sleepers and self._sleepers[0][0] <= end:
            deadline, _, future = heapq.heappop(self._sleepers)
            if future.done():  # cancelled: the sleeper was woken by something else
                continue
            self.now = max(self.now, deadline)
            future.set_result(None)
            await settle()
        self.now = end
        await settle()
