"""Every recorded GoToSocial response through the Mastodon parsers, plus Hypothesis on them."""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.model import Network, Visibility
from app.providers import mastodon_parse as mp
from app.providers.base import AuthExpired, Cursor, NotFound, ParseError, RateLimit, Rejected
from app.providers.mastodon import error_for_status

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
    found = mp.Fields(data, entity="Context", account_id=ACCOUNT)
    return [statuses(list(found.items(part))) for part in ("ancestors", "descendants")]


def search(data: object) -> object:
    found = mp.Fields(data, entity="Search", account_id=ACCOUNT)
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
}
NOT_READ = {
    1: "instance v1: Pantau reads no instance metadata",
    2: "instance v2",
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
    found = mp.Fields(body(42), entity="Context", account_id=ACCOUNT)
    ancestors = statuses(list(found.items("ancestors")))
    descendants = mp.parse_statuses(
        list(found.items("descendants")), account_id=ACCOUNT, instance=HOST
    )
    assert ancestors == []
    assert [p.remote_id for p in descendants] == ["01M846HZZEFA2EHHCQ7VYN0DQX"]


def test_link_headers_give_cursors() -> None:
    links = mp.parse_link_header(headers(21)["link"])
    assert links["next"]["max_id"] == "01M846HX02CRDZV32YA28K4F2C"
    assert links["prev"]["min_id"] == "01M846HX02CRDZV32YA28K4F2C"
    older, newer = mp.link_cursors(headers(22))
    assert older is not None
    assert older.value == "max_id:01M846HWZQY1VDYXG5CR3KXD54"
    assert newer is not None
    assert newer.value == "min_id:01M846HWZQY1VDYXG5CR3KXD54"
    # notifications: notification ids, with the percent-encoded types[] kept
    note_links = mp.parse_link_header(headers(32)["link"])
    assert note_links["next"] == {
        "limit": "20",
        "max_id": "01M846HWZX3MCTQWX1XK5WXG4J",
        "types[]": "mention",
    }
    assert mp.link_cursors(headers(23)) == (None, None)  # an empty page has no Link
    assert mp.parse_link_header('garbage, <no-rel>, <http://x/?a=1>; rel="next"') == {
        "next": {"a": "1"}
    }


def test_cursor_params_round_trip_and_reject_strangers() -> None:
    older, _ = mp.link_cursors(headers(18))
    assert mp.cursor_params(older) == [("max_id", "01M846HWZ73YW07W7HZG4M6HNZ")]
    assert mp.cursor_params(Cursor("since:123")) == []
    assert mp.cursor_params(Cursor("max_id:")) == []
    assert mp.cursor_params(None) == []


def test_rate_limit_headers_of_75_and_epoch_seconds() -> None:
    rate = mp.parse_rate_limit(headers(75), now=NOW)
    assert rate == RateLimit(300, 297, datetime(2026, 11, 23, 12, 42, 19, tzinfo=UTC))
    epoch = mp.parse_rate_limit(
        {
            "X-RateLimit-Limit": "300",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": "1795437739",
        },
        now=NOW,
    )
    assert epoch is not None
    assert epoch.reset_at == datetime.fromtimestamp(1795437739, UTC)
    assert mp.parse_rate_limit(headers(18), now=NOW) is None
    assert mp.reset_time("30", now=NOW) == datetime(2026, 11, 23, 12, 40, 30, tzinfo=UTC)
    assert mp.reset_time("Mon, 23 Nov 2026 12:45:00 GMT", now=NOW) == datetime(
        2026, 11, 23, 12, 45, tzinfo=UTC
    )
    assert mp.reset_time("soon", now=NOW) is None


def test_stream_frames_of_74() -> None:
    frames = exchange(74)["frames"]
    assert isinstance(frames, list)
    parsed = [mp.parse_stream_frame(f["raw"]) for f in frames]
    assert [event for event, _ in parsed] == ["update", "notification", "status.update", "delete"]
    update = parsed[0][1]
    assert isinstance(update, dict)
    post = mp.parse_status(update, account_id=ACCOUNT, instance=HOST)
    assert post.remote_id == "01M846J2MAM3YH20EM9PPPXM5W"
    mention = mp.parse_notification(parsed[1][1], account_id=ACCOUNT, instance=HOST)
    assert mention is not None
    assert mention.remote_id == post.remote_id
    edited = parsed[2][1]
    assert isinstance(edited, dict)
    assert edited["edited_at"] == "2026-11-23T12:37:12.941Z"
    assert parsed[3] == ("delete", "01M846J2MAM3YH20EM9PPPXM5W")
    for bad in ("not json", "[]", '{"event": "update", "payload": "{"}', '{"payload": "x"}'):
        with pytest.raises(ParseError):
            mp.parse_stream_frame(bad)


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
        lambda d: mp.parse_stream_frame(json.dumps(d)),
    ):
        with contextlib.suppress(ParseError):
            parse(data)
