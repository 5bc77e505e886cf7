"""Mastodon's streaming API on one websocket: what to subscribe, frames to StreamEvents."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import httpx
from httpx_ws import (
    AsyncWebSocketSession,
    HTTPXWSException,
    WebSocketDisconnect,
    WebSocketInvalidTypeReceived,
    WebSocketNetworkError,
    WebSocketUpgradeError,
    aconnect_ws,
)

from app.model import FeedKind, FeedSpec
from app.providers import mastodon_parse as mp
from app.providers.base import (
    NotFound,
    Offline,
    ParseError,
    ProviderError,
    Rejected,
    StreamEvent,
)
from app.providers.fields import tags_match
from app.providers.http import Clock, error_for_transport
from app.providers.mastodon_http import Api, error_for_status

log = logging.getLogger(__name__)

E = TypeVar("E", bound=Exception)

# httpx-ws pings every PING_INTERVAL seconds and drops the connection when no pong comes
# within PING_TIMEOUT, so a connection that died without a FIN (a NAT timeout, a laptop
# that slept) is noticed within ~50 s. A read timeout would not do: a quiet stream is a
# healthy one, and the server's own pings never reach us as frames.
PING_INTERVAL = 25.0
PING_TIMEOUT = 25.0

USER = "user"
NOTIFICATIONS = "user:notification"
HASHTAG = "hashtag"
DIRECT = "direct"

_ALWAYS = frozenset({FeedKind.HOME, FeedKind.MENTIONS, FeedKind.CONVERSATIONS})


@dataclass(frozen=True, slots=True)
class Subscription:
    """One stream of the connection: https://docs.joinmastodon.org/methods/streaming/"""

    stream: str
    tag: str = ""

    def message(self) -> dict[str, str]:
        tag = {"tag": self.tag} if self.tag else {}
        return {"type": "subscribe", "stream": self.stream, **tag}

    def query(self) -> list[tuple[str, str]]:
        return [("stream", self.stream), *([("tag", self.tag)] if self.tag else [])]


def streamable(feeds: Sequence[FeedSpec], *, hashtags: bool) -> list[FeedSpec]:
    """Those of `feeds` a stream carries: home, mentions and conversations always,
    hashtag columns where the server streams hashtags (see mp.streams_hashtags)."""
    kinds = (_ALWAYS | {FeedKind.TAG}) if hashtags else _ALWAYS
    return [f for f in feeds if f.kind in kinds and (f.kind is not FeedKind.TAG or f.tags)]


def _one(feeds: Sequence[FeedSpec], kind: FeedKind) -> FeedSpec | None:
    return next((f for f in feeds if f.kind is kind), None)


class StreamRouter:
    """Which streams a set of feeds needs, and which feeds each frame belongs to.

    Frames are told apart by the stream they came on, not by their content: a private
    post with #tag on the user stream is no post for the tag column, whose polled
    timeline would not show it either.
    """

    def __init__(
        self, feeds: Sequence[FeedSpec], *, account_id: str, instance: str, me: str
    ) -> None:
        self.account_id = account_id
        self.instance = instance
        self._me = me
        self._home = _one(feeds, FeedKind.HOME)
        self._mentions = _one(feeds, FeedKind.MENTIONS)
        self._conversations = _one(feeds, FeedKind.CONVERSATIONS)
        self._tags = [f for f in feeds if f.kind is FeedKind.TAG]

    def subscriptions(self) -> list[Subscription]:
        """The user stream carries home and notifications, so it alone covers mentions
        when home is wanted too; each hashtag is its own stream."""
        subs: list[Subscription] = []
        if self._home is not None:
            subs.append(Subscription(USER))
        elif self._mentions is not None:
            subs.append(Subscription(NOTIFICATIONS))
        tags: dict[str, str] = {}
        for spec in self._tags:
            for tag in spec.tags:
                tags.setdefault(tag.casefold(), tag)
        subs += [Subscription(HASHTAG, tag) for tag in tags.values()]
        if self._conversations is not None:
            subs.append(Subscription(DIRECT))
        return subs

    def events(self, raw: str) -> list[StreamEvent]:
        """The events of one frame (often none); ParseError when it is malformed."""
        frame = mp.parse_stream_frame(raw, account_id=self.account_id)
        # Servers before Mastodon 3.3 name no stream; they only had the user stream.
        stream = frame.stream[0] if frame.stream else USER
        payload = frame.payload
        if isinstance(payload, str):
            if frame.event != "delete":
                return []  # filters_changed and the like: nothing a column shows
            return [StreamEvent(feed, deleted_id=payload) for feed in self._feeds_on(stream)]
        if frame.event == "conversation" and self._conversations is not None:
            conversation = mp.parse_conversation(
                payload, account_id=self.account_id, instance=self.instance
            )
            return [StreamEvent(self._conversations, conversation=conversation)]
        if frame.event == "notification" and self._mentions is not None:
            post = mp.parse_notification(
                payload, account_id=self.account_id, instance=self.instance
            )
            return [] if post is None else [StreamEvent(self._mentions, post=post)]
        if frame.event in ("update", "status.update"):
            post = mp.parse_status(payload, account_id=self.account_id, instance=self.instance)
            feeds = self._status_feeds(stream, payload, edit=frame.event == "status.update")
            return [StreamEvent(feed, post=post) for feed in feeds]
        return []

    def _feeds_on(self, stream: str) -> list[FeedSpec]:
        if stream == HASHTAG:
            return list(self._tags)
        if stream == DIRECT:
            found = [self._conversations]
        elif stream == NOTIFICATIONS:
            found = [self._mentions]
        else:
            found = [self._home, self._mentions]
        return [f for f in found if f is not None]

    def _status_feeds(
        self, stream: str, status: Mapping[str, object], *, edit: bool
    ) -> list[FeedSpec]:
        """The feeds a new or edited status goes to. A new mention also comes as a
        notification; an edit (status.update, the same id: an upsert) comes only as a
        status, so an edited mention goes to the mentions feed from here."""
        if stream == HASHTAG:
            tags = mp.status_tags(status, account_id=self.account_id)
            return [spec for spec in self._tags if tags_match(spec, tags)]
        if stream != USER:
            return []
        feeds = [] if self._home is None else [self._home]
        if (
            edit
            and self._mentions is not None
            and self._me in mp.status_mentions(status, account_id=self.account_id)
        ):
            feeds.append(self._mentions)
        return feeds


