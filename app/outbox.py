"""Writes that leave the app: recorded in the store first, sent once, retried with one key."""

from __future__ import annotations

import asyncio
import json
import logging
import mimetypes
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from app import credentials, triage
from app.model import (
    Account,
    Attachment,
    Draft,
    OutboxAction,
    OutboxItem,
    OutboxState,
    Post,
    ScheduledPost,
    ScheduleState,
    Visibility,
)
from app.providers.base import (
    NoProvider,
    ProviderError,
    Rejected,
    SupportsDirectMessages,
    SupportsMedia,
    SupportsServerSchedule,
    SupportsTextRules,
)
from app.settings import Settings
from app.store import Store
from app.sync import ProviderSource
from app.text_length import DEFAULT_RULES, TextRules

log = logging.getLogger(__name__)


class AttachmentUnreadable(Rejected):
    """A picked file is gone or cannot be read (moved, on a removed drive)."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    """The payload of an outbox item: the draft and, for a schedule, when it goes out."""

    draft: Draft
    at: datetime | None = None


def payload(draft: Draft, at: datetime | None = None) -> str:
    return json.dumps(
        {
            "account_id": draft.account_id,
            "text": draft.text,
            "in_reply_to": draft.in_reply_to,
            "conversation_id": draft.conversation_id,
            "visibility": draft.visibility.value,
            "spoiler": draft.spoiler,
            "media_ids": list(draft.media_ids),
            "language": draft.language,
            "attachments": [[a.path, a.description] for a in draft.attachments],
            "at": at.isoformat() if at is not None else None,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def parse_payload(text: str) -> Outgoing:
    data = json.loads(text)
    at = data.get("at")
    draft = Draft(
        account_id=str(data["account_id"]),
        text=str(data["text"]),
        in_reply_to=str(data.get("in_reply_to", "")),
        visibility=Visibility(data.get("visibility", Visibility.PUBLIC.value)),
        spoiler=str(data.get("spoiler", "")),
        conversation_id=str(data.get("conversation_id", "")),
        media_ids=tuple(str(m) for m in data.get("media_ids", ())),
        language=str(data.get("language", "")),
        attachments=tuple(
            Attachment(str(a[0]), str(a[1]))
            for a in data.get("attachments", ())
            if isinstance(a, list) and len(a) == 2
        ),
    )
    return Outgoing(draft, datetime.fromisoformat(at) if isinstance(at, str) else None)


def new_key() -> str:
    return uuid.uuid4().hex


class OutboxSender:
    """Sends queued writes through the account's provider. The idempotency key stored with
    the item is sent on every attempt, so a retry after a crash or timeout never posts
    twice on servers that honour it."""

    def __init__(self, *, store: Store, providers: ProviderSource) -> None:
        self._store = store
        self._providers = providers

    def queue(
        self, draft: Draft, action: OutboxAction, *, at: datetime | None = None, key: str = ""
    ) -> OutboxItem:
        """Record the write; a `key` already queued gives back its first item."""
        return self._store.enqueue(
            draft.account_id, action, payload(draft, at), idempotency_key=key or new_key()
        )

    async def text_rules(self, account: Account) -> TextRules:
        """How the account's server counts a post; the network's defaults when it does not
        say or cannot be asked now."""
        default = DEFAULT_RULES[account.network]
        try:
            provider = await self._providers.provider(account)
            if isinstance(provider, SupportsTextRules):
                return await provider.text_rules()
        except (ProviderError, credentials.CredentialsError) as exc:
            log.info("text rules of %s: %s", account.id, exc)
        return default

    async def upload(self, account: Account, attachment: Attachment) -> str:
        """Upload one picked file with its description; returns the id a Draft names."""
        provider = await self._providers.provider(account)
        if not isinstance(provider, SupportsMedia):
            raise NoProvider(account.id, "attachments")
        path = Path(attachment.path)
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except OSError as exc:
            raise AttachmentUnreadable(account.id, path.name) from exc
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return await provider.upload_media(
            data, filename=path.name, mime_type=mime, description=attachment.description
        )

    async def send(self, item: OutboxItem) -> Post | ScheduledPost:
        """Send one item; a schedule returns the queued post, anything else the new post."""
        account = self._store.account(item.account_id)
        if account is None:
            raise NoProvider(item.account_id, "account removed")
        outgoing = parse_payload(item.payload)
        self._store.set_outbox_state(item.id, OutboxState.SENDING)
        try:
            provider = await self._providers.provider(account)
            key = item.idempotency_key
            # An item tried before (maybe before a crash) may already be on the server.
            since = item.created_at if item.attempts > 0 else None
            result: Post | ScheduledPost
            action = item.action
            if action == OutboxAction.SCHEDULE and outgoing.at is not None:
                result = await self._schedule(provider, outgoing.draft, outgoing.at, key, since)
            elif action == OutboxAction.DIRECT and isinstance(provider, SupportsDirectMessages):
                conversation = outgoing.draft.conversation_id
                result = await provider.send_direct(
                    conversation, outgoing.draft, idempotency_key=key, retry_since=since
                )
            else:
                result = await provider.publish(
                    outgoing.draft, idempotency_key=key, retry_since=since
                )
        except ProviderError as exc:
            self._store.set_outbox_state(item.id, OutboxState.FAILED, error=type(exc).__name__)
            raise
        self._store.set_outbox_state(item.id, OutboxState.SENT)
        log.info("outbox item %s (%s) sent", item.id, item.action)
        if action in (OutboxAction.REPLY, OutboxAction.DIRECT) and isinstance(result, Post):
            self._answer_case(account, outgoing.draft, result)
        return result

    def _answer_case(self, account: Account, draft: Draft, reply: Post) -> None:
        """A reply to a citizen's report answers its case in the triage inbox."""
        case_id = self._store.record_answer(
            account.network,
            reply.instance,
            reply_to=draft.in_reply_to,
            conversation=draft.conversation_id,
            account_id=account.id,
            answer_url=reply.url,
            actor=triage.operator(Settings(self._store)),
            now=datetime.now(UTC),
        )
        if case_id is not None:
            log.info("a reply from %s answered case %s", account.id, case_id)

    async def _schedule(
        self, provider: object, draft: Draft, at: datetime, key: str, since: datetime | None
    ) -> ScheduledPost:
        """On the server where the network keeps a queue, else in Pantau's local queue,
        which the scheduler sends when the time comes (issue 7)."""
        if isinstance(provider, SupportsServerSchedule):
            scheduled = await provider.schedule(draft, at, idempotency_key=key, retry_since=since)
            stored = replace(scheduled, id=0, account_id=draft.account_id)
        else:
            stored = ScheduledPost(
                0,
                draft.account_id,
                draft.text,
                at,
                ScheduleState.PENDING,
                visibility=draft.visibility,
                attachments=draft.attachments,
                language=draft.language,
            )
        return replace(stored, id=self._store.add_scheduled(stored))
