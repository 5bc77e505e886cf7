"""Signing in to Bluesky with a handle and an app password (createSession).

The app password is sent once and never kept: the keyring holds the session (access and
refresh JWTs) that the provider refreshes. When the refresh token ends, the user signs in
with an app password again.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from app.model import Account, Network, Person
from app.providers import bluesky_parse as bp
from app.providers.base import NotFound, Rejected
from app.providers.bluesky_xrpc import Session, call
from app.providers.http import utc_now

DEFAULT_SERVICE = "https://bsky.social"
"""Bluesky's entryway: it signs in accounts of every Bluesky-run PDS."""

SIGN_IN = "sign-in"  # the account id named in errors before there is an account


def account_id(did: str) -> str:
    return f"bluesky:{did}"


def normalise_identifier(text: str) -> str:
    """A handle as typed ("@dinas.bsky.social", " Dinas.bsky.social ") or an email."""
    value = text.strip()
    if "@" in value.lstrip("@"):
        return value  # an email address signs in too
    return value.lstrip("@").lower()


def pds_endpoint(did_doc: object, fallback: str) -> str:
    """The account's own PDS from its DID document (service #atproto_pds): requests go
    there directly, not through the entryway. An unusable entry keeps `fallback`."""
    if not isinstance(did_doc, Mapping):
        return fallback
    services = did_doc.get("service")
    for service in services if isinstance(services, list) else ():
        if not isinstance(service, Mapping):
            continue
        if str(service.get("id", "")).endswith("#atproto_pds"):
            endpoint = service.get("serviceEndpoint")
            if isinstance(endpoint, str) and urlsplit(endpoint).scheme in ("https", "http"):
                return endpoint.rstrip("/")
    return fallback


async def sign_in(
    client: httpx.AsyncClient,
    *,
    identifier: str,
    app_password: str,
    service: str = DEFAULT_SERVICE,
) -> tuple[Account, Session]:
    """createSession, then the profile for the account's name and avatar. Raises
    AuthExpired for a wrong handle or password, Offline when the server is unreachable."""
    reply = await call(
        client,
        service,
        "POST",
        "com.atproto.server.createSession",
        account_id=SIGN_IN,
        now=utc_now,
        json_body={"identifier": normalise_identifier(identifier), "password": app_password},
    )
    session = Session.from_json(reply.body, account_id=SIGN_IN)
    did_doc = reply.body.get("didDoc") if isinstance(reply.body, Mapping) else None
    server = pds_endpoint(did_doc, service.rstrip("/"))
    try:
        profile = await call(
            client,
            server,
            "GET",
            "app.bsky.actor.getProfile",
            account_id=SIGN_IN,
            now=utc_now,
            token=session.access_jwt,
            params=[("actor", session.did)],
        )
        person = bp.parse_profile(profile.body, account_id=SIGN_IN)
    except (NotFound, Rejected):
        # A brand-new account the AppView has not indexed yet ("Profile not found"): the
        # handle stands in for the name until the next sign-in.
        person = Person(Network.BLUESKY, session.did, session.handle, session.handle)
    account = Account(
        id=account_id(session.did),
        network=Network.BLUESKY,
        handle=person.handle,
        display_name=person.display_name,
        server=server,
        remote_id=session.did,
        avatar_url=person.avatar_url,
    )
    return account, session
