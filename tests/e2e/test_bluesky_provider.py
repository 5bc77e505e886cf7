"""Pantau's Bluesky provider on the real local AT Protocol network: sign-in, columns filled
through the real PDS and AppView, replies with correct refs and facets, DMs through the PDS
chat proxy, silent token renewal and a clear end when the app password is revoked.

Citizens post with the atproto SDK (an implementation independent of Pantau's), and what
Pantau writes is checked against the SDK's lexicon models.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypeVar

import httpx
import pytest
from atproto import models
from atproto_client.exceptions import BadRequestError

from app.markers import ReadMarkers
from app.model import (
    Account,
    ColumnSpec,
    Draft,
    Engagement,
    Entry,
    FeedKind,
    FeedSpec,
    OutboxAction,
    OutboxState,
    Post,
    TagMatch,
)
from app.outbox import OutboxSender
from app.providers import bluesky_auth
from app.providers.base import AuthExpired, DirectMessagesNotAllowed, Provider
from app.providers.bluesky import BlueskyProvider
from app.providers.bluesky_xrpc import Session as PantauSession
from app.providers.bluesky_xrpc import jwt_claims
from app.store import Store
from app.sync import SyncEngine
from tests.bluesky_network import (
    BlueskyNetwork,
    Session,
    auth_headers,
    chat_headers,
    create_app_password,
    create_session,
    wait_until,
    xrpc_url,
)
from tests.bluesky_people import DEADLINE, PNG, Person, person, post_with_facets, record_of

T = TypeVar("T")
JWT_SECRET = b"jwt-secret"  # @atproto/dev-env's PDS signs access tokens with this (HS256)


@dataclass
class Keyring:
    """The account's secret as the keyring would hold it; what was saved, in order."""

    secrets: list[str] = field(default_factory=list)

    async def get(self) -> str:
        return self.secrets[-1]

    async def save(self, secret: str) -> None:
        self.secrets.append(secret)


@dataclass
class Desk:
    network: BlueskyNetwork
    admin: Person
    warga1: Person
    warga2: Person
    app_password: str


@pytest.fixture(scope="module")
def desk(bluesky_network: BlueskyNetwork) -> Desk:
    admin = person(bluesky_network, "lpse-admin")
    warga1 = person(bluesky_network, "warga1")
    warga2 = person(bluesky_network, "warga2")
    app_password = create_app_password(bluesky_network, admin.session, "pantau", privileged=True)
    admin.client.follow(warga1.did)
    return Desk(bluesky_network, admin, warga1, warga2, app_password)


def run(coro: Awaitable[T]) -> T:
    async def main() -> T:
        return await coro

    return asyncio.run(main())


async def poll(probe: Callable[[], Awaitable[T | None]], what: str) -> T:
    """The AppView indexes a new post within ~0.1-1 s: ask again until a deadline."""
    loop = asyncio.get_running_loop()
    end = loop.time() + DEADLINE
    while True:
        value = await probe()
        if value:
            return value
        if loop.time() > end:
            raise AssertionError(f"{what}: not seen within {DEADLINE} s (last: {value!r})")
        await asyncio.sleep(0.1)


def sign_in(
    desk: Desk, app_password: str | None = None, *, who: Person | None = None
) -> tuple[Account, Keyring]:
    """Pantau's sign-in as the office (`who`, by default the desk's admin)."""
    who = who or desk.admin

    async def go() -> tuple[Account, PantauSession]:
        async with httpx.AsyncClient() as client:
            return await bluesky_auth.sign_in(
                client,
                identifier=f"@{who.handle}",
                app_password=app_password or desk.app_password,
                service=desk.network.pds,
            )

    account, session = run(go())
    return account, Keyring([session.to_secret()])


def provider(
    account: Account, keyring: Keyring, clock: Callable[[], datetime] | None = None
) -> BlueskyProvider:
    return BlueskyProvider(
        account,
        client=httpx.AsyncClient(timeout=30),
        get_token=keyring.get,
        save_token=keyring.save,
        **({"clock": clock} if clock else {}),
    )


class OneProvider:
    def __init__(self, made: Provider) -> None:
        self.made = made

    async def provider(self, account: Account) -> Provider:
        return self.made

    async def forget(self, account_id: str) -> None:
        return None

    async def aclose(self) -> None:
        await self.made.aclose()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "pantau.sqlite3")
    yield opened
    opened.close()


