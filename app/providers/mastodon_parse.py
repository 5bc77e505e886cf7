"""Mastodon API JSON to Pantau models: pure, total parsers that raise only ParseError."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from app.model import (
    Conversation,
    Engagement,
    Media,
    Network,
    Person,
    Post,
    ScheduledPost,
    Visibility,
)
from app.providers.base import Cursor, ParseError
from app.providers.fields import LONE_SURROGATE, Fields, raw_json
from app.sanitize import html_to_text, sanitize_html
from app.text_length import DEFAULT_RULES, TextRules

MEDIA_KINDS = frozenset({"image", "video", "gifv", "audio", "unknown"})
# A conversation whose last status was deleted has no time of its own; it sorts last.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# A Status's counts in Engagement's order: replies, reposts (reblogs), likes (favourites).
STATUS_COUNTS = ("replies_count", "reblogs_count", "favourites_count")
MAX_COUNT = 2**63 - 1  # what SQLite's INTEGER holds; no real count comes near it


# --- entities -----------------------------------------------------------------------------


def parse_account(data: object, *, instance: str, account_id: str = "") -> Person:
    """An Account: https://docs.joinmastodon.org/entities/Account/

    `handle` is `acct` as the server gives it: bare for its own users, user@domain for
    remote ones; an empty display name falls back to the username, as Mastodon's UI does.
    """
    f = Fields(data, entity="Account", account_id=account_id)
    username = f.text("username")
    return Person(
        network=Network.MASTODON,
        remote_id=f.text("id"),
        handle=f.text("acct"),
        display_name=f.optional_text("display_name") or username,
        avatar_url=f.optional_text("avatar"),
        url=f.optional_text("url"),
        instance=instance,
    )


def parse_media(data: object, *, account_id: str = "") -> Media:
    """A MediaAttachment: https://docs.joinmastodon.org/entities/MediaAttachment/

    `url` is null while the server still processes an upload; it is read as ''.
    """
    f = Fields(data, entity="MediaAttachment", account_id=account_id)
    f.text("id")
    kind = f.text("type")
    if kind not in MEDIA_KINDS:
        raise f.error("type", f"unknown value {kind[:40]!r}")
    return Media(
        kind=kind,
        url=f.optional_text("url") or f.optional_text("remote_url"),
        preview_url=f.optional_text("preview_url"),
        description=f.optional_text("description"),
    )


def media_id(data: object, *, account_id: str = "") -> tuple[str, bool]:
    """The id of an uploaded MediaAttachment and whether its file is ready (url set)."""
    f = Fields(data, entity="MediaAttachment", account_id=account_id)
    return f.text("id"), bool(f.optional_text("url"))


def _shown_status(data: object, account_id: str) -> tuple[Fields, Fields]:
    """(the status the row shows, the status as received).

    A reblog (boost) is shown as the status it reblogs, with that status's id, author
    and text: the column is about what was said, and the same post boosted by three
    people is then one row, not four. The booster stays in `Post.raw`.
    """
    outer = Fields(data, entity="Status", account_id=account_id)
    inner = outer.optional_obj("reblog", "Status")
    return (inner if inner is not None else outer), outer


def parse_status(data: object, *, account_id: str, instance: str) -> Post:
    """A Status: https://docs.joinmastodon.org/entities/Status/ (reblogs: see _shown_status)."""
    f, outer = _shown_status(data, account_id)
    html = sanitize_html(f.text("content"))
    url = f.optional_text("url") or f.text("uri")
    return Post(
        network=Network.MASTODON,
        remote_id=f.text("id"),
        account_id=account_id,
        author=parse_account(f.data.get("account"), instance=instance, account_id=account_id),
        created_at=f.time("created_at"),
        html=html,
        text=html_to_text(html),
        url=url,
        instance=instance,
        reply_to_id=f.optional_text("in_reply_to_id"),
        visibility=f.choice("visibility", Visibility),
        spoiler=f.optional_text("spoiler_text"),
        media=tuple(parse_media(m, account_id=account_id) for m in f.items("media_attachments")),
        raw=raw_json(outer.data, outer),
        engagement=_engagement(f),
    )


