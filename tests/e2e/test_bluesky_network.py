"""The local Bluesky network harness works end to end: posts with facets reach the AppView's
search and notifications, and DMs go through the REAL PDS proxy to the test chat service,
which checks inputs against the chat.bsky lexicons."""

from __future__ import annotations

import base64
import json
import secrets
import socket
import time
from datetime import UTC, datetime

import httpx
import pytest

from tests.bluesky_network import (
    BlueskyNetwork,
    Session,
    auth_headers,
    chat_headers,
    create_account,
    create_app_password,
    create_session,
    wait_until,
    xrpc_url,
)

Json = dict[str, object]
Param = str | int | list[str]


def _account(network: BlueskyNetwork, name: str) -> tuple[Session, str]:
    """A new account (fresh handle per call, so tests share the network freely) and its
    password."""
    handle = f"{name}{secrets.token_hex(3)}.test"
    password = secrets.token_urlsafe(12)
    return create_account(network, handle, f"{handle}@example.test", password), password


def _chat_session(network: BlueskyNetwork, name: str, *, privileged: bool = True) -> Session:
    """An account logged in with an app password, as Pantau signs in."""
    session, _ = _account(network, name)
    app_password = create_app_password(network, session, "pantau", privileged=privileged)
    return create_session(network, session.handle, app_password)


def _get(network: BlueskyNetwork, nsid: str, headers: dict[str, str], **params: Param) -> Json:
    response = httpx.get(xrpc_url(network.pds, nsid), params=params, headers=headers, timeout=30)
    assert response.status_code == 200, f"{nsid}: {response.status_code} {response.text}"
    body = response.json()
    assert isinstance(body, dict)
    return body


def _post(network: BlueskyNetwork, nsid: str, headers: dict[str, str], body: Json) -> Json:
    response = httpx.post(xrpc_url(network.pds, nsid), json=body, headers=headers, timeout=30)
    assert response.status_code == 200, f"{nsid}: {response.status_code} {response.text}"
    answer = response.json()
    assert isinstance(answer, dict)
    return answer


def _span(text: str, part: str) -> Json:
    """A facet index: UTF-8 byte offsets of `part` in `text`."""
    start = len(text[: text.index(part)].encode())
    return {"byteStart": start, "byteEnd": start + len(part.encode())}


def _items(body: Json, key: str) -> list[Json]:
    items = body[key]
    assert isinstance(items, list)
    return items


def _dict(value: object) -> Json:
    assert isinstance(value, dict), value
    return value


