"""MastodonProvider against the stateful fake server: feeds, paging, writes, errors."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import httpx
import pytest

from app.model import (
    Account,
    Draft,
    Engagement,
    FeedKind,
    FeedSpec,
    Network,
    TagMatch,
    Visibility,
)
from app.providers.base import (
    AuthExpired,
    Capability,
    Cursor,
    NotFound,
    Offline,
    ParseError,
    Provider,
    ProviderError,
    RateLimited,
    Rejected,
    ServerFault,
    SupportsDirectMessages,
    SupportsMedia,
    SupportsReach,
    SupportsServerSchedule,
    capabilities,
    factory_for,
)
from app.providers.mastodon import MastodonProvider
from app.store import Store
from app.sync import SyncEngine
from tests.mastodon_server import FakeMastodon, Fault, template

T = TypeVar("T")
ACCOUNT_ID = "mastodon:lpse_admin@sosmed.example"


def run(coro: Awaitable[T]) -> T:
    async def main() -> T:
        return await coro

    return asyncio.run(main())


def account(server: FakeMastodon, *, remote_id: str = "") -> Account:
    return Account(
        ACCOUNT_ID,
        Network.MASTODON,
        "lpse_admin",
        "Admin LPSE",
        server=server.base,
        remote_id=remote_id,
    )


def getter(token: str) -> Callable[[], Awaitable[str]]:
    async def get_token() -> str:
        return token

    return get_token


def provider_for(
    server: FakeMastodon,
    *,
    token: str | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    clock: Callable[[], datetime] | None = None,
    remote_id: str = "",
) -> MastodonProvider:
    client = httpx.AsyncClient(transport=transport or server.transport)
    get_token = getter(token if token is not None else server.token())
    signed_in = account(server, remote_id=remote_id)
    if clock is None:
        return MastodonProvider(signed_in, client=client, get_token=get_token, sleep=no_sleep)
    return MastodonProvider(
        signed_in, client=client, get_token=get_token, sleep=no_sleep, clock=clock
    )


async def no_sleep(_delay: float) -> None:
    return None


@pytest.fixture
def server() -> FakeMastodon:
    return FakeMastodon()


@pytest.fixture
def provider(server: FakeMastodon) -> MastodonProvider:
    return provider_for(server)


def spec(kind: FeedKind, **kwargs: object) -> FeedSpec:
    return FeedSpec(ACCOUNT_ID, kind, **kwargs)  # type: ignore[arg-type]


def last_query(server: FakeMastodon) -> list[tuple[str, str]]:
    return list(server.requests[-1].url.params.multi_items())


def sent_json(request: httpx.Request) -> dict[str, object]:
    data = json.loads(request.content)
    assert isinstance(data, dict)
    return data


# --- registry and capabilities ------------------------------------------------------------


def test_factory_is_registered_and_builds_a_full_provider(server: FakeMastodon) -> None:
    factory = factory_for(Network.MASTODON)
    assert factory is not None

    async def get_token() -> str:
        return server.token()

    async def save_token(_secret: str) -> None:
        raise AssertionError("Mastodon tokens are never refreshed")

    built: Provider = factory.create(
        account(server), client=server.client(), get_token=get_token, save_token=save_token
    )
    assert isinstance(built, MastodonProvider)
    assert isinstance(built, SupportsDirectMessages | SupportsServerSchedule | SupportsMedia)
    assert isinstance(built, SupportsReach)
    caps = capabilities(built)
    assert Capability.DIRECT_MESSAGES in caps
    assert Capability.SERVER_SCHEDULE in caps
    assert Capability.MEDIA in caps
    assert built.instance == "sosmed.example"
    run(built.aclose())


def test_whoami(provider: MastodonProvider) -> None:
    me = run(provider.whoami())
    assert me.handle == "lpse_admin"
    assert me.display_name == "Admin LPSE Jawa Tengah"
    assert me.instance == "sosmed.example"


# --- feeds --------------------------------------------------------------------------------


def test_home_dedupes_gotosocial_repeats_and_shows_followed_accounts() -> None:
    server = FakeMastodon(home_duplicates=True)
    server.post_as("warga1", "Lampu PJU mati #KemalaJateng")
    server.post_as("warga1", "Jalan berlubang di Jl. Pemuda")
    server.post_as("warga2", "not followed")
    page = run(provider_for(server).feed(spec(FeedKind.HOME)))
    assert [p.text for p in page.items] == [
        "Jalan berlubang di Jl. Pemuda",
        "Lampu PJU mati #KemalaJateng",
    ]
    assert server.requests[-1].url.path == "/api/v1/timelines/home"
    assert ("limit", "40") in last_query(server)


def test_paging_older_and_newer_with_link_cursors(server: FakeMastodon) -> None:
    ids = [server.post_as("warga1", f"laporan {i}").id for i in range(5)]
    provider = provider_for(server)
    home = spec(FeedKind.HOME)
    first = run(provider.feed(home, limit=2))
    assert [p.remote_id for p in first.items] == [ids[4], ids[3]]
    assert first.older is not None
    assert first.newer is not None
    assert first.older.value == f"max_id:{ids[3]}"
    second = run(provider.feed(home, cursor=first.older, limit=2))
    assert [p.remote_id for p in second.items] == [ids[2], ids[1]]
    third = run(provider.feed(home, cursor=second.older, limit=2))
    assert [p.remote_id for p in third.items] == [ids[0]]
    end = run(provider.feed(home, cursor=third.older, limit=2))
    assert end.items == []
    assert end.older is None  # an empty page keeps no cursor: sync keeps the one it has
    assert end.newer is None
    # newer: min_id returns the posts directly above, oldest first of the gap
    new = [server.post_as("warga1", f"baru {i}").id for i in range(3)]
    gap = run(provider.feed(home, cursor=first.newer, limit=2))
    assert [p.remote_id for p in gap.items] == [new[1], new[0]]
    assert ("min_id", ids[4]) in last_query(server)
    assert gap.newer is not None
    rest = run(provider.feed(home, cursor=gap.newer, limit=2))
    assert [p.remote_id for p in rest.items] == [new[2]]


def test_mentions_use_bracketed_types_and_notification_cursors(server: FakeMastodon) -> None:
    server.post_as("warga1", "Tanya @lpse_admin soal SPSE")
    server.post_as("warga2", "no mention here")
    server.post_as("warga2", "@lpse_admin dokumen saya ditolak")
    page = run(provider_for(server).feed(spec(FeedKind.MENTIONS)))
    assert ("types[]", "mention") in last_query(server)
    assert "types%5B%5D=mention" in str(server.requests[-1].url)
    assert [p.author.handle for p in page.items] == ["warga2", "warga1"]
    notes = server.notifications[server.users["lpse_admin"].id]
    assert page.older is not None
    assert page.older.value == f"max_id:{notes[-1]['id']}"  # a notification id, not a status id
    assert page.older.value != f"max_id:{page.items[-1].remote_id}"


def test_direct_messages_stay_out_of_the_mentions_column(server: FakeMastodon) -> None:
    server.post_as("warga1", "@lpse_admin pertanyaan publik soal tender")
    server.post_as("warga2", "@lpse_admin ini rahasia: NPWP kami", visibility="direct")
    page = run(provider_for(server).feed(spec(FeedKind.MENTIONS)))
    assert [p.author.handle for p in page.items] == ["warga1"]
    assert page.older is not None  # the DM's notification still moves the cursor


def test_tag_feed_all_and_exclude_send_one_request_and_filter(server: FakeMastodon) -> None:
    both = server.post_as("warga2", "Trotoar tergenang #KemalaJateng #LPSE")
    server.post_as("warga1", "Jalan rusak #KemalaJateng")
    server.post_as("warga1", "Cuma #LPSE")
    spam = server.post_as("warga1", "Promo #KemalaJateng #spam")
    provider = provider_for(server)
    all_page = run(
        provider.feed(spec(FeedKind.TAG, tags=("KemalaJateng", "lpse"), match=TagMatch.ALL))
    )
    assert len(server.requests) == 1
    assert server.requests[-1].url.path == "/api/v1/timelines/tag/KemalaJateng"
    assert ("all[]", "lpse") in last_query(server)
    assert [p.remote_id for p in all_page.items] == [both.id]  # the server sent all three
    assert all_page.older is not None
    not_spam = run(provider.feed(spec(FeedKind.TAG, tags=("kemalajateng",), exclude=("Spam",))))
    assert ("none[]", "Spam") in last_query(server)
    assert spam.id not in {p.remote_id for p in not_spam.items}
    assert not_spam.items
    assert run(provider.feed(spec(FeedKind.TAG))).items == []


def test_any_column_reads_each_tag_and_pages_without_gaps_or_repeats() -> None:
    server = FakeMastodon(tag_filters=False)  # GoToSocial: any[] ignored (fixture 19)
    texts = ["#KemalaJateng", "#LPSE", "#KemalaJateng #LPSE", "#LPSE #spam", "#lain"]
    made = [server.post_as("warga1", f"laporan {i} {texts[i % 5]}") for i in range(14)]
    wanted = [s.id for s in reversed(made) if "spam" not in s.tags and "lain" not in s.tags]
    column = spec(FeedKind.TAG, tags=("KemalaJateng", "LPSE", "lpse"), exclude=("spam",))
    provider = provider_for(server)

    def page_of(cursor: Cursor | None) -> tuple[list[str], Cursor | None, Cursor | None]:
        sent = len(server.requests)
        page = run(provider.feed(column, cursor=cursor, limit=3))
        asked = server.requests[sent:]
        assert [r.url.path.rsplit("/", 1)[1] for r in asked] == ["KemalaJateng", "LPSE"]
        for request in asked:
            query = request.url.params
            assert query.get_list("none[]") == ["spam"]
            assert not query.get_list("any[]")
        return [p.remote_id for p in page.items], page.older, page.newer

    seen, older, newest = page_of(None)
    while older is not None:
        ids, older, _ = page_of(older)
        seen += ids
    assert seen == wanted  # tagged only #LPSE too, newest first, each once
    fresh = [server.post_as("warga2", f"baru {i} {texts[i % 3]}").id for i in range(7)]
    got: list[str] = []
    while newest is not None:
        ids, _, newest = page_of(newest)
        got = ids + got
    assert got == fresh[::-1]


def test_any_column_asks_for_its_tags_at_once() -> None:
    server = FakeMastodon()
    server.post_as("warga1", "satu #KemalaJateng")
    server.post_as("warga1", "dua #LPSE")
    arrived: list[str] = []
    both = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        arrived.append(request.url.path.rsplit("/", 1)[1])
        if len(arrived) == 2:
            both.set()
        await asyncio.wait_for(both.wait(), 2)  # one request after the other: times out
        return server.handle(request)

    provider = provider_for(server, transport=httpx.MockTransport(handler))
    page = run(provider.feed(spec(FeedKind.TAG, tags=("KemalaJateng", "LPSE"))))
    assert sorted(arrived) == ["KemalaJateng", "LPSE"]
    assert [p.text for p in page.items] == ["dua #LPSE", "satu #KemalaJateng"]


def test_any_column_fails_with_its_first_failing_tag() -> None:
    server = FakeMastodon()
    server.fail_next(status=503, path="/api/v1/timelines/tag/LPSE")
    server.fail_next(status=401, path="/api/v1/timelines/tag/RakornasLPSE")
    provider = provider_for(server)
    column = spec(FeedKind.TAG, tags=("KemalaJateng", "LPSE", "RakornasLPSE"))
    with pytest.raises(ServerFault):
        run(provider.feed(column))


def test_tag_feed_on_a_server_that_honours_filters() -> None:
    server = FakeMastodon(tag_filters=True)
    lpse = server.post_as("warga1", "Cuma #LPSE")
    page = run(provider_for(server).feed(spec(FeedKind.TAG, tags=("KemalaJateng", "LPSE"))))
    assert [p.remote_id for p in page.items] == [lpse.id]


def test_search_pages_with_max_id(server: FakeMastodon) -> None:
    found = [server.post_as("warga1", f"dokumen penawaran {i}").id for i in range(3)]
    server.post_as("warga1", "lain")
    provider = provider_for(server)
    page = run(provider.feed(spec(FeedKind.SEARCH, query=" dokumen "), limit=2))
    query = dict(last_query(server))
    assert server.requests[-1].url.path == "/api/v2/search"
    assert query["q"] == "dokumen"
    assert query["type"] == "statuses"
    assert query["resolve"] == "false"
    assert [p.remote_id for p in page.items] == [found[2], found[1]]
    more = run(provider.feed(spec(FeedKind.SEARCH, query="dokumen"), cursor=page.older, limit=2))
    assert [p.remote_id for p in more.items] == [found[0]]
    assert run(provider.feed(spec(FeedKind.SEARCH, query="  "))).items == []


def test_search_on_a_server_that_ignores_max_id_has_no_older_page(server: FakeMastodon) -> None:
    first = server.post_as("warga1", "dokumen")
    server.post_as("warga1", "dokumen lagi")

    def ignore_max_id(request: httpx.Request) -> httpx.Response:
        params = [(k, v) for k, v in request.url.params.multi_items() if k != "max_id"]
        url = request.url.copy_with(params=params)
        return server.handle(httpx.Request(request.method, url, headers=request.headers))

    provider = provider_for(server, transport=httpx.MockTransport(ignore_max_id))
    cursor = Cursor(f"max_id:{first.id}")
    page = run(provider.feed(spec(FeedKind.SEARCH, query="dokumen"), cursor=cursor))
    assert page.items
    assert page.older is None


def test_conversations_feed_shows_last_messages(server: FakeMastodon) -> None:
    server.post_as("warga2", "@lpse_admin akun saya terkunci", visibility="direct")
    page = run(provider_for(server).feed(spec(FeedKind.CONVERSATIONS)))
    assert [p.text for p in page.items] == ["@lpse_admin akun saya terkunci"]
    assert page.items[0].visibility is Visibility.DIRECT


# --- posting ------------------------------------------------------------------------------


def test_publish_sends_explicit_visibility_and_idempotency_key(
    server: FakeMastodon, provider: MastodonProvider
) -> None:
    target = server.post_as("warga1", "Jalan rusak #KemalaJateng")
    draft = Draft(ACCOUNT_ID, "@warga1 Sudah kami teruskan ke Dinas PU.", in_reply_to=target.id)
    post = run(provider.publish(draft, idempotency_key="key-1"))
    request = server.requests[-1]
    assert request.headers["Idempotency-Key"] == "key-1"
    assert request.headers["Authorization"] == f"Bearer {server.token()}"
    assert sent_json(request) == {
        "status": "@warga1 Sudah kami teruskan ke Dinas PU.",
        "visibility": "public",
        "in_reply_to_id": target.id,
    }
    assert post.visibility is Visibility.PUBLIC
    assert post.reply_to_id == target.id
    assert post.author.handle == "lpse_admin"


def test_publish_with_spoiler_media_and_unlisted(
    server: FakeMastodon, provider: MastodonProvider
) -> None:
    media = run(
        provider.upload_media(b"png", filename="a.png", mime_type="image/png", description="foto")
    )
    draft = Draft(
        ACCOUNT_ID,
        "Kecelakaan",
        visibility=Visibility.UNLISTED,
        spoiler="CW",
        media_ids=(media,),
        language="id",
    )
    post = run(provider.publish(draft, idempotency_key="key-2"))
    assert sent_json(server.requests[-1]) == {
        "status": "Kecelakaan",
        "visibility": "unlisted",
        "spoiler_text": "CW",
        "sensitive": True,
        "media_ids": [media],
        "language": "id",
    }
    assert post.spoiler == "CW"
    assert [m.description for m in post.media] == ["foto"]


@pytest.mark.parametrize("honour", [False, True])
def test_retry_after_a_lost_answer_posts_once(honour: bool) -> None:
    server = FakeMastodon(honour_idempotency=honour)
    provider = provider_for(server)
    draft = Draft(ACCOUNT_ID, "Pengumuman: server LPSE dipelihara malam ini")
    server.fail_next(exc=httpx.ReadTimeout, after=True, path="/api/v1/statuses")
    with pytest.raises(Offline):
        run(provider.publish(draft, idempotency_key="key-3"))
    assert len(server.statuses) == 1  # the server did post it; only the answer was lost
    post = run(provider.publish(draft, idempotency_key="key-3"))
    assert len(server.statuses) == 1
    assert post.remote_id == next(iter(server.statuses))
    own = [r for r in server.requests if r.url.path.endswith("/statuses") and r.method == "GET"]
    assert own  # the retry looked among the account's own statuses first


def test_retry_after_a_request_that_never_arrived_posts(server: FakeMastodon) -> None:
    server.post_as("lpse_admin", "Halo")  # the same words, posted long before this draft
    an_hour_on = datetime.now(UTC) + timedelta(hours=1)
    provider = provider_for(server, clock=lambda: an_hour_on)
    draft = Draft(ACCOUNT_ID, "Halo")
    server.fail_next(exc=httpx.ConnectError, path="/api/v1/statuses")
    with pytest.raises(Offline):
        run(provider.publish(draft, idempotency_key="key-4"))
    post = run(provider.publish(draft, idempotency_key="key-4"))
    assert len(server.statuses) == 2  # the old "Halo" predates the first try: not ours
    assert post.remote_id == max(server.statuses)


def test_gotosocial_posts_twice_without_the_check() -> None:
    server = FakeMastodon(honour_idempotency=False)
    draft = Draft(ACCOUNT_ID, "sekali saja")
    run(provider_for(server).publish(draft, idempotency_key="same"))
    run(provider_for(server).publish(draft, idempotency_key="same"))  # a new provider: no memory
    assert len(server.statuses) == 2  # what fixtures 43/44 recorded, and why publish() checks


# --- scheduling ---------------------------------------------------------------------------


def test_schedule_too_soon_is_rejected_with_the_server_message(
    provider: MastodonProvider,
) -> None:
    at = datetime.now(UTC) + timedelta(minutes=1)
    with pytest.raises(Rejected) as caught:
        run(provider.schedule(Draft(ACCOUNT_ID, "Terlalu cepat"), at, idempotency_key="s1"))
    assert caught.value.detail == "scheduled_at must be at least 5 minutes in the future"


def test_schedule_in_the_past_is_refused_before_sending(
    server: FakeMastodon, provider: MastodonProvider
) -> None:
    at = datetime.now(UTC) - timedelta(minutes=1)
    with pytest.raises(Rejected):
        run(provider.schedule(Draft(ACCOUNT_ID, "kemarin"), at, idempotency_key="s0"))
    assert server.requests == []


def test_schedule_list_reschedule_cancel(server: FakeMastodon, provider: MastodonProvider) -> None:
    at = (datetime.now(UTC) + timedelta(minutes=10)).replace(microsecond=0)
    draft = Draft(ACCOUNT_ID, "Pemeliharaan server pukul 22.00 WIB #LPSE")
    made = run(provider.schedule(draft, at, idempotency_key="s2"))
    body = sent_json(server.requests[-1])
    assert body["scheduled_at"] == at.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert body["visibility"] == "public"
    assert made.text == draft.text
    assert made.scheduled_at == at
    assert made.remote_id
    assert [s.remote_id for s in run(provider.scheduled())] == [made.remote_id]
    later = at + timedelta(minutes=20)
    moved = run(provider.reschedule(made.remote_id, later))
    assert server.requests[-1].method == "PUT"
    assert moved.scheduled_at == later
    run(provider.cancel_scheduled(made.remote_id))
    assert run(provider.scheduled()) == []
    with pytest.raises(NotFound):
        run(provider.cancel_scheduled(made.remote_id))


def test_schedule_retry_finds_the_pending_post() -> None:
    server = FakeMastodon(honour_idempotency=False)
    provider = provider_for(server)
    at = datetime.now(UTC) + timedelta(hours=2)
    draft = Draft(ACCOUNT_ID, "Besok pagi")
    server.fail_next(exc=httpx.ReadTimeout, after=True, path="/api/v1/statuses")
    with pytest.raises(Offline):
        run(provider.schedule(draft, at, idempotency_key="s3"))
    again = run(provider.schedule(draft, at, idempotency_key="s3"))
    assert len(server.scheduled) == 1
    assert again.remote_id == next(iter(server.scheduled))


def test_scheduled_follows_pages(server: FakeMastodon, provider: MastodonProvider) -> None:
    at = datetime.now(UTC) + timedelta(hours=1)
    for i in range(45):
        run(provider.schedule(Draft(ACCOUNT_ID, f"post {i}"), at, idempotency_key=f"p{i}"))
    assert len(run(provider.scheduled())) == 45


# --- direct messages ----------------------------------------------------------------------


def test_conversations_thread_send_direct_and_mark_read(
    server: FakeMastodon, provider: MastodonProvider
) -> None:
    first = server.post_as("warga2", "@lpse_admin akun penyedia saya terkunci", visibility="direct")
    page = run(provider.conversations())
    [conv] = page.items
    assert conv.unread is True
    assert [p.handle for p in conv.participants] == ["warga2"]
    assert page.older is not None
    sent = run(
        provider.send_direct(
            conv.remote_id, Draft(ACCOUNT_ID, "Kirim NIB Anda."), idempotency_key="d1"
        )
    )
    body = sent_json(server.requests[-1])
    assert body == {
        "status": "@warga2 Kirim NIB Anda.",
        "visibility": "direct",
        "in_reply_to_id": first.id,
    }
    assert sent.visibility is Visibility.DIRECT
    thread = run(provider.thread(conv.remote_id))
    assert [p.remote_id for p in thread] == [first.id, sent.remote_id]
    run(provider.mark_read(conv.remote_id))
    assert server.requests[-1].url.path == f"/api/v1/conversations/{conv.remote_id}/read"
    [state] = server.conversations[server.users["lpse_admin"].id]
    assert state.unread is False


def test_send_direct_keeps_typed_mentions_and_reply_target(
    server: FakeMastodon, provider: MastodonProvider
) -> None:
    first = server.post_as("warga2", "@lpse_admin halo", visibility="direct")
    conv = run(provider.conversations()).items[0]
    draft = Draft(ACCOUNT_ID, "@Warga2 baik", in_reply_to=first.id)
    run(provider.send_direct(conv.remote_id, draft, idempotency_key="d2"))
    assert sent_json(server.requests[-1])["status"] == "@Warga2 baik"


def test_thread_keeps_replies_on_other_branches(
    server: FakeMastodon, provider: MastodonProvider
) -> None:
    first = server.post_as("warga2", "@lpse_admin akun terblokir", visibility="direct")
    ours = server.post_as(
        "lpse_admin", "@warga2 nama perusahaan?", visibility="direct", in_reply_to=first.id
    )
    last = server.post_as(
        "warga2", "@lpse_admin CV Maju", visibility="direct", in_reply_to=first.id
    )
    conv = run(provider.conversations()).items[0]
    thread = run(provider.thread(conv.remote_id))
    assert [p.remote_id for p in thread] == [first.id, ours.id, last.id]


def test_thread_of_an_unknown_id_is_not_found(provider: MastodonProvider) -> None:
    with pytest.raises(NotFound):
        run(provider.thread("01ZZZZZZZZZZZZZZZZZZZZZZZZ"))


# --- media --------------------------------------------------------------------------------


def test_upload_media_sends_file_and_description(
    server: FakeMastodon, provider: MastodonProvider
) -> None:
    media = run(
        provider.upload_media(
            b"\x89PNG",
            filename="jalan.png",
            mime_type="image/png",
            description="Lubang di Jl. Pemuda",
        )
    )
    request = server.requests[-1]
    assert request.url.path == "/api/v2/media"
    assert request.headers["content-type"].startswith("multipart/form-data")
    assert server.media[media]["description"] == "Lubang di Jl. Pemuda"


def test_upload_media_polls_until_processed() -> None:
    server = FakeMastodon(media_processing=2)
    media = run(
        provider_for(server).upload_media(
            b"v", filename="v.mp4", mime_type="video/mp4", description=""
        )
    )
    polls = [r for r in server.requests if r.url.path == f"/api/v1/media/{media}"]
    assert len(polls) == 3  # 206, 206, 200


def test_upload_media_gives_up_after_a_bound() -> None:
    server = FakeMastodon(media_processing=1000)
    with pytest.raises(ServerFault):
        run(
            provider_for(server).upload_media(
                b"v", filename="v.mp4", mime_type="video/mp4", description=""
            )
        )
    assert len(server.requests) < 20


# --- reach ---------------------------------------------------------------------------------

START = datetime(2026, 11, 1, tzinfo=UTC)


class Clock:
    """The fake server's clock, moved on by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def own_history(server: FakeMastodon, clock: Clock, hours: int) -> list[str]:
    """The admin posts once an hour for `hours` hours, boosting warga1 every tenth hour and
    warga1 posting in between; the admin's post ids, oldest first."""
    ids = []
    for hour in range(hours):
        clock.now = START + timedelta(hours=hour)
        ids.append(server.post_as("lpse_admin", f"Info layanan {hour}").id)
        if hour % 10 == 5:
            other = server.post_as("warga1", f"Laporan {hour}")
            server.boost("lpse_admin", other.id)
    return ids


