"""The queue of scheduled posts: on the server where the network keeps one (Mastodon),
else Pantau's own (Bluesky, X), which this module sends when the time comes.

Exactly once: a due post becomes an outbox item whose key is derived from the post (its id,
time and text), so every attempt, in this run or after a crash, is the same item with the
same key; the outbox records each step before the next, and a retry lets the provider look
for the post an earlier attempt may have made (Idempotency-Key on Mastodon, the account's
newest records on Bluesky) before posting again.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from app.model import Draft, OutboxAction, OutboxState, ScheduledPost, ScheduleState
from app.outbox import OutboxSender, new_key
from app.providers.base import (
    AuthExpired,
    NoProvider,
    NotFound,
    ProviderError,
    Rejected,
    SupportsServerSchedule,
)
from app.schema import to_iso
from app.store import Store
from app.sync import ProviderSource

log = logging.getLogger(__name__)

MISSED_AFTER = timedelta(minutes=10)
"""A local post this late, not yet started, is not sent silently: the admin decides."""
MISSED = "missed"  # the error text of a post held back for the admin to decide
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=5),
                timedelta(minutes=10), timedelta(minutes=30))  # fmt: skip
PERMANENT = (Rejected, NotFound, NoProvider, AuthExpired)


def local_key(post: ScheduledPost) -> str:
    """The outbox key of a local post: the same for every attempt at this text and time,
    new once the admin changes either."""
    digest = hashlib.sha256(f"{to_iso(post.scheduled_at)}\n{post.text}".encode()).hexdigest()
    return f"scheduled-{post.id}-{digest[:16]}"


@dataclass(frozen=True, slots=True)
class DueReport:
    """What one pass over the local queue did."""

    sent: tuple[ScheduledPost, ...] = ()
    missed: tuple[ScheduledPost, ...] = ()
    failed: tuple[tuple[ScheduledPost, ProviderError], ...] = ()


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
        self._sender = OutboxSender(store=store, providers=providers)
        self._wake = asyncio.Event()
        self._sending = asyncio.Lock()

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

    # --- Pantau's own queue ----------------------------------------------------------------

    async def send_due(self, *, missed_after: timedelta | None = MISSED_AFTER) -> DueReport:
        """Send the local posts whose time has come, one after another. A post more than
        `missed_after` late that no attempt has started yet is held back (state failed,
        error "missed") for the admin to send, reschedule or cancel; None sends them all.
        Temporary failures stay pending and are retried with growing delays; others fail
        the post with the reason, keeping its text."""
        async with self._sending:
            sent: list[ScheduledPost] = []
            missed: list[ScheduledPost] = []
            failed: list[tuple[ScheduledPost, ProviderError]] = []
            now = self._clock()
            for post in self._store.due_scheduled(now):
                if post.remote_id:
                    continue  # the server sends its own queue
                key = local_key(post)
                item = self._store.outbox_item(key)
                late = now - post.scheduled_at
                if item is None and missed_after is not None and late > missed_after:
                    self._store.set_scheduled_state(post.id, ScheduleState.FAILED, error=MISSED)
                    missed.append(post)
                    continue
                # A crash left an attempt in flight: resume at once. A failed one waits.
                if (
                    item is not None
                    and item.state is OutboxState.FAILED
                    and self._waiting(item.attempts, item.updated_at, now)
                ):
                    continue
                outcome = await self._send_one(post, key)
                if isinstance(outcome, ProviderError):
                    failed.append((post, outcome))
                else:
                    sent.append(outcome)
            return DueReport(tuple(sent), tuple(missed), tuple(failed))

    async def send_now(self, scheduled_id: int) -> ScheduledPost | ProviderError:
        """Send a local post at once (a missed one the admin chose to send, or "send now"
        from the scheduled column); its time becomes now."""
        post = self._post(scheduled_id)
        if post.remote_id:
            raise Rejected(post.account_id, "a post on the server's own queue")
        post = replace(post, scheduled_at=self._clock(), state=ScheduleState.PENDING, error="")
        self._store.add_scheduled(post)
        async with self._sending:
            return await self._send_one(post, local_key(post))

    def _waiting(self, attempts: int, last: datetime | None, now: datetime) -> bool:
        """A failed attempt waits before the next (the network may be down)."""
        if attempts == 0 or last is None:
            return False
        delay = RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]
        return now < last + delay

    async def _send_one(self, post: ScheduledPost, key: str) -> ScheduledPost | ProviderError:
        draft = Draft(
            post.account_id, post.text, visibility=post.visibility, language=post.language
        )
        item = self._store.outbox_item(key)
        if item is None and post.attachments:
            # Uploaded now, not when it was scheduled: a server drops unused uploads. After
            # a crash the item exists and keeps the ids of that upload.
            try:
                draft = replace(draft, media_ids=await self._upload(post))
            except ProviderError as exc:
                return self._failed(post, exc)
        item = self._sender.queue(draft, OutboxAction.POST, key=key)
        if item.state is OutboxState.SENT:  # sent before a crash; only the mark is missing
            done = replace(post, state=ScheduleState.SENT, error="")
            self._store.set_scheduled_state(post.id, ScheduleState.SENT)
            return done
        try:
            result = await self._sender.send(item)
        except ProviderError as exc:
            return self._failed(post, exc)
        self._store.set_scheduled_state(post.id, ScheduleState.SENT, remote_id=result.remote_id)
        log.info("scheduled post %s sent", post.id)
        return replace(post, state=ScheduleState.SENT, remote_id=result.remote_id, error="")

    async def _upload(self, post: ScheduledPost) -> tuple[str, ...]:
        account = self._store.account(post.account_id)
        if account is None:
            raise NoProvider(post.account_id, "account removed")
        return tuple([await self._sender.upload(account, a) for a in post.attachments])

    def _failed(self, post: ScheduledPost, exc: ProviderError) -> ProviderError:
        log.info("scheduled post %s: %s", post.id, exc)
        state = ScheduleState.FAILED if isinstance(exc, PERMANENT) else ScheduleState.PENDING
        self._store.set_scheduled_state(post.id, state, error=type(exc).__name__)
        return exc

    def wake(self) -> None:
        """The queue changed: look again now (the store's SCHEDULED_CHANGED)."""
        self._wake.set()

    async def run_local(
        self,
        on_report: Callable[[DueReport], None],
        *,
        sleep_max: timedelta = timedelta(minutes=1),
    ) -> None:
        """Send due local posts for as long as Pantau runs: at their time, or when woken,
        and at least every `sleep_max` (a laptop that slept has posts due). Each pass's
        report goes to `on_report` (the window asks about missed posts)."""
        while True:
            self._wake.clear()
            report = await self.send_due()
            if report.sent or report.missed or report.failed:
                on_report(report)
            now = self._clock()
            due = self._store.next_local_time()
            wait = sleep_max if due is None else min(max(due - now, timedelta()), sleep_max)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), wait.total_seconds())