def _count(f: Fields, name: str) -> int | None:
    """A count that may be absent or null (None); present, it must be a JSON integer."""
    value = f.data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise f.error(name, "not an integer")
    if value > MAX_COUNT:
        raise f.error(name, "out of range")
    return value


def _engagement(f: Fields) -> Engagement | None:
    """The counts of the status a row shows (for a reblog, the reblogged status's, as
    everything else in the Post), or None when the server leaves any of them out.

    Mastodon's counters could go below zero (a race when a favourite or reblog was undone;
    its StatusStat now reads them as `[count, 0].max`), and older Mastodon servers send such
    a count as is: it reads as 0 here too, rather than failing the page it is on.
    """
    replies, reblogs, favourites = (_count(f, name) for name in STATUS_COUNTS)
    if replies is None or reblogs is None or favourites is None:
        return None
    return Engagement(replies=max(replies, 0), reposts=max(reblogs, 0), likes=max(favourites, 0))


def followers_count(data: object, *, account_id: str = "") -> int:
    """An Account's `followers_count` (verify_credentials gives the signed-in account's):
    https://docs.joinmastodon.org/entities/Account/#followers_count"""
    f = Fields(data, entity="Account", account_id=account_id)
    count = _count(f, "followers_count")
    if count is None:
        raise f.error("followers_count", "missing")
    if count < 0:
        raise f.error("followers_count", "negative")
    return count


@dataclass(frozen=True, slots=True)
class OwnStatus:
    """One item of an account's own statuses (GET /api/v1/accounts/:id/statuses) as
    listed: its id and time, and its Post, or None for a reblog (a boost of someone's
    post is not the account's own post)."""

    remote_id: str
    created_at: datetime
    post: Post | None


def parse_own_status(data: object, *, account_id: str, instance: str) -> OwnStatus:
    """An item of the account's own statuses. The id and time are the listed item's own,
    even for a reblog, since paging and `since` go by those; a server that ignores
    exclude_reblogs still has its reblogs dropped this way."""
    outer = Fields(data, entity="Status", account_id=account_id)
    remote_id, created_at = outer.text("id"), outer.time("created_at")
    if outer.optional_obj("reblog", "Status") is not None:
        return OwnStatus(remote_id, created_at, None)
    return OwnStatus(
        remote_id, created_at, parse_status(data, account_id=account_id, instance=instance)
    )


def status_tags(data: object, *, account_id: str = "") -> frozenset[str]:
    """The casefolded hashtag names of the status a row shows (`tags[].name`)."""
    f, _ = _shown_status(data, account_id)
    return frozenset(
        Fields(tag, entity="Tag", account_id=account_id).text("name").casefold()
        for tag in f.items("tags")
    )


def status_mentions(data: object, *, account_id: str = "") -> frozenset[str]:
    """The account ids the status a row shows mentions (`mentions[].id`)."""
    f, _ = _shown_status(data, account_id)
    return frozenset(
        Fields(m, entity="Mention", account_id=account_id).text("id") for m in f.items("mentions")
    )


def status_source_texts(data: object, *, account_id: str = "") -> tuple[str, ...]:
    """What the author typed, as far as a status tells: GoToSocial's `text` extension
    (the plain source) when present, and always the plain form of `content`."""
    f, _ = _shown_status(data, account_id)
    texts = [f.optional_text("text")] if isinstance(f.data.get("text"), str) else []
    texts.append(html_to_text(sanitize_html(f.text("content"))))
    return tuple(texts)


def parse_notification(data: object, *, account_id: str, instance: str) -> Post | None:
    """A Notification: https://docs.joinmastodon.org/entities/Notification/

    Only a mention is a post for a column (its status); other types give None.
    """
    f = Fields(data, entity="Notification", account_id=account_id)
    notification_id = f.text("id")
    if f.text("type") != "mention":
        return None
    status = f.obj("status", "Status")
    post = parse_status(status.data, account_id=account_id, instance=instance)
    return replace(post, feed_item_id=notification_id)


