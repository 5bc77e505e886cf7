"""Bluesky direct messages (chat.bsky.convo), which the PDS proxies to the chat service, and
threads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from app.model import Conversation, Draft, Network, Person, Post
from app.providers import bluesky_parse as bp
from app.providers import bluesky_text as bt
from app.providers.base import Cursor, Page, ParseError, Rejected, TooLong
from app.providers.bluesky_core import CLOCK_SKEW, CURSOR, MAX_PAGE, BlueskyCore
from app.providers.fields import Fields

THREAD_MESSAGES = 100


class BlueskyChat(BlueskyCore):
    """Direct messages and threads for BlueskyProvider."""

    # --- direct messages (chat.bsky.convo) -----------------------------------------------

    async def conversations(self, *, cursor: Cursor | None = None) -> Page[Conversation]:
        params: list[tuple[str, str]] = [("limit", "40")]
        if cursor is not None and cursor.value.startswith(CURSOR):
            params.append(("cursor", cursor.value.removeprefix(CURSOR)))
        body = await self._get("chat.bsky.convo.listConvos", params, chat=True)
        convos, older = bp.parse_convos(body, me=await self._did(), account_id=self.account.id)
        for convo in convos:
            self._convos[convo.remote_id] = convo
        return Page(convos, Cursor(CURSOR + older.value) if older is not None else None)

    async def thread(self, conversation_id: str) -> Sequence[Post]:
        """A post's thread (an at:// URI) or a chat conversation, oldest first."""
        if conversation_id.startswith("at://"):
            body = await self._get(
                "app.bsky.feed.getPostThread",
                [("uri", conversation_id), ("depth", "10"), ("parentHeight", "20")],
            )
            return bp.parse_thread(body, account_id=self.account.id)
        messages = await self._messages(conversation_id, THREAD_MESSAGES)
        return list(reversed(messages))

    async def _members(self, convo_id: str) -> Mapping[str, Person]:
        convo = self._convos.get(convo_id)
        if convo is None:
            body = await self._get("chat.bsky.convo.getConvo", [("convoId", convo_id)], chat=True)
            convo_data = Fields(body, entity="GetConvo", account_id=self.account.id).obj(
                "convo", "ConvoView"
            )
            convo = bp.parse_convo(
                convo_data.data, me=await self._did(), account_id=self.account.id
            )
            self._convos[convo_id] = convo
        members = {p.remote_id: p for p in convo.participants}
        me = await self._did()
        members.setdefault(
            me,
            Person(
                Network.BLUESKY,
                me,
                self.account.handle,
                self.account.display_name,
                self.account.avatar_url,
            ),
        )
        return members

    async def _messages(self, convo_id: str, limit: int) -> list[Post]:
        """The newest `limit` messages, newest first."""
        members = await self._members(convo_id)
        body = await self._get(
            "chat.bsky.convo.getMessages",
            [("convoId", convo_id), ("limit", str(min(limit, MAX_PAGE)))],
            chat=True,
        )
        messages, _ = bp.parse_messages(
            body, convo_id=convo_id, members=members, account_id=self.account.id
        )
        return messages

    async def send_direct(
        self,
        conversation_id: str,
        draft: Draft,
        *,
        idempotency_key: str,
        retry_since: datetime | None = None,
    ) -> Post:
        """chat.bsky.convo.sendMessage. Chat has no idempotency key: a retry first looks for
        the same text from us among the conversation's newest messages."""
        if not conversation_id:
            raise Rejected(self.account.id, "a direct message needs a conversation")
        text = draft.text
        count = bt.grapheme_count(text)
        if count > bt.MAX_MESSAGE_GRAPHEMES:
            raise TooLong(self.account.id, limit=bt.MAX_MESSAGE_GRAPHEMES, length=count)
        me = await self._did()
        if retry_since is not None:
            for message in await self._messages(conversation_id, 20):
                if (
                    message.author.remote_id == me
                    and message.text == text
                    and message.created_at >= retry_since - CLOCK_SKEW
                ):
                    return message
        outgoing: dict[str, object] = {"text": text}
        facets = await self._facets(text)
        if facets:
            outgoing["facets"] = facets
        body = await self._post(
            "chat.bsky.convo.sendMessage",
            {"convoId": conversation_id, "message": outgoing},
            chat=True,
        )
        members = await self._members(conversation_id)
        sent = bp.parse_message(
            body, convo_id=conversation_id, members=members, account_id=self.account.id
        )
        if sent is None:
            raise ParseError(
                self.account.id, "MessageView", "(deleted)", "message came back deleted"
            )
        return sent

    async def mark_read(self, conversation_id: str) -> None:
        await self._post("chat.bsky.convo.updateRead", {"convoId": conversation_id}, chat=True)
        known = self._convos.get(conversation_id)
        if known is not None:
            self._convos[conversation_id] = replace(known, unread=False)