def texts(store: Store, spec: FeedSpec) -> list[str]:
    return [e.post.text for e in store.feed_entries([spec.key], before=None, limit=100)]


# --- sign-in ------------------------------------------------------------------------------


def test_sign_in_gives_the_account_on_its_pds_with_a_chat_capable_session(desk: Desk) -> None:
    account, keyring = sign_in(desk)
    assert account.id == f"bluesky:{desk.admin.did}"
    assert account.handle == desk.admin.handle
    assert account.server == desk.network.pds
    session = PantauSession.from_secret(keyring.secrets[0], account_id=account.id)
    assert session.privileged()
    assert desk.app_password not in keyring.secrets[0]  # the session is kept, not the password


def test_a_wrong_app_password_is_refused_as_a_sign_in_problem(desk: Desk) -> None:
    with pytest.raises(AuthExpired):
        sign_in(desk, "aaaa-bbbb-cccc-dddd")


# --- columns ------------------------------------------------------------------------------


def test_hashtag_mentions_and_home_columns_fill_through_the_real_appview(
    desk: Desk, store: Store
) -> None:
    admin = f"{desk.admin.did}|{desk.admin.handle}"
    mark = secrets.token_hex(3)
    post_with_facets(
        desk.warga1, ("text", f"Jalan berlubang di Jl. Pemuda {mark} "), ("tag", "KemalaJateng"),
        ("text", " "), ("mention", admin),
    )  # fmt: skip
    post_with_facets(
        desk.warga2, ("text", f"Lampu PJU mati {mark} "), ("tag", "LaporGub"), ("text", " "),
        ("mention", admin),
    )  # fmt: skip
    post_with_facets(
        desk.warga1, ("text", f"Banjir rob {mark} "), ("tag", "KemalaJateng"), ("text", " "),
        ("tag", "LaporGub"),
    )  # fmt: skip
    account, keyring = sign_in(desk)
    store.upsert_account(account)
    engine = SyncEngine(store=store, providers=OneProvider(provider(account, keyring)))
    tags = FeedSpec(account.id, FeedKind.TAG, tags=("KemalaJateng", "LaporGub"))
    mentions = FeedSpec(account.id, FeedKind.MENTIONS)
    home = FeedSpec(account.id, FeedKind.HOME)

    async def mine(spec: FeedSpec) -> list[str] | None:
        assert await engine.refresh([spec]) == {}
        found = [t for t in texts(store, spec) if mark in t]
        return found if len(found) >= {tags: 3, mentions: 2, home: 2}[spec] else None

    async def main() -> None:
        try:
            tagged = await poll(lambda: mine(tags), "hashtag column")
            # Both tags' posts, each once, the one with both tags too.
            assert sorted(t.split(mark)[0] for t in tagged) == [
                "Banjir rob ",
                "Jalan berlubang di Jl. Pemuda ",
                "Lampu PJU mati ",
            ]
            mentioned = await poll(lambda: mine(mentions), "mentions column")
            assert not any(t.startswith("Banjir") for t in mentioned)
            followed = await poll(lambda: mine(home), "home column")
            assert all(not t.startswith("Lampu") for t in followed)  # warga2 is not followed
        finally:
            await engine.aclose()

    run(main())
    [entry] = [
        e for e in store.feed_entries([mentions.key], before=None, limit=50)
        if e.post.text.startswith("Lampu") and mark in e.post.text
    ]  # fmt: skip
    assert entry.post.author.handle == desk.warga2.handle
    assert 'href="https://bsky.app/hashtag/LaporGub"' in entry.post.html
    assert f'href="https://bsky.app/profile/{desk.admin.did}"' in entry.post.html