class LiveStreams:
    """A provider's live side: whether its server streams hashtags (asked once) and one
    websocket to /api/v1/streaming per events() call."""

    def __init__(self, api: Api, *, instance: str, ping: tuple[float, float]) -> None:
        self._api = api
        self._instance = instance
        self._ping = ping  # keepalive: interval, timeout (seconds)
        self._hashtags: bool | None = None

    async def streamable(self, feeds: Sequence[FeedSpec]) -> list[FeedSpec]:
        if self._hashtags is None:
            try:
                reply = await self._api.request_once("/api/v2/instance")
                self._hashtags = mp.streams_hashtags(reply.body, account_id=self._api.account_id)
            except NotFound:  # no v2: Mastodon before 4.0, Pleroma; both stream hashtags
                self._hashtags = True
        return streamable(feeds, hashtags=self._hashtags)

    async def events(
        self, feeds: Sequence[FeedSpec], *, me: str
    ) -> AsyncGenerator[StreamEvent, None]:
        """The events of one connection. It never ends quietly: a close or a lost
        connection raises Offline, a refused upgrade the error of its status (401:
        AuthExpired). A malformed frame is logged and skipped."""
        account_id = self._api.account_id
        router = StreamRouter(
            await self.streamable(feeds), account_id=account_id, instance=self._instance, me=me
        )
        subscriptions = router.subscriptions()
        if not subscriptions:
            return
        frames: asyncio.Queue[str | None] = asyncio.Queue()
        # httpx-ws runs the socket in an anyio task group, whose cancel scope must be left
        # by the task that entered it. An async generator can be closed from another task
        # (asyncio finalises abandoned ones in a new task), so the socket lives in its own
        # task and this generator only reads the queue; closing it cancels that task.
        reader = asyncio.create_task(self._read(frames, subscriptions))
        try:
            while (raw := await frames.get()) is not None:
                try:
                    events = router.events(raw)
                except ParseError as exc:
                    log.warning("%s: skipped a stream frame: %s", account_id, exc)
                    continue
                for event in events:
                    yield event
            raise await reader
        finally:
            reader.cancel()
            await asyncio.wait([reader])

    async def _read(
        self, frames: asyncio.Queue[str | None], subscriptions: Sequence[Subscription]
    ) -> ProviderError:
        """Connect, subscribe and queue each text frame; returns why the connection ended.

        The token goes in the Authorization header, which Mastodon and GoToSocial both
        read, so no URL (and so no log line) carries it. The first stream is named in
        the URL: GoToSocial opens that one and reads only `stream` from subscribe
        messages (no `tag`; user:notification it ignores); Mastodon takes either form.
        """
        api = self._api
        failure: ProviderError = Offline(api.account_id, "the stream ended")
        try:
            async with aconnect_ws(
                api.base + "/api/v1/streaming",
                api.client,
                params=subscriptions[0].query(),
                headers={"Authorization": f"Bearer {await api.get_token()}"},
                keepalive_ping_interval_seconds=self._ping[0],
                keepalive_ping_timeout_seconds=self._ping[1],
                session_class=AsyncWebSocketSession,
            ) as ws:
                for subscription in subscriptions[1:]:
                    await ws.send_json(subscription.message())
                failure = await _pump(ws, frames, api.account_id)
        # httpx-ws's session runs background tasks, so what fails in it comes as a group.
        except* WebSocketUpgradeError as group:
            failure = _refused(_first(group), api.account_id, api.clock)
        except* (httpx.HTTPError, httpx.InvalidURL) as group:
            failure = error_for_transport(_first(group), account_id=api.account_id)
        except* (HTTPXWSException, OSError) as group:
            failure = Offline(api.account_id, type(_first(group)).__name__)
        finally:
            frames.put_nowait(None)
        return failure


async def _pump(
    ws: AsyncWebSocketSession, frames: asyncio.Queue[str | None], account_id: str
) -> ProviderError:
    while True:
        try:
            frames.put_nowait(await ws.receive_text())
        except WebSocketInvalidTypeReceived:
            log.warning("%s: skipped a stream frame that is not text", account_id)
        except WebSocketDisconnect as exc:
            return Offline(account_id, f"the server closed the stream (code {exc.code})")
        except WebSocketNetworkError:
            return Offline(account_id, "the stream connection was lost")


def _refused(exc: WebSocketUpgradeError, account_id: str, now: Clock) -> ProviderError:
    # httpx-ws leaves a refused upgrade's body unread, so only status and headers speak.
    status = exc.response.status_code
    response = httpx.Response(status, headers=exc.response.headers)
    failure = error_for_status(response, account_id=account_id, now=now())
    return failure or Rejected(account_id, f"HTTP {status}: the server opened no stream")


def _first(group: ExceptionGroup[E]) -> E:
    leaf = group.exceptions[0]
    return _first(leaf) if isinstance(leaf, ExceptionGroup) else leaf