def own_requests(server: FakeMastodon) -> list[httpx.Request]:
    return [r for r in server.requests if r.url.path.endswith("/statuses")]


def test_follower_count_of_the_signed_in_account(server: FakeMastodon) -> None:
    provider = provider_for(server)
    assert run(provider.follower_count()) == 0
    assert server.requests[-1].url.path == "/api/v1/accounts/verify_credentials"
    server.users["warga2"].follows.add(server.users["lpse_admin"].id)  # fixture 12
    assert run(provider.follower_count()) == 1
    server.set_followers("lpse_admin", 48_210)
    assert run(provider.follower_count()) == 48_210
    reach: SupportsReach = provider  # mypy checks the protocol, isinstance its methods
    assert isinstance(reach, SupportsReach)


@pytest.mark.parametrize("count", [-1, "48210", None, 1.5])
def test_follower_count_that_is_no_count_is_a_parse_error(count: object) -> None:
    account_json = {**template("75-ratelimit-headers-sample"), "followers_count": count}
    transport = httpx.MockTransport(lambda _r: httpx.Response(200, json=account_json))
    with pytest.raises(ParseError) as caught:
        run(provider_for(FakeMastodon(), transport=transport).follower_count())
    assert caught.value.field_name == "followers_count"
    assert caught.value.account_id == ACCOUNT_ID


