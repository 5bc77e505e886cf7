"""Bluesky provider rules that need no network (the rest runs on the real local network in
tests/e2e/test_bluesky_provider.py)."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from atproto import models

from app.model import Account, Draft, Engagement, Network, Post, Visibility
from app.providers.base import (
    AttachmentTooLarge,
    ParseError,
    Rejected,
    ServerFault,
    SupportsReach,
    TooLong,
)
from app.providers.bluesky import BlueskyProvider
from app.providers.bluesky_publish import new_tid
from app.providers.bluesky_xrpc import Session

ACCOUNT = Account("bluesky:did:plc:lpse", Network.BLUESKY, "lpse.test", "LPSE", "http://pds.test")


def offline_provider(requests: list[httpx.Request]) -> BlueskyProvider:
    def refuse(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(500)

    async def token() -> str:
        return Session("did:plc:lpse", "lpse.test", "access", "refresh").to_secret()

    async def keep(_: str) -> None:
        return None

    client = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
    return BlueskyProvider(ACCOUNT, client=client, get_token=token, save_token=keep)


@pytest.mark.parametrize(
    ("draft", "error"),
    [
        (Draft(ACCOUNT.id, "Hanya untuk pengikut", visibility=Visibility.PRIVATE), Rejected),
        (Draft(ACCOUNT.id, "Tidak di linimasa", visibility=Visibility.UNLISTED), Rejected),
        (Draft(ACCOUNT.id, "🇮🇩" * 301), TooLong),
    ],
)
def test_what_bluesky_cannot_carry_is_refused_before_anything_is_sent(
    draft: Draft, error: type[Exception]
) -> None:
    requests: list[httpx.Request] = []
    provider = offline_provider(requests)

    async def main() -> None:
        try:
            await provider.publish(draft, idempotency_key="k")
        finally:
            await provider.aclose()

    with pytest.raises(error):
        asyncio.run(main())
    assert requests == []


def test_300_flags_are_300_graphemes_and_fit() -> None:
    requests: list[httpx.Request] = []
    provider = offline_provider(requests)

    async def main() -> None:
        try:
            await provider.publish(Draft(ACCOUNT.id, "🇮🇩" * 300), idempotency_key="k")
        finally:
            await provider.aclose()

    with pytest.raises(ServerFault):  # it got as far as the network (here: a 500)
        asyncio.run(main())
    assert [r.url.path for r in requests] == ["/xrpc/com.atproto.repo.createRecord"]


def test_record_keys_are_tids_that_sort_by_time() -> None:
    early = new_tid(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    late = new_tid(datetime(2026, 11, 23, 8, 0, 1, tzinfo=UTC))
    for tid in (early, late):
        assert re.fullmatch(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}", tid)
    assert early < late


def test_an_image_over_bluesky_s_1_mb_is_refused_before_uploading() -> None:
    requests: list[httpx.Request] = []
    provider = offline_provider(requests)

    async def main() -> None:
        try:
            await provider.upload_media(
                b"\0" * 1_000_001, filename="foto.jpg", mime_type="image/jpeg", description=""
            )
        finally:
            await provider.aclose()

    with pytest.raises(AttachmentTooLarge) as raised:
        asyncio.run(main())
    assert raised.value.limit == 1_000_000
    assert requests == []


# --- reach (follower count, own posts with their counts) ---------------------------------

ME = "did:plc:lpse"
CITIZEN = "did:plc:warga"
SINCE = datetime(2026, 11, 1, tzinfo=UTC)
CID = "bafyreicf5dxzpp3kvfe7trh4z4p6xi5sqidvoczpuxf52wsxjrpzsrsira"  # a recorded post's
REPOST = "app.bsky.feed.defs#reasonRepost"
Handler = Callable[[httpx.Request], httpx.Response]


def iso(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def person(did: str) -> dict[str, object]:
    return {"did": did, "handle": f"{did.rsplit(':', 1)[1]}.test"}


def item(
    did: str, rkey: str, days: float, *, reposted_by: str = "", reposted_days: float = 0.0,
    reason: str = "", **counts: int,
) -> dict[str, object]:  # fmt: skip
    """A feedViewPost of the post `rkey` by `did`, made `days` after SINCE (negative:
    before); reposted by someone, or listed for another `reason` ($type)."""
    at = iso(SINCE + timedelta(days=days))
    view: dict[str, object] = {
        "uri": f"at://{did}/app.bsky.feed.post/{rkey}",
        "cid": CID,
        "author": person(did),
        "record": {"$type": "app.bsky.feed.post", "text": f"post {rkey}", "createdAt": at},
        "indexedAt": at,
        **counts,  # replyCount, repostCount, likeCount, quoteCount
    }
    entry: dict[str, object] = {"post": view}
    if reposted_by:
        when = iso(SINCE + timedelta(days=reposted_days))
        entry["reason"] = {"$type": REPOST, "by": person(reposted_by), "indexedAt": when}
    elif reason:
        entry["reason"] = {"$type": reason}
    return entry


def feed_page(items: Sequence[dict[str, object]], cursor: str = "") -> httpx.Response:
    body: dict[str, object] = {"feed": list(items), **({"cursor": cursor} if cursor else {})}
    models.AppBskyFeedGetAuthorFeed.Response.model_validate(body)  # the lexicon's shape
    return httpx.Response(200, json=body)


def reach_provider(handler: Handler, saved: list[str] | None = None) -> BlueskyProvider:
    async def token() -> str:
        return Session(ME, "lpse.test", "access", "refresh").to_secret()

    async def keep(secret: str) -> None:
        if saved is not None:
            saved.append(secret)

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return BlueskyProvider(ACCOUNT, client=client, get_token=token, save_token=keep)


def own_posts(handler: Handler, *, limit: int = 200, saved: list[str] | None = None) -> list[Post]:
    provider = reach_provider(handler, saved)

    async def main() -> list[Post]:
        try:
            return list(await provider.own_posts(SINCE, limit=limit))
        finally:
            await provider.aclose()

    return asyncio.run(main())


def rkeys(posts: Sequence[Post]) -> list[str]:
    return [p.remote_id.rsplit("/", 1)[1] for p in posts]


def paged(pages: dict[str, httpx.Response], asked: list[dict[str, list[str]]]) -> Handler:
    """Author feed pages by the cursor asked for ('' for the first)."""

    def handle(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/xrpc/app.bsky.feed.getAuthorFeed"
        params = {k: request.url.params.get_list(k) for k in request.url.params}
        asked.append(params)
        return pages[request.url.params.get("cursor", "")]

    return handle


def test_the_provider_reports_reach() -> None:
    provider = reach_provider(lambda _: httpx.Response(500))
    reach: SupportsReach = provider  # mypy checks the signatures
    assert isinstance(reach, SupportsReach)
    asyncio.run(provider.aclose())


@pytest.mark.parametrize(("profile", "expected"), [({"followersCount": 7}, 7), ({}, 0)])
def test_follower_count_is_the_signed_in_profile_s(
    profile: dict[str, object], expected: int
) -> None:
    asked: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        asked.append(request)
        body = {**person(ME), "followsCount": 3, **profile}
        models.AppBskyActorDefs.ProfileViewDetailed.model_validate(body)
        return httpx.Response(200, json=body)

    provider = reach_provider(handle)

    async def main() -> int:
        try:
            return await provider.follower_count()
        finally:
            await provider.aclose()

    assert asyncio.run(main()) == expected
    [request] = asked
    assert request.url.path == "/xrpc/app.bsky.actor.getProfile"
    assert request.url.params.get("actor") == ME
    assert request.headers["Authorization"] == "Bearer access"


def test_own_posts_page_back_to_since_leaving_out_reposts() -> None:
    asked: list[dict[str, list[str]]] = []
    pages = {
        "": feed_page(
            [
                item(ME, "pinned", -30, reason="app.bsky.feed.defs#reasonPin"),
                item(ME, "newest", 9, replyCount=2, repostCount=1, likeCount=5, quoteCount=1),
                item(CITIZEN, "theirs", 2, reposted_by=ME, reposted_days=8),  # a repost
                item(ME, "reposted", 3, reposted_by=ME, reposted_days=7),  # listed again below
                item(ME, "reply", 6, likeCount=1),
            ],
            cursor="p2",
        ),
        "p2": feed_page(
            [
                item(ME, "reposted", 3, repostCount=1),
                item(ME, "first", 0),  # at `since` exactly: included
                item(ME, "october", -1),  # before `since`: the walk ends with this page
            ],
            cursor="p3",
        ),
    }
    posts = own_posts(paged(pages, asked))
    assert rkeys(posts) == ["newest", "reply", "reposted", "first"]  # newest first
    assert [p.engagement for p in posts] == [
        Engagement(replies=2, reposts=2, likes=5),  # a quote counts as a repost
        Engagement(likes=1),
        Engagement(reposts=1),
        Engagement(),  # absent counts are 0
    ]
    assert asked == [
        {"actor": [ME], "filter": ["posts_with_replies"], "limit": ["100"]},
        {"actor": [ME], "filter": ["posts_with_replies"], "limit": ["100"], "cursor": ["p2"]},
    ]


def test_own_posts_stop_at_the_limit_at_the_end_or_on_a_cursor_that_comes_back() -> None:
    asked: list[dict[str, list[str]]] = []
    pages = {
        "": feed_page([item(ME, "d", 9), item(ME, "c", 8)], cursor="p2"),
        "p2": feed_page([item(ME, "b", 7), item(ME, "a", 6)], cursor="p3"),
        "p3": feed_page([item(ME, "z", 5)], cursor="p3"),
    }
    assert rkeys(own_posts(paged(pages, asked), limit=3)) == ["d", "c", "b"]
    assert len(asked) == 2
    asked.clear()
    assert rkeys(own_posts(paged(pages, asked))) == ["d", "c", "b", "a", "z"]
    assert len(asked) == 3  # p3 again would repeat itself
    asked.clear()
    last = {"": feed_page([item(ME, "d", 9)])}  # no cursor: the end
    assert rkeys(own_posts(paged(last, asked))) == ["d"]
    assert rkeys(own_posts(paged({"": feed_page([], cursor="p2")}, asked))) == []
    assert len(asked) == 2
    assert own_posts(paged(pages, asked), limit=0) == []
    assert len(asked) == 2


def test_own_posts_renew_an_expired_token_on_the_way() -> None:
    saved: list[str] = []
    paths: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.path)
        if request.url.path.endswith("refreshSession"):
            assert request.headers["Authorization"] == "Bearer refresh"
            fresh = {"did": ME, "handle": "lpse.test", "accessJwt": "a2", "refreshJwt": "r2"}
            return httpx.Response(200, json=fresh)
        if request.headers["Authorization"] == "Bearer access":
            return httpx.Response(400, json={"error": "ExpiredToken", "message": "expired"})
        return feed_page([item(ME, "a", 1, likeCount=3)])

    [post] = own_posts(handle, saved=saved)
    assert post.engagement == Engagement(likes=3)
    assert [p.rsplit("/", 1)[1] for p in paths] == [
        "app.bsky.feed.getAuthorFeed",
        "com.atproto.server.refreshSession",
        "app.bsky.feed.getAuthorFeed",
    ]
    assert [json.loads(s)["accessJwt"] for s in saved] == ["a2"]


def test_a_count_that_is_not_a_count_is_a_parse_error() -> None:
    page = item(ME, "a", 1)
    post = page["post"]
    assert isinstance(post, dict)
    post["likeCount"] = -1
    with pytest.raises(ParseError) as raised:
        own_posts(lambda _: httpx.Response(200, json={"feed": [page]}))
    assert "likeCount" in str(raised.value)
