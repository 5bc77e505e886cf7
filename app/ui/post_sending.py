"""Sending a written post from each account it goes out from, once each, retries included."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.model import Account, Attachment, Draft, Network, OutboxAction, OutboxItem
from app.outbox import OutboxSender, payload
from app.providers.base import ProviderError
from app.ui.errors import describe

# Mastodon refuses a schedule under 5 minutes ahead; a minute of margin for the send. Pantau's
# own queue (Bluesky, X) takes any future time.
MIN_SCHEDULE_AHEAD = timedelta(minutes=6)


def schedule_problem(at: datetime | None, targets: Sequence[Account]) -> str:
    """Why the post cannot be scheduled at `at` from `targets`; "" when it can (or is not
    scheduled)."""
    # Mastodon keeps its schedule on the server, which wants 5 minutes' notice.
    server_queue = any(t.network is Network.MASTODON for t in targets)
    if at is not None and server_queue and at < datetime.now(UTC) + MIN_SCHEDULE_AHEAD:
        return QCoreApplication.translate("compose", "Choose a time at least 6 minutes from now.")
    if at is not None and at <= datetime.now(UTC):
        # Pantau's own queue (Bluesky, X) sends at any future minute.
        return QCoreApplication.translate("compose", "Choose a time in the future.")
    return ""


class PostSending(QObject):
    """What one post's sending keeps between tries: the outbox item queued for each account,
    the accounts it already went out from, their results, and the files already uploaded."""

    status_changed = Signal(str)  # what is under way, e.g. "Sending…"
    also_sent = Signal(str)  # the id of an account besides the draft's that it went out from

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: dict[str, OutboxItem] = {}  # by account: what a retry sends again
        self._done: set[str] = set()  # accounts this post already went out from
        self.results: list[object] = []
        self._uploaded: dict[tuple[str, Attachment], str] = {}

    async def _upload(
        self, sender: OutboxSender, account: Account, draft: Draft
    ) -> tuple[str, ...]:
        """Upload the picked files to the account's server, each once: a retry reuses what
        already went up, so its post is the same outbox item with the same key."""
        ids = []
        for attachment in draft.attachments:
            key = (account.id, attachment)
            if key not in self._uploaded:
                self.status_changed.emit(QCoreApplication.translate("compose", "Uploading images…"))
                self._uploaded[key] = await sender.upload(account, attachment)
            ids.append(self._uploaded[key])
        return tuple(ids)

    async def send(
        self,
        sender: OutboxSender,
        draft: Draft,
        *,
        at: datetime | None,
        action: OutboxAction,
        targets: Sequence[Account],
        text_for: Callable[[Account], str],
    ) -> list[str]:
        """Send from each target account in turn; what failed, described for the user. One
        that went out is not sent again by a retry; one that failed is, by the next call."""
        failures: list[str] = []
        for account in targets:
            if account.id in self._done:
                continue
            own = replace(draft, account_id=account.id, text=text_for(account))
            # Pantau's own queue (Bluesky, X) uploads the files when it sends the post.
            later_here = at is not None and account.network is not Network.MASTODON
            try:
                if own.attachments and not later_here:
                    own = replace(own, media_ids=await self._upload(sender, account, own))
                # A retry of the same text reuses the queued item and its idempotency key, so
                # a post that did reach the server is not sent twice; edited text is new.
                item = self._items.get(account.id)
                if item is None or item.payload != payload(own, at):
                    item = sender.queue(own, action, at=at)
                    self._items[account.id] = item
                self.status_changed.emit(QCoreApplication.translate("compose", "Sending…"))
                self.results.append(await sender.send(item))
            except ProviderError as exc:
                failures.append(describe(exc, account.label, sending=True))
                continue
            self._done.add(account.id)  # out: a retry leaves it alone
            if account.id != draft.account_id:
                self.also_sent.emit(account.id)
        return failures
