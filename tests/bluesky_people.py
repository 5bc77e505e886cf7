"""People on the local Bluesky network for end-to-end tests: accounts driven by the atproto
SDK (independent of Pantau's own code), and reading records back from a repository."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import httpx
from atproto import Client, client_utils

from tests.bluesky_network import (
    BlueskyNetwork,
    Session,
    auth_headers,
    create_account,
    wait_until,
    xrpc_url,
)

DEADLINE = 15.0  # seconds for the AppView to index what was just written
# A 1x1 PNG: enough for uploadBlob and an images embed.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@dataclass
class Person:
    session: Session
    password: str
    client: Client

    @property
    def did(self) -> str:
        return self.session.did

    @property
    def handle(self) -> str:
        return self.session.handle


def person(network: BlueskyNetwork, name: str) -> Person:
    handle = f"{name}-{secrets.token_hex(2)}.test"
    password = secrets.token_urlsafe(12)
    session = create_account(network, handle, f"{handle}@example.test", password)
    # The SDK reads the profile right after login: wait until the AppView has indexed it.
    wait_until(
        lambda: (
            httpx.get(
                xrpc_url(network.pds, "app.bsky.actor.getProfile"),
                params={"actor": session.did},
                headers=auth_headers(session),
            ).status_code
            == 200
        ),
        deadline=DEADLINE,
    )
    client = Client(base_url=f"{network.pds}/xrpc")
    client.login(handle, password)
    return Person(session, password, client)


def post_with_facets(author: Person, *parts: tuple[str, str]) -> str:
    """Post through the SDK: ("text", s), ("tag", name), ("mention", did:handle)."""
    builder = client_utils.TextBuilder()
    for kind, value in parts:
        if kind == "tag":
            builder.tag(f"#{value}", value)
        elif kind == "mention":
            did, handle = value.split("|")
            builder.mention(f"@{handle}", did)
        else:
            builder.text(value)
    return str(author.client.send_post(builder).uri)


def record_of(network: BlueskyNetwork, uri: str) -> dict[str, object]:
    repo, collection, rkey = uri.removeprefix("at://").split("/")
    response = httpx.get(
        xrpc_url(network.pds, "com.atproto.repo.getRecord"),
        params={"repo": repo, "collection": collection, "rkey": rkey},
    )
    assert response.status_code == 200, response.text
    value = response.json()["value"]
    assert isinstance(value, dict)
    return value
