"""The Bluesky provider: home, mentions, hashtags, search, chat DMs, posting with facets.

Every call goes to the account's PDS, which serves app.bsky.* from its AppView and proxies
chat.bsky.* to the chat service named by the atproto-proxy header. Bluesky has no
scheduling API: scheduled posts use Pantau's local queue. API: https://docs.bsky.app/
"""

from __future__ import annotations

import json
import secrets
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import ClassVar

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
    TagMatch,
    Visibility,
)
from app.providers import bluesky_parse as bp
from app.providers import bluesky_text as bt
from app.providers import link_card
from app.providers.base import (
    AttachmentTooLarge,
    Cursor,
    DirectMessagesNotAllowed,
    NotFound,
    Page,
    ParseError,
    Provider,
    ProviderError,
    RateLimit,
    Rejected,
    TokenGetter,
    TokenSaver,
    TooLong,
    register,
)
from app.providers.bluesky_xrpc import CHAT_PROXY, Xrpc
from app.providers.fields import Fields, tags_match
from app.providers.http import Clock, Params, utc_now

MAX_PAGE = 100  # getTimeline, listNotifications and searchPosts take at most 100
MAX_GAP_PAGES = 5  # pages walked down to the newest cached item on one refresh
MAX_POSTS_PER_CALL = 25  # app.bsky.feed.getPosts
MAX_IMAGES = 4
MAX_IMAGE_BYTES = 1_000_000  # app.bsky.embed.images#image: maxSize
THREAD_MESSAGES = 100
OWN_RECENT = 25  # own records searched for a post an earlier attempt may have made
CLOCK_SKEW = timedelta(minutes=2)
REMEMBERED_KEYS = 256
MENTION_REASONS = ("mention", "reply", "quote")
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_SINCE = "since:"
_UNTIL = "until:"
_CURSOR = "c:"


