"""MastodonProvider.stream against a fake streaming server: frames, subscriptions, failures."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from httpx_ws.transport import ASGIWebSocketTransport

from app.backoff import Backoff
from app.model import Account, FeedKind, FeedSpec, Network
from app.providers import mastodon_stream as ms
from app.providers.base import (
    AuthExpired,
    Capability,
    Offline,
    ProviderError,
    StreamEvent,
    SupportsStreamChoice,
    SupportsStreaming,
    capabilities,
)
from app.providers.mastodon import MastodonProvider
from app.store import Store
from app.sync import SyncEngine
from tests.fakes import FakeTime
from tests.mastodon_server import FIXTURES, FakeMastodon
from tests.unit.test_mastodon_provider import Providers

T = TypeVar("T")
ACCOUNT_ID = "mastodon:lpse_admin@sosmed.example"
ADMIN_IN_74 = "01YZSMZ5SGEXTAYJ05EDZBKGP8"  # lpse_admin's id in fixture 74's mentions
Message = dict[str, Any]  # ASGI messages are untyped dicts by nature


def run(coro: Awaitable[T]) -> T:
    async def main() -> T:
        return await asyncio.wait_for(coro, timeout=10)

    return asyncio.run(main())


def spec(kind: FeedKind, **kwargs: Any) -> FeedSpec:
    return FeedSpec(ACCOUNT_ID, kind, **kwargs)


HOME, MENTIONS, DMS = spec(FeedKind.HOME), spec(FeedKind.MENTIONS), spec(FeedKind.CONVERSATIONS)


def recorded_frames() -> list[str]:
    data = json.loads((FIXTURES / "74-streaming-user.json").read_text(encoding="utf-8"))
    return [str(f["raw"]) for f in data["frames"]]


def frame(event: str, payload: object, *stream: str) -> str:
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return json.dumps({"stream": list(stream), "event": event, "payload": text})


class FakeStreaming:
    """An ASGI app shaped like Mastodon's /api/v1/streaming websocket. It records each
    connection (its scope) and the subscribe messages, then sends what the test queued:
    a text frame (str), a binary frame (bytes) or a close code (int). `refuse` answers
    the upgrade with that HTTP status instead."""

    def __init__(self, *, refuse: int = 0) -> None:
        self.refuse = refuse
        self.scopes: list[Message] = []
        self.subscribed: list[object] = []
        self.outbox: asyncio.Queue[str | bytes | int] = asyncio.Queue()
        self.accepted = asyncio.Event()

    def send(self, *items: str | bytes | int) -> None:
        for item in items:
            self.outbox.put_nowait(item)

    async def __call__(
        self,
        scope: Message,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        assert scope["type"] == "websocket"
        self.scopes.append(scope)
        assert (await receive())["type"] == "websocket.connect"
        if self.refuse:
            await send(
                {
                    "type": "websocket.http.response.start",
                    "status": self.refuse,
                    "headers": [(b"content-type", b"application/json")],
                }
            )
            body = b'{"error":"Unauthorized: token not supplied"}'
            await send({"type": "websocket.http.response.body", "body": body})
            return
        await send({"type": "websocket.accept"})
        self.accepted.set()
        talk = asyncio.ensure_future(self._talk(send))
        listen = asyncio.ensure_future(self._listen(receive))
        await asyncio.wait({talk, listen}, return_when=asyncio.FIRST_COMPLETED)
        talk.cancel()
        listen.cancel()
        await asyncio.gather(talk, listen, return_exceptions=True)

    async def _talk(self, send: Callable[[Message], Awaitable[None]]) -> None:
        while True:
            item = await self.outbox.get()
            if isinstance(item, int):
                await send({"type": "websocket.close", "code": item, "reason": ""})
                return
            key = "text" if isinstance(item, str) else "bytes"
            await send({"type": "websocket.send", key: item})

    async def _listen(self, receive: Callable[[], Awaitable[Message]]) -> None:
        while (message := await receive())["type"] == "websocket.receive":
            self.subscribed.append(json.loads(message["text"]))


class Mux(httpx.AsyncBaseTransport):
    """Websocket upgrades go to the streaming app, every other request to the REST fake."""

    def __init__(self, rest: httpx.AsyncBaseTransport, ws: httpx.AsyncBaseTransport) -> None:
        self._rest = rest
        self._ws = ws

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.headers.get("upgrade", "").lower() == "websocket":
            return await self._ws.handle_async_request(request)
        return await self._rest.handle_async_request(request)


def account(server: FakeMastodon, *, remote_id: str = ADMIN_IN_74) -> Account:
    return Account(
        ACCOUNT_ID, Network.MASTODON, "lpse_admin", "Admin", server=server.base, remote_id=remote_id
    )


@contextlib.asynccontextmanager
async def connected(
    server: FakeMastodon, streaming: FakeStreaming
) -> AsyncIterator[MastodonProvider]:
    async with ASGIWebSocketTransport(app=streaming) as ws:
        client = httpx.AsyncClient(transport=Mux(server.transport, ws))

        async def get_token() -> str:
            return server.token()

        provider = MastodonProvider(account(server), client=client, get_token=get_token)
        try:
            yield provider
        finally:
            await provider.aclose()


async def drain(
    provider: MastodonProvider, feeds: Sequence[FeedSpec]
) -> tuple[list[StreamEvent], ProviderError]:
    """Every event until the stream fails, and the failure; it never ends quietly."""
    events: list[StreamEvent] = []
    try:
        async for event in provider.stream(feeds):
            events.append(event)
    except ProviderError as exc:
        return events, exc
    raise AssertionError("the stream ended without an error")


def summary(events: Sequence[StreamEvent]) -> list[tuple[str, str]]:
    return [
        (e.feed.kind.value, f"post {e.post.remote_id}" if e.post else f"deleted {e.deleted_id}")
        for e in events
    ]


# --- the recorded session -----------------------------------------------------------------


def test_provider_streams_and_says_which_feeds() -> None:
    provider = MastodonProvider(
        account(FakeMastodon()), client=httpx.AsyncClient(), get_token=lambda: asyncio.sleep(0, "t")
    )
    assert isinstance(provider, SupportsStreaming)
    assert isinstance(provider, SupportsStreamChoice)
    assert Capability.STREAMING in capabilities(provider)


def test_recorded_frames_become_events_and_a_close_raises_offline(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    server = FakeMastodon()

    async def scenario() -> tuple[list[StreamEvent], ProviderError, FakeStreaming]:
        streaming = FakeStreaming()
        streaming.send(*recorded_frames(), 1001)
        async with connected(server, streaming) as provider:
            events, error = await drain(provider, [HOME, MENTIONS])
        return events, error, streaming

    events, error, streaming = run(scenario())
    status = "01M846J2MAM3YH20EM9PPPXM5W"
    assert summary(events) == [
        ("home", f"post {status}"),  # update
        ("mentions", f"post {status}"),  # notification of type mention
        ("home", f"post {status}"),  # status.update: the same id again, an upsert
        ("mentions", f"post {status}"),  # ...and an edited mention is the mentions' too
        ("home", f"deleted {status}"),  # delete: a bare id
        ("mentions", f"deleted {status}"),
    ]
    assert events[0].post is not None
    assert events[2].post is not None
    assert events[0].post.text != events[2].post.text  # the edit's new words
    assert isinstance(error, Offline)
    assert "1001" in error.detail
    # One connection, the user stream (it carries the notifications too) named in the URL,
    # the token in the header only.
    [scope] = streaming.scopes
    assert scope["path"] == "/api/v1/streaming"
    assert scope["query_string"] == b"stream=user"
    headers = dict(scope["headers"])
    assert headers[b"authorization"] == f"Bearer {server.token()}".encode()
    assert streaming.subscribed == []
    assert server.token() not in caplog.text
    assert "/api/v1/streaming" in caplog.text  # httpx logged the URL: without the token


# --- subscriptions and routing ------------------------------------------------------------


def test_one_connection_subscribes_every_stream_on_mastodon() -> None:
    server = FakeMastodon(hashtag_streams=True)
    tags = spec(FeedKind.TAG, tags=("KemalaJateng", "LPSE"), exclude=("spam",))
    lpse = spec(FeedKind.TAG, tags=("lpse", "Banjir"))
    feeds = [MENTIONS, DMS, tags, lpse, spec(FeedKind.SEARCH, query="jalan")]
    warga = server.users["warga1"]
    report = server.post_as("warga1", "Banjir di #LPSE")
    spam = server.post_as("warga1", "Promo #LPSE #spam")
    private = server.post_as("warga1", "Rahasia #LPSE", visibility="private")
    dm = server.post_as("warga1", "@lpse_admin tolong", visibility="direct")
    [conv] = server.conversations[server.users["lpse_admin"].id]

    async def scenario() -> tuple[list[StreamEvent], Sequence[FeedSpec], FakeStreaming]:
        streaming = FakeStreaming()
        async with connected(server, streaming) as provider:
            live = await provider.streamable(feeds)
            events = asyncio.ensure_future(drain(provider, feeds))
            await until(lambda: len(streaming.subscribed) == 4)
            streaming.send(*frames)
            return (await events)[0], live, streaming

    frames: list[str | int] = [
        frame("update", server.status_json(report), "hashtag", "lpse"),
        frame("update", server.status_json(spam), "hashtag", "lpse"),
        frame("update", server.status_json(private), "user"),  # no mentions, no home
        frame("conversation", server.conversation_json(conv), "direct"),
        frame("filters_changed", "", "user"),
        frame("delete", dm.id, "direct"),
        1000,
    ]

    events, live, streaming = run(scenario())
    assert list(live) == [MENTIONS, DMS, tags, lpse]  # search has no stream
    assert streaming.scopes[0]["query_string"] == b"stream=user%3Anotification"
    assert streaming.subscribed == [
        {"type": "subscribe", "stream": "hashtag", "tag": "KemalaJateng"},
        {"type": "subscribe", "stream": "hashtag", "tag": "LPSE"},
        {"type": "subscribe", "stream": "hashtag", "tag": "Banjir"},
        {"type": "subscribe", "stream": "direct"},
    ]
    assert [(e.feed, e.post and e.post.remote_id) for e in events[:3]] == [
        (tags, report.id),
        (lpse, report.id),
        (lpse, spam.id),  # the first column excludes #spam, as its polling does
    ]
    assert events[3].conversation is not None
    assert events[3].conversation.remote_id == conv.id
    assert [p.handle for p in events[3].conversation.participants] == [warga.username]
    assert (events[4].feed, events[4].deleted_id) == (DMS, dm.id)
    assert len(events) == 5


def test_gotosocial_streams_no_hashtags_so_tag_columns_stay_polled() -> None:
    server = FakeMastodon()  # GoToSocial's instance document
    tags = spec(FeedKind.TAG, tags=("LPSE",))

    async def scenario() -> tuple[Sequence[FeedSpec], FakeStreaming]:
        streaming = FakeStreaming()
        async with connected(server, streaming) as provider:
            live = await provider.streamable([HOME, tags, DMS])
            events = asyncio.ensure_future(drain(provider, [HOME, tags, DMS]))
            await until(lambda: bool(streaming.subscribed))
            streaming.send(1000)
            await events
            assert await provider.streamable([tags]) == []
        return live, streaming

    live, streaming = run(scenario())
    assert list(live) == [HOME, DMS]
    assert streaming.subscribed == [{"type": "subscribe", "stream": "direct"}]
    instance = [r for r in server.requests if r.url.path == "/api/v2/instance"]
    assert len(instance) == 1  # asked once per provider


# --- failures -----------------------------------------------------------------------------


@pytest.mark.log_warnings
def test_garbage_is_logged_and_skipped_and_the_stream_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = FakeMastodon()
    good = server.post_as("warga1", "Masih jalan")

    async def scenario() -> list[StreamEvent]:
        streaming = FakeStreaming()
        streaming.send(
            "not json",
            frame("update", "{broken", "user"),
            frame("update", {"id": "1"}, "user"),
            json.dumps({"payload": "no event"}),
            b"\x00binary",
            frame("update", server.status_json(good), "user"),
            1000,
        )
        async with connected(server, streaming) as provider:
            events, error = await drain(provider, [HOME])
        assert isinstance(error, Offline)
        return events

    events = run(scenario())
    assert [e.post and e.post.remote_id for e in events] == [good.id]
    skipped = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(skipped) == 5
    assert all(ACCOUNT_ID in r.getMessage() for r in skipped)
    assert server.token() not in caplog.text


def test_a_refused_token_raises_auth_expired() -> None:
    server = FakeMastodon()

    async def scenario() -> ProviderError:
        async with connected(server, FakeStreaming(refuse=401)) as provider:
            return (await drain(provider, [HOME]))[1]

    error = run(scenario())
    assert isinstance(error, AuthExpired)
    assert server.token() not in str(error)


def test_no_connection_raises_offline() -> None:
    server = FakeMastodon()

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route", request=request)

    async def scenario() -> ProviderError:
        async def get_token() -> str:
            return server.token()

        client = httpx.AsyncClient(
            transport=Mux(server.transport, httpx.MockTransport(unreachable))
        )
        provider = MastodonProvider(account(server), client=client, get_token=get_token)
        return (await drain(provider, [HOME]))[1]

    assert isinstance(run(scenario()), Offline)


# --- a real socket on loopback: keepalive and the upgrade ---------------------------------


@contextlib.asynccontextmanager
async def loopback_server(answer: Callable[[bytes], bytes]) -> AsyncIterator[str]:
    """A TCP server on 127.0.0.1: any plain request (the instance document) gets a 404,
    an upgrade request `answer(key)`; after that it reads and ignores everything, pings
    included, as a dead peer would."""
    peers: list[asyncio.StreamWriter] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peers.append(writer)
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            keys = [
                line.split(b":", 1)[1].strip()
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"sec-websocket-key:")
            ]
            if keys:
                break
            writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        writer.write(answer(keys[0]))
        await writer.drain()
        while await reader.read(1024):
            pass

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for writer in peers:
            writer.close()
        server.close()
        await server.wait_closed()


def switching(key: bytes) -> bytes:
    accept = base64.b64encode(hashlib.sha1(key + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest())
    return (
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
        b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n"
    )


def unauthorized(_key: bytes) -> bytes:
    body = b'{"error":"Unauthorized: token not supplied"}'
    return (
        b"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )


def over_loopback(answer: Callable[[bytes], bytes]) -> tuple[ProviderError, float]:
    async def scenario() -> tuple[ProviderError, float]:
        async with loopback_server(answer) as base:
            server = FakeMastodon()
            target = account(server)
            provider = MastodonProvider(
                Account(target.id, target.network, target.handle, "", server=base),
                client=httpx.AsyncClient(timeout=5),
                get_token=lambda: asyncio.sleep(0, "tok-lpse_admin"),
                ping=(0.05, 0.05),
            )
            started = asyncio.get_running_loop().time()
            _, error = await drain(provider, [HOME])
            return error, asyncio.get_running_loop().time() - started

    return run(scenario())


def test_a_silent_peer_is_noticed_by_keepalive() -> None:
    error, took = over_loopback(switching)
    assert isinstance(error, Offline)
    assert took < 2  # ping every 0.05 s, unanswered for 0.05 s: gone


def test_a_refused_upgrade_over_tcp_raises_auth_expired() -> None:
    error, _ = over_loopback(unauthorized)
    assert isinstance(error, AuthExpired)


def test_keepalive_notices_a_dead_connection_within_a_minute() -> None:
    assert ms.PING_INTERVAL + ms.PING_TIMEOUT <= 60


# --- with the real sync engine and store --------------------------------------------------


async def until(condition: Callable[[], bool]) -> None:
    while not condition():
        await asyncio.sleep(0.01)  # the stream runs on real (loopback-free) tasks


def test_a_streamed_mention_lands_in_the_store_without_a_poll(tmp_path: Path) -> None:
    server = FakeMastodon()
    store = Store.open(tmp_path / "cache.sqlite")
    time = FakeTime(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))

    async def scenario() -> None:
        streaming = FakeStreaming()
        async with connected(server, streaming) as provider:
            store.upsert_account(account(server))
            engine = SyncEngine(
                store=store,
                providers=Providers(provider),
                clock=time.clock,
                sleep=time.sleep,
                backoff=Backoff(jitter=lambda: 0.5),
            )
            polled: list[str] = []
            engine.add_listener(lambda key, error: polled.append(key))
            engine.start([MENTIONS])
            await streaming.accepted.wait()
            await until(lambda: MENTIONS.key in polled)  # the poll made on connecting
            sent = len(server.requests)
            # A mention the REST fake has never heard of: only the stream can bring it.
            mention = frame("notification", stamped_mention(server), "user:notification")
            streaming.send(mention)
            await until(lambda: bool(store.feed_entries([MENTIONS.key], before=None, limit=5)))
            assert len(server.requests) == sent
            [entry] = store.feed_entries([MENTIONS.key], before=None, limit=5)
            assert entry.post.text == "@lpse_admin lewat stream"
            # A close: sync polls at once (the feed was covered by the stream until now).
            streaming.send(1001)
            await until(lambda: len(server.requests) > sent)
            assert server.requests[-1].url.path == "/api/v1/notifications"
            await engine.aclose()

    try:
        run(scenario())
    finally:
        store.close()


def stamped_mention(server: FakeMastodon) -> dict[str, object]:
    status = server.post_as("warga1", "@lpse_admin lewat stream")
    # Forget it again: the REST fake must not be able to serve it.
    del server.statuses[status.id]
    admin = server.users["lpse_admin"].id
    return server.notifications[admin].pop(0)
