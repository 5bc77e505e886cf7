"""Replay: responses recorded from the real local AT Protocol network (tests/fixtures/bluesky,
made by record.py there) parsed into Pantau's models, field by field; and malformed data
refused with a typed error."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

import pytest

from app.model import Engagement, Network, Visibility
from app.providers import bluesky_parse as bp
from app.providers.base import ParseError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "bluesky"
ACCOUNT = "bluesky:did:plc:test"


@cache
def _load(name: str) -> str:
    return (FIXTURES / f"{name}.json").read_text(encoding="utf-8")


def body(name: str) -> dict[str, object]:
    data = json.loads(_load(name))["response"]
    assert isinstance(data, dict)
    return data


def raw_items(name: str, key: str) -> list[dict[str, object]]:
    items = body(name)[key]
    assert isinstance(items, list)
    return items


def test_timeline_posts_with_facets_images_replies_and_a_repost() -> None:
    listed, cursor = bp.parse_feed(body("01-getTimeline"), account_id=ACCOUNT)
    assert cursor is None  # one page only
    posts = {p.text.split()[0]: (p, at) for p, at in listed}
    assert set(posts) == {"Lampu", "Sudah", "Jalan"}
    question, _ = posts["Jalan"]
    assert question.network is Network.BLUESKY
    assert question.remote_id.startswith("at://did:plc:")
    assert question.remote_id.split("/")[3] == "app.bsky.feed.post"
    assert question.author.handle.startswith("warga1-")
    assert (
        question.url
        == f"https://bsky.app/profile/{question.author.handle}/post/"
        + (question.remote_id.rsplit("/", 1)[1])
    )
    assert question.text.startswith("Jalan berlubang di Jl. Pemuda 🙏🏽 #KemalaJateng @lpse-")
    assert question.html.count("<a ") == 3  # tag, mention, link: byte offsets after an emoji
    assert 'href="https://bsky.app/hashtag/KemalaJateng"' in question.html
    assert 'href="https://lpse.go.id/bantuan"' in question.html
    [image] = question.media
    assert image.kind == "image"
    assert image.description == "Lubang di jalan"
    assert image.url.startswith("http")
    assert image.preview_url.startswith("http")
    answer, _ = posts["Sudah"]
    assert answer.reply_to_id == question.remote_id
    assert answer.thread_root_id == question.remote_id
    # The repost is listed at the time it was reposted, later than the post itself.
    reposted, reposted_at = posts["Lampu"]
    assert reposted.author.handle.startswith("warga2-")
    assert reposted_at > reposted.created_at
    assert json.loads(reposted.raw)["uri"] == reposted.remote_id


def test_notifications_keep_the_mention_with_its_record() -> None:
    notices, _ = bp.parse_notifications(body("02-listNotifications"), account_id=ACCOUNT)
    [notice] = notices
    assert notice.reason == "mention"
    assert notice.author.handle.startswith("warga1-")
    assert notice.record is not None
    assert "kemalajateng" in notice.record.tags
    post = bp.notice_post(notice, account_id=ACCOUNT)
    assert post is not None
    assert post.remote_id == notice.uri
    assert post.media == ()  # the full view comes from getPosts


def test_search_posts_with_their_tags() -> None:
    found, _ = bp.parse_search(body("03-searchPosts-tag"), account_id=ACCOUNT)
    [(post, view)] = found
    assert "#KemalaJateng" in post.text
    assert bp.post_view_tags(view, account_id=ACCOUNT) == frozenset({"kemalajateng"})


def test_get_posts_and_the_thread_oldest_first() -> None:
    posts = bp.parse_posts(body("04-getPosts"), account_id=ACCOUNT)
    assert [p.text.split()[0] for p in posts] == ["Jalan", "Lampu"]
    thread = bp.parse_thread(body("05-getPostThread"), account_id=ACCOUNT)
    assert [p.text.split()[0] for p in thread] == ["Jalan", "Sudah"]
    assert thread[1].reply_to_id == thread[0].remote_id


def test_a_conversation_and_its_messages() -> None:
    [raw] = raw_items("06-listConvos", "convos")
    members = raw["members"]
    assert isinstance(members, list)
    admin = next(m["did"] for m in members if str(m["handle"]).startswith("lpse-"))
    convos, _ = bp.parse_convos(body("06-listConvos"), me=admin, account_id=ACCOUNT)
    [convo] = convos
    assert convo.unread
    [citizen] = convo.participants  # the admin is not listed as a participant
    assert citizen.handle.startswith("warga2-")
    assert convo.last_post is not None
    assert convo.last_post.text == "NIK saya tidak terdaftar di SIKaP"
    assert convo.last_post.visibility is Visibility.DIRECT
    assert convo.last_post.author == citizen
    assert convo.updated_at == convo.last_post.created_at
    messages, _ = bp.parse_messages(
        body("07-getMessages"),
        convo_id=convo.remote_id,
        members={citizen.remote_id: citizen},
        account_id=ACCOUNT,
    )
    assert [m.text for m in messages] == ["NIK saya tidak terdaftar di SIKaP"]
    assert messages[0].conversation_id == convo.remote_id


def test_a_deleted_message_is_left_out() -> None:
    data = copy.deepcopy(body("07-getMessages"))
    messages = data["messages"]
    assert isinstance(messages, list)
    messages.append(
        {"$type": "chat.bsky.convo.defs#deletedMessageView", "id": "x", "rev": "y",
         "sender": {"did": "did:plc:z"}, "sentAt": "2026-11-23T10:00:00Z"}
    )  # fmt: skip
    found, _ = bp.parse_messages(data, convo_id="c", members={}, account_id=ACCOUNT)
    assert len(found) == 1


def _broken(name: str, path: list[str | int], value: object) -> dict[str, object]:
    data = copy.deepcopy(body(name))
    node: object = data
    for step in path[:-1]:
        node = node[step]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    return data


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (["feed", 0, "post", "uri"], None, "uri"),
        (["feed", 0, "post", "author"], "someone", "Profile"),
        (["feed", 0, "post", "record", "text"], 42, "text"),
        (["feed", 0, "post", "indexedAt"], "yesterday", "indexedAt"),
        (["feed", 0, "post", "record", "reply"], {"parent": {}}, "uri"),
        (["feed"], {"not": "a list"}, "feed"),
    ],
)
def test_malformed_timelines_raise_a_typed_error_naming_the_field(
    path: list[str | int], value: object, field: str
) -> None:
    with pytest.raises(ParseError) as raised:
        bp.parse_feed(_broken("01-getTimeline", path, value), account_id=ACCOUNT)
    assert field in str(raised.value)
    assert raised.value.account_id == ACCOUNT


def test_a_bad_created_at_falls_back_to_the_index_time_and_the_future_is_capped() -> None:
    bad = _broken("04-getPosts", ["posts", 0, "record", "createdAt"], "kemarin")
    future = _broken("04-getPosts", ["posts", 0, "record", "createdAt"], "2099-01-01T00:00:00Z")
    for data in (bad, future):
        post = bp.parse_posts(data, account_id=ACCOUNT)[0]
        indexed = raw_items("04-getPosts", "posts")[0]["indexedAt"]
        assert post.created_at.isoformat().startswith(str(indexed)[:19])


def test_post_views_carry_what_people_did_with_them() -> None:
    listed, _ = bp.parse_feed(body("01-getTimeline"), account_id=ACCOUNT)
    counted = {p.text.split()[0]: p.engagement for p, _ in listed}
    assert counted == {
        "Jalan": Engagement(replies=1),  # the office's answer
        "Lampu": Engagement(reposts=1),  # warga1's repost
        "Sudah": Engagement(),
    }
    thread = bp.parse_thread(body("05-getPostThread"), account_id=ACCOUNT)
    assert [p.engagement for p in thread] == [Engagement(replies=1), Engagement()]
    [(found, _)] = bp.parse_search(body("03-searchPosts-tag"), account_id=ACCOUNT)[0]
    assert found.engagement == Engagement(replies=1)


def test_quotes_count_as_reposts_and_absent_counts_as_zero() -> None:
    data = _broken("04-getPosts", ["posts", 0, "quoteCount"], 2)
    view = data["posts"][0]  # type: ignore[index]
    view["likeCount"] = 4
    del view["replyCount"]
    view["repostCount"] = None
    post = bp.parse_posts(data, account_id=ACCOUNT)[0]
    assert post.engagement == Engagement(replies=0, reposts=2, likes=4)


@pytest.mark.parametrize(
    ("field", "value"),
    [("likeCount", -1), ("repostCount", "3"), ("replyCount", True), ("quoteCount", 1.5)],
)
def test_a_count_that_is_not_a_count_is_refused(field: str, value: object) -> None:
    with pytest.raises(ParseError) as raised:
        bp.parse_posts(_broken("04-getPosts", ["posts", 0, field], value), account_id=ACCOUNT)
    assert field in str(raised.value)
    assert raised.value.entity == "PostView"


def test_an_author_feed_says_why_each_post_is_listed_and_when() -> None:
    # getTimeline and getAuthorFeed answer with the same feedViewPost list.
    pin = {"$type": "app.bsky.feed.defs#reasonPin"}
    data = _broken("01-getTimeline", ["feed", 1, "reason"], pin)
    items, cursor = bp.parse_author_feed(data, account_id=ACCOUNT)
    assert cursor is None
    [repost, pinned, *plain] = items
    assert repost.reason == bp.REASON_REPOST
    reason = raw_items("01-getTimeline", "feed")[0]["reason"]
    assert isinstance(reason, dict)
    assert repost.at is not None
    assert repost.at.isoformat().startswith(str(reason["indexedAt"])[:19])  # the repost's
    assert repost.at > repost.post.created_at
    assert pinned.reason == "app.bsky.feed.defs#reasonPin"
    assert pinned.at is None  # listed out of time order
    assert len(plain) == 1
    assert plain[0].reason == ""
    assert plain[0].at == plain[0].post.created_at
    with pytest.raises(ParseError):
        bp.parse_author_feed(
            _broken("01-getTimeline", ["feed", 0, "reason"], {"by": {}}), account_id=ACCOUNT
        )


def test_the_follower_count_of_a_profile() -> None:
    profile = {"did": "did:plc:x", "handle": "x.test"}
    assert bp.parse_followers_count({**profile, "followersCount": 12}) == 12
    assert bp.parse_followers_count(profile) == 0
    with pytest.raises(ParseError):
        bp.parse_followers_count({**profile, "followersCount": "12"})
