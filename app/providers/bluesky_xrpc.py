"""The one door for the Bluesky provider's HTTP: XRPC calls to the account's PDS, typed
failures, rate-limit headers, and the session (access and refresh JWTs) kept fresh.

The session is the account's keyring secret, as JSON; a refreshed one is handed to
`save_token` before it is used, so a crash never leaves the keyring with a spent refresh
token. Refresh tokens rotate: two refreshes at once would spend the same one, so they go
one at a time.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import functools
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx

from app.providers.base import (
    AuthExpired,
    NotFound,
    ProviderError,
    RateLimit,
    RateLimited,
    Rejected,
    ServerFault,
)
from app.providers.http import (
    REDACTED,
    Clock,
    Params,
    Reply,
    decode_json,
    error_for_transport,
    reset_time,
)

CHAT_PROXY = "did:web:api.bsky.chat#bsky_chat"
"""Chat calls go through the PDS to Bluesky's chat service named by this header."""

REFRESH_AHEAD = timedelta(minutes=2)
_AUTH_ERRORS = frozenset({"ExpiredToken", "InvalidToken", "AuthMissing", "AuthenticationRequired"})
_NOT_FOUND_ERRORS = frozenset({"NotFound", "RecordNotFound", "InvalidConvo", "ConvoNotFound"})


@dataclass(frozen=True, slots=True)
class Session:
    """What createSession / refreshSession give; stored whole in the keyring."""

    did: str
    handle: str
    access_jwt: str = field(repr=False)
    refresh_jwt: str = field(repr=False)

    def to_secret(self) -> str:
        return json.dumps(
            {
                "did": self.did,
                "handle": self.handle,
                "accessJwt": self.access_jwt,
                "refreshJwt": self.refresh_jwt,
            }
        )

    @classmethod
    def from_secret(cls, secret: str, *, account_id: str) -> Session:
        try:
            data = json.loads(secret)
            return cls.from_json(data, account_id=account_id)
        except (ValueError, AuthExpired):
            raise AuthExpired(account_id, "the stored session is unreadable") from None

    @classmethod
    def from_json(cls, data: object, *, account_id: str) -> Session:
        if not isinstance(data, Mapping):
            raise AuthExpired(account_id, "the server sent no session")
        values = [data.get(k) for k in ("did", "handle", "accessJwt", "refreshJwt")]
        if not all(isinstance(v, str) and v for v in values):
            raise AuthExpired(account_id, "the server's session lacks a field")
        did, handle, access, refresh = (str(v) for v in values)
        return cls(did, handle, access, refresh)

    def access_expires(self) -> datetime | None:
        return jwt_expiry(self.access_jwt)

    def privileged(self) -> bool:
        """Whether the session may use chat: a full login or an app password made with
        "allow access to your direct messages" (scope ...appPassPrivileged)."""
        claims = jwt_claims(self.access_jwt)
        return claims.get("scope") in ("com.atproto.access", "com.atproto.appPassPrivileged")


def jwt_claims(token: str) -> Mapping[str, object]:
    """The payload of a JWT, unverified (the server verifies; we only read the expiry
    and scope). {} when unreadable."""
    try:
        payload = token.split(".")[1]
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError, binascii.Error):
        return {}
    return data if isinstance(data, dict) else {}