def test_own_posts_page_back_to_since_without_boosts() -> None:
    clock = Clock()
    server = FakeMastodon(clock=clock)
    ids = own_history(server, clock, 100)
    clock.now = START + timedelta(days=5)
    server.post_as("warga1", "Terima kasih", in_reply_to=ids[99])
    server.favourite(ids[99])
    server.boost("warga2", ids[99])
    server.set_counts(ids[50], replies=3, reblogs=40, favourites=120)
    since = START + timedelta(hours=15)
    provider = provider_for(server, remote_id=server.users["lpse_admin"].id)
    posts = run(provider.own_posts(since))
    assert [p.remote_id for p in posts] == ids[:14:-1]  # hours 99 down to 15, newest first
    assert all(p.author.handle == "lpse_admin" for p in posts)
    assert posts[0].engagement == Engagement(replies=1, reposts=1, likes=1)
    assert posts[49].remote_id == ids[50]
    assert posts[49].engagement == Engagement(replies=3, reposts=40, likes=120)
    assert posts[-1].engagement == Engagement()
    asked = own_requests(server)
    # 40 a page: hours 99-60, 59-20, then 19-0, whose oldest is before `since`; no more.
    assert len(asked) == len(server.requests) == 3  # remote_id known: no verify_credentials
    own_path = f"/api/v1/accounts/{server.users['lpse_admin'].id}/statuses"
    for request, max_id in zip(asked, [None, ids[60], ids[20]], strict=True):
        query = request.url.params
        assert request.url.path == own_path
        assert query["exclude_reblogs"] == "true"
        assert query["limit"] == "40"
        assert query.get("max_id") == max_id  # from the Link header's next page


