"""Bluesky (app.bsky / chat.bsky lexicons) JSON to Pantau models: pure, total parsers that
raise only ParseError. Lexicons: https://github.com/bluesky-social/atproto/tree/main/lexicons
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.model import Conversation, Engagement, Media, Network, Person, Post, Visibility
from app.providers.base import Cursor, ParseError
from app.providers.fields import Fields, parse_time, raw_json
from app.sanitize import sanitize_html

WEB = "https://bsky.app"
POST_COLLECTION = "app.bsky.feed.post"
REASON_REPOST = "app.bsky.feed.defs#reasonRepost"


def rkey(uri: str) -> str:
    """The record key, the last part of an at:// URI."""
    return uri.rstrip("/").rsplit("/", 1)[-1]


def author_did(uri: str) -> str:
    """The repository (DID) of an at:// URI."""
    rest = uri.removeprefix("at://")
    return rest.split("/", 1)[0]


def post_url(handle_or_did: str, uri: str) -> str:
    return f"{WEB}/profile/{handle_or_did}/post/{rkey(uri)}"


def cursor_of(f: Fields) -> Cursor | None:
    value = f.optional_text("cursor")
    return Cursor(value) if value else None


# --- people -------------------------------------------------------------------------------


def parse_profile(data: object, *, account_id: str = "") -> Person:
    """app.bsky.actor.defs#profileViewBasic (and the richer profile views)."""
    f = Fields(data, entity="Profile", account_id=account_id)
    did = f.text("did")
    handle = f.text("handle")
    return Person(
        network=Network.BLUESKY,
        remote_id=did,
        handle=handle,
        display_name=f.optional_text("displayName").strip() or handle,
        avatar_url=_https(f.optional_text("avatar")),
        url=f"{WEB}/profile/{handle}",
    )


def parse_followers_count(data: object, *, account_id: str = "") -> int:
    """app.bsky.actor.defs#profileViewDetailed (getProfile): followersCount."""
    f = Fields(data, entity="Profile", account_id=account_id)
    return _count(f, "followersCount")


def _count(f: Fields, name: str) -> int:
    """One of the lexicons' optional counts: absent (or null) means 0."""
    value = f.data.get(name)
    if value is None:
        return 0
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise f.error(name, "not a count")
    return value


def _https(url: str) -> str:
    return url if url.startswith(("https://", "http://")) else ""


# --- rich text ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Link:
    start: int
    end: int
    href: str


def _facet_links(text: bytes, facets: Sequence[object], account_id: str) -> list[_Link]:
    """Facets as byte ranges with their targets; ranges that are out of bounds, overlap an
    earlier one or name no feature we show are ignored, as Bluesky's own apps do."""
    links: list[_Link] = []
    for item in facets:
        f = Fields(item, entity="Facet", account_id=account_id)
        index = f.obj("index", "Facet.index")
        start, end = index.data.get("byteStart"), index.data.get("byteEnd")
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
            continue
        if not 0 <= start < end <= len(text):
            continue
        for feature in f.items("features"):
            href = _feature_href(feature)
            if href:
                links.append(_Link(start, end, href))
                break
    links.sort(key=lambda link: link.start)
    kept: list[_Link] = []
    for link in links:
        if not kept or link.start >= kept[-1].end:
            kept.append(link)
    return kept


def _feature_href(feature: object) -> str:
    if not isinstance(feature, Mapping):
        return ""
    kind = feature.get("$type")
    if kind == "app.bsky.richtext.facet#link":
        uri = feature.get("uri")
        return uri if isinstance(uri, str) and uri.startswith(("https://", "http://")) else ""
    if kind == "app.bsky.richtext.facet#mention":
        did = feature.get("did")
        return f"{WEB}/profile/{did}" if isinstance(did, str) and did.startswith("did:") else ""
    if kind == "app.bsky.richtext.facet#tag":
        tag = feature.get("tag")
        return f"{WEB}/hashtag/{html.escape(tag)}" if isinstance(tag, str) and tag else ""
    return ""


def _escaped(raw: bytes) -> str:
    return html.escape(raw.decode("utf-8", errors="replace")).replace("\n", "<br>")


def rich_text_html(text: str, facets: Sequence[object], *, account_id: str = "") -> str:
    """Post text with its facets as links, escaped and sanitised."""
    raw = text.encode("utf-8")
    parts: list[str] = []
    at = 0
    for link in _facet_links(raw, facets, account_id):
        parts.append(_escaped(raw[at : link.start]))
        label = _escaped(raw[link.start : link.end])
        parts.append(f'<a href="{html.escape(link.href, quote=True)}">{label}</a>')
        at = link.end
    parts.append(_escaped(raw[at:]))
    return sanitize_html("<p>" + "".join(parts) + "</p>")


