"""The Mastodon-API provider (Mastodon, GoToSocial, Akkoma): feeds, posting, DMs, schedule."""

from __future__ import annotations

import asyncio
import dataclasses
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import ClassVar
from urllib.parse import quote

import httpx

from app.model import (
    Account,
    Conversation,
    Draft,
    FeedKind,
    FeedSpec,
    Network,
    Person,
    Post,
    ScheduledPost,
    TagMatch,
    Visibility,
)
from app.providers import mastodon_parse as mp
from app.providers import mastodon_stream as ms
from app.providers.base import (
    Cursor,
    NotFound,
    Page,
    Provider,
    RateLimit,
    Rejected,
    ServerFault,
    StreamEvent,
    TokenGetter,
    TokenSaver,
    register,
)
from app.providers.fields import Fields, tags_match
from app.providers.http import Clock, Params, Reply, utc_now
from app.providers.mastodon_http import Api, link_cursors
from app.text_length import DEFAULT_RULES, TextRules

Sleep = Callable[[float], Awaitable[None]]

MAX_PAGE = 40  # Mastodon caps timelines, conversations and search at 40 a page
OWN_RECENT = 20  # own statuses searched for a post an earlier attempt may have made
CLOCK_SKEW = timedelta(minutes=2)  # our clock against the server's, when matching a retry
REMEMBERED_KEYS = 256
MEDIA_POLL_DELAYS = (0.5, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 5.0, 5.0, 8.0)  # ~30 s in all
SCHEDULED_PAGES = 10  # 10 x 40 covers Mastodon's limit of 300 pending scheduled posts
# The mentions column reads notifications, so its position is the notifications marker.
MARKER_TIMELINES = {FeedKind.HOME: "home", FeedKind.MENTIONS: "notifications"}


def normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