def jwt_expiry(token: str) -> datetime | None:
    exp = jwt_claims(token).get("exp")
    if not isinstance(exp, int | float) or isinstance(exp, bool):
        return None
    try:
        return datetime.fromtimestamp(exp, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def xrpc_error(body: object) -> tuple[str, str]:
    """(error name, message) of an XRPC error body."""
    if not isinstance(body, Mapping):
        return "", ""
    name, message = body.get("error"), body.get("message")
    return (
        name if isinstance(name, str) else "",
        message[:500] if isinstance(message, str) else "",
    )


def error_for_response(
    response: httpx.Response, *, account_id: str, now: datetime, secrets: tuple[str, ...] = ()
) -> ProviderError | None:
    """The typed error for a non-2xx XRPC response, None for success."""
    status = response.status_code
    if 200 <= status < 300:
        return None
    try:
        body: object = response.json()
    except ValueError:
        body = None
    name, message = xrpc_error(body)
    detail = f"{name}: {message}" if name and message else name or message
    for secret in secrets:
        if secret:
            detail = detail.replace(secret, REDACTED)
    if status == 401 or (status == 400 and name in _AUTH_ERRORS):
        return AuthExpired(account_id, detail or f"HTTP {status}")
    if status == 404 or name in _NOT_FOUND_ERRORS:
        return NotFound(account_id, detail or f"HTTP {status}")
    if status == 429:
        reset = reset_time(response.headers.get("ratelimit-reset", ""), now=now)
        return RateLimited(account_id, reset, detail or "rate limit")
    if 400 <= status < 500:
        return Rejected(account_id, detail or f"HTTP {status}")
    return ServerFault(account_id, detail or f"HTTP {status}")


def parse_rate_limit(headers: httpx.Headers, *, now: datetime) -> RateLimit | None:
    """RateLimit-Limit / -Remaining / -Reset (epoch seconds), as Bluesky's PDS sends."""
    try:
        limit = int(headers["ratelimit-limit"])
        remaining = int(headers["ratelimit-remaining"])
    except (KeyError, ValueError):
        return None
    return RateLimit(limit, remaining, reset_time(headers.get("ratelimit-reset", ""), now=now))


async def call(
    client: httpx.AsyncClient,
    base: str,
    method: str,
    nsid: str,
    *,
    account_id: str,
    now: Clock,
    token: str = "",
    params: Params = (),
    json_body: object = None,
    content: bytes | None = None,
    headers: Mapping[str, str] | None = None,
) -> Reply:
    """One XRPC request; every failure a ProviderError. Sign-in and the provider both
    send through here."""
    request_headers = dict(headers or {})
    if token:
        request_headers["Authorization"] = f"Bearer {token}"
    try:
        response = await client.request(
            method,
            f"{base.rstrip('/')}/xrpc/{nsid}",
            params=list(params) or None,
            headers=request_headers,
            json=json_body,
            content=content,
        )
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise error_for_transport(exc, account_id=account_id) from None
    failure = error_for_response(response, account_id=account_id, now=now(), secrets=(token,))
    if failure is not None:
        raise failure
    body = decode_json(response, account_id=account_id)
    return Reply(response.status_code, body, response.headers)


class Xrpc:
    """One account's door to its PDS: each call with a fresh access token, refreshed
    ahead of expiry and once more when the server says it expired."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        base: str,
        account_id: str,
        clock: Clock,
        get_token: Callable[[], Awaitable[str]],
        save_token: Callable[[str], Awaitable[None]],
    ) -> None:
        self.client = client
        self.base = base.rstrip("/")
        self.account_id = account_id
        self.clock = clock
        self._get_token = get_token
        self._save_token = save_token
        self._session: Session | None = None
        self._refreshing = asyncio.Lock()
        self.rate: RateLimit | None = None

    async def session(self) -> Session:
        if self._session is None:
            self._session = Session.from_secret(await self._get_token(), account_id=self.account_id)
        return self._session

    async def request(
        self,
        method: str,
        nsid: str,
        *,
        params: Params = (),
        json_body: object = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reply:
        sent = functools.partial(
            self._send,
            method,
            nsid,
            params=params,
            json_body=json_body,
            content=content,
            headers=headers,
        )
        try:
            session = await self.session()
            expires = session.access_expires()
            if expires is not None and expires - self.clock() < REFRESH_AHEAD:
                session = await self._refresh(session)
            try:
                return await sent(session)
            except AuthExpired as exc:
                if "ExpiredToken" not in exc.detail:
                    raise
            return await sent(await self._refresh(session))
        except AuthExpired:
            # Read the keyring again next time: a new sign-in may have replaced the session.
            self._session = None
            raise

    async def _send(
        self,
        method: str,
        nsid: str,
        session: Session,
        *,
        params: Params,
        json_body: object,
        content: bytes | None,
        headers: Mapping[str, str] | None,
    ) -> Reply:
        reply = await call(
            self.client,
            self.base,
            method,
            nsid,
            account_id=self.account_id,
            now=self.clock,
            token=session.access_jwt,
            params=params,
            json_body=json_body,
            content=content,
            headers=headers,
        )
        rate = parse_rate_limit(reply.headers, now=self.clock())
        if rate is not None:
            self.rate = rate
        return reply

    async def _refresh(self, spent: Session) -> Session:
        async with self._refreshing:
            if self._session is not None and self._session.access_jwt != spent.access_jwt:
                return self._session  # another call refreshed while this one waited
            try:
                reply = await call(
                    self.client,
                    self.base,
                    "POST",
                    "com.atproto.server.refreshSession",
                    account_id=self.account_id,
                    now=self.clock,
                    token=spent.refresh_jwt,
                )
            except AuthExpired as exc:
                # The refresh token expired or was revoked with the app password.
                raise AuthExpired(self.account_id, f"session ended ({exc.detail})") from None
            fresh = Session.from_json(reply.body, account_id=self.account_id)
            await self._save_token(fresh.to_secret())
            self._session = fresh
            return fresh