def new_tid(at: datetime) -> str:
    """A record key in TID form: microseconds since 1970 and a random clock id, in
    base32-sortable: https://atproto.com/specs/tid"""
    micros = int(at.timestamp() * 1_000_000)
    value = (micros << 10) | secrets.randbelow(1024)
    chars = []
    for _ in range(13):
        chars.append(_TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _time_cursor(prefix: str, at: datetime) -> Cursor:
    return Cursor(prefix + _iso(at))


def _cursor_time(cursor: Cursor, prefix: str, account_id: str) -> datetime:
    text = cursor.value.removeprefix(prefix)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ParseError(account_id, "Cursor", "time", "unreadable cursor") from None


Listed = tuple[Post, datetime]
"""A post with the time its list is ordered by (a repost's or notification's time)."""


class BlueskyProvider:
    """One Bluesky account on its PDS."""

    network: ClassVar[Network] = Network.BLUESKY

    def __init__(
        self,
        account: Account,
        *,
        client: httpx.AsyncClient,
        get_token: TokenGetter,
        save_token: TokenSaver,
        clock: Clock = utc_now,
    ) -> None:
        self.account = account
        self._client = client
        self._clock = clock
        self._xrpc = Xrpc(
            client,
            base=account.server,
            account_id=account.id,
            clock=clock,
            get_token=get_token,
            save_token=save_token,
        )
        self._me = account.remote_id
        # Idempotency key -> the record key its first attempt used; see publish().
        self._rkeys: OrderedDict[str, str] = OrderedDict()
        self._convos: dict[str, Conversation] = {}

    def __repr__(self) -> str:
        return f"<BlueskyProvider {self.account.id}>"

    def rate_limit(self) -> RateLimit | None:
        return self._xrpc.rate

    async def aclose(self) -> None:
        await self._client.aclose()

    async def _get(self, nsid: str, params: Params = (), *, chat: bool = False) -> object:
        headers = {"atproto-proxy": CHAT_PROXY} if chat else None
        if chat:
            await self._check_chat()
        return (await self._xrpc.request("GET", nsid, params=params, headers=headers)).body

    async def _post(self, nsid: str, body: object, *, chat: bool = False) -> object:
        headers = {"atproto-proxy": CHAT_PROXY} if chat else None
        if chat:
            await self._check_chat()
        return (await self._xrpc.request("POST", nsid, json_body=body, headers=headers)).body

    async def _check_chat(self) -> None:
        if not (await self._xrpc.session()).privileged():
            raise DirectMessagesNotAllowed(self.account.id, "app password without chat access")

    async def _did(self) -> str:
        if not self._me:
            self._me = (await self._xrpc.session()).did
        return self._me

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
        opaque = cursor.value.removeprefix(_CURSOR) if cursor is not None else ""
        listed, older = await self._list_page(spec, opaque, limit)
        return self._listed_page(listed, older, first=cursor is None)

    def _listed_page(
        self, listed: Sequence[Listed], older: Cursor | None, *, first: bool
    ) -> Page[Post]:
        newest = max((at for _, at in listed), default=None)
        return Page(
            [post for post, _ in listed],
            Cursor(_CURSOR + older.value) if older is not None else None,
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

    async def _posts(self, uris: Sequence[str]) -> dict[str, Post]:
        """Full views (attachments, link cards) of posts, 25 a request."""
        unique = list(dict.fromkeys(uris))
        found: dict[str, Post] = {}
        for start in range(0, len(unique), MAX_POSTS_PER_CALL):
            chunk = unique[start : start + MAX_POSTS_PER_CALL]
            body = await self._get("app.bsky.feed.getPosts", [("uris", u) for u in chunk])
            for post in bp.parse_posts(body, account_id=self.account.id):
                found[post.remote_id] = post
        return found

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
            await self._post("app.bsky.notification.updateSeen", {"seenAt": _iso(max(times))})

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
            window.append(("since", _iso(since)))
        if until is not None:
            window.append(("until", _iso(until)))
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

    # --- posting -------------------------------------------------------------------------

    async def publish(
        self, draft: Draft, *, idempotency_key: str, retry_since: datetime | None = None
    ) -> Post:
        """Create an app.bsky.feed.post record. The record key is chosen here and kept per
        idempotency key, so a retry first looks for the record at that key; after a restart
        (no key remembered) it looks through the account's newest posts instead."""
        if draft.visibility is Visibility.DIRECT:
            raise Rejected(self.account.id, "a direct message goes through a conversation")
        if draft.visibility is not Visibility.PUBLIC:
            # Never post publicly what the admin meant for fewer people.
            raise Rejected(self.account.id, "Bluesky posts are always public")
        text = self._text(draft)
        rkey = self._rkeys.get(idempotency_key)
        if rkey is not None:
            existing = await self._own_post(rkey)
            if existing is not None:
                return existing
        elif retry_since is not None:
            existing = await self._find_published(draft, text, since=retry_since)
            if existing is not None:
                return existing
        if rkey is None:
            rkey = new_tid(self._clock())
            self._rkeys[idempotency_key] = rkey
            while len(self._rkeys) > REMEMBERED_KEYS:
                self._rkeys.popitem(last=False)
        record = await self._record(draft, text)
        try:
            body = await self._post(
                "com.atproto.repo.createRecord",
                {
                    "repo": await self._did(),
                    "collection": bp.POST_COLLECTION,
                    "rkey": rkey,
                    "record": record,
                },
            )
        except Rejected:
            # The first attempt may have landed after all; then the key is taken.
            existing = await self._own_post(rkey)
            if existing is None:
                raise
            return existing
        uri = Fields(body, entity="CreateRecord", account_id=self.account.id).text("uri")
        return await self._fresh_post(uri, record)

    def _text(self, draft: Draft) -> str:
        # Bluesky has no content warning for text: the warning goes first, on its own line.
        text = f"{draft.spoiler.strip()}\n\n{draft.text}" if draft.spoiler.strip() else draft.text
        count = bt.grapheme_count(text)
        if count > bt.MAX_GRAPHEMES:
            raise TooLong(self.account.id, limit=bt.MAX_GRAPHEMES, length=count)
        return text

    async def _record(self, draft: Draft, text: str) -> dict[str, object]:
        record: dict[str, object] = {
            "$type": bp.POST_COLLECTION,
            "text": text,
            "createdAt": _iso(self._clock()),
        }
        if draft.language:
            record["langs"] = [draft.language]
        facets = await self._facets(text)
        if facets:
            record["facets"] = facets
        if draft.in_reply_to:
            record["reply"] = await self._reply_refs(draft.in_reply_to)
        images = [self._image(m) for m in draft.media_ids[:MAX_IMAGES]]
        if images:
            record["embed"] = {"$type": "app.bsky.embed.images", "images": images}
        else:
            links = [s.value for s in bt.detect(text) if s.kind is bt.FacetKind.LINK]
            card = await self._link_card(links[0]) if links else None
            if card is not None:
                record["embed"] = card
        return record

    async def _link_card(self, url: str) -> dict[str, object] | None:
        """An external embed, as Bluesky's apps make: Bluesky shows a card for a link only
        when the post carries one. No card when the page cannot be read."""
        card = await link_card.fetch_card(self._client, url)
        if card is None:
            return None
        external: dict[str, object] = {
            "uri": card.url,
            "title": card.title,
            "description": card.description,
        }
        image = (
            await link_card.fetch_image(self._client, card.image_url) if card.image_url else None
        )
        if image is not None:
            external["thumb"] = await self._upload_blob(*image)
        return {"$type": "app.bsky.embed.external", "external": external}

    def _image(self, media_id: str) -> object:
        try:
            return json.loads(media_id)
        except ValueError:
            raise Rejected(self.account.id, "an attachment was not uploaded to Bluesky") from None

    async def _facets(self, text: str) -> list[dict[str, object]]:
        """Links and tags as typed; a mention only when its handle resolves to a DID (an
        unknown handle stays plain text, as in Bluesky's own apps)."""
        facets: list[dict[str, object]] = []
        for span in bt.detect(text):
            if span.kind is not bt.FacetKind.MENTION:
                facets.append(bt.facet(span))
                continue
            did = await self._resolve(span.value)
            if did:
                facets.append(bt.facet(span, did=did))
        return facets

    async def _resolve(self, handle: str) -> str:
        try:
            body = await self._get("com.atproto.identity.resolveHandle", [("handle", handle)])
        except (NotFound, Rejected):
            return ""
        did = Fields(body, entity="ResolveHandle", account_id=self.account.id).text("did")
        return did if did.startswith("did:") else ""

    async def _reply_refs(self, parent_uri: str) -> dict[str, object]:
        """root + parent strong refs: the root is the parent's own root, if it has one.
        Read from the parent's repository (getRecord), which has it even before the
        AppView has indexed it; the PDS asks the network for repositories it does not host."""
        repo = bp.author_did(parent_uri)
        try:
            body = await self._get(
                "com.atproto.repo.getRecord",
                [("repo", repo), ("collection", bp.POST_COLLECTION), ("rkey", bp.rkey(parent_uri))],
            )
        except Rejected as exc:
            if "RecordNotFound" in exc.detail or "Could not locate" in exc.detail:
                raise NotFound(self.account.id, "the post being answered is gone") from None
            raise
        parent = Fields(body, entity="Record", account_id=self.account.id)
        parent_ref = {"uri": parent.text("uri"), "cid": parent.text("cid")}
        reply = parent.obj("value", "Post record").optional_obj("reply", "Post record.reply")
        if reply is None:
            return {"root": parent_ref, "parent": parent_ref}
        root = reply.obj("root", "StrongRef")
        return {"root": {"uri": root.text("uri"), "cid": root.text("cid")}, "parent": parent_ref}

    async def _own_post(self, rkey: str) -> Post | None:
        """The account's post at `rkey`, if the repository has it."""
        try:
            body = await self._get(
                "com.atproto.repo.getRecord",
                [("repo", await self._did()), ("collection", bp.POST_COLLECTION), ("rkey", rkey)],
            )
        except NotFound:
            return None
        except Rejected as exc:
            if "RecordNotFound" in exc.detail or "Could not locate" in exc.detail:
                return None
            raise
        f = Fields(body, entity="Record", account_id=self.account.id)
        record = f.obj("value", "Post record").data
        return await self._fresh_post(f.text("uri"), record)

    async def _find_published(self, draft: Draft, text: str, *, since: datetime) -> Post | None:
        """After a restart: one of the account's newest records with this text and reply
        target, made since the first attempt."""
        body = await self._get(
            "com.atproto.repo.listRecords",
            [
                ("repo", await self._did()),
                ("collection", bp.POST_COLLECTION),
                ("limit", str(OWN_RECENT)),
            ],
        )
        for item in Fields(body, entity="ListRecords", account_id=self.account.id).items("records"):
            f = Fields(item, entity="Record", account_id=self.account.id)
            value = f.obj("value", "Post record")
            record = bp.parse_record(value.data, account_id=self.account.id)
            if record.text != text or record.reply_parent != draft.in_reply_to:
                continue
            if record.created_at is not None and record.created_at >= since - CLOCK_SKEW:
                return await self._fresh_post(f.text("uri"), value.data)
        return None

    async def _fresh_post(self, uri: str, record: Mapping[str, object]) -> Post:
        """The post as the AppView shows it; until it has indexed it (usually well under a
        second), built from the record we wrote."""
        try:
            views = await self._posts([uri])
        except ProviderError:
            views = {}
        if uri in views:
            return views[uri]
        me = await self._did()
        parsed = bp.parse_record(record, account_id=self.account.id)
        author = Person(
            Network.BLUESKY,
            me,
            self.account.handle,
            self.account.display_name,
            self.account.avatar_url,
            f"{bp.WEB}/profile/{self.account.handle}",
        )
        when = parsed.created_at or self._clock()
        return Post(
            network=Network.BLUESKY,
            remote_id=uri,
            account_id=self.account.id,
            author=author,
            created_at=when,
            html=bp.rich_text_html(parsed.text, parsed.facets, account_id=self.account.id),
            text=parsed.text,
            url=bp.post_url(self.account.handle, uri),
            reply_to_id=parsed.reply_parent,
            thread_root_id=parsed.reply_root,
        )

    # --- media ---------------------------------------------------------------------------

    async def upload_media(
        self, data: bytes, *, filename: str, mime_type: str, description: str
    ) -> str:
        """com.atproto.repo.uploadBlob; the id a Draft keeps is the image embed entry
        (blob and alt text) the post record will carry."""
        if len(data) > MAX_IMAGE_BYTES:
            raise AttachmentTooLarge(self.account.id, limit=MAX_IMAGE_BYTES, size=len(data))
        blob = await self._upload_blob(data, mime_type)
        return json.dumps({"image": blob, "alt": description})

    async def _upload_blob(self, data: bytes, mime_type: str) -> dict[str, object]:
        reply = await self._xrpc.request(
            "POST", "com.atproto.repo.uploadBlob", content=data, headers={"Content-Type": mime_type}
        )
        upload = Fields(reply.body, entity="UploadBlob", account_id=self.account.id)
        return dict(upload.obj("blob", "Blob").data)

    # --- direct messages (chat.bsky.convo) -----------------------------------------------

    async def conversations(self, *, cursor: Cursor | None = None) -> Page[Conversation]:
        params: list[tuple[str, str]] = [("limit", "40")]
        if cursor is not None and cursor.value.startswith(_CURSOR):
            params.append(("cursor", cursor.value.removeprefix(_CURSOR)))
        body = await self._get("chat.bsky.convo.listConvos", params, chat=True)
        convos, older = bp.parse_convos(body, me=await self._did(), account_id=self.account.id)
        for convo in convos:
            self._convos[convo.remote_id] = convo
        return Page(convos, Cursor(_CURSOR + older.value) if older is not None else None)

    async def thread(self, conversation_id: str) -> Sequence[Post]:
        """A post's thread (an at:// URI) or a chat conversation, oldest first."""
        if conversation_id.startswith("at://"):
            body = await self._get(
                "app.bsky.feed.getPostThread",
                [("uri", conversation_id), ("depth", "10"), ("parentHeight", "20")],
            )
            return bp.parse_thread(body, account_id=self.account.id)
        messages = await self._messages(conversation_id, THREAD_MESSAGES)
        return list(reversed(messages))

    async def _members(self, convo_id: str) -> Mapping[str, Person]:
        convo = self._convos.get(convo_id)
        if convo is None:
            body = await self._get("chat.bsky.convo.getConvo", [("convoId", convo_id)], chat=True)
            convo_data = Fields(body, entity="GetConvo", account_id=self.account.id).obj(
                "convo", "ConvoView"
            )
            convo = bp.parse_convo(
                convo_data.data, me=await self._did(), account_id=self.account.id
            )
            self._convos[convo_id] = convo
        members = {p.remote_id: p for p in convo.participants}
        me = await self._did()
        members.setdefault(
            me,
            Person(
                Network.BLUESKY,
                me,
                self.account.handle,
                self.account.display_name,
                self.account.avatar_url,
            ),
        )
        return members

    async def _messages(self, convo_id: str, limit: int) -> list[Post]:
        """The newest `limit` messages, newest first."""
        members = await self._members(convo_id)
        body = await self._get(
            "chat.bsky.convo.getMessages",
            [("convoId", convo_id), ("limit", str(min(limit, MAX_PAGE)))],
            chat=True,
        )
        messages, _ = bp.parse_messages(
            body, convo_id=convo_id, members=members, account_id=self.account.id
        )
        return messages

    async def send_direct(
        self,
        conversation_id: str,
        draft: Draft,
        *,
        idempotency_key: str,
        retry_since: datetime | None = None,
    ) -> Post:
        """chat.bsky.convo.sendMessage. Chat has no idempotency key: a retry first looks for
        the same text from us among the conversation's newest messages."""
        if not conversation_id:
            raise Rejected(self.account.id, "a direct message needs a conversation")
        text = draft.text
        count = bt.grapheme_count(text)
        if count > bt.MAX_MESSAGE_GRAPHEMES:
            raise TooLong(self.account.id, limit=bt.MAX_MESSAGE_GRAPHEMES, length=count)
        me = await self._did()
        if retry_since is not None:
            for message in await self._messages(conversation_id, 20):
                if (
                    message.author.remote_id == me
                    and message.text == text
                    and message.created_at >= retry_since - CLOCK_SKEW
                ):
                    return message
        outgoing: dict[str, object] = {"text": text}
        facets = await self._facets(text)
        if facets:
            outgoing["facets"] = facets
        body = await self._post(
            "chat.bsky.convo.sendMessage",
            {"convoId": conversation_id, "message": outgoing},
            chat=True,
        )
        members = await self._members(conversation_id)
        sent = bp.parse_message(
            body, convo_id=conversation_id, members=members, account_id=self.account.id
        )
        if sent is None:
            raise ParseError(
                self.account.id, "MessageView", "(deleted)", "message came back deleted"
            )
        return sent

    async def mark_read(self, conversation_id: str) -> None:
        await self._post("chat.bsky.convo.updateRead", {"convoId": conversation_id}, chat=True)
        known = self._convos.get(conversation_id)
        if known is not None:
            self._convos[conversation_id] = replace(known, unread=False)


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