class MastodonProvider:
    """One account on a Mastodon-API server. API: https://docs.joinmastodon.org/methods/"""

    network: ClassVar[Network] = Network.MASTODON

    def __init__(
        self,
        account: Account,
        *,
        client: httpx.AsyncClient,
        get_token: TokenGetter,
        clock: Clock = utc_now,
        sleep: Sleep = asyncio.sleep,
        ping: tuple[float, float] = (ms.PING_INTERVAL, ms.PING_TIMEOUT),
    ) -> None:
        self.account = account
        self.instance = mp.server_instance(account.server)
        self._client = client
        self._clock = clock
        self._sleep = sleep
        # Every request of this provider goes through its Api (see mastodon_http.exchange).
        self._api = Api(
            client, base=account.server, account_id=account.id, clock=clock, get_token=get_token
        )
        self._request = self._api.request
        self._me = account.remote_id
        # Idempotency-Key -> when it was first tried; see publish().
        self._attempts: OrderedDict[str, datetime] = OrderedDict()
        # What conversations() last said, for thread() and send_direct().
        self._conversations: dict[str, Conversation] = {}
        self._live = ms.LiveStreams(self._api, instance=self.instance, ping=ping)

    def __repr__(self) -> str:
        return f"<MastodonProvider {self.account.id}>"

    def rate_limit(self) -> RateLimit | None:
        return self._api.rate

    async def aclose(self) -> None:
        await self._client.aclose()

    def _statuses(self, body: object) -> list[Post]:
        return mp.parse_statuses(body, account_id=self.account.id, instance=self.instance)

    def _status(self, data: object) -> Post:
        return mp.parse_status(data, account_id=self.account.id, instance=self.instance)

    # --- reading -------------------------------------------------------------------------

    async def whoami(self) -> Person:
        me, _ = await self._verify_credentials()
        return me

    async def _verify_credentials(self) -> tuple[Person, object]:
        """The signed-in account (its id noted for later) and the Account JSON it came from."""
        reply = await self._request("GET", "/api/v1/accounts/verify_credentials")
        me = mp.parse_account(reply.body, instance=self.instance, account_id=self.account.id)
        self._me = me.remote_id
        return me, reply.body

    async def _my_id(self) -> str:
        """The signed-in account's id: Account.remote_id, or asked once when that is empty."""
        if not self._me:
            await self._verify_credentials()
        return self._me

    def _own_statuses_path(self, me: str) -> str:
        return f"/api/v1/accounts/{quote(me, safe='')}/statuses"

    async def feed(
        self, spec: FeedSpec, *, cursor: Cursor | None = None, limit: int = 40
    ) -> Page[Post]:
        """A page of home, mentions, a hashtag, a search or the DMs' last messages."""
        paging = [("limit", str(max(1, min(limit, MAX_PAGE)))), *mp.cursor_params(cursor)]
        if spec.kind is FeedKind.HOME:
            reply = await self._request("GET", "/api/v1/timelines/home", params=paging)
            posts = self._statuses(reply.body)
            return self._page(posts, reply, empty=not posts)
        if spec.kind is FeedKind.MENTIONS:
            return await self._mentions(paging)
        if spec.kind is FeedKind.TAG:
            return await self._tag(spec, cursor, limit)
        if spec.kind is FeedKind.SEARCH:
            return await self._search(spec, paging, cursor)
        conversations = await self.conversations(cursor=cursor)
        posts = [c.last_post for c in conversations.items if c.last_post is not None]
        return Page(posts, conversations.older, conversations.newer)

    def _page(self, items: Sequence[Post], reply: Reply, *, empty: bool) -> Page[Post]:
        """Items with the Link header's cursors; a page the server sent `empty` has none,
        so the caller keeps those it holds. (Items we filtered out still move them.)"""
        if empty:
            return Page(items)
        older, newer = link_cursors(reply.headers)
        return Page(items, older, newer)

    async def _mentions(self, paging: Params) -> Page[Post]:
        # `types[]` with brackets: GoToSocial silently ignores a plain `types` and returns
        # every notification (fixture 33); the cursors are notification ids.
        params = [*paging, ("types[]", "mention")]
        reply = await self._request("GET", "/api/v1/notifications", params=params)
        items = mp.json_list(reply.body, entity="Notification", account_id=self.account.id)
        parsed = (
            mp.parse_notification(n, account_id=self.account.id, instance=self.instance)
            for n in items
        )
        # A direct message notifies as a mention too; it belongs to the DM column only.
        posts = mp.unique_posts(
            p for p in parsed if p is not None and p.visibility is not Visibility.DIRECT
        )
        return self._page(posts, reply, empty=not items)

    async def _tag(self, spec: FeedSpec, cursor: Cursor | None, limit: int) -> Page[Post]:
        """One request on the first tag, with all[] and none[] for servers that honour
        them; an ANY column over several tags reads each tag instead (_any_tag)."""
        spelled: dict[str, str] = {}  # each tag once, as first spelled (names ignore case)
        for tag in spec.tags:
            spelled.setdefault(tag.casefold(), tag)
        tags = list(spelled.values())
        if not tags:
            return Page([])
        limit = max(1, min(limit, MAX_PAGE))
        if spec.match is TagMatch.ANY and len(tags) > 1:
            return await self._any_tag(spec, tags, cursor, limit)
        params = [
            ("limit", str(limit)),
            *mp.cursor_params(cursor),
            *(("all[]", t) for t in tags[1:]),
            *(("none[]", t) for t in spec.exclude),
        ]
        reply = await self._tag_timeline(tags[0], params)
        items = mp.dedupe_by_id(
            mp.json_list(reply.body, entity="Status", account_id=self.account.id)
        )
        return self._page(self._tagged(spec, items), reply, empty=not items)

    async def _any_tag(
        self, spec: FeedSpec, tags: Sequence[str], cursor: Cursor | None, limit: int
    ) -> Page[Post]:
        """GoToSocial ignores any[] (fixture 19), so one request on the first tag would
        miss posts tagged only with the others. Each tag's timeline is read from its own
        position in the cursor and the pages are merged (see mp.merge_tag_pages). The
        requests go out together, so a column of three tags waits one round trip, not
        three (they cost the account's budget the same); should several fail, the first
        tag's error is raised."""
        direction, positions = mp.tag_positions(cursor, [t.casefold() for t in tags])
        none = [("none[]", t) for t in spec.exclude]

        def params(key: str) -> Params:
            at = [(direction, positions[key])] if key in positions else []
            return [("limit", str(limit)), *at, *none]

        replies = await asyncio.gather(
            *(self._tag_timeline(tag, params(tag.casefold())) for tag in tags),
            return_exceptions=True,
        )
        pages: dict[str, Sequence[object]] = {}
        for tag, reply in zip(tags, replies, strict=True):
            if isinstance(reply, BaseException):
                raise reply
            items = mp.json_list(reply.body, entity="Status", account_id=self.account.id)
            pages[tag.casefold()] = items
        merged = mp.merge_tag_pages(
            pages,
            direction=direction,
            positions=positions,
            limit=limit,
            account_id=self.account.id,
        )
        return Page(self._tagged(spec, merged.items), merged.older, merged.newer)

    async def _tag_timeline(self, tag: str, params: Params) -> Reply:
        return await self._request(
            "GET", "/api/v1/timelines/tag/" + quote(tag, safe=""), params=params
        )

    def _tagged(self, spec: FeedSpec, items: Sequence[object]) -> list[Post]:
        # A server may ignore all[] and none[] too (GoToSocial does): the column is only
        # right everywhere if we check each post's tags ourselves.
        parsed = [(self._status(item), item) for item in items]
        return mp.unique_posts(
            post
            for post, item in parsed
            if tags_match(spec, mp.status_tags(item, account_id=self.account.id))
        )

    async def _search(self, spec: FeedSpec, paging: Params, cursor: Cursor | None) -> Page[Post]:
        query = spec.query.strip()
        if not query:
            return Page([])
        params = [*paging, ("q", query), ("type", "statuses"), ("resolve", "false")]
        reply = await self._request("GET", "/api/v2/search", params=params)
        found = Fields(reply.body, entity="Search", account_id=self.account.id)
        posts = self._statuses(list(found.items("statuses")))
        if not posts:
            return Page([])
        # Search has no Link header; Mastodon documents max_id/min_id for it. A server
        # that ignores max_id sends the same page again: then there is no older page.
        asked = dict(mp.cursor_params(cursor)).get("max_id")
        ignored = asked is not None and any(
            mp.id_order(p.remote_id) >= mp.id_order(asked) for p in posts
        )
        older = None if ignored else Cursor(f"max_id:{posts[-1].remote_id}")
        return Page(posts, older, Cursor(f"min_id:{posts[0].remote_id}"))

    # --- streaming -----------------------------------------------------------------------

    async def streamable(self, feeds: Sequence[FeedSpec]) -> Sequence[FeedSpec]:
        """Those of `feeds` stream() carries live; sync polls the rest as usual."""
        return await self._live.streamable(feeds)

    def stream(self, feeds: Sequence[FeedSpec]) -> AsyncIterator[StreamEvent]:
        """Live events of those of `feeds` that streamable() keeps, on one websocket."""
        return self._live.events(feeds, me=self._me)

    # --- posting -------------------------------------------------------------------------

    def _status_body(self, draft: Draft) -> dict[str, object]:
        # Visibility is always sent: GoToSocial's default is unlisted (fixture 15), which
        # hides a public answer from tag timelines.
        body: dict[str, object] = {"status": draft.text, "visibility": draft.visibility.value}
        if draft.in_reply_to:
            body["in_reply_to_id"] = draft.in_reply_to
        if draft.spoiler:
            body["spoiler_text"] = draft.spoiler
            body["sensitive"] = True
        if draft.media_ids:
            body["media_ids"] = list(draft.media_ids)
        if draft.language:
            body["language"] = draft.language
        return body

    def _first_attempt(self, key: str, retry_since: datetime | None) -> datetime | None:
        """When `key` was first tried (by this provider, or as the caller says: the outbox
        knows across restarts), or None (and it is noted now)."""
        started = self._attempts.get(key)
        if started is None:
            self._attempts[key] = retry_since or self._clock()
            while len(self._attempts) > REMEMBERED_KEYS:
                self._attempts.popitem(last=False)
            return retry_since
        return min(started, retry_since) if retry_since else started

    async def publish(
        self, draft: Draft, *, idempotency_key: str, retry_since: datetime | None = None
    ) -> Post:
        """POST /api/v1/statuses with an Idempotency-Key.

        Mastodon answers a repeated key with the first status, but GoToSocial ignores the
        key (fixtures 43/44 made two statuses). So when this provider has tried the key
        before (a retry after a timeout, say), it first looks among the account's own
        recent statuses for one with the same plain text and reply target made since
        that first try, and returns it instead of posting again. The provider remembers
        its own tries; `retry_since` (from the outbox) covers tries before a restart.
        """
        started = self._first_attempt(idempotency_key, retry_since)
        if started is not None:
            earlier = await self._find_published(draft, since=started - CLOCK_SKEW)
            if earlier is not None:
                return earlier
        reply = await self._request(
            "POST",
            "/api/v1/statuses",
            headers={"Idempotency-Key": idempotency_key},
            json_body=self._status_body(draft),
        )
        return self._status(reply.body)

    async def _find_published(self, draft: Draft, *, since: datetime) -> Post | None:
        path = self._own_statuses_path(await self._my_id())
        reply = await self._request("GET", path, params=[("limit", str(OWN_RECENT))])
        items = mp.json_list(reply.body, entity="Status", account_id=self.account.id)
        wanted = normalised(draft.text)
        match: Post | None = None
        for item in items:
            post = self._status(item)
            texts = mp.status_source_texts(item, account_id=self.account.id)
            if (
                post.reply_to_id == draft.in_reply_to
                and post.created_at >= since
                and wanted in {normalised(t) for t in texts}
            ):
                match = post  # newest first: the last match is the oldest, the original
        return match

    # --- reach -------------------------------------------------------------------------

    async def follower_count(self) -> int:
        """`followers_count` of GET /api/v1/accounts/verify_credentials."""
        _, body = await self._verify_credentials()
        return mp.followers_count(body, account_id=self.account.id)

    async def own_posts(self, since: datetime, *, limit: int = 200) -> Sequence[Post]:
        """The account's statuses without its boosts (exclude_reblogs), newest first, each
        with its counts: GET /api/v1/accounts/:id/statuses, 40 a page, following the Link
        header's next page until a page reaches back before `since`, `limit` posts are
        found, or there is no next page. A server that ignores max_id (the same page
        again) ends it too."""
        if limit <= 0:
            return []
        since = since if since.tzinfo is not None else since.replace(tzinfo=UTC)
        path = self._own_statuses_path(await self._my_id())
        found: dict[str, Post] = {}
        seen: set[str] = set()
        cursor: Cursor | None = None
        while len(found) < limit:
            params = [
                ("exclude_reblogs", "true"),
                ("limit", str(MAX_PAGE)),
                *mp.cursor_params(cursor),
            ]
            reply = await self._request("GET", path, params=params)
            items = [
                mp.parse_own_status(item, account_id=self.account.id, instance=self.instance)
                for item in mp.json_list(reply.body, entity="Status", account_id=self.account.id)
            ]
            for item in items:
                if item.post is not None and item.post.created_at >= since:
                    found.setdefault(item.post.remote_id, item.post)
            fresh = {item.remote_id for item in items} - seen
            seen |= fresh
            cursor = link_cursors(reply.headers)[0]
            # The last item is the one the next page would continue below: the oldest.
            if not fresh or items[-1].created_at < since or cursor is None:
                break
        newest = sorted(
            found.values(), key=lambda p: (p.created_at, mp.id_order(p.remote_id)), reverse=True
        )
        return newest[:limit]

    # --- direct messages -----------------------------------------------------------------

    async def conversations(self, *, cursor: Cursor | None = None) -> Page[Conversation]:
        params = [("limit", str(MAX_PAGE)), *mp.cursor_params(cursor)]
        reply = await self._request("GET", "/api/v1/conversations", params=params)
        items = mp.json_list(reply.body, entity="Conversation", account_id=self.account.id)
        found = [
            mp.parse_conversation(c, account_id=self.account.id, instance=self.instance)
            for c in items
        ]
        self._conversations.update((c.remote_id, c) for c in found)
        if not found:
            return Page([])
        older, newer = link_cursors(reply.headers)
        return Page(found, older, newer)

    async def _conversation(self, conversation_id: str) -> Conversation | None:
        if conversation_id not in self._conversations:
            await self.conversations()
        return self._conversations.get(conversation_id)

    async def thread(self, conversation_id: str) -> Sequence[Post]:
        """The conversation's messages, oldest first: the context of its last status, and
        when that has ancestors, the context of the first one, whose descendants include
        replies on other branches (two answers to the first message, say). An id that is
        no conversation we know is taken as a status id."""
        known = await self._conversation(conversation_id)
        if known is not None and known.last_post is not None:
            last = known.last_post
        else:
            path = f"/api/v1/statuses/{quote(conversation_id, safe='')}"
            last = self._status((await self._request("GET", path)).body)
        ancestors, descendants = await self._context(last.remote_id)
        if ancestors:
            _, descendants = await self._context(ancestors[0].remote_id)
        return sorted(
            mp.unique_posts([*ancestors, last, *descendants]),
            key=lambda p: (p.created_at, mp.id_order(p.remote_id)),
        )

    async def _context(self, status_id: str) -> tuple[list[Post], list[Post]]:
        reply = await self._request("GET", f"/api/v1/statuses/{quote(status_id, safe='')}/context")
        context = Fields(reply.body, entity="Context", account_id=self.account.id)
        return (
            self._statuses(list(context.items("ancestors"))),
            self._statuses(list(context.items("descendants"))),
        )

    async def send_direct(
        self,
        conversation_id: str,
        draft: Draft,
        *,
        idempotency_key: str,
        retry_since: datetime | None = None,
    ) -> Post:
        """A direct status in the conversation: a reply to its last message unless the
        draft names one, and mentioning every participant the text does not, since on
        Mastodon a direct message reaches only the accounts it mentions."""
        known = await self._conversation(conversation_id)
        text = draft.text
        reply_to = draft.in_reply_to
        if known is not None:
            missing = [
                f"@{p.handle}"
                for p in known.participants
                if p.remote_id != self._me and f"@{p.handle}".casefold() not in text.casefold()
            ]
            text = " ".join([*missing, text])
            if not reply_to and known.last_post is not None:
                reply_to = known.last_post.remote_id
        direct = dataclasses.replace(
            draft, text=text, in_reply_to=reply_to, visibility=Visibility.DIRECT
        )
        return await self.publish(direct, idempotency_key=idempotency_key, retry_since=retry_since)

    async def mark_read(self, conversation_id: str) -> None:
        path = f"/api/v1/conversations/{quote(conversation_id, safe='')}/read"
        reply = await self._request("POST", path)
        if reply.body is not None:
            read = mp.parse_conversation(
                reply.body, account_id=self.account.id, instance=self.instance
            )
            self._conversations[read.remote_id] = read

    # --- limits ------------------------------------------------------------------------

    async def text_rules(self) -> TextRules:
        try:
            reply = await self._api.request_once("/api/v2/instance")
        except NotFound:  # no v2 (Mastodon before 4.0, Pleroma)
            return DEFAULT_RULES[Network.MASTODON]
        return mp.text_rules(reply.body, account_id=self.account.id)

    # --- read markers --------------------------------------------------------------------

    def marked_feeds(self, feeds: Sequence[FeedSpec]) -> Sequence[FeedSpec]:
        return [f for f in feeds if f.kind in MARKER_TIMELINES]

    async def read_markers(self, feeds: Sequence[FeedSpec]) -> Mapping[str, str]:
        by_timeline = {MARKER_TIMELINES[f.kind]: f for f in self.marked_feeds(feeds)}
        if not by_timeline:
            return {}
        params = [("timeline[]", name) for name in by_timeline]
        reply = await self._request("GET", "/api/v1/markers", params=params)
        markers = mp.parse_markers(reply.body, account_id=self.account.id)
        return {feed.key: markers[name] for name, feed in by_timeline.items() if markers.get(name)}

    async def save_read_markers(self, marks: Mapping[FeedSpec, str]) -> None:
        body = {
            MARKER_TIMELINES[feed.kind]: {"last_read_id": item_id}
            for feed, item_id in marks.items()
            if feed.kind in MARKER_TIMELINES
        }
        if body:
            await self._request("POST", "/api/v1/markers", json_body=body)

    # --- scheduling ----------------------------------------------------------------------

    async def schedule(
        self,
        draft: Draft,
        at: datetime,
        *,
        idempotency_key: str,
        retry_since: datetime | None = None,
    ) -> ScheduledPost:
        """POST /api/v1/statuses with scheduled_at; the server wants it >= 5 minutes ahead
        and answers 422 otherwise (Rejected with its message). A time already past is
        refused here: GoToSocial would publish it at once, backdated. A retry of a key
        looks for the same text and time among the pending posts first, as publish()
        does among statuses."""
        if at <= self._clock():
            raise Rejected(self.account.id, "scheduled_at is in the past")
        when = mp.iso(at)
        if self._first_attempt(idempotency_key, retry_since) is not None:
            for pending in await self.scheduled():
                if (
                    normalised(pending.text) == normalised(draft.text)
                    and mp.iso(pending.scheduled_at)[:19] == when[:19]
                ):
                    return pending
        body = {**self._status_body(draft), "scheduled_at": when}
        reply = await self._request(
            "POST",
            "/api/v1/statuses",
            headers={"Idempotency-Key": idempotency_key},
            json_body=body,
        )
        return mp.parse_scheduled(reply.body, account_id=self.account.id)

    async def scheduled(self) -> Sequence[ScheduledPost]:
        found: list[ScheduledPost] = []
        cursor: Cursor | None = None
        for _ in range(SCHEDULED_PAGES):
            params = [("limit", str(MAX_PAGE)), *mp.cursor_params(cursor)]
            reply = await self._request("GET", "/api/v1/scheduled_statuses", params=params)
            items = mp.json_list(reply.body, entity="ScheduledStatus", account_id=self.account.id)
            found += [mp.parse_scheduled(s, account_id=self.account.id) for s in items]
            cursor = link_cursors(reply.headers)[0]
            if len(items) < MAX_PAGE or cursor is None:
                break
        return found

    async def reschedule(self, remote_id: str, at: datetime) -> ScheduledPost:
        path = f"/api/v1/scheduled_statuses/{quote(remote_id, safe='')}"
        reply = await self._request("PUT", path, json_body={"scheduled_at": mp.iso(at)})
        return mp.parse_scheduled(reply.body, account_id=self.account.id)

    async def cancel_scheduled(self, remote_id: str) -> None:
        await self._request("DELETE", f"/api/v1/scheduled_statuses/{quote(remote_id, safe='')}")

    # --- media ---------------------------------------------------------------------------

    async def upload_media(
        self, data: bytes, *, filename: str, mime_type: str, description: str
    ) -> str:
        """POST /api/v2/media. A 202 means the server is still processing the file; it is
        polled (bounded, ~30 s) until its url is set, since a status naming an
        unprocessed attachment is refused."""
        reply = await self._request(
            "POST",
            "/api/v2/media",
            form={"description": description},
            files={"file": (filename, data, mime_type)},
        )
        mp.parse_media(reply.body, account_id=self.account.id)
        media, ready = mp.media_id(reply.body, account_id=self.account.id)
        for delay in MEDIA_POLL_DELAYS:
            if ready:
                return media
            await self._sleep(delay)
            polled = await self._request("GET", f"/api/v1/media/{quote(media, safe='')}")
            _, ready = mp.media_id(polled.body, account_id=self.account.id)
        if ready:
            return media
        raise ServerFault(self.account.id, "the server is still processing the attachment")


class MastodonFactory:
    """Builds MastodonProviders; sign-in lives in mastodon_auth."""

    network: ClassVar[Network] = Network.MASTODON

    def create(
        self,
        account: Account,
        *,
        client: httpx.AsyncClient,
        get_token: TokenGetter,
        save_token: TokenSaver,
    ) -> Provider:
        # Mastodon tokens do not expire, so save_token is never needed.
        return MastodonProvider(account, client=client, get_token=get_token)


register(MastodonFactory())