def facet_tags(facets: Sequence[object]) -> frozenset[str]:
    tags: set[str] = set()
    for item in facets:
        features = item.get("features") if isinstance(item, Mapping) else None
        for feature in features if isinstance(features, list) else ():
            if isinstance(feature, Mapping) and feature.get("$type") == (
                "app.bsky.richtext.facet#tag"
            ):
                tag = feature.get("tag")
                if isinstance(tag, str):
                    tags.add(tag.casefold())
    return frozenset(tags)


# --- posts --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PostRecord:
    """The parts of an app.bsky.feed.post record a row needs."""

    text: str
    facets: Sequence[object]
    created_at: datetime | None
    reply_parent: str
    reply_root: str
    tags: frozenset[str]


def parse_record(data: object, *, account_id: str = "") -> PostRecord:
    f = Fields(data, entity="Post record", account_id=account_id)
    facets = f.items("facets")
    reply = f.optional_obj("reply", "Post record.reply")
    parent = reply.obj("parent", "StrongRef").text("uri") if reply is not None else ""
    root = reply.obj("root", "StrongRef").text("uri") if reply is not None else ""
    outline = {t.casefold() for t in f.items("tags") if isinstance(t, str)}
    try:
        created: datetime | None = f.time("createdAt")
    except ParseError:
        created = None  # a client wrote a bad date; the index time stands in
    return PostRecord(
        text=f.text("text"),
        facets=facets,
        created_at=created,
        reply_parent=parent,
        reply_root=root,
        tags=facet_tags(facets) | outline,
    )


def _when(record: PostRecord, indexed_at: datetime) -> datetime:
    # createdAt is what the author's client claims; a post dated in the future would stick
    # to the top of every column, so the server's index time caps it.
    return indexed_at if record.created_at is None else min(record.created_at, indexed_at)


def parse_embed_media(data: object, *, account_id: str = "") -> tuple[tuple[Media, ...], str]:
    """Attachments of an embed view, and the HTML of a link card (external embed)."""
    if data is None:
        return (), ""
    f = Fields(data, entity="Embed", account_id=account_id)
    kind = f.optional_text("$type")
    if kind == "app.bsky.embed.images#view":
        images = [Fields(i, entity="Image", account_id=account_id) for i in f.items("images")]
        return tuple(
            Media(
                "image",
                _https(i.text("fullsize")),
                _https(i.optional_text("thumb")),
                i.optional_text("alt"),
            )
            for i in images
        ), ""
    if kind == "app.bsky.embed.video#view":
        return (
            Media(
                "video",
                _https(f.text("playlist")),
                _https(f.optional_text("thumbnail")),
                f.optional_text("alt"),
            ),
        ), ""
    if kind == "app.bsky.embed.external#view":
        card = f.obj("external", "External")
        uri = card.text("uri")
        title = card.optional_text("title") or uri
        return (), sanitize_html(
            f'<p><a href="{html.escape(uri, quote=True)}">{html.escape(title)}</a></p>'
        )
    if kind == "app.bsky.embed.recordWithMedia#view":
        return parse_embed_media(f.data.get("media"), account_id=account_id)
    return (), ""


def parse_engagement(f: Fields) -> Engagement:
    """The counts of an app.bsky.feed.defs#postView. A quote carries the post to the
    quoter's followers as a repost does, so quotes count as reposts (Engagement has no
    field of its own for them, and a reach figure without them would fall short)."""
    return Engagement(
        replies=_count(f, "replyCount"),
        reposts=_count(f, "repostCount") + _count(f, "quoteCount"),
        likes=_count(f, "likeCount"),
    )


def parse_post_view(data: object, *, account_id: str) -> Post:
    """app.bsky.feed.defs#postView."""
    f = Fields(data, entity="PostView", account_id=account_id)
    uri = f.text("uri")
    author = parse_profile(f.obj("author", "Profile").data, account_id=account_id)
    record = parse_record(f.obj("record", "Post record").data, account_id=account_id)
    media, card = parse_embed_media(f.data.get("embed"), account_id=account_id)
    text_html = rich_text_html(record.text, record.facets, account_id=account_id)
    return Post(
        network=Network.BLUESKY,
        remote_id=uri,
        account_id=account_id,
        author=author,
        created_at=_when(record, f.time("indexedAt")),
        html=text_html + card,
        text=record.text,
        url=post_url(author.handle, uri),
        reply_to_id=record.reply_parent,
        thread_root_id=record.reply_root,
        media=media,
        raw=raw_json(f.data, f),
        engagement=parse_engagement(f),
    )