def parse_conversation(data: object, *, account_id: str, instance: str) -> Conversation:
    """A Conversation: https://docs.joinmastodon.org/entities/Conversation/

    Its time is its last status's; a conversation whose last status is gone sorts last.
    """
    f = Fields(data, entity="Conversation", account_id=account_id)
    last = f.optional_obj("last_status", "Status")
    last_post = (
        None if last is None else parse_status(last.data, account_id=account_id, instance=instance)
    )
    return Conversation(
        network=Network.MASTODON,
        remote_id=f.text("id"),
        account_id=account_id,
        participants=tuple(
            parse_account(a, instance=instance, account_id=account_id) for a in f.items("accounts")
        ),
        last_post=last_post,
        unread=f.flag("unread", False),
        updated_at=last_post.created_at if last_post is not None else EPOCH,
        instance=instance,
    )


def parse_scheduled(data: object, *, account_id: str) -> ScheduledPost:
    """A ScheduledStatus: https://docs.joinmastodon.org/entities/ScheduledStatus/

    `id` is 0: the local row id is the store's to give; the server's id is `remote_id`.
    A null `params.visibility` (the server's default) reads as public.
    """
    f = Fields(data, entity="ScheduledStatus", account_id=account_id)
    params = f.obj("params", "ScheduledStatus.params")
    visibility = (
        Visibility.PUBLIC
        if params.data.get("visibility") is None
        else params.choice("visibility", Visibility)
    )
    return ScheduledPost(
        id=0,
        account_id=account_id,
        text=params.text("text"),
        scheduled_at=f.time("scheduled_at"),
        remote_id=f.text("id"),
        visibility=visibility,
    )


def parse_markers(data: object, *, account_id: str) -> dict[str, str]:
    """A hash of Markers by timeline name: https://docs.joinmastodon.org/entities/Marker/
    (GoToSocial answers `{}` while none is set, fixture 65)."""
    if not isinstance(data, Mapping):
        raise ParseError(account_id, "Marker", "(object)", "markers: not a JSON object")
    return {
        str(name): Fields(marker, entity="Marker", account_id=account_id).text("last_read_id")
        for name, marker in data.items()
    }


# --- lists and server quirks --------------------------------------------------------------


def json_list(data: object, *, entity: str, account_id: str = "") -> Sequence[object]:
    """A response body that must be a JSON array of `entity`."""
    if not isinstance(data, list):
        raise ParseError(account_id, entity, "(list)", f"expected a list of {entity}")
    return data


def dedupe_by_id(items: Iterable[object]) -> list[object]:
    """GoToSocial 0.20's home timeline repeats statuses (fixtures 30 and 73: 22 items, 11
    ids); keep the first of each id. Items without a string id pass through for the
    parser to reject."""
    seen: set[str] = set()
    kept: list[object] = []
    for item in items:
        ident = item.get("id") if isinstance(item, Mapping) else None
        if isinstance(ident, str):
            if ident in seen:
                continue
            seen.add(ident)
        kept.append(item)
    return kept


def parse_statuses(data: object, *, account_id: str, instance: str) -> list[Post]:
    """A list of statuses, fully parsed, each post once: server duplicates go first
    (dedupe_by_id), then a reblog of a post already on the page (both show the same
    status, see _shown_status)."""
    items = dedupe_by_id(json_list(data, entity="Status", account_id=account_id))
    return unique_posts(
        parse_status(item, account_id=account_id, instance=instance) for item in items
    )


def unique_posts(posts: Iterable[Post]) -> list[Post]:
    """`posts` without repeats of a remote id, first kept."""
    kept: dict[str, Post] = {}
    for post in posts:
        kept.setdefault(post.remote_id, post)
    return list(kept.values())


