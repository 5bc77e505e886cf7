"""The XRPC door: typed errors, and a session refreshed once however many calls need it."""

from __future__ import annotations

import asyncio
import base64
import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from app.providers.base import AuthExpired, NotFound, RateLimited, Rejected, ServerFault
from app.providers.bluesky_xrpc import Session, Xrpc, error_for_response, jwt_expiry

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def jwt(**claims: object) -> str:
    def part(data: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return f"{part({'alg': 'HS256'})}.{part(claims)}.signature"


def session(n: int, *, expires: datetime) -> Session:
    return Session(
        "did:plc:admin",
        "lpse.test",
        jwt(exp=int(expires.timestamp()), scope="com.atproto.appPassPrivileged", n=n),
        jwt(scope="com.atproto.refresh", n=n),
    )


def response(status: int, body: object, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (400, {"error": "ExpiredToken", "message": "Token has expired"}, AuthExpired),
        (401, {"error": "AuthenticationRequired"}, AuthExpired),
        (400, {"error": "InvalidRequest", "message": "Invalid app.bsky.feed.post"}, Rejected),
        (400, {"error": "RecordNotFound"}, NotFound),
        (404, None, NotFound),
        (502, None, ServerFault),
    ],
)
def test_errors_are_typed(status: int, body: object, kind: type[Exception]) -> None:
    error = error_for_response(response(status, body), account_id="a", now=NOW)
    assert type(error) is kind


def test_429_waits_until_the_reset_header() -> None:
    reset = int((NOW + timedelta(minutes=3)).timestamp())
    error = error_for_response(
        response(429, {"error": "RateLimitExceeded"}, **{"ratelimit-reset": str(reset)}),
        account_id="a",
        now=NOW,
    )
    assert isinstance(error, RateLimited)
    assert error.reset_at == NOW + timedelta(minutes=3)


def test_a_token_echoed_by_a_server_never_reaches_the_message() -> None:
    token = jwt(exp=1)
    error = error_for_response(
        response(400, {"error": "InvalidRequest", "message": f"bad {token}"}),
        account_id="a",
        now=NOW,
        secrets=(token,),
    )
    assert error is not None
    assert token not in str(error)


def test_expiry_and_scope_are_read_from_the_jwt() -> None:
    assert jwt_expiry(jwt(exp=1_795_000_000)) == datetime.fromtimestamp(1_795_000_000, UTC)
    assert jwt_expiry("not a jwt") is None
    assert session(1, expires=NOW).privileged()
    plain = Session("d", "h", jwt(scope="com.atproto.appPass"), "r")
    assert not plain.privileged()


class Pds:
    """refreshSession rotates tokens; other calls want the current access token."""

    def __init__(self, current: Session) -> None:
        self.current = current
        self.refreshes = 0
        self.revoked = False

    async def handle(self, request: httpx.Request) -> httpx.Response:
        token = request.headers["authorization"].removeprefix("Bearer ")
        if request.url.path.endswith("refreshSession"):
            await asyncio.sleep(0.01)  # both callers are waiting by now
            if self.revoked or token != self.current.refresh_jwt:
                return response(400, {"error": "ExpiredToken", "message": "Token has been revoked"})
            self.refreshes += 1
            self.current = session(self.refreshes + 1, expires=NOW + timedelta(hours=2))
            return response(200, json.loads(self.current.to_secret()))
        if token != self.current.access_jwt:
            return response(400, {"error": "ExpiredToken", "message": "Token has expired"})
        return response(200, {"ok": True})


def door(pds: Pds, keyring: list[str]) -> Xrpc:
    async def get_token() -> str:
        return keyring[-1]

    async def save_token(secret: str) -> None:
        keyring.append(secret)

    return Xrpc(
        httpx.AsyncClient(transport=httpx.MockTransport(pds.handle)),
        base="http://pds.test",
        account_id="bluesky:did:plc:admin",
        clock=lambda: NOW,
        get_token=get_token,
        save_token=save_token,
    )


def test_concurrent_calls_after_expiry_refresh_once_and_save_the_new_session() -> None:
    stale = session(1, expires=NOW + timedelta(hours=1))  # the server already disagrees
    pds = Pds(stale)
    pds.current = Session(stale.did, stale.handle, jwt(n=99), stale.refresh_jwt)
    keyring = [stale.to_secret()]
    xrpc = door(pds, keyring)

    async def both() -> list[object]:
        calls = [xrpc.request("GET", "app.bsky.feed.getTimeline") for _ in range(2)]
        return [r.body for r in await asyncio.gather(*calls)]

    assert asyncio.run(both()) == [{"ok": True}, {"ok": True}]
    assert pds.refreshes == 1
    assert len(keyring) == 2
    assert Session.from_secret(keyring[-1], account_id="a") == pds.current


def test_an_access_token_about_to_expire_is_refreshed_before_the_call() -> None:
    pds = Pds(session(1, expires=NOW + timedelta(seconds=30)))
    keyring = [pds.current.to_secret()]
    xrpc = door(pds, keyring)
    asyncio.run(xrpc.request("GET", "app.bsky.actor.getProfile"))
    assert pds.refreshes == 1


def test_a_revoked_refresh_token_asks_for_sign_in_and_rereads_the_keyring() -> None:
    first = session(1, expires=NOW + timedelta(seconds=10))
    pds = Pds(first)
    pds.revoked = True
    keyring = [first.to_secret()]
    xrpc = door(pds, keyring)
    with pytest.raises(AuthExpired, match="session ended"):
        asyncio.run(xrpc.request("GET", "app.bsky.feed.getTimeline"))
    # The admin signs in again: the dialog writes a new session to the keyring.
    pds.revoked = False
    pds.current = session(7, expires=NOW + timedelta(hours=2))
    keyring.append(pds.current.to_secret())
    assert asyncio.run(xrpc.request("GET", "app.bsky.feed.getTimeline")).body == {"ok": True}
