"""The refresh engine: one request per endpoint serves every column that shows it.

This is the foundation slice: on-demand refresh and backfill through the provider registry,
with shared in-flight requests and errors kept per feed. Polling schedules, streaming,
backoff and rate-limit budgets arrive with the first real provider (issue 4).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Protocol

import httpx

from app import credentials
from app.model import Account, FeedKind, FeedSpec
from app.providers.base import (
    AuthExpired,
    Cursor,
    NoProvider,
    Provider,
    ProviderError,
    SupportsDirectMessages,
    factory_for,
)
from app.store import Store

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class ProviderSource(Protocol):
    """Gives the signed-in provider of an account; raises ProviderError when it cannot."""

    async def provider(self, account: Account) -> Provider: ...

    async def aclose(self) -> None: ...


class AccountProviders:
    """Builds one provider per account from the registry, with its secret from the keyring."""

    def __init__(self, *, timeout: float = 20.0) -> None:
        self._providers: dict[str, Provider] = {}
        self._timeout = timeout

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
    """Fetches feeds into the store. Concurrent asks for the same feed share one request."""

    def __init__(
        self,
        *,
        store: Store,
        providers: ProviderSource,
        clock: Clock = lambda: datetime.now(UTC),
        page_size: int = 40,
    ) -> None:
        self._store = store
        self._providers = providers
        self._clock = clock
        self._page_size = page_size
        self._inflight: dict[tuple[str, str], asyncio.Task[None]] = {}

    async def refresh(self, feeds: Sequence[FeedSpec]) -> dict[str, ProviderError]:
        """Fetch what is new in each feed; returns the errors by feed key (empty: all fine)."""
        return await self._run_all("newer", feeds)

    async def backfill(self, feeds: Sequence[FeedSpec]) -> dict[str, ProviderError]:
        """Fetch the page before the oldest cached post of each feed."""
        return await self._run_all("older", feeds)

    async def aclose(self) -> None:
        tasks = list(self._inflight.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self._providers.aclose()

    async def _run_all(self, direction: str, feeds: Sequence[FeedSpec]) -> dict[str, ProviderError]:
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

    def _shared(self, direction: str, spec: FeedSpec) -> asyncio.Future[None]:
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

    async def _fetch(self, direction: str, spec: FeedSpec) -> None:
        account = self._store.account(spec.account_id)
        if account is None:
            raise NoProvider(spec.account_id, "account removed")
        try:
            provider = await self._providers.provider(account)
            if spec.kind is FeedKind.CONVERSATIONS:
                await self._fetch_conversations(provider, account, spec)
            else:
                await self._fetch_posts(provider, spec, direction)
        except AuthExpired:
            self._store.set_account_problem(account.id, "auth")
            raise
        except credentials.SecretMissing as exc:
            self._store.set_account_problem(account.id, "auth")
            raise AuthExpired(account.id, "no secret in keyring") from exc

    async def _fetch_posts(self, provider: Provider, spec: FeedSpec, direction: str) -> None:
        older, newer = self._store.feed_cursor(spec.key)
        value = older if direction == "older" else newer
        if direction == "older" and not older and newer:
            return  # the remote list has no older page
        page = await provider.feed(
            spec, cursor=Cursor(value) if value else None, limit=self._page_size
        )
        now = self._clock()
        self._store.upsert_posts(spec.key, page.items, fetched_at=now)
        self._store.set_feed_cursor(
            spec.key,
            older=page.older.value if page.older and (direction == "older" or not older) else "",
            newer=page.newer.value if page.newer and direction == "newer" else "",
        )
        self._store.mark_refreshed(spec.key, now)

    async def _fetch_conversations(
        self, provider: Provider, account: Account, spec: FeedSpec
    ) -> None:
        if not isinstance(provider, SupportsDirectMessages):
            raise NoProvider(account.id, "direct messages")
        page = await provider.conversations()
        now = self._clock()
        self._store.upsert_conversations(spec.key, page.items, fetched_at=now)
        self._store.mark_refreshed(spec.key, now)