def error_message(data: object, reason: str = "") -> str:
    """The server's words from an Error body: https://docs.joinmastodon.org/entities/Error/

    GoToSocial prefixes the HTTP reason phrase ("Unprocessable Entity: scheduled_at must
    be at least 5 minutes in the future"); the prefix repeats the status, so it goes.
    """
    if not isinstance(data, Mapping):
        return ""
    parts = [data.get("error"), data.get("error_description")]
    message = ": ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
    if reason and message.casefold().startswith(reason.casefold() + ": "):
        message = message[len(reason) + 2 :]
    return LONE_SURROGATE.sub("\ufffd", message)[:500]


# --- wire formats: times, cursors, ids -----------------------------------------------


def iso(at: datetime) -> str:
    """A moment as Mastodon wants it: UTC, ISO-8601, milliseconds, Z."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def server_instance(server: str) -> str:
    """The host (and port) of a server URL: the `instance` that scopes Mastodon ids."""
    return urlsplit(server).netloc.lower()


def cursor_params(cursor: Cursor | None) -> list[tuple[str, str]]:
    """Query parameters of an opaque cursor ("max_id:<id>" or "min_id:<id>"); anything
    else (a cursor from another version) starts again at the newest page."""
    if cursor is None:
        return []
    name, _, value = cursor.value.partition(":")
    return [(name, value)] if name in ("max_id", "min_id") and value else []


def id_order(remote_id: str) -> tuple[int, str]:
    """Sort key for ids: Mastodon's are decimal strings of growing length, GoToSocial's
    fixed-length ULIDs; (length, text) orders both."""
    return len(remote_id), remote_id


TAG_CURSOR = "tags:"


def tag_positions(cursor: Cursor | None, tags: Sequence[str]) -> tuple[str, dict[str, str]]:
    """(max_id or min_id, each tag's id) from a merged hashtag column's cursor, which is
    "tags:" + JSON {"max_id": {tag: id}}. A plain "max_id:<id>" (stored before columns
    were merged) puts every tag at that id; anything else starts at the newest page."""
    if cursor is None:
        return "max_id", {}
    if not cursor.value.startswith(TAG_CURSOR):
        params = cursor_params(cursor)
        return (params[0][0], dict.fromkeys(tags, params[0][1])) if params else ("max_id", {})
    try:
        data = json.loads(cursor.value[len(TAG_CURSOR) :])
    except (ValueError, RecursionError):
        return "max_id", {}
    if not isinstance(data, Mapping) or len(data) != 1:
        return "max_id", {}
    [(direction, at)] = data.items()
    if direction not in ("max_id", "min_id") or not isinstance(at, Mapping):
        return "max_id", {}
    return direction, {t: v for t, v in at.items() if t in tags and isinstance(v, str) and v}


def tag_cursor(direction: str, positions: Mapping[str, str]) -> Cursor:
    body = json.dumps({direction: dict(sorted(positions.items()))}, separators=(",", ":"))
    return Cursor(TAG_CURSOR + body)


@dataclass(frozen=True, slots=True)
class MergedTags:
    """One page of a hashtag column merged from one page of each tag's timeline."""

    items: list[object]  # raw statuses, newest first, each id once
    older: Cursor | None = None
    newer: Cursor | None = None


def merge_tag_pages(
    pages: Mapping[str, Sequence[object]],
    *,
    direction: str,
    positions: Mapping[str, str],
    limit: int,
    account_id: str = "",
) -> MergedTags:
    """Merge each tag's page (fetched from `positions` in `direction`) into one page.

    Every tag timeline pages by status id, so the column is their union ordered by id.
    An older page keeps the union's newest `limit`, a newer (min_id) page its oldest
    `limit`, the ones directly above the cursor. Then each tag moves only as far as its
    own page reached: a full page of a tag reaches past the merged page's edge, so the
    tag resumes at the edge; a short one (the tag ran out, or the server hid items)
    resumes where its page ended. Between a tag's position and the edge nothing of that
    tag is left unseen, so paging either way skips nothing.
    """
    ids = {
        tag: [Fields(item, entity="Status", account_id=account_id).text("id") for item in items]
        for tag, items in pages.items()
    }
    union: dict[str, object] = {}
    for tag, items in pages.items():
        for ident, item in zip(ids[tag], items, strict=True):
            union.setdefault(ident, item)
    ordered = sorted(union, key=id_order, reverse=True)
    kept = ordered[-limit:] if direction == "min_id" else ordered[:limit]
    if not kept:
        return MergedTags([])  # no cursors: the caller keeps the ones it holds
    edge_old, edge_new = kept[-1], kept[0]
    older: dict[str, str] = {}
    newer: dict[str, str] = {}
    for tag, got in ids.items():
        if got:
            older[tag] = max(edge_old, min(got, key=id_order), key=id_order)
            newer[tag] = min(edge_new, max(got, key=id_order), key=id_order)
        else:  # nothing more of this tag that way: it stays where it was
            older[tag] = positions.get(tag, edge_old) if direction == "max_id" else edge_old
            newer[tag] = positions.get(tag, edge_new) if direction == "min_id" else edge_new
    return MergedTags(
        [union[i] for i in kept], tag_cursor("max_id", older), tag_cursor("min_id", newer)
    )


def text_rules(data: object, *, account_id: str = "") -> TextRules:
    """The post length rules of an Instance (v2): configuration.statuses, where servers
    before Mastodon 4 and some forks have nothing; the defaults then stand."""
    default = DEFAULT_RULES[Network.MASTODON]
    f = Fields(data, entity="Instance", account_id=account_id)
    configuration = f.optional_obj("configuration", "Instance.configuration")
    statuses = (
        configuration.optional_obj("statuses", "Instance.configuration.statuses")
        if configuration is not None
        else None
    )
    if statuses is None:
        return default
    limit = statuses.data.get("max_characters")
    per_url = statuses.data.get("characters_reserved_per_url")
    return TextRules(
        limit if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0
        else default.limit,
        per_url if isinstance(per_url, int) and not isinstance(per_url, bool) and per_url >= 0
        else default.url_length,
        short_remote_mentions=True,
    )  # fmt: skip


# --- streaming ----------------------------------------------------------------------------


def streams_hashtags(data: object, *, account_id: str = "") -> bool:
    """Whether the server of an Instance (https://docs.joinmastodon.org/entities/Instance/)
    streams hashtags. GoToSocial does not: its subscribe messages carry only `stream` and
    `list`, and it publishes to no hashtag stream at all (its internal/stream knows user,
    user:notification, public, direct and list). Mastodon, Pleroma and Akkoma do."""
    f = Fields(data, entity="Instance", account_id=account_id)
    return "gotosocial" not in f.optional_text("source_url").casefold()


STREAM_EVENTS_WITH_JSON = frozenset(
    {"update", "notification", "status.update", "conversation", "announcement"}
)


@dataclass(frozen=True, slots=True)
class StreamFrame:
    """One streaming message: its event, its payload (decoded JSON, or the bare status id
    of a `delete`) and the stream it came on: ("user",), or ("hashtag", "tag") on
    Mastodon; empty from servers older than Mastodon 3.3, which did not say."""

    event: str
    payload: Mapping[str, object] | str
    stream: tuple[str, ...] = ()


def parse_stream_frame(raw: str, *, account_id: str = "") -> StreamFrame:
    """A streaming frame: https://docs.joinmastodon.org/methods/streaming/

    `{"stream": […], "event": "update", "payload": "<JSON string>"}`; see StreamFrame.
    """
    try:
        frame = json.loads(raw)
    except (ValueError, RecursionError):
        raise ParseError(account_id, "StreamFrame", "(json)", "frame is not JSON") from None
    f = Fields(frame, entity="StreamFrame", account_id=account_id)
    event = f.text("event")
    payload = f.optional_text("payload")
    stream = tuple(s for s in f.items("stream") if isinstance(s, str))
    if event not in STREAM_EVENTS_WITH_JSON:
        return StreamFrame(event, payload, stream)
    try:
        decoded = json.loads(payload)
    except (ValueError, RecursionError):
        raise f.error("payload", "not JSON") from None
    if not isinstance(decoded, Mapping):
        raise f.error("payload", "not a JSON object")
    return StreamFrame(event, decoded, stream)