def test_own_posts_stop_at_the_limit_and_at_the_last_page() -> None:
    clock = Clock()
    server = FakeMastodon(clock=clock)
    ids = own_history(server, clock, 90)
    provider = provider_for(server)
    newest = run(provider.own_posts(START, limit=50))
    assert [p.remote_id for p in newest] == ids[:39:-1]
    assert server.requests[0].url.path == "/api/v1/accounts/verify_credentials"  # who am I?
    assert len(own_requests(server)) == 2
    server.requests.clear()
    everything = run(provider.own_posts(START - timedelta(days=1)))
    assert [p.remote_id for p in everything] == ids[::-1]
    # 40, 40, 10, then an empty page (GoToSocial links a next page even from the last);
    # the account's id is known by now
    assert len(server.requests) == len(own_requests(server)) == 4
    assert run(provider.own_posts(START, limit=0)) == []
    assert run(provider.own_posts(START + timedelta(days=30))) == []


def test_own_posts_drop_boosts_when_the_server_ignores_exclude_reblogs() -> None:
    clock = Clock()
    server = FakeMastodon(clock=clock)
    ids = own_history(server, clock, 30)
    boosted = {s.reblog_of.id for s in server.statuses.values() if s.reblog_of is not None}
    assert boosted

    def ignore_exclude_reblogs(request: httpx.Request) -> httpx.Response:
        params = [(k, v) for k, v in request.url.params.multi_items() if k != "exclude_reblogs"]
        url = request.url.copy_with(params=params)
        return server.handle(httpx.Request(request.method, url, headers=request.headers))

    transport = httpx.MockTransport(ignore_exclude_reblogs)
    posts = run(provider_for(server, transport=transport).own_posts(START))
    assert [p.remote_id for p in posts] == ids[::-1]
    assert not boosted & {p.remote_id for p in posts}


