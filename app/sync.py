"""The refresh engine: what to fetch when, by polling or streaming, within each account's limits."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Protocol

import httpx

from app import credentials
from app.backoff import AccountState, Backoff, Governor, PauseReason
from app.model import Account, FeedKind, FeedSpec
from app.pages import Direction, PageFetcher
from app.polling import PollPlan
from app.providers.base import (
    AuthExpired,
    NoProvider,
    Provider,
    ProviderError,
    StreamEvent,
    SupportsStreaming,
    factory_for,
    streamed_feeds,
)
from app.store import Store, StoreError

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Sleep = Callable[[float], Awaitable[None]]
ResultListener = Callable[[str, ProviderError | None], None]
"""Hears (feed key, None) after new data landed, or (feed key, error) after a failure."""

# Feed kinds a streaming provider may stream (Mastodon: user, user:notification, hashtag,
# direct); search has no stream anywhere, so it is always polled. A provider narrows this
# per server through SupportsStreamChoice (GoToSocial streams no hashtags).
STREAMABLE = frozenset({FeedKind.HOME, FeedKind.MENTIONS, FeedKind.TAG, FeedKind.CONVERSATIONS})

# How many feeds of one account are fetched at once: a deck's refresh of a busy account
# (mentions, home, tags, search, DMs) then waits about one round trip, not one per two
# feeds. Six connections to a host, as browsers keep (RFC 9112 9.4 leaves the number to
# the client); the request count, which is what servers' rate limits count, is the same.
FETCHES_PER_ACCOUNT = 6


class ProviderSource(Protocol):
    """Gives the signed-in provider of an account; raises ProviderError when it cannot."""

    async def provider(self, account: Account) -> Provider: ...

    async def forget(self, account_id: str) -> None:
        """Close and drop the account's provider (the account was removed)."""
        ...

    async def aclose(self) -> None: ...


