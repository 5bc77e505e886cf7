"""Every recorded GoToSocial response through the Mastodon parsers, plus Hypothesis on them."""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.model import Engagement, Network, Visibility
from app.providers import mastodon_http as mh
from app.providers import mastodon_parse as mp
from app.providers.base import AuthExpired, Cursor, NotFound, ParseError, RateLimit, Rejected
from app.providers.fields import Fields
from app.providers.http import reset_time
from app.providers.mastodon_http import error_for_status

FIXTURES = Path(__file__).parent.parent / "fixtures" / "mastodon"
ACCOUNT = "mastodon:lpse_admin@localhost:8080"
HOST = "localhost:8080"
NOW = datetime(2026, 11, 23, 12, 40, tzinfo=UTC)


def exchange(number: int) -> dict[str, object]:
    [path] = FIXTURES.glob(f"{number:02d}-*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def body(number: int) -> object:
    response = exchange(number)["response"]
    assert isinstance(response, dict)
    return response["body"]


def headers(number: int) -> dict[str, str]:
    response = exchange(number)["response"]
    assert isinstance(response, dict)
    return dict(response["headers"])


STATUS_ARGS = {"account_id": ACCOUNT, "instance": HOST}


def status(data: object) -> object:
    return mp.parse_status(data, account_id=ACCOUNT, instance=HOST)


def statuses(data: object) -> object:
    return mp.parse_statuses(data, account_id=ACCOUNT, instance=HOST)


def notifications(data: object) -> object:
    items = mp.json_list(data, entity="Notification")
    return [mp.parse_notification(n, account_id=ACCOUNT, instance=HOST) for n in items]


def conversation(data: object) -> object:
    return mp.parse_conversation(data, account_id=ACCOUNT, instance=HOST)


def conversations(data: object) -> object:
    return [conversation(c) for c in mp.json_list(data, entity="Conversation")]


def account(data: object) -> object:
    return mp.parse_account(data, instance=HOST)


def scheduled(data: object) -> object:
    return mp.parse_scheduled(data, account_id=ACCOUNT)


def context(data: object) -> object:
    found = Fields(data, entity="Context", account_id=ACCOUNT)
    return [statuses(list(found.items(part))) for part in ("ancestors", "descendants")]


def search(data: object) -> object:
    found = Fields(data, entity="Search", account_id=ACCOUNT)
    return (
        [account(a) for a in found.items("accounts")],
        statuses(list(found.items("statuses"))),
    )


def error(data: object) -> object:
    return mp.error_message(data)


PARSERS: dict[int, Callable[[object], object]] = {
    **dict.fromkeys([9, 10, 11, 13, 14, 15, 16, 17, 36, 38, 43, 44, 45, 46, 48], status),
    **dict.fromkeys([64, 68, 69, 70, 72], status),
    **dict.fromkeys([18, 19, 20, 21, 22, 23, 30, 31, 73], statuses),
    **dict.fromkeys([3, 4, 5, 6, 7, 75], account),
    **dict.fromkeys([32, 33, 34, 35], notifications),
    **dict.fromkeys([37, 40, 41], conversations),
    39: conversation,
    **dict.fromkeys([50, 52, 53], scheduled),
    51: lambda data: [scheduled(s) for s in mp.json_list(data, entity="ScheduledStatus")],
    **dict.fromkeys([61, 62, 63], mp.parse_media),
    42: context,
    **dict.fromkeys([27, 28], search),
    **dict.fromkeys([29, 55, 56, 57, 58, 59, 60], error),
    2: mp.streams_hashtags,
}
NOT_READ = {
    1: "instance v1: Pantau reads only v2's source_url",
    8: "relationship after a follow",
    12: "relationship after a follow",
    24: "tag entity",
    25: "tag follow",
    26: "followed tags",
    47: "edit history",
    49: "poll after a vote",
    54: "empty object from DELETE scheduled_statuses",
    65: "markers (not used yet)",
    66: "markers",
    67: "markers",
    71: "status source",
    74: "streaming frames: see test_stream_frames",
}


def test_every_fixture_is_accounted_for() -> None:
    numbers = {int(p.name[:2]) for p in FIXTURES.glob("[0-9][0-9]-*.json")}
    assert len(numbers) == 75
    assert numbers == set(PARSERS) | set(NOT_READ)
    assert not set(PARSERS) & set(NOT_READ)


@pytest.mark.parametrize("number", sorted(PARSERS))
def test_every_recorded_body_parses(number: int) -> None:
    PARSERS[number](body(number))


def test_status_fields_of_a_public_report() -> None:
    post = mp.parse_status(body(13), account_id=ACCOUNT, instance=HOST)
    assert post.network is Network.MASTODON
    assert post.remote_id == "01M846HWZQY1VDYXG5CR3KXD54"
    assert post.account_id == ACCOUNT
    assert post.instance == HOST
    assert post.author.handle == "warga1"
    assert post.author.display_name == "Warga Satu 🏙️"
    assert post.author.remote_id == "01RW6MAX4K5T2NX3M8EH8RYAB5"
    assert post.author.instance == HOST
    assert post.created_at == datetime(2026, 11, 23, 12, 37, 5, 656000, tzinfo=UTC)
    assert post.visibility is Visibility.PUBLIC
    assert post.url == "http://localhost:8080/@warga1/statuses/01M846HWZQY1VDYXG5CR3KXD54"
    assert post.reply_to_id == ""
    assert post.text == (
        "Jalan rusak di Jl. Pemuda Semarang 🚧 mohon segera diperbaiki #KemalaJateng "
        "@lpse_admin foto & detail: https://semarangkota.go.id/laporan?id=123&src=warga"
    )
    assert 'href="https://semarangkota.go.id/laporan?id=123&amp;src=warga"' in post.html
    assert "target=" not in post.html
    assert "class=" not in post.html
    assert json.loads(post.raw) == body(13)


def test_hostile_html_is_sanitised_and_text_is_literal() -> None:
    for number in (69, 70):
        post = mp.parse_status(body(number), account_id=ACCOUNT, instance=HOST)
        assert "<script" not in post.html
        # what the user typed as tags is text now: escaped, never an element or a link
        assert '<a href="javascript' not in post.html
        assert "<img" not in post.html
        assert "&lt;img src=x onerror=alert(4)&gt;" in post.html
        assert post.text.startswith("Tes <script>alert(1)</script> <b>tebal</b>")
        assert "& \"kutip\" 'tunggal' #KemalaJateng" in post.text


def test_reply_spoiler_markdown_direct_and_default_visibility() -> None:
    reply = mp.parse_status(body(38), account_id=ACCOUNT, instance=HOST)
    assert reply.visibility is Visibility.DIRECT
    assert reply.reply_to_id == "01M846HYGAZ831MBGH51J9X51Y"
    warning = mp.parse_status(body(68), account_id=ACCOUNT, instance=HOST)
    assert warning.spoiler == "Kecelakaan lalu lintas"
    markdown = mp.parse_status(body(72), account_id=ACCOUNT, instance=HOST)
    assert "<strong>Penting</strong>" in markdown.html
    assert markdown.text == "Penting: batas unggah dokumen penawaran 17.00 WIB"
    unlisted = mp.parse_status(body(15), account_id=ACCOUNT, instance=HOST)
    assert unlisted.visibility is Visibility.UNLISTED


def test_media_attachment_and_status_with_media() -> None:
    media = mp.parse_media(body(61))
    assert media.kind == "image"
    assert media.url.endswith("/attachment/original/01M846J1FYBJH583KMJEESQAT5.png")
    assert media.preview_url.endswith(".jpeg")
    assert media.description.startswith("Foto lubang besar di Jl. Pemuda")
    assert mp.media_id(body(61)) == ("01M846J1FYBJH583KMJEESQAT5", True)
    assert mp.media_id({**body(61), "url": None}) == ("01M846J1FYBJH583KMJEESQAT5", False)  # type: ignore[dict-item]
    post = mp.parse_status(body(64), account_id=ACCOUNT, instance=HOST)
    assert [m.description for m in post.media] == ["Foto lubang jalan (diperbarui)"]


def test_reblog_shows_the_reblogged_status_and_keeps_the_booster_in_raw() -> None:
    post = mp.parse_status(body(11), account_id=ACCOUNT, instance=HOST)
    assert post.remote_id == "01M846HWZ73YW07W7HZG4M6HNZ"
    assert post.author.handle == "lpse_admin"
    assert post.text.startswith("Selamat datang di kanal pengaduan #LPSE")
    raw = json.loads(post.raw)
    assert raw["id"] == "01M846HWZGZ3404HFCHNNK5W7F"
    assert raw["account"]["username"] == "warga2"
    assert mp.status_tags(body(11)) == {"lpse", "kemalajateng"}


def test_engagement_counts_of_recorded_statuses() -> None:
    fresh = mp.parse_status(body(13), account_id=ACCOUNT, instance=HOST)
    assert fresh.engagement == Engagement(replies=0, reposts=0, likes=0)
    liked = mp.parse_status(body(10), account_id=ACCOUNT, instance=HOST)  # warga2's favourite
    assert liked.engagement == Engagement(replies=0, reposts=0, likes=1)
    # A boost is the boosted status, counts too: the wrapper's own are all 0 (fixture 11).
    boost = body(11)
    assert isinstance(boost, dict)
    assert [boost[k] for k in mp.STATUS_COUNTS] == [0, 0, 0]
    boosted = mp.parse_status(boost, account_id=ACCOUNT, instance=HOST)
    assert boosted.engagement == Engagement(replies=0, reposts=1, likes=1)
    home = {p.remote_id: p for p in mp.parse_statuses(body(73), account_id=ACCOUNT, instance=HOST)}
    replied = home["01M846HWZQY1VDYXG5CR3KXD54"].engagement  # answered in fixture 43
    assert replied == Engagement(replies=1, reposts=0, likes=0)
    assert replied.total == 1


def with_counts(data: object, **counts: object) -> dict[str, object]:
    """`data` with counts replaced; a value of ... removes the field."""
    assert isinstance(data, dict)
    changed = {**data, **{k: v for k, v in counts.items() if v is not ...}}
    return {k: v for k, v in changed.items() if counts.get(k) is not ...}


def test_engagement_is_none_when_the_server_does_not_say() -> None:
    for counts in (
        dict.fromkeys(mp.STATUS_COUNTS, ...),
        dict.fromkeys(mp.STATUS_COUNTS, None),
        {"favourites_count": ...},  # all three or nothing: a partial set is not a count
        {"replies_count": None},
    ):
        data = with_counts(body(13), **counts)
        post = mp.parse_status(data, account_id=ACCOUNT, instance=HOST)
        assert post.engagement is None, counts
        assert post.text.startswith("Jalan rusak")


def test_engagement_from_a_busy_status_and_old_mastodon_negative_counts() -> None:
    busy = with_counts(body(13), replies_count=12, reblogs_count=345, favourites_count=6789)
    post = mp.parse_status(busy, account_id=ACCOUNT, instance=HOST)
    assert post.engagement == Engagement(replies=12, reposts=345, likes=6789)
    assert post.engagement.total == 7146
    # Mastodon before its StatusStat clamp sent counters that had raced below zero.
    raced = with_counts(body(13), reblogs_count=-1)
    engagement = mp.parse_status(raced, account_id=ACCOUNT, instance=HOST).engagement
    assert engagement == Engagement(replies=0, reposts=0, likes=0)


@pytest.mark.parametrize("field_name", ["replies_count", "reblogs_count", "favourites_count"])
@pytest.mark.parametrize("value", ["3", 1.5, 2.0, True, [1], {"n": 1}, 2**63])
def test_a_count_that_is_not_an_integer_is_a_parse_error(field_name: str, value: object) -> None:
    with pytest.raises(ParseError) as caught:
        mp.parse_status(with_counts(body(13), **{field_name: value}), **STATUS_ARGS)
    assert (caught.value.entity, caught.value.field_name) == ("Status", field_name)
    assert caught.value.account_id == ACCOUNT
    # in a boost, the boosted status's counts are the ones read
    boost = body(11)
    assert isinstance(boost, dict)
    with pytest.raises(ParseError):
        mp.parse_status(
            {**boost, "reblog": with_counts(boost["reblog"], **{field_name: value})}, **STATUS_ARGS
        )


def test_followers_count_of_verify_credentials() -> None:
    assert mp.followers_count(body(3), account_id=ACCOUNT) == 0
    assert mp.followers_count(body(75), account_id=ACCOUNT) == 1  # after warga2 followed
    good = body(75)
    assert isinstance(good, dict)
    assert mp.followers_count({**good, "followers_count": 120_000}) == 120_000
    for bad in (-1, "1", 1.0, None, False):
        with pytest.raises(ParseError) as caught:
            mp.followers_count({**good, "followers_count": bad}, account_id=ACCOUNT)
        assert (caught.value.entity, caught.value.field_name) == ("Account", "followers_count")
        assert caught.value.account_id == ACCOUNT
    with pytest.raises(ParseError):
        mp.followers_count({k: v for k, v in good.items() if k != "followers_count"})
    with pytest.raises(ParseError):
        mp.followers_count([good])


def test_own_statuses_keep_the_listed_id_and_time_and_drop_boosts() -> None:
    own = mp.parse_own_status(body(9), **STATUS_ARGS)
    assert own.post is not None
    assert own.remote_id == own.post.remote_id == "01M846HWZ73YW07W7HZG4M6HNZ"
    assert own.created_at == own.post.created_at
    assert own.post.engagement == Engagement()
    boost = mp.parse_own_status(body(11), **STATUS_ARGS)
    assert boost.post is None
    assert boost.remote_id == "01M846HWZGZ3404HFCHNNK5W7F"  # the boost's id, for paging
    assert boost.created_at == datetime(2026, 11, 23, 12, 37, 5, tzinfo=UTC)
    with pytest.raises(ParseError):
        mp.parse_own_status({**body(11), "reblog": "01M846HWZ73YW07W7HZG4M6HNZ"}, **STATUS_ARGS)  # type: ignore[dict-item]


def test_home_timeline_duplicates_are_dropped_keeping_order() -> None:
    raw = body(73)
    assert isinstance(raw, list)
    assert len(raw) == 22
    posts = mp.parse_statuses(raw, account_id=ACCOUNT, instance=HOST)
    ids = [p.remote_id for p in posts]
    assert len(ids) == 11 == len(set(ids))
    assert ids == list(dict.fromkeys(item["id"] for item in raw))
    five = mp.parse_statuses(body(30), account_id=ACCOUNT, instance=HOST)
    assert len(five) == 4


def test_notifications_mentions_become_posts_others_none() -> None:
    posts = notifications(body(34))
    assert isinstance(posts, list)
    kinds = [item["type"] for item in mp.json_list(body(34), entity="Notification")]  # type: ignore[index]
    assert kinds == ["mention", "mention", "follow", "reblog", "favourite"]
    assert [p is not None for p in posts] == [True, True, False, False, False]
    first = posts[0]
    assert first.remote_id == "01M846HWZQY1VDYXG5CR3KXD54"  # the status, not the notification
    assert first.feed_item_id == body(34)[0]["id"]  # type: ignore[index]
    assert first.feed_item_id != first.remote_id  # the notification: markers point at it
    assert first.author.handle == "warga1"


def test_conversation_fields() -> None:
    conv = mp.parse_conversation(body(37)[0], account_id=ACCOUNT, instance=HOST)  # type: ignore[index]
    assert conv.remote_id == "01M846HYGDQSZX11GXFQT0JVPK"
    assert conv.unread is True
    assert [p.handle for p in conv.participants] == ["warga2"]
    assert conv.last_post is not None
    assert conv.last_post.visibility is Visibility.DIRECT
    assert conv.updated_at == conv.last_post.created_at
    read = mp.parse_conversation(body(39), account_id=ACCOUNT, instance=HOST)
    assert read.unread is False
    gone = mp.parse_conversation(
        {"id": "c1", "unread": False, "accounts": [], "last_status": None},
        account_id=ACCOUNT,
        instance=HOST,
    )
    assert gone.last_post is None
    assert gone.updated_at == mp.EPOCH


def test_scheduled_fields() -> None:
    post = mp.parse_scheduled(body(50), account_id=ACCOUNT)
    assert post.remote_id == "01M846J1FGXFE4TFQRX19WZTPD"
    assert post.text == "Pengumuman: pemeliharaan server LPSE malam ini pukul 22.00 WIB #LPSE"
    assert post.scheduled_at == datetime(2026, 11, 23, 12, 47, 10, tzinfo=UTC)
    assert post.visibility is Visibility.PUBLIC
    moved = mp.parse_scheduled(body(53), account_id=ACCOUNT)
    assert moved.scheduled_at == datetime(2026, 11, 23, 13, 7, 10, tzinfo=UTC)


def test_accounts() -> None:
    person = mp.parse_account(body(6), instance=HOST)
    assert person.remote_id == "01YZSMZ5SGEXTAYJ05EDZBKGP8"
    assert person.handle == "lpse_admin"
    assert person.display_name == "Admin LPSE Jawa Tengah"
    assert person.url == "http://localhost:8080/@lpse_admin"
    assert person.avatar_url.endswith("GoToSocial_icon4.webp")
    nameless = mp.parse_account({**body(5), "display_name": ""}, instance=HOST)  # type: ignore[dict-item]
    assert nameless.display_name == "warga1"


def test_context_of_a_direct_thread() -> None:
    found = Fields(body(42), entity="Context", account_id=ACCOUNT)
    ancestors = statuses(list(found.items("ancestors")))
    descendants = mp.parse_statuses(
        list(found.items("descendants")), account_id=ACCOUNT, instance=HOST
    )
    assert ancestors == []
    assert [p.remote_id for p in descendants] == ["01M846HZZEFA2EHHCQ7VYN0DQX"]


def test_link_headers_give_cursors() -> None:
    links = mh.parse_link_header(headers(21)["link"])
    assert links["next"]["max_id"] == "01M846HX02CRDZV32YA28K4F2C"
    assert links["prev"]["min_id"] == "01M846HX02CRDZV32YA28K4F2C"
    older, newer = mh.link_cursors(headers(22))
    assert older is not None
    assert older.value == "max_id:01M846HWZQY1VDYXG5CR3KXD54"
    assert newer is not None
    assert newer.value == "min_id:01M846HWZQY1VDYXG5CR3KXD54"
    # notifications: notification ids, with the percent-encoded types[] kept
    note_links = mh.parse_link_header(headers(32)["link"])
    assert note_links["next"] == {
        "limit": "20",
        "max_id": "01M846HWZX3MCTQWX1XK5WXG4J",
        "types[]": "mention",
    }
    assert mh.link_cursors(headers(23)) == (None, None)  # an empty page has no Link
    assert mh.parse_link_header('garbage, <no-rel>, <http://x/?a=1>; rel="next"') == {
        "next": {"a": "1"}
    }


def test_cursor_params_round_trip_and_reject_strangers() -> None:
    older, _ = mh.link_cursors(headers(18))
    assert mp.cursor_params(older) == [("max_id", "01M846HWZ73YW07W7HZG4M6HNZ")]
    assert mp.cursor_params(Cursor("since:123")) == []
    assert mp.cursor_params(Cursor("max_id:")) == []
    assert mp.cursor_params(None) == []


def test_gotosocial_streams_no_hashtags() -> None:
    assert mp.streams_hashtags(body(2)) is False  # source_url names gotosocial
    assert mp.streams_hashtags({"source_url": "https://github.com/mastodon/mastodon"}) is True
    assert mp.streams_hashtags({}) is True


# --- hashtag columns merged from one timeline per tag -------------------------------------


def test_tag_cursors_round_trip_and_read_old_ones() -> None:
    cursor = mp.tag_cursor("min_id", {"lpse": "02", "kemalajateng": "01"})
    assert cursor.value == 'tags:{"min_id":{"kemalajateng":"01","lpse":"02"}}'
    tags = ["kemalajateng", "lpse"]
    assert mp.tag_positions(cursor, tags) == ("min_id", {"kemalajateng": "01", "lpse": "02"})
    # A cursor stored by the single-request column puts every tag at its id.
    assert mp.tag_positions(Cursor("max_id:07"), tags) == (
        "max_id",
        {"kemalajateng": "07", "lpse": "07"},
    )
    assert mp.tag_positions(cursor, ["lpse"]) == ("min_id", {"lpse": "02"})
    for junk in ("tags:{", "tags:[]", 'tags:{"since_id":{}}', 'tags:{"max_id":1}', "x"):
        assert mp.tag_positions(Cursor(junk), tags) == ("max_id", {})
    assert mp.tag_positions(None, tags) == ("max_id", {})


def tag_timeline(
    tagged: dict[str, set[str]], tag: str, direction: str, at: str | None, limit: int
) -> Sequence[object]:
    """A tag timeline as servers page it: by status id, min_id giving the oldest above."""
    ids = sorted((i for i, tags in tagged.items() if tag in tags), key=mp.id_order, reverse=True)
    if at is not None and direction == "max_id":
        return [{"id": i} for i in ids if mp.id_order(i) < mp.id_order(at)][:limit]
    if at is not None:
        return [{"id": i} for i in ids if mp.id_order(i) > mp.id_order(at)][-limit:]
    return [{"id": i} for i in ids[:limit]]


def merged_page(
    tagged: dict[str, set[str]], tags: list[str], cursor: Cursor | None, limit: int
) -> mp.MergedTags:
    direction, positions = mp.tag_positions(cursor, tags)
    pages = {t: tag_timeline(tagged, t, direction, positions.get(t), limit) for t in tags}
    return mp.merge_tag_pages(pages, direction=direction, positions=positions, limit=limit)


def page_ids(page: mp.MergedTags) -> list[str]:
    return [str(item["id"]) for item in page.items if isinstance(item, dict)]


tag_sets = st.sets(st.sampled_from(["a", "b", "c"]), min_size=1)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(tag_sets, max_size=30),
    st.lists(tag_sets, max_size=30),
    st.integers(min_value=1, max_value=5),
)
def test_merged_tag_pages_skip_nothing_and_repeat_nothing(
    before: list[set[str]], after: list[set[str]], limit: int
) -> None:
    tags = ["a", "b", "c"]
    tagged = {f"{n:04d}": t for n, t in enumerate(before)}
    first = merged_page(tagged, tags, None, limit)
    seen = page_ids(first)
    cursor = first.older
    while cursor is not None:  # older pages, down to the end
        page = merged_page(tagged, tags, cursor, limit)
        assert all(mp.id_order(i) < mp.id_order(seen[-1]) for i in page_ids(page))
        seen += page_ids(page)
        cursor = page.older if page.items else None
    assert seen == sorted(tagged, reverse=True)
    if not first.items:
        return  # no cursor at all: the next poll simply takes the newest page
    tagged.update({f"{n + len(before):04d}": t for n, t in enumerate(after)})
    cursor, new = first.newer, list[str]()
    while cursor is not None:  # newer pages from the first one: the gap, oldest first
        page = merged_page(tagged, tags, cursor, limit)
        new = page_ids(page) + new
        cursor = page.newer if len(page.items) == limit else None
    assert new == sorted(set(tagged) - set(seen), reverse=True)