def test_post_with_facets_reaches_search_and_notifications(
    bluesky_network: BlueskyNetwork,
) -> None:
    network = bluesky_network
    alice, _ = _account(network, "alice")
    bob, _ = _account(network, "bob")
    word = f"antrean{secrets.token_hex(4)}"  # local search is a case-sensitive text match
    text = f"Halo @{bob.handle}, {word} di #KemalaJateng hari ini"
    facets = [
        {
            "index": _span(text, f"@{bob.handle}"),
            "features": [{"$type": "app.bsky.richtext.facet#mention", "did": bob.did}],
        },
        {
            "index": _span(text, "#KemalaJateng"),
            "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "KemalaJateng"}],
        },
    ]
    created = _post(
        network,
        "com.atproto.repo.createRecord",
        auth_headers(alice),
        {
            "repo": alice.did,
            "collection": "app.bsky.feed.post",
            "record": {
                "$type": "app.bsky.feed.post",
                "text": text,
                "facets": facets,
                "langs": ["id"],
                "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            },
        },
    )
    uri = created["uri"]

    def found() -> Json | None:
        # Production filters on `tag`; the local AppView ignores it and matches `q` only.
        body = _get(
            network, "app.bsky.feed.searchPosts", auth_headers(bob), q=word, tag="KemalaJateng"
        )
        return next((post for post in _items(body, "posts") if post["uri"] == uri), None)

    post = wait_until(found, deadline=15)
    author = post["author"]
    assert isinstance(author, dict)
    assert author["did"] == alice.did
    assert author["handle"] == alice.handle
    record = post["record"]
    assert isinstance(record, dict)
    assert record["text"] == text
    assert record["facets"] == facets
    # The search is really a text search: another word finds nothing.
    nothing = _get(network, "app.bsky.feed.searchPosts", auth_headers(bob), q=word.upper())
    assert _items(nothing, "posts") == []

    def mentioned() -> Json | None:
        body = _get(network, "app.bsky.notification.listNotifications", auth_headers(bob), limit=50)
        return next(
            (n for n in _items(body, "notifications") if n["uri"] == uri),
            None,
        )

    notification = wait_until(mentioned, deadline=15)
    assert notification["reason"] == "mention"
    by = notification["author"]
    assert isinstance(by, dict)
    assert by["did"] == alice.did
    assert notification["isRead"] is False


def test_chat_through_the_pds_proxy(bluesky_network: BlueskyNetwork) -> None:
    network = bluesky_network
    alice = _chat_session(network, "alice")
    bob = _chat_session(network, "bob")
    as_alice = chat_headers(network, alice)
    as_bob = chat_headers(network, bob)
    _post(
        network,
        "com.atproto.repo.putRecord",
        auth_headers(alice),
        {
            "repo": alice.did,
            "collection": "app.bsky.actor.profile",
            "rkey": "self",
            "record": {"$type": "app.bsky.actor.profile", "displayName": "Admin LPSE"},
        },
    )

    convo = _dict(
        _get(network, "chat.bsky.convo.getConvoForMembers", as_alice, members=[bob.did])["convo"]
    )
    convo_id = str(convo["id"])
    members = {m["did"]: (m["handle"], m.get("displayName")) for m in _items(convo, "members")}
    assert members == {alice.did: (alice.handle, "Admin LPSE"), bob.did: (bob.handle, None)}
    assert convo["unreadCount"] == 0
    # The same members always get the same convo, from either side.
    again = _get(network, "chat.bsky.convo.getConvoForMembers", as_bob, members=[alice.did])
    assert _dict(again["convo"])["id"] == convo_id
    # Bob sees nothing until there is a message.
    assert _items(_get(network, "chat.bsky.convo.listConvos", as_bob), "convos") == []

    text = "Halo Bob, berkas LPSE sudah diterima: https://lpse.example/123"
    link = {
        "index": _span(text, "https://lpse.example/123"),
        "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://lpse.example/123"}],
    }
    sent = _post(
        network,
        "chat.bsky.convo.sendMessage",
        as_alice,
        {"convoId": convo_id, "message": {"text": text, "facets": [link]}},
    )
    assert sent["text"] == text
    assert sent["sender"] == {"did": alice.did}
    assert sent["facets"] == [link]

    listed = _items(_get(network, "chat.bsky.convo.listConvos", as_bob), "convos")
    assert [c["id"] for c in listed] == [convo_id]
    assert listed[0]["unreadCount"] == 1
    assert listed[0]["status"] == "request"  # bob has not answered yet
    last = listed[0]["lastMessage"]
    assert isinstance(last, dict)
    assert last["$type"] == "chat.bsky.convo.defs#messageView"
    assert (last["id"], last["text"], last["sender"]) == (sent["id"], text, {"did": alice.did})
    unread = _get(network, "chat.bsky.convo.listConvos", as_bob, readState="unread")
    assert [c["id"] for c in _items(unread, "convos")] == [convo_id]
    # The sender has nothing unread.
    mine = _items(_get(network, "chat.bsky.convo.listConvos", as_alice), "convos")
    assert mine[0]["unreadCount"] == 0

    messages = _items(
        _get(network, "chat.bsky.convo.getMessages", as_bob, convoId=convo_id), "messages"
    )
    assert [(m["id"], m["text"]) for m in messages] == [(sent["id"], text)]

    read = _post(network, "chat.bsky.convo.updateRead", as_bob, {"convoId": convo_id})
    assert _dict(read["convo"])["unreadCount"] == 0
    listed = _items(_get(network, "chat.bsky.convo.listConvos", as_bob), "convos")
    assert listed[0]["unreadCount"] == 0
    unread = _get(network, "chat.bsky.convo.listConvos", as_bob, readState="unread")
    assert _items(unread, "convos") == []

    # Bob's answer accepts the convo and is unread for alice.
    _post(
        network,
        "chat.bsky.convo.sendMessage",
        as_bob,
        {"convoId": convo_id, "message": {"text": "Terima kasih"}},
    )
    listed = _items(_get(network, "chat.bsky.convo.listConvos", as_bob), "convos")
    assert listed[0]["status"] == "accepted"
    theirs = _get(network, "chat.bsky.convo.getConvo", as_alice, convoId=convo_id)["convo"]
    assert isinstance(theirs, dict)
    assert theirs["unreadCount"] == 1


