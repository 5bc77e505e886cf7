"""The Mastodon-API provider (Mastodon, GoToSocial, Akkoma): feeds, posting, DMs, schedule."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
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
from app.providers.base import (
    AuthExpired,
    Cursor,
    NotFound,
    Offline,
    Page,
    ParseError,
    Provider,
    ProviderError,
    RateLimit,
    RateLimited,
    Rejected,
    ServerFault,
    TokenGetter,
    TokenSaver,
    register,
)

Clock = Callable[[], datetime]
Sleep = Callable[[float], Awaitable[None]]
Params = Sequence[tuple[str, str]]

MAX_PAGE = 40  # Mastodon caps timelines, conversations and search at 40 a page
OWN_RECENT = 20  # own statuses searched for a post an earlier attempt may have made
CLOCK_SKEW = timedelta(minutes=2)  # our clock against the server's, when matching a retry
REMEMBERED_KEYS = 256
MEDIA_POLL_DELAYS = (0.5, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 5.0, 5.0, 8.0)  # ~30 s in all
SCHEDULED_PAGES = 10  # 10 x 40 covers Mastodon's limit of 300 pending scheduled posts
REDACTED = "[redacted]"


# --- the one door for HTTP ----------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Reply:
    """A successful response: decoded JSON body (None when empty) and headers."""

    status: int
    body: object
    headers: httpx.Headers


def error_for_status(
    response: httpx.Response, *, account_id: str, now: datetime, secret: str = ""
) -> ProviderError | None:
    """The typed error for a non-2xx response, None for success. The server's words go
    into `detail`, with the secret cut out should a server ever echo it."""
    status = response.status_code
    if 200 <= status < 300:
        return None
    try:
        body: object = response.json()
    except ValueError:
        body = None
    detail = mp.error_message(body, response.reason_phrase)
    if secret:
        detail = detail.replace(secret, REDACTED)
    if status in (401, 403):
        return AuthExpired(account_id, detail)
    if status == 404:
        return NotFound(account_id, detail)
    if status == 429:
        headers = response.headers
        reset = mp.reset_time(headers.get("x-ratelimit-reset", ""), now=now) or mp.reset_time(
            headers.get("retry-after", ""), now=now
        )
        return RateLimited(account_id, reset, detail)
    if 300 <= status < 400:
        return Rejected(account_id, detail or f"HTTP {status}: the server sent us elsewhere")
    if 400 <= status < 500:
        return Rejected(account_id, detail or f"HTTP {status}")
    return ServerFault(account_id, detail or f"HTTP {status}")


def error_for_transport(exc: Exception, *, account_id: str) -> ProviderError:
    """The typed error for a request that got no HTTP answer. Only the exception's class
    name is kept: its text may hold the URL."""
    name = type(exc).__name__
    if isinstance(exc, httpx.DecodingError):
        return ParseError(account_id, "Response", "(body)", name)
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return Rejected(account_id, f"not a usable server address ({name})")
    return Offline(account_id, name)


def decode_json(response: httpx.Response, *, account_id: str) -> object:
    if not response.content.strip():
        return None
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):
        raise ParseError(account_id, "Response", "(json)", "the body is not JSON") from None


async def exchange(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    account_id: str,
    now: Clock,
    secret: str = "",
    seen: Callable[[httpx.Headers], None] | None = None,
    params: Params = (),
    headers: Mapping[str, str] | None = None,
    json_body: object = None,
    form: Mapping[str, str] | None = None,
    files: Mapping[str, tuple[str, bytes, str]] | None = None,
) -> Reply:
    """Send one request and map every failure to a ProviderError. The provider's
    `_request` and the sign-in module both send through here; nothing else does."""
    request_headers = dict(headers or {})
    if secret:
        request_headers["Authorization"] = f"Bearer {secret}"
    try:
        response = await client.request(
            method,
            url,
            params=list(params) or None,
            headers=request_headers,
            json=json_body,
            data=form,
            files=files,
        )
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise error_for_transport(exc, account_id=account_id) from None
    if seen is not None:
        seen(response.headers)
    failure = error_for_status(response, account_id=account_id, now=now(), secret=secret)
    if failure is not None:
        raise failure
    return Reply(
        response.status_code, decode_json(response, account_id=account_id), response.headers
    )


def utc_now() -> datetime:
    return datetime.now(UTC)


def tags_match(spec: FeedSpec, tags: frozenset[str]) -> bool:
    """Whether a status with `tags` (casefolded) belongs in a hashtag column."""
    wanted = [t.casefold() for t in spec.tags]
    hit = (
        all(t in tags for t in wanted)
        if spec.match is TagMatch.ALL
        else any(t in tags for t in wanted)
    )
    return hit and not any(t.casefold() in tags for t in spec.exclude)


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
    ) -> None:
        self.account = account
        self.instance = mp.server_instance(account.server)
        self._base = account.server.rstrip("/")
        self._client = client
        self._get_token = get_token
        self._clock = clock
        self._sleep = sleep
        self._rate: RateLimit | None = None
        self._me = account.remote_id
        # Idempotency-Key -> when it was first tried; see publish().
        self._attempts: OrderedDict[str, datetime] = OrderedDict()
        # What conversations() last said, for thread() and send_direct().
        self._conversations: dict[str, Conversation] = {}

    def __repr__(self) -> str:
        return f"<MastodonProvider {self.account.id}>"

    # --- plumbing ------------------------------------------------------------------------

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: Params = (),
        headers: Mapping[str, str] | None = None,
        json_body: object = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        form: Mapping[str, str] | None = None,
    ) -> Reply:
        """Every request of this provider: the token fresh from get_token, the rate-limit
        headers noted, every failure a ProviderError (see exchange())."""
        return await exchange(
            self._client,
            method,
            self._base + path,
            account_id=self.account.id,
            now=self._clock,
            secret=await self._get_token(),
            seen=self._note_rate_limit,
            params=params,
            headers=headers,
            json_body=json_body,
            form=form,
            files=files,
        )

    def _note_rate_limit(self, headers: httpx.Headers) -> None:
        rate = mp.parse_rate_limit(headers, now=self._clock())
        if rate is not None:
            self._rate = rate

    def rate_limit(self) -> RateLimit | None:
        return self._rate

    async def aclose(self) -> None:
        await self._client.aclose()

    def _statuses(self, body: object) -> list[Post]:
        return mp.parse_statuses(body, account_id=self.account.id, instance=self.instance)

    def _status(self, data: object) -> Post:
        return mp.parse_status(data, account_id=self.account.id, instance=self.instance)

    # --- reading -------------------------------------------------------------------------

    async def whoami(self) -> Person:
        reply = await self._request("GET", "/api/v1/accounts/verify_credentials")
        me = mp.parse_account(reply.body, instance=self.instance, account_id=self.account.id)
        self._me = me.remote_id
        return me

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
            return await self._tag(spec, paging)
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
        older, newer = mp.link_cursors(reply.headers)
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
        posts = mp.unique_posts(p for p in parsed if p is not None)
        return self._page(posts, reply, empty=not items)

    async def _tag(self, spec: FeedSpec, paging: Params) -> Page[Post]:
        if not spec.tags:
            return Page([])
        more = "all[]" if spec.match is TagMatch.ALL else "any[]"
        params = [
            *paging,
            *((more, t) for t in spec.tags[1:]),
            *(("none[]", t) for t in spec.exclude),
        ]
        path = "/api/v1/timelines/tag/" + quote(spec.tags[0], safe="")
        reply = await self._request("GET", path, params=params)
        items = mp.dedupe_by_id(
            mp.json_list(reply.body, entity="Status", account_id=self.account.id)
        )
        parsed = [(self._status(item), item) for item in items]
        # GoToSocial ignores any[] (fixture 19), and a server may ignore all[]/none[] too:
        # the column is only right everywhere if we check each post's tags ourselves.
        kept = mp.unique_posts(
            post
            for post, item in parsed
            if tags_match(spec, mp.status_tags(item, account_id=self.account.id))
        )
        return self._page(kept, reply, empty=not items)

    async def _search(self, spec: FeedSpec, paging: Params, cursor: Cursor | None) -> Page[Post]:
        query = spec.query.strip()
        if not query:
            return Page([])
        params = [*paging, ("q", query), ("type", "statuses"), ("resolve", "false")]
        reply = await self._request("GET", "/api/v2/search", params=params)
        found = mp.Fields(reply.body, entity="Search", account_id=self.account.id)
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
        return body

    def _first_attempt(self, key: str) -> datetime | None:
        """When `key` was first tried by this provider, or None (and it is noted now)."""
        started = self._attempts.get(key)
        if started is None:
            self._attempts[key] = self._clock()
            while len(self._attempts) > REMEMBERED_KEYS:
                self._attempts.popitem(last=False)
        return started

    async def publish(self, draft: Draft, *, idempotency_key: str) -> Post:
        """POST /api/v1/statuses with an Idempotency-Key.

        Mastodon answers a repeated key with the first status, but GoToSocial ignores the
        key (fixtures 43/44 made two statuses). So when this provider has tried the key
        before (a retry after a timeout, say), it first looks among the account's own
        recent statuses for one with the same plain text and reply target made since
        that first try, and returns it instead of posting again. The memory lasts as
        long as the provider; after a restart only the server's key handling is left.
        """
        started = self._first_attempt(idempotency_key)
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
        if not self._me:
            await self.whoami()
        path = f"/api/v1/accounts/{quote(self._me, safe='')}/statuses"
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
        older, newer = mp.link_cursors(reply.headers)
        return Page(found, older, newer)

    async def _conversation(self, conversation_id: str) -> Conversation | None:
        if conversation_id not in self._conversations:
            await self.conversations()
        return self._conversations.get(conversation_id)

    async def thread(self, conversation_id: str) -> Sequence[Post]:
        """The conversation's messages, oldest first: the context of its last status.
        An id that is no conversation we know is taken as a status id."""
        known = await self._conversation(conversation_id)
        if known is not None and known.last_post is not None:
            last = known.last_post
        else:
            path = f"/api/v1/statuses/{quote(conversation_id, safe='')}"
            last = self._status((await self._request("GET", path)).body)
        reply = await self._request(
            "GET", f"/api/v1/statuses/{quote(last.remote_id, safe='')}/context"
        )
        context = mp.Fields(reply.body, entity="Context", account_id=self.account.id)
        posts = [
            *self._statuses(list(context.items("ancestors"))),
            last,
            *self._statuses(list(context.items("descendants"))),
        ]
        return sorted(
            mp.unique_posts(posts), key=lambda p: (p.created_at, mp.id_order(p.remote_id))
        )

    async def send_direct(
        self, conversation_id: str, draft: Draft, *, idempotency_key: str
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
        return await self.publish(direct, idempotency_key=idempotency_key)

    async def mark_read(self, conversation_id: str) -> None:
        path = f"/api/v1/conversations/{quote(conversation_id, safe='')}/read"
        reply = await self._request("POST", path)
        if reply.body is not None:
            read = mp.parse_conversation(
                reply.body, account_id=self.account.id, instance=self.instance
            )
            self._conversations[read.remote_id] = read

    # --- scheduling ----------------------------------------------------------------------

    async def schedule(self, draft: Draft, at: datetime, *, idempotency_key: str) -> ScheduledPost:
        """POST /api/v1/statuses with scheduled_at; the server wants it >= 5 minutes ahead
        and answers 422 otherwise (Rejected with its message). A time already past is
        refused here: GoToSocial would publish it at once, backdated. A retry of a key
        looks for the same text and time among the pending posts first, as publish()
        does among statuses."""
        if at <= self._clock():
            raise Rejected(self.account.id, "scheduled_at is in the past")
        when = mp.iso(at)
        if self._first_attempt(idempotency_key) is not None:
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
            cursor = mp.link_cursors(reply.headers)[0]
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