def test_rate_limit_headers_of_75_and_epoch_seconds() -> None:
    rate = mh.parse_rate_limit(headers(75), now=NOW)
    assert rate == RateLimit(300, 297, datetime(2026, 11, 23, 12, 42, 19, tzinfo=UTC))
    epoch = mh.parse_rate_limit(
        {
            "X-RateLimit-Limit": "300",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": "1795437739",
        },
        now=NOW,
    )
    assert epoch is not None
    assert epoch.reset_at == datetime.fromtimestamp(1795437739, UTC)
    assert mh.parse_rate_limit(headers(18), now=NOW) is None
    assert reset_time("30", now=NOW) == datetime(2026, 11, 23, 12, 40, 30, tzinfo=UTC)
    assert reset_time("Mon, 23 Nov 2026 12:45:00 GMT", now=NOW) == datetime(
        2026, 11, 23, 12, 45, tzinfo=UTC
    )
    assert reset_time("soon", now=NOW) is None


def test_stream_frames_of_74() -> None:
    frames = exchange(74)["frames"]
    assert isinstance(frames, list)
    parsed = [mp.parse_stream_frame(f["raw"]) for f in frames]
    assert [f.event for f in parsed] == ["update", "notification", "status.update", "delete"]
    assert {f.stream for f in parsed} == {("user",)}
    update = parsed[0].payload
    assert isinstance(update, dict)
    post = mp.parse_status(update, account_id=ACCOUNT, instance=HOST)
    assert post.remote_id == "01M846J2MAM3YH20EM9PPPXM5W"
    mention = mp.parse_notification(parsed[1].payload, account_id=ACCOUNT, instance=HOST)
    assert mention is not None
    assert mention.remote_id == post.remote_id
    edited = parsed[2].payload
    assert isinstance(edited, dict)
    assert edited["edited_at"] == "2026-11-23T12:37:12.941Z"
    assert mp.status_mentions(edited) == {"01YZSMZ5SGEXTAYJ05EDZBKGP8"}  # lpse_admin
    assert parsed[3] == mp.StreamFrame("delete", "01M846J2MAM3YH20EM9PPPXM5W", ("user",))
    for bad in ("not json", "[]", '{"event": "update", "payload": "{"}', '{"payload": "x"}'):
        with pytest.raises(ParseError):
            mp.parse_stream_frame(bad)
    # Servers before Mastodon 3.3 name no stream.
    assert mp.parse_stream_frame('{"event": "delete", "payload": "1"}').stream == ()