def test_chat_pages_newest_first(bluesky_network: BlueskyNetwork) -> None:
    network = bluesky_network
    alice = _chat_session(network, "alice")
    bob = _chat_session(network, "bob")
    as_alice = chat_headers(network, alice)
    convo = _get(network, "chat.bsky.convo.getConvoForMembers", as_alice, members=[bob.did])
    convo_id = str(_dict(convo["convo"])["id"])
    texts = [f"pesan {n}" for n in range(5)]
    for text in texts:
        _post(
            network,
            "chat.bsky.convo.sendMessage",
            as_alice,
            {"convoId": convo_id, "message": {"text": text}},
        )
    seen: list[object] = []
    cursor: object = None
    for _ in range(5):
        params: dict[str, Param] = {"convoId": convo_id, "limit": 2}
        if cursor is not None:
            params["cursor"] = str(cursor)
        page = _get(network, "chat.bsky.convo.getMessages", as_alice, **params)
        seen += [m["text"] for m in _items(page, "messages")]
        cursor = page.get("cursor")
        if cursor is None:
            break
    assert seen == texts[::-1]
    listed = _get(network, "chat.bsky.convo.listConvos", chat_headers(network, bob))
    assert _items(listed, "convos")[0]["unreadCount"] == 5


def test_chat_service_validates_against_the_lexicons(bluesky_network: BlueskyNetwork) -> None:
    network = bluesky_network
    alice = _chat_session(network, "alice")
    bob = _chat_session(network, "bob")
    as_alice = chat_headers(network, alice)
    convo = _get(network, "chat.bsky.convo.getConvoForMembers", as_alice, members=[bob.did])
    convo_id = str(_dict(convo["convo"])["id"])

    no_text = httpx.post(
        xrpc_url(network.pds, "chat.bsky.convo.sendMessage"),
        json={"convoId": convo_id, "message": {}},
        headers=as_alice,
        timeout=30,
    )
    assert no_text.status_code == 400
    assert no_text.json()["error"] == "InvalidRequest"
    assert "text" in no_text.json()["message"]

    too_many = httpx.get(
        xrpc_url(network.pds, "chat.bsky.convo.getMessages"),
        params={"convoId": convo_id, "limit": 1000},  # the lexicon's maximum is 100
        headers=as_alice,
        timeout=30,
    )
    assert too_many.status_code == 400
    assert too_many.json()["error"] == "InvalidRequest"

    # Nothing was stored by the rejected call.
    listed = _get(network, "chat.bsky.convo.listConvos", chat_headers(network, bob))
    assert _items(listed, "convos") == []


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_chat_service_checks_the_service_auth_signature(bluesky_network: BlueskyNetwork) -> None:
    """Called directly, the chat service wants the PDS's signed service-auth JWT: none is 401,
    one with a forged signature is 401 too."""
    network = bluesky_network
    alice, _ = _account(network, "alice")
    url = xrpc_url(network.chat, "chat.bsky.convo.listConvos")
    assert httpx.get(url, timeout=30).status_code == 401
    claims = {
        "iss": alice.did,
        "aud": network.chat_did,
        "lxm": "chat.bsky.convo.listConvos",
        "exp": int(time.time()) + 60,
    }
    header = {"typ": "JWT", "alg": "ES256K"}
    forged = ".".join(
        [
            _b64url(json.dumps(header).encode()),
            _b64url(json.dumps(claims).encode()),
            _b64url(secrets.token_bytes(64)),
        ]
    )
    response = httpx.get(url, headers={"Authorization": f"Bearer {forged}"}, timeout=30)
    assert response.status_code == 401
    assert response.json()["error"] == "BadJwtSignature"


def test_chat_is_refused_without_dm_access(bluesky_network: BlueskyNetwork) -> None:
    """An app password without "allow access to direct messages" cannot reach the chat service:
    the PDS itself refuses (what Pantau must explain to the user)."""
    network = bluesky_network
    alice = _chat_session(network, "alice", privileged=False)
    response = httpx.get(
        xrpc_url(network.pds, "chat.bsky.convo.listConvos"),
        headers=chat_headers(network, alice),
        timeout=30,
    )
    assert response.status_code == 400
    assert response.json() == {"error": "InvalidToken", "message": "Bad token method"}
    # The same session may still read the AppView.
    timeline = httpx.get(
        xrpc_url(network.pds, "app.bsky.feed.getTimeline"),
        headers=auth_headers(alice),
        timeout=30,
    )
    assert timeline.status_code == 200


def _outward_address() -> str | None:
    """This machine's address on its default route (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only picks the route
        except OSError:
            return None
        address: str = probe.getsockname()[0]
    return None if address.startswith("127.") else address


@pytest.mark.parametrize("service", ["pds", "appview", "plc", "chat"])
def test_services_listen_on_loopback_only(bluesky_network: BlueskyNetwork, service: str) -> None:
    url = httpx.URL(getattr(bluesky_network, service))
    assert url.host == "127.0.0.1"
    assert url.port is not None
    with socket.create_connection(("127.0.0.1", url.port), timeout=5):
        pass
    outward = _outward_address()
    if outward is None:
        pytest.skip("no non-loopback address to try")
    with (
        pytest.raises(ConnectionRefusedError),
        socket.create_connection((outward, url.port), timeout=5),
    ):
        pass