def test_an_all_column_asks_for_both_tags_and_keeps_only_posts_with_both(desk: Desk) -> None:
    account, keyring = sign_in(desk)
    mark = secrets.token_hex(3)
    post_with_facets(desk.warga2, ("text", f"Sampah {mark} "), ("tag", "KemalaJateng"))
    both = post_with_facets(
        desk.warga2, ("tag", "KemalaJateng"), ("text", " "), ("tag", "LaporGub"),
        ("text", f" sampah {mark}"),
    )  # fmt: skip
    spec = FeedSpec(account.id, FeedKind.TAG, tags=("KemalaJateng", "LaporGub"), match=TagMatch.ALL)
    bluesky = provider(account, keyring)

    async def main() -> list[str]:
        try:

            async def found() -> list[str] | None:
                page = await bluesky.feed(spec)
                return [p.remote_id for p in page.items if mark in p.text] or None

            return await poll(found, "ALL column")
        finally:
            await bluesky.aclose()

    # The local AppView's search is a case-sensitive text match on q ("#KemalaJateng
    # #LaporGub" as typed) and ignores `tag`; production ANDs the tags. Either way the
    # column keeps only the post carrying both tags.
    assert run(main()) == [both]


# --- reach --------------------------------------------------------------------------------


def test_reach_counts_followers_and_what_citizens_did_with_the_office_s_posts(
    desk: Desk,
) -> None:
    # An office account of its own: nothing else in this module posts as it or follows it.
    office = person(desk.network, "humas")
    office.client.follow(desk.warga1.did)
    office.client.follow(desk.warga2.did)  # whom it follows is not its reach
    desk.warga2.client.follow(office.did)
    office.client.send_post("Rekap bulan lalu")  # before the period
    now = datetime.now(UTC)
    # The AppView keeps times to the millisecond: a post made within the same one counts.
    since = now.replace(microsecond=now.microsecond // 1000 * 1000)
    mark = secrets.token_hex(3)
    news = office.client.send_post(f"Pengumuman: layanan SPSE libur 25 Desember {mark}")
    news_ref = models.create_strong_ref(news)
    theirs = desk.warga1.client.send_post(f"Jembatan Kaligawe sudah diperbaiki {mark}")
    office.client.repost(theirs.uri, theirs.cid)  # a repost of someone else's post
    desk.warga1.client.like(news.uri, news.cid)
    desk.warga1.client.repost(news.uri, news.cid)
    question = desk.warga1.client.send_post(
        "Apakah pengaduan tetap dilayani?",
        reply_to=models.AppBskyFeedPost.ReplyRef(parent=news_ref, root=news_ref),
    )
    desk.warga2.client.send_post(  # a quote: counted with the reposts
        f"Catat ya {mark}", embed=models.AppBskyEmbedRecord.Main(record=news_ref)
    )
    answer = office.client.send_post(
        "Pengaduan tetap dilayani lewat pesan.",
        reply_to=models.AppBskyFeedPost.ReplyRef(
            parent=models.create_strong_ref(question), root=news_ref
        ),
    )
    desk.warga2.client.like(answer.uri, answer.cid)
    app_password = create_app_password(desk.network, office.session, "pantau")
    account, keyring = sign_in(desk, app_password, who=office)
    bluesky = provider(account, keyring)
    expected = {
        answer.uri: Engagement(likes=1),
        news.uri: Engagement(replies=1, reposts=2, likes=1),
    }

    seen: list[dict[str, Engagement | None]] = []

    async def counted() -> list[Post] | None:
        posts = list(await bluesky.own_posts(since))
        seen.append({p.remote_id: p.engagement for p in posts})
        return posts if seen[-1] == expected else None

    async def followers() -> int | None:
        return await bluesky.follower_count() or None

    async def main() -> tuple[int, list[Post], list[Post]]:
        try:
            try:
                posts = await poll(counted, "own posts with their counts")
            except AssertionError:
                raise AssertionError(f"expected {expected}, last seen {seen[-1]}") from None
            newest = list(await bluesky.own_posts(since, limit=1))
            return await poll(followers, "followers"), posts, newest
        finally:
            await bluesky.aclose()

    follower_count, posts, newest = run(main())
    assert follower_count == 1
    assert [p.remote_id for p in posts] == [answer.uri, news.uri]  # newest first
    assert all(p.author.remote_id == office.did for p in posts)
    assert posts[0].reply_to_id == question.uri
    assert [p.remote_id for p in newest] == [answer.uri]


# --- writing ------------------------------------------------------------------------------


def test_a_reply_carries_root_and_parent_refs_and_resolved_facets(desk: Desk) -> None:
    account, keyring = sign_in(desk)
    question = desk.warga1.client.send_post(
        f"Jalan rusak di Kudus, lapor ke mana? {secrets.token_hex(2)}"
    )
    bluesky = provider(account, keyring)
    answer_text = (
        f"@{desk.warga1.handle} Sudah diteruskan ke Dinas PU 👍🏽 #KemalaJateng "
        "https://lpse.jatengprov.go.id/eproc4"
    )

    async def main() -> tuple[str, str]:
        try:
            first = await bluesky.publish(
                Draft(account.id, answer_text, in_reply_to=question.uri), idempotency_key="r1"
            )
            second = await bluesky.publish(
                Draft(account.id, "Nomor tiketnya KJ-1024.", in_reply_to=first.remote_id),
                idempotency_key="r2",
            )
            return first.remote_id, second.remote_id
        finally:
            await bluesky.aclose()

    first_uri, second_uri = run(main())
    first = record_of(desk.network, first_uri)
    models.AppBskyFeedPost.Record.model_validate(first)  # valid under the lexicon
    reply = first["reply"]
    assert isinstance(reply, dict)
    assert reply["root"] == {"uri": question.uri, "cid": question.cid}
    assert reply["parent"] == {"uri": question.uri, "cid": question.cid}
    facets = first["facets"]
    assert isinstance(facets, list)
    features = {f["features"][0]["$type"].rsplit("#", 1)[1]: f for f in facets}
    assert features["mention"]["features"][0]["did"] == desk.warga1.did
    raw = answer_text.encode()
    span = features["mention"]["index"]
    assert raw[span["byteStart"] : span["byteEnd"]].decode() == f"@{desk.warga1.handle}"
    span = features["tag"]["index"]
    assert raw[span["byteStart"] : span["byteEnd"]].decode() == "#KemalaJateng"
    assert features["link"]["features"][0]["uri"] == "https://lpse.jatengprov.go.id/eproc4"
    # A reply to the reply keeps the citizen's question as its root.
    second = record_of(desk.network, second_uri)
    second_reply = second["reply"]
    assert isinstance(second_reply, dict)
    assert second_reply["root"] == {"uri": question.uri, "cid": question.cid}
    assert isinstance(second_reply["parent"], dict)
    assert second_reply["parent"]["uri"] == first_uri

    # And the citizen sees it in the thread.
    def replies() -> list[str]:
        try:
            thread = desk.warga1.client.get_post_thread(question.uri).thread
        except BadRequestError:  # not indexed yet
            return []
        return [r.post.uri for r in thread.replies or ()]

    assert wait_until(replies, deadline=DEADLINE) == [first_uri]


def own_posts_with(desk: Desk, text: str) -> int:
    response = httpx.get(
        xrpc_url(desk.network.pds, "com.atproto.repo.listRecords"),
        params={"repo": desk.admin.did, "collection": "app.bsky.feed.post", "limit": 50},
    )
    return sum(1 for r in response.json()["records"] if r["value"]["text"] == text)


def test_a_retried_post_lands_once_in_the_same_process_and_after_a_restart(desk: Desk) -> None:
    account, keyring = sign_in(desk)
    text = f"Pengumuman: SPSE pemeliharaan Sabtu 22.00 WIB {secrets.token_hex(2)}"
    started = datetime.now(UTC)

    async def main() -> list[str]:
        first_run = provider(account, keyring)
        restarted = provider(account, keyring)
        try:
            a = await first_run.publish(Draft(account.id, text), idempotency_key="k1")
            b = await first_run.publish(
                Draft(account.id, text), idempotency_key="k1", retry_since=started
            )
            c = await restarted.publish(
                Draft(account.id, text), idempotency_key="k1", retry_since=started
            )
            return [a.remote_id, b.remote_id, c.remote_id]
        finally:
            await first_run.aclose()
            await restarted.aclose()

    uris = run(main())
    assert len(set(uris)) == 1
    assert own_posts_with(desk, text) == 1


# --- direct messages ----------------------------------------------------------------------


def chat(desk: Desk, citizen: Person) -> Session:
    """The citizen in their own app, signed in with a chat-enabled app password."""
    app_password = create_app_password(desk.network, citizen.session, secrets.token_hex(3))
    return create_session(desk.network, citizen.handle, app_password)


def chat_call(
    desk: Desk, session: Session, method: str, nsid: str, **kw: object
) -> dict[str, object]:
    response = httpx.request(
        method, xrpc_url(desk.network.pds, nsid), headers=chat_headers(desk.network, session),
        timeout=30, **kw,  # type: ignore[arg-type]
    )  # fmt: skip
    assert response.status_code == 200, f"{nsid}: {response.status_code} {response.text}"
    body = response.json()
    assert isinstance(body, dict)
    return body


def test_direct_messages_go_through_the_pds_chat_proxy(desk: Desk, store: Store) -> None:
    citizen = chat(desk, desk.warga2)
    convo = chat_call(
        desk, citizen, "GET", "chat.bsky.convo.getConvoForMembers",
        params={"members": [desk.admin.did]},
    )["convo"]  # fmt: skip
    assert isinstance(convo, dict)
    convo_id = str(convo["id"])
    question = f"NIK saya tidak terdaftar di SIKaP {secrets.token_hex(2)}"
    chat_call(
        desk, citizen, "POST", "chat.bsky.convo.sendMessage",
        json={"convoId": convo_id, "message": {"text": question}},
    )  # fmt: skip
    account, keyring = sign_in(desk)
    store.upsert_account(account)
    bluesky = provider(account, keyring)
    engine = SyncEngine(store=store, providers=OneProvider(bluesky))
    feed = FeedSpec(account.id, FeedKind.CONVERSATIONS)
    answer = f"@{desk.warga2.handle} Silakan kirim foto KTP lewat pesan ini."

    async def main() -> list[str]:
        try:
            assert await engine.refresh([feed]) == {}
            [row] = [
                e for e in store.conversation_entries([feed.key], before=None, limit=20)
                if e.post.text == question
            ]  # fmt: skip
            assert row.unread
            assert [p.handle for p in row.participants] == [desk.warga2.handle]
            remote = store.conversation_remote_id(row.entry_id)
            assert remote == convo_id
            thread = await bluesky.thread(convo_id)
            sent = await bluesky.send_direct(
                convo_id, Draft(account.id, answer), idempotency_key="d1"
            )
            assert sent.conversation_id == convo_id
            await bluesky.mark_read(convo_id)
            return [p.text for p in thread]
        finally:
            await engine.aclose()

    assert run(main()) == [question]
    messages = chat_call(
        desk, citizen, "GET", "chat.bsky.convo.getMessages", params={"convoId": convo_id}
    )["messages"]  # fmt: skip
    assert isinstance(messages, list)
    assert [m["text"] for m in messages[:2]] == [answer, question]  # newest first
    mention = messages[0]["facets"][0]
    assert mention["features"][0]["did"] == desk.warga2.did
    mine = chat_call(
        desk, create_session(desk.network, desk.admin.handle, desk.app_password), "GET",
        "chat.bsky.convo.getConvo", params={"convoId": convo_id},
    )["convo"]  # fmt: skip
    assert isinstance(mine, dict)
    assert mine["unreadCount"] == 0


def test_an_app_password_without_chat_access_says_so(desk: Desk) -> None:
    plain = create_app_password(desk.network, desk.admin.session, "no-dm", privileged=False)
    account, keyring = sign_in(desk, plain)
    bluesky = provider(account, keyring)

    async def main() -> None:
        try:
            await bluesky.conversations()
        finally:
            await bluesky.aclose()

    with pytest.raises(DirectMessagesNotAllowed):
        run(main())


# --- sessions -----------------------------------------------------------------------------


def expired_copy(token: str) -> str:
    """The same access token as the PDS would sign it, but expired an hour ago."""
    claims = dict(jwt_claims(token))
    now = int(datetime.now(UTC).timestamp())
    claims.update(iat=now - 7200, exp=now - 3600)

    def part(data: object) -> bytes:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=")

    signing = part({"typ": "at+jwt", "alg": "HS256"}) + b"." + part(claims)
    signature = base64.urlsafe_b64encode(
        hmac.new(JWT_SECRET, signing, hashlib.sha256).digest()
    ).rstrip(b"=")
    return (signing + b"." + signature).decode()


def test_an_access_token_the_server_calls_expired_is_renewed_silently(desk: Desk) -> None:
    account, keyring = sign_in(desk)
    session = PantauSession.from_secret(keyring.secrets[0], account_id=account.id)
    stale = PantauSession(
        session.did, session.handle, expired_copy(session.access_jwt), session.refresh_jwt
    )
    keyring.secrets.append(stale.to_secret())
    # A clock two hours behind: Pantau thinks the token fresh, the server does not.
    bluesky = provider(account, keyring, clock=lambda: datetime.now(UTC) - timedelta(hours=2))

    async def main() -> str:
        try:
            return (await bluesky.whoami()).handle
        finally:
            await bluesky.aclose()

    assert run(main()) == desk.admin.handle
    assert len(keyring.secrets) == 3  # the renewed session went back to the keyring
    renewed = PantauSession.from_secret(keyring.secrets[-1], account_id=account.id)
    assert renewed.refresh_jwt != session.refresh_jwt  # refresh tokens rotate


def test_a_revoked_app_password_pauses_the_account_and_keeps_the_unsent_reply(
    desk: Desk, store: Store
) -> None:
    revocable = create_app_password(desk.network, desk.admin.session, "revoked-soon")
    account, keyring = sign_in(desk, revocable)
    store.upsert_account(account)
    main_session = create_session(desk.network, desk.admin.handle, desk.admin.password)
    response = httpx.post(
        xrpc_url(desk.network.pds, "com.atproto.server.revokeAppPassword"),
        json={"name": "revoked-soon"},
        headers=auth_headers(main_session),
    )
    assert response.status_code == 200, response.text
    session = PantauSession.from_secret(keyring.secrets[-1], account_id=account.id)
    keyring.secrets.append(
        PantauSession(
            session.did, session.handle, expired_copy(session.access_jwt), session.refresh_jwt
        ).to_secret()
    )
    bluesky = provider(account, keyring)
    engine = SyncEngine(store=store, providers=OneProvider(bluesky))
    sender = OutboxSender(store=store, providers=OneProvider(bluesky))
    mentions = FeedSpec(account.id, FeedKind.MENTIONS)
    reply = Draft(account.id, "Baik, kami cek ke Dinas PU hari ini.")
    item = sender.queue(reply, OutboxAction.POST)

    async def main() -> None:
        try:
            errors = await engine.refresh([mentions])
            assert isinstance(errors[mentions.key], AuthExpired)
            with pytest.raises(AuthExpired):
                await sender.send(item)
        finally:
            await engine.aclose()

    run(main())
    stored = store.account(account.id)
    assert stored is not None
    assert stored.problem == "auth"  # the columns say "sign in again"
    [kept] = [i for i in store.outbox() if i.id == item.id]
    assert kept.state is OutboxState.FAILED
    assert json.loads(kept.payload)["text"] == reply.text  # nothing typed is lost


def test_a_post_with_an_image_keeps_its_alt_text(desk: Desk) -> None:
    account, keyring = sign_in(desk)
    bluesky = provider(account, keyring)
    text = f"Peta titik banjir hari ini {secrets.token_hex(2)}"

    async def main() -> str:
        try:
            media = await bluesky.upload_media(
                PNG, filename="peta.png", mime_type="image/png", description="Peta banjir Semarang"
            )
            post = await bluesky.publish(
                Draft(account.id, text, media_ids=(media,), language="id"), idempotency_key="m1"
            )
            return post.remote_id
        finally:
            await bluesky.aclose()

    uri = run(main())
    record = record_of(desk.network, uri)
    models.AppBskyFeedPost.Record.model_validate(record)
    assert record["langs"] == ["id"]
    embed = record["embed"]
    assert isinstance(embed, dict)
    assert embed["$type"] == "app.bsky.embed.images"
    [image] = embed["images"]
    assert image["alt"] == "Peta banjir Semarang"
    assert image["image"]["mimeType"] == "image/png"


def test_a_search_column_finds_posts_by_their_words(desk: Desk) -> None:
    account, keyring = sign_in(desk)
    word = f"Lubang{secrets.token_hex(3)}"
    desk.warga2.client.send_post(f"{word} di depan Pasar Johar, mohon diperbaiki")
    spec = FeedSpec(account.id, FeedKind.SEARCH, query=word)
    bluesky = provider(account, keyring)

    async def main() -> list[str]:
        try:

            async def found() -> list[str] | None:
                return [p.text for p in (await bluesky.feed(spec)).items] or None

            return await poll(found, "search column")
        finally:
            await bluesky.aclose()

    assert run(main()) == [f"{word} di depan Pasar Johar, mohon diperbaiki"]


class _Site(BaseHTTPRequestHandler):
    """An office web page with OpenGraph tags, and its logo."""

    def do_GET(self) -> None:
        if self.path == "/logo.png":
            self._send(PNG, "image/png")
        elif self.path == "/lelang":
            page = (
                "<html><head><title>ignored</title>"
                '<meta property="og:title" content="Lelang Jalan Provinsi 2027">'
                '<meta property="og:description" content="Paket pekerjaan Bina Marga">'
                '<meta property="og:image" content="/logo.png"></head><body>…</body></html>'
            )
            self._send(page.encode(), "text/html; charset=utf-8")
        else:
            self.send_error(404)

    def _send(self, data: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        return None  # quiet


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_link_gets_a_card_with_the_page_title_description_and_image(
    desk: Desk, site: str
) -> None:
    account, keyring = sign_in(desk)
    bluesky = provider(account, keyring)
    text = f"Pengumuman lelang: {site}/lelang"

    async def main() -> str:
        try:
            return (await bluesky.publish(Draft(account.id, text), idempotency_key="c1")).remote_id
        finally:
            await bluesky.aclose()

    record = record_of(desk.network, run(main()))
    models.AppBskyFeedPost.Record.model_validate(record)
    embed = record["embed"]
    assert isinstance(embed, dict)
    assert embed["$type"] == "app.bsky.embed.external"
    external = embed["external"]
    assert external["uri"] == f"{site}/lelang"
    assert external["title"] == "Lelang Jalan Provinsi 2027"
    assert external["description"] == "Paket pekerjaan Bina Marga"
    assert external["thumb"]["mimeType"] == "image/png"


def test_reading_mentions_marks_notifications_seen_and_follows_other_devices(
    desk: Desk, store: Store
) -> None:
    account, keyring = sign_in(desk)
    store.upsert_account(account)
    bluesky = provider(account, keyring)
    providers = OneProvider(bluesky)
    engine = SyncEngine(store=store, providers=providers)
    markers = ReadMarkers(store=store, providers=providers)
    mentions = FeedSpec(account.id, FeedKind.MENTIONS)
    column = store.add_column(ColumnSpec("mentions", account.id)).spec.id
    assert column is not None
    admin = f"{desk.admin.did}|{desk.admin.handle}"
    mark = secrets.token_hex(3)

    def unread() -> int:
        session = create_session(desk.network, desk.admin.handle, desk.app_password)
        response = httpx.get(
            xrpc_url(desk.network.pds, "app.bsky.notification.getUnreadCount"),
            headers=auth_headers(session),
        )
        return int(response.json()["count"])

    async def mentioned(count: int) -> list[Entry] | None:
        assert await engine.refresh([mentions]) == {}
        rows = [
            e for e in store.feed_entries([mentions.key], before=None, limit=50)
            if mark in e.post.text
        ]  # fmt: skip
        return rows if len(rows) >= count else None

    async def main() -> None:
        try:
            post_with_facets(desk.warga1, ("text", f"Mohon info {mark} "), ("mention", admin))
            [top] = await poll(lambda: mentioned(1), "first mention")
            assert unread() >= 1
            await markers.push([mentions], top.key)  # the admin read the column in Pantau
            assert unread() == 0
            # A new mention, read in the Bluesky app on a phone: Pantau follows.
            post_with_facets(desk.warga2, ("text", f"Susulan {mark} "), ("mention", admin))
            rows = await poll(lambda: mentioned(2), "second mention")
            phone = create_session(desk.network, desk.admin.handle, desk.admin.password)
            httpx.post(
                xrpc_url(desk.network.pds, "app.bsky.notification.updateSeen"),
                json={"seenAt": datetime.now(UTC).isoformat().replace("+00:00", "Z")},
                headers=auth_headers(phone),
            ).raise_for_status()
            moved = await markers.pull(column, [mentions])
            assert moved == rows[0].key  # the newest, read elsewhere
        finally:
            await engine.aclose()

    run(main())
