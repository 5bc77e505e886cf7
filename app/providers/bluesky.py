"""The Bluesky provider: home, mentions, hashtags, search, chat DMs, posting with facets.

Every call goes to the account's PDS, which serves app.bsky.* from its AppView and proxies
chat.bsky.* to the chat service named by the atproto-proxy header. Bluesky has no
scheduling API: scheduled posts use Pantau's local queue. API: https://docs.bsky.app/

The provider is split by job: bluesky_core (connection, facets, post views),
bluesky_publish (posting, media) and bluesky_chat (direct messages, threads).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import ClassVar

import httpx

from app.model import (
    Account,
    FeedKind,
    FeedSpec,
    Network,
    Person,
    Post,
    TagMatch,
)
from app.providers import bluesky_parse as bp
from app.providers.base import (
    Cursor,
    Page,
    ParseError,
    Provider,
    Rejected,
    TokenGetter,
    TokenSaver,
    register,
)
from app.providers.bluesky_chat import BlueskyChat
from app.providers.bluesky_core import CURSOR, MAX_PAGE, iso
from app.providers.bluesky_publish import BlueskyPublishing
from app.providers.fields import Fields, tags_match
from app.providers.http import Params

MAX_GAP_PAGES = 5  # pages walked down to the newest cached item on one refresh
MENTION_REASONS = ("mention", "reply", "quote")
_SINCE = "since:"
_UNTIL = "until:"


def _time_cursor(prefix: str, at: datetime) -> Cursor:
    return Cursor(prefix + iso(at))


def _cursor_time(cursor: Cursor, prefix: str, account_id: str) -> datetime:
    text = cursor.value.removeprefix(prefix)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ParseError(account_id, "Cursor", "time", "unreadable cursor") from None


Listed = tuple[Post, datetime]
"""A post with the time its list is ordered by (a repost's or notification's time)."""


class BlueskyProvider(BlueskyChat, BlueskyPublishing):
    """One Bluesky account on its PDS."""

    network: ClassVar[Network] = Network.BLUESKY

    # --- reading -------------------------------------------------------------------------

    async def whoami(self) -> Person:
        body = await self._get("app.bsky.actor.getProfile", [("actor", await self._did())])
        return bp.parse_profile(body, account_id=self.account.id)

    # --- reach -----------------------------------------------------------------------------

    async def follower_count(self) -> int:
        body = await self._get("app.bsky.actor.getProfile", [("actor", await self._did())])
        return bp.parse_followers_count(body, account_id=self.account.id)

    async def own_posts(self, since: datetime, *, limit: int = 200) -> Sequence[Post]:
        """The account's posts and replies made since `since`, newest first, from its
        author feed (whose postViews carry the counts). Reposts are left out, the
        account's own reposts of its posts too: the post itself is listed at its own time."""
        me = await self._did()
        found: dict[str, Post] = {}
        opaque = ""
        asked: set[str] = set()
        while len(found) < limit:
            params = [("actor", me), ("filter", "posts_with_replies"), ("limit", str(MAX_PAGE))]
            if opaque:
                params.append(("cursor", opaque))
            body = await self._get("app.bsky.feed.getAuthorFeed", params)
            items, older = bp.parse_author_feed(body, account_id=self.account.id)
            reached = False
            for item in items:
                if item.at is not None and item.at < since:
                    reached = True  # the feed is in time order: what follows is older
                post = item.post
                if item.reason == bp.REASON_REPOST or post.author.remote_id != me:
                    continue
                if post.created_at >= since:  # a pinned post, listed first, may be older
                    found.setdefault(post.remote_id, post)
            if reached or older is None or not items or older.value in asked:
                break
            asked.add(older.value)
            opaque = older.value
        posts = sorted(found.values(), key=lambda p: p.created_at, reverse=True)
        return posts[: max(limit, 0)]

    async def feed(
        self, spec: FeedSpec, *, cursor: Cursor | None = None, limit: int = 40
    ) -> Page[Post]:
        """A page of home, mentions, a hashtag, a search or the DMs' last messages.

        Bluesky lists page only backwards (an opaque cursor). Pantau's `newer` cursor is a
        time: following it walks down from the top until the newest cached item."""
        limit = max(1, min(limit, MAX_PAGE))
        if spec.kind is FeedKind.CONVERSATIONS:
            convos = await self.conversations(cursor=cursor)
            posts = [c.last_post for c in convos.items if c.last_post is not None]
            return Page(posts, convos.older, convos.newer)
        if spec.kind in (FeedKind.TAG, FeedKind.SEARCH):
            return await self._search_feed(spec, cursor, limit)
        if cursor is not None and cursor.value.startswith(_SINCE):
            since = _cursor_time(cursor, _SINCE, self.account.id)
            return await self._walk_down(spec, since, limit)
        opaque = cursor.value.removeprefix(CURSOR) if cursor is not None else ""
        listed, older = await self._list_page(spec, opaque, limit)
        return self._listed_page(listed, older, first=cursor is None)

    def _listed_page(
        self, listed: Sequence[Listed], older: Cursor | None, *, first: bool
    ) -> Page[Post]:
        newest = max((at for _, at in listed), default=None)
        return Page(
            [post for post, _ in listed],
            Cursor(CURSOR + older.value) if older is not None else None,
            _time_cursor(_SINCE, newest) if first and newest is not None else None,
        )

    async def _walk_down(self, spec: FeedSpec, since: datetime, limit: int) -> Page[Post]:
        found: list[Listed] = []
        opaque = ""
        for _ in range(MAX_GAP_PAGES):
            listed, older = await self._list_page(spec, opaque, limit)
            found += [item for item in listed if item[1] > since]
            if older is None or any(at <= since for _, at in listed) or not listed:
                break
            opaque = older.value
        newest = max((at for _, at in found), default=since)
        return Page([post for post, _ in found], None, _time_cursor(_SINCE, newest))

    async def _list_page(
        self, spec: FeedSpec, opaque: str, limit: int
    ) -> tuple[list[Listed], Cursor | None]:
        paging = [("limit", str(limit)), *((("cursor", opaque),) if opaque else ())]
        if spec.kind is FeedKind.HOME:
            body = await self._get("app.bsky.feed.getTimeline", paging)
            return bp.parse_feed(body, account_id=self.account.id)
        if spec.kind is FeedKind.MENTIONS:
            return await self._mentions(paging)
        raise Rejected(self.account.id, f"no {spec.kind.value} feed on Bluesky")

    async def _mentions(self, paging: Params) -> tuple[list[Listed], Cursor | None]:
        params = [*paging, *(("reasons", r) for r in MENTION_REASONS)]
        body = await self._get("app.bsky.notification.listNotifications", params)
        notices, older = bp.parse_notifications(body, account_id=self.account.id)
        # A server that ignores `reasons` sends likes and follows too.
        wanted = [n for n in notices if n.reason in MENTION_REASONS and n.record is not None]
        views = await self._posts([n.uri for n in wanted])
        listed: list[Listed] = []
        for notice in wanted:
            post = views.get(notice.uri) or bp.notice_post(notice, account_id=self.account.id)
            if post is not None and post.remote_id not in {p.remote_id for p, _ in listed}:
                listed.append((post, notice.indexed_at))
        return listed, older

    # --- read position ---------------------------------------------------------------------

    def marked_feeds(self, feeds: Sequence[FeedSpec]) -> Sequence[FeedSpec]:
        """Bluesky keeps one read position, for notifications (a time: `seenAt`)."""
        return [f for f in feeds if f.kind is FeedKind.MENTIONS]

    async def _recent_notices(self) -> tuple[list[bp.Notice], datetime | None]:
        params = [("limit", str(MAX_PAGE)), *(("reasons", r) for r in MENTION_REASONS)]
        body = await self._get("app.bsky.notification.listNotifications", params)
        notices, _ = bp.parse_notifications(body, account_id=self.account.id)
        seen = Fields(body, entity="Notifications", account_id=self.account.id)
        try:
            seen_at = seen.time("seenAt") if seen.optional_text("seenAt") else None
        except ParseError:
            seen_at = None
        wanted = [n for n in notices if n.reason in MENTION_REASONS and n.record is not None]
        return wanted, seen_at

    async def read_markers(self, feeds: Sequence[FeedSpec]) -> Mapping[str, str]:
        """The newest mention seen (on any device) by the time the server has."""
        marked = self.marked_feeds(feeds)
        if not marked:
            return {}
        notices, seen_at = await self._recent_notices()
        read = [n for n in notices if seen_at is not None and n.indexed_at <= seen_at]
        if not read:
            return {}
        newest = max(read, key=lambda n: n.indexed_at)
        return {feed.key: newest.uri for feed in marked}

    async def save_read_markers(self, marks: Mapping[FeedSpec, str]) -> None:
        """Notifications are seen up to the time of the mention read down to."""
        uris = {uri for feed, uri in marks.items() if feed.kind is FeedKind.MENTIONS}
        if not uris:
            return
        notices, _ = await self._recent_notices()
        times = [n.indexed_at for n in notices if n.uri in uris]
        if times:
            await self._post("app.bsky.notification.updateSeen", {"seenAt": iso(max(times))})

    # --- search and hashtags -------------------------------------------------------------

    def _queries(self, spec: FeedSpec) -> list[Params]:
        """searchPosts queries for a column: Bluesky ANDs the `tag` parameters of one
        query, so an ANY column over several tags asks once per tag. `q` is required; the
        tag's own text ("#KemalaJateng") finds the posts wherever `tag` is not honoured."""
        if spec.kind is FeedKind.SEARCH:
            query = spec.query.strip()
            return [[("q", query)]] if query else []
        spelled: dict[str, str] = {}
        for tag in spec.tags:
            clean = tag.strip().lstrip("#＃")
            if clean:
                spelled.setdefault(clean.casefold(), clean)
        tags = list(spelled.values())
        if not tags:
            return []
        if spec.match is TagMatch.ANY:
            return [[("q", f"#{t}"), ("tag", t)] for t in tags]
        return [[("q", " ".join(f"#{t}" for t in tags)), *(("tag", t) for t in tags)]]

    async def _search_feed(self, spec: FeedSpec, cursor: Cursor | None, limit: int) -> Page[Post]:
        """Search pages by time windows (`until` older, `since` newer) rather than opaque
        cursors, so the pages of several queries merge without gaps or repeats."""
        queries = self._queries(spec)
        if not queries:
            return Page([])
        since = until = None
        if cursor is not None and cursor.value.startswith(_SINCE):
            since = _cursor_time(cursor, _SINCE, self.account.id)
        elif cursor is not None and cursor.value.startswith(_UNTIL):
            until = _cursor_time(cursor, _UNTIL, self.account.id)
        window: list[tuple[str, str]] = [("sort", "latest"), ("limit", str(limit))]
        if since is not None:
            window.append(("since", iso(since)))
        if until is not None:
            window.append(("until", iso(until)))
        merged: dict[str, Listed] = {}
        cut: datetime | None = None  # older than this, some query may not have said all
        for query in queries:
            body = await self._get("app.bsky.feed.searchPosts", [*query, *window])
            found, _ = bp.parse_search(body, account_id=self.account.id)
            times = [self._listed_time(view, post) for post, view in found]
            for (post, view), at in zip(found, times, strict=True):
                # A server may ignore since/until and the tag filter: check both here.
                if (since is not None and at <= since) or (until is not None and at >= until):
                    continue
                if spec.kind is FeedKind.TAG and not tags_match(
                    spec, bp.post_view_tags(view, account_id=self.account.id)
                ):
                    continue
                merged.setdefault(post.remote_id, (post, at))
            if len(found) >= limit and times:
                oldest = min(times)
                cut = oldest if cut is None else max(cut, oldest)
        listed = sorted(merged.values(), key=lambda item: item[1], reverse=True)
        if cut is not None:
            listed = [item for item in listed if item[1] >= cut]
        newest = max((at for _, at in listed), default=since)
        bottom = min((at for _, at in listed), default=None)
        # Older pages exist only below a full page; a `since` page never pages down.
        older = _time_cursor(_UNTIL, bottom) if cut is not None and bottom and not since else None
        newer = _time_cursor(_SINCE, newest) if newest is not None and until is None else None
        return Page([post for post, _ in listed], older, newer)

    def _listed_time(self, view: object, post: Post) -> datetime:
        try:
            return Fields(view, entity="PostView", account_id=self.account.id).time("indexedAt")
        except ParseError:
            return post.created_at


class BlueskyFactory:
    """Builds BlueskyProviders; sign-in lives in bluesky_auth."""

    network: ClassVar[Network] = Network.BLUESKY

    def create(
        self,
        account: Account,
        *,
        client: httpx.AsyncClient,
        get_token: TokenGetter,
        save_token: TokenSaver,
    ) -> Provider:
        return BlueskyProvider(account, client=client, get_token=get_token, save_token=save_token)


register(BlueskyFactory())