@pytest.mark.parametrize(
    ("number", "kind", "detail"),
    [
        (56, Rejected, "scheduled_at must be at least 5 minutes in the future"),
        (57, AuthExpired, "token not supplied"),
        (59, NotFound, "target status not found"),
        (60, Rejected, "status contains no text, media or poll"),
    ],
)
def test_recorded_errors_map_to_types(number: int, kind: type[Exception], detail: str) -> None:
    response = exchange(number)["response"]
    assert isinstance(response, dict)
    reply = httpx.Response(response["status"], json=response["body"])
    failure = error_for_status(reply, account_id=ACCOUNT, now=NOW)
    assert type(failure) is kind
    assert failure is not None
    assert failure.detail == detail


# --- shape errors are ParseError, and nothing else ----------------------------------------


def test_wrong_shapes_name_entity_and_field() -> None:
    good = body(13)
    assert isinstance(good, dict)
    cases = {
        "id": ("Status", "id", {**good, "id": 5}),
        "created_at": ("Status", "created_at", {**good, "created_at": "yesterday"}),
        "naive": ("Status", "created_at", {**good, "created_at": "2026-11-23T12:37:05"}),
        "visibility": ("Status", "visibility", {**good, "visibility": "mutuals"}),
        "account": ("Account", "acct", {**good, "account": {**good["account"], "acct": None}}),
        "no account": ("Account", "(object)", {k: v for k, v in good.items() if k != "account"}),
        "media": (
            "MediaAttachment",
            "type",
            {**good, "media_attachments": [{"id": "m", "type": "x"}]},
        ),
        "content": ("Status", "content", {k: v for k, v in good.items() if k != "content"}),
    }
    for name, (entity, field_name, data) in cases.items():
        with pytest.raises(ParseError) as caught:
            mp.parse_status(data, account_id=ACCOUNT, instance=HOST)
        assert (caught.value.entity, caught.value.field_name) == (entity, field_name), name
        assert caught.value.account_id == ACCOUNT
    with pytest.raises(ParseError):
        mp.parse_statuses({"not": "a list"}, account_id=ACCOUNT, instance=HOST)
    with pytest.raises(ParseError):
        mp.parse_scheduled({"id": "s", "scheduled_at": "2026-11-23T12:47:10Z"}, account_id=ACCOUNT)


