"""The queue of scheduled posts: on the server where the network keeps one, else local.

This slice keeps the server-side queues (Mastodon) in step and changes or cancels queued
posts. Sending local ones exactly once when their time comes is the compose issue (7).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from app.model import Draft, ScheduledPost, ScheduleState
from app.outbox import new_key
from app.providers.base import NotFound, ProviderError, SupportsServerSchedule
from app.store import Store
from app.sync import ProviderSource

log = logging.getLogger(__name__)


class Scheduler:
    """Changes to scheduled posts go to the server first, then to the store, so the
    scheduled column never shows a state the server does not have."""

    def __init__(
        self,
        *,
        store: Store,
        providers: ProviderSource,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._store = store
        self._providers = providers
        self._clock = clock

    async def _server_queue(self, post: ScheduledPost) -> SupportsServerSchedule | None:
        """The provider keeping this post on its server, or None for a local one."""
        if not post.remote_id:
            return None
        account = self._store.account(post.account_id)
        if account is None:
            return None
        provider = await self._providers.provider(account)
        return provider if isinstance(provider, SupportsServerSchedule) else None

    def _post(self, scheduled_id: int) -> ScheduledPost:
        post = self._store.scheduled_post(scheduled_id)
        if post is None:
            raise NotFound("", f"scheduled post {scheduled_id}")
        return post

    async def change(self, scheduled_id: int, *, text: str, at: datetime) -> ScheduledPost:
        """New text and/or time. Mastodon can move a scheduled post but not reword it, so
        new text there is a new scheduled post, created before the old one is cancelled:
        a failure in between leaves both visible rather than losing the announcement."""
        post = self._post(scheduled_id)
        queue = await self._server_queue(post)
        remote_id = post.remote_id
        if queue is not None and text != post.text:
            draft = Draft(post.account_id, text, visibility=post.visibility)
            created = await queue.schedule(draft, at, idempotency_key=new_key())
            try:
                await queue.cancel_scheduled(post.remote_id)
            except NotFound:
                log.info("scheduled post %s was already gone on the server", post.remote_id)
            at, remote_id = created.scheduled_at, created.remote_id
        elif queue is not None:
            moved = await queue.reschedule(post.remote_id, at)
            at = moved.scheduled_at  # the server's own rounding (whole seconds)
        updated = replace(
            post, text=text, scheduled_at=at, remote_id=remote_id,
            state=ScheduleState.PENDING, error="",
        )  # fmt: skip
        self._store.add_scheduled(updated)
        return updated

    async def cancel(self, scheduled_id: int) -> None:
        post = self._post(scheduled_id)
        queue = await self._server_queue(post)
        if queue is not None:
            try:
                await queue.cancel_scheduled(post.remote_id)
            except NotFound:
                log.info("scheduled post %s was already gone on the server", post.remote_id)
        self._store.set_scheduled_state(scheduled_id, ScheduleState.CANCELLED)

    async def refresh(self, account_ids: list[str]) -> dict[str, ProviderError]:
        """Read each account's server queue into the store; errors by account."""
        errors: dict[str, ProviderError] = {}
        for account_id in account_ids:
            account = self._store.account(account_id)
            if account is None:
                continue
            try:
                provider = await self._providers.provider(account)
                if isinstance(provider, SupportsServerSchedule):
                    listed = await provider.scheduled()
                    self._store.reconcile_server_scheduled(
                        account_id,
                        [replace(p, account_id=account_id) for p in listed],
                        now=self._clock(),
                    )
            except ProviderError as exc:
                errors[account_id] = exc
        return errors
