"""Writes that leave the app: recorded in the store first, sent once, retried with one key."""

from __future__ import annotations

import json
import logging
import uuid

from app.model import Draft, OutboxItem, OutboxState, Post, Visibility
from app.providers.base import NoProvider, ProviderError
from app.store import Store
from app.sync import ProviderSource

log = logging.getLogger(__name__)


def draft_payload(draft: Draft) -> str:
    return json.dumps(
        {
            "account_id": draft.account_id,
            "text": draft.text,
            "in_reply_to": draft.in_reply_to,
            "visibility": draft.visibility.value,
            "spoiler": draft.spoiler,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def draft_from_payload(payload: str) -> Draft:
    data = json.loads(payload)
    return Draft(
        account_id=str(data["account_id"]),
        text=str(data["text"]),
        in_reply_to=str(data.get("in_reply_to", "")),
        visibility=Visibility(data.get("visibility", Visibility.PUBLIC.value)),
        spoiler=str(data.get("spoiler", "")),
    )


def new_key() -> str:
    return uuid.uuid4().hex


class OutboxSender:
    """Sends queued posts through the account's provider. The idempotency key stored with
    the item is sent on every attempt, so a retry after a crash or timeout never posts
    twice on servers that honour it."""

    def __init__(self, *, store: Store, providers: ProviderSource) -> None:
        self._store = store
        self._providers = providers

    def queue(self, draft: Draft, action: str) -> OutboxItem:
        return self._store.enqueue(
            draft.account_id, action, draft_payload(draft), idempotency_key=new_key()
        )

    async def send(self, item: OutboxItem) -> Post:
        account = self._store.account(item.account_id)
        if account is None:
            raise NoProvider(item.account_id, "account removed")
        self._store.set_outbox_state(item.id, OutboxState.SENDING)
        try:
            provider = await self._providers.provider(account)
            post = await provider.publish(
                draft_from_payload(item.payload), idempotency_key=item.idempotency_key
            )
        except ProviderError as exc:
            self._store.set_outbox_state(item.id, OutboxState.FAILED, error=type(exc).__name__)
            raise
        self._store.set_outbox_state(item.id, OutboxState.SENT)
        log.info("outbox item %s sent as %s", item.id, post.remote_id)
        return post