def test_lone_surrogates_are_replaced_not_crashing_the_sanitiser() -> None:
    good = body(13)
    assert isinstance(good, dict)
    post = mp.parse_status(
        {**good, "content": "<p>a\ud800b</p>"}, account_id=ACCOUNT, instance=HOST
    )
    assert post.text == "a\ufffdb"


json_leaf = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(
        alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0xDFFF), max_size=12
    )
)
json_value = st.recursive(
    json_leaf,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def status_template() -> dict[str, object]:
    data = copy.deepcopy(body(64))
    assert isinstance(data, dict)
    return data


@st.composite
def damaged_statuses(draw: st.DrawFn) -> dict[str, object]:
    """A real status with some fields (top level or in its account) replaced by junk."""
    data = status_template()
    for key in draw(st.lists(st.sampled_from(sorted(data)), max_size=4)):
        data[key] = draw(json_value)
    acct = data.get("account")
    if isinstance(acct, dict) and acct and draw(st.booleans()):
        for key in draw(st.lists(st.sampled_from(sorted(acct)), max_size=3)):
            acct[key] = draw(json_value)
    if draw(st.booleans()):
        data["reblog"] = draw(st.none() | json_value | st.just(status_template()))
    return data


@settings(max_examples=300, deadline=None)
@given(st.one_of(damaged_statuses(), st.dictionaries(st.text(max_size=12), json_value)))
def test_parse_status_raises_only_parse_error(data: dict[str, object]) -> None:
    try:
        post = mp.parse_status(data, account_id=ACCOUNT, instance=HOST)
    except ParseError as exc:
        failure: ParseError | None = exc
    else:
        failure = None
        assert post.created_at.tzinfo is UTC
        assert "<script" not in post.html
        if post.engagement is not None:
            assert min(post.engagement.replies, post.engagement.reposts, post.engagement.likes) >= 0
    assert failure is None or failure.account_id == ACCOUNT


@settings(max_examples=150, deadline=None)
@given(json_value)
def test_other_parsers_raise_only_parse_error(data: object) -> None:
    for parse in (
        lambda d: mp.parse_notification(d, account_id=ACCOUNT, instance=HOST),
        lambda d: mp.parse_conversation(d, account_id=ACCOUNT, instance=HOST),
        lambda d: mp.parse_scheduled(d, account_id=ACCOUNT),
        lambda d: mp.parse_account(d, instance=HOST),
        mp.parse_media,
        mp.streams_hashtags,
        mp.status_mentions,
        mp.followers_count,
        lambda d: mp.parse_own_status(d, account_id=ACCOUNT, instance=HOST),
        lambda d: mp.parse_stream_frame(json.dumps(d)),
    ):
        with contextlib.suppress(ParseError):
            parse(data)