class AccountProviders:
    """Builds one provider per account from the registry, with its secret from the keyring."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        client_factory: Callable[[], httpx.AsyncClient] | None = None,
    ) -> None:
        self._providers: dict[str, Provider] = {}
        self._timeout = timeout
        # Tests hand in clients on a fake server's transport.
        self._client_factory = client_factory

    async def provider(self, account: Account) -> Provider:
        existing = self._providers.get(account.id)
        if existing is not None:
            return existing
        factory = factory_for(account.network)
        if factory is None:
            raise NoProvider(account.id, account.network.value)

        async def get_token() -> str:
            return await credentials.read_secret(account.id)

        async def save_token(secret: str) -> None:
            await credentials.store_secret(account.id, secret)

        if self._client_factory is not None:
            client = self._client_factory()
        else:
            client = httpx.AsyncClient(timeout=self._timeout, follow_redirects=False)
        provider = factory.create(
            account, client=client, get_token=get_token, save_token=save_token
        )
        self._providers[account.id] = provider
        return provider

    async def forget(self, account_id: str) -> None:
        provider = self._providers.pop(account_id, None)
        if provider is not None:
            await provider.aclose()

    async def aclose(self) -> None:
        providers, self._providers = list(self._providers.values()), {}
        for provider in providers:
            await provider.aclose()


class SyncEngine:
    """Fetches feeds into the store: on demand (`refresh_now`, `backfill`) and, once
    `start`ed, by itself for the wanted feeds, polling or streaming. Concurrent asks for the
    same feed share one request; each account is paced on its own (see app/backoff.py)."""

    def __init__(
        self,
        *,
        store: Store,
        providers: ProviderSource,
        clock: Clock = lambda: datetime.now(UTC),
        sleep: Sleep = asyncio.sleep,
        backoff: Backoff | None = None,
        page_size: int = 40,
        max_pages: int = 10,
        interval: timedelta = timedelta(minutes=5),
        stream_interval: timedelta = timedelta(minutes=15),
        concurrency: int = FETCHES_PER_ACCOUNT,
    ) -> None:
        self._store = store
        self._providers = providers
        self._clock = clock
        self._sleep = sleep
        self._governor = Governor(backoff or Backoff())
        self._pages = PageFetcher(
            store=store,
            governor=self._governor,
            clock=clock,
            page_size=page_size,
            max_pages=max_pages,
        )
        self._plan = PollPlan(interval=interval, stream_interval=stream_interval)
        self._concurrency = concurrency
        self._listeners: list[ResultListener] = []
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._inflight: dict[tuple[str, str], asyncio.Task[None]] = {}
        # Owned tasks: the loop, one polling round and one stream per account, and cancelled
        # streams until they have finished.
        self._loop_task: asyncio.Task[None] | None = None
        self._rounds: dict[str, asyncio.Task[None]] = {}
        self._streams: dict[str, tuple[frozenset[str], asyncio.Task[None]]] = {}
        self._retired: set[asyncio.Task[None]] = set()
        self._no_stream: set[str] = set()
        self._wake = asyncio.Event()
        self._closed = False

    # --- public -----------------------------------------------------------------------------

    def add_listener(self, listener: ResultListener) -> None:
        """Called soon after each fetch or stream event, from the event loop; it must not
        block. Failures of an account are told for every wanted feed of that account."""
        self._listeners.append(listener)

    def remove_listener(self, listener: ResultListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def start(self, feeds: Iterable[FeedSpec] = ()) -> None:
        """Begin polling and streaming the wanted feeds; call once, inside the running loop."""
        if self._loop_task is None and not self._closed:
            self._loop_task = self._own(self._poll_loop())
        self.set_wanted(feeds)

    def set_wanted(self, feeds: Iterable[FeedSpec]) -> None:
        """Replace the feeds kept fresh; columns sharing a feed share its fetches."""
        self._plan.set_wanted(feeds, lambda key: self._store.last_refreshed([key]))
        self._reconcile_streams()
        self._wake.set()

    def set_interval(self, interval: timedelta) -> None:
        """How often a feed without a live stream is polled (setting refresh_minutes)."""
        self._plan.interval = interval
        self._wake.set()

    def account_state(self, account_id: str) -> AccountState:
        return self._governor.state(account_id)

    def resume(self, account_id: str) -> None:
        """After a new sign-in: clear the account's problem and fetch its feeds again."""
        self._governor.resume(account_id)
        self._store.set_account_problem(account_id, "")
        self._plan.poll_now(self._plan.keys_of(account_id))
        self._no_stream.discard(account_id)
        self._reconcile_streams()
        self._wake.set()

    async def refresh_now(self, feeds: Sequence[FeedSpec]) -> dict[str, ProviderError]:
        """Fetch what is new in each feed now; returns the errors by feed key (empty: all
        fine). The user asked, so a backoff after a fault is lifted (the network may be
        back); a rate-limit or sign-in pause is answered with its error, sending nothing."""
        for account_id in {f.account_id for f in feeds}:
            self._governor.lift_backoff(account_id)
        return await self._run_all(Direction.NEWER, feeds)

    refresh = refresh_now  # the name columns have used since the first slice

    async def backfill(self, feeds: Sequence[FeedSpec]) -> dict[str, ProviderError]:
        """Fetch the page before the oldest cached post of each feed. A feed never fetched
        has no "before": its first page is the newest one, which is the poller's request,
        so the two share it instead of asking the network twice."""
        first = [f for f in feeds if self._store.feed_cursor(f.key) == ("", "")]
        rest = [f for f in feeds if f not in first]
        errors = await self._run_all(Direction.NEWER, first) if first else {}
        if rest:
            errors.update(await self._run_all(Direction.OLDER, rest))
        return errors

    async def aclose(self) -> None:
        """Cancel and await every task, then close the providers."""
        self._closed = True
        tasks = [*self._rounds.values(), *self._retired, *self._inflight.values()]
        tasks += [task for _, task in self._streams.values()]
        if self._loop_task is not None:
            tasks.append(self._loop_task)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._loop_task = None
        self._streams.clear()
        await self._providers.aclose()

    # --- one fetch, shared ------------------------------------------------------------------

    async def _run_all(
        self, direction: Direction, feeds: Sequence[FeedSpec]
    ) -> dict[str, ProviderError]:
        unique = {f.key: f for f in feeds}
        tasks = {key: self._shared(direction, spec) for key, spec in unique.items()}
        results = await asyncio.gather(*tasks.values(), return_exceptions=True)
        errors: dict[str, ProviderError] = {}
        for key, result in zip(tasks, results, strict=True):
            if isinstance(result, ProviderError):
                errors[key] = result
            elif isinstance(result, BaseException):
                raise result
        return errors

    def _shared(self, direction: Direction, spec: FeedSpec) -> asyncio.Future[None]:
        slot = (direction, spec.key)
        task = self._inflight.get(slot)
        if task is None or task.done():
            task = asyncio.create_task(self._fetch(direction, spec))
            self._inflight[slot] = task
            task.add_done_callback(functools.partial(self._forget, slot))
        # shield: one column giving up must not cancel the request other columns wait on
        return asyncio.shield(task)

    def _forget(self, slot: tuple[str, str], task: asyncio.Task[None]) -> None:
        if self._inflight.get(slot) is task:
            del self._inflight[slot]

    async def _fetch(self, direction: Direction, spec: FeedSpec) -> None:
        account_id = spec.account_id
        slot = self._slots.setdefault(account_id, asyncio.Semaphore(self._concurrency))
        async with slot:
            # Checked after the wait for a slot: a request ahead of us may have paused the
            # account. This error was told to the listeners when the pause began.
            paused = self._governor.gate(account_id, self._clock())
            if paused is not None:
                raise paused.with_traceback(None)  # the same instance: keep its traceback short
            try:
                complete = await self._download(direction, spec)
            except ProviderError as exc:
                self._failed(direction, spec, exc)
                raise
        if direction is Direction.NEWER:
            self._plan.attempted(spec.key, self._clock(), complete=complete)
            if not complete:
                self._wake.set()  # the poller goes on with the gap in its next round
        self._report([spec.key], None)

    def _failed(self, direction: Direction, spec: FeedSpec, exc: ProviderError) -> None:
        log.info("fetching %s failed: %s", spec.key, exc)
        if self._account_failed(spec.account_id, exc, spec.key):
            return
        if direction is Direction.NEWER:
            self._plan.attempted(spec.key, self._clock())
        self._report([spec.key], exc)

    def _account_failed(self, account_id: str, exc: ProviderError, *keys: str) -> bool:
        """Pause the account if `exc` concerns all of it and tell each of its feeds."""
        if not self._governor.failed(account_id, exc, self._clock()):
            return False
        if isinstance(exc, AuthExpired):
            self._store.set_account_problem(account_id, "auth")
            self._reconcile_streams()
        self._report(dict.fromkeys([*keys, *self._plan.keys_of(account_id)]), exc)
        return True

    async def _download(self, direction: Direction, spec: FeedSpec) -> bool:
        account = self._store.account(spec.account_id)
        if account is None:
            raise NoProvider(spec.account_id, "account removed")
        try:
            provider = await self._providers.provider(account)
            complete = await self._pages.download(provider, spec, direction)
        except credentials.SecretMissing as exc:
            raise AuthExpired(account.id, "no secret in keyring") from exc
        if account.problem == "auth":  # a problem left by an earlier session is solved
            self._store.set_account_problem(account.id, "")
        return complete

    # --- polling ----------------------------------------------------------------------------

    async def _poll_loop(self) -> None:
        """Start a round for each account with due feeds, then sleep until the next is due
        or something changes (wanted feeds, a finished round, a stream up or down)."""
        while True:
            self._wake.clear()
            now = self._clock()
            due = self._plan.due(now, governor=self._governor, busy=self._rounds)
            for account_id, feeds in due.items():
                task = self._own(self._poll_round(feeds))
                self._rounds[account_id] = task
                task.add_done_callback(functools.partial(self._round_done, account_id))
            await self._wait(self._plan.next_wake(now, governor=self._governor, busy=self._rounds))

    async def _wait(self, delay: float | None) -> None:
        if delay is None:
            await self._wake.wait()
            return
        sleeper = asyncio.ensure_future(self._sleep(delay))
        woken = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait((sleeper, woken), return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeper.cancel()
            woken.cancel()
            await asyncio.gather(sleeper, woken, return_exceptions=True)

    async def _poll_round(self, feeds: list[FeedSpec]) -> None:
        # The account's semaphore in _fetch bounds how many of these run at once.
        results = await asyncio.gather(
            *(self._shared(Direction.NEWER, spec) for spec in feeds), return_exceptions=True
        )
        bug: BaseException | None = None
        for spec, result in zip(feeds, results, strict=True):
            if result is None or isinstance(result, ProviderError):
                continue  # _fetch told the listeners
            if isinstance(result, asyncio.CancelledError):
                raise result
            # Whatever else failed is retried after an interval, not in a busy loop.
            self._plan.attempted(spec.key, self._clock())
            if isinstance(result, StoreError | credentials.CredentialsError):
                log.error("cannot refresh %s: %s", spec.key, result)
            else:
                bug = bug or result
        if bug is not None:
            raise bug  # to the loop's exception handler (the crash dialog)

    def _round_done(self, account_id: str, task: asyncio.Task[None]) -> None:
        if self._rounds.get(account_id) is task:
            del self._rounds[account_id]
        self._wake.set()

    # --- streaming --------------------------------------------------------------------------

    def _reconcile_streams(self) -> None:
        """One stream per account for its wanted streamable feeds, restarted on a change."""
        if self._loop_task is None or self._closed:
            return
        wanted: dict[str, list[FeedSpec]] = {}
        for spec in self._plan.wanted.values():
            account_id = spec.account_id
            auth = self._governor.state(account_id).reason is PauseReason.AUTH
            if spec.kind in STREAMABLE and account_id not in self._no_stream and not auth:
                wanted.setdefault(account_id, []).append(spec)
        for account_id in list(self._streams):
            keys = frozenset(f.key for f in wanted.get(account_id, ()))
            running_keys, running = self._streams[account_id]
            if keys != running_keys:
                running.cancel()
                self._retired.add(running)
                del self._streams[account_id]
        for account_id, feeds in wanted.items():
            if account_id not in self._streams:
                task = self._own(self._stream(account_id, tuple(feeds)))
                task.add_done_callback(functools.partial(self._stream_done, account_id))
                self._streams[account_id] = (frozenset(f.key for f in feeds), task)

    def _stream_done(self, account_id: str, task: asyncio.Task[None]) -> None:
        self._retired.discard(task)
        running = self._streams.get(account_id)
        if running is not None and running[1] is task:
            del self._streams[account_id]

    async def _stream(self, account_id: str, feeds: tuple[FeedSpec, ...]) -> None:
        """Apply live events of the feeds the provider streams (the rest stay polled as
        usual); when the stream ends or fails, poll at once (the refresh resumes from the
        stored cursor, so nothing is missed) and reconnect with backoff."""
        failures = 0
        while True:
            provider = await self._streaming_provider(account_id)
            if provider is None:
                self._no_stream.add(account_id)
                return
            keys: set[str] = set()
            try:
                live = await streamed_feeds(provider, feeds)
                if not live:
                    return  # none of them streams on this server: polling has them all
                keys = {f.key for f in live}
                self._set_streamed(keys, live=True)
                async for event in provider.stream(live):
                    failures = 0
                    self._apply(event)
            except AuthExpired as exc:
                self._account_failed(account_id, exc)
                return
            except credentials.SecretMissing:  # the provider asked for it, as polling does
                self._account_failed(account_id, AuthExpired(account_id, "no secret in keyring"))
                return
            except (ProviderError, StoreError, credentials.CredentialsError) as exc:
                log.info("stream of %s dropped: %s", account_id, exc)
            finally:
                if keys:
                    self._set_streamed(keys, live=False)
            failures += 1
            await self._sleep(self._governor.backoff.delay(failures))

    async def _streaming_provider(self, account_id: str) -> SupportsStreaming | None:
        account = self._store.account(account_id)
        if account is None:
            return None
        try:
            provider = await self._providers.provider(account)
        except ProviderError:
            return None  # polling reports why
        return provider if isinstance(provider, SupportsStreaming) else None

    def _set_streamed(self, keys: set[str], *, live: bool) -> None:
        # Either way the feeds are polled now: on connect for what came before the stream,
        # on a drop for what the stream missed.
        self._plan.set_streamed(keys, live=live)
        self._plan.poll_now(keys)
        self._wake.set()

    def _apply(self, event: StreamEvent) -> None:
        key = event.feed.key
        now = self._clock()
        if event.post is not None:
            self._store.upsert_posts(key, [event.post], fetched_at=now)
        if event.conversation is not None:
            self._store.upsert_conversations(key, [event.conversation], fetched_at=now)
        if event.deleted_id and not self._store.delete_post(key, event.deleted_id):
            return  # a post we never cached: nothing changed
        self._report([key], None)

    # --- plumbing ---------------------------------------------------------------------------

    def _own(self, coro: Coroutine[object, object, None]) -> asyncio.Task[None]:
        task = asyncio.create_task(coro)
        task.add_done_callback(self._task_done)
        return task

    @staticmethod
    def _task_done(task: asyncio.Task[None]) -> None:
        # A bug in a background task goes to the loop's exception handler (the crash
        # dialog), instead of waiting unseen until aclose() gathers it.
        if not task.cancelled() and task.exception() is not None:
            task.get_loop().call_exception_handler(
                {"message": "sync task failed", "exception": task.exception(), "task": task}
            )

    def _report(self, keys: Iterable[str], error: ProviderError | None) -> None:
        if self._closed:
            return
        loop = asyncio.get_running_loop()
        for key in keys:
            for listener in self._listeners:
                # call_soon: a listener runs outside our loops, and its bug reaches the
                # loop's exception handler without stopping the others.
                loop.call_soon(self._deliver, listener, key, error)

    def _deliver(self, listener: ResultListener, key: str, error: ProviderError | None) -> None:
        if not self._closed and listener in self._listeners:
            listener(key, error)