def test_own_posts_end_when_the_server_ignores_max_id() -> None:
    clock = Clock()
    server = FakeMastodon(clock=clock)
    ids = own_history(server, clock, 50)

    def ignore_max_id(request: httpx.Request) -> httpx.Response:
        params = [(k, v) for k, v in request.url.params.multi_items() if k != "max_id"]
        url = request.url.copy_with(params=params)
        return server.handle(httpx.Request(request.method, url, headers=request.headers))

    provider = provider_for(server, transport=httpx.MockTransport(ignore_max_id))
    posts = run(provider.own_posts(START))
    assert [p.remote_id for p in posts] == ids[:9:-1]  # the first page, once
    assert len(own_requests(server)) == 2


@pytest.mark.parametrize("status", [401, 403])
@pytest.mark.parametrize("call", ["follower_count", "own_posts", "own_posts_page_2"])
def test_reach_calls_map_a_refused_token_to_auth_expired(status: int, call: str) -> None:
    clock = Clock()
    server = FakeMastodon(clock=clock)
    own_history(server, clock, 45)
    pages = 0

    def refuse_page_2(request: httpx.Request) -> httpx.Response:
        nonlocal pages
        pages += request.url.path.endswith("/statuses")
        if pages == 2:  # the first page came, then the token was revoked
            server.fail_next(status=status)
        return server.handle(request)

    transport = httpx.MockTransport(refuse_page_2) if call == "own_posts_page_2" else None
    provider = provider_for(server, transport=transport, remote_id=server.users["lpse_admin"].id)
    if transport is None:
        server.fail_next(status=status)
    asked = provider.follower_count() if call == "follower_count" else provider.own_posts(START)
    with pytest.raises(AuthExpired) as caught:
        run(asked)
    assert caught.value.account_id == ACCOUNT_ID
    assert SECRET not in str(caught.value)
    pages_asked = {"follower_count": 0, "own_posts": 1, "own_posts_page_2": 2}
    assert len(own_requests(server)) == pages_asked[call]


