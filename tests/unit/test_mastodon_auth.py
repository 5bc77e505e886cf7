"""Mastodon sign-in: server names, app registration, the code exchange, the account."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable
from typing import TypeVar
from urllib.parse import parse_qs, parse_qsl, urlsplit

import httpx
import pytest

from app.model import Network
from app.providers import mastodon_auth as auth
from app.providers.base import AuthExpired, Offline, ParseError, Rejected
from tests.mastodon_server import FakeMastodon

T = TypeVar("T")


def run(coro: Awaitable[T]) -> T:
    async def main() -> T:
        return await coro

    return asyncio.run(main())


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mastodon.social", "https://mastodon.social"),
        ("  https://mastodon.social/ ", "https://mastodon.social"),
        ("@user@mastodon.social", "https://mastodon.social"),
        ("user@Mastodon.Social", "https://mastodon.social"),
        ("HTTP://localhost:8080", "http://localhost:8080"),
        ("sosmed.jatengprov.go.id", "https://sosmed.jatengprov.go.id"),
    ],
)
def test_normalise_server(typed: str, expected: str) -> None:
    assert auth.normalise_server(typed) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("", "Type the address"),
        ("   ", "Type the address"),
        ("mastodon social", "no spaces"),
        ("ftp://mastodon.social", "http"),
        ("javascript:alert(1)", "http"),
        ("https://mastodon.social/@user", "without a path"),
        ("mastodon.social/explore", "without a path"),
        ("https://mastodon.social?x=1", "without a path"),
        ("https://user:pw@mastodon.social", "without a user name"),
        ("https://-bad-.example", "is not a server name"),
    ],
)
def test_normalise_server_rejects_with_a_sentence(typed: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        auth.normalise_server(typed)


def test_register_app_authorize_exchange_and_account(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server = FakeMastodon()

    async def flow() -> None:
        async with server.client() as client:
            app = await auth.register_app(client, server.base, auth.OOB_REDIRECT)
            sent = json.loads(server.requests[-1].content)
            assert sent == {
                "client_name": "Pantau",
                "redirect_uris": auth.OOB_REDIRECT,
                "scopes": "read write",
            }
            assert app.server == server.base
            assert app.client_secret not in repr(app)
            url = urlsplit(auth.authorize_url(app, state="s-123"))
            assert f"{url.scheme}://{url.netloc}{url.path}" == f"{server.base}/oauth/authorize"
            assert parse_qs(url.query) == {
                "response_type": ["code"],
                "client_id": [app.client_id],
                "redirect_uri": [auth.OOB_REDIRECT],
                "scope": ["read write"],
                "state": ["s-123"],
            }
            token = await auth.exchange_code(client, app, f" {server.authorize(app.client_id)} ")
            request = server.requests[-1]
            assert request.headers["content-type"] == "application/x-www-form-urlencoded"
            form = dict(parse_qsl(request.content.decode()))
            assert form["grant_type"] == "authorization_code"
            assert form["redirect_uri"] == auth.OOB_REDIRECT
            assert token == server.token()
            account = await auth.account_from_token(client, server.base, token)
            assert account.id == "mastodon:lpse_admin@sosmed.example"
            assert account.network is Network.MASTODON
            assert account.handle == "lpse_admin"
            assert account.display_name == "Admin LPSE Jawa Tengah"
            assert account.server == server.base
            assert account.remote_id == server.users["lpse_admin"].id
            assert account.avatar_url.startswith(server.base)
            assert token not in repr(account)
            assert account.label == "@lpse_admin@sosmed.example"

    run(flow())
    assert server.token() not in caplog.text


def test_a_wrong_code_is_rejected_and_a_wrong_token_refused() -> None:
    server = FakeMastodon()

    async def flow() -> None:
        async with server.client() as client:
            app = await auth.register_app(client, server.base, "http://127.0.0.1:5000/callback")
            with pytest.raises(Rejected, match="invalid_grant"):
                await auth.exchange_code(client, app, "not-the-code")
            with pytest.raises(AuthExpired) as refused:
                await auth.account_from_token(client, server.base, "thisisnotavalidtoken")
            assert "thisisnotavalidtoken" not in str(refused.value)

    run(flow())


def test_unreachable_server_and_strange_answers() -> None:
    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route", request=request)

    def not_mastodon(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"hello": "world"})

    async def flow() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(offline)) as client:
            with pytest.raises(Offline):
                await auth.register_app(client, "https://nowhere.example", auth.OOB_REDIRECT)
        async with httpx.AsyncClient(transport=httpx.MockTransport(not_mastodon)) as client:
            with pytest.raises(ParseError) as caught:
                await auth.register_app(client, "https://blog.example", auth.OOB_REDIRECT)
            assert (caught.value.entity, caught.value.field_name) == ("Application", "client_id")

    run(flow())