def post_view_tags(data: object, *, account_id: str = "") -> frozenset[str]:
    f = Fields(data, entity="PostView", account_id=account_id)
    return parse_record(f.obj("record", "Post record").data, account_id=account_id).tags


def parse_feed(
    data: object, *, account_id: str
) -> tuple[list[tuple[Post, datetime]], Cursor | None]:
    """app.bsky.feed.getTimeline, each post with the time the timeline orders it by (a
    repost's time for a repost); a post reposted twice on a page is shown once."""
    f = Fields(data, entity="Feed", account_id=account_id)
    listed: dict[str, tuple[Post, datetime]] = {}
    for item in f.items("feed"):
        view = Fields(item, entity="FeedViewPost", account_id=account_id)
        post_view = view.obj("post", "PostView")
        post = parse_post_view(post_view.data, account_id=account_id)
        reason = view.optional_obj("reason", "Reason")
        at = (
            reason.time("indexedAt")
            if reason is not None and "indexedAt" in reason.data
            else post_view.time("indexedAt")
        )
        listed.setdefault(post.remote_id, (post, at))
    return list(listed.values()), cursor_of(f)


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One app.bsky.feed.defs#feedViewPost of an author feed."""

    post: Post
    reason: str
    """The $type of the reason it is listed (REASON_REPOST, #reasonPin); '' for a post
    listed as its author's own."""
    at: datetime | None
    """The time the feed orders it by: the post's, or the repost's; None for a reason
    that lists it out of order (a pinned post comes first whatever its age)."""


def parse_author_feed(data: object, *, account_id: str) -> tuple[list[FeedItem], Cursor | None]:
    """app.bsky.feed.getAuthorFeed, in the server's order: newest first by the time a post
    was made (the earlier of createdAt and indexedAt, as Post.created_at) or reposted."""
    f = Fields(data, entity="AuthorFeed", account_id=account_id)
    listed: list[FeedItem] = []
    for item in f.items("feed"):
        view = Fields(item, entity="FeedViewPost", account_id=account_id)
        post = parse_post_view(view.obj("post", "PostView").data, account_id=account_id)
        reason = view.optional_obj("reason", "Reason")
        kind = "" if reason is None else reason.text("$type")
        at: datetime | None = post.created_at if reason is None else None
        if reason is not None and kind == REASON_REPOST:
            at = reason.time("indexedAt")
        listed.append(FeedItem(post, kind, at))
    return listed, cursor_of(f)


def parse_search(
    data: object, *, account_id: str
) -> tuple[list[tuple[Post, object]], Cursor | None]:
    """app.bsky.feed.searchPosts: each post with its view (for the tag check)."""
    f = Fields(data, entity="SearchPosts", account_id=account_id)
    found = [(parse_post_view(v, account_id=account_id), v) for v in f.items("posts")]
    return found, cursor_of(f)


@dataclass(frozen=True, slots=True)
class Notice:
    """One app.bsky.notification.listNotifications#notification about a post."""

    uri: str
    reason: str
    indexed_at: datetime
    author: Person
    record: PostRecord | None


def parse_notifications(data: object, *, account_id: str) -> tuple[list[Notice], Cursor | None]:
    f = Fields(data, entity="Notifications", account_id=account_id)
    notices: list[Notice] = []
    for item in f.items("notifications"):
        n = Fields(item, entity="Notification", account_id=account_id)
        uri = n.text("uri")
        record_data = n.obj("record", "Notification.record").data
        is_post = record_data.get("$type") == POST_COLLECTION
        notices.append(
            Notice(
                uri=uri,
                reason=n.text("reason"),
                indexed_at=n.time("indexedAt"),
                author=parse_profile(n.obj("author", "Profile").data, account_id=account_id),
                record=parse_record(record_data, account_id=account_id) if is_post else None,
            )
        )
    return notices, cursor_of(f)


def notice_post(notice: Notice, *, account_id: str) -> Post | None:
    """A mention as a post from the notification alone, for when the post itself could not
    be fetched (the AppView dropped it): text and links, no attachments."""
    record = notice.record
    if record is None:
        return None
    return Post(
        network=Network.BLUESKY,
        remote_id=notice.uri,
        account_id=account_id,
        author=notice.author,
        created_at=_when(record, notice.indexed_at),
        html=rich_text_html(record.text, record.facets, account_id=account_id),
        text=record.text,
        url=post_url(notice.author.handle, notice.uri),
        reply_to_id=record.reply_parent,
        thread_root_id=record.reply_root,
    )


