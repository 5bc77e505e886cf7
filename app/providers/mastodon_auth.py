"""Signing in to a Mastodon-API server: app registration, OAuth code flow, the account."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

import httpx

from app.model import Account, Network
from app.providers import mastodon_parse as mp
from app.providers.fields import Fields
from app.providers.http import utc_now
from app.providers.mastodon_http import exchange

OOB_REDIRECT = "urn:ietf:wg:oauth:2.0:oob"
"""Out-of-band redirect: the server shows the code for the user to paste into Pantau."""

CLIENT_NAME = "Pantau"
SCOPES = "read write"
WEBSITE = ""  # Pantau has no public home page yet; sent once it has one
SIGN_IN = "sign-in"  # the account id named in errors before there is an account

# "name:" that is no "host:port": a scheme such as javascript: or ftp://
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):(?!\d+(?:/|$))")
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?")


@dataclass(frozen=True, slots=True)
class MastodonApp:
    """A client registered with one server: https://docs.joinmastodon.org/entities/Application/

    The client secret is needed only until the code is exchanged; it is never shown.
    """

    server: str
    client_id: str
    client_secret: str = field(repr=False)
    redirect_uri: str


def normalise_server(text: str) -> str:
    """The base URL of a server from what a user types: "mastodon.social",
    "https://mastodon.social/" and "@user@mastodon.social" all give
    "https://mastodon.social". Raises ValueError with a sentence meant for the user."""
    value = text.strip()
    if not value:
        raise ValueError("Type the address of your server, for example mastodon.social.")
    if any(c.isspace() for c in value):
        raise ValueError("A server address has no spaces.")
    scheme = _SCHEME.match(value)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        raise ValueError("Only http:// and https:// server addresses work.")
    if value.startswith("@") or ("@" in value and "://" not in value):
        # A handle (@user@server or user@server): the server is after the last "@".
        value = value.rsplit("@", 1)[1]
    if "://" not in value:
        value = "https://" + value
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError("Only http:// and https:// server addresses work.")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ValueError("Type only the server's name, without a path (mastodon.social).")
    if parts.username is not None or parts.password is not None:
        raise ValueError("Type only the server's name, without a user name.")
    host = parts.netloc.lower()
    if not _HOST.fullmatch(host):
        raise ValueError(f"“{host or value}” is not a server name.")
    return f"{parts.scheme.lower()}://{host}"


async def register_app(client: httpx.AsyncClient, server: str, redirect_uri: str) -> MastodonApp:
    """POST /api/v1/apps: https://docs.joinmastodon.org/methods/apps/#create"""
    reply = await exchange(
        client,
        "POST",
        f"{server}/api/v1/apps",
        account_id=SIGN_IN,
        now=utc_now,
        json_body={
            "client_name": CLIENT_NAME,
            # A string, not the array newer specs show: every server takes a string, and
            # servers before Mastodon 4.3 (GoToSocial too) take nothing else.
            "redirect_uris": redirect_uri,
            "scopes": SCOPES,
            **({"website": WEBSITE} if WEBSITE else {}),
        },
    )
    app = Fields(reply.body, entity="Application", account_id=SIGN_IN)
    return MastodonApp(
        server=server,
        client_id=app.text("client_id"),
        client_secret=app.text("client_secret"),
        redirect_uri=redirect_uri,
    )


def authorize_url(app: MastodonApp, *, state: str) -> str:
    """The page where the user approves Pantau: https://docs.joinmastodon.org/methods/oauth/"""
    query = urlencode(
        {
            "response_type": "code",
            "client_id": app.client_id,
            "redirect_uri": app.redirect_uri,
            "scope": SCOPES,
            "state": state,
        }
    )
    return f"{app.server}/oauth/authorize?{query}"


async def exchange_code(client: httpx.AsyncClient, app: MastodonApp, code: str) -> str:
    """POST /oauth/token with the authorization code; returns the access token.

    The body is form-encoded, as RFC 6749 section 4.1.3 requires and every server accepts.
    """
    reply = await exchange(
        client,
        "POST",
        f"{app.server}/oauth/token",
        account_id=SIGN_IN,
        now=utc_now,
        form={
            "grant_type": "authorization_code",
            "code": code.strip(),
            "client_id": app.client_id,
            "client_secret": app.client_secret,
            "redirect_uri": app.redirect_uri,
            "scope": SCOPES,
        },
    )
    return Fields(reply.body, entity="Token", account_id=SIGN_IN).text("access_token")


async def account_from_token(client: httpx.AsyncClient, server: str, token: str) -> Account:
    """The signed-in account (verify_credentials), with no secret in it."""
    reply = await exchange(
        client,
        "GET",
        f"{server}/api/v1/accounts/verify_credentials",
        account_id=SIGN_IN,
        now=utc_now,
        secret=token,
    )
    host = mp.server_instance(server)
    person = mp.parse_account(reply.body, instance=host, account_id=SIGN_IN)
    username = Fields(reply.body, entity="Account", account_id=SIGN_IN).text("username")
    return Account(
        id=f"mastodon:{username}@{host}",
        network=Network.MASTODON,
        handle=person.handle,
        display_name=person.display_name,
        server=server,
        remote_id=person.remote_id,
        avatar_url=person.avatar_url,
    )
