"""A fake provider that fills the real Provider protocol (mypy checks it)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import ClassVar

from app.model import Account, Draft, FeedSpec, Network, Person, Post
from app.providers.base import Cursor, Page, Provider, ProviderError, RateLimit
from tests.factories import make_post


class FakeProvider:
    network: ClassVar[Network] = Network.MASTODON

    def __init__(
        self,
        account: Account,
        posts: Sequence[Post] = (),
        *,
        error: ProviderError | None = None,
        delay: float = 0.0,
    ) -> None:
        self.account = account
        self.posts = list(posts)
        self.error = error
        self.delay = delay
        self.calls: list[tuple[str, str | None]] = []
        self.published: list[tuple[Draft, str]] = []
        self.closed = False

    async def whoami(self) -> Person:
        return Person(self.network, "me", self.account.handle, self.account.display_name)

    async def feed(
        self, spec: FeedSpec, *, cursor: Cursor | None = None, limit: int = 40
    ) -> Page[Post]:
        self.calls.append((spec.key, cursor.value if cursor else None))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.error is not None:
            raise self.error
        items = self.posts[:limit]
        newer = Cursor(f"since:{items[0].remote_id}") if items else None
        older = Cursor(f"max:{items[-1].remote_id}") if items else None
        return Page(items, older=older, newer=newer)

    async def publish(self, draft: Draft, *, idempotency_key: str) -> Post:
        self.published.append((draft, idempotency_key))
        if self.error is not None:
            raise self.error
        return make_post(remote_id=f"sent-{len(self.published)}", text=draft.text)

    def rate_limit(self) -> RateLimit | None:
        return None

    async def aclose(self) -> None:
        self.closed = True


class FakeProviders:
    """A ProviderSource handing out prepared fakes."""

    def __init__(self, providers: dict[str, FakeProvider]) -> None:
        self.providers = providers

    async def provider(self, account: Account) -> Provider:
        return self.providers[account.id]

    async def aclose(self) -> None:
        for provider in self.providers.values():
            await provider.aclose()