def parse_posts(data: object, *, account_id: str) -> list[Post]:
    """app.bsky.feed.getPosts."""
    f = Fields(data, entity="Posts", account_id=account_id)
    return [parse_post_view(v, account_id=account_id) for v in f.items("posts")]


def parse_thread(data: object, *, account_id: str) -> list[Post]:
    """app.bsky.feed.getPostThread: the parents down to the post, then its replies, oldest
    first; posts not found or blocked are left out."""
    f = Fields(data, entity="PostThread", account_id=account_id)
    top = f.obj("thread", "ThreadViewPost")
    above: list[Post] = []
    node: Fields | None = top
    while node is not None and node.optional_text("$type").endswith("#threadViewPost"):
        above.append(parse_post_view(node.obj("post", "PostView").data, account_id=account_id))
        node = node.optional_obj("parent", "ThreadViewPost")
    below: list[Post] = []
    pending = (
        list(top.items("replies")) if top.optional_text("$type").endswith("#threadViewPost") else []
    )
    while pending:
        reply = Fields(pending.pop(0), entity="ThreadViewPost", account_id=account_id)
        if reply.optional_text("$type").endswith("#threadViewPost"):
            below.append(parse_post_view(reply.obj("post", "PostView").data, account_id=account_id))
            pending.extend(reply.items("replies"))
    below.sort(key=lambda p: p.created_at)
    return [*reversed(above), *below]


# --- chat ---------------------------------------------------------------------------------


def parse_message(
    data: object, *, convo_id: str, members: Mapping[str, Person], account_id: str
) -> Post | None:
    """chat.bsky.convo.defs#messageView as a direct post; a deleted message gives None."""
    f = Fields(data, entity="MessageView", account_id=account_id)
    if f.optional_text("$type").endswith("#deletedMessageView"):
        return None
    sender = f.obj("sender", "MessageViewSender").text("did")
    author = members.get(sender) or Person(Network.BLUESKY, sender, sender, sender)
    text = f.text("text")
    return Post(
        network=Network.BLUESKY,
        remote_id=f.text("id"),
        account_id=account_id,
        author=author,
        created_at=f.time("sentAt"),
        html=rich_text_html(text, f.items("facets"), account_id=account_id),
        text=text,
        conversation_id=convo_id,
        visibility=Visibility.DIRECT,
        raw=raw_json(f.data, f),
    )


def parse_convo(data: object, *, me: str, account_id: str) -> Conversation:
    """chat.bsky.convo.defs#convoView."""
    f = Fields(data, entity="ConvoView", account_id=account_id)
    convo_id = f.text("id")
    people = [parse_profile(m, account_id=account_id) for m in f.items("members")]
    members = {p.remote_id: p for p in people}
    last_data = f.data.get("lastMessage")
    last = (
        None
        if last_data is None
        else parse_message(last_data, convo_id=convo_id, members=members, account_id=account_id)
    )
    unread = f.data.get("unreadCount", 0)
    if not isinstance(unread, int) or isinstance(unread, bool):
        raise f.error("unreadCount", "not an integer")
    return Conversation(
        network=Network.BLUESKY,
        remote_id=convo_id,
        account_id=account_id,
        participants=tuple(p for p in people if p.remote_id != me) or tuple(people),
        last_post=last,
        unread=unread > 0,
        updated_at=last.created_at if last is not None else EPOCH_FALLBACK,
    )


def parse_convos(
    data: object, *, me: str, account_id: str
) -> tuple[list[Conversation], Cursor | None]:
    f = Fields(data, entity="ListConvos", account_id=account_id)
    convos = [parse_convo(c, me=me, account_id=account_id) for c in f.items("convos")]
    return convos, cursor_of(f)


def parse_messages(
    data: object, *, convo_id: str, members: Mapping[str, Person], account_id: str
) -> tuple[list[Post], Cursor | None]:
    """chat.bsky.convo.getMessages, newest first as the server sends them."""
    f = Fields(data, entity="GetMessages", account_id=account_id)
    messages = [
        parse_message(m, convo_id=convo_id, members=members, account_id=account_id)
        for m in f.items("messages")
    ]
    return [m for m in messages if m is not None], cursor_of(f)


EPOCH_FALLBACK = parse_time(
    "1970-01-01T00:00:00+00:00", error=lambda why: ParseError("", "Time", "epoch", why)
)
"""The time of a conversation without messages: it sorts last."""