# --- errors and secrets -------------------------------------------------------------------

SECRET = "tok-lpse_admin"


FAULTS: dict[str, Fault] = {
    "401": Fault(status=401),
    "403": Fault(status=403, body={"error": "Forbidden"}),
    "429": Fault(status=429),
    "500": Fault(status=500),
    "503-html": Fault(status=503, body="<html>down</html>"),
    "timeout": Fault(exc=httpx.ReadTimeout),
    "connect": Fault(exc=httpx.ConnectError),
    "protocol": Fault(exc=httpx.RemoteProtocolError),
}


EXPECTED: dict[str, type[ProviderError]] = {
    "401": AuthExpired,
    "403": AuthExpired,
    "429": RateLimited,
    "500": ServerFault,
    "503-html": ServerFault,
    "timeout": Offline,
    "connect": Offline,
    "protocol": Offline,
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_failures_map_to_types_and_never_show_the_token(
    case: str, server: FakeMastodon, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    provider = provider_for(server)
    server.faults.append(FAULTS[case])
    with pytest.raises(ProviderError) as caught:
        run(provider.feed(spec(FeedKind.HOME)))
    exc = caught.value
    assert type(exc) is EXPECTED[case]
    assert exc.account_id == ACCOUNT_ID
    for text in (str(exc), repr(exc), caplog.text, repr(provider), str(exc.__cause__)):
        assert SECRET not in text
    if isinstance(exc, RateLimited):
        assert exc.reset_at is not None
        assert exc.reset_at > datetime.now(UTC)


def test_not_found_and_bad_token(server: FakeMastodon) -> None:
    with pytest.raises(NotFound) as missing:
        run(provider_for(server).cancel_scheduled("nope"))
    assert missing.value.detail == "Not Found"
    with pytest.raises(AuthExpired) as refused:
        run(provider_for(server, token="thisisnotavalidtoken").whoami())
    assert refused.value.detail == "token not supplied"


def test_retry_after_header_when_no_rate_limit_headers(server: FakeMastodon) -> None:
    server.fail_next(status=429, headers={"Retry-After": "120"})
    with pytest.raises(RateLimited) as caught:
        run(provider_for(server).whoami())
    assert caught.value.reset_at is not None
    assert caught.value.reset_at - datetime.now(UTC) > timedelta(seconds=100)


def test_invalid_json_is_a_parse_error(server: FakeMastodon) -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(200, text="<html>not json</html>"))
    with pytest.raises(ParseError):
        run(provider_for(server, transport=transport).whoami())


def test_a_server_that_echoes_the_token_is_redacted(server: FakeMastodon) -> None:
    server.fail_next(status=400, body={"error": f"bad token {SECRET}"})
    with pytest.raises(Rejected) as caught:
        run(provider_for(server).whoami())
    assert SECRET not in str(caught.value)
    assert "[redacted]" in caught.value.detail


def test_rate_limit_is_read_from_every_response() -> None:
    server = FakeMastodon(rate_limit=True)
    provider = provider_for(server)
    assert provider.rate_limit() is None
    run(provider.whoami())
    rate = provider.rate_limit()
    assert rate is not None
    assert (rate.limit, rate.remaining) == (300, 299)
    assert rate.reset_at is not None


def test_token_is_fetched_for_every_request(server: FakeMastodon) -> None:
    tokens = iter([server.token(), "rotated"])

    async def get_token() -> str:
        return next(tokens)

    provider = MastodonProvider(account(server), client=server.client(), get_token=get_token)
    run(provider.whoami())
    with pytest.raises(AuthExpired):
        run(provider.whoami())
    assert server.requests[-1].headers["Authorization"] == "Bearer rotated"


# --- with the real sync engine and store --------------------------------------------------


class Providers:
    def __init__(self, provider: MastodonProvider) -> None:
        self._provider = provider

    async def provider(self, account: Account) -> Provider:
        return self._provider

    async def forget(self, account_id: str) -> None:
        await self._provider.aclose()

    async def aclose(self) -> None:
        await self._provider.aclose()


def test_sync_refresh_and_backfill_through_the_store(server: FakeMastodon, tmp_path: Path) -> None:
    for i in range(5):
        server.post_as("warga1", f"laporan {i} @lpse_admin")
    store = Store.open(tmp_path / "cache.sqlite")
    try:
        store.upsert_account(account(server))
        engine = SyncEngine(store=store, providers=Providers(provider_for(server)), page_size=3)
        mentions = spec(FeedKind.MENTIONS)
        assert run(engine.refresh([mentions])) == {}
        assert len(store.feed_entries([mentions.key], before=None, limit=10)) == 3
        assert run(engine.backfill([mentions])) == {}
        rows = store.feed_entries([mentions.key], before=None, limit=10)
        assert [e.post.text for e in rows] == [f"laporan {i} @lpse_admin" for i in range(4, -1, -1)]
        server.post_as("warga2", "baru @lpse_admin")
        assert run(engine.refresh([mentions])) == {}
        assert (
            store.feed_entries([mentions.key], before=None, limit=1)[0].post.text
            == "baru @lpse_admin"
        )
        run(engine.aclose())
    finally:
        store.close()
